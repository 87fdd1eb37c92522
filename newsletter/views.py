"""The one address outside the page tree: RFC 8058 one-click unsubscribe.

Every page address is served by Wagtail's view, which Django's CSRF check
guards; a mail client's one-click POST carries no CSRF token (the token in
the address is the credential), so it comes here instead. A GET (someone
clicking the link in a newsletter) is sent on to the unsubscribe page, in the
subscriber's language, whose button does the same with a CSRF token.
"""

from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .models import Subscriber

ONE_CLICK_BODY = "One-Click"


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def one_click_unsubscribe(request, token):
    subscriber = Subscriber.for_unsubscribe_token(token)
    if subscriber is None:
        raise Http404("There is no subscription with that link.")
    if request.method != "POST":
        return HttpResponseRedirect(subscriber.unsubscribe_page_url(request))
    if request.POST.get("List-Unsubscribe") != ONE_CLICK_BODY:
        return HttpResponseBadRequest(
            "Send List-Unsubscribe=One-Click (RFC 8058).", content_type="text/plain"
        )
    subscriber.unsubscribe()
    with translation.override(subscriber.language):
        message = _("You are unsubscribed.")
    return HttpResponse(message, content_type="text/plain; charset=utf-8")
