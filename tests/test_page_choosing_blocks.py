"""The featured report and the issue list: editors choose pages, readers see what those pages hold.

Each block holds its choice, not a copy: it shows the chosen page's title,
summary (a report's partners and file too) and links to it, in the reader's
language, and leaves out a page that is no longer live. The migration that
turned the former copies into choices finds the page each copy meant, or
drops the block.
"""

import json
from types import SimpleNamespace

from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Revision

import pytest
from bs4 import BeautifulSoup
from wagtail_localize.models import TranslationSource

from home.models import HomePage
from pages.blocks import FeaturedReportBlock, IssueListBlock
from pages.former_retyped_blocks import retyped_block_steps
from tests.factories import (
    content_locales,
    make_document,
    make_issue,
    make_issue_index,
    make_report,
    make_report_index,
    make_site,
    make_topic,
    translate_page,
)

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def texts(soup, selector):
    return [element.get_text(" ", strip=True) for element in soup.select(selector)]


def choose_on_home(home, report, issues, heading="Important issues"):
    """The home page's body: `report` featured and `issues` listed, as an editor chooses them."""
    home.body = [
        ("featured_report", {"report": report, "label": ""}),
        ("issue_list", {"heading": heading, "intro": "What we work on.", "issues": issues}),
    ]
    home.save_revision().publish()


def build_site():
    """A site whose home page features a report and lists three issues, in English only."""
    site = make_site()
    home = site.root_page.specific
    topic = make_topic("Reading", site=site)
    reports = make_report_index(home, title="Reports", slug="reports")
    report = make_report(
        reports,
        title="Parent survey",
        slug="parent-survey",
        summary="What parents told us about their schools.",
        partners="50CAN",
        document=make_document("Parent survey (PDF)"),
    )
    issue_index = make_issue_index(home, title="Issues", slug="issues")
    issues = [
        make_issue(issue_index, topic, title=title, slug=slug, summary=summary)
        for title, slug, summary in (
            ("Early literacy", "early-literacy", "Every child reading by third grade."),
            ("Tutoring", "tutoring", "Help for every student who falls behind."),
            ("Teachers", "teachers", "More New Mexicans into teaching."),
        )
    ]
    choose_on_home(home, report, issues)
    return SimpleNamespace(
        site=site, home=home, reports=reports, report=report, index=issue_index, issues=issues
    )


def translate_into_spanish(built):
    """The home page, the report and the first issue in Spanish; the other issues stay English."""
    _english, spanish = content_locales()
    translate_page(built.home, spanish, hero_heading="Bienvenidos")
    translate_page(built.reports, spanish, title="Informes", slug="informes")
    translate_page(
        built.report,
        spanish,
        title="Encuesta a padres",
        slug="encuesta-a-padres",
        summary="Lo que los padres nos dijeron de sus escuelas.",
    )
    translate_page(built.index, spanish, title="Temas", slug="temas")
    translate_page(
        built.issues[0],
        spanish,
        title="Lectura temprana",
        slug="lectura-temprana",
        summary="Que cada niño lea al terminar el tercer grado.",
    )


# --- What readers see --------------------------------------------------------------------------


def test_the_featured_report_shows_what_the_report_page_holds(client):
    built = build_site()

    featured = soup_of(client.get("/")).select_one("section.featured-report")

    assert featured.select_one(".featured-report__label").get_text() == "Featured report"
    assert featured.h2.get_text() == "Parent survey"
    assert "What parents told us about their schools." in featured.get_text()
    assert "With 50CAN" in featured.get_text()
    read = featured.select_one("a.button")
    assert read["href"] == built.report.relative_url(built.site)
    download = featured.select_one("a.featured-report__download")
    assert download["href"] == built.report.document.url
    assert download.get_text().startswith("Download the full report (PDF")


