"""The body blocks editors build pages from, and the brand color check in site settings."""

import html

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.loader import get_template, render_to_string
from django.urls import reverse

from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.models import Document

import pytest

from pages.blocks import (
    BodyBlock,
    CallToActionBlock,
    CardListBlock,
    IssueListBlock,
    LinkBlock,
    OptionalLinkBlock,
)
from pages.colors import validate_brand_color
from pages.models import SiteSettings
from tests.factories import make_image, make_site

BODY_BLOCKS = list(BodyBlock().child_blocks.items())
PREVIEWED_BLOCKS = [
    (name, block) for name, block in BODY_BLOCKS if hasattr(block.meta, "preview_value")
]
# Samples that show something from the library (a picture, a document) need a database.
FIXED_PREVIEWS = [
    (name, block) for name, block in PREVIEWED_BLOCKS if not callable(block.meta.preview_value)
]


def _clean_errors(block, raw):
    """The validation errors `block` raises for the stored value `raw`, as Wagtail's JSON shape."""
    with pytest.raises(ValidationError) as caught:
        block.clean(block.to_python(raw))
    return caught.value.as_json_data()


def _messages(errors, *path):
    """The messages at `path` inside nested block errors ({"blockErrors": {...}})."""
    for key in path:
        errors = errors["blockErrors"][key]
    return errors["messages"]


def _strings(value):
    """Every piece of text inside a preview value, however deeply nested."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        # A typed table names each column's kind under "type"; that is structure, not text.
        for key, item in value.items():
            if key != "type":
                yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


# --- LinkBlock -------------------------------------------------------------------------------


def test_link_block_requires_a_page_or_an_address():
    """A button left with neither a page nor an address is refused instead of vanishing."""
    errors = _clean_errors(LinkBlock(), {"page": None, "url": "", "label": "Take the survey"})
    assert _messages(errors, "page") == ["Choose a page or enter an address."]


def test_call_to_action_requires_a_link_destination():
    """A call to action whose button goes nowhere is refused, so no box appears without a button."""
    errors = _clean_errors(
        CallToActionBlock(),
        {"heading": "Tell the state", "text": "", "link": {"page": None, "url": "", "label": ""}},
    )
    assert _messages(errors, "link", "page") == ["Choose a page or enter an address."]


@pytest.mark.django_db
def test_link_block_rejects_both_a_page_and_an_address():
    """A link given both a site page and an outside address is refused, naming the problem."""
    page = make_site().root_page
    errors = _clean_errors(
        LinkBlock(), {"page": page.pk, "url": "https://example.org/", "label": "Read more"}
    )
    assert _messages(errors, "url") == ["Choose a page or enter an address, not both."]


def test_link_block_requires_a_label_for_an_outside_address():
    """An outside link must say where it goes; a bare address is refused."""
    errors = _clean_errors(LinkBlock(), {"page": None, "url": "https://example.org/", "label": ""})
    assert _messages(errors, "label") == ["Say where an outside link goes."]


def test_link_block_accepts_an_outside_address_with_a_label():
    """An outside address with its words is accepted and links there with those words."""
    block = LinkBlock()
    value = block.clean(
        block.to_python({"page": None, "url": "https://example.org/survey", "label": "Survey"})
    )
    rendered = render_to_string("components/streamfield/blocks/link.html", {"link": value})
    assert 'href="https://example.org/survey"' in rendered
    assert ">Survey</a>" in rendered


@pytest.mark.django_db
def test_link_block_accepts_a_page_alone_and_uses_its_title(rf):
    """A link to a site page needs no label: visitors see the page's title, linked on this site."""
    site = make_site(name="Alliance Home")
    make_site(hostname="kidscan.localhost", name="Other", default=False)
    page = site.root_page.specific
    block = LinkBlock()
    value = block.clean(block.to_python({"page": page.pk, "url": "", "label": ""}))
    request = rf.get("/", HTTP_HOST="localhost:8000")
    rendered = render_to_string(
        "components/streamfield/blocks/link.html", {"link": value, "request": request}
    )
    # Relative to the site being read, so it works on any port or scheme.
    assert 'href="/"' in rendered
    assert ">Alliance Home</a>" in rendered


# --- OptionalLinkBlock -----------------------------------------------------------------------


