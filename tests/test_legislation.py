"""The bill tracker as visitors meet it: the list and its filters, a bill's page, its feed and data.

Most tests read two organizations' sites built once for the module: the
Alliance (bills.localhost) follows four live bills of two sessions, one of
them translated into Spanish, plus a draft and a private one; KidsCAN
(other-bills.localhost) follows one of its own. Spanish interface words are
compared with the catalog's (gettext), so they hold before and after the
Spanish catalog is compiled; Spanish content is compared word for word.
"""

import datetime

from django.utils import translation

import feedparser
import pytest
from bs4 import BeautifulSoup
from wagtail_localize.synctree import synchronize_tree

from legislation.models import BillIndexPage, BillPage
from legislation.vocabulary import BillStatus, session_label, status_phrase
from tests.factories import (
    built_once_per_module,
    content_locales,
    fresh_copies,
    make_article,
    make_issue,
    make_issue_index,
    make_news_index,
    make_private,
    make_site,
    make_topic,
    translate_page,
    translate_snippet,
)
from tests.legislation_factories import (
    HB_151_SPANISH_NOTES,
    make_bill,
    make_bill_index,
    make_legislator,
    translate_bill,
)
from tests.test_structured_data import item_of_type

pytestmark = pytest.mark.django_db

HOST = "bills.localhost"
OTHER_HOST = "other-bills.localhost"
D = datetime.date


def build_two_trackers():
    english, spanish = content_locales()
    site = make_site(hostname=HOST, name="Learning Alliance", default=False)
    other = make_site(hostname=OTHER_HOST, name="KidsCAN", default=False)
    home = site.root_page.specific
    counselors = make_topic("School counselors", slug="counselors", site=site)
    vouchers = make_topic("Vouchers", slug="vouchers", site=site)
    translate_snippet(counselors, spanish, name="Consejeros escolares", slug="consejeros")
    ana = make_legislator(site, name="Ana Martínez", title="State Representative")
    translate_snippet(ana, spanish, title="Representante estatal")
    luis = make_legislator(
        site,
        name="Luis Ortega",
        title="State Senator",
        body="senate",
        district=7,
        official_page="",
    )
    tracker = make_bill_index(
        home, title="Bill tracker", slug="bills", introduction="The bills we follow."
    )
    bills = {
        "HB 151": make_bill(
            tracker,
            number="HB 151",
            title="School counselors for every school",
            slug="hb-151",
            position="support",
            sponsors=[ana, luis],
            topics=[counselors],
            legislature_url="https://www.nmlegis.gov/Legislation/Legislation?legNo=151",
        ),
        "SB 2": make_bill(
            tracker,
            number="SB 2",
            title="Vouchers for private schools",
            slug="sb-2",
            summary="Public money for private school tuition.",
            position="oppose",
            position_reason="It takes money from public schools.",
            topics=[vouchers],
            history=[
                (D(2027, 1, 18), "introduced"),
                (D(2027, 3, 10), "passed-both-chambers", "Senate 22–20, House 36–34."),
                (D(2027, 4, 1), "signed"),
            ],
        ),
        "HJR 5": make_bill(
            tracker,
            number="HJR 5",
            title="Counselor funding amendment",
            slug="hjr-5",
            position="monitor",
            topics=[counselors],
            session=(2026, "special"),
            history=[
                (D(2026, 1, 20), "introduced"),
                (D(2026, 1, 25), "in-committee"),
                (D(2026, 2, 19), "died"),
            ],
        ),
        "HB 9": make_bill(
            tracker,
            number="HB 9",
            title="Teacher pay",
            slug="hb-9",
            position="amend",
            history=[(D(2027, 1, 30), "introduced"), (D(2027, 2, 1), "in-committee")],
        ),
    }
    draft = make_bill(tracker, number="SB 99", title="A draft bill", slug="sb-99", live=False)
    private = make_bill(
        tracker,
        number="SB 98",
        title="A private bill",
        slug="sb-98",
        history=[(D(2027, 5, 1), "signed")],
    )
    make_private(private)
    news = make_news_index(home, title="News", slug="news")
    related_article = make_article(
        news, title="Why counselors matter", slug="counselors-matter", topics=[counselors]
    )
    make_article(news, title="Voucher debate", slug="voucher-debate", topics=[vouchers])
    issues = make_issue_index(home, title="Issues", slug="issues")
    issue = make_issue(issues, counselors, title="Student support", slug="student-support")

    spanish_home = translate_page(home, spanish, title="Inicio")
    spanish_tracker = translate_page(
        tracker,
        spanish,
        title="Proyectos de ley",
        slug="proyectos-de-ley",
        legislature="Legislatura de Nuevo México",
    )
    spanish_hb_151 = translate_bill(
        bills["HB 151"],
        spanish,
        notes=HB_151_SPANISH_NOTES,
        title="Consejeros para cada escuela",
        slug="hb-151-es",
        summary="Un consejero de tiempo completo en cada escuela.",
        position_reason="Los consejeros mantienen a los estudiantes en la escuela.",
    )

    # Spanish twins of the pages nobody has translated, as the locale synchronization makes them.
    synchronize_tree(english, spanish)

    other_tracker = make_bill_index(other.root_page, title="Bills", slug="bills")
    other_maker = make_legislator(other, name="Rosa Chávez", title="State Senator")
    other_bill = make_bill(
        other_tracker,
        number="SB 7",
        title="KidsCAN's bill",
        slug="sb-7",
        sponsors=[other_maker],
        history=[(D(2027, 6, 1), "signed")],
    )
    return {
        "site": site,
        "tracker": tracker,
        "bills": bills,
        "draft": draft,
        "private": private,
        "counselors": counselors,
        "ana": ana,
        "article": related_article,
        "issue": issue,
        "spanish_home": spanish_home,
        "spanish_tracker": spanish_tracker,
        "spanish_hb_151": spanish_hb_151,
        "other_tracker": other_tracker,
        "other_maker": other_maker,
        "other_bill": other_bill,
    }


