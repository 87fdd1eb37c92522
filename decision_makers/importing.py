"""Reading a spreadsheet of decision makers (a CSV file) and storing it for one site.

Staff keep their lists of legislators and officials in spreadsheets, and a
legislature's roster changes at every election: retyping a hundred people
in the admin invites mistakes. These are plain functions so that the
`import_decision_makers` command, and any later upload form in the admin,
share one set of rules:

- `read_decision_makers(data)` decodes the file, reads its header and checks
  every row through the model's own form validation (the same rules the
  admin applies), and either returns the rows or raises `ImportRefused`
  naming every problem as "line N: column: problem", N being the line a
  spreadsheet program or text editor shows (the header is line 1).
- `import_decision_makers(rows, site)` stores them in the site's default
  language, all or nothing: a row naming someone the site already lists
  (same name, body and district) updates that record, any other row adds one.

A file is refused whole rather than stored in part, so that fixing it and
importing it again never leaves anyone listed twice.
"""

import csv
import io
from dataclasses import dataclass

from django import forms
from django.db import transaction
from django.forms import modelform_factory
from django.utils import translation

from wagtail.models import Site

from .models import DISTRICT_RANGE, Body, DecisionMaker

# The file's columns are the model's fields of the same names.
COLUMNS = (
    "name",
    "title",
    "body",
    "district",
    "county",
    "party",
    "email",
    "phone",
    "official_page",
)
REQUIRED_COLUMNS = ("name", "title", "body")

# A state legislature has about a hundred members; these limits leave room
# for every board and agency while keeping one import quick and its report
# readable.
MAX_FILE_BYTES = 1_000_000
MAX_ROWS = 2_000

SAVE_AS_CSV = 'In your spreadsheet program, use "Save as" and choose "CSV UTF-8 (comma delimited)".'


class ImportRefused(Exception):
    """The file cannot be imported; `problems` says why, one line each."""

    def __init__(self, problems):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class Row:
    """One decision maker read from the file: its line and its checked values by column.

    Only the file's own columns are in `values`, so importing a file without
    a "phone" column leaves the phone numbers already stored as they are.
    """

    line: int
    values: dict
    person: tuple  # who the row names (person_key)


def person_key(name, body, district):
    """Who a record is: the same name (in any case), body and district is the same person."""
    return (name.strip().casefold(), body, district)


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int

    def summary(self):
        return f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged"


# --- Reading -----------------------------------------------------------------------------------


def read_decision_makers(data):
    """The rows of a CSV file (bytes, or text already decoded), each checked.

    Raises ImportRefused with every problem found, so staff fix the file in one go.
    """
    if isinstance(data, str):
        if len(data.encode("utf-8")) > MAX_FILE_BYTES:
            raise ImportRefused(too_large())
        text = data
    else:
        text = decode(data)  # refuses a file over the size limit itself
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise ImportRefused("The file is empty: it needs a header row naming the columns.")

    records = csv_records(text)
    _line, header = next(records)
    columns = columns_of(header)
    form_class = modelform_factory(DecisionMaker, fields=columns, formfield_callback=form_field)

    rows, problems, first_line_of = [], [], {}
    for line, cells in records:
        row, person, row_problems = checked_row(line, cells, columns, form_class)
        if person in first_line_of:
            row_problems.append(
                f"line {line}: name: the same person (name, body and district) is already "
                f"on line {first_line_of[person]}"
            )
        elif person is not None:
            first_line_of[person] = line
        problems += row_problems
        if row is not None and not row_problems:
            rows.append(row)
    if problems:
        raise ImportRefused(problems)
    if not rows:
        raise ImportRefused("The file has a header row but no decision makers below it.")
    return rows


def too_large():
    return (
        f"The file is larger than {MAX_FILE_BYTES // 1_000_000} MB. "
        "Split it into smaller files and import each."
    )


def decode(data):
    """The file's text; refused when it is too large, not text, or not UTF-8."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportRefused(too_large())
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportRefused(f"The file is saved as UTF-16 text, not UTF-8. {SAVE_AS_CSV}")
    if b"\x00" in data:
        raise ImportRefused(
            "This is not a text file (an Excel workbook, a PDF or a picture?). " + SAVE_AS_CSV
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportRefused(
            f"line {line}: the file is not UTF-8 text (an older spreadsheet format?). "
            + SAVE_AS_CSV
        ) from None


def csv_records(text):
    """(line, cells) for the header, then each row that has any value.

    The line is where the row starts in the file, counting the lines inside
    quoted values that span several, as a text editor numbers them.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start, seen = 1, 0
    try:
        for cells in reader:
            line, start = start, reader.line_num + 1
            if line > 1 and not any(cell.strip() for cell in cells):
                continue  # a blank line, or a row of empty cells a spreadsheet left behind
            if line > 1:
                seen += 1
                if seen > MAX_ROWS:
                    raise ImportRefused(
                        f"The file has more than {MAX_ROWS:,} decision makers. "
                        "Split it into smaller files and import each."
                    )
            yield line, cells
    except csv.Error as error:
        raise ImportRefused(
            f"line {start}: this is not a CSV file the import can read from here on ({error}). "
            "Check that each quoted value ends with a closing quote. " + SAVE_AS_CSV
        ) from None


def column_name(cell):
    """A header cell as a column name: "Official page" and " EMAIL " are understood."""
    return "_".join(cell.strip().lower().replace("-", " ").split())


