"""Take-action campaigns: a visitor writes to decision makers in a few taps, in either language.

One action site is built once for the module (tests/campaign_factories.py):
a take-action index and an action in English and Spanish, writing by e-mail
to two legislators (and a third without an address, whom it skips), with a
privacy page; a second organization's site has its own legislator. Mail
goes out when the transaction commits, so posts are sent inside
`django_capture_on_commit_callbacks(execute=True)`.
"""

import datetime
import io
import logging
from email.utils import formataddr
from unittest import mock
from urllib.parse import parse_qs, unquote, urlsplit

from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.translation import gettext

import pytest
from bs4 import BeautifulSoup

from campaigns.deadlines import new_mexico_day
from campaigns.forms import CONSENT_FIELD
from campaigns.letters import MAILTO_MAX_LENGTH
from campaigns.models import ActionPage, Letter, Participant
from campaigns.references import VALID_FOR
from pages import form_protection
from pages.models import SiteSettings
from tests.campaign_factories import (
    LETTER,
    action_form_data,
    make_action,
    make_action_index,
    set_campaign_settings,
    translate_action,
)
from tests.decision_maker_factories import make_decision_maker
from tests.factories import (
    built_once_per_module,
    content_locales,
    fresh_copies,
    make_issue,
    make_issue_index,
    make_site,
    make_standard,
    make_topic,
    translate_page,
)

pytestmark = pytest.mark.django_db

HOST = {"host": "localhost"}
OTHER_HOST = "kidscan.localhost"
EDITED_LETTER = "Every child deserves lunch. Please vote yes on the school meals bill."
LETTER_TO = "campaigns.participants.Letter"


def es(text):
    with translation.override("es"):
        return gettext(text)


def build_action_sites():
    _english, spanish = content_locales()
    site = make_site(hostname="localhost", name="Learning Alliance")
    home = site.root_page.specific
    privacy = make_standard(home, title="Privacy", slug="privacy")
    SiteSettings.objects.filter(site=site).update(privacy_page=privacy)
    spanish_home = translate_page(home, spanish, title="Inicio")
    translate_page(privacy, spanish, title="Privacidad", slug="privacidad")
    ana = make_decision_maker(site, name="Ana Martínez", district=4, county="McKinley")
    luis = make_decision_maker(
        site,
        name="Luis Baca",
        title="State Representative",
        body="house",
        district=9,
        county="Bernalillo",
    )
    rosa = make_decision_maker(site, name="Rosa Chávez", district=7, email="")
    index = make_action_index(home, slug="take-action")
    action = make_action(index, targets=[ana, luis, rosa], title="Fund school meals")
    spanish_index = translate_page(index, spanish, title="Actúe", slug="actue")
    spanish_action = translate_action(action, spanish, slug="comidas")

    other_site = make_site(hostname=OTHER_HOST, name="KidsCAN", default=False)
    other_person = make_decision_maker(other_site, name="Pat Otero", district=30)
    return {
        "site": site,
        "home": home,
        "spanish_home": spanish_home,
        "index": index,
        "spanish_index": spanish_index,
        "action": action,
        "spanish_action": spanish_action,
        "ana": ana,
        "luis": luis,
        "rosa": rosa,
        "other_site": other_site,
        "other_person": other_person,
    }


sites_for_the_module = built_once_per_module(build_action_sites)


@pytest.fixture
def built(sites_for_the_module):
    mail.outbox.clear()
    return fresh_copies(sites_for_the_module)


@pytest.fixture
def take_part(client, django_capture_on_commit_callbacks):
    """Post to `page` as a browser does (overrides change fields), mail sent at commit."""

    def post(page, data=None, host="localhost", **overrides):
        data = data if data is not None else action_form_data(page, **overrides)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(page.url, data, headers={"host": host})

    return post


def path_of(page):
    return page.get_url_parts()[2]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def letters_to(address):
    return [message for message in mail.outbox if message.to == [address]]


# --- taking part, in English and in Spanish ------------------------------------------------