two_trackers_for_the_module = built_once_per_module(build_two_trackers)


@pytest.fixture
def world(two_trackers_for_the_module):
    return fresh_copies(two_trackers_for_the_module)


def get(client, path, host=HOST, **params):
    return client.get(path, params, HTTP_HOST=host)


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def listed_numbers(soup):
    """The bill numbers of the cards in the list, in order."""
    return [
        card.select_one(".card__meta").get_text(strip=True).split(" · ")[0]
        for card in soup.select("main .bill-card")
    ]


def path_of(page):
    return page.get_url_parts()[2]


# --- The list -----------------------------------------------------------------------------------


def test_the_tracker_lists_live_public_bills_newest_status_change_first(client, world):
    soup = soup_of(get(client, "/bills/"))
    assert listed_numbers(soup) == ["SB 2", "HB 151", "HB 9", "HJR 5"]
    assert soup.select_one(".bill-tracker__legislature").get_text() == "New Mexico Legislature"
    assert soup.h1.get_text() == "Bill tracker"
    # The full list is for search engines too.
    assert soup.find("meta", attrs={"name": "robots"}) is None


def test_a_card_shows_number_session_title_position_and_where_the_bill_stands(client, world):
    soup = soup_of(get(client, "/bills/"))
    card = soup.select("main .bill-card")[1]
    assert card.select_one(".card__meta").get_text(strip=True) == "HB 151 · 2027 regular session"
    link = card.select_one(".card__title a")
    assert (link.get_text(), link["href"]) == (
        "School counselors for every school",
        "/bills/hb-151/",
    )
    badge = card.select_one(".bill-position")
    # Words, not color alone: the position is named, and read out with its label.
    assert " ".join(badge.get_text(" ").split()) == "Our position: ✓ Support"
    assert badge.select_one(".bill-position__symbol")["aria-hidden"] == "true"
    status = card.select_one(".bill-status")
    assert status.strong.get_text() == "Passed one chamber"
    assert status.time["datetime"] == "2027-02-20"
    assert status.time.get_text() == "Feb. 20, 2027"
    assert card.select_one(".card__summary").get_text() == (
        "Gives every school a full-time counselor."
    )


def test_drafts_private_bills_and_other_sites_bills_are_never_listed(client, world):
    text = soup_of(get(client, "/bills/")).main.get_text()
    for title in ("A draft bill", "A private bill", "KidsCAN's bill"):
        assert title not in text
    other = soup_of(get(client, "/bills/", host=OTHER_HOST))
    assert listed_numbers(other) == ["SB 7"]


