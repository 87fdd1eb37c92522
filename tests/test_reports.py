"""Reports: the index, a report's findings, download, charts and related news, in both languages."""

import datetime
import io
import json
import re

from django.core.exceptions import ValidationError

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PILImage

from reports.blocks import BarChartBlock
from reports.models import ReportPage
from tests.factories import (
    content_locales,
    make_article,
    make_document,
    make_news_index,
    make_report,
    make_report_index,
    make_site,
    make_topic,
    translate_page,
)

pytestmark = pytest.mark.django_db

OTHER_HOST = "reports-other.example"


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def make_pdf(title="Full report", size=(400, 300)):
    """A real (small) PDF in the document library."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#ffffff").save(buffer, format="PDF")
    return make_document(title, buffer.getvalue())


def chart(rows, **fields):
    """A chart value as the editor's form submits it."""
    return {
        "title": fields.get("title", "How parents answered"),
        "description": fields.get("description", ""),
        "unit": fields.get("unit", ""),
        "label_heading": "",
        "value_heading": "",
        "rows": [{"label": label, "value": value} for label, value in rows],
        "source": fields.get("source", ""),
    }


def render_chart(value):
    block = BarChartBlock()
    return BeautifulSoup(str(block.render(block.to_python(value))), "html.parser")


def chart_errors(value):
    block = BarChartBlock()
    with pytest.raises(ValidationError) as caught:
        block.clean(block.to_python(value))
    return caught.value.as_json_data()


# --- The chart ---------------------------------------------------------------------------------


def test_chart_is_an_image_named_by_its_title_with_one_bar_per_row():
    soup = render_chart(chart([("Online", "120"), ("Forum", "60"), ("Letter", "30")]))
    svg = soup.find("svg", attrs={"role": "img"})
    title = svg.find(id=svg["aria-labelledby"])
    assert title.name == "title"
    assert title.get_text() == "How parents answered"
    assert svg.find(id=svg["aria-describedby"]).name == "desc"
    assert len(svg.select("rect.bar-chart__bar")) == 3


def test_bars_are_as_long_as_their_share_of_the_largest_value():
    soup = render_chart(chart([("Online", "120"), ("Forum", "60"), ("Letter", "30")]))
    widths = [rect["width"] for rect in soup.select("rect.bar-chart__bar")]
    assert widths == ["100%", "50%", "25%"]


def test_chart_shows_its_values_as_text_and_the_same_numbers_in_a_table():
    soup = render_chart(chart([("Online", "4000"), ("Forum", "62.5")], unit="%"))
    assert [text.get_text() for text in soup.select("text.bar-chart__value")] == [
        "4,000%",
        "62.5%",
    ]
    table = soup.select_one("details.bar-chart__data table")
    summary = soup.select_one("details.bar-chart__data summary")
    assert summary.get_text() == "Show the data as a table"
    assert table.caption.get_text() == "How parents answered"
    assert [(row.th.get_text(), row.td.get_text()) for row in table.tbody.find_all("tr")] == [
        ("Online", "4,000%"),
        ("Forum", "62.5%"),
    ]


def test_a_unit_that_is_a_word_is_set_apart_from_the_number():
    soup = render_chart(chart([("Albuquerque", "12")], unit="schools"))
    assert soup.select_one("text.bar-chart__value").get_text() == "12\u00a0schools"


def test_all_zero_values_draw_empty_bars_instead_of_failing():
    soup = render_chart(chart([("Online", "0"), ("Forum", "0")]))
    assert [rect["width"] for rect in soup.select("rect.bar-chart__bar")] == ["0%", "0%"]


def test_long_labels_wrap_onto_lines_that_fit_a_phone():
    label = "Parents who said their child's school tells them clearly how their child is doing"
    soup = render_chart(chart([(label, "10")]))
    lines = [line.get_text() for line in soup.select("text.bar-chart__label tspan")]
    assert len(lines) > 1
    assert " ".join(lines) == label


def test_chart_output_has_no_style_attribute():
    html = str(render_chart(chart([("Online", "120"), ("Forum", "60")], source="Survey")))
    assert "style=" not in html


def test_two_charts_on_one_page_name_different_titles(client):
    site = make_site()
    report = make_report(
        make_report_index(site.root_page),
        body=[("chart", chart([("A", "1")])), ("chart", chart([("B", "2")], title="Second"))],
    )
    soup = soup_of(client.get(report.url))
    names = [svg["aria-labelledby"] for svg in soup.select("svg[role=img]")]
    assert len(names) == 2 and len(set(names)) == 2
    assert [soup.find(id=name).get_text() for name in names] == ["How parents answered", "Second"]