def test_optional_link_block_accepts_an_empty_link():
    """A card or issue may have no link at all, and then shows none."""
    block = OptionalLinkBlock()
    value = block.clean(block.to_python({"page": None, "url": "", "label": ""}))
    assert (
        render_to_string("components/streamfield/blocks/link.html", {"link": value}).strip() == ""
    )


def test_optional_link_block_rejects_a_label_with_no_destination():
    """Link words without a page or address are refused rather than silently dropped."""
    errors = _clean_errors(OptionalLinkBlock(), {"page": None, "url": "", "label": "Read more"})
    assert _messages(errors, "page") == ["Choose where this link goes."]


def test_optional_link_block_still_requires_a_label_for_an_outside_address():
    """An optional link that is filled in follows the same rules: an outside address needs words."""
    errors = _clean_errors(
        OptionalLinkBlock(), {"page": None, "url": "https://example.org/", "label": ""}
    )
    assert _messages(errors, "label") == ["Say where an outside link goes."]


# --- Card and issue lists --------------------------------------------------------------------


def test_card_list_requires_a_heading_and_at_least_one_card():
    """A card list with no heading and no cards is refused on both counts."""
    errors = _clean_errors(CardListBlock(), {"heading": "", "cards": []})
    assert _messages(errors, "heading") == ["This field is required."]
    assert _messages(errors, "cards") == ["The minimum number of items is 1"]


def test_card_list_requires_each_card_to_have_a_title():
    """Every card needs a title; an untitled one is pointed out."""
    errors = _clean_errors(
        CardListBlock(), {"heading": "Our promises", "cards": [{"title": "", "text": "Why."}]}
    )
    assert _messages(errors, "cards", 0, "title") == ["This field is required."]


def test_card_list_accepts_a_heading_and_one_titled_card():
    """A heading and one titled card, with no link, is a valid card list."""
    block = CardListBlock()
    value = block.clean(block.to_python({"heading": "Our promises", "cards": [{"title": "One"}]}))
    assert value["heading"] == "Our promises"
    assert [card["title"] for card in value["cards"]] == ["One"]


def test_issue_list_requires_a_heading_and_at_least_one_issue():
    """An issue list with its heading cleared and no issues is refused on both counts."""
    errors = _clean_errors(IssueListBlock(), {"heading": "", "issues": []})
    assert _messages(errors, "heading") == ["This field is required."]
    assert _messages(errors, "issues") == ["The minimum number of items is 1"]


@pytest.mark.django_db  # the chooser looks its pages up
def test_issue_list_requires_each_issue_to_be_chosen():
    """Every row of the list chooses an issue page; an empty one is pointed out."""
    errors = _clean_errors(IssueListBlock(), {"issues": [None]})
    assert _messages(errors, "issues", 0) == ["This field is required."]


def test_issue_list_keeps_its_default_heading():
    """An editor who adds an issue list starts with the heading "Important issues" filled in."""
    assert IssueListBlock().get_default()["heading"] == "Important issues"


def test_list_errors_are_wagtail_list_errors():
    """List errors use Wagtail's list error type, so the admin marks the list itself."""
    block = CardListBlock()
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python({"heading": "Our promises", "cards": []}))
    assert isinstance(caught.value.block_errors["cards"], ListBlockValidationError)


# --- Every body block ------------------------------------------------------------------------


@pytest.mark.parametrize("name, block", BODY_BLOCKS, ids=[name for name, _ in BODY_BLOCKS])
def test_body_block_has_an_icon(name, block):
    """Each block in the "+" menu has its own icon, not Wagtail's placeholder."""
    assert block.meta.icon
    assert block.meta.icon != "placeholder"


@pytest.mark.parametrize("name, block", BODY_BLOCKS, ids=[name for name, _ in BODY_BLOCKS])
def test_body_block_has_a_template_that_exists(name, block):
    """Each block renders through its own template, which is present in the project."""
    template_name = block.get_template()
    assert template_name, f"{name} has no template"
    get_template(template_name)


@pytest.mark.parametrize("name, block", BODY_BLOCKS, ids=[name for name, _ in BODY_BLOCKS])
def test_body_block_has_a_description(name, block):
    """Each block tells editors in the block picker what it is for."""
    assert block.get_description().strip()


def test_body_blocks_have_distinct_icons():
    """No two blocks in the "+" menu look the same."""
    icons = [block.meta.icon for _, block in BODY_BLOCKS]
    assert len(icons) == len(set(icons))


