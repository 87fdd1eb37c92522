"""Keeping the bill tracker current in the admin: numbers, sponsors, duplicates, the home block.

Each test builds what it needs: an editor's posts change rows, so nothing is
shared between tests.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import translation

from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

import pytest
from bs4 import BeautifulSoup
from wagtail_localize.synctree import synchronize_tree

from legislation.models import BillPage
from legislation.numbers import normalized_bill_number
from legislation.vocabulary import BillStatus
from pages.blocks import BodyBlock, WatchedBillsBlock
from tests.admin_forms import edit_form_data
from tests.factories import content_locales, make_site, translate_page
from tests.legislation_factories import make_bill, make_bill_index, make_legislator, translate_bill

pytestmark = pytest.mark.django_db

HOST = "tracker.localhost"
OTHER_HOST = "other-tracker.localhost"


# --- Bill numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("HB 151", "HB 151"),
        ("hb151", "HB 151"),
        ("H.B. 151", "HB 151"),
        ("  hb   0151 ", "HB 151"),
        ("HB-151", "HB 151"),
        ("sb 2", "SB 2"),
        ("HJR5", "HJR 5"),
        ("h.j.r. 5", "HJR 5"),
        ("HB\u00a0151", "HB 151"),
    ],
)
def test_a_bill_number_is_written_one_way_however_it_is_typed(typed, stored):
    assert normalized_bill_number(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "151",
        "HB",
        "HB 0",
        "HB 151a",
        "HBXXXXX 1",
        "ＨＢ 151",
        "HB ١٥١",
        "HB 1234567",
        None,
        "H B 1" * 9,
    ],
)
def test_what_is_not_a_bill_number_is_refused(typed):
    assert normalized_bill_number(typed) is None


@pytest.fixture
def tracker():
    content_locales()
    site = make_site(hostname=HOST, name="Tracker Test", default=False)
    return make_bill_index(site.root_page, title="Bill tracker", slug="bills")


def test_a_saved_bill_keeps_its_number_as_the_legislature_writes_it(tracker):
    bill = make_bill(tracker, number="h.b. 0151")
    assert BillPage.objects.get(pk=bill.pk).bill_number == "HB 151"


def test_a_bill_number_that_is_not_one_is_refused_with_an_example(tracker):
    bill = make_bill(tracker, number="HB 1", live=False)
    bill.bill_number = "House bill one-fifty-one"
    with pytest.raises(ValidationError) as refused:
        bill.full_clean()
    assert "e.g. 'HB 151'" in " ".join(refused.value.message_dict["bill_number"])


# --- The editor's form --------------------------------------------------------------------------


@pytest.fixture
def editor_client(client):
    client.force_login(
        get_user_model().objects.create_superuser("boss", "boss@example.org", "a-long-password")
    )
    return client


@pytest.fixture
def two_sites(tracker):
    other = make_site(hostname=OTHER_HOST, name="Other Org", default=False)
    site = tracker.get_site()
    return {
        "tracker": tracker,
        "own": make_legislator(site, name="Ana Martínez"),
        "other": make_legislator(other, name="Rosa Chávez"),
    }


def edited(client, bill, **changes):
    """Post the bill's editor as a browser would, with `changes` made to its fields."""
    page = client.get(f"/admin/pages/{bill.pk}/edit/")
    assert page.status_code == 200
    data = {**edit_form_data(page), **changes}
    return client.post(f"/admin/pages/{bill.pk}/edit/", data)


def test_the_sponsor_menu_offers_only_the_bills_own_sites_decision_makers(editor_client, two_sites):
    bill = make_bill(two_sites["tracker"], sponsors=[two_sites["own"]])
    response = editor_client.get(f"/admin/pages/{bill.pk}/edit/")
    form = response.context["form"]
    offered = form.formsets["sponsors"].empty_form.fields["decision_maker"].queryset
    assert list(offered) == [two_sites["own"]]
    assert "Rosa Chávez" not in response.content.decode()


def test_a_sponsor_from_another_site_is_refused(editor_client, two_sites):
    bill = make_bill(two_sites["tracker"], sponsors=[two_sites["own"]])
    response = edited(editor_client, bill, **{"sponsors-0-decision_maker": two_sites["other"].pk})
    assert response.status_code == 200
    errors = response.context["form"].formsets["sponsors"].forms[0].errors
    assert "decision_maker" in errors
    assert [row.decision_maker for row in BillPage.objects.get(pk=bill.pk).sponsors.all()] == [
        two_sites["own"]
    ]


def test_an_editor_saves_a_bill_and_its_number_is_tidied(editor_client, two_sites):
    bill = make_bill(two_sites["tracker"], sponsors=[two_sites["own"]])
    response = edited(
        editor_client, bill, bill_number="sb  0042", **{"action-publish": "action-publish"}
    )
    assert response.status_code == 302
    assert BillPage.objects.get(pk=bill.pk).bill_number == "SB 42"


