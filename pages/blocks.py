"""The one body StreamField every page type reuses, and the blocks inside it.

Each block names its template, so templates/components/streamfield/blocks/
mirrors this file, and carries an icon, a description and a preview value
for Wagtail's block picker.

Optional text defaults to "" rather than None, so content made in code (the
demo, imports) has the same shape as content saved from the editor; the
translation tools cannot read a None where they expect text.
"""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]
BLOCK_TEMPLATE_DIR = "components/streamfield/blocks"


class LinkValue(blocks.StructValue):
    """Lets templates ask a link for its words whichever way it was given.

    The address of a page link is left to {% pageurl %} in the template, which
    knows the request and so makes it relative to the site being read.
    """

    @cached_property
    def text(self):
        page = self.get("page")
        return self.get("label") or (page.title if page else "")


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


class HeadingBlock(blocks.StructBlock):
    """A section heading; the page title is always the only level-one heading."""

    text = blocks.CharBlock(max_length=120, help_text="Short: a heading is read, not studied.")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section (level 2)"), ("h3", "Subsection (level 3)")],
        default="h2",
        help_text="Use level 3 only inside a level 2 section.",
    )

    class Meta:
        icon = "title"
        template = f"{BLOCK_TEMPLATE_DIR}/heading_block.html"
        description = "A heading that starts a new section of the page."
        preview_value = {"text": "Why community input matters", "level": "h2"}


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


class FeaturedReportBlock(blocks.StructBlock):
    """Puts one report in front of visitors: what it is, who made it, where to read it."""

    label = blocks.CharBlock(
        default="Featured report", max_length=40, help_text="A small label above the title."
    )
    title = blocks.CharBlock(max_length=200, help_text="The report's full title.")
    summary = blocks.TextBlock(max_length=800, help_text="What the report found, in a few lines.")
    partners = blocks.CharBlock(
        required=False,
        default="",
        max_length=200,
        help_text="Who produced it with you, e.g. '50CAN'.",
    )
    image = ImageBlock(required=False, help_text="The report's cover. Optional.")
    link = OptionalLinkBlock(help_text="Where to read or download the report.")

    class Meta:
        icon = "doc-full-inverse"
        template = f"{BLOCK_TEMPLATE_DIR}/featured_report_block.html"
        description = "A report given pride of place, with a summary and a link to read it."
        preview_value = {
            "label": "Featured report",
            "title": "The State of Educational Opportunity in New Mexico",
            "summary": "What parents across the state told researchers about their schools.",
            "partners": "50CAN and Edge Research",
        }


class IssueBlock(blocks.StructBlock):
    """One policy issue the organisation works on."""

    title = blocks.CharBlock(max_length=120, help_text="The issue in a few words.")
    summary = blocks.TextBlock(
        required=False,
        default="",
        max_length=500,
        help_text="Where you stand, in a sentence or two.",
    )
    link = OptionalLinkBlock(help_text="Optional: a page or site with more on this issue.")

    class Meta:
        icon = "tag"


class IssueListBlock(blocks.StructBlock):
    """The policy issues the organisation works on, rendered on the server."""

    heading = blocks.CharBlock(default="Important issues", max_length=120)
    intro = blocks.TextBlock(
        required=False, default="", max_length=600, help_text="A short paragraph. Optional."
    )
    issues = blocks.ListBlock(IssueBlock(), min_num=1, help_text="At least one issue.")

    class Meta:
        icon = "list-ul"
        template = f"{BLOCK_TEMPLATE_DIR}/issue_list_block.html"
        description = "A list of policy issues, each with a short summary and optional link."
        preview_value = {
            "heading": "Important issues",
            "issues": [
                {"title": "Early literacy", "summary": "Every child reading by third grade."},
                {"title": "Teacher pipeline", "summary": "More New Mexicans into teaching."},
            ],
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
