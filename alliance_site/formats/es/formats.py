"""Spanish as New Mexico writes it: Spanish dates, American numbers.

Readers in New Mexico write 24.6 KB and 1,200 whichever language they read,
so Spanish pages keep Django's Spanish date formats and use the point for
decimals and the comma for thousands.
"""

from django.conf.locale.es.formats import *  # noqa: F403 (Django's Spanish formats, then ours)

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