def test_an_english_visitor_writes_to_every_legislator_and_gets_a_copy(built, take_part, client):
    action, ana, luis = built["action"], built["ana"], built["luis"]

    response = take_part(action, letter=EDITED_LETTER)

    assert response.status_code == 303
    assert response["Location"].startswith(f"{path_of(action)}thank-you/?ref=")
    participant = Participant.objects.get()
    assert participant.action_id == action.pk
    assert (participant.language, participant.letter_language) == ("en", "en")
    assert participant.letter == EDITED_LETTER
    # One letter to each legislator with an address, and the visitor's copy: nothing else.
    assert len(mail.outbox) == 3
    for person in (ana, luis):
        (letter,) = letters_to(person.email)
        assert letter.subject == "Fund school meals"
        assert letter.reply_to == ["ana@example.org"]
        assert letter.from_email == (
            "=?utf-8?q?Ana_Mart=C3=ADnez_via_Learning_Alliance?= <webmaster@localhost>"
        )
        assert letter.body.startswith(f"{EDITED_LETTER}\n\nAna Martínez\nGallup 87301\n")
        assert "through the Learning Alliance website" in letter.body
    (copy,) = letters_to("ana@example.org")
    assert copy.subject == "Your letter: Fund school meals"
    assert "We sent your letter to:\n- Ana Martínez\n- Luis Baca" in copy.body
    assert EDITED_LETTER in copy.body
    assert not any("Rosa" in message.body for message in mail.outbox)
    assert sorted(Letter.objects.values_list("decision_maker__name", "method")) == [
        ("Ana Martínez", "email"),
        ("Luis Baca", "email"),
    ]


def test_a_spanish_visitor_writes_in_spanish_counted_on_the_english_action(
    built, take_part, client
):
    action, spanish = built["action"], built["spanish_action"]
    page = client.get(spanish.url, headers=HOST)
    html = page.content.decode()
    assert '<html lang="es">' in html
    assert 'lang="es"' in str(soup(page).select_one("textarea[name=letter]"))
    assert "Por favor, financie comidas escolares" in html

    response = take_part(spanish, letter="Por favor, voten sí.")

    assert response.status_code == 303
    assert response["Location"].startswith(f"{path_of(spanish)}thank-you/?ref=")
    participant = Participant.objects.get()
    assert participant.action_id == action.pk
    assert (participant.language, participant.letter_language) == ("es", "es")
    (letter,) = letters_to(built["ana"].email)
    assert letter.subject == "Financien las comidas escolares"
    assert letter.body.startswith("Por favor, voten sí.\n\nAna Martínez\nGallup 87301")
    sender = es("%(name)s via %(organization)s") % {
        "name": "Ana Martínez",
        "organization": "Learning Alliance",
    }
    assert letter.from_email == formataddr((sender, "webmaster@localhost"))
    (copy,) = letters_to("ana@example.org")
    assert copy.subject == es("Your letter: %(subject)s") % {
        "subject": "Financien las comidas escolares"
    }
    assert es("We sent your letter to:") in copy.body
    assert "Financie las comidas escolares" in copy.body  # the action, named in Spanish

    thanks = client.get(response["Location"], headers=HOST).content.decode()
    assert '<html lang="es">' in thanks
    assert "Por favor, voten sí." in thanks
    assert es("Thank you for taking part") in thanks


def test_both_languages_count_together_against_one_goal(built, take_part, client):
    take_part(built["action"], email="one@example.org")
    take_part(built["spanish_action"], email="dos@example.org")

    for page in (built["action"], built["spanish_action"]):
        bar = soup(client.get(page.url, headers=HOST)).select_one("progress")
        assert (bar["value"], bar["max"]) == ("2", "100")
        assert "style" not in bar.attrs
    english = soup(client.get(built["action"].url, headers=HOST))
    assert english.select_one(".action-status__count").get_text(strip=True) == (
        "2 of 100 people have taken part"
    )