def test_chart_with_no_rows_is_refused():
    errors = chart_errors(chart([]))
    assert "rows" in errors["blockErrors"]


@pytest.mark.parametrize("bad_value", ["-5", "NaN", "Infinity", "1e20", "abc"])
def test_chart_values_must_be_finite_and_not_negative(bad_value):
    block = BarChartBlock()
    value = chart([("Online", "10"), ("Forum", "20")])
    value["rows"][1]["value"] = bad_value
    with pytest.raises(ValidationError) as caught:
        block.clean(block.to_python(value))
    row_errors = caught.value.as_json_data()["blockErrors"]["rows"]["blockErrors"]
    assert list(row_errors) == [1]
    assert "value" in row_errors[1]["blockErrors"]


@pytest.mark.parametrize("bad_value", ["-5", "NaN", "abc", None])
def test_bad_stored_values_are_left_out_of_the_chart_never_a_server_error(bad_value):
    value = chart([("Online", "10"), ("Forum", "20")])
    value["rows"][1]["value"] = bad_value
    soup = render_chart(value)
    assert len(soup.select("rect.bar-chart__bar")) == 1
    assert [row.th.get_text() for row in soup.select("tbody tr")] == ["Online"]


def test_chart_rows_need_a_label():
    errors = chart_errors(chart([("Online", "10"), ("  ", "20")]))
    assert "label" in errors["blockErrors"]["rows"]["blockErrors"][1]["blockErrors"]


def test_a_valid_chart_is_accepted():
    block = BarChartBlock()
    cleaned = block.clean(block.to_python(chart([("Online", "10"), ("Forum", "0")])))
    assert [row["label"] for row in cleaned["rows"]] == ["Online", "Forum"]


def test_editor_saving_a_negative_value_gets_a_form_error_not_a_server_error(admin_client):
    site = make_site()
    index = make_report_index(site.root_page)
    rows = {
        "count": 1,
        "0": {"value": {"label": "Online", "value": "-3"}, "deleted": "", "order": 0},
    }
    chart_fields = {**chart([]), "rows": rows}
    data = nested_form_data(
        {
            "title": "Parent survey",
            "slug": "parent-survey",
            "publication_date": "2024-01-01",
            "summary": "What parents said.",
            "authors": inline_formset([]),
            "comments": inline_formset([]),
            "key_findings": streamfield([]),
            "body": streamfield([("chart", chart_fields)]),
        }
    )
    response = admin_client.post(f"/admin/pages/add/reports/reportpage/{index.pk}/", data)
    assert response.status_code == 200
    assert not ReportPage.objects.filter(slug="parent-survey").exists()
    errors = response.context["form"].errors
    assert list(errors) == ["body"]
    chart_errors = errors["body"].as_data()[0].as_json_data()["blockErrors"][0]
    row_errors = chart_errors["blockErrors"]["rows"]["blockErrors"][0]["blockErrors"]
    assert row_errors["value"]["messages"] == ["Ensure this value is greater than or equal to 0."]


# --- The report page ---------------------------------------------------------------------------