# --- Filters ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"session": "2026-special"}, ["HJR 5"]),
        ({"session": "2027-regular"}, ["SB 2", "HB 151", "HB 9"]),
        ({"status": "signed"}, ["SB 2"]),
        ({"status": "in-committee"}, ["HB 9"]),
        ({"position": "support"}, ["HB 151"]),
        ({"position": "amend"}, ["HB 9"]),
        ({"topic": "counselors"}, ["HB 151", "HJR 5"]),
        ({"session": "2027-regular", "topic": "counselors"}, ["HB 151"]),
        ({"session": "2027-regular", "position": "oppose", "status": "signed"}, ["SB 2"]),
        (
            {"session": "", "status": "", "position": "", "topic": ""},
            ["SB 2", "HB 151", "HB 9", "HJR 5"],
        ),
    ],
)
def test_each_filter_alone_and_combined_lists_the_right_bills(client, world, params, expected):
    assert listed_numbers(soup_of(get(client, "/bills/", **params))) == expected


def test_no_bill_matching_says_so_and_offers_to_clear_the_filters(client, world):
    soup = soup_of(get(client, "/bills/", session="2026-special", position="support"))
    assert listed_numbers(soup) == []
    status = soup.select_one(".listing-status[role=status]")
    assert status.get_text(strip=True) == "No bills match these filters."
    assert soup.select_one("a.bill-filters__clear")["href"] == "."


def test_the_filter_form_is_a_labeled_get_form_keeping_the_chosen_values(client, world):
    soup = soup_of(get(client, "/bills/", session="2027-regular", topic="counselors"))
    form = soup.select_one("form.bill-filters")
    assert (form["method"], form["action"]) == ("get", ".")
    labels = {
        select["name"]: form.find("label", attrs={"for": select["id"]}).get_text(strip=True)
        for select in form.find_all("select")
    }
    assert labels == {
        "session": "Session",
        "status": "Status",
        "position": "Our position",
        "topic": "Topic",
    }
    options = {
        select["name"]: [option["value"] for option in select.find_all("option")]
        for select in form.find_all("select")
    }
    assert options["session"] == ["", "2027-regular", "2026-special"]
    # The statuses in the order bills take them.
    assert options["status"] == [
        "",
        "introduced",
        "in-committee",
        "passed-one-chamber",
        "passed-both-chambers",
        "signed",
        "vetoed",
        "died",
    ]
    assert options["position"] == ["", "support", "oppose", "amend", "monitor"]
    assert options["topic"] == ["", "counselors", "vouchers"]
    selected = {
        select["name"]: select.find("option", selected=True) for select in form.find_all("select")
    }
    assert selected["session"]["value"] == "2027-regular"
    assert selected["topic"]["value"] == "counselors"
    assert selected["status"] is None and selected["position"] is None
    assert form.find("button", type="submit").get_text(strip=True) == "Show bills"
    assert soup.select_one("a.bill-filters__clear").get_text(strip=True) == "Clear filters"
    assert (
        soup.select_one(".listing-status").get_text(strip=True) == "1 bill matches these filters."
    )


def test_only_filtered_lists_are_kept_out_of_search_engines(client, world):
    filtered = soup_of(get(client, "/bills/", status="signed"))
    assert filtered.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert soup_of(get(client, "/bills/")).select_one("a.bill-filters__clear") is None


def test_pages_of_a_filtered_list_keep_its_filters(client, world, monkeypatch):
    monkeypatch.setattr(BillIndexPage, "bills_per_page", 1)
    soup = soup_of(get(client, "/bills/", session="2027-regular", position=""))
    assert listed_numbers(soup) == ["SB 2"]
    next_link = soup.select_one("a.pagination__step[rel=next]")["href"]
    assert next_link == "?session=2027-regular&page=2"
    second = soup_of(client.get("/bills/" + next_link, HTTP_HOST=HOST))
    assert listed_numbers(second) == ["HB 151"]


HOSTILE_VALUES = [
    "' OR 1=1--",
    "1; DROP TABLE wagtailcore_page",
    "señal",
    "２０２７-regular",
    "💥",
    "a" * 5000,
    " ",
    "\t",
    "\x00",
    "signed\x00",
    " signed",
    "SIGNED",
    "2027-regular ",
    "2027-Regular",
    "2027",
    "2031-regular",
    "0000-regular",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "%00",
]


