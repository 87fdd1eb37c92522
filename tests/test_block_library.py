"""The newer body blocks: what editors are stopped from saving, and what readers get.

Validation is checked without a database; rendering tests that need stored
images, documents or cached embeds use one.
"""

import html

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.loader import render_to_string

from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

import pytest
from bs4 import BeautifulSoup

from pages.blocks import (
    AccordionBlock,
    BodyBlock,
    HeadingBlock,
    StatisticBlock,
    TableBlock,
    VideoBlock,
)

TABLE = {
    "caption": "Responses by region",
    "columns": [
        {"type": "text", "heading": "Region"},
        {"type": "number", "heading": "Responses"},
    ],
    "rows": [{"values": ["Northwest", "412"]}, {"values": ["Southeast", "389"]}],
}


def _render(block, raw, context=None):
    return BeautifulSoup(str(block.render(block.to_python(raw), context or {})), "html.parser")


def _errors(block, raw):
    with pytest.raises(ValidationError) as caught:
        block.clean(block.to_python(raw))
    return caught.value.as_json_data()


# --- Headings ------------------------------------------------------------------------------


def test_heading_gets_an_anchor_from_its_text_so_sections_can_be_linked():
    soup = _render(HeadingBlock(), {"text": "How to apply", "level": "h2", "anchor": ""})
    assert soup.h2["id"] == "how-to-apply"
    assert soup.h2.get_text() == "How to apply"


def test_heading_uses_the_anchor_the_editor_chose_at_the_level_chosen():
    soup = _render(HeadingBlock(), {"text": "Dates", "level": "h3", "anchor": "forum-dates"})
    assert soup.h3["id"] == "forum-dates"
    assert soup.h2 is None


def test_heading_refuses_an_anchor_that_cannot_be_in_an_address():
    errors = _errors(HeadingBlock(), {"text": "Dates", "level": "h2", "anchor": "forum dates!"})
    assert "anchor" in errors["blockErrors"]


# --- Statistic -----------------------------------------------------------------------------


def test_statistic_shows_the_number_what_it_counts_and_its_source():
    soup = _render(
        StatisticBlock(),
        {"figure": "4,000+", "label": "New Mexicans shared their input", "source": "ESSA survey"},
    )
    assert soup.select_one(".block-statistic__figure").get_text() == "4,000+"
    caption = soup.figcaption.get_text()
    assert "New Mexicans shared their input" in caption and "ESSA survey" in caption


def test_statistic_needs_a_number_and_a_label():
    errors = _errors(StatisticBlock(), {"figure": "", "label": "", "source": ""})
    assert set(errors["blockErrors"]) == {"figure", "label"}


# --- Table ---------------------------------------------------------------------------------


def test_table_renders_caption_column_and_row_headers():
    soup = _render(TableBlock(), TABLE)
    assert soup.caption.get_text() == "Responses by region"
    assert [th.get_text() for th in soup.select("thead th[scope=col]")] == ["Region", "Responses"]
    assert [th.get_text(strip=True) for th in soup.select("tbody th[scope=row]")] == [
        "Northwest",
        "Southeast",
    ]
    assert soup.select_one("td.block-table__number").get_text(strip=True) == "412"
    # A wide table scrolls inside its own box, which keyboard users can reach.
    assert soup.select_one(".block-table")["tabindex"] == "0"


def test_table_without_a_caption_is_refused():
    errors = _errors(TableBlock(), {**TABLE, "caption": " "})
    assert "caption" in " ".join(errors["messages"])


def test_table_with_an_unnamed_column_is_refused():
    columns = [{"type": "text", "heading": "Region"}, {"type": "number", "heading": ""}]
    errors = _errors(TableBlock(), {**TABLE, "columns": columns})
    assert "heading" in " ".join(errors["messages"])


def test_table_with_no_rows_is_refused():
    errors = _errors(TableBlock(), {**TABLE, "rows": []})
    assert "row" in " ".join(errors["messages"])


