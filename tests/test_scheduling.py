"""Editors schedule pages to go live and to expire; the scheduler makes it happen on time.

The database tests wait about two seconds each for a real go-live or expiry
time to pass, because the scheduler compares against the real clock.
"""

import datetime
import signal
import time
from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone

import pytest

from editorial.management.commands import run_scheduler
from editorial.management.commands.run_scheduler import StopFlag, run_loop
from tests.factories import make_article, make_news_index, make_site

# Far enough ahead that the page is certainly still scheduled when the first
# checks run, short enough to keep the suite quick.
LEAD_TIME = datetime.timedelta(seconds=2)
JUST_AFTER = datetime.timedelta(milliseconds=200)


def run_scheduler_once():
    output = StringIO()
    call_command("run_scheduler", "--once", stdout=output)
    return output.getvalue()


def sleep_until(moment):
    delay = (moment - timezone.now()).total_seconds()
    if delay > 0:
        time.sleep(delay)


@pytest.fixture
def news():
    return make_news_index(make_site(name="Learning Alliance").root_page)


# --- Go-live and expiry, as a visitor sees them -----------------------------------------------


@pytest.mark.django_db
def test_a_scheduled_article_appears_once_its_time_has_passed_and_the_scheduler_runs(client, news):
    article = make_article(news, live=False, title="Budget hearing in Santa Fe")
    go_live_at = timezone.now() + LEAD_TIME
    article.go_live_at = go_live_at
    article.save_revision().publish()

    # Publishing with a future go-live time only schedules it.
    article.refresh_from_db()
    assert article.live is False
    assert article.get_latest_revision().approved_go_live_at == go_live_at
    assert client.get(article.url).status_code == 404
    assert "Budget hearing in Santa Fe" not in client.get(news.url).content.decode()

    early = run_scheduler_once()
    assert "0 published" in early
    assert client.get(article.url).status_code == 404

    sleep_until(go_live_at + JUST_AFTER)
    on_time = run_scheduler_once()

    assert client.get(article.url).status_code == 200
    assert "Budget hearing in Santa Fe" in client.get(news.url).content.decode()
    assert "1 published, 0 unpublished" in on_time
    assert f'published "Budget hearing in Santa Fe" (article page {article.pk})' in on_time


@pytest.mark.django_db
def test_an_article_with_an_expiry_time_disappears_once_the_scheduler_runs_after_it(client, news):
    article = make_article(news, title="Registration closes Friday")
    expire_at = timezone.now() + LEAD_TIME
    article.expire_at = expire_at
    article.save_revision().publish()
    assert client.get(article.url).status_code == 200

    run_scheduler_once()
    assert client.get(article.url).status_code == 200

    sleep_until(expire_at + JUST_AFTER)
    output = run_scheduler_once()

    assert client.get(article.url).status_code == 404
    assert "Registration closes Friday" not in client.get(news.url).content.decode()
    assert "0 published, 1 unpublished" in output
    assert f'unpublished "Registration closes Friday" (article page {article.pk})' in output
    article.refresh_from_db()
    assert article.expired is True


@pytest.mark.django_db
def test_once_runs_a_single_pass_and_exits(monkeypatch):
    def loop_must_not_run(*args, **kwargs):
        raise AssertionError("--once entered the loop")

    monkeypatch.setattr(run_scheduler, "run_loop", loop_must_not_run)

    output = run_scheduler_once()

    assert output.count("Scheduled publishing pass:") == 1


def test_once_reports_a_failed_pass_and_exits_with_an_error_for_cron(monkeypatch):
    def database_down(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(run_scheduler, "call_command", database_down)
    errors = StringIO()

    with pytest.raises(CommandError):
        call_command("run_scheduler", "--once", stdout=StringIO(), stderr=errors)

    assert "pass failed" in errors.getvalue()
    assert "OperationalError: could not connect to server" in errors.getvalue()


# --- The loop: never dies, on the minute, stops cleanly --------------------------------------


class FakeClock:
    """Time that moves only when the loop sleeps, so the test takes no real time."""

    def __init__(self, start):
        self.now = start

    def time(self):
        return self.now

    def sleep(self, seconds):
        assert seconds > 0
        self.now += seconds


def test_a_failing_pass_is_reported_and_the_next_minute_runs_again():
    clock = FakeClock(start=1_700_000_042.5)  # 42.5 s past a minute
    stop = StopFlag()
    pass_times = []
    failures = []

    def flaky_pass():
        pass_times.append(clock.now)
        if len(pass_times) == 1:
            raise OperationalError("the database is briefly unavailable")
        if len(pass_times) == 3:
            stop.request()

    run_loop(
        flaky_pass,
        interval=60,
        stop=stop,
        on_failure=failures.append,
        clock=clock.time,
        sleep=clock.sleep,
    )

    assert [str(failure) for failure in failures] == ["the database is briefly unavailable"]
    assert len(pass_times) == 3
    # The first pass runs at once; the next ones at the start of each minute.
    assert pass_times[0] == 1_700_000_042.5
    assert pass_times[1] == pytest.approx(1_700_000_100)
    assert pass_times[2] == pytest.approx(1_700_000_160)


def test_a_stop_request_while_waiting_ends_the_loop_without_another_pass():
    clock = FakeClock(start=1_700_000_000)
    stop = StopFlag()
    passes = []

    def stop_a_few_seconds_into_the_wait(seconds):
        clock.sleep(seconds)
        if clock.now >= 1_700_000_005:
            stop.request()

    run_loop(
        lambda: passes.append(clock.now),
        interval=60,
        stop=stop,
        on_failure=pytest.fail,
        clock=clock.time,
        sleep=stop_a_few_seconds_into_the_wait,
    )

    assert passes == [1_700_000_000]
    # It noticed within a second instead of sleeping out the minute.
    assert clock.now < 1_700_000_006


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_during_a_pass_lets_it_finish_then_the_command_exits(monkeypatch, signum):
    handler_before = signal.getsignal(signum)
    passes = []
    connection_checks = []

    def pass_interrupted_by_a_signal(command):
        passes.append("started")
        signal.raise_signal(signum)
        passes.append("finished")

    monkeypatch.setattr(run_scheduler.Command, "run_pass", pass_interrupted_by_a_signal)
    monkeypatch.setattr(
        run_scheduler, "close_old_connections", lambda: connection_checks.append("checked")
    )
    output = StringIO()

    call_command("run_scheduler", "--interval", "1", stdout=output)  # returns: exit status 0

    assert passes == ["started", "finished"]
    # Stale or broken database connections are dropped before and after each pass.
    assert connection_checks == ["checked", "checked"]
    assert "Scheduler started" in output.getvalue()
    assert "Scheduler stopped" in output.getvalue()
    assert signal.getsignal(signum) is handler_before


# --- Times in the admin are New Mexico's -------------------------------------------------------


@pytest.mark.django_db
def test_editors_schedule_in_denver_time_and_cannot_pick_another_zone(client, admin_user, news):
    client.force_login(admin_user)
    article = make_article(news, title="Board meeting")
    # 17:00 UTC on 15 January is 10:00 in Albuquerque (Mountain Standard Time).
    article.go_live_at = datetime.datetime(2030, 1, 15, 17, 0, tzinfo=datetime.UTC)
    article.save_revision()

    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    account_page = client.get(reverse("wagtailadmin_account"))

    assert edit_page.status_code == 200
    assert 'value="2030-01-15 10:00"' in edit_page.content.decode()
    assert account_page.status_code == 200
    assert "Current time zone" not in account_page.content.decode()
