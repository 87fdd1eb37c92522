"""Decision makers: importing a site's list from a CSV file; each site's staff keep their own list.

The import is what staff run when a legislature changes: a good file adds and
updates, a file with any problem is refused whole with every problem named by
the line a spreadsheet shows, and nothing from it is stored. In the admin, an
organization's editors and moderators see and change only their own site's
list (editorial/ownership.py), as for topics and people.
"""

from io import StringIO

from django.contrib.admin.utils import quote
from django.core.management import CommandError, call_command
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from decision_makers import importing
from decision_makers.models import Body, DecisionMaker
from editorial.models import SiteRoles
from editorial.roles import set_up_all_sites
from tests.decision_maker_factories import (
    HEADER,
    csv_file,
    csv_text,
    make_decision_maker,
)
from tests.factories import (
    built_once_per_module,
    content_locales,
    fresh_copies,
    make_site,
    make_staff,
    translate_snippet,
)

pytestmark = pytest.mark.django_db

ALLIANCE = "Learning Alliance of New Mexico"
KIDSCAN = "NewMexicoKidsCAN"


def build_sites():
    content_locales()
    alliance = make_site("localhost", ALLIANCE)
    kidscan = make_site("kidscan.localhost", KIDSCAN, default=False)
    set_up_all_sites()
    alliance_roles = SiteRoles.objects.get(site=alliance)
    return {
        "alliance": alliance,
        "kidscan": kidscan,
        "ours": make_decision_maker(alliance, name="Renata Gallegos", district=15),
        "theirs": make_decision_maker(kidscan, name="Everett Tsosie", district=4),
        "editor": make_staff("alliance-editor", alliance_roles.editors),
        "moderator": make_staff("alliance-moderator", alliance_roles.moderators),
    }


sites_for_the_module = built_once_per_module(build_sites)


@pytest.fixture
def sites(sites_for_the_module):
    return fresh_copies(sites_for_the_module)


def run_import(path, site="localhost", *options):
    """What the command prints; raises CommandError as the command line shows it."""
    out = StringIO()
    call_command("import_decision_makers", str(path), "--site", site, *options, stdout=out)
    return out.getvalue()


def refusal(path, site="localhost", *options):
    """The command's error message for a file it refuses, one problem a line."""
    with pytest.raises(CommandError) as refused:
        run_import(path, site, *options)
    return str(refused.value)


def problem_lines(message):
    return [line for line in message.splitlines() if line.startswith("line ")]


def everyones_records():
    return sorted(map(repr, DecisionMaker.objects.order_by("pk").values()))


GOOD_ROWS = (
    "Marisela Ortiz,State Senator,senate,9,Sandoval,,marisela@example.org,505-555-0111,"
    "https://example.org/senate/9",
    'Paloma Nakai,State Representative,State House of Representatives,12,"Bernalillo, Valencia",'
    ",paloma@example.org,505-555-0115,",
    "Dolores Quintana,Secretary of Public Education,EXECUTIVE OFFICE OR AGENCY,,,,,,",
)


# --- A good file ----------------------------------------------------------------------------------


def test_a_good_file_adds_each_row_to_the_site_in_its_default_language(sites, tmp_path):
    printed = run_import(csv_file(tmp_path, csv_text(*GOOD_ROWS)))

    assert "3 added, 0 updated" in printed
    added = DecisionMaker.objects.filter(site=sites["alliance"]).exclude(pk=sites["ours"].pk)
    assert {record.locale.language_code for record in added} == {"en"}
    paloma = added.get(name="Paloma Nakai")
    assert (paloma.body, paloma.district, paloma.county) == (
        Body.HOUSE,
        12,
        "Bernalillo, Valencia",
    )
    marisela = added.get(name="Marisela Ortiz")
    assert marisela.official_page == "https://example.org/senate/9"
    dolores = added.get(name="Dolores Quintana")
    assert (dolores.body, dolores.district, dolores.email) == (Body.EXECUTIVE, None, "")
    # The other organization's list is not touched.
    assert list(DecisionMaker.objects.filter(site=sites["kidscan"])) == [sites["theirs"]]


def test_the_site_may_be_named_by_its_id(sites, tmp_path):
    printed = run_import(csv_file(tmp_path, csv_text(GOOD_ROWS[0])), str(sites["kidscan"].pk))

    assert "1 added" in printed
    assert DecisionMaker.objects.get(name="Marisela Ortiz").site == sites["kidscan"]