def test_table_cell_that_is_not_a_number_is_refused_in_a_number_column():
    block = TableBlock()
    table = block.to_python(TABLE)
    table.row_data[0]["values"][1] = "lots"  # as typed into the editor's number cell
    with pytest.raises(ValidationError) as caught:
        block.clean(table)
    assert caught.value.as_json_data()["blockErrors"][0][1]


# --- Accordion -----------------------------------------------------------------------------


def test_accordion_opens_each_answer_under_its_question_without_javascript():
    soup = _render(
        AccordionBlock(),
        {
            "heading": "Questions",
            "items": [
                {"question": "Who can take part?", "answer": "<p>Anyone in New Mexico.</p>"},
                {"question": "Is it in Spanish?", "answer": "<p>Yes, en español.</p>"},
            ],
        },
    )
    items = soup.select("details")
    assert [item.summary.get_text() for item in items] == [
        "Who can take part?",
        "Is it in Spanish?",
    ]
    assert "Anyone in New Mexico." in items[0].get_text()


def test_accordion_needs_at_least_one_question():
    errors = _errors(AccordionBlock(), {"heading": "", "items": []})
    assert "items" in errors["blockErrors"]


# --- Video ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_video_shows_a_link_to_watch_it_when_the_player_cannot_be_fetched():
    # No provider answers for this address, as when the video site is down.
    soup = _render(
        VideoBlock(),
        {"video": "https://video.invalid/watch/forum", "title": "Gallup forum", "transcript": ""},
    )
    assert soup.iframe is None
    link = soup.select_one("a.block-video__link")
    assert link["href"] == "https://video.invalid/watch/forum"
    assert "Gallup forum" in link.get_text()


@pytest.mark.django_db
def test_video_shows_the_player_and_still_the_link_when_the_provider_answered():
    url = "https://www.youtube.com/watch?v=forum12345"
    Embed.objects.create(
        hash=get_embed_hash(url),
        url=url,
        max_width=None,
        type="video",
        html='<iframe title="Gallup forum" src="https://www.youtube-nocookie.com/embed/x"></iframe>',
        title="Gallup forum",
        width=640,
        height=360,
    )
    soup = _render(VideoBlock(), {"video": url, "title": "Gallup forum", "transcript": ""})
    assert soup.select_one(".block-video__player iframe")["title"] == "Gallup forum"
    assert soup.select_one("a.block-video__link")["href"] == url


# --- Document ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_document_download_says_its_type_and_size_before_anyone_spends_data_on_it():
    document = Document(title="ESSA feedback report")
    document.file.save("essa-report.pdf", ContentFile(b"%PDF-1.4\n" + b"0" * 2048), save=False)
    document.save()
    block = BodyBlock()
    value = block.to_python([{"type": "document", "value": {"document": document.pk}}])
    soup = BeautifulSoup(str(value), "html.parser")
    link = soup.select_one("a.block-document__link")
    assert link.get_text() == "ESSA feedback report"
    assert link["href"] == document.url
    meta = html.unescape(soup.select_one(".block-document__meta").get_text())
    assert meta.startswith("(PDF, 2.0") and "KB" in meta


def test_document_block_needs_a_document():
    errors = _errors(BodyBlock().child_blocks["document"], {"document": None})
    assert "document" in errors["blockErrors"]


# --- Figure --------------------------------------------------------------------------------


def test_figure_needs_alt_text_unless_marked_decorative():
    figure = BodyBlock().child_blocks["figure"]
    image_block = figure.child_blocks["image"]
    with pytest.raises(ValidationError):
        image_block.clean(
            image_block.normalize({"image": None, "alt_text": "", "decorative": False})
        )


def test_every_block_template_renders_without_a_page_around_it():
    """Blocks render from the block picker's preview too, where there is no page."""
    assert render_to_string("components/streamfield/blocks/heading_block.html", {"value": {}})
