"""Template tags for take-action pages: thin wrappers over campaigns/deadlines.py."""

from django import template

from campaigns import deadlines

register = template.Library()


@register.simple_tag
def action_deadline(deadline):
    """`{% action_deadline page.deadline %}`: date and time in New Mexico, as a <time> element."""
    return deadlines.deadline_element(deadline)


@register.simple_tag
def action_closing_date(deadline):
    """`{% action_closing_date page.deadline as closed_on %}`: the New Mexico date, as <time>."""
    return deadlines.closing_date_element(deadline)