def test_columns_may_come_in_any_order_and_optional_ones_may_be_left_out(sites, tmp_path):
    text = csv_text("senate,Marisela Ortiz,State Senator", header="Body, Name ,TITLE")

    assert "1 added" in run_import(csv_file(tmp_path, text))
    marisela = DecisionMaker.objects.get(name="Marisela Ortiz")
    assert (marisela.body, marisela.title) == (Body.SENATE, "State Senator")
    assert marisela.district is None


def test_a_byte_order_mark_from_a_spreadsheet_is_understood(sites, tmp_path):
    path = csv_file(tmp_path, csv_text(GOOD_ROWS[0]), encoding="utf-8-sig")

    assert "1 added" in run_import(path)
    assert DecisionMaker.objects.filter(name="Marisela Ortiz").exists()


def test_quoted_commas_line_breaks_and_quotes_are_read_and_lines_counted_right(sites, tmp_path):
    text = csv_text(
        '"Ortiz, Marisela ""Mari""","State Senator,\nMajority Whip",senate,9,"Sandoval, Bernalillo"'
        ",,,,",
        "Paloma Nakai,State Representative,house,12,,,not-an-address,,",
    )
    path = csv_file(tmp_path, text)

    # The first row spans lines 2 and 3, so the second starts on line 4.
    assert problem_lines(refusal(path)) == ["line 4: email: Enter a valid email address."]

    path.write_text(text.replace("not-an-address", "paloma@example.org"), encoding="utf-8")
    run_import(path)
    marisela = DecisionMaker.objects.get(district=9, site=sites["alliance"])
    assert marisela.name == 'Ortiz, Marisela "Mari"'
    assert marisela.title == "State Senator,\nMajority Whip"
    assert marisela.county == "Sandoval, Bernalillo"


def test_empty_rows_a_spreadsheet_leaves_at_the_end_are_skipped(sites, tmp_path):
    text = csv_text(GOOD_ROWS[0], ",,,,,,,,", "", ",,,,,,,,")

    assert "1 added, 0 updated" in run_import(csv_file(tmp_path, text))


# --- Importing again ------------------------------------------------------------------------------


def test_importing_again_updates_the_same_people_rather_than_adding_them_twice(sites, tmp_path):
    path = csv_file(tmp_path, csv_text(*GOOD_ROWS))
    run_import(path)
    count = DecisionMaker.objects.count()
    changed = (
        GOOD_ROWS[0]
        .replace("505-555-0111", "505-555-0199")
        .replace("Marisela Ortiz", "MARISELA ORTIZ")
    )
    path.write_text(csv_text(changed, *GOOD_ROWS[1:]), encoding="utf-8")

    printed = run_import(path)

    assert "0 added, 1 updated, 2 unchanged" in printed
    assert DecisionMaker.objects.count() == count
    marisela = DecisionMaker.objects.get(site=sites["alliance"], district=9, body=Body.SENATE)
    assert (marisela.name, marisela.phone) == ("MARISELA ORTIZ", "505-555-0199")


def test_an_update_reaches_the_translation_but_leaves_its_title_to_the_translator(sites, tmp_path):
    _english, spanish = content_locales()
    ours = sites["ours"]
    spanish_record = translate_snippet(ours, spanish, title="Senadora estatal")
    row = f"{ours.name},State Senator and Majority Whip,senate,15,Bernalillo,,new@example.org,,"

    assert "1 updated" in run_import(csv_file(tmp_path, csv_text(row)))

    spanish_record.refresh_from_db()
    assert spanish_record.email == "new@example.org"
    assert spanish_record.county == "Bernalillo"
    assert spanish_record.title == "Senadora estatal"
    ours.refresh_from_db()
    assert ours.title == "State Senator and Majority Whip"


def test_a_column_left_out_of_the_file_keeps_what_is_stored(sites, tmp_path):
    ours = sites["ours"]
    text = csv_text(f"{ours.name},State Senator,senate,15", header="name,title,body,district")

    run_import(csv_file(tmp_path, text))

    ours.refresh_from_db()
    assert ours.phone and ours.email and ours.county == "Sandoval"