@pytest.mark.django_db  # the video looks for its player in the embed cache
@pytest.mark.parametrize("name, block", FIXED_PREVIEWS, ids=[name for name, _ in FIXED_PREVIEWS])
def test_preview_value_renders_with_its_text(name, block):
    """The sample content for a block renders, and every piece of its text shows up."""
    rendered = html.unescape(str(block.render(block.get_preview_value())))
    for text in _strings(block.meta.preview_value):
        assert text in rendered, f"{name} preview lost {text!r}"


@pytest.mark.django_db
def test_figure_and_document_previews_show_the_newest_picture_and_file_in_the_library():
    make_image(alt_text="Families at a forum in Gallup")
    document = Document(title="ESSA feedback report")
    document.file.save("essa.pdf", ContentFile(b"%PDF-1.4 sample"), save=False)
    document.save()
    blocks = dict(BODY_BLOCKS)
    figure = str(blocks["figure"].render(blocks["figure"].get_preview_value()))
    download = str(blocks["document"].render(blocks["document"].get_preview_value()))
    assert 'alt="Families at a forum in Gallup"' in figure
    assert "ESSA feedback report" in download


def test_every_body_block_has_a_preview_in_the_block_picker():
    assert [name for name, block in BODY_BLOCKS if not block.is_previewable] == []


def test_blocks_with_a_preview_value_are_previewable_in_the_block_picker():
    """Editors see the sample content of each block in the block picker, as blocks.py intends."""
    assert PREVIEWED_BLOCKS
    not_previewable = [name for name, block in PREVIEWED_BLOCKS if not block.is_previewable]
    assert not_previewable == []


# --- Brand color ----------------------------------------------------------------------------


@pytest.mark.parametrize("color", ["#1d4f91", "#7a1f5c", "#1D4F91"])
def test_brand_color_accepts_the_demo_colors(color):
    """The demo organizations' dark blue and plum are accepted as brand colors."""
    validate_brand_color(color)


def test_brand_color_rejects_a_color_too_light_for_white_text():
    """Yellow is refused with a message explaining that white text on it would lack contrast."""
    with pytest.raises(ValidationError) as caught:
        validate_brand_color("#ffff00")
    message = " ".join(caught.value.messages)
    assert "contrast" in message
    assert "darker" in message


@pytest.mark.parametrize("color", ["blue", "#12345", "#1234567", "1d4f91", "#1d4f9g", "", None])
def test_brand_color_rejects_malformed_values(color):
    """Anything but # and six hex digits is refused with an example of the right format."""
    with pytest.raises(ValidationError) as caught:
        validate_brand_color(color)
    assert "#1d4f91" in " ".join(caught.value.messages)


@pytest.mark.django_db
def test_site_settings_refuse_a_too_light_brand_color(client):
    """An admin saving yellow as brand color sees the contrast error and keeps what they typed."""
    site = make_site(name="Alliance")
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "password")
    client.force_login(admin)
    url = reverse("wagtailsettings:edit", args=["pages", "sitesettings", site.pk])
    data = {
        "organization_name": "Alliance for Families",
        "logo": "",
        "brand_color": "#ffff00",
        "secondary_color": "#1b1f24",
        "accent_color": "#f2b134",
        "surface_color": "#f3f5f8",
        "font_pairing": "system",
        "hero_style": "split",
        "contact_email": "hello@example.org",
        "facebook_url": "https://facebook.com/alliance",
        "instagram_url": "",
        "x_url": "",
        "youtube_url": "",
        "linkedin_url": "",
    }

    response = client.post(url, data)

    assert response.status_code == 200
    form = response.context["form"]
    assert "contrast" in " ".join(form.errors["brand_color"])
    assert "contrast" in response.content.decode()
    for field in ("organization_name", "brand_color", "contact_email", "facebook_url"):
        assert form[field].value() == data[field]
    assert 'value="Alliance for Families"' in response.content.decode()
    saved = SiteSettings.objects.get(site=site)
    assert saved.organization_name == "Alliance"
    assert saved.brand_color == "#1d4f91"

    response = client.post(url, {**data, "brand_color": "#7a1f5c"})

    assert response.status_code == 302
    saved.refresh_from_db()
    assert saved.brand_color == "#7a1f5c"
    assert saved.organization_name == "Alliance for Families"