@pytest.mark.parametrize("name", ["session", "status", "position", "topic"])
def test_a_malformed_or_unknown_filter_value_is_not_found_never_a_server_error(client, world, name):
    for value in HOSTILE_VALUES:
        response = get(client, "/bills/", **{name: value})
        assert response.status_code == 404, (name, value[:30], response.status_code)
        assert b"<script>alert(1)</script>" not in response.content


@pytest.mark.parametrize(
    "query",
    [
        "status=signed&status=vetoed",
        "status=signed&status=signed",
        "topic=counselors&topic=",
        "session=2027-regular&session=2026-special",
    ],
)
def test_a_filter_given_twice_is_not_found(client, world, query):
    assert client.get(f"/bills/?{query}", HTTP_HOST=HOST).status_code == 404


@pytest.mark.parametrize("query", ["status[]=", "status[]=signed", "utm_source=mail", "page=1"])
def test_parameters_the_tracker_does_not_know_are_ignored(client, world, query):
    response = client.get(f"/bills/?{query}", HTTP_HOST=HOST)
    assert listed_numbers(soup_of(response)) == ["SB 2", "HB 151", "HB 9", "HJR 5"]


@pytest.mark.parametrize("number", ["0", "9", "-1", "abc", "１", "9" * 40])
def test_a_page_number_that_does_not_exist_is_not_found(client, world, number):
    assert get(client, "/bills/", page=number).status_code == 404


# --- The Spanish tracker ------------------------------------------------------------------------


def test_the_spanish_tracker_lists_translations_and_marks_untranslated_bills(client, world):
    with translation.override("es"):
        soup = soup_of(get(client, path_of(world["spanish_tracker"])))
        regular = session_label(2027, "regular")
    assert soup.html["lang"] == "es"
    assert soup.select_one(".bill-tracker__legislature").get_text() == (
        "Legislatura de Nuevo México"
    )
    cards = {
        card.select_one(".card__meta").get_text(strip=True).split(" · ")[0]: card
        for card in soup.select("main .bill-card")
    }
    assert list(cards) == ["SB 2", "HB 151", "HB 9", "HJR 5"]
    translated = cards["HB 151"]
    assert translated.select_one(".card__title").get_text() == "Consejeros para cada escuela"
    assert translated.select_one(".card__title").get("lang") is None
    assert translated.select_one(".card__meta").get_text(strip=True) == f"HB 151 · {regular}"
    assert translated.select_one(".bill-status time").get_text() == "20 de febrero de 2027"
    # A bill nobody has translated yet shows its English title, marked as English.
    twin = cards["SB 2"].select_one(".card__title")
    assert (twin.get_text(), twin["lang"]) == ("Vouchers for private schools", "en")


def test_the_spanish_tracker_filters_by_a_topics_spanish_or_english_slug(client, world):
    path = path_of(world["spanish_tracker"])
    for slug in ("consejeros", "counselors"):
        with translation.override("es"):
            soup = soup_of(get(client, path, topic=slug))
        assert listed_numbers(soup) == ["HB 151", "HJR 5"]
    with translation.override("es"):
        soup = soup_of(get(client, path))
    topic_options = [
        (option["value"], option.get_text()) for option in soup.select("#filter-topic option")[1:]
    ]
    assert topic_options == [("consejeros", "Consejeros escolares"), ("vouchers", "Vouchers")]


# --- A bill's page ------------------------------------------------------------------------------


def test_a_bill_page_shows_number_session_position_why_summary_and_timeline(client, world):
    soup = soup_of(get(client, "/bills/hb-151/"))
    header = soup.select_one("main .page-header")
    assert header.select_one(".bill-header__number").get_text() == ("HB 151 · 2027 regular session")
    assert header.h1.get_text() == "School counselors for every school"
    assert "Gives every school a full-time counselor." in header.get_text()
    stance = soup.select_one(".bill-stance")
    assert stance.h2.get_text() == "Our position"
    assert "Support" in stance.select_one(".bill-position").get_text()
    assert stance.select_one(".bill-stance__why").get_text() == (
        "Counselors keep students in school."
    )
    steps = soup.select("ol.bill-timeline > li")
    assert [
        (step.time["datetime"], step.select_one(".bill-timeline__status").get_text())
        for step in steps
    ] == [
        ("2027-01-21", "Introduced"),
        ("2027-02-03", "In committee"),
        ("2027-02-20", "Passed one chamber"),
    ]
    assert steps[0].time.get_text() == "Jan. 21, 2027"
    assert steps[2].select_one(".bill-timeline__note").get_text() == "The House voted 52–18."
    # The latest step is where the bill stands now.
    assert [step.get("aria-current") for step in steps] == [None, None, "step"]
    source = soup.select_one(".bill-source a")
    assert source["href"] == "https://www.nmlegis.gov/Legislation/Legislation?legNo=151"
    assert source.get_text(strip=True) == "Read HB 151 on the legislature's website"