def test_the_same_person_on_another_site_is_another_record(sites, tmp_path):
    theirs = sites["theirs"]
    row = f"{theirs.name},State Senator,senate,4,,,,,"

    assert "1 added" in run_import(csv_file(tmp_path, csv_text(row)), "localhost")
    assert DecisionMaker.objects.filter(name=theirs.name).count() == 2
    theirs.refresh_from_db()
    assert theirs.county == "Sandoval"


def test_a_dry_run_says_what_would_change_and_saves_nothing(sites, tmp_path):
    ours = sites["ours"]
    changed = f"{ours.name},Senate Majority Leader,senate,15,Sandoval,,,,"
    before = everyones_records()
    path = csv_file(tmp_path, csv_text(changed, *GOOD_ROWS))

    printed = run_import(path, "localhost", "--dry-run")

    assert "3 added, 1 updated" in printed
    assert "Nothing was saved" in printed
    assert everyones_records() == before


# --- Bad rows: every problem named, nothing stored --------------------------------------------


BAD_ROWS = [
    # (row, the problem the report names for it)
    (",State Senator,senate,1,,,,,", "line 2: name: This field is required."),
    ("Ana Sena,,senate,2,,,,,", "line 3: title: This field is required."),
    ("Ana Sena," + "x" * 121 + ",senate,3,,,,,", "line 4: title: Ensure this value has at most"),
    ("Ana Sena,Senator,,4,,,,,", "line 5: body: This field is required."),
    ("Ana Sena,Senator,Senado,5,,,,,", 'line 6: body: "Senado" is not one of senate'),
    ("Ana Sena,Senator,senate,six,,,,,", "line 7: district: Enter a whole number"),
    ("Ana Sena,Senator,senate,0,,,,,", "line 8: district: Enter a district number from 1 to 999"),
    ("Ana Sena,Senator,senate,1000,,,,,", "line 9: district: Enter a district number from 1"),
    ("Ana Sena,Senator,senate,10,,,ana@,,", "line 10: email: Enter a valid email address."),
    ("Ana Sena,Senator,senate,11,,,,,ftp://example.org/", "line 11: official_page: Enter a web"),
    ("Ana Sena,Senator,senate,12,,,,,javascript:alert(1)", "line 12: official_page: Enter a"),
    ("Ana Sena,Senator,senate,13," + "c" * 61 + ",,,,", "line 13: county: Ensure this value"),
    ("Ana Sena,Senator,senate,14,Bernalillo, Valencia,,,,", "line 14: has 10 values but"),
    ("Ana Sena,Senator,senate,15", "line 15: has 4 values but the header names 9"),
    ("Ana Sena,Senator,senate,2,,,,,", "line 16: name: the same person (name, body and district)"),
]


def test_every_bad_row_is_named_by_its_line_and_nothing_is_stored(sites, tmp_path):
    ours = sites["ours"]
    good_update = f"{ours.name},Majority Leader,senate,15,,,,,"
    rows = [row for row, _problem in BAD_ROWS]
    before = everyones_records()

    message = refusal(csv_file(tmp_path, csv_text(*rows, good_update)))

    assert "was not imported, and nothing was saved" in message
    reported = problem_lines(message)
    assert len(reported) == len(BAD_ROWS), message
    for line, (_row, problem) in zip(reported, BAD_ROWS, strict=True):
        assert line.startswith(problem), (line, problem)
    assert everyones_records() == before


def test_only_the_last_row_being_bad_still_stores_nothing(sites, tmp_path):
    before = everyones_records()
    text = csv_text(*GOOD_ROWS, "Ana Sena,Senator,senate,10,,,ana@example,,")

    message = refusal(csv_file(tmp_path, text))

    assert problem_lines(message) == ["line 5: email: Enter a valid email address."]
    assert "Fix this problem" in message
    assert everyones_records() == before


def test_someone_listed_twice_in_the_admin_is_refused_rather_than_guessed(sites, tmp_path):
    ours = sites["ours"]
    # Saved past the admin's check, as an older copy of the list might be.
    DecisionMaker.objects.create(
        site=ours.site,
        locale=ours.locale,
        name=ours.name.upper(),
        title="x",
        body="senate",
        district=15,
    )
    before = everyones_records()

    message = refusal(csv_file(tmp_path, csv_text(f"{ours.name},Senator,senate,15,,,,,")))

    assert problem_lines(message) == [
        f"line 2: name: {ours.name} matches 2 decision makers this site already lists; "
        "remove the extra one in the admin first"
    ]
    assert everyones_records() == before


