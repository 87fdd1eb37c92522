"""Refuse a request body too large to be worth reading, before anything reads it.

Django limits form fields (`DATA_UPLOAD_MAX_MEMORY_SIZE`,
`DATA_UPLOAD_MAX_NUMBER_FIELDS`: a 400) but not uploaded files: a multipart
post of any size to any form (a survey, the newsletter, the admin sign-in) is
streamed to temporary files before the view can say no, and Wagtail's own
upload limits apply only after the whole upload has arrived. A request
declaring more than `REQUEST_MAX_BODY_SIZE` bytes is answered 413 here without
reading a byte of it. The proxy in front should refuse the same (nginx
`client_max_body_size`), and also bodies sent without a declared length.

NUL bytes and invalid UTF-8 in addresses need no layer here: every view that
reads a query value checks it (search strips control characters, filters and
page numbers check against known values, a NUL in a path matches no page),
and tests/test_bad_input_sweep.py holds them to that on PostgreSQL.
"""

from django.conf import settings
from django.http import HttpResponse


def declared_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class RequestSizeLimitMiddleware:
    """413 for a body declared over `REQUEST_MAX_BODY_SIZE` bytes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = getattr(settings, "REQUEST_MAX_BODY_SIZE", None)
        if limit is not None and declared_length(request) > limit:
            return HttpResponse(
                "Request too large.", status=413, content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)