def test_the_thank_you_page_shows_what_was_sent_only_to_whoever_holds_the_reference(
    built, take_part, client
):
    response = take_part(built["action"], letter=EDITED_LETTER)
    thanks = client.get(response["Location"], headers=HOST)

    html = thanks.content.decode()
    assert thanks.status_code == 200
    assert EDITED_LETTER in html
    assert "Ana Martínez" in html and "Luis Baca" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "no-store" in thanks["Cache-Control"] and "private" in thanks["Cache-Control"]
    # The share links lead to the action, not to this page.
    share = soup(thanks).select_one(".share__link--facebook")["href"]
    assert "thank-you" not in unquote(share) and built["action"].url in unquote(share)

    plain = f"{built['action'].url}thank-you/"
    participant = Participant.objects.get()
    forged = f"{plain}?ref={participant.pk}:forged"
    other_action = f"{built['spanish_action'].url}thank-you/?ref=abc"
    for address in (plain, forged, other_action, f"{plain}?ref=%00", f"{plain}?ref=" + "9" * 500):
        page = client.get(address, headers=HOST)
        assert page.status_code == 200, address
        assert EDITED_LETTER not in page.content.decode(), address
        assert "ana@example.org" not in page.content.decode()

    Participant.objects.update(created_at=timezone.now() - VALID_FOR - datetime.timedelta(1))
    expired = client.get(response["Location"], headers=HOST).content.decode()
    assert EDITED_LETTER not in expired
    assert "only for an hour" in expired


def test_the_thank_you_page_takes_no_post(built, client):
    assert client.post(f"{built['action'].url}thank-you/", headers=HOST).status_code == 405


# --- exactly once -----------------------------------------------------------------------------


def test_sending_the_same_form_twice_stores_and_sends_one_letter(built, take_part):
    action = built["action"]
    data = action_form_data(action)

    first = take_part(action, data)
    second = take_part(action, data)

    assert first.status_code == second.status_code == 303
    assert second["Location"] == first["Location"]
    assert Participant.objects.count() == 1
    assert Letter.objects.count() == 2
    assert len(mail.outbox) == 3


def test_a_post_racing_its_twin_is_sent_on_and_stores_nothing(built, take_part):
    """The second of two simultaneous posts finds the token taken inside its transaction."""
    action = built["action"]
    data = action_form_data(action)
    take_part(action, data)
    with mock.patch.object(form_protection, "refusal_for", return_value=None):
        again = take_part(action, data)
    assert again.status_code == 303
    assert Participant.objects.count() == 1
    assert len(mail.outbox) == 3


@pytest.mark.parametrize(
    "overrides, status, reason",
    [
        ({form_protection.HONEYPOT_FIELD: "http://spam.example"}, 400, "honeypot"),
        ({"seconds_ago": 1}, 400, "too quickly"),
        ({form_protection.STARTED_FIELD: "7:forged:token"}, 400, "missing or altered"),
        ({form_protection.STARTED_FIELD: None}, 400, "missing or altered"),
    ],
)
def test_refused_posts_store_and_send_nothing_and_keep_what_was_typed(
    built, take_part, caplog, overrides, status, reason
):
    with caplog.at_level(logging.INFO, logger="campaigns"):
        response = take_part(built["action"], letter=EDITED_LETTER, **overrides)

    assert response.status_code == status
    html = response.content.decode()
    assert EDITED_LETTER in html
    assert 'value="Ana Martínez"' in html
    assert "Your letter was not sent yet" in html
    assert not Participant.objects.exists() and not Letter.objects.exists()
    assert mail.outbox == []
    assert reason in caplog.text and "ana@example.org" not in caplog.text


def test_the_sixth_post_in_ten_minutes_from_one_connection_is_refused(built, take_part):
    action = built["action"]
    for number in range(form_protection.SUBMISSIONS_PER_WINDOW):
        assert take_part(action, email=f"person{number}@example.org").status_code == 303
    mail.outbox.clear()

    refused = take_part(action, email="sixth@example.org")

    assert refused.status_code == 429
    assert Participant.objects.count() == form_protection.SUBMISSIONS_PER_WINDOW
    assert mail.outbox == []


def test_missing_answers_are_listed_and_linked_to_their_fields(built, take_part):
    response = take_part(built["action"], name="", email="not-an-address", **{CONSENT_FIELD: None})

    assert response.status_code == 400
    summary = soup(response).select_one(".survey-errors")
    links = [link["href"] for link in summary.select("a")]
    assert links == ["#id_name", "#id_email", f"#id_{CONSENT_FIELD}"]
    assert 'value="not-an-address"' in response.content.decode()
    assert soup(response).title.get_text().startswith("Error:")
    assert not Participant.objects.exists()