# --- Files that are not a list at all -------------------------------------------------------------


@pytest.mark.parametrize(
    "header, expected",
    [
        (
            "name,title,body,district,twitter,fax",
            ['line 1: unknown columns: "twitter", "fax"'],
        ),
        ("name,district", ["line 1: missing required columns: title, body"]),
        ("name,title,body,name", ["line 1: columns named twice: name"]),
        ("name,title,,body", ["line 1: column 3 has no name in the header"]),
    ],
)
def test_a_wrong_header_is_refused_with_what_is_wrong(sites, tmp_path, header, expected):
    before = everyones_records()

    message = refusal(csv_file(tmp_path, csv_text("Ana Sena,Senator,senate", header=header)))

    assert problem_lines(message) == expected
    assert "name, title and body are required" in message
    assert everyones_records() == before


def test_semicolons_instead_of_commas_are_explained(sites, tmp_path):
    text = "name;title;body\nAna Sena;Senator;senate\n"

    message = refusal(csv_file(tmp_path, text))

    assert "Columns must be separated by commas" in message


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "This is not a text file"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00", "This is not a text file"),
        ("name,title,body\n".encode("utf-16"), "saved as UTF-16"),
        ("name,title,body\nJosé,Senator,senate\n".encode("cp1252"), "line 2: the file is not"),
        (b"", "The file is empty"),
        (b"\xef\xbb\xbf \r\n\r\n", "The file is empty"),
        (HEADER.encode() + b"\r\n", "no decision makers below it"),
        (b'name,title,body\n"Ana Sena,Senator,senate\n', "line 2: this is not a CSV file"),
    ],
    ids=["workbook", "pdf", "utf-16", "windows-1252", "empty", "blank", "header-only", "quote"],
)
def test_a_file_that_is_not_a_list_gets_one_clear_message(sites, tmp_path, content, expected):
    before = everyones_records()

    message = refusal(csv_file(tmp_path, content))

    assert expected in message, message
    assert len(message.splitlines()) == 2, message  # the heading and the one problem
    assert everyones_records() == before


def test_a_file_over_the_size_limit_is_refused_unread(sites, tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "MAX_FILE_BYTES", 1_000)
    text = csv_text(*[f"Person {n},Senator,senate,{n},,,,," for n in range(1, 100)])

    message = refusal(csv_file(tmp_path, text))

    assert "The file is larger than" in message


def test_a_file_over_the_row_limit_is_refused(sites, tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "MAX_ROWS", 5)
    text = csv_text(*[f"Person {n},Senator,senate,{n},,,,," for n in range(1, 7)])

    message = refusal(csv_file(tmp_path, text))

    assert "more than 5 decision makers" in message
    assert not DecisionMaker.objects.filter(name__startswith="Person").exists()


def test_an_unknown_site_is_a_clear_error(sites, tmp_path):
    path = csv_file(tmp_path, csv_text(*GOOD_ROWS))
    before = everyones_records()

    for unknown in ("elsewhere.example.org", "9999"):
        message = refusal(path, unknown)
        assert f'No site has the host name or id "{unknown}"' in message
        assert "kidscan.localhost:80" in message  # the sites there are
    assert everyones_records() == before


def test_a_missing_file_is_a_clear_error(sites, tmp_path):
    assert "There is no file at" in refusal(tmp_path / "nowhere.csv")
    assert "is a folder, not a file" in refusal(tmp_path)


# --- The importer's functions, for an upload form to reuse ------------------------------------


def test_the_reading_functions_take_text_or_bytes_and_name_problems_plainly():
    rows = importing.read_decision_makers(csv_text(GOOD_ROWS[0]))
    assert [row.line for row in rows] == [2]
    assert rows[0].values["district"] == 9

    with pytest.raises(importing.ImportRefused) as refused:
        importing.read_decision_makers(csv_text(GOOD_ROWS[0]).encode() + b"A,B,nowhere,,,,,,\r\n")
    assert refused.value.problems[0].startswith('line 3: body: "nowhere" is not one of')


# --- The admin: each organization's own list -------------------------------------------------


def url(view, *args):
    return reverse(
        DecisionMaker.snippet_viewset.get_url_name(view), args=[quote(arg) for arg in args]
    )


