"""Take-action pages in the admin: who took part is each site's moderators' alone to see.

Two organizations' sites, each with an action and participants, and their
staff (editorial/roles.py). Moderators list and export their own site's
participants; editors see none; nobody adds or edits one; a page may only
write to its own site's decision makers; an editor saving an action that
would skip someone is told so.
"""

import csv
import io
import re

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

import openpyxl
import pytest

from campaigns.models import ActionPage, CampaignSettings, Participant
from editorial.models import SiteRoles
from editorial.roles import set_up_all_sites
from tests.admin_forms import edit_form_data
from tests.campaign_factories import make_action, make_action_index
from tests.decision_maker_factories import make_decision_maker
from tests.factories import (
    built_once_per_module,
    content_locales,
    fresh_copies,
    make_site,
    make_staff,
)

pytestmark = pytest.mark.django_db


def add_participant(action, email, **fields):
    return Participant.objects.create(
        site=action.get_site(),
        action=action,
        language=fields.pop("language", "en"),
        name=fields.pop("name", "Ana Martínez"),
        email=email,
        town="Gallup",
        subject=action.letter_subject,
        letter="Please fund school meals.",
        letter_language="en",
        **fields,
    )


def build_two_organizations():
    content_locales()
    built = {}
    for key, hostname, name, default in (
        ("alliance", "localhost", "Learning Alliance", True),
        ("kidscan", "kidscan.localhost", "KidsCAN", False),
    ):
        site = make_site(hostname=hostname, name=name, default=default)
        person = make_decision_maker(site, name=f"{name} senator")
        action = make_action(
            make_action_index(site.root_page), targets=[person], title=f"{name} ask"
        )
        built[key] = {"site": site, "person": person, "action": action}
    add_participant(built["alliance"]["action"], "ana@example.org")
    add_participant(built["alliance"]["action"], "luis@example.org", language="es")
    add_participant(built["kidscan"]["action"], "kidscan.reader@example.org")
    set_up_all_sites()
    for key in ("alliance", "kidscan"):
        roles = SiteRoles.objects.get(site=built[key]["site"])
        built[key]["moderator"] = make_staff(f"{key}-moderator", roles.moderators)
        built[key]["editor"] = make_staff(f"{key}-editor", roles.editors)
    return built


organizations_for_the_module = built_once_per_module(build_two_organizations)


@pytest.fixture
def orgs(organizations_for_the_module):
    return fresh_copies(organizations_for_the_module)


def export(client, file_format="csv", **filters):
    response = client.get(reverse("action_participants:index"), {"export": file_format, **filters})
    assert response.status_code == 200
    return response


def csv_rows(client, **filters):
    content = export(client, **filters).getvalue().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(content)))