def test_a_bill_names_its_sponsors_with_office_district_and_own_page(client, world):
    soup = soup_of(get(client, "/bills/hb-151/"))
    sponsors = soup.select(".bill-sponsors > li")
    assert soup.find(id="bill-sponsors-heading").get_text(strip=True) == "Sponsors"
    ana, luis = sponsors
    link = ana.select_one("a.bill-sponsor__name")
    assert link.get_text() == "Ana Martínez"
    assert link["href"] == "https://www.nmlegis.gov/Members/Legislator?SponCode=HMART"
    assert " ".join(ana.select_one(".bill-sponsor__office").get_text().split()) == (
        "State Representative, District 12"
    )
    # No page of their own: named, not linked.
    assert luis.select_one("a") is None
    assert luis.select_one(".bill-sponsor__name").get_text() == "Luis Ortega"
    assert " ".join(luis.select_one(".bill-sponsor__office").get_text().split()) == (
        "State Senator, District 7"
    )


def test_the_spanish_bill_page_is_in_spanish_with_its_sponsors_titles_translated(client, world):
    with translation.override("es"):
        soup = soup_of(get(client, path_of(world["spanish_hb_151"])))
        introduced = str(BillStatus.INTRODUCED.label)
    assert soup.html["lang"] == "es"
    assert soup.h1.get_text() == "Consejeros para cada escuela"
    steps = soup.select("ol.bill-timeline > li")
    assert steps[0].time.get_text() == "21 de enero de 2027"
    assert steps[0].select_one(".bill-timeline__status").get_text() == introduced
    assert [step.select_one(".bill-timeline__note").get_text() for step in steps] == (
        HB_151_SPANISH_NOTES
    )
    ana, luis = soup.select(".bill-sponsors > li")
    office = ana.select_one(".bill-sponsor__office span")
    assert (office.get_text(), office.get("lang")) == ("Representante estatal", None)
    # Not translated yet: shown as filed, marked as English.
    office = luis.select_one(".bill-sponsor__office span")
    assert (office.get_text(), office["lang"]) == ("State Senator", "en")


def test_a_sponsor_from_another_site_written_to_a_bill_is_never_shown(client, world):
    bill = world["bills"]["HB 151"]
    bill.sponsors.create(decision_maker=world["other_maker"], sort_order=5)
    soup = soup_of(get(client, "/bills/hb-151/"))
    assert [
        li.select_one(".bill-sponsor__name").get_text() for li in soup.select(".bill-sponsors > li")
    ] == ["Ana Martínez", "Luis Ortega"]
    assert "Rosa Chávez" not in soup.get_text()


def test_a_bill_page_lists_its_issue_pages_and_news_on_the_same_topics(client, world):
    soup = soup_of(get(client, "/bills/hb-151/"))
    sections = {
        section.h2.get_text(): [
            title.get_text(strip=True) for title in section.select(".card__title")
        ]
        for section in soup.select("section.related")
    }
    assert sections == {"Issues": ["Student support"], "Articles": ["Why counselors matter"]}


def test_a_bill_without_topics_lists_no_related_pages(client, world):
    soup = soup_of(get(client, "/bills/hb-9/"))
    assert soup.select("section.related") == []
    assert soup.select_one(".topic-tags") is None