def chooser_url(view, *args):
    chooser = DecisionMaker.snippet_viewset.chooser_viewset
    return reverse(chooser.get_url_name(view), args=args)


def text_of(response):
    return BeautifulSoup(response.content, "html.parser").get_text()


def form_values(site, **fields):
    return {
        "site": site.pk,
        "name": "Tobias Lucero",
        "title": "State Representative",
        "body": "house",
        "district": "40",
        "county": "Rio Arriba",
        "party": "",
        "email": "tobias@example.org",
        "phone": "",
        "official_page": "",
        **fields,
    }


def test_an_editor_lists_and_chooses_only_their_own_sites_decision_makers(client, sites):
    client.force_login(sites["editor"])

    listing = client.get(url("list"))
    chooser = client.get(chooser_url("choose"))
    chosen_theirs = client.get(chooser_url("chosen", sites["theirs"].pk))
    search_theirs = client.get(chooser_url("choose_results"), {"q": sites["theirs"].name})
    search_ours = client.get(chooser_url("choose_results"), {"q": sites["ours"].name})

    assert listing.status_code == chooser.status_code == 200
    assert sites["ours"].name in text_of(listing)
    assert sites["theirs"].name not in text_of(listing)
    assert sites["ours"].name in text_of(chooser)
    assert sites["theirs"].name not in text_of(chooser)
    assert chosen_theirs.status_code == 404
    assert "no snippets match" in text_of(search_theirs)
    assert sites["ours"].name in text_of(search_ours)
    assert "no snippets match" not in text_of(search_ours)


@pytest.mark.parametrize("role", ["editor", "moderator"])
@pytest.mark.parametrize("view", ["edit", "delete", "history", "usage"])
def test_the_other_sites_decision_maker_is_not_found(client, sites, role, view):
    theirs = sites["theirs"]
    before = everyones_records()
    client.force_login(sites[role])

    shown = client.get(url(view, theirs.pk))
    posted = client.post(url(view, theirs.pk), form_values(sites["kidscan"], name="Taken over"))

    assert shown.status_code == posted.status_code == 404
    assert everyones_records() == before


def test_an_editor_cannot_add_a_decision_maker_to_the_other_site(client, sites):
    client.force_login(sites["editor"])
    add = url("add") + "?locale=en"

    form = client.get(add).context["form"]
    refused = client.post(add, form_values(sites["kidscan"], name="Theirs Now"))
    added = client.post(add, form_values(sites["alliance"]))

    assert list(form.fields["site"].queryset) == [sites["alliance"]]
    assert refused.status_code == 200
    assert "site" in refused.context["form"].errors
    assert not DecisionMaker.objects.filter(name="Theirs Now").exists()
    assert added.status_code == 302
    assert DecisionMaker.objects.get(name="Tobias Lucero").site == sites["alliance"]


def test_an_editor_cannot_move_their_decision_maker_to_the_other_site(client, sites):
    ours = sites["ours"]
    client.force_login(sites["editor"])

    response = client.post(url("edit", ours.pk), form_values(sites["kidscan"], name=ours.name))

    assert response.status_code == 200
    assert "site" in response.context["form"].errors
    ours.refresh_from_db()
    assert ours.site == sites["alliance"]


def test_the_admin_refuses_a_second_record_of_the_same_person(client, sites):
    ours = sites["ours"]
    client.force_login(sites["editor"])

    response = client.post(
        url("add") + "?locale=en",
        form_values(sites["alliance"], name=ours.name.upper(), body="senate", district="15"),
    )

    assert response.status_code == 200
    assert "already lists" in " ".join(response.context["form"].errors["name"])
    assert DecisionMaker.objects.filter(name__iexact=ours.name).count() == 1


def test_moderators_may_delete_their_sites_decision_makers_and_editors_may_not(client, sites):
    ours = sites["ours"]

    client.force_login(sites["editor"])
    editor_sees = client.get(url("delete", ours.pk))
    client.post(url("delete", ours.pk))
    assert editor_sees.status_code in (302, 403)
    assert DecisionMaker.objects.filter(pk=ours.pk).exists()

    client.force_login(sites["moderator"])
    assert client.get(url("delete", ours.pk)).status_code == 200
    client.post(url("delete", ours.pk))
    assert not DecisionMaker.objects.filter(pk=ours.pk).exists()
