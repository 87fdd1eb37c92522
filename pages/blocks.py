"""The one body StreamField every page type reuses, and the blocks inside it.

Each block names its template, so templates/components/streamfield/blocks/
mirrors this file, and carries an icon, a description and a preview value
for Wagtail's block picker.

Optional text defaults to "" rather than None, so content made in code (the
demo, imports) has the same shape as content saved from the editor; the
translation tools cannot read a None where they expect text.
"""

import json
import re
from collections.abc import Mapping

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import validate_slug
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.typed_table_block.blocks import (
    TypedTableBlock,
    TypedTableBlockValidationError,
)
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock

from caching.fragments import cached_fragment

from . import chosen_pages

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]
BLOCK_TEMPLATE_DIR = "components/streamfield/blocks"
# The page types some blocks choose, named rather than imported: those apps build on this one.
REPORT_PAGE = "reports.ReportPage"
ISSUE_PAGE = "issues.IssuePage"
BILL_PAGE = "legislation.BillPage"


# What a stored link may lead to; an address without a scheme is relative.
SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
URL_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
# Taken out before the scheme is read: browsers skip tabs and line breaks anywhere in
# an address, and control characters before it ("java\tscript:" is "javascript:").
IGNORED_IN_ADDRESSES = re.compile(r"[\x00-\x20\x7f-\xa0\s]+")


def safe_link_address(address):
    """`address` if following it can only lead to a place (http, https, mailto, tel or relative).

    Anything else ("javascript:", "data:", "vbscript:"…) is "": the admin's
    forms refuse such addresses, but one stored another way (an import, a
    translation file, a direct database change) must not become a live link.
    """
    if not address:
        return ""
    scheme = URL_SCHEME.match(IGNORED_IN_ADDRESSES.sub("", address).lower())
    if scheme and scheme.group(1) not in SAFE_LINK_SCHEMES:
        return ""
    return address


class LinkValue(blocks.StructValue):
    """Lets templates ask a link for its words and its outside address whichever way it was given.

    The address of a page link is left to {% pageurl %} in the template, which
    knows the request and so makes it relative to the site being read.
    """

    @cached_property
    def text(self):
        page = self.get("page")
        return self.get("label") or (page.title if page else "")

    @cached_property
    def safe_url(self):
        """The outside address, or "" when its scheme is not one a link may use."""
        return safe_link_address(self.get("url"))


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or to another website, with its visible text."""

    page = blocks.PageChooserBlock(required=False, help_text="A page on this site…")
    url = blocks.URLBlock(
        required=False, default="", help_text="…or an address on another website."
    )
    label = blocks.CharBlock(
        required=False,
        default="",
        max_length=80,
        help_text="The words people click. Leave blank to use the page's title.",
    )

    class Meta:
        icon = "link"
        value_class = LinkValue

    def __init__(self, *args, **kwargs):
        # StructBlock has no notion of being required; a link that goes nowhere
        # would render as a button with no destination, so we add one.
        self._link_required = kwargs.get("required", True)
        super().__init__(*args, **kwargs)

    @property
    def required(self):
        return self._link_required

    def clean(self, value):
        value = super().clean(value)
        has_page, has_url = bool(value.get("page")), bool(value.get("url"))
        if has_page and has_url:
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError("Choose a page or enter an address, not both.")
                }
            )
        # Drafts may be saved unfinished; the destination is needed to publish.
        if not has_page and not has_url and self.required and not self.is_deferred_validation:
            raise StructBlockValidationError(
                block_errors={"page": ValidationError("Choose a page or enter an address.")}
            )
        if has_url and not value.get("label"):
            raise StructBlockValidationError(
                block_errors={"label": ValidationError("Say where an outside link goes.")}
            )
        return value


def refused_addresses(block, value):
    """(address, message) for each web or e-mail address in `value` that its own block refuses.

    The admin's form checks each address as it is typed; a value written
    some other way (a translation applied by wagtail-localize, an import) is
    never checked by the model. This walks the stored value so the model can
    refuse what the form would have.
    """
    if isinstance(block, blocks.URLBlock | blocks.EmailBlock):
        # An embed (a URLBlock too) holds its provider's answer, checked when chosen.
        if value and isinstance(value, str):
            try:
                block.field.clean(value)
            except ValidationError as error:
                yield value, " ".join(error.messages)
    elif isinstance(block, blocks.StructBlock) and isinstance(value, Mapping):
        # (Some struct blocks, such as ImageBlock, have a value of their own kind.)
        for name, child in block.child_blocks.items():
            yield from refused_addresses(child, value.get(name))
    elif isinstance(block, blocks.StreamBlock):
        for child in value or []:
            yield from refused_addresses(child.block, child.value)
    elif isinstance(block, blocks.ListBlock):
        for item in value or []:
            yield from refused_addresses(block.child_block, item)


def refuse_bad_addresses(instance):
    """Raise a ValidationError naming each StreamField of `instance` that holds a bad address."""
    errors = {}
    for field in instance._meta.get_fields():
        if isinstance(field, StreamField):
            refused = list(refused_addresses(field.stream_block, getattr(instance, field.name)))
            if refused:
                errors[field.name] = [
                    f"“{address}” is not a link address: {message}" for address, message in refused
                ]
    if errors:
        raise ValidationError(errors)


class OptionalLinkBlock(LinkBlock):
    """A link that may be left empty."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, required=False, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value.get("label") and not (value.get("page") or value.get("url")):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError("Choose where this link goes.")}
            )
        return value


