"""The demo's bill tracker: KidsCAN's fictional bills, in both languages, as visitors meet them.

How the tracker behaves is checked on pages built for each test in
tests/test_legislation.py; these check what the demo loader made with it: a
tracker in KidsCAN's header menu saying its bills are invented, four bills
with every position, histories that never run past today, sponsors from the
demo's fictional legislators, issue pages and the take-action page leading to
them, and the home page's "Bills we are watching".
"""

from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from demo import community_bills
from legislation.models import BillIndexPage, BillPage, BillSponsor, BillStatusChange

pytestmark = pytest.mark.django_db

KIDSCAN = "kidscan.localhost"
SECTION = community_bills.SECTIONS[KIDSCAN]
SPANISH_BILLS = SECTION["bills_es"]

TRACKERS = [
    ("en", "/", "/bills/", "Bill tracker", "New Mexico Legislature", "/take-action/"),
    (
        "es",
        "/es/",
        "/es/proyectos-de-ley/",
        "Seguimiento de proyectos de ley",
        "Legislatura de Nuevo México",
        "/es/actue/",
    ),
]
REPORT_CARDS_EN = "/bills/school-report-cards-for-families/"
REPORT_CARDS_ES = "/es/proyectos-de-ley/informes-escolares-para-familias/"


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def get(client, path):
    return soup_of(client.get(path, headers={"host": KIDSCAN}))


def kidscan_bills(language="en"):
    return [
        bill
        for bill in BillPage.objects.filter(locale__language_code=language)
        if bill.get_site().hostname == KIDSCAN
    ]


# --- the tracker ------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "home", "path", "title", "legislature", "action"), TRACKERS)
def test_the_tracker_follows_take_action_in_the_header_menu(
    client, demo, language, home, path, title, legislature, action
):
    menu = [link["href"] for link in get(client, home).select("nav.main-menu a")]

    assert menu.index(path) == menu.index(action) + 1


@pytest.mark.parametrize(("language", "home", "path", "title", "legislature", "action"), TRACKERS)
def test_the_tracker_says_its_bills_are_fictional_and_lists_all_four(
    client, demo, language, home, path, title, legislature, action
):
    page = get(client, path)

    assert page.h1.get_text(strip=True) == title
    assert page.select_one(".bill-tracker__legislature").get_text(strip=True) == legislature
    lead = page.select_one(".page-header__lead").get_text()
    assert ("fictional examples" if language == "en" else "ejemplos ficticios") in lead
    numbers = [meta.get_text().split(" · ")[0] for meta in page.select(".bill-card .card__meta")]
    # The newest status change first: the pre-filed 2027 bill leads.
    assert numbers == ["SB 9002", "HB 9014", "HB 9047", "SB 9031"]
    # Every card is the bill's real translation, with nothing marked as still in English.
    assert page.select(".bill-card [lang]") == []


def test_the_bills_take_every_position_and_are_filed_under_kidscans_issue_topics(demo):
    bills = kidscan_bills()

    assert sorted(bill.position for bill in bills) == ["amend", "monitor", "oppose", "support"]
    assert all(bill.bill_number.split()[1].startswith("90") for bill in bills)
    issue_topics = {"right-to-know", "teacher-recruitment", "right-education", "tutoring-and-care"}
    filed = {topic.slug for bill in bills for topic in bill.topics.all()}
    assert issue_topics <= filed
    # Never a made-up address on the real legislature's site.
    assert {bill.legislature_url for bill in bills} == {""}


def test_no_step_of_any_bill_is_dated_after_today_and_only_one_bill_is_for_2027(demo):
    bills = kidscan_bills()
    rows = BillStatusChange.objects.filter(page__in=bills)

    assert rows.exists()
    assert max(rows.values_list("date", flat=True)) <= timezone.localdate()
    upcoming = [bill for bill in bills if bill.session_year == 2027]
    assert [bill.bill_number for bill in upcoming] == ["SB 9002"]
    assert [row.status for row in upcoming[0].status_history.all()] == ["introduced"]
    finished = {bill.current_status for bill in bills if bill.session_year == 2026}
    assert finished == {"signed", "passed-both-chambers", "died"}


def test_every_bill_is_a_real_spanish_translation_with_its_notes_in_spanish(demo):
    spanish_locale = Locale.objects.get(language_code="es")
    for english in kidscan_bills():
        spanish = english.get_translation(spanish_locale)
        words = SPANISH_BILLS[english.slug]

        assert spanish.alias_of_id is None
        assert (spanish.title, spanish.summary) == (words["title"], words["summary"])
        assert [row.note for row in spanish.status_history.all()] == words["notes"]
        # The facts are the original's.
        assert spanish.current_status == english.current_status
        assert list(spanish.topics.all()) == list(english.topics.all())


