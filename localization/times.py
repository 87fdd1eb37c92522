"""Moments as New Mexico reads the clock, in the reader's language: events, deadlines.

Both organizations work in New Mexico, whose clock (America/Denver) is the
admin's only time zone. Django's Spanish time format is the 24-hour clock;
readers here expect "6:00 p. m.", so the time of day is written out.
"""

from zoneinfo import ZoneInfo

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

NEW_MEXICO_TIME = ZoneInfo("America/Denver")


def time_of_day(moment):
    """'6:00 p.m.' / '6:00 p. m.' in the language being read."""
    if moment.hour < 12:
        meridiem = pgettext("time of day", "a.m.")
    else:
        meridiem = pgettext("time of day", "p.m.")
    return f"{moment.hour % 12 or 12}:{moment:%M} {meridiem}"


def date_and_time(moment):
    """'October 20, 2016, 6:00 p.m.' in the language being read."""
    return _("%(date)s, %(time)s") % {
        "date": date_format(moment, "DATE_FORMAT"),
        "time": time_of_day(moment),
    }