class HeadingValue(blocks.StructValue):
    """A heading knows its anchor, so a link can point at its section."""

    # Not `anchor`: templates look up dictionary keys before attributes.
    @cached_property
    def link_anchor(self):
        return self.get("anchor") or slugify(self.get("text", ""))


class HeadingBlock(blocks.StructBlock):
    """A section heading; the page title is always the only level-one heading."""

    text = blocks.CharBlock(max_length=120, help_text="Short: a heading is read, not studied.")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section (level 2)"), ("h3", "Subsection (level 3)")],
        default="h2",
        help_text="Use level 3 only inside a level 2 section.",
    )
    anchor = blocks.CharBlock(
        required=False,
        default="",
        max_length=60,
        validators=[validate_slug],
        help_text=(
            "Optional: the name after # in a link to this section, e.g. 'how-to-apply'. "
            "Leave blank to make one from the heading."
        ),
    )

    class Meta:
        icon = "title"
        template = f"{BLOCK_TEMPLATE_DIR}/heading_block.html"
        value_class = HeadingValue
        description = "A heading that starts a new section of the page, with a link anchor."
        preview_value = {"text": "Why community input matters", "level": "h2", "anchor": ""}


class ParagraphBlock(blocks.RichTextBlock):
    """Running text with links and lists."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = f"{BLOCK_TEMPLATE_DIR}/paragraph_block.html"
        description = "Paragraphs of text, with links, bold, italics and lists."
        preview_value = (
            "<p>Families across New Mexico told us what they want from their schools.</p>"
        )


def figure_preview():
    """The block picker's sample figure: the newest picture in the library, if any."""
    image = get_image_model().objects.order_by("-created_at").first()
    # An empty library has no picture, and so no alt text, to offer.
    sample = None
    if image:
        sample = {"image": image, "alt_text": image.default_alt_text, "decorative": False}
    return {
        "image": sample,
        "caption": "Parents and teachers at a community forum.",
    }


def document_preview():
    """The block picker's sample download: the newest document in the library, if any."""
    return {
        "document": get_document_model().objects.order_by("-created_at").first(),
        "title": "",
        "description": "What more than 4,000 New Mexicans told the state.",
    }


class FigureBlock(blocks.StructBlock):
    """An image across the text column, with alt text and an optional caption."""

    image = ImageBlock(help_text="Describe the picture in its alt text, or mark it decorative.")
    caption = blocks.CharBlock(
        required=False, default="", max_length=250, help_text="Shown under the image."
    )

    class Meta:
        icon = "image"
        template = f"{BLOCK_TEMPLATE_DIR}/figure_block.html"
        description = "A picture with alt text for people who cannot see it, and a caption."
        preview_value = staticmethod(figure_preview)


class QuoteBlock(blocks.StructBlock):
    """Somebody's own words, attributed."""

    quote = blocks.TextBlock(max_length=600, help_text="The words, without quotation marks.")
    attribution = blocks.CharBlock(
        required=False,
        default="",
        max_length=120,
        help_text="Who said it, e.g. 'Parent, Las Cruces'.",
    )

    class Meta:
        icon = "openquote"
        template = f"{BLOCK_TEMPLATE_DIR}/quote_block.html"
        description = "A quotation set apart from the text, with who said it."
        preview_value = {
            "quote": "When parents are asked, they have a lot to say.",
            "attribution": "Parent, Albuquerque",
        }