def test_report_page_shows_key_findings_and_downloads_its_document(client):
    site = make_site()
    document = make_pdf("ESSA feedback report")
    report = make_report(
        make_report_index(site.root_page),
        title="ESSA stakeholder feedback",
        partners="NM First",
        document=document,
        key_findings=[
            ("finding", {"figure": "4,000+", "label": "New Mexicans took part", "source": ""})
        ],
    )
    soup = soup_of(client.get(report.url))
    findings = soup.select_one("section.report-findings")
    assert findings.h2.get_text() == "Key findings"
    assert "4,000+" in findings.get_text() and "New Mexicans took part" in findings.get_text()
    assert "With NM First" in soup.select_one(".report-partners").get_text()

    link = soup.select_one("a.report-download__link")
    assert re.fullmatch(r"Download the full report \(PDF, [\d.]+\s(KB|bytes)\)", link.get_text())
    assert link["href"].startswith("/documents/")
    download = client.get(link["href"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_report_without_document_or_findings_shows_neither(client):
    site = make_site()
    soup = soup_of(client.get(make_report(make_report_index(site.root_page)).url))
    assert soup.select("a.report-download__link") == []
    assert soup.select("section.report-findings") == []


def test_report_page_has_no_style_attribute(client):
    site = make_site()
    report = make_report(
        make_report_index(site.root_page),
        document=make_pdf(),
        body=[("chart", chart([("Online", "10"), ("Forum", "5")]))],
    )
    html = client.get(report.url).content.decode()
    assert "<svg" in html
    assert not re.search(r"\sstyle=", html)


def test_related_articles_share_a_topic_and_come_from_the_reports_own_site(client):
    site = make_site()
    other = make_site(hostname=OTHER_HOST, name="Other organization", default=False)
    essa, forums = make_topic("ESSA"), make_topic("Forums")
    news = make_news_index(site.root_page)
    make_article(news, title="About ESSA", topics=[essa])
    make_article(news, title="About forums only", topics=[forums])
    make_article(make_news_index(other.root_page), title="ESSA elsewhere", topics=[essa])
    report = make_report(make_report_index(site.root_page), topics=[essa])

    soup = soup_of(client.get(report.url))
    related = [title.get_text(strip=True) for title in soup.select(".related .card__title")]
    assert related == ["About ESSA"]


def test_report_without_topics_has_no_related_articles(client):
    site = make_site()
    make_article(make_news_index(site.root_page), title="About ESSA", topics=[make_topic()])
    soup = soup_of(client.get(make_report(make_report_index(site.root_page)).url))
    assert soup.select(".related") == []


# --- The index ---------------------------------------------------------------------------------


def test_report_index_lists_reports_newest_first_and_leaves_out_drafts(client):
    site = make_site()
    index = make_report_index(site.root_page)
    make_report(index, title="Older", publication_date=datetime.date(2017, 1, 24))
    make_report(index, title="Newest", publication_date=datetime.date(2025, 9, 16))
    make_report(index, title="Middle", publication_date=datetime.date(2020, 5, 1))
    make_report(index, title="Draft", live=False, publication_date=datetime.date(2026, 1, 1))
    soup = soup_of(client.get(index.url))
    titles = [title.get_text(strip=True) for title in soup.select(".card-list .card__title")]
    assert titles == ["Newest", "Middle", "Older"]


@pytest.mark.parametrize(
    "page_number", ["0", "-1", "2", "abc", "1e3", "9" * 50, "١", "%00", "1 OR 1=1"]
)
def test_hostile_page_numbers_are_not_found_never_a_server_error(client, page_number):
    site = make_site()
    index = make_report_index(site.root_page)
    make_report(index)
    assert client.get(index.url, {"page": page_number}).status_code == 404


def test_empty_report_index_says_so(client):
    site = make_site()
    soup = soup_of(client.get(make_report_index(site.root_page).url))
    assert "No reports have been published yet." in soup.get_text()


# --- Spanish ----------------------------------------------------------------------------------


def test_spanish_report_page_is_in_spanish(client):
    _english, spanish = content_locales()
    site = make_site()
    translate_page(site.root_page.specific, spanish)
    index = make_report_index(site.root_page)
    translate_page(index, spanish, title="Informes", slug="informes")
    report = make_report(
        index,
        title="Parent survey",
        document=make_pdf(),
        key_findings=[("finding", {"figure": "2", "label": "editions", "source": ""})],
        body=[("chart", chart([("Online", "10")]))],
    )
    spanish_report = translate_page(
        report, spanish, title="Encuesta a padres", summary="Lo que dijeron los padres."
    )
    path = spanish_report.get_url_parts()[2]
    assert path.startswith("/es/informes/")
    soup = soup_of(client.get(path))
    assert soup.html["lang"] == "es"
    assert soup.h1.get_text() == "Encuesta a padres"
    assert soup.select_one("#key-findings").get_text() == "Hallazgos clave"
    assert (
        soup.select_one("a.report-download__link")
        .get_text()
        .startswith("Descargar el informe completo, en inglés (PDF")
    )
    summary = soup.select_one("details.bar-chart__data summary")
    assert summary.get_text() == "Ver los datos en una tabla"


def feature_on_home(site, report):
    """Put `report` in a featured-report block on the site's home page, as an editor would."""
    home = site.root_page.specific
    featured = {"report": report.pk, "label": ""}
    home.body = json.dumps([{"type": "featured_report", "value": featured}])
    home.save_revision().publish()
    return home


def test_a_featured_report_leads_each_reader_to_the_report_in_their_language(client):
    """The block links to the English report; Spanish readers follow it to the Spanish one."""
    _english, spanish = content_locales()
    site = make_site()
    index = make_report_index(site.root_page)
    report = make_report(index, title="Parent survey")
    home = feature_on_home(site, report)
    translate_page(home, spanish)
    translate_page(index, spanish, title="Informes", slug="informes")
    translate_page(report, spanish, title="Encuesta a padres")

    english = soup_of(client.get("/"))
    assert english.select_one("section.featured-report a")["href"] == report.relative_url(site)

    href = soup_of(client.get("/es/")).select_one("section.featured-report a")["href"]
    assert href.startswith("/es/informes/")
    assert soup_of(client.get(href)).h1.get_text() == "Encuesta a padres"