def test_the_blocks_follow_the_pages_they_chose_when_those_change(client):
    """Correcting a report or an issue corrects the home page: nothing was copied."""
    built = build_site()
    built.report.title = "Parent survey, second edition"
    built.report.summary = "Parents, asked again."
    built.report.save_revision().publish()
    built.issues[1].title = "High-dosage tutoring"
    built.issues[1].save_revision().publish()

    soup = soup_of(client.get("/"))

    assert texts(soup, ".featured-report__title") == ["Parent survey, second edition"]
    assert "Parents, asked again." in soup.select_one("section.featured-report").get_text()
    titles = texts(soup, ".issue-list__title")
    assert titles == ["Early literacy", "High-dosage tutoring", "Teachers"]


def test_the_issue_list_shows_each_chosen_issue_in_order_with_its_summary_and_page(client):
    built = build_site()
    choose_on_home(built.home, built.report, [built.issues[2], built.issues[0]])

    items = soup_of(client.get("/")).select(".issue-list__item")

    assert [item.h3.get_text() for item in items] == ["Teachers", "Early literacy"]
    assert [item.p.get_text() for item in items] == [
        "More New Mexicans into teaching.",
        "Every child reading by third grade.",
    ]
    assert [item.a["href"] for item in items] == [
        built.issues[2].relative_url(built.site),
        built.issues[0].relative_url(built.site),
    ]


def test_spanish_readers_get_the_spanish_report_and_issues(client):
    built = build_site()
    translate_into_spanish(built)

    soup = soup_of(client.get("/es/"))

    featured = soup.select_one("section.featured-report")
    assert featured.select_one(".featured-report__label").get_text() == "Informe destacado"
    assert featured.h2.get_text() == "Encuesta a padres"
    assert not featured.h2.has_attr("lang")
    assert "Lo que los padres nos dijeron de sus escuelas." in featured.get_text()
    assert featured.select_one("a.button")["href"].startswith("/es/informes/encuesta-a-padres/")
    first = soup.select(".issue-list__item")[0]
    assert first.h3.get_text() == "Lectura temprana"
    assert first.a["href"].startswith("/es/temas/lectura-temprana/")
    assert not first.has_attr("lang")


def test_text_with_no_spanish_version_is_marked_as_english(client):
    """An issue nobody has translated is shown as it is, and screen readers told its language."""
    built = build_site()
    translate_into_spanish(built)

    items = soup_of(client.get("/es/")).select(".issue-list__item")

    assert [item.h3.get_text() for item in items] == ["Lectura temprana", "Tutoring", "Teachers"]
    assert [item.get("lang") for item in items] == [None, "en", "en"]


def test_english_readers_keep_the_english_pages(client):
    built = build_site()
    translate_into_spanish(built)

    soup = soup_of(client.get("/"))

    assert texts(soup, ".featured-report__title") == ["Parent survey"]
    assert texts(soup, ".issue-list__title") == ["Early literacy", "Tutoring", "Teachers"]


def test_an_unpublished_report_is_not_featured(client):
    """No dead link: once the report is withdrawn, the home page stops featuring it."""
    built = build_site()
    address = built.report.relative_url(built.site)
    built.report.unpublish()

    soup = soup_of(client.get("/"))

    assert soup.select("section.featured-report") == []
    assert address not in [link["href"] for link in soup.select("main a[href]")]


def test_an_unpublished_issue_is_left_out_of_the_list(client):
    built = build_site()
    address = built.issues[1].relative_url(built.site)
    built.issues[1].unpublish()

    soup = soup_of(client.get("/"))

    assert texts(soup, ".issue-list__title") == ["Early literacy", "Teachers"]
    assert address not in [link["href"] for link in soup.select("main a[href]")]


def test_a_list_whose_issues_are_all_unpublished_is_not_shown(client):
    built = build_site()
    for issue in built.issues:
        issue.unpublish()

    assert soup_of(client.get("/")).select("section.issue-list") == []


def test_a_spanish_reader_is_not_led_to_an_unpublished_translation(client):
    """The Spanish report withdrawn, Spanish readers get the live English one instead."""
    built = build_site()
    translate_into_spanish(built)
    _english, spanish = content_locales()
    built.report.get_translation(spanish).unpublish()

    featured = soup_of(client.get("/es/")).select_one("section.featured-report")

    assert featured.h2.get_text() == "Parent survey"
    assert featured.h2["lang"] == "en"
    assert featured.select_one("a.button")["href"] == built.report.relative_url(built.site)