class CallToActionBlock(blocks.StructBlock):
    """A short appeal with one clear button: take the survey, join the forum."""

    heading = blocks.CharBlock(
        max_length=120, help_text="What you are asking, e.g. 'Take the survey'."
    )
    text = blocks.TextBlock(
        required=False, default="", max_length=400, help_text="One or two sentences of why."
    )
    link = LinkBlock(help_text="Where the button goes.")

    class Meta:
        icon = "pick"
        template = f"{BLOCK_TEMPLATE_DIR}/call_to_action_block.html"
        description = "A highlighted box asking readers to do one thing, with a button."
        preview_value = {
            "heading": "Tell the state what you think",
            "text": "The survey takes ten minutes, in English or Spanish.",
            "link": {"url": "https://example.org/survey", "label": "Take the survey"},
        }


class CardBlock(blocks.StructBlock):
    """One item in a card list: a promise, a pillar, a reason."""

    title = blocks.CharBlock(max_length=120, help_text="A few words.")
    text = blocks.TextBlock(
        required=False, default="", max_length=500, help_text="A sentence or two. Optional."
    )
    link = OptionalLinkBlock(help_text="Optional: where to read more.")

    class Meta:
        icon = "doc-full"


class CardListBlock(blocks.StructBlock):
    """A titled set of short items, optionally numbered, such as the five promises."""

    heading = blocks.CharBlock(max_length=120, help_text="e.g. 'Believe in Better'.")
    intro = blocks.TextBlock(
        required=False, default="", max_length=600, help_text="A short paragraph. Optional."
    )
    numbered = blocks.BooleanBlock(
        required=False, default=False, help_text="Number the items, for a list whose order matters."
    )
    cards = blocks.ListBlock(CardBlock(), min_num=1, help_text="At least one item.")

    class Meta:
        icon = "list-ol"
        template = f"{BLOCK_TEMPLATE_DIR}/card_list_block.html"
        description = "A heading and a set of short items, numbered or not."
        preview_value = {
            "heading": "Our promises",
            "numbered": True,
            "cards": [
                {"title": "The education that's right for you", "text": ""},
                {"title": "Tutoring and care for every student", "text": ""},
            ],
        }


def newest_live_pages(page_type, count):
    """The `count` newest live pages of `page_type` ("app_label.ModelName"), newest first.

    Named by string, like a PageChooserBlock's page type, so the block
    library does not import the apps whose pages its blocks choose.
    """
    model = apps.get_model(page_type)
    return list(model.objects.live().order_by("-first_published_at", "-pk")[:count])


def featured_report_preview():
    """The block picker's sample: the newest live report, if there is one."""
    reports = newest_live_pages(REPORT_PAGE, 1)
    return {"report": reports[0] if reports else None, "label": ""}


def issue_list_preview():
    """The block picker's sample: the three newest live issues, if there are any."""
    return {
        "heading": "Important issues",
        "intro": "The policy questions we work on with families, educators and lawmakers.",
        "issues": newest_live_pages(ISSUE_PAGE, 3),
    }


class RenderedOncePerContent:
    """A block whose HTML depends only on its value, published content and the reader's language.

    Its pages are read once per content version and language, not on every
    page-cache miss (caching/fragments.py).
    """

    def render(self, value, context=None):
        render = super().render
        return cached_fragment(
            (context or {}).get("request"),
            f"block:{self.name}",
            [json.dumps(self.get_prep_value(value), sort_keys=True, cls=DjangoJSONEncoder)],
            lambda: render(value, context),
        )


class FeaturedReportBlock(RenderedOncePerContent, blocks.StructBlock):
    """Puts one of the reports in front of visitors: its title, summary, file and page.

    The block holds the choice, not a copy: what it shows is read from the
    report page when the page is served, so correcting or translating the
    report corrects every page that features it.
    """

    report = blocks.PageChooserBlock(
        page_type=REPORT_PAGE,
        help_text=(
            "The report to feature. Its title, summary, partners, cover and file are shown as "
            "the report page has them, in the reader's language."
        ),
    )
    label = blocks.CharBlock(
        required=False,
        default="",
        max_length=40,
        help_text="Optional: a small label above the title. Leave blank for 'Featured report'.",
    )

    class Meta:
        icon = "doc-full-inverse"
        template = f"{BLOCK_TEMPLATE_DIR}/featured_report_block.html"
        description = "One of your reports given pride of place: its summary, file and page."
        preview_value = staticmethod(featured_report_preview)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        shown = chosen_pages.as_the_reader_gets_them(
            [value.get("report")], parent_context, related=("document", "image")
        )
        # None when the report is unpublished or deleted: nothing is shown, no dead link.
        context["report"] = shown[0] if shown else None
        # Left blank, the label is the interface's, in the reader's language.
        context["label"] = value.get("label") or gettext("Featured report")
        return context


