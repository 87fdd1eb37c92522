"""Builders for take-action tests: the take-action section and a visitor's post.

One row at a time, like tests/factories.py (decision makers come from
tests/decision_maker_factories.py), plus the take-action section
tests/builders.py gives the site of every page type, in English and Spanish
(`add_take_action_section`, `translate_take_action_section`).
"""

import datetime
import time
from unittest import mock

from django.core import signing
from django.utils import timezone

from wagtail.models import Locale

from campaigns.forms import CONSENT_FIELD
from campaigns.models import ActionIndexPage, ActionPage, ActionTarget, CampaignSettings
from pages import form_protection
from tests.decision_maker_factories import make_decision_maker
from tests.factories import _add, _unique, translate_page

LETTER = "Please fund school meals for every child in New Mexico.\n\nThank you."
SPANISH_LETTER = "Por favor, financie comidas escolares para cada niño de Nuevo México.\n\nGracias."


def make_action_index(parent, **fields):
    fields.setdefault("title", "Take action")
    fields.setdefault("introduction", "Write to the people who decide.")
    return _add(parent, ActionIndexPage(slug=fields.pop("slug", _unique("take-action")), **fields))


def make_action(index, targets=(), live=True, topics=(), **fields):
    """An open action of `index` writing to `targets` (decision makers), by e-mail, to all."""
    fields.setdefault("title", _unique("Fund school meals"))
    fields.setdefault("ask", "Ask your senator to fund school meals.")
    fields.setdefault("summary", "Hungry children cannot learn.")
    fields.setdefault("goal", 100)
    fields.setdefault("deadline", timezone.now() + datetime.timedelta(days=30))
    fields.setdefault("letter_subject", "Fund school meals")
    fields.setdefault("letter_body", LETTER)
    fields.setdefault("thank_you_text", "<p>We will tell you how the vote goes.</p>")
    page = ActionPage(slug=fields.pop("slug", _unique("action")), **fields)
    page.targets = [
        ActionTarget(decision_maker=person, sort_order=position)
        for position, person in enumerate(targets)
    ]
    page.topics = list(topics)
    return _add(index, page, live=live)


def translate_action(page, locale, **fields):
    """`page` in Spanish with its words translated, as a translator saves it."""
    fields.setdefault("title", "Financie las comidas escolares")
    fields.setdefault("slug", f"{page.slug}-es")
    fields.setdefault("ask", "Pida a su senador que financie las comidas escolares.")
    fields.setdefault("summary", "Los niños con hambre no pueden aprender.")
    fields.setdefault("letter_subject", "Financien las comidas escolares")
    fields.setdefault("letter_body", SPANISH_LETTER)
    fields.setdefault("thank_you_text", "<p>Le contaremos cómo resulta la votación.</p>")
    return translate_page(page, locale, **fields)


def set_campaign_settings(site, **values):
    CampaignSettings.objects.update_or_create(site=site, defaults=values)


def token_shown(page, seconds_ago):
    """The form's signed "started at" token, as if the form was shown `seconds_ago`."""
    shown = signing.b62_encode(int(time.time()) - seconds_ago)
    with mock.patch.object(signing.TimestampSigner, "timestamp", return_value=shown):
        return form_protection.issue_token(page)


def action_form_data(page, seconds_ago=30, **overrides):
    """A visitor's post as a browser sends it, consent given; an override of None leaves it out."""
    data = {
        form_protection.STARTED_FIELD: token_shown(page, seconds_ago),
        form_protection.HONEYPOT_FIELD: "",
        "name": "Ana Martínez",
        "email": "ana@example.org",
        "town": "Gallup 87301",
        "letter": page.letter_body,
        CONSENT_FIELD: "on",
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def add_take_action_section(home, topic, body, **menu):
    """A take-action index and an open action under `home`, as an editor fills them.

    The action files under `topic`, lets the visitor choose one of three
    legislators (one without an e-mail address, whom the page leaves out),
    suggests a next page, and carries `body`. Returns {type name: page}.
    """
    site = home.get_site()
    senator = make_decision_maker(site, name="Ana Martínez", district=4, county="McKinley")
    representative = make_decision_maker(
        site,
        name="Luis Baca",
        title="State Representative",
        body="house",
        district=9,
        county="Bernalillo",
    )
    unreachable = make_decision_maker(site, name="Rosa Chávez", district=7, email="")
    index = make_action_index(home, title="Take action", slug="take-action", **menu)
    action = make_action(
        index,
        targets=[senator, representative, unreachable],
        title="Fund school meals",
        slug="fund-school-meals",
        targeting="one",
        topics=[topic],
        next_action=index,
        body=body,
    )
    return {"ActionIndexPage": index, "ActionPage": action}


def translate_take_action_section(english, locale, body):
    """The Spanish translations of `english`'s take-action index and action, by hand."""
    index = translate_page(
        english["ActionIndexPage"],
        locale,
        title="Actúe",
        slug="actue",
        introduction="Escriba a quienes deciden.",
    )
    action = translate_action(english["ActionPage"], locale, slug="financie-comidas", body=body)
    return {"ActionIndexPage": index, "ActionPage": action}


def take_action_pages_in_two_languages(site, people=3):
    """{kind: {language: page}}: an index, an open action, one closed, one asking for one person.

    Each in English and Spanish (the site's home must have its Spanish
    translation), writing to `people` of the site's legislators.
    """
    spanish = Locale.objects.get(language_code="es")
    home = site.root_page.specific
    # Made now, as the first visit would: its first save retires the content cache.
    set_campaign_settings(site)
    persons = [
        make_decision_maker(site, name=f"Legislator {number}", district=number)
        for number in range(1, people + 1)
    ]
    index = make_action_index(home)
    english = {
        "index": index,
        "action": make_action(index, targets=persons),
        "action choosing one": make_action(index, targets=persons, targeting="one"),
        "closed action": make_action(
            index, targets=persons, deadline=timezone.now() - datetime.timedelta(days=1)
        ),
    }
    pages = {"index": {"en": index, "es": translate_page(index, spanish, slug="actue")}}
    for kind, page in english.items():
        if kind != "index":
            pages[kind] = {"en": page, "es": translate_action(page, spanish)}
    return pages
