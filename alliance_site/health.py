"""A health check that answers before anything else runs.

Load balancers probe containers by IP address and over plain HTTP, so the
check must not depend on ALLOWED_HOSTS, the HTTPS redirect or the database.
"""

from django.http import HttpResponse

HEALTH_CHECK_PATH = "/healthz/"


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == HEALTH_CHECK_PATH and request.method in ("GET", "HEAD"):
            return HttpResponse("ok", content_type="text/plain")
        return self.get_response(request)
