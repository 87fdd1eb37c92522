"""The demo's take-action pages: one open action per site, in both languages, that really works.

How actions behave is checked on rows built for each test in
tests/test_campaigns.py; these check what the demo loader made with it: the
Alliance's letter to the state's (fictional) education leaders, sent by the
site, and KidsCAN's letter to a legislator the visitor picks, sent from the
visitor's own email, each reachable from the header menu and taken part in
with JavaScript off, as a visitor's browser sends the form.
"""

import datetime
from io import StringIO
from urllib.parse import parse_qs, unquote, urlsplit

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from campaigns.forms import CONSENT_FIELD
from campaigns.models import ActionPage, ActionTarget, CampaignSettings, Participant
from demo import community_campaigns
from pages import form_protection
from tests.campaign_factories import token_shown

pytestmark = pytest.mark.django_db

ALLIANCE = "localhost"
KIDSCAN = "kidscan.localhost"
ALLIANCE_ACTION = community_campaigns.SECTIONS[ALLIANCE]
KIDSCAN_ACTION = community_campaigns.SECTIONS[KIDSCAN]

# (host, language, index address, action address, action title)
ACTIONS = [
    (
        ALLIANCE,
        "en",
        "/take-action/",
        "/take-action/extend-essa-comment-period/",
        "More time to comment on the ESSA state plan",
    ),
    (
        ALLIANCE,
        "es",
        "/es/actue/",
        "/es/actue/mas-tiempo-plan-essa/",
        "Más tiempo para opinar sobre el plan estatal de ESSA",
    ),
    (
        KIDSCAN,
        "en",
        "/take-action/",
        "/take-action/right-to-know-school-information/",
        "Clear school information for every family",
    ),
    (
        KIDSCAN,
        "es",
        "/es/actue/",
        "/es/actue/derecho-a-saber-informacion-escolar/",
        "Información escolar clara para cada familia",
    ),
]
SPEC = {
    (ALLIANCE, "en"): ALLIANCE_ACTION["action"],
    (ALLIANCE, "es"): ALLIANCE_ACTION["action_es"],
    (KIDSCAN, "en"): KIDSCAN_ACTION["action"],
    (KIDSCAN, "es"): KIDSCAN_ACTION["action_es"],
}


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def action_at(host, path):
    """The action page served at `path` on `host`."""
    slug = path.rstrip("/").rsplit("/", 1)[-1]
    (page,) = [
        page for page in ActionPage.objects.filter(slug=slug) if page.get_site().hostname == host
    ]
    return page


def form_as_a_browser_sends_it(page, **answers):
    """The action form's fields as a browser without JavaScript posts them, with `answers` typed.

    The consent box is ticked.
    """
    form = page.select_one("form.action-form")
    data = {}
    for field in form.select("input[name]"):
        if field.get("type") != "checkbox":
            data[field["name"]] = field.get("value", "")
    for field in form.select("textarea[name]"):
        data[field["name"]] = field.get_text().lstrip("\n")
    for field in form.select("select[name]"):
        chosen = field.select_one("option[selected]")
        data[field["name"]] = chosen["value"] if chosen else ""
    data[CONSENT_FIELD] = "on"
    data.update(answers)
    return data


def post_form(client, capture, host, path, **answers):
    """Show the action's form, fill it in and send it; mail goes out as the post commits.

    The form's "shown at" token is swapped for one issued half a minute ago, as
    if the visitor took that long to fill it in (the form refuses posts made
    within seconds of showing it).
    """
    page = soup_of(client.get(path, headers={"host": host}))
    data = form_as_a_browser_sends_it(page, **answers)
    data[form_protection.STARTED_FIELD] = token_shown(action_at(host, path), seconds_ago=30)
    with capture(execute=True):
        return client.post(path, data, headers={"host": host})


# --- what a visitor finds -------------------------------------------------------------------


@pytest.mark.parametrize(("host", "language", "index_path", "path", "title"), ACTIONS)
def test_each_sites_action_is_open_in_both_languages_with_its_letter(
    client, demo, host, language, index_path, path, title
):
    page = soup_of(client.get(path, headers={"host": host}))

    assert page.h1.get_text(strip=True) == title
    spec = SPEC[host, language]
    assert spec["ask"] in page.select_one("main").get_text(" ", strip=True)
    assert page.select_one("textarea[name=letter]").get_text().strip() == spec["letter_body"]
    assert spec["letter_subject"] in page.select_one(".action-form__subject").get_text()
    assert page.select_one("form.action-form button[type=submit]") is not None
    action = action_at(host, path)
    assert action.live and action.is_open()
    # A real translation, not the English page under a Spanish address.
    assert action.alias_of_id is None


