"""The demo's partner directories: the Alliance's and NewMexicoKidsCAN's, in both languages."""

from io import StringIO

from django.core.management import call_command

from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup

from editorial.models import SiteRoles
from partners.models import Partner, PartnerIndexPage

pytestmark = pytest.mark.django_db

ALLIANCE = "localhost"
KIDSCAN = "kidscan.localhost"


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def partners_on(client, path, host, **params):
    """{name: (region line, description, website link)} as a visitor reads the directory."""
    page = soup_of(client.get(path, params, HTTP_HOST=host))
    listed = {}
    for item in page.select(".partner"):
        link = item.select_one(".partner__website a")
        listed[item.h2.get_text(strip=True)] = (
            item.select_one(".partner__region").get_text(strip=True),
            item.select_one(".partner__description").get_text(strip=True),
            link["href"] if link else None,
        )
    return listed


def test_the_alliance_lists_new_mexico_first_and_two_fictional_local_groups(client, demo):
    listed = partners_on(client, "/partners/", ALLIANCE)

    assert list(listed) == [
        "New Mexico First",
        "Juniper Family Learning Circle",
        "Caprock Rural Teachers Network",
    ]
    region, description, website = listed["New Mexico First"]
    assert (region, website) == ("Region: Statewide", "https://nmfirst.org")
    assert "ESSA" in description
    for name in ("Juniper Family Learning Circle", "Caprock Rural Teachers Network"):
        _region, description, website = listed[name]
        assert "fictional example" in description
        assert website is None
    assert listed["Juniper Family Learning Circle"][0] == "Region: Northwest"
    assert listed["Caprock Rural Teachers Network"][0] == "Region: Southeast"


def test_kidscan_lists_its_national_network_and_research_firm(client, demo):
    listed = partners_on(client, "/partners/", KIDSCAN)

    assert listed == {
        "50CAN": ("Region: National", listed["50CAN"][1], "https://50can.org"),
        "Edge Research": (
            "Region: National",
            listed["Edge Research"][1],
            "https://edgeresearch.com",
        ),
    }
    assert "network" in listed["50CAN"][1]
    assert "survey" in listed["Edge Research"][1]


def test_every_partner_has_a_logo_filed_in_its_sites_collection(demo):
    for site in Site.objects.all():
        collection = SiteRoles.objects.get(site=site).collection
        index = PartnerIndexPage.objects.get(
            depth=site.root_page.depth + 1, path__startswith=site.root_page.path, slug="partners"
        )
        logos = [partner.logo for partner in index.partners.all()]
        assert logos and all(logo is not None for logo in logos), site.hostname
        assert {logo.collection_id for logo in logos} == {collection.pk}, site.hostname


def test_the_directories_are_not_in_the_header_menu(client, demo):
    for host in (ALLIANCE, KIDSCAN):
        menu = soup_of(client.get("/", HTTP_HOST=host)).select_one(".main-menu")
        assert not menu.select('a[href="/partners/"]'), host


def test_the_spanish_directories_are_translated(client, demo):
    alliance = partners_on(client, "/es/socios/", ALLIANCE)
    kidscan = partners_on(client, "/es/socios/", KIDSCAN)

    region, description, website = alliance["New Mexico First"]
    assert region == "Región: Todo el estado"
    assert description.startswith("Organización sin fines de lucro de alcance estatal.")
    assert website == "https://nmfirst.org"
    assert alliance["Juniper Family Learning Circle"][1].startswith("Un ejemplo ficticio")
    assert kidscan["50CAN"][0] == "Región: Nacional"
    assert kidscan["Edge Research"][1].startswith("La empresa de investigación")
    page = soup_of(client.get("/es/socios/", HTTP_HOST=KIDSCAN))
    assert page.h1.get_text(strip=True) == "Socios"
    assert page.find("html")["lang"] == "es"


def test_the_region_filter_works_in_both_languages(client, demo):
    assert list(partners_on(client, "/partners/", ALLIANCE, region="southeast")) == [
        "Caprock Rural Teachers Network"
    ]
    assert list(partners_on(client, "/es/socios/", ALLIANCE, region="statewide")) == [
        "New Mexico First"
    ]
    assert client.get("/partners/", {"region": "nowhere"}, HTTP_HOST=ALLIANCE).status_code == 404


def test_loading_the_demo_again_adds_no_partner_or_page(demo):
    before = (PartnerIndexPage.objects.count(), Partner.objects.count())

    call_command("load_demo_content", stdout=StringIO())

    assert (PartnerIndexPage.objects.count(), Partner.objects.count()) == before == (4, 10)
