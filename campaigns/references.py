"""The signed, short-lived reference that lets a thank-you page show what its visitor sent.

After a post the visitor is sent to `thank-you/?ref=<signed participant id>`.
Only a reference this site signed, for this action, within an hour of
taking part, shows personal details (their letter, who it went to, links
to send it); anything else gets the plain thank-you page. The same
participant always gets the same reference, so a repeated post leads to
the very address the first one did. Nobody can guess another's: the
signature is made with the site's secret key.
"""

from datetime import timedelta
from urllib.parse import urlencode

from django.core import signing
from django.utils import timezone

from .participants import Participant

QUERY_NAME = "ref"
VALID_FOR = timedelta(hours=1)
# Far beyond a signed number's length; anything longer is not ours.
MAX_REFERENCE_LENGTH = 100


def _signer(action):
    # One salt per action (the same in every language), so a reference works on its own action only.
    return signing.Signer(salt=f"campaigns.thank-you:{action.translation_key}")


def query_for(participant, action):
    return urlencode({QUERY_NAME: _signer(action).sign(str(participant.pk))})


def participant_for(reference, action, now=None):
    """The participant `reference` names for `action`, if signed, recent and not erased."""
    if not isinstance(reference, str) or not reference or len(reference) > MAX_REFERENCE_LENGTH:
        return None
    try:
        participant_id = _signer(action).unsign(reference)
    except signing.BadSignature:
        return None
    if not participant_id.isascii() or not participant_id.isdigit():
        return None
    now = now or timezone.now()
    return (
        Participant.objects.filter(
            pk=int(participant_id),
            action__translation_key=action.translation_key,
            erased_at__isnull=True,
            created_at__gte=now - VALID_FOR,
        )
        .select_related("site")
        .first()
    )
