"""When an action closes, as New Mexico reads the clock, in the reader's language.

Deadlines are stored as aware datetimes and entered in America/Denver (the
admin's only time zone). The daily cap on letters counts New Mexico's
calendar days too, so a letter sent at 11 p.m. in Las Cruces counts for that
day whatever the server's zone.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from localization.times import NEW_MEXICO_TIME, date_and_time


def new_mexico_day(moment=None):
    """The calendar date in New Mexico at `moment` (now when not given)."""
    return timezone.localtime(moment or timezone.now(), NEW_MEXICO_TIME).date()


def deadline_text(deadline):
    """'March 3, 2027, 5:00 p.m. (Mountain Time)' in the language being read."""
    when = date_and_time(timezone.localtime(deadline, NEW_MEXICO_TIME))
    return f"{when} {_('(Mountain Time)')}"


def deadline_element(deadline):
    """The deadline as a <time> element a browser or assistive tool can read the moment from."""
    moment = timezone.localtime(deadline, NEW_MEXICO_TIME).isoformat(timespec="minutes")
    return format_html('<time datetime="{}">{}</time>', moment, deadline_text(deadline))


def closing_date_element(deadline):
    """Only the New Mexico date an action closed on, as a <time> element."""
    local = timezone.localtime(deadline, NEW_MEXICO_TIME)
    return format_html(
        '<time datetime="{}">{}</time>', local.date().isoformat(), date_format(local, "DATE_FORMAT")
    )