# --- a bill's page ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "example", "fictional", "note", "position"),
    [
        (
            REPORT_CARDS_EN,
            "An example bill",
            "A fictional example.",
            "The House voted 61–7.",
            "Support",
        ),
        (
            REPORT_CARDS_ES,
            "Un proyecto de ley de ejemplo",
            "Un ejemplo ficticio.",
            "La Cámara de Representantes votó 61 a 7.",
            "A favor",
        ),
    ],
)
def test_a_bill_page_shows_its_history_sponsors_and_says_it_is_an_example(
    client, demo, path, example, fictional, note, position
):
    page = get(client, path)

    number, session = page.select_one(".bill-header__number").get_text().split(" · ")
    assert number == "HB 9014" and "2026" in session
    assert page.select_one(".page-header__lead").get_text().startswith(fictional)
    # The position's name as shown beside its symbol.
    badge = page.select_one(".bill-stance .bill-position")
    assert "".join(badge.find_all(string=True, recursive=False)).strip() == position
    steps = page.select(".bill-timeline__step")
    # Signed in March, after the session: the last step is the current one.
    assert steps[-1].time["datetime"] == "2026-03-09"
    assert steps[-1]["aria-current"] == "step"
    assert note in [step.select_one(".bill-timeline__note").get_text() for step in steps]
    sponsors = [name.get_text() for name in page.select(".bill-sponsor__name")]
    assert sponsors == ["Paloma Nakai-Romero", "Tobias Lucero-Haskins"]
    assert example in page.select_one("main").get_text()
    assert page.select_one(".bill-source") is None


@pytest.mark.parametrize(
    ("path", "action"),
    [
        (REPORT_CARDS_EN, "/take-action/right-to-know-school-information/"),
        (REPORT_CARDS_ES, "/es/actue/derecho-a-saber-informacion-escolar/"),
    ],
)
def test_the_report_card_bill_leads_to_the_right_to_know_action(client, demo, path, action):
    related = get(client, path).select(".related a")

    assert action in [link["href"] for link in related]


@pytest.mark.parametrize(
    ("path", "bill"),
    [
        ("/issues/right-to-know/", REPORT_CARDS_EN),
        ("/es/temas/derecho-a-saber/", REPORT_CARDS_ES),
    ],
)
def test_the_right_to_know_issue_page_lists_the_report_card_bill(client, demo, path, bill):
    issue = get(client, path)

    assert bill in [link["href"] for link in issue.select(".issue-section .bill-card a")]


# --- the home page ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("home", "heading", "tracker", "first_bill"),
    [
        ("/", "Bills we are watching", "/bills/", "/bills/state-fund-for-tutoring/"),
        (
            "/es/",
            "Proyectos de ley que seguimos",
            "/es/proyectos-de-ley/",
            "/es/proyectos-de-ley/fondo-estatal-para-tutoria/",
        ),
    ],
)
def test_the_home_page_shows_three_watched_bills_in_the_readers_language(
    client, demo, home, heading, tracker, first_bill
):
    block = get(client, home).select_one(".watched-bills")

    assert block.h2.get_text(strip=True) == heading
    links = [link["href"] for link in block.select(".issue-list__title a")]
    assert len(links) == 3 and links[0] == first_bill
    assert block.select_one(".watched-bills__more a")["href"] == tracker
    assert block.select("[lang]") == []


def test_the_alliance_has_no_bill_tracker(client, demo):
    home = soup_of(client.get("/", headers={"host": "localhost"}))

    assert home.select_one(".watched-bills") is None
    assert not [
        tracker for tracker in BillIndexPage.objects.all() if tracker.get_site().hostname != KIDSCAN
    ]


# --- loading again ------------------------------------------------------------------------------


def test_loading_the_demo_again_adds_or_changes_no_bill(demo):
    def everything():
        return (
            list(
                BillPage.objects.order_by("pk").values_list(
                    "pk", "title", "slug", "locale_id", "live", "summary", "current_status"
                )
            ),
            list(BillStatusChange.objects.order_by("pk").values_list("pk", "page_id", "note")),
            list(BillSponsor.objects.order_by("pk").values_list("page_id", "decision_maker_id")),
            BillIndexPage.objects.count(),
        )

    # What an editor did since is kept: the loader adds only what is missing.
    edited = BillPage.objects.get(slug="new-teacher-pay-and-mentors")
    edited.position_reason = "Changed by an editor."
    edited.save_revision().publish()
    before = everything()

    call_command("load_demo_content", stdout=StringIO())

    assert everything() == before
    assert BillPage.objects.get(pk=edited.pk).position_reason == "Changed by an editor."
