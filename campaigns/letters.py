"""The letters themselves: what each decision maker receives, the visitor's copy, mailto: links.

A letter the site sends comes From the site's own address with the
visitor's name in front ("Ana Martínez via Learning Alliance", so the
site's mail server may send it), with Reply-To the visitor: the decision
maker answers the person, not the organization. It is written in the
letter's language; the visitor's copy in the language they read the page
in. Sending happens after the transaction that stored the participant has
committed; a failure is logged, the letter marked failed (the thank-you
page then offers it as a ready-made e-mail) and the participant kept.

A mailto: link carries the address, subject and whole letter. Mail
programs and browsers cut links somewhere past 2,000 characters, so a longer
letter gets a link with the subject only and the text to copy beside it.
"""

import logging
from dataclasses import dataclass
from email.utils import formataddr, parseaddr
from urllib.parse import quote, urlencode

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from pages.models import SiteSettings

from .participants import Letter, Participant

logger = logging.getLogger("campaigns")

MAILTO_MAX_LENGTH = 2000


def signed_letter(participant):
    """The letter as its readers get it: the visitor's words, then their name and town."""
    return f"{participant.letter}\n\n{participant.name}\n{participant.town}"


@dataclass(frozen=True)
class MailtoLink:
    """A ready-made e-mail for the visitor to send from their own mail program."""

    url: str
    complete: bool  # False: the letter was too long for a link and is shown to copy


def _mailto(address, **fields):
    # RFC 6068: line breaks in a mailto: body are CRLF, percent-encoded like everything else.
    values = {
        name: value.replace("\r\n", "\n").replace("\n", "\r\n") for name, value in fields.items()
    }
    return f"mailto:{quote(address, safe='@')}?{urlencode(values, quote_via=quote)}"


def mailto_link(address, participant):
    text = signed_letter(participant)
    whole = _mailto(address, subject=participant.subject, body=text)
    if len(whole) <= MAILTO_MAX_LENGTH:
        return MailtoLink(whole, True)
    return MailtoLink(_mailto(address, subject=participant.subject), False)


def organization_of(participant):
    return SiteSettings.for_site(participant.site).display_name


def letter_message(letter, participant, organization):
    """The e-mail to one decision maker, in the letter's language."""
    sender = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or settings.DEFAULT_FROM_EMAIL
    with translation.override(participant.letter_language):
        display_name = gettext("%(name)s via %(organization)s") % {
            "name": participant.name,
            "organization": organization,
        }
        body = render_to_string(
            "campaigns/email/letter.txt",
            {
                "participant": participant,
                "letter": signed_letter(participant),
                "organization": organization,
            },
        )
    return EmailMessage(
        subject=participant.subject,
        body=body,
        from_email=formataddr((display_name, sender)),
        to=[letter.decision_maker.email],
        reply_to=[participant.email],
    )


def copy_message(participant, letters, organization):
    """The visitor's copy, in the language they read the page in: where it went, and the letter."""
    action = participant.action.in_language(participant.language)
    with translation.override(participant.language):
        context = {
            "participant": participant,
            "organization": organization,
            "action_title": action.title,
            "sent": [letter for letter in letters if letter.method == Letter.Method.EMAIL],
            "not_sent": [letter for letter in letters if letter.method != Letter.Method.EMAIL],
            "letter": signed_letter(participant),
        }
        subject = render_to_string("campaigns/email/copy_subject.txt", context)
        body = render_to_string("campaigns/email/copy.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[participant.email],
        headers={"Auto-Submitted": "auto-generated"},
    )


def _send(message, connection, what, participant):
    message.connection = connection
    try:
        message.send()
    except OSError:  # SMTPException included: the participant and their letter are kept
        logger.exception("Participant %s: could not send %s", participant.pk, what)
        return False
    return True


def send_letters(participant_id):
    """E-mail `participant_id`'s letters the site sends, then their copy. Run after commit."""
    found = Participant.objects.select_related("action", "site").filter(pk=participant_id)
    participant = found.first()
    if participant is None:
        return
    letters = list(participant.deliveries.select_related("decision_maker").order_by("pk"))
    organization = organization_of(participant)
    connection = get_connection()
    failed = []
    try:
        # One connection for all of them; if it cannot open, each send tries and is logged.
        try:
            connection.open()
        except OSError:
            logger.exception("Participant %s: could not reach the mail server", participant.pk)
        for letter in letters:
            if letter.method != Letter.Method.EMAIL:
                continue
            message = letter_message(letter, participant, organization)
            if not _send(message, connection, "a letter", participant):
                failed.append(letter)
        if failed:
            Letter.objects.filter(pk__in=[letter.pk for letter in failed]).update(
                method=Letter.Method.FAILED
            )
            for letter in failed:
                letter.method = Letter.Method.FAILED
        _send(copy_message(participant, letters, organization), connection, "the copy", participant)
    finally:
        connection.close()