@pytest.mark.parametrize(("host", "language", "index_path", "path", "title"), ACTIONS)
def test_the_take_action_index_is_in_the_header_menu_and_lists_the_open_action(
    client, demo, host, language, index_path, path, title
):
    home = soup_of(client.get("/es/" if language == "es" else "/", headers={"host": host}))
    assert index_path in [link["href"] for link in home.select("nav.main-menu a")]

    index = soup_of(client.get(index_path, headers={"host": host}))

    open_actions = index.select_one("section.action-section")
    assert [link["href"] for link in open_actions.select(".card__title a")] == [path]
    assert open_actions.select_one(".card__title").get_text(strip=True) == title


@pytest.mark.parametrize(
    ("path", "titles"),
    [
        (
            "/take-action/extend-essa-comment-period/",
            [
                "Dolores Quintana-Reyes, Secretary of Public Education (fictional)",
                "Augustin Benally-Ruiz, Chair, Public Education Commission (fictional)",
            ],
        ),
        (
            "/es/actue/mas-tiempo-plan-essa/",
            [
                "Dolores Quintana-Reyes, Secretaria de Educación Pública (ficticia)",
                "Augustin Benally-Ruiz, Presidente de la Comisión de Educación Pública (ficticio)",
            ],
        ),
    ],
)
def test_the_alliance_writes_to_the_secretary_and_the_commission_chair_by_the_sites_email(
    client, demo, path, titles
):
    page = soup_of(client.get(path, headers={"host": ALLIANCE}))

    recipients = page.select(".action-recipients__list li")
    assert [" ".join(item.get_text().split()) for item in recipients] == titles
    assert page.select_one("select[name=target]") is None
    action = action_at(ALLIANCE, path)
    assert (action.targeting, action.delivery) == ("all", "email")
    # Open for a few weeks from the demo's first load, so a fresh demo always has it open.
    assert (
        datetime.timedelta(weeks=3)
        < action.deadline - timezone.now()
        < datetime.timedelta(weeks=4, days=1)
    )
    assert action.goal == 300
    assert {topic.slug for topic in action.topics.all()} >= {"essa", "community-input"}
    assert action.next_action.specific_class.__name__ == "SurveyPage"


def test_kidscan_visitors_choose_their_own_legislator_and_send_from_their_own_email(client, demo):
    path = "/take-action/right-to-know-school-information/"
    page = soup_of(client.get(path, headers={"host": KIDSCAN}))

    select = page.select_one("select[name=target]")
    groups = {
        group["label"]: [option.get_text() for option in group.select("option")]
        for group in select.select("optgroup")
    }
    assert list(groups) == ["State Senate", "State House of Representatives"]
    assert [len(options) for options in groups.values()] == [4, 4]
    assert "District 37: Celestina Varela-Brooks (Doña Ana)" in groups["State Senate"]
    lookup = page.find("a", string="Find your legislator")
    assert lookup["href"] == "https://www.nmlegis.gov/Members/Find_My_Legislator"
    submit = page.select_one("form.action-form button[type=submit]")
    assert submit.get_text(strip=True) == "Get my letter ready to send"
    action = action_at(KIDSCAN, path)
    assert (action.targeting, action.delivery, action.deadline) == ("one", "mailto", None)
    assert action.next_action.slug == "newsletter"


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/issues/right-to-know/", "Clear school information for every family"),
        ("/es/temas/derecho-a-saber/", "Información escolar clara para cada familia"),
    ],
)
def test_the_right_to_know_issue_page_lists_the_kidscan_action(client, demo, path, title):
    issue = soup_of(client.get(path, headers={"host": KIDSCAN}))

    cards = [card.get_text(strip=True) for card in issue.select(".issue-section .card__title")]
    assert title in cards
    if not path.startswith("/es/"):
        heading = issue.find("h2", string="Take action")
        assert title in heading.find_parent("section").get_text()


@pytest.mark.parametrize(
    ("home", "label", "action"),
    [
        ("/", "Add your name", "/take-action/extend-essa-comment-period/"),
        ("/es/", "Sume su nombre", "/es/actue/mas-tiempo-plan-essa/"),
    ],
)
def test_the_alliance_home_page_asks_visitors_to_add_their_name(client, demo, home, label, action):
    page = soup_of(client.get(home, headers={"host": ALLIANCE}))
    assert page.find("a", string=label)["href"] == action


@pytest.mark.parametrize(("host", "language", "index_path", "path", "title"), ACTIONS)
def test_every_demo_action_says_it_is_an_example(
    client, demo, host, language, index_path, path, title
):
    text = soup_of(client.get(path, headers={"host": host})).select_one("main").get_text()
    example = "An example action" if language == "en" else "Una acción de ejemplo"
    assert example in text
    assert "example.org" in text