def test_a_moderator_lists_and_exports_their_own_sites_participants_only(client, orgs):
    client.force_login(orgs["alliance"]["moderator"])

    listing = client.get(reverse("action_participants:index")).content.decode()
    rows = csv_rows(client)

    assert "ana@example.org" in listing and "kidscan.reader@example.org" not in listing
    # Moderators read the language's name; the export keeps the code for spreadsheets.
    assert re.search(r">\s*Español\s*<", listing) and not re.search(r">\s*es\s*<", listing)
    assert {(row["Email"], row["Language"], row["Action"]) for row in rows} == {
        ("ana@example.org", "en", "Learning Alliance ask"),
        ("luis@example.org", "es", "Learning Alliance ask"),
    }
    assert rows[0]["Letter"] == "Please fund school meals."
    sheet = openpyxl.load_workbook(io.BytesIO(export(client, "xlsx").getvalue())).active
    emails = {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert emails == {"ana@example.org", "luis@example.org"}


def test_a_moderator_cannot_see_or_delete_another_sites_participant(client, orgs):
    client.force_login(orgs["kidscan"]["moderator"])
    other = Participant.objects.get(email="ana@example.org")

    assert {row["Email"] for row in csv_rows(client)} == {"kidscan.reader@example.org"}
    filtered = client.get(
        reverse("action_participants:index"), {"action": orgs["alliance"]["action"].pk}
    )
    assert "ana@example.org" not in filtered.content.decode()
    delete = reverse("action_participants:delete", args=[other.pk])
    assert client.post(delete).status_code in (403, 404)
    assert Participant.objects.filter(pk=other.pk).exists()

    own = Participant.objects.get(email="kidscan.reader@example.org")
    client.post(reverse("action_participants:delete", args=[own.pk]))
    assert not Participant.objects.filter(pk=own.pk).exists()


def test_editors_see_no_participants_and_nobody_adds_one(client, orgs):
    client.force_login(orgs["alliance"]["editor"])
    assert client.get(reverse("action_participants:index")).status_code in (302, 403)
    assert client.get(reverse("action_participants:index"), {"export": "csv"}).status_code in (
        302,
        403,
    )

    boss = get_user_model().objects.create_superuser("boss", "b@example.org", "pw")
    client.force_login(boss)
    assert client.get(reverse("action_participants:add")).status_code in (302, 403)
    assert len(csv_rows(client)) == 3


# --- the page editor ---------------------------------------------------------------------------


def edit_page(client, action, **changes):
    address = reverse("wagtailadmin_pages:edit", args=[action.pk])
    data = edit_form_data(client.get(address))
    data.update(changes)
    return client.post(address, data, follow=True)


def test_an_action_cannot_write_to_another_sites_decision_maker(client, orgs):
    alliance = orgs["alliance"]
    client.force_login(alliance["moderator"])
    address = reverse("wagtailadmin_pages:edit", args=[alliance["action"].pk])
    form = client.get(address).context["form"]
    offered = form.formsets["targets"].empty_form.fields["decision_maker"].queryset
    assert list(offered) == [alliance["person"]]

    response = edit_page(
        client,
        alliance["action"],
        **{"targets-0-decision_maker": str(orgs["kidscan"]["person"].pk), "action-publish": ""},
    )

    assert response.status_code == 200
    assert response.context["form"].formsets["targets"].errors[0]["decision_maker"]
    page = ActionPage.objects.get(pk=alliance["action"].pk)
    assert [row.decision_maker for row in page.targets.all()] == [alliance["person"]]


def test_the_next_step_must_be_a_page_of_the_same_site(client, orgs):
    alliance = orgs["alliance"]
    client.force_login(get_user_model().objects.create_superuser("boss", "b@example.org", "pw"))

    response = edit_page(
        client,
        alliance["action"],
        next_action=str(orgs["kidscan"]["site"].root_page_id),
        **{"action-publish": ""},
    )

    assert "next_action" in response.context["form"].errors
    page = ActionPage.objects.get(pk=alliance["action"].pk)
    assert page.next_action_id is None


def test_saving_an_action_that_would_skip_someone_warns_the_editor(client, orgs):
    alliance = orgs["alliance"]
    no_address = make_decision_maker(alliance["site"], name="Rosa Chávez", email="")
    client.force_login(alliance["moderator"])

    response = edit_page(
        client,
        alliance["action"],
        **{
            "targets-TOTAL_FORMS": "2",
            "targets-1-decision_maker": str(no_address.pk),
            "targets-1-ORDER": "2",
            "targets-1-id": "",
            "targets-1-DELETE": "",
        },
    )

    messages = [str(message) for message in response.context["messages"]]
    assert any("Rosa Chávez" in message and "skipped" in message for message in messages)


def test_take_action_settings_keep_details_at_least_a_day(orgs):
    settings = CampaignSettings.for_site(orgs["alliance"]["site"])
    assert (settings.retention_days, settings.daily_letter_cap) == (365, 100)
    assert settings.find_legislator_url == "https://www.nmlegis.gov/Members/Find_My_Legislator"
    settings.retention_days = 0
    with pytest.raises(ValidationError, match="greater than or equal to 1"):
        settings.full_clean()
