"""The tracker's filters: what ?session=, ?status=, ?position= and ?topic= accept.

Each value must be one the form offers, or the answer is a 404 (as the
partner directory's ?region=): a malformed, unknown or repeated value names
no list, and a bot trying values learns nothing more from a page of them. An
empty value (the form's "All …" choice) is no filter; parameters the tracker
does not know (a campaign's utm_source) are left alone.
"""

from dataclasses import dataclass

from django.http import Http404

from taxonomy.models import ReaderTopic, find_topic

from .vocabulary import BillStatus, Position, parsed_session, session_value

FILTER_NAMES = ("session", "status", "position", "topic")


@dataclass(frozen=True)
class BillFilters:
    """The filters a visitor chose, each already checked."""

    session: tuple[int, str] | None = None  # (year, kind)
    status: str = ""
    position: str = ""
    topic: ReaderTopic | None = None

    @property
    def active(self):
        return bool(self.session or self.status or self.position or self.topic)

    def values(self):
        """{filter name: value} as the form submits it: what stays selected, and what pages keep."""
        return {
            "session": session_value(*self.session) if self.session else "",
            "status": self.status,
            "position": self.position,
            "topic": self.topic.slug if self.topic else "",
        }

    def apply(self, bills):
        """`bills` (a queryset of bill pages) narrowed to these filters."""
        if self.session:
            year, kind = self.session
            bills = bills.filter(session_year=year, session_kind=kind)
        if self.status:
            bills = bills.filter(current_status=self.status)
        if self.position:
            bills = bills.filter(position=self.position)
        if self.topic:
            # Bills are filed under the default language's topics, whichever slug was used.
            bills = bills.filter(topics=self.topic.filed)
        return bills


def one_value(request, name):
    """The value of ?name=, "" when absent; a 404 when it is given more than once."""
    values = request.GET.getlist(name)
    if len(values) > 1:
        raise Http404(f"Choose one {name} at a time.")
    return values[0] if values else ""


def chosen_filters(request, site, sessions):
    """The filters asked for, checked against `site`'s topics and `sessions`' (year, kind) pairs.

    A 404 for any value the form does not offer.
    """
    asked = {name: one_value(request, name) for name in FILTER_NAMES}
    session = None
    if asked["session"]:
        session = parsed_session(asked["session"])
        if session is None or session not in sessions:
            raise Http404("This tracker lists no bills of that session.")
    if asked["status"] and asked["status"] not in BillStatus.values:
        raise Http404("There is no such status.")
    if asked["position"] and asked["position"] not in Position.values:
        raise Http404("There is no such position.")
    topic = None
    if asked["topic"]:
        topic = find_topic(asked["topic"], site)
        if topic is None:
            raise Http404("There is no topic with that name.")
    return BillFilters(
        session=session, status=asked["status"], position=asked["position"], topic=topic
    )