# --- hostile and malformed posts: a clear 4xx, never a 500, nothing stored -------------------


@pytest.fixture
def choose_one(built):
    """The action asking the visitor to choose one legislator."""
    action = built["action"]
    action.targeting = "one"
    action.save_revision().publish()
    return ActionPage.objects.get(pk=action.pk)


@pytest.mark.parametrize(
    "overrides",
    [
        {"letter": "x" * 6000},
        {"name": "Ana\r\nBcc: everyone@example.org"},
        {"town": "Gallup\x00"},
        {"target": "999999"},
        {"target": "not-a-number"},
        {"target": "1 OR 1=1"},
        {"target": ""},
        {"target": ["abc", "def"]},
    ],
)
def test_hostile_values_get_a_clear_400_and_store_nothing(choose_one, built, take_part, overrides):
    overrides.setdefault("target", str(built["ana"].pk))
    response = take_part(choose_one, **overrides)

    assert response.status_code == 400
    assert soup(response).select_one(".survey-errors") is not None
    assert not Participant.objects.exists() and mail.outbox == []


def test_another_sites_legislator_cannot_be_chosen(choose_one, built, take_part):
    response = take_part(choose_one, target=str(built["other_person"].pk))

    assert response.status_code == 400
    assert not Participant.objects.exists()
    assert letters_to(built["other_person"].email) == []


def test_another_sites_legislator_named_on_a_page_is_never_written_to(built, take_part):
    """Even a row that reached the page some other way than the editor's form."""
    action = built["action"]
    action.targets.create(decision_maker=built["other_person"], sort_order=9)

    take_part(action)

    assert letters_to(built["other_person"].email) == []
    assert len(mail.outbox) == 3


def test_an_oversized_post_is_refused_before_it_is_read(built, client):
    response = client.post(
        built["action"].url,
        {"letter": "x" * (form_protection.PUBLIC_FORM_MAX_BODY_SIZE + 1)},
        headers=HOST,
    )
    assert response.status_code == 413
    assert not Participant.objects.exists()


# --- choosing one legislator ---------------------------------------------------------------


def test_the_visitor_chooses_their_legislator_from_a_list_grouped_by_chamber(
    choose_one, built, client, take_part
):
    set_campaign_settings(built["site"], find_legislator_url="https://www.nmlegis.gov/Find")
    page = soup(client.get(choose_one.url, headers=HOST))

    select = page.select_one("select[name=target]")
    groups = [
        (group["label"], [option.get_text() for option in group.select("option")])
        for group in select.select("optgroup")
    ]
    assert groups == [
        ("State Senate", ["District 4: Ana Martínez (McKinley)"]),
        ("State House of Representatives", ["District 9: Luis Baca (Bernalillo)"]),
    ]
    assert select.select_one("option")["value"] == ""
    assert page.find("a", string="Find your legislator")["href"] == "https://www.nmlegis.gov/Find"

    response = take_part(choose_one, target=str(built["luis"].pk))

    assert response.status_code == 303
    assert [message.to for message in mail.outbox] == [
        [built["luis"].email],
        ["ana@example.org"],
    ]


# --- the daily cap -----------------------------------------------------------------------------


def test_past_the_daily_cap_the_visitor_counts_and_sends_the_letter_themselves(
    built, take_part, client
):
    action, ana = built["action"], built["ana"]
    set_campaign_settings(built["site"], daily_letter_cap=1)
    take_part(action, email="first@example.org")
    mail.outbox.clear()

    response = take_part(action, email="second@example.org", letter=EDITED_LETTER)

    assert response.status_code == 303
    assert Participant.objects.count() == 2
    assert letters_to(ana.email) == [] and letters_to(built["luis"].email) == []
    (copy,) = mail.outbox
    assert f"- Ana Martínez: {ana.email}" in copy.body
    thanks = soup(client.get(response["Location"], headers=HOST))
    assert "So many people wrote today" in thanks.get_text()
    link = thanks.select_one(".action-sent__links a")["href"]
    parts = urlsplit(link)
    assert (parts.scheme, unquote(parts.path)) == ("mailto", ana.email)
    query = parse_qs(parts.query)
    assert query["subject"] == ["Fund school meals"]
    assert query["body"][0].startswith(EDITED_LETTER)
    assert "%0D%0A" in link


