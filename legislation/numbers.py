"""Bill numbers written one way: the chamber's letters in capitals, one space, the number.

Editors copy numbers from the legislature's site, agendas and e-mails, where
the same bill is "HB151", "H.B. 151" or "hb 0151". Stored one way, a bill is
found by its number in search and reads the same on every card.
"""

import re

from django.core.exceptions import ValidationError

# Letters (HB, SB, HJR, SJM…), then a number that does not start with 0. ASCII only:
# str.isdigit() and \d accept other scripts' digits, which no legislature uses.
BILL_NUMBER = re.compile(r"(?P<letters>[A-Z]{1,5})0*(?P<number>[1-9][0-9]{0,4})")
# What people put between the letters and the number, or inside the letters.
SEPARATORS = re.compile(r"[\s.\-]+")

INVALID_MESSAGE = (
    "Write the number as the legislature does: its letters, then the number, "
    "e.g. 'HB 151', 'SB 2' or 'HJR 5'."
)


def normalized_bill_number(value):
    """`value` as 'HB 151', or None when it is not a bill number.

    'hb151', 'H.B. 151', 'HB-0151' and ' HB  151 ' are all 'HB 151'.
    """
    if not isinstance(value, str) or len(value) > 40:
        return None
    compact = SEPARATORS.sub("", value)
    if not compact.isascii():
        return None
    match = BILL_NUMBER.fullmatch(compact.upper())
    if match is None:
        return None
    return f"{match['letters']} {match['number']}"


def validate_bill_number(value):
    if normalized_bill_number(value) is None:
        raise ValidationError(INVALID_MESSAGE, code="invalid_bill_number")