def columns_of(header):
    """The column names the header gives, in the file's order; refused unless all are known."""
    columns = [column_name(cell) for cell in header]
    problems = []
    unnamed = [str(position) for position, name in enumerate(columns, 1) if not name]
    if unnamed:
        problems.append(f"line 1: column {', '.join(unnamed)} has no name in the header")
    unknown = [
        cell.strip()
        for cell, name in zip(header, columns, strict=True)
        if name and name not in COLUMNS
    ]
    if unknown:
        listed = ", ".join(f'"{cell}"' for cell in unknown)
        problems.append(f"line 1: unknown columns: {listed}")
    repeated = sorted({name for name in columns if name and columns.count(name) > 1})
    if repeated:
        problems.append(f"line 1: columns named twice: {', '.join(repeated)}")
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        problems.append(f"line 1: missing required columns: {', '.join(missing)}")
    if problems:
        if len(header) == 1 and any(mark in header[0] for mark in ";\t|"):
            problems.append("Columns must be separated by commas. " + SAVE_AS_CSV)
        problems.append(
            "The first line names the columns: name, title and body are required; "
            f"the others are optional: {', '.join(COLUMNS[3:])}."
        )
        raise ImportRefused(problems)
    return columns


def form_field(model_field, **kwargs):
    """The admin's form field for a column; the district's says what a district may be."""
    if model_field.name == "district":
        return forms.IntegerField(
            required=False,
            min_value=1,
            max_value=999,
            error_messages={
                "invalid": "Enter a whole number, e.g. 12, or leave it blank.",
                "min_value": DISTRICT_RANGE,
                "max_value": DISTRICT_RANGE,
            },
        )
    return model_field.formfield(**kwargs)


def body_choice(value):
    """The stored value for a body given as its value or its English label, in any case."""
    wanted = value.strip().casefold()
    with translation.override("en"):
        for choice, label in Body.choices:
            if wanted in (choice, str(label).casefold()):
                return choice
    return None


def body_problem(line, value):
    with translation.override("en"):
        labels = ", ".join(f"{choice} ({label})" for choice, label in Body.choices)
    return f'line {line}: body: "{value.strip()}" is not one of {labels}'


def checked_row(line, cells, columns, form_class):
    """(Row or None, who it names or None, problems) for one line, checked by the model's form.

    Who the row names is known whenever its name, body and district are
    valid, even if another value is not, so a person listed twice is
    reported as well.
    """
    if len(cells) != len(columns):
        return (
            None,
            None,
            [
                f"line {line}: has {len(cells)} values but the header names {len(columns)} "
                "columns (a value with a comma in it needs quotes around it)"
            ],
        )
    raw = dict(zip(columns, cells, strict=True))
    problems = []
    body = body_choice(raw["body"])
    if raw["body"].strip() and body is None:
        problems.append(body_problem(line, raw["body"]))
    form = form_class(data={**raw, "body": body or ""})
    for field, messages in form.errors.items():
        if field == "body" and problems:
            continue  # already explained, with the choices
        column = "row" if field == "__all__" else field
        problems += [f"line {line}: {column}: {message}" for message in messages]
    cleaned = form.cleaned_data
    person = None
    if "name" in cleaned and "body" in cleaned and "district" not in form.errors:
        person = person_key(cleaned["name"], cleaned["body"], cleaned.get("district"))
    if problems:
        return None, person, problems
    return Row(line, {name: cleaned[name] for name in columns}, person), person, []


# --- Storing -----------------------------------------------------------------------------------


def import_decision_makers(rows, site, *, dry_run=False, update_existing=True):
    """Store `rows` (from read_decision_makers) for `site`, all or nothing; an ImportResult.

    Rows go to the site's default language (its home page's). A row naming
    someone already listed updates that record, and the facts every
    language shares (all but the title) in its translations; with
    `update_existing=False` such records are left as they are. With
    `dry_run`, nothing is written and the result says what would be.
    """
    locale = site.root_page.locale
    with transaction.atomic():
        if not dry_run:
            # Two imports for one site at once would both add the same people.
            Site.objects.select_for_update().filter(pk=site.pk).exists()
        listed = listed_people(site, locale)
        ambiguous = [
            f"line {row.line}: name: {row.values['name']} matches {len(listed[row.person])} "
            "decision makers this site already lists; remove the extra one in the admin first"
            for row in rows
            if len(listed.get(row.person, ())) > 1
        ]
        if ambiguous:
            raise ImportRefused(ambiguous)

        added = updated = unchanged = 0
        for row in rows:
            existing = listed.get(row.person, [None])[0]
            if existing is None:
                added += 1
                if not dry_run:
                    DecisionMaker.objects.create(site=site, locale=locale, **row.values)
            elif update_existing and changed_fields(existing, row.values):
                updated += 1
                if not dry_run:
                    update_record(existing, row.values)
            else:
                unchanged += 1
    return ImportResult(added=added, updated=updated, unchanged=unchanged)


def listed_people(site, locale):
    """The site's records in `locale`, grouped by who they are (see Row.person)."""
    listed = {}
    for record in DecisionMaker.objects.filter(site=site, locale=locale).order_by("pk"):
        listed.setdefault(person_key(record.name, record.body, record.district), []).append(record)
    return listed


def changed_fields(record, values):
    return [name for name, value in values.items() if getattr(record, name) != value]


def update_record(record, values):
    """Bring `record` up to date, and its translations' shared facts with it.

    Translators word the title in each language; everything else is the same
    fact in every language, so a new phone number must not wait for someone
    to open the translation tool.
    """
    for name, value in values.items():
        setattr(record, name, value)
    record.save()
    shared = {name: value for name, value in values.items() if name != "title"}
    translations = DecisionMaker.objects.filter(translation_key=record.translation_key)
    for translated in translations.exclude(pk=record.pk):
        for name, value in shared.items():
            setattr(translated, name, value)
        translated.save()