def test_the_cap_counts_every_action_of_the_site_and_starts_again_each_new_mexico_day(
    built, take_part
):
    action, ana = built["action"], built["ana"]
    set_campaign_settings(built["site"], daily_letter_cap=2)
    second_action = make_action(built["index"], targets=[ana], title="Fund school buses")
    take_part(second_action, email="bus@example.org")
    take_part(action, email="meals@example.org")
    mail.outbox.clear()

    take_part(action, email="third@example.org")
    assert letters_to(ana.email) == []  # two sent today, from two actions
    assert len(letters_to(built["luis"].email)) == 1

    Letter.objects.update(day=new_mexico_day() - datetime.timedelta(days=1))
    mail.outbox.clear()
    take_part(action, email="tomorrow@example.org")
    assert len(letters_to(ana.email)) == 1


def test_the_days_are_new_mexicos():
    late_evening = datetime.datetime(2027, 2, 1, 5, 30, tzinfo=datetime.UTC)  # 10:30 p.m. MST
    assert new_mexico_day(late_evening) == datetime.date(2027, 1, 31)


def test_a_failed_send_keeps_the_participant_and_offers_the_letter_to_send(
    built, take_part, client, caplog
):
    with (
        mock.patch("django.core.mail.message.EmailMessage.send", side_effect=OSError("down")),
        caplog.at_level(logging.ERROR, logger="campaigns"),
    ):
        response = take_part(built["action"])

    assert response.status_code == 303
    assert Participant.objects.count() == 1
    assert set(Letter.objects.values_list("method", flat=True)) == {"failed"}
    assert "could not send" in caplog.text
    thanks = soup(client.get(response["Location"], headers=HOST))
    assert "We could not send your letter just now" in thanks.get_text()
    assert len(thanks.select(".action-sent__links a[href^='mailto:']")) == 2


# --- visitors send it themselves (mailto) ------------------------------------------------------


@pytest.fixture
def by_mailto(built):
    action = built["action"]
    action.delivery = "mailto"
    action.save_revision().publish()
    return ActionPage.objects.get(pk=action.pk)


def test_in_mailto_mode_nothing_is_mailed_and_the_visitor_gets_one_link_each(
    by_mailto, built, take_part, client
):
    form = soup(client.get(by_mailto.url, headers=HOST))
    assert form.select_one(".survey-form__submit").get_text(strip=True) == (
        "Get my letter ready to send"
    )

    response = take_part(by_mailto, letter=EDITED_LETTER)

    assert response.status_code == 303
    assert mail.outbox == []
    assert Participant.objects.count() == 1
    thanks = soup(client.get(response["Location"], headers=HOST))
    links = [link["href"] for link in thanks.select(".action-sent__links a")]
    assert [unquote(urlsplit(link).path) for link in links] == [
        built["ana"].email,
        built["luis"].email,
    ]
    assert all("body=" in link for link in links)
    assert "too long" not in thanks.get_text()


def test_a_letter_too_long_for_a_link_is_offered_to_copy(by_mailto, built, take_part, client):
    long_letter = "Please fund school meals. " * 150
    response = take_part(by_mailto, letter=long_letter)

    thanks = soup(client.get(response["Location"], headers=HOST))
    links = [link["href"] for link in thanks.select(".action-sent__links a")]
    assert all("body=" not in link and "subject=" in link for link in links)
    assert all(len(link) <= MAILTO_MAX_LENGTH for link in links)
    copy_box = thanks.select_one("textarea#action-letter-copy")
    assert copy_box.has_attr("readonly")
    assert thanks.find("label", attrs={"for": "action-letter-copy"}) is not None
    assert long_letter.strip() in copy_box.get_text()


# --- a letter in a fixed language --------------------------------------------------------------