def test_choosing_more_issues_costs_no_more_queries(client):
    """The chosen pages are followed into Spanish together, not one query per issue."""
    built = build_site()
    translate_into_spanish(built)

    _english, spanish = content_locales()
    spanish_home = built.home.get_translation(spanish).specific

    def queries_with(issues):
        choose_on_home(spanish_home, built.report, issues, heading="Temas importantes")
        client.get("/es/")  # renditions and other first-visit work
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/es/?again").status_code == 200
        return len(queries)

    assert queries_with(built.issues) == queries_with(built.issues[:1])


# --- In the block picker -----------------------------------------------------------------------


def test_previews_show_the_newest_report_and_issues(rf):
    build_site()
    request = rf.get("/", HTTP_HOST="localhost")

    featured = FeaturedReportBlock()
    report = BeautifulSoup(
        str(featured.render(featured.get_preview_value(), {"request": request})), "html.parser"
    )
    issues = IssueListBlock()
    listed = BeautifulSoup(
        str(issues.render(issues.get_preview_value(), {"request": request})), "html.parser"
    )

    assert texts(report, ".featured-report__title") == ["Parent survey"]
    assert texts(listed, ".issue-list__title") == ["Teachers", "Tutoring", "Early literacy"]


def test_previews_render_before_any_report_or_issue_exists(rf):
    request = rf.get("/")
    for block in (FeaturedReportBlock(), IssueListBlock()):
        assert str(block.render(block.get_preview_value(), {"request": request})).strip() == ""


def test_the_block_picker_previews_both_blocks(client, django_user_model):
    build_site()
    client.force_login(django_user_model.objects.create_superuser("picker", "p@example.org", "pw"))

    for block, title in ((FeaturedReportBlock(), "Parent survey"), (IssueListBlock(), "Teachers")):
        response = client.get(
            reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
        )
        assert title in soup_of(response).get_text()


def test_the_editor_opens_a_page_with_both_blocks_and_its_choices(client, django_user_model):
    built = build_site()
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.org", "pw"))

    response = client.get(reverse("wagtailadmin_pages:edit", args=[built.home.pk]))

    assert response.status_code == 200
    # The choosers show the pages chosen, by their titles.
    assert "Parent survey" in response.content.decode()
    assert "Early literacy" in response.content.decode()


# --- The migration from retyped copies to chosen pages --------------------------------------


def old_report(title, page=None, label="Featured report"):
    """A featured report block as the former block stored it: a copy of the report."""
    link = {"page": page, "url": "" if page else "https://example.org/report", "label": "Read"}
    value = {"label": label, "title": title, "summary": "Copied.", "partners": "", "link": link}
    return {"type": "featured_report", "value": value, "id": f"report-{title}"}


def old_issues(*issues, heading="Important issues"):
    """An issue list as the former block stored it: (title, page id or None) per issue."""
    items = [
        {
            "type": "item",
            "value": {
                "title": title,
                "summary": "Copied.",
                "link": {"page": page, "url": "", "label": ""},
            },
            "id": f"issue-{position}",
        }
        for position, (title, page) in enumerate(issues)
    ]
    value = {"heading": heading, "intro": "", "issues": items}
    return {"type": "issue_list", "value": value, "id": f"list-{heading}"}


PARAGRAPH = {"type": "paragraph", "value": "<p>Kept.</p>", "id": "paragraph"}


def stored_body(home):
    """The home page's body as stored: a list of blocks as raw data."""
    return [dict(block) for block in HomePage.objects.get(pk=home.pk).body.raw_data]


def migrate_forward():
    forward, _backward = retyped_block_steps("home", "homepage")
    forward(apps, None)


