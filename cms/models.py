"""Page types, navigation snippets of the public site.

Pages live in one tree per locale (Wagtail i18n, translated with wagtail-localize). A summit page is
tied to a ``summits.Summit``; its sub-pages (themes, programme, speakers, sessions) are rendered live
from the domain, whose texts are translated with django-modeltranslation.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index

from core.validators import LinkValidator

from . import cache as page_cache
from .blocks import BodyBlock


class PlenaryPage(Page):
    """Common base: social image, page caching for anonymous visitors, untranslated fallback flag."""

    social_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("social media image"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Shown when the page is shared (Open Graph, Twitter cards)."),
    )

    promote_panels = Page.promote_panels + [FieldPanel("social_image")]
    cacheable = True

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        return page_cache.serve_cached(self, request, lambda: super(PlenaryPage, self).serve(request, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["fallback_language"] = getattr(request, "plenary_fallback", None)
        return context


class FallbackRouteMixin:
    """A page missing from this locale's tree is served from the default locale, saying so."""

    def route(self, request, path_components):
        from .links import fallback_route

        try:
            return super().route(request, path_components)
        except Http404:
            return fallback_route(self, request, path_components)


class HomePage(FallbackRouteMixin, PlenaryPage):
    intro = models.TextField(_("introduction"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("hero image"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("hero_image"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    # The home page lists the summits with their dates and places, and news of every language (cms.cache).
    cache_extra_scopes = ("summits", "listings")
    subpage_types = ["cms.SummitPage", "cms.StandardPage", "cms.NewsIndexPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from .links import news_in_locale
        from .queries import summit_pages

        context = super().get_context(request, *args, **kwargs)
        context["summit_pages"] = summit_pages(self)
        # Lazy: read only when the cached fragment of the page's content is rendered.
        context["latest_news"] = SimpleLazyObject(lambda: news_in_locale(self.locale, limit=3))
        return context


class StandardPage(PlenaryPage):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class NewsIndexPage(PlenaryPage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["cms.NewsPage"]
    max_count_per_parent = 1
    # Its cards name their summits; news not translated yet are listed from the default locale (cms.cache).
    cache_extra_scopes = ("summits", "listings")

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        from core.text import clean_text

        from .links import news_in_locale

        context = super().get_context(request, *args, **kwargs)
        tag = clean_text(request.GET.get("tag"), 100)
        items = news_in_locale(self.locale, tag=tag)
        context["tag"] = tag
        context["news_page"] = Paginator(items, 12).get_page(request.GET.get("page"))
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("cms.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPage(PlenaryPage):
    date = models.DateField(_("date"))
    summit = models.ForeignKey(
        "summits.Summit", verbose_name=_("summit"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="news_pages",
    )
    intro = models.TextField(_("summary"), help_text=_("One or two sentences shown in lists and feeds."))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("summit"), FieldPanel("tags")], heading=_("Press release")),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body"),
                                          index.FilterField("date")]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news page")
        verbose_name_plural = _("news pages")


class SummitPage(RoutablePageMixin, PlenaryPage):
    """The public site of one summit. Sub-pages are rendered live from the summit's data."""

    summit = models.ForeignKey(
        "summits.Summit", verbose_name=_("summit"), on_delete=models.PROTECT, related_name="pages"
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), verbose_name=_("overview"), blank=True)
    practical = StreamField(
        BodyBlock(), verbose_name=_("practical information"), blank=True,
        help_text=_("Venue, access, accreditation, accessibility, interpretation, contacts."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summit"), FieldPanel("intro"), FieldPanel("body"), FieldPanel("practical"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body"),
                                          index.SearchField("practical")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("summit page")

    def clean(self):
        super().clean()
        if self.summit_id:
            clash = SummitPage.objects.filter(summit_id=self.summit_id, locale_id=self.locale_id).exclude(
                translation_key=self.translation_key
            )
            if clash.exists():
                raise ValidationError({"summit": _("This summit already has a page in this language.")})

    def get_template(self, request, *args, **kwargs):
        return "cms/summit/overview.html"

    def get_cached_paths(self):
        """The addresses a CDN may keep of this summit's site (purged by cms.frontend_cache)."""
        from summits.models import Session, Theme

        paths = ["/", "/themes/", "/programme/", "/speakers/", "/practical/"]
        paths += [f"/themes/{slug}/" for slug in Theme.objects.filter(summit_id=self.summit_id).values_list("slug", flat=True)]
        paths += [f"/sessions/{slug}/" for slug in Session.objects.filter(summit_id=self.summit_id, is_published=True)
                  .values_list("slug", flat=True)]
        return paths

    def serve(self, request, view=None, args=None, kwargs=None):
        # RoutablePageMixin.serve calls the section's view directly: cache around it.
        return page_cache.serve_cached(
            self, request, lambda: RoutablePageMixin.serve(self, request, view, args, kwargs)
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["summit"] = self.summit
        from .links import url_in_locale

        context["page_url"] = url_in_locale(self, request)
        context["section"] = getattr(request, "plenary_section", "overview")
        return context

    def _render(self, request, section, template, **extra):
        request.plenary_section = section
        return self.render(request, template=template, context_overrides=extra)

    @path("")
    def overview(self, request):
        from .queries import summit_overview

        return self._render(request, "overview", "cms/summit/overview.html", **summit_overview(self.summit))

    @path("themes/")
    def themes(self, request):
        from .queries import themes_with_counts

        return self._render(request, "themes", "cms/summit/themes.html", themes=themes_with_counts(self.summit))

    @path("themes/<slug:slug>/")
    def theme(self, request, slug):
        from summits.models import Theme

        from .queries import ProgrammeListing, public_programme

        theme = get_object_or_404(Theme, summit=self.summit, slug=slug)
        sessions = public_programme(self.summit).filter(theme=theme)
        return self._render(request, "themes", "cms/summit/theme.html", theme=theme, listing=ProgrammeListing(sessions))

    @path("programme/")
    def programme(self, request):
        from .queries import programme_page

        return self._render(request, "programme", "cms/summit/programme.html", **programme_page(self.summit, request.GET))

    @path("sessions/<slug:slug>/")
    def session(self, request, slug):
        from .queries import public_programme

        session = get_object_or_404(public_programme(self.summit), slug=slug)
        return self._render(request, "programme", "cms/summit/session.html", session=session)

    @path("speakers/")
    def speakers(self, request):
        from .queries import summit_speakers

        return self._render(request, "speakers", "cms/summit/speakers.html", speakers=summit_speakers(self.summit))

    @path("practical/")
    def practical_information(self, request):
        return self._render(request, "practical", "cms/summit/practical.html")


def ics_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class MenuHandle(models.TextChoices):
    MAIN = "main", _("Main navigation")
    FOOTER = "footer", _("Footer")


class Menu(TranslatableMixin, ClusterableModel):
    """A navigation menu (main or footer) in one language; translate it like a page."""

    handle = models.CharField(_("placement"), max_length=20, choices=MenuHandle.choices)
    note = models.TextField(
        _("footer text"), blank=True, help_text=_("Shown under the footer links (address, copyright…).")
    )

    panels = [FieldPanel("handle"), FieldPanel("note"), InlinePanel("items", label=_("links"))]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("menu")
        verbose_name_plural = _("menus")
        constraints = [models.UniqueConstraint(fields=["handle", "locale"], name="menu_unique_handle_per_locale")]

    def __str__(self):
        return f"{self.get_handle_display()} ({self.locale.language_code})"


class MenuItem(Orderable):
    menu = ParentalKey(Menu, on_delete=models.CASCADE, related_name="items")
    label = models.CharField(_("label"), max_length=80)
    link_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    link_url = models.CharField(_("or address"), max_length=300, blank=True, validators=[LinkValidator()],
                                help_text=_("https://…, mailto:…, tel:… or a path on this site such as /en/news/"))

    panels = [FieldPanel("label"), PageChooserPanel("link_page"), FieldPanel("link_url")]

    class Meta(Orderable.Meta):
        verbose_name = _("link")

    def clean(self):
        if not self.link_page_id and not self.link_url:
            raise ValidationError({"link_url": _("Choose a page or enter an address.")})

    def __str__(self):
        return self.label
