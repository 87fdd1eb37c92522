"""Builders for the bill tracker's tests: decision makers, trackers and bills, in both languages.

Like tests/factories.py, each builder publishes what it makes unless told
`live=False`, with defaults a test overrides only where it matters. A bill's
status history is given as (date, status, note) rows, oldest first.
"""

import datetime
import itertools

from demo.page_types import address_of
from legislation.models import BillIndexPage, BillPage, BillSponsor, BillStatusChange
from taxonomy.models import Topic
from tests.decision_maker_factories import make_decision_maker
from tests.factories import _add, content_locales, translate_page, translate_snippet

_sequence = itertools.count(1)

# A bill's life in the 2027 session, as the tracker's tests and the every-type site tell it.
HB_151_HISTORY = [
    (datetime.date(2027, 1, 21), "introduced", "Prefiled by Rep. Martínez."),
    (datetime.date(2027, 2, 3), "in-committee", "House Education Committee."),
    (datetime.date(2027, 2, 20), "passed-one-chamber", "The House voted 52–18."),
]
HB_151_SPANISH_NOTES = [
    "Presentado de antemano por la Rep. Martínez.",
    "Comité de Educación de la Cámara.",
    "La Cámara votó 52 a 18.",
]


def make_legislator(site, name="Ana Martínez", title="State Representative", **fields):
    """A state representative of `site` with a page on the legislature's site, unless told."""
    fields.setdefault("body", "house")
    fields.setdefault("district", 12)
    fields.setdefault("official_page", "https://www.nmlegis.gov/Members/Legislator?SponCode=HMART")
    return make_decision_maker(site, name=name, title=title, **fields)


def make_bill_index(parent, live=True, **fields):
    fields.setdefault("title", "Bill tracker")
    fields.setdefault("legislature", "New Mexico Legislature")
    page = BillIndexPage(slug=fields.pop("slug", f"bills-{next(_sequence)}"), **fields)
    return _add(parent, page, live=live)


def status_rows(history):
    """Status history rows of (date, status[, note]) tuples, in the given order."""
    rows = []
    for position, (date, status, *note) in enumerate(history):
        rows.append(
            BillStatusChange(
                date=date, status=status, note=note[0] if note else "", sort_order=position
            )
        )
    return rows


def make_bill(
    index,
    number="HB 151",
    history=HB_151_HISTORY,
    sponsors=(),
    topics=(),
    live=True,
    session=(2027, "regular"),
    **fields,
):
    """A bill below `index`, with its status `history`, `sponsors` (decision makers), `topics`."""
    fields.setdefault("title", f"Bill {next(_sequence)}")
    fields.setdefault("summary", "Gives every school a full-time counselor.")
    fields.setdefault("position", "support")
    fields.setdefault("position_reason", "Counselors keep students in school.")
    year, kind = session
    page = BillPage(
        slug=fields.pop("slug", f"bill-{next(_sequence)}"),
        bill_number=number,
        session_year=year,
        session_kind=kind,
        **fields,
    )
    page.status_history = status_rows(history)
    page.sponsors = [
        BillSponsor(decision_maker=maker, sort_order=position)
        for position, maker in enumerate(sponsors)
    ]
    page.topics = list(topics)
    return _add(index, page, live=live)


def translate_bill(bill, locale, notes=(), **fields):
    """`bill` in `locale` with `fields`, its status notes worded as `notes`, published.

    As a translator saves it: the dates and statuses stay the original's.
    """
    translation = bill.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    rows = list(translation.status_history.all())
    for row, note in zip(rows, notes, strict=False):
        row.note = note
    translation.status_history = rows
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


# --- For tests/builders.py: the tracker on the site with a page of every type ------------------


def add_bill_tracker(home, topic, **menu):
    """{"BillIndexPage", "BillPage"}: a tracker below `home` and one bill filled as editors fill it.

    The bill is filed under `topic` and sponsored by one of the site's decision
    makers; its body is left for the builder to add once the blocks that
    choose pages can choose it.
    """
    site = home.get_site()
    sponsor = make_legislator(site, name="Ana Martínez", title="State Representative")
    index = make_bill_index(
        home,
        title="Bill tracker",
        slug="bills",
        introduction="The bills we follow in Santa Fe.",
        **menu,
    )
    bill = make_bill(
        index,
        number="hb151",
        title="School counselors for every school",
        slug="school-counselors",
        summary="Gives every public school a full-time counselor by 2029.",
        position="support",
        position_reason="Counselors keep students in school and on track to graduate.",
        legislature_url="https://www.nmlegis.gov/Legislation/Legislation?chamber=H&legType=B&legNo=151&year=27",
        sponsors=[sponsor],
        topics=[topic],
    )
    return {"BillIndexPage": index, "BillPage": bill}


def translate_bill_tracker(english, locale, body):
    """The tracker and bill of `add_bill_tracker` in Spanish, as a translator words them."""
    index = translate_page(
        english["BillIndexPage"],
        locale,
        title="Seguimiento de proyectos de ley",
        slug="proyectos-de-ley",
        legislature="Legislatura de Nuevo México",
        introduction="Los proyectos de ley que seguimos en Santa Fe.",
    )
    bill = translate_bill(
        english["BillPage"],
        locale,
        notes=HB_151_SPANISH_NOTES,
        title="Consejeros escolares para cada escuela",
        slug="consejeros-escolares",
        summary="Da a cada escuela pública un consejero de tiempo completo para 2029.",
        position_reason="Los consejeros mantienen a los estudiantes en la escuela.",
        body=body,
    )
    return {"BillIndexPage": index, "BillPage": bill}


# --- For tests/test_query_budget.py: a tracker as full as an organization's ---------------------


def add_bill_tracker_for_budget(site):
    """A tracker with three bills filed under `site`'s topics, with sponsors, in two languages.

    Returns {language code: {"bill tracker": path, "bill": path}}: the list and
    a bill sponsored by two decision makers (one translated), filed under
    every topic, so its page lists the site's issues and news beside it.
    """
    _english, spanish = content_locales()
    home = site.root_page.specific
    topics = list(Topic.objects.filter(site=site, locale=home.locale))
    ana = make_legislator(site, name="Ana Martínez", title="State Representative")
    translate_snippet(ana, spanish, title="Representante estatal")
    luis = make_legislator(site, name="Luis Ortega", title="State Senator", district=7)
    tracker = make_bill_index(home, title="Bill tracker", slug="bills")
    bills = [
        make_bill(
            tracker,
            number=f"HB {number}",
            title=f"Bill {number}",
            slug=f"hb-{number}",
            sponsors=[ana, luis],
            topics=topics,
            legislature_url=f"https://www.nmlegis.gov/Legislation?legNo={number}",
        )
        for number in (151, 152, 153)
    ]
    spanish_tracker = translate_page(tracker, spanish, title="Proyectos de ley", slug="proyectos")
    spanish_bill = translate_bill(
        bills[0], spanish, notes=HB_151_SPANISH_NOTES, title="Proyecto 151", slug="hb-151-es"
    )
    return {
        "en": {"bill tracker": address_of(tracker), "bill": address_of(bills[0])},
        "es": {"bill tracker": address_of(spanish_tracker), "bill": address_of(spanish_bill)},
    }
