"""StreamField blocks of the public site (standard pages, home page, summit pages)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt = blocks.CharBlock(
        label=_("alternative text"), required=False,
        help_text=_("Describe the image for people who cannot see it; leave empty to use the image description."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False)
    credit = blocks.CharBlock(label=_("credit"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)
    role = blocks.CharBlock(label=_("role or organisation"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "cms/blocks/quote.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    text = blocks.TextBlock(label=_("text"), required=False)
    link_page = blocks.PageChooserBlock(label=_("page"), required=False)
    link_url = blocks.URLBlock(label=_("or address"), required=False)
    button = blocks.CharBlock(label=_("button label"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "cms/blocks/call_to_action.html"

    def clean(self, value):
        result = super().clean(value)
        if not result.get("link_page") and not result.get("link_url"):
            from django.core.exceptions import ValidationError
            from wagtail.blocks import StructBlockValidationError

            raise StructBlockValidationError(
                block_errors={"link_url": ValidationError(_("Choose a page or enter an address."))}
            )
        return result


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"))
    logo = ImageChooserBlock(label=_("logo"), required=False)
    url = blocks.URLBlock(label=_("website"), required=False)


class PartnerLogosBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False)
    partners = blocks.ListBlock(PartnerBlock(), label=_("partners"))

    class Meta:
        icon = "group"
        label = _("Partner logos")
        template = "cms/blocks/partners.html"


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(
        label=_("figure"),
        # xgettext:no-python-format
        help_text=_("For example 30% or 2030."),
    )
    label = blocks.CharBlock(label=_("what it counts"))


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("figures"))

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "cms/blocks/key_figures.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), icon="title", form_classname="title",
                               template="cms/blocks/heading.html")
    paragraph = blocks.RichTextBlock(
        label=_("Rich text"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedBlock(label=_("Embedded media"), icon="media", template="cms/blocks/embed.html")
    partners = PartnerLogosBlock()
    key_figures = KeyFiguresBlock()
