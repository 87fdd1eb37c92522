"""Storing a visitor's part in an action once, within the daily cap, and reading it back.

`record` keeps the participant, one row per letter and the form token's
use in one transaction (`pages.form_protection.accept_once`), so a double
click or a replay stores and sends nothing more. Letters go out only after
that transaction commits (`letters.send_letters`).

The daily cap: this site sends no decision maker more than the site's
`daily_letter_cap` letters per New Mexico calendar day, from all its actions
together (`participants.methods_within_cap`). A letter over the cap is not
sent: the visitor still counts, and the thank-you page gives them a
ready-made e-mail to send it themselves, so nothing they wrote is lost.
"""

from dataclasses import dataclass
from functools import partial

from django.db import transaction
from django.utils.translation import get_language

from pages import form_protection

from . import letters
from .deadlines import new_mexico_day
from .participants import Letter, Participant, methods_within_cap
from .recipients import shown_people


@dataclass(frozen=True)
class Plan:
    """What the page decided for one post: who the letter goes to and how, in which words."""

    site: object
    recipient_ids: list  # decision makers of `site` with an e-mail address
    sent_by_site: bool
    daily_cap: int
    subject: str
    letter_language: str


def record(action, data, plan, request):
    """Store `data` (a valid TakePartForm's) for `action`; None if its token was used before.

    Sends nothing itself: the letters are mailed once the transaction commits.
    """
    original = action.default_language_page()
    day = new_mexico_day()
    people = list(plan.recipient_ids)
    with transaction.atomic():
        if not form_protection.accept_once(request):
            return None
        participant = Participant.objects.create(
            site=plan.site,
            action=original,
            language=get_language(),
            name=data["name"].strip(),
            email=data["email"].strip(),
            town=data["town"].strip(),
            subject=plan.subject,
            letter=data["letter"].strip(),
            letter_language=plan.letter_language,
            form_token_hash=form_protection.posted_token_hash(request),
        )
        if plan.sent_by_site:
            methods = methods_within_cap(people, day, plan.daily_cap)
        else:
            methods = dict.fromkeys(people, Letter.Method.MAILTO)
        Letter.objects.bulk_create(
            Letter(
                participant=participant, decision_maker_id=person, method=methods[person], day=day
            )
            for person in people
        )
        if plan.sent_by_site:
            transaction.on_commit(partial(letters.send_letters, participant.pk))
    return participant


def participant_for_repeat(action, request):
    """The participant a repeated post's token stored, to send it to the same page; or None."""
    return Participant.objects.filter(
        action=action.default_language_page(),
        form_token_hash=form_protection.posted_token_hash(request),
        erased_at__isnull=True,
    ).first()


@dataclass(frozen=True)
class SentLetter:
    """One letter as the thank-you page lists it: to whom, and what became of it."""

    name: str
    title: str
    title_lang: str
    method: str
    link: letters.MailtoLink | None  # when the visitor sends it themselves

    @property
    def sent_by_site(self):
        return self.method == Letter.Method.EMAIL

    @property
    def over_cap(self):
        return self.method == Letter.Method.OVER_CAP

    @property
    def failed(self):
        return self.method == Letter.Method.FAILED


@dataclass(frozen=True)
class WhatWasSent:
    """A participant's letters for the thank-you page: those sent, and those to send."""

    participant: Participant
    letters: tuple

    @property
    def by_site(self):
        return [letter for letter in self.letters if letter.sent_by_site]

    @property
    def to_send(self):
        return [letter for letter in self.letters if not letter.sent_by_site]

    @property
    def any_over_cap(self):
        return any(letter.over_cap for letter in self.letters)

    @property
    def any_failed(self):
        return any(letter.failed for letter in self.letters)

    @property
    def needs_copying(self):
        """True when a letter was too long for its mailto: link to carry it whole."""
        return any(letter.link is not None and not letter.link.complete for letter in self.letters)

    @property
    def signed_letter(self):
        return letters.signed_letter(self.participant)


def what_was_sent(participant, request):
    """The thank-you page's account of `participant`'s letters, in the reader's language."""
    rows = list(participant.deliveries.select_related("decision_maker").order_by("pk"))
    people = shown_people([row.decision_maker for row in rows], request)
    return WhatWasSent(
        participant=participant,
        letters=tuple(
            SentLetter(
                name=shown.name,
                title=shown.title,
                title_lang=shown.title_lang,
                method=row.method,
                link=None
                if row.method == Letter.Method.EMAIL
                else letters.mailto_link(row.decision_maker.email, participant),
            )
            for row, shown in zip(rows, people, strict=True)
        ),
    )