class IssueListBlock(RenderedOncePerContent, blocks.StructBlock):
    """Some of the issues the organization works on, chosen and ordered by the editor.

    Each issue is read from its page when the page is served: its title,
    summary and address, in the reader's language.
    """

    heading = blocks.CharBlock(
        default="Important issues", max_length=120, help_text="Shown above the list."
    )
    intro = blocks.TextBlock(
        required=False, default="", max_length=600, help_text="A short paragraph. Optional."
    )
    issues = blocks.ListBlock(
        blocks.PageChooserBlock(page_type=ISSUE_PAGE),
        min_num=1,
        help_text=(
            "The issue pages to list, in this order. Each shows its page's title and summary "
            "and links to it."
        ),
    )

    class Meta:
        icon = "list-ul"
        template = f"{BLOCK_TEMPLATE_DIR}/issue_list_block.html"
        description = "Issue pages you choose, each with its summary and a link to it."
        preview_value = staticmethod(issue_list_preview)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["issues"] = chosen_pages.as_the_reader_gets_them(
            value.get("issues"), parent_context
        )
        return context


def watched_bills_preview():
    """The block picker's sample: the three newest live bills, if there are any."""
    return {
        "heading": "Bills we are watching",
        "intro": "Where the bills on our agenda stand in the legislature.",
        "bills": newest_live_pages(BILL_PAGE, 3),
    }


class WatchedBillsBlock(RenderedOncePerContent, blocks.StructBlock):
    """Some of the bills the organization follows, chosen by the editor, as they stand today.

    Each bill is read from its page when the page is served: its number,
    title, position and current status, in the reader's language, so a vote
    recorded on the bill's page shows here at once. A link leads to the
    whole tracker.
    """

    heading = blocks.CharBlock(
        default="Bills we are watching", max_length=120, help_text="Shown above the bills."
    )
    intro = blocks.TextBlock(
        required=False, default="", max_length=600, help_text="A short paragraph. Optional."
    )
    bills = blocks.ListBlock(
        blocks.PageChooserBlock(page_type=BILL_PAGE),
        min_num=1,
        max_num=6,
        help_text=(
            "Up to six bill pages from your tracker, in this order. Each shows its number, title, "
            "your position and where it stands, as its page has them."
        ),
    )

    class Meta:
        icon = "glasses"
        template = f"{BLOCK_TEMPLATE_DIR}/watched_bills_block.html"
        description = "Bills from your tracker, each with your position and where it stands."
        preview_value = staticmethod(watched_bills_preview)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        bills = chosen_pages.as_the_reader_gets_them(value.get("bills"), parent_context)
        context["bills"] = bills
        # "Every bill we follow" leads to the tracker holding them, in the reader's language.
        context["tracker"] = bills[0].page.get_parent() if bills else None
        return context


class StatisticBlock(blocks.StructBlock):
    """One number that tells the story, with what it counts and where it comes from."""

    figure = blocks.CharBlock(
        max_length=20, help_text="The number as readers should see it, e.g. '4,000+' or '62%'."
    )
    label = blocks.CharBlock(
        max_length=160, help_text="What it counts, e.g. 'New Mexicans shared their input'."
    )
    source = blocks.CharBlock(
        required=False,
        default="",
        max_length=200,
        help_text="Optional: where the number comes from, e.g. 'ESSA survey, 2016'.",
    )

    class Meta:
        icon = "order"
        template = f"{BLOCK_TEMPLATE_DIR}/statistic_block.html"
        description = "A large number with a line saying what it counts, and its source."
        preview_value = {
            "figure": "4,000+",
            "label": "New Mexicans shared their input",
            "source": "Statewide ESSA survey",
        }