def test_a_letter_fixed_in_english_is_shown_and_sent_in_english_to_spanish_readers(
    built, take_part, client
):
    for page in (built["action"], built["spanish_action"]):
        page.letter_language = "en"
        page.save_revision().publish()
    spanish = ActionPage.objects.get(pk=built["spanish_action"].pk)

    form = soup(client.get(spanish.url, headers=HOST))
    letter = form.select_one("textarea[name=letter]")
    assert letter["lang"] == "en"
    assert letter.get_text().strip() == LETTER
    assert form.select_one(".action-form__subject span")["lang"] == "en"

    take_part(spanish, letter=LETTER)

    participant = Participant.objects.get()
    assert (participant.language, participant.letter_language) == ("es", "en")
    (letter_sent,) = letters_to(built["ana"].email)
    assert letter_sent.subject == "Fund school meals"
    assert "through the Learning Alliance website" in letter_sent.body
    (copy,) = letters_to("ana@example.org")
    assert "Financie las comidas escolares" in copy.body


# --- the deadline ---------------------------------------------------------------------------


@pytest.fixture
def closed(built, take_part):
    take_part(built["action"])
    mail.outbox.clear()
    action = built["action"]
    action.deadline = datetime.datetime(2026, 3, 3, 17, tzinfo=datetime.UTC)
    action.save_revision().publish()
    return ActionPage.objects.get(pk=action.pk)


def test_after_the_deadline_the_page_shows_the_final_count_and_no_form(closed, client):
    response = client.get(closed.url, headers=HOST)

    page = soup(response)
    assert response.status_code == 200
    assert page.select_one("form.action-form") is None
    status = page.select_one(".action-status__when--closed").get_text()
    assert " ".join(status.split()) == "This action closed on March 3, 2026."
    assert page.select_one("progress")["value"] == "1"
    assert "no-cache" in response["Cache-Control"]


def test_a_post_after_the_deadline_is_gone_and_stores_nothing(closed, built, take_part):
    response = take_part(closed, data=action_form_data(closed))

    assert response.status_code == 410
    assert "This action closed on" in response.content.decode()
    assert Participant.objects.count() == 1
    assert mail.outbox == []


def test_nothing_cached_shows_an_action_open_after_its_deadline(built, client, take_part):
    action = built["action"]
    with override_settings(CONTENT_CACHE_ENABLED=True):
        for path in (built["index"].url, action.url, f"{action.url}thank-you/"):
            responses = [client.get(path, headers=HOST) for _ in range(2)]
            assert responses[1].get("X-Page-Cache") != "hit", path
            assert "no-cache" in responses[1]["Cache-Control"], path
        before = soup(client.get(built["index"].url, headers=HOST)).get_text()
        take_part(action)
        after = soup(client.get(built["index"].url, headers=HOST)).get_text()
    assert "0 of 100" in before and "1 of 100" in after


# --- the take-action index ---------------------------------------------------------------------


def test_the_index_lists_open_actions_soonest_deadline_first_then_closed_ones(built, client):
    index, now = built["index"], timezone.now()
    soon = make_action(index, title="Closes soon", deadline=now + datetime.timedelta(days=2))
    make_action(index, title="No deadline", deadline=None)
    make_action(index, title="Closed last week", deadline=now - datetime.timedelta(days=7))
    make_action(index, title="Closed last year", deadline=now - datetime.timedelta(days=365))
    make_action(index, title="Draft", live=False)

    page = soup(client.get(index.url, headers=HOST))

    def titles(section_id):
        section = page.find(attrs={"aria-labelledby": section_id})
        return [title.get_text(strip=True) for title in section.select(".card__title")]

    assert titles("open-actions") == ["Closes soon", "Fund school meals", "No deadline"]
    assert titles("closed-actions") == ["Closed last week", "Closed last year"]
    card = page.find("a", string="Closes soon").find_parent("article")
    assert card.select_one("progress")["aria-labelledby"] == f"action-{soon.pk}-progress"
    assert card.select_one(f"#action-{soon.pk}-progress").get_text(strip=True) == (
        "0 of 100 people have taken part"
    )


def test_a_closed_list_page_that_does_not_exist_is_a_404(built, client):
    for bad in ("9", "abc", "1" * 40):
        assert client.get(built["index"].url, {"page": bad}, headers=HOST).status_code == 404


