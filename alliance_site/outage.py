"""A database that is briefly unreachable is "try again shortly" (503), not a broken site (500).

During a PostgreSQL restart or failover, requests that need the database fail
with OperationalError or InterfaceError. Django would answer 500, which CDNs
and proxies treat as an error to pass on; a 503 with Retry-After tells them,
and crawlers, that the page is fine and will be back. Pages served whole from
the cache (caching/middleware.py) need no database and keep working. Any
other error is still a 500, so bugs are not disguised as outages.
"""

import sys

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

RETRY_AFTER_SECONDS = 30
DATABASE_OUTAGE_ERRORS = (OperationalError, InterfaceError)


def server_error(request):
    """handler500: Django calls it while handling the exception, which sys.exc_info() names."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_OUTAGE_ERRORS):
        # The standalone error page: it says to try again in a few minutes,
        # and renders without the database.
        response = HttpResponse(render_to_string("500.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return defaults.server_error(request)