class DocumentBlock(blocks.StructBlock):
    """A file to download, such as a report PDF, labelled with its type and size."""

    document = DocumentChooserBlock(help_text="Upload the file to the document library first.")
    title = blocks.CharBlock(
        required=False,
        default="",
        max_length=200,
        help_text="What readers click. Leave blank to use the document's title.",
    )
    description = blocks.TextBlock(
        required=False,
        default="",
        max_length=300,
        help_text="Optional: one sentence on what is inside.",
    )

    class Meta:
        icon = "download"
        template = f"{BLOCK_TEMPLATE_DIR}/document_block.html"
        description = "A download link to a file, showing its type and size."
        preview_value = staticmethod(document_preview)


class TableBlock(TypedTableBlock):
    """A table of figures or facts; each column holds one kind of value."""

    text = blocks.CharBlock(required=False, max_length=200)
    number = blocks.DecimalBlock(required=False)
    rich_text = blocks.RichTextBlock(required=False, features=["bold", "italic", "link"])

    class Meta:
        icon = "table"
        template = f"{BLOCK_TEMPLATE_DIR}/table_block.html"
        description = "A table with a caption and column headings, for data readers compare."
        preview_value = {
            "caption": "Survey responses by region",
            "columns": [
                {"type": "text", "heading": "Region"},
                {"type": "number", "heading": "Responses"},
            ],
            "rows": [{"values": ["Northwest", "412"]}, {"values": ["Southeast", "389"]}],
        }

    def clean(self, value):
        value = super().clean(value)
        # A table without a caption is a grid of numbers nobody can place,
        # and screen readers announce the caption and headings before the cells.
        errors = []
        if not value.columns or not value.row_data:
            errors.append(ValidationError("Add at least one column and one row."))
        if not (value.caption or "").strip():
            errors.append(ValidationError("Give the table a caption saying what it shows."))
        if any(not (column["heading"] or "").strip() for column in value.columns):
            errors.append(ValidationError("Give every column a heading."))
        if errors:
            raise TypedTableBlockValidationError(non_block_errors=errors)
        return value


class QuestionBlock(blocks.StructBlock):
    """One question of an accordion and its answer."""

    question = blocks.CharBlock(max_length=200, help_text="As a reader would ask it.")
    answer = ParagraphBlock(help_text="The answer; links and lists are fine.")

    class Meta:
        icon = "comment"


class AccordionBlock(blocks.StructBlock):
    """Questions whose answers open beneath them (HTML <details>), with no script needed."""

    heading = blocks.CharBlock(
        required=False, default="", max_length=120, help_text="Optional, e.g. 'Questions'."
    )
    items = blocks.ListBlock(QuestionBlock(), min_num=1, help_text="At least one question.")

    class Meta:
        icon = "help"
        template = f"{BLOCK_TEMPLATE_DIR}/accordion_block.html"
        description = "Frequently asked questions: each answer opens under its question."
        preview_value = {
            "heading": "Questions",
            "items": [
                {
                    "question": "Who can take the survey?",
                    "answer": "<p>Anyone who lives in New Mexico.</p>",
                },
            ],
        }


class VideoBlock(blocks.StructBlock):
    """A video from YouTube or Vimeo that always leaves readers a way to watch it.

    The player comes from the provider; when it cannot be reached (or a slow
    connection gives up), the plain link beneath still works.
    """

    video = EmbedBlock(help_text="The video's address on YouTube or Vimeo.")
    title = blocks.CharBlock(
        max_length=200, help_text="What the video is, for the link and for screen readers."
    )
    transcript = blocks.URLBlock(
        required=False,
        default="",
        help_text="Optional: the address of a transcript or captions file.",
    )

    class Meta:
        icon = "media"
        template = f"{BLOCK_TEMPLATE_DIR}/video_block.html"
        description = "A video player, with a link to watch it elsewhere if the player fails."
        # When the provider does not answer, the sample shows the fallback link.
        preview_value = {
            "video": "https://www.youtube.com/watch?v=community-forum",
            "title": "ESSA community forum in Gallup",
            "transcript": "",
        }


class BodyBlock(blocks.StreamBlock):
    """The body of every page type: the same blocks everywhere, so editors learn them once."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    card_list = CardListBlock()
    featured_report = FeaturedReportBlock()
    issue_list = IssueListBlock()
    watched_bills = WatchedBillsBlock()
    statistic = StatisticBlock()
    document = DocumentBlock()
    table = TableBlock()
    accordion = AccordionBlock()
    video = VideoBlock()
