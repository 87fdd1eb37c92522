"""The demo's decision makers: invented, unreachable, on both sites, in both languages, added once.

The importer's behavior is checked on rows built for each test in
tests/test_decision_makers.py; these check what the demo loader made with it.
"""

import re
from io import StringIO

from django.core.management import call_command

from wagtail.models import Site

import pytest

from decision_makers.models import Body, DecisionMaker
from demo import decision_makers as demo_decision_makers

pytestmark = pytest.mark.django_db

ALLIANCE = "localhost"
KIDSCAN = "kidscan.localhost"
LEGISLATURE = {Body.SENATE, Body.HOUSE}


def listed(hostname, language="en"):
    return list(
        DecisionMaker.objects.filter(
            site=Site.objects.get(hostname=hostname), locale__language_code=language
        )
    )


@pytest.mark.parametrize("hostname", [ALLIANCE, KIDSCAN])
def test_every_demo_decision_maker_is_fictional_and_cannot_be_reached(demo, hostname):
    records = listed(hostname)

    assert records
    for record in records:
        assert record.title.endswith("(fictional)"), record
        assert re.fullmatch(r"[\w.-]+@example\.(org|com)", record.email), record.email
        assert re.fullmatch(r"505-555-01\d\d", record.phone), record.phone
        assert record.official_page == "" or record.official_page.startswith(
            "https://example.org/"
        ), record.official_page
        assert record.party == ""


def test_the_alliance_lists_the_states_education_leaders_and_a_few_legislators(demo):
    records = listed(ALLIANCE)
    bodies = [record.body for record in records]

    assert bodies.count(Body.EXECUTIVE) == 1
    assert bodies.count(Body.BOARD) == 1
    assert 2 <= sum(body in LEGISLATURE for body in bodies) <= 3
    titles = {record.body: record.title for record in records}
    assert "Secretary of Public Education" in titles[Body.EXECUTIVE]
    assert "Public Education Commission" in titles[Body.BOARD]


def test_kidscan_lists_legislators_of_both_chambers_across_the_state(demo):
    records = listed(KIDSCAN)

    assert 6 <= len(records) <= 8
    assert {record.body for record in records} == LEGISLATURE
    assert all(record.district for record in records)
    counties = {county.strip() for record in records for county in record.county.split(",")}
    assert len(counties) >= 5
    assert "McKinley" in counties and "Doña Ana" in counties


@pytest.mark.parametrize("hostname", [ALLIANCE, KIDSCAN])
def test_every_demo_decision_maker_has_a_spanish_title_and_the_same_facts(demo, hostname):
    english = {record.translation_key: record for record in listed(hostname)}
    spanish = {record.translation_key: record for record in listed(hostname, "es")}

    assert spanish.keys() == english.keys()
    for key, translated in spanish.items():
        original = english[key]
        assert re.search(r"\(fictici[ao]\)$", translated.title), translated.title
        assert translated.title != original.title
        for fact in ("name", "body", "district", "county", "email", "phone", "official_page"):
            assert getattr(translated, fact) == getattr(original, fact), fact


def test_campaigns_and_bills_find_the_demo_decision_makers_by_name(demo):
    kidscan = Site.objects.get(hostname=KIDSCAN)

    found = demo_decision_makers.find(kidscan, "Celestina Varela-Brooks")

    assert (found.body, found.district, found.county) == (Body.SENATE, 37, "Doña Ana")
    assert found.locale.language_code == "en"


def test_loading_the_demo_again_adds_or_changes_no_decision_maker(demo):
    def everyone():
        return sorted(map(repr, DecisionMaker.objects.order_by("pk").values()))

    # What an editor did since is kept: the loader adds only who is missing.
    edited = DecisionMaker.objects.filter(locale__language_code="en").first()
    edited.phone = "505-555-0199"
    edited.save()
    before = everyone()

    call_command("load_demo_content", stdout=StringIO())

    assert everyone() == before