def test_the_tracker_and_each_bill_advertise_the_feed(client, world):
    for path in ("/bills/", "/bills/hb-151/"):
        soup = soup_of(get(client, path))
        link = soup.head.find(
            "link",
            type="application/atom+xml",
            href=lambda href: href.endswith("/bills/feeds/atom/"),
        )
        assert link["href"] == f"http://{HOST}/bills/feeds/atom/", path
        assert link["title"] == "Bill tracker | Learning Alliance (Atom)"
    visible = soup_of(get(client, "/bills/")).select_one(".feed-subscribe a")
    assert visible["href"] == "/bills/feeds/atom/"


# --- The current status, worked out from the history ----------------------------------------------


def test_the_current_status_is_the_latest_step_whatever_order_it_was_entered_in(world):
    bill = make_bill(
        world["tracker"],
        number="SB 40",
        history=[
            (D(2027, 3, 1), "passed-one-chamber"),
            (D(2027, 1, 15), "introduced"),
            (D(2027, 3, 1), "passed-both-chambers"),
            (D(2027, 2, 2), "in-committee"),
        ],
    )
    bill = BillPage.objects.get(pk=bill.pk)
    # The same day: the row entered later is the later step.
    assert (bill.current_status, bill.current_status_date) == (
        "passed-both-chambers",
        D(2027, 3, 1),
    )
    assert [row.status for row in bill.status_timeline()] == [
        "introduced",
        "in-committee",
        "passed-one-chamber",
        "passed-both-chambers",
    ]


def test_recording_a_new_step_and_publishing_moves_the_bill_up_the_list(client, world):
    bill = BillPage.objects.get(pk=world["bills"]["HJR 5"].pk)
    history = list(bill.status_history.all())
    history.append(type(history[0])(date=D(2027, 5, 2), status="vetoed", sort_order=9))
    bill.status_history = history
    bill.save_revision().publish()
    assert BillPage.objects.get(pk=bill.pk).current_status == "vetoed"
    soup = soup_of(get(client, "/bills/"))
    assert listed_numbers(soup)[0] == "HJR 5"
    assert listed_numbers(soup_of(get(client, "/bills/", status="vetoed"))) == ["HJR 5"]


def test_a_draft_with_a_new_step_changes_nothing_visitors_see(client, world):
    bill = BillPage.objects.get(pk=world["bills"]["HJR 5"].pk)
    history = list(bill.status_history.all())
    history.append(type(history[0])(date=D(2027, 5, 2), status="vetoed", sort_order=9))
    bill.status_history = history
    bill.save_revision()
    assert BillPage.objects.get(pk=bill.pk).current_status == "died"
    assert listed_numbers(soup_of(get(client, "/bills/", status="vetoed"))) == []


def test_a_bill_with_no_steps_yet_has_no_status_and_is_listed_last(client, world):
    make_bill(world["tracker"], number="HB 300", title="Prefiled", slug="hb-300", history=[])
    soup = soup_of(get(client, "/bills/"))
    assert listed_numbers(soup)[-1] == "HB 300"
    assert soup.select("main .bill-card")[-1].select_one(".bill-status") is None
    page = soup_of(get(client, "/bills/hb-300/"))
    assert page.select_one("ol.bill-timeline") is None


# --- Issue pages --------------------------------------------------------------------------------


def test_an_issue_page_lists_the_bills_filed_under_its_topic(client, world):
    soup = soup_of(get(client, path_of(world["issue"])))
    sections = {section.h2.get_text(): section for section in soup.select("section.issue-section")}
    bills = sections["Bills"]
    assert [
        card.select_one(".card__title").get_text(strip=True) for card in bills.select(".bill-card")
    ] == ["School counselors for every school", "Counselor funding amendment"]
    assert bills.select_one(".bill-card .card__title").name == "h3"
    assert "Passed one chamber" in bills.select_one(".bill-status").get_text()


# --- The feed -----------------------------------------------------------------------------------


def parsed_feed(client, path, host=HOST):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def test_the_feed_has_an_entry_per_status_change_newest_first(client, world):
    feed = parsed_feed(client, "/bills/feeds/atom/")
    assert feed.version == "atom10"
    assert feed.feed.title == "Bill tracker | Learning Alliance"
    assert feed.feed.language == "en"
    titles = [entry.title for entry in feed.entries]
    assert titles[:5] == [
        "SB 2: signed into law",
        "SB 2: passed both chambers",
        "HB 151: passed one chamber",
        "HB 151: in committee",
        "HB 9: in committee",
    ]
    # Every step of the four live bills, and nothing of the draft, the private bill or KidsCAN's.
    assert len(titles) == 3 + 3 + 3 + 2
    assert not any(title.startswith(("SB 99", "SB 98", "SB 7")) for title in titles)
    first = feed.entries[0]
    assert first.link == f"http://{HOST}/bills/sb-2/"
    assert first.updated.startswith("2027-04-01T12:00:00")
    passed = feed.entries[1]
    assert passed.summary == "Vouchers for private schools (Senate 22–20, House 36–34.)"
    assert passed.id.startswith(f"tag:{HOST},")
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)


