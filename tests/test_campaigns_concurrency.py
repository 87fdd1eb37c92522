"""Take-action posts arriving at the same moment, each on its own database connection.

A double click is stored and mailed once; many visitors writing to one
legislator at once cannot push the site past its daily cap, because their
letters are counted with that legislator's row locked. These need a
database that takes writes from two connections at once: PostgreSQL
(`DATABASE_URL=postgres://…`); SQLite runs them one at a time anyway.
"""

import threading

from django.core import mail
from django.db import connection
from django.test import Client

import pytest

from campaigns.models import Letter, Participant
from tests.campaign_factories import (
    action_form_data,
    make_action,
    make_action_index,
    set_campaign_settings,
)
from tests.decision_maker_factories import make_decision_maker
from tests.factories import content_locales, make_site

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="posts at once need a database that takes writes from two connections at once",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HOST = {"host": "localhost"}


def build_action(cap=100):
    content_locales()
    site = make_site(hostname="localhost", name="Learning Alliance")
    senator = make_decision_maker(site, name="Ana Martínez")
    set_campaign_settings(site, daily_letter_cap=cap)
    action = make_action(make_action_index(site.root_page), targets=[senator])
    mail.outbox.clear()
    return action, senator


def post_at_once(page, posts):
    """Send each (data, client address) at the same moment, each from its own thread."""
    start = threading.Barrier(len(posts))
    responses = []

    def send(data, address):
        try:
            start.wait()
            responses.append(Client().post(page.url, data, headers=HOST, REMOTE_ADDR=address))
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=post) for post in posts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return responses


def test_two_posts_of_one_form_at_the_same_moment_store_and_send_once():
    action, senator = build_action()
    data = action_form_data(action)

    responses = post_at_once(action, [(data, "192.0.2.1"), (data, "192.0.2.1")])

    assert [response.status_code for response in responses] == [303, 303]
    assert len({response["Location"] for response in responses}) == 1
    assert Participant.objects.count() == 1
    assert Letter.objects.count() == 1
    assert sorted(message.to[0] for message in mail.outbox) == ["ana@example.org", senator.email]


def test_the_daily_cap_holds_when_many_write_to_one_legislator_at_once():
    action, senator = build_action(cap=2)
    posts = [
        (action_form_data(action, email=f"person{number}@example.org"), f"192.0.2.{number}")
        for number in range(1, 7)
    ]

    responses = post_at_once(action, posts)

    assert [response.status_code for response in responses] == [303] * 6
    assert Participant.objects.count() == 6
    methods = sorted(Letter.objects.values_list("method", flat=True))
    assert methods == ["email", "email", "over-cap", "over-cap", "over-cap", "over-cap"]
    assert len([message for message in mail.outbox if message.to == [senator.email]]) == 2
