"""Which actions are open, and how many people have taken part in each, worked out per request.

Counts are read from the database on every view (the pages that show them
are never kept whole in a cache), one query for a whole listing: each
action's participants in every language count together.
"""

from dataclasses import dataclass

from django.db.models import F, Q
from django.utils.formats import number_format
from django.utils.translation import ngettext

from .participants import counts_by_action


@dataclass(frozen=True)
class Progress:
    """ "N of GOAL people have taken part", and the numbers for a <progress> element."""

    count: int
    goal: int

    @property
    def bar_value(self):
        # A <progress> past its maximum reads as full; say the real number in words.
        return min(self.count, self.goal)

    @property
    def text(self):
        return ngettext(
            "%(count)s of %(goal)s people has taken part",
            "%(count)s of %(goal)s people have taken part",
            self.count,
        ) % {
            "count": number_format(self.count, force_grouping=True),
            "goal": number_format(self.goal, force_grouping=True),
        }


@dataclass(frozen=True)
class ActionSummary:
    """One action as a listing shows it: the page, whether it is open, its progress."""

    page: object
    is_open: bool
    progress: Progress

    @property
    def status_id(self):
        # Names the count that labels the card's <progress>: unique on the page.
        return f"action-{self.page.pk}-progress"


def still_open(actions, now):
    """Actions open at `now`, the soonest deadline first; those without a deadline last."""
    return actions.filter(Q(deadline__isnull=True) | Q(deadline__gt=now)).order_by(
        F("deadline").asc(nulls_last=True), "pk"
    )


def closed(actions, now):
    """Actions whose deadline has passed, the most recently closed first."""
    return actions.filter(deadline__lte=now).order_by("-deadline", "-pk")


def participant_counts(actions):
    """{translation key: participants} for `actions`, in one query."""
    return counts_by_action({action.translation_key for action in actions})


def summaries(actions, counts, now):
    return [
        ActionSummary(
            page=action,
            is_open=action.is_open(now),
            progress=Progress(counts.get(action.translation_key, 0), action.goal),
        )
        for action in actions
    ]
