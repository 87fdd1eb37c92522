"""Builders for decision makers and the CSV files staff import them from."""

import itertools

from decision_makers.models import Body, DecisionMaker

_phone_numbers = itertools.count(100)

HEADER = "name,title,body,district,county,party,email,phone,official_page"


def make_decision_maker(site, name="Ana Martínez", title="State Senator", **fields):
    """A decision maker on `site`, in the site's default language, as editors add one."""
    fields.setdefault("body", Body.SENATE)
    fields.setdefault("district", 9)
    fields.setdefault("county", "Sandoval")
    fields.setdefault("email", f"{name.split()[0].lower()}@nmlegis.example.org")
    fields.setdefault("phone", f"505-555-01{next(_phone_numbers) % 100:02d}")
    return DecisionMaker.objects.create(
        site=site, locale=site.root_page.locale, name=name, title=title, **fields
    )


def csv_file(tmp_path, text, name="decision-makers.csv", encoding="utf-8"):
    """A file holding `text` (or bytes as they are), as staff save it from a spreadsheet."""
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode(encoding))
    return path


def csv_text(*rows, header=HEADER):
    """A file's text: the header, then each row, with the line ending spreadsheets write."""
    return "\r\n".join([header, *rows]) + "\r\n"