def test_an_issue_page_lists_its_topics_actions_under_take_action(built, client):
    topic = make_topic("School meals", site=built["site"])
    make_action(built["index"], title="Meals for all", topics=[topic])
    issue = make_issue(make_issue_index(built["home"]), topic, title="Hunger")

    page = soup(client.get(issue.url, headers=HOST))

    heading = page.find("h2", string="Take action")
    section = heading.find_parent("section")
    assert [a.get_text(strip=True) for a in section.select(".card__title a")] == ["Meals for all"]


def test_the_next_action_is_the_editors_choice_else_the_sites_other_open_actions(
    built, take_part, client
):
    action = built["action"]
    other = make_action(built["index"], title="Fund school buses")
    make_action(built["index"], title="Already closed", deadline=timezone.now())
    response = take_part(action)
    thanks = soup(client.get(response["Location"], headers=HOST))
    suggested = thanks.find(attrs={"aria-labelledby": "action-next-heading"})
    assert [a.get_text(strip=True) for a in suggested.select(".card__title a")] == [other.title]

    action.next_action = built["index"]
    action.save_revision().publish()
    thanks = soup(client.get(f"{action.url}thank-you/", headers=HOST))
    suggested = thanks.find(attrs={"aria-labelledby": "action-next-heading"})
    assert [a.get_text(strip=True) for a in suggested.select(".card__title a")] == ["Take action"]


# --- privacy: retention -------------------------------------------------------------------------


def test_details_are_erased_after_the_sites_retention_period_and_counts_stay(
    built, take_part, client
):
    set_campaign_settings(built["site"], retention_days=30)
    take_part(built["action"], email="old@example.org")
    take_part(built["action"], email="recent@example.org")
    old = Participant.objects.get(email="old@example.org")
    Participant.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )
    letters_before = Letter.objects.count()

    output = io.StringIO()
    call_command("run_scheduler", "--once", stdout=output)

    assert "delete_expired_action_participants: Erased the details of 1" in output.getvalue()
    old.refresh_from_db()
    assert (old.name, old.email, old.town, old.letter) == ("", "", "", "")
    assert old.erased_at is not None and old.form_token_hash is None
    assert Participant.objects.get(email="recent@example.org").name == "Ana Martínez"
    assert Letter.objects.count() == letters_before
    count = soup(client.get(built["action"].url, headers=HOST)).select_one("progress")
    assert count["value"] == "2"


def test_each_site_keeps_details_as_long_as_its_own_settings_say(built, take_part):
    kidscan_home = built["other_site"].root_page.specific
    kidscan_action = make_action(make_action_index(kidscan_home), targets=[built["other_person"]])
    set_campaign_settings(built["other_site"], retention_days=400)
    take_part(kidscan_action, host=OTHER_HOST, email="kidscan@example.org")
    take_part(built["action"], email="alliance@example.org")
    Participant.objects.update(created_at=timezone.now() - datetime.timedelta(days=366))

    call_command("delete_expired_action_participants", stdout=io.StringIO())

    assert Participant.objects.get(site=built["other_site"]).email == "kidscan@example.org"
    assert Participant.objects.get(site=built["site"]).email == ""


def test_a_reference_to_an_erased_participant_shows_nothing(built, take_part, client):
    response = take_part(built["action"], letter=EDITED_LETTER)
    Participant.objects.update(
        created_at=timezone.now() - datetime.timedelta(minutes=5), erased_at=timezone.now()
    )
    assert EDITED_LETTER not in client.get(response["Location"], headers=HOST).content.decode()


# --- the page is checked before anything is sent ---------------------------------------------


def test_the_letter_field_refuses_nothing_it_should_keep(built, take_part):
    """Accents, quotes and line breaks in a letter arrive as typed."""
    letter = "Querida senadora:\n\n«Comidas para todos», ¿verdad? 100% sí.\r\n\r\n— Ana"
    take_part(built["action"], letter=letter)
    (sent,) = letters_to(built["ana"].email)
    assert sent.body.startswith(letter.replace("\r\n", "\n"))
