"""How an event's time reads: in New Mexico time, in the reader's language, machine-readable too."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from localization.times import date_and_time, time_of_day

register = template.Library()


def _time_element(moment, text):
    return format_html('<time datetime="{}">{}</time>', moment.isoformat(), text)


@register.simple_tag
def event_when(event):
    """'20 de octubre de 2016, 6:00 p. m. – 8:00 p. m. (hora de la montaña)', as <time> elements.

    An event ending on the day it starts gives only the end's time of day.
    """
    start, end = event.local_start, event.local_end
    end_text = time_of_day(end) if end.date() == start.date() else date_and_time(end)
    return format_html(
        "{} – {} {}",
        _time_element(start, date_and_time(start)),
        _time_element(end, end_text),
        _("(Mountain Time)"),
    )
