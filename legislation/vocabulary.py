"""The words of the bill tracker: where a bill stands, what the organization thinks, its session.

Stored as short codes (also the values of the tracker's filters and of the
position badge's CSS class); visitors read the labels, in their language.
"""

import re

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Position(models.TextChoices):
    """What the organization asks of lawmakers on a bill."""

    SUPPORT = "support", _("Support")
    OPPOSE = "oppose", _("Oppose")
    AMEND = "amend", _("Amend")
    MONITOR = "monitor", _("Monitor")


# Beside the position's name, so the badge never says it by color alone; screen
# readers skip them (aria-hidden) and read the name.
POSITION_SYMBOLS = {
    Position.SUPPORT: "✓",
    Position.OPPOSE: "✕",
    Position.AMEND: "✎",
    Position.MONITOR: "◉",
}


class BillStatus(models.TextChoices):
    """A step of a bill through the legislature, in the order bills usually take them."""

    INTRODUCED = "introduced", _("Introduced")
    IN_COMMITTEE = "in-committee", _("In committee")
    PASSED_ONE_CHAMBER = "passed-one-chamber", _("Passed one chamber")
    PASSED_BOTH_CHAMBERS = "passed-both-chambers", _("Passed both chambers")
    SIGNED = "signed", _("Signed into law")
    VETOED = "vetoed", _("Vetoed")
    DIED = "died", _("Died")


def status_phrase(status):
    """The status as it reads after a bill's number ("HB 151: passed both chambers").

    The label with its first letter in lower case: right for English and
    Spanish, whose labels hold no proper names.
    """
    label = str(BillStatus(status).label)
    return label[:1].lower() + label[1:]


class SessionKind(models.TextChoices):
    REGULAR = "regular", _("Regular")
    SPECIAL = "special", _("Special")


def session_label(year, kind):
    """'2027 regular session', in the language being read.

    Formatted here rather than in a template, where a year could be written
    with a thousands separator.
    """
    if kind == SessionKind.SPECIAL:
        return gettext("%(year)s special session") % {"year": year}
    return gettext("%(year)s regular session") % {"year": year}


def session_value(year, kind):
    """The session as the tracker's ?session= filter names it: '2027-regular'."""
    return f"{year}-{kind}"


# ASCII digits only, and a year a legislature could sit in.
SESSION_KINDS = "|".join(SessionKind.values)
SESSION_VALUE = re.compile(rf"(?P<year>(?:19|20|21)[0-9]{{2}})-(?P<kind>{SESSION_KINDS})")


def parsed_session(value):
    """(year, kind) of a ?session= value, or None when it is not one."""
    if not isinstance(value, str):
        return None
    match = SESSION_VALUE.fullmatch(value)
    if match is None:
        return None
    return int(match["year"]), match["kind"]