def test_a_second_page_for_the_same_bill_and_session_is_refused(editor_client, two_sites):
    make_bill(two_sites["tracker"], number="HB 151", slug="hb-151")
    other = make_bill(two_sites["tracker"], number="HB 152", slug="hb-152")
    response = edited(editor_client, other, bill_number="hb151")
    assert response.status_code == 200
    assert "already has a page for HB 151" in " ".join(
        response.context["form"].errors["bill_number"]
    )
    # The same number in another session is another bill.
    response = edited(editor_client, other, bill_number="hb151", session_year="2028")
    assert response.status_code == 302


# --- The home page's "Bills we are watching" block ----------------------------------------------


@pytest.fixture
def watched(tracker):
    """A home page watching two bills, in English and Spanish (one bill translated)."""
    english, spanish = content_locales()
    home = tracker.get_parent().specific
    counselors = make_bill(
        tracker,
        number="HB 151",
        title="School counselors for every school",
        slug="hb-151",
        position="support",
    )
    vouchers = make_bill(
        tracker,
        number="SB 2",
        title="Vouchers for private schools",
        slug="sb-2",
        position="oppose",
        history=[(datetime.date(2027, 4, 1), "signed")],
    )
    body = [
        (
            "watched_bills",
            {
                "heading": "Bills we are watching",
                "intro": "",
                "bills": [
                    counselors,
                    vouchers,
                ],
            },
        )
    ]
    home.body = body
    home.save_revision().publish()
    spanish_home = translate_page(
        home,
        spanish,
        title="Inicio",
        body=[
            (
                "watched_bills",
                {
                    "heading": "Proyectos que seguimos",
                    "intro": "Dónde están.",
                    "bills": [counselors, vouchers],
                },
            )
        ],
    )
    translate_page(tracker, spanish, title="Proyectos de ley", slug="proyectos-de-ley")
    spanish_counselors = translate_bill(
        counselors, spanish, title="Consejeros para cada escuela", slug="consejeros"
    )
    synchronize_tree(english, spanish)
    return {
        "counselors": counselors,
        "vouchers": vouchers,
        "spanish_home": spanish_home,
        "spanish_counselors": spanish_counselors,
    }


def block_of(client, path):
    response = client.get(path, HTTP_HOST=HOST)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("section.watched-bills")


def test_the_home_block_shows_each_chosen_bill_as_it_stands_with_a_link_to_the_tracker(
    client, watched
):
    block = block_of(client, "/")
    assert block.h2.get_text() == "Bills we are watching"
    items = block.select("li")
    assert [item.select_one(".watched-bills__number").get_text() for item in items] == [
        "HB 151",
        "SB 2",
    ]
    first = items[0]
    assert first.h3.a["href"] == "/bills/hb-151/"
    assert first.h3.get_text() == "School counselors for every school"
    assert "Support" in first.select_one(".bill-position").get_text()
    assert first.select_one(".bill-status strong").get_text() == "Passed one chamber"
    assert items[1].select_one(".bill-status time")["datetime"] == "2027-04-01"
    more = block.select_one(".watched-bills__more a")
    assert (more.get_text(strip=True), more["href"]) == ("Every bill we follow", "/bills/")


def test_the_spanish_home_block_leads_to_the_spanish_bills_and_tracker(client, watched):
    with translation.override("es"):
        block = block_of(client, "/es/")
        signed = str(BillStatus.SIGNED.label)
    assert block.h2.get_text() == "Proyectos que seguimos"
    counselors, vouchers = block.select("li")
    assert counselors.h3.get_text() == "Consejeros para cada escuela"
    assert counselors.h3.get("lang") is None
    assert counselors.h3.a["href"] == watched["spanish_counselors"].get_url_parts()[2]
    # Not translated yet: its Spanish twin, its English title marked as English.
    assert vouchers.h3.a["href"].startswith("/es/")
    assert (vouchers.h3.get_text(), vouchers.h3["lang"]) == ("Vouchers for private schools", "en")
    assert vouchers.select_one(".bill-status strong").get_text() == signed
    assert block.select_one(".watched-bills__more a")["href"] == "/es/proyectos-de-ley/"


def test_a_bill_unpublished_since_it_was_chosen_leaves_the_block(client, watched):
    watched["vouchers"].unpublish()
    block = block_of(client, "/")
    assert [
        item.select_one(".watched-bills__number").get_text() for item in block.select("li")
    ] == ["HB 151"]


def test_the_block_needs_one_to_six_bills(tracker):
    block = WatchedBillsBlock()
    bills = [make_bill(tracker, number=f"HB {number}") for number in range(1, 8)]
    for chosen in ([], bills):
        with pytest.raises(StructBlockValidationError) as refused:
            block.clean(
                block.to_python(
                    {"heading": "Bills", "intro": "", "bills": [bill.pk for bill in chosen]}
                )
            )
        assert isinstance(refused.value.block_errors["bills"], ListBlockValidationError)
    value = block.clean(block.to_python({"heading": "Bills", "bills": [bills[0].pk]}))
    assert [bill.pk for bill in value["bills"]] == [bills[0].pk]


def test_the_block_starts_with_its_heading_and_previews_the_newest_bills(tracker):
    block = BodyBlock().child_blocks["watched_bills"]
    assert block.get_default()["heading"] == "Bills we are watching"
    make_bill(tracker, number="HB 7", title="A bill to preview")
    preview = str(block.render(block.get_preview_value()))
    assert "A bill to preview" in preview and "HB 7" in preview
