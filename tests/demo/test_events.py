"""The demo's events: the Alliance's tour of ESSA community forums.

How events are listed, dated and offered to calendars is checked on a site
built for those tests in tests/test_events.py.
"""

import pytest

from tests.test_events import card_titles, soup_of

pytestmark = pytest.mark.django_db

DEMO_HOST = "localhost"


def test_the_demo_lists_the_essa_forums_gallup_first(client, demo):
    page = soup_of(client.get("/events/", HTTP_HOST=DEMO_HOST))

    past = card_titles(page.find("h2", id="past-events").parent)
    forums = [title for title in past if "Forum" in title]
    assert len(forums) == 6
    # Most recent first, so the first forum, in Gallup, closes the list.
    assert "Gallup" in forums[-1]