def test_each_site_has_its_own_feed(client, world):
    feed = parsed_feed(client, "/bills/feeds/atom/", host=OTHER_HOST)
    assert [entry.title for entry in feed.entries] == ["SB 7: signed into law"]
    assert feed.entries[0].link == f"http://{OTHER_HOST}/bills/sb-7/"


def test_the_spanish_feed_is_in_spanish_and_links_the_spanish_pages(client, world):
    path = path_of(world["spanish_tracker"]) + "feeds/atom/"
    feed = parsed_feed(client, path)
    with translation.override("es"):
        passed = status_phrase("passed-one-chamber")
    assert feed.feed.language == "es"
    assert feed.feed.title == "Proyectos de ley | Learning Alliance"
    hb_151 = [entry for entry in feed.entries if entry.title.startswith("HB 151")]
    assert [entry.title for entry in hb_151][0] == f"HB 151: {passed}"
    assert hb_151[0].link == f"http://{HOST}{path_of(world['spanish_hb_151'])}"
    assert hb_151[0].summary == f"Consejeros para cada escuela ({HB_151_SPANISH_NOTES[2]})"
    # A bill nobody has translated yet is still followed, at its Spanish address.
    sb_2 = next(entry for entry in feed.entries if entry.title.startswith("SB 2"))
    assert sb_2.link.startswith(f"http://{HOST}/es/")


def test_an_unpublished_bill_leaves_the_feed(client, world):
    world["bills"]["SB 2"].unpublish()
    titles = [entry.title for entry in parsed_feed(client, "/bills/feeds/atom/").entries]
    assert not any(title.startswith("SB 2") for title in titles)


# --- Structured data ----------------------------------------------------------------------------


def test_a_bill_describes_itself_as_schema_org_legislation(client, world):
    data = item_of_type(soup_of(get(client, "/bills/hb-151/")), "Legislation")
    assert data["name"] == "School counselors for every school"
    assert data["legislationIdentifier"] == "HB 151"
    assert data["abstract"] == "Gives every school a full-time counselor."
    assert data["legislationJurisdiction"] == "New Mexico Legislature"
    assert data["url"] == f"http://{HOST}/bills/hb-151/"
    assert data["inLanguage"] == "en"
    assert data["sameAs"] == "https://www.nmlegis.gov/Legislation/Legislation?legNo=151"
    assert data["dateCreated"] == "2027-01-21"
    assert data["dateModified"] == "2027-02-20"
    assert data["creativeWorkStatus"] == "Passed one chamber"
    assert data["sponsor"] == [
        {
            "@type": "Person",
            "name": "Ana Martínez",
            "jobTitle": "State Representative",
            "url": "https://www.nmlegis.gov/Members/Legislator?SponCode=HMART",
        },
        {"@type": "Person", "name": "Luis Ortega", "jobTitle": "State Senator"},
    ]
    assert data["publisher"]["@type"] == "NGO"
    # Not adopted yet: no date of adoption or signature.
    assert "legislationDate" not in data


def test_a_signed_bill_gives_its_date_of_signature(client, world):
    data = item_of_type(soup_of(get(client, "/bills/sb-2/")), "Legislation")
    assert data["legislationDate"] == "2027-04-01"
    assert data["creativeWorkStatus"] == "Signed into law"
    assert "sponsor" not in data


def test_the_spanish_bill_describes_itself_in_spanish(client, world):
    data = item_of_type(soup_of(get(client, path_of(world["spanish_hb_151"]))), "Legislation")
    assert data["name"] == "Consejeros para cada escuela"
    assert data["inLanguage"] == "es"
    assert data["legislationJurisdiction"] == "Legislatura de Nuevo México"
    assert data["sponsor"][0]["jobTitle"] == "Representante estatal"