def test_each_site_links_the_states_legislator_lookup_and_keeps_details_a_year(demo):
    settings = CampaignSettings.objects.filter(site__hostname__in=[ALLIANCE, KIDSCAN])
    assert (
        sorted(settings.values_list("find_legislator_url", "retention_days"))
        == [
            ("https://www.nmlegis.gov/Members/Find_My_Legislator", 365),
        ]
        * 2
    )


# --- taking part with JavaScript off ----------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "subject", "thanks"),
    [
        (
            "/take-action/extend-essa-comment-period/",
            "Please extend the comment period on New Mexico's draft ESSA plan",
            "Your letter is on its way",
        ),
        (
            "/es/actue/mas-tiempo-plan-essa/",
            "Por favor, amplíen el periodo de comentarios sobre el borrador del plan ESSA de "
            "Nuevo México",
            "Su carta ya va en camino",
        ),
    ],
)
def test_a_visitor_sends_the_alliance_letter_to_both_leaders_and_gets_a_copy(
    client, demo, django_capture_on_commit_callbacks, path, subject, thanks
):
    mail.outbox.clear()

    response = post_form(
        client,
        django_capture_on_commit_callbacks,
        ALLIANCE,
        path,
        name="Ana Martínez",
        email="ana@example.com",
        town="Gallup 87301",
    )

    assert response.status_code == 303
    thank_you = soup_of(client.get(response["Location"], headers={"host": ALLIANCE}))
    assert thanks in thank_you.select_one(".action-thanks__text").get_text()
    sent_to = thank_you.select_one("#action-sent-heading").find_parent("section").get_text()
    assert "Dolores Quintana-Reyes" in sent_to and "Augustin Benally-Ruiz" in sent_to
    survey = "/es/encuesta-nm-first/" if path.startswith("/es/") else "/nm-first-survey/"
    assert survey in [link["href"] for link in thank_you.select(".action-next a")]

    letters = {tuple(message.to): message for message in mail.outbox}
    assert set(letters) == {
        ("dolores.quintana-reyes@example.org",),
        ("augustin.benally-ruiz@example.org",),
        ("ana@example.com",),
    }
    for address in ("dolores.quintana-reyes@example.org", "augustin.benally-ruiz@example.org"):
        letter = letters[(address,)]
        assert letter.subject == subject
        assert letter.reply_to == ["ana@example.com"]
        assert letter.body.startswith(action_at(ALLIANCE, path).letter_body)
        assert "Ana Martínez\nGallup 87301" in letter.body
    assert Participant.objects.filter(name="Ana Martínez").count() == 1


def test_a_visitor_gets_the_kidscan_letter_ready_to_send_to_their_own_legislator(
    client, demo, django_capture_on_commit_callbacks
):
    path = "/take-action/right-to-know-school-information/"
    mail.outbox.clear()
    page = soup_of(client.get(path, headers={"host": KIDSCAN}))
    chosen = page.find("option", string="District 37: Celestina Varela-Brooks (Doña Ana)")

    response = post_form(
        client,
        django_capture_on_commit_callbacks,
        KIDSCAN,
        path,
        name="Luis Baca",
        email="luis@example.com",
        town="Las Cruces",
        target=chosen["value"],
    )

    assert response.status_code == 303
    thank_you = soup_of(client.get(response["Location"], headers={"host": KIDSCAN}))
    (link,) = [link["href"] for link in thank_you.select(".action-sent__links a")]
    address = urlsplit(link)
    assert address.scheme == "mailto"
    assert unquote(address.path) == "celestina.varela-brooks@example.org"
    ready = parse_qs(address.query)
    assert ready["subject"] == ["Please support clear school information for families"]
    assert ready["body"][0].endswith("Luis Baca\r\nLas Cruces")
    # The visitor sends it: this site mails nothing, not even a copy.
    assert mail.outbox == []
    assert "/newsletter/" in [a["href"] for a in thank_you.select(".action-next a")]


# --- loading again ------------------------------------------------------------------------------


def test_loading_the_demo_again_adds_or_changes_no_action(demo):
    def everything():
        return (
            list(
                ActionPage.objects.order_by("pk").values_list(
                    "pk", "title", "slug", "deadline", "live", "letter_body", "next_action_id"
                )
            ),
            list(ActionTarget.objects.order_by("pk").values_list("page_id", "decision_maker_id")),
            list(CampaignSettings.objects.order_by("pk").values()),
        )

    # What an editor did since is kept: the loader adds only what is missing.
    edited = ActionPage.objects.get(slug="extend-essa-comment-period")
    edited.goal = 450
    edited.save_revision().publish()
    before = everything()

    call_command("load_demo_content", stdout=StringIO())

    assert everything() == before
    assert ActionPage.objects.get(pk=edited.pk).goal == 450
