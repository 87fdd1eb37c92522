"""Publish and unpublish scheduled content on time: Wagtail's `publish_scheduled`, every minute.

Editors set "Go-live date/time" and "Expiry date/time" on a page (or a
snippet with drafts); Wagtail only records the wish. Something has to run
`publish_scheduled` for the page to appear or disappear, and this is it:

    python manage.py run_scheduler          # a pass now, then at the start of every minute
    python manage.py run_scheduler --once   # one pass, for cron

`make run` starts it beside the development server. In production it runs as
its own process (same image, same environment), or `--once` from cron.

Once an hour (and on the first pass) it also runs the housekeeping commands
`settings.SCHEDULED_HOUSEKEEPING` names, such as deleting newsletter sign-ups
nobody confirmed, so a deployment needs no second cron job. They are named in
settings so this app imports none of the apps whose data they tidy.
"""

import signal
import time
import traceback
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections
from django.utils import timezone

from wagtail.log_actions import LogContext
from wagtail.models import ModelLogEntry, PageLogEntry

# The actions `publish_scheduled` records in each object's history.
PUBLISHED = "wagtail.publish.scheduled"
UNPUBLISHED = "wagtail.unpublish.scheduled"

# How long the loop sleeps at most before looking at the stop flag again, so
# SIGTERM stops an idle scheduler within a second rather than at the next minute.
STOP_CHECK_SECONDS = 0.5


class StopFlag:
    """Set by SIGTERM/SIGINT; the loop checks it between passes, never in the middle of one.

    A plain attribute, not a threading.Event: a signal handler that takes a
    lock the interrupted code may be holding can deadlock.
    """

    def __init__(self):
        self.requested = False

    def request(self, signum=None, frame=None):
        self.requested = True


def seconds_until_next_tick(now, interval):
    """Seconds from `now` (epoch seconds) to the next multiple of `interval`.

    With 60 this is the start of the next minute, which is the same instant in
    UTC and in America/Denver (their offsets are whole hours).
    """
    return interval - (now % interval)


def run_loop(run_pass, *, interval, stop, on_failure, clock=time.time, sleep=time.sleep):
    """Call `run_pass` now and then at every `interval` boundary until `stop` is requested.

    A pass that raises is handed to `on_failure` and the loop carries on: a
    database that is briefly unreachable must not end scheduled publishing.
    """
    while not stop.requested:
        try:
            run_pass()
        except Exception as error:
            on_failure(error)
        now = clock()
        wake_at = now + seconds_until_next_tick(now, interval)
        while not stop.requested:
            remaining = wake_at - clock()
            if remaining <= 0:
                break
            sleep(min(remaining, STOP_CHECK_SECONDS))


def scheduled_changes(pass_id):
    """(published, unpublished) labels of what the pass with this log-context id changed.

    Read back from the history Wagtail writes for each object, so the report
    says what really happened, and only in this pass, even if another
    scheduler runs at the same time.
    """
    published, unpublished = [], []
    actions = [PUBLISHED, UNPUBLISHED]
    page_entries = PageLogEntry.objects.filter(uuid=pass_id, action__in=actions).select_related(
        "content_type", "page__content_type"
    )
    for entry in page_entries.order_by("timestamp", "pk"):
        # Expired pages are unpublished through the base Page model, so the
        # entry's own content type says only "page"; the page's says which kind.
        kind = entry.page.content_type if entry.page else entry.content_type
        label = f'"{entry.label}" ({kind.name} {entry.page_id})'
        (published if entry.action == PUBLISHED else unpublished).append(label)
    model_entries = ModelLogEntry.objects.filter(uuid=pass_id, action__in=actions).select_related(
        "content_type"
    )
    for entry in model_entries.order_by("timestamp", "pk"):
        label = f'"{entry.label}" ({entry.content_type.name} {entry.object_id})'
        (published if entry.action == PUBLISHED else unpublished).append(label)
    return published, unpublished


class Command(BaseCommand):
    help = (
        "Publish and unpublish scheduled pages and snippets (Wagtail's publish_scheduled): "
        "a pass now, then at the start of every minute until stopped. "
        "SIGTERM or Ctrl-C lets the current pass finish, then exits."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once",
            action="store_true",
            help="Run a single pass and exit (for cron: every minute). Exits 1 if the pass fails.",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=60.0,
            help="Seconds between passes, aligned to multiples of it (default 60: each minute).",
        )

    def handle(self, *args, once=False, interval=60.0, **options):
        if interval <= 0:
            raise CommandError("--interval must be a positive number of seconds.")
        if once:
            try:
                self.run_pass()
            except Exception as error:
                self.report_failure(error)
                raise CommandError("The scheduled publishing pass failed.") from error
            return

        stop = StopFlag()
        previous_handlers = {
            signum: signal.signal(signum, stop.request)
            for signum in (signal.SIGTERM, signal.SIGINT)
        }
        self.stdout.write(f"{self.now()} Scheduler started: a pass every {interval:g} s.")
        try:
            run_loop(
                self.run_pass_with_fresh_connection,
                interval=interval,
                stop=stop,
                on_failure=self.report_failure,
            )
        finally:
            for signum, handler in previous_handlers.items():
                signal.signal(signum, handler)
        self.stdout.write(f"{self.now()} Scheduler stopped.")

    def now(self):
        """The current time in TIME_ZONE (America/Denver), as editors set schedules."""
        return timezone.localtime().strftime("%Y-%m-%d %H:%M:%S %Z")

    def run_pass(self):
        """Scheduled publishing, then (hourly) housekeeping."""
        self.publish_scheduled()
        if self.housekeeping_due():
            self.run_housekeeping()

    def housekeeping_due(self):
        first_pass = not getattr(self, "_housekept", False)
        self._housekept = True
        return first_pass or timezone.now().minute == 0

    def run_housekeeping(self):
        for name in getattr(settings, "SCHEDULED_HOUSEKEEPING", []):
            output = StringIO()
            call_command(name, stdout=output)
            for line in output.getvalue().splitlines():
                if line.strip():
                    self.stdout.write(f"{self.now()} {name}: {line}")

    def publish_scheduled(self):
        """One `publish_scheduled` run, reported with what it published and unpublished."""
        wagtail_output = StringIO()
        with LogContext() as log_context:
            call_command("publish_scheduled", stdout=wagtail_output, stderr=wagtail_output)
        published, unpublished = scheduled_changes(log_context.uuid)
        self.stdout.write(
            f"{self.now()} Scheduled publishing pass: "
            f"{len(published)} published, {len(unpublished)} unpublished."
        )
        for label in published:
            self.stdout.write(f"  published {label}")
        for label in unpublished:
            self.stdout.write(f"  unpublished {label}")
        for line in wagtail_output.getvalue().splitlines():
            if line.strip():
                self.stdout.write(f"  {line}")

    def run_pass_with_fresh_connection(self):
        """A pass as a request would see the database: dropping a broken or stale connection.

        After the database went away, the old connection stays unusable;
        closing it lets the next pass reconnect. (Not done for --once: that
        process starts with a fresh connection, and closing one inside a test's
        transaction would break the test.)
        """
        close_old_connections()
        try:
            self.run_pass()
        finally:
            close_old_connections()

    def report_failure(self, error):
        self.stderr.write(
            f"{self.now()} Scheduled publishing pass failed, trying again at the next one: "
            f"{type(error).__name__}: {error}"
        )
        self.stderr.write("".join(traceback.format_exception(error)).rstrip())
