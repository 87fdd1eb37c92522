"""Per-client limits tell visitors apart behind a proxy, and a forged header doesn't dodge them.

Exercised through the survey's rate limit (5 accepted posts per 10 minutes per
client), the limit a visitor would run into.
"""

import pytest

from tests.builders import build_demo_survey, survey_answers
from tests.factories import built_once_per_module, fresh_copies

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"

survey_for_the_module = built_once_per_module(build_demo_survey)


@pytest.fixture
def survey(survey_for_the_module):
    """(English, Spanish) ESSA survey on a test site, built once for the module."""
    return fresh_copies(survey_for_the_module)


def post_answers(client, page, **extra):
    """A complete, honest post of answers to the survey `page`."""
    return client.post(page.url, survey_answers(page), headers={"host": "localhost"}, **extra)


def send_until_refused(client, page, limit=7, **extra):
    """How many posts the same client got through before a 429."""
    for sent in range(limit):
        if post_answers(client, page, **extra).status_code == 429:
            return sent
    return limit


def via_proxy(client_address):
    """A request as it reaches the app through one proxy appending the client's address."""
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": client_address}


def test_without_trusted_proxies_everyone_behind_one_proxy_shares_an_allowance(
    client, survey, settings
):
    settings.TRUSTED_PROXY_COUNT = 0
    english, _ = survey
    assert send_until_refused(client, english, **via_proxy("198.51.100.1")) == 5
    # A different visitor behind the same proxy is refused too: the header is not trusted.
    assert post_answers(client, english, **via_proxy("198.51.100.2")).status_code == 429


def test_behind_a_trusted_proxy_each_visitor_has_their_own_allowance(client, survey, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    english, _ = survey
    assert send_until_refused(client, english, **via_proxy("198.51.100.1")) == 5
    assert post_answers(client, english, **via_proxy("198.51.100.2")).status_code == 303


def test_a_client_cannot_win_a_fresh_allowance_by_forging_x_forwarded_for(client, survey, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    english, _ = survey
    assert send_until_refused(client, english, **via_proxy("198.51.100.1")) == 5
    # The client wrote a made-up address in front; the proxy appended the real one.
    forged = via_proxy("203.0.113.77, 198.51.100.1")
    assert post_answers(client, english, **forged).status_code == 429


def test_a_request_that_skipped_the_proxy_is_counted_by_its_own_address(client, survey, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    english, _ = survey
    # Only one hop in the header where two proxies should have written: not trusted.
    assert send_until_refused(client, english, **via_proxy("198.51.100.1")) == 5
    assert post_answers(client, english, **via_proxy("198.51.100.9")).status_code == 429


def test_one_ipv6_household_shares_an_allowance_across_its_addresses(client, survey, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    english, _ = survey
    household = "2001:db8:1:2::"
    sent = [
        post_answers(client, english, REMOTE_ADDR=f"{household}{n}").status_code
        for n in range(1, 7)
    ]
    assert sent == [303] * 5 + [429]
    # A neighbor on another /64 is not held back.
    assert post_answers(client, english, REMOTE_ADDR="2001:db8:1:3::1").status_code == 303
