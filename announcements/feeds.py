"""RSS and Atom feeds of newly published commitments and progress reports, per language."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.feeds import LanguageAtomFeed, LanguageItemsMixin, shown_language

from . import queries


class CommitmentsFeed(LanguageItemsMixin, Feed):
    title = _("New commitments")
    description = _("Commitments newly published in the registry.")

    def link(self):
        return reverse("announcements:commitment_list")

    def items(self):
        return queries.public().select_related("lead_organisation", "summit").order_by("-published_at", "-pk")[:50]

    def item_title(self, item):
        return f"{item.title} — {item.lead_organisation.name}"

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_guid(self, item):
        return item.reference

    def item_language(self, item):
        return shown_language(item, "title")


class CommitmentsAtomFeed(CommitmentsFeed):
    feed_type = LanguageAtomFeed
    subtitle = CommitmentsFeed.description


class ReportsFeed(LanguageItemsMixin, Feed):
    title = _("Published progress reports")
    description = _("Progress reports on announced commitments.")

    def link(self):
        return reverse("announcements:commitment_list")

    def items(self):
        return queries.published_reports().select_related("commitment__lead_organisation").order_by(
            "-published_at", "-pk")[:50]

    def item_title(self, item):
        return _("%(title)s: %(percent)s%% complete") % {"title": item.commitment.title,
                                                          "percent": item.percent_complete}

    def item_description(self, item):
        return item.narrative

    def item_link(self, item):
        return item.commitment.get_absolute_url() + f"#report-{item.pk}"

    def item_pubdate(self, item):
        return item.published_at

    def item_guid(self, item):
        return f"{item.commitment.reference}-report-{item.pk}"

    def item_language(self, item):
        return shown_language(item, "narrative")


class ReportsAtomFeed(ReportsFeed):
    feed_type = LanguageAtomFeed
    subtitle = ReportsFeed.description