def store_old_body(home, body):
    """Write the former blocks into the page, its latest revision and its translation source."""
    HomePage.objects.filter(pk=home.pk).update(body=body)
    revision = home.save_revision()
    content = {**revision.content, "body": json.dumps(body)}
    Revision.objects.filter(pk=revision.pk).update(content=content)
    source, _created = TranslationSource.get_or_create_from_instance(home)
    source_content = {**json.loads(source.content_json), "body": json.dumps(body)}
    TranslationSource.objects.filter(pk=source.pk).update(content_json=json.dumps(source_content))
    return revision, source


def test_the_migration_chooses_the_pages_the_copies_named():
    """By the page the copy linked to, else by its title on the same site; the rest is kept."""
    elsewhere = make_site(hostname="other.localhost", name="Other", default=False)
    same_title = make_report(make_report_index(elsewhere.root_page), title="Parent survey")
    built = build_site()
    early, tutoring, teachers = built.issues
    store_old_body(
        built.home,
        [
            old_report("Parent survey"),  # by title: this site's, not the other site's
            PARAGRAPH,
            old_issues(
                ("Anything at all", early.pk),  # by its link
                ("  tutoring ", None),  # by its title, as retyped
                ("An issue nobody wrote", None),  # found nowhere: left out
                ("Teachers", None),
            ),
        ],
    )

    migrate_forward()

    report_block, paragraph, issue_block = stored_body(built.home)
    # The former block's default label is left blank, to be shown in the reader's language.
    assert report_block["value"] == {"report": built.report.pk, "label": ""}
    assert report_block["value"]["report"] != same_title.pk
    assert paragraph == PARAGRAPH
    chosen = [item["value"] for item in issue_block["value"]["issues"]]
    assert chosen == [early.pk, tutoring.pk, teachers.pk]
    assert issue_block["value"]["heading"] == "Important issues"


def test_the_migration_drops_blocks_whose_pages_cannot_be_found_and_keeps_going():
    built = build_site()
    store_old_body(
        built.home,
        [
            old_report("A report that was never a page"),
            {"type": "featured_report", "value": None, "id": "broken"},
            old_issues(("Nobody wrote this", None), heading="Gone"),
            {"type": "issue_list", "value": {"heading": "Odd", "issues": "not a list"}, "id": "x"},
            PARAGRAPH,
            old_report("Parent survey", page=built.report.pk, label="New research"),
        ],
    )

    migrate_forward()

    assert stored_body(built.home) == [
        PARAGRAPH,
        {
            "type": "featured_report",
            "value": {"report": built.report.pk, "label": "New research"},
            "id": "report-Parent survey",
        },
    ]


def test_the_migration_converts_drafts_and_translation_sources_too():
    built = build_site()
    revision, source = store_old_body(
        built.home, [old_report("Parent survey"), old_issues(("Tutoring", None))]
    )

    migrate_forward()

    for stored in (
        Revision.objects.get(pk=revision.pk).content["body"],
        json.loads(TranslationSource.objects.get(pk=source.pk).content_json)["body"],
    ):
        report_block, issue_block = json.loads(stored)
        assert report_block["value"]["report"] == built.report.pk
        assert [item["value"] for item in issue_block["value"]["issues"]] == [built.issues[1].pk]
    # And the page reads and renders as any page with the new blocks.
    revision = Revision.objects.get(pk=revision.pk)
    assert revision.as_object().body[0].value["report"].pk == built.report.pk


def test_the_migrated_page_shows_the_chosen_pages(client):
    built = build_site()
    store_old_body(built.home, [old_report("Parent survey"), old_issues(("Teachers", None))])

    migrate_forward()

    soup = soup_of(client.get("/"))
    assert texts(soup, ".featured-report__title") == ["Parent survey"]
    assert texts(soup, ".issue-list__title") == ["Teachers"]


def test_migrating_back_and_forth_gives_back_the_same_choices():
    built = build_site()
    chosen = stored_body(built.home)
    forward, backward = retyped_block_steps("home", "homepage")

    backward(apps, None)
    copies = stored_body(built.home)
    forward(apps, None)

    report_copy = copies[0]["value"]
    assert report_copy["title"] == "Parent survey"
    assert report_copy["link"]["page"] == built.report.pk
    assert stored_body(built.home) == chosen
