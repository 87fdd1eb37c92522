"""Delete newsletter sign-ups never confirmed within the link's seven days (run daily from cron)."""

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from newsletter.models import CONFIRMATION_VALID_FOR, Subscriber


class Command(BaseCommand):
    help = "Delete pending newsletter sign-ups whose confirmation link has expired."

    def handle(self, *args, **options):
        cutoff = timezone.now() - CONFIRMATION_VALID_FOR
        stale = Subscriber.objects.filter(status=Subscriber.Status.PENDING).filter(
            Q(confirmation_sent_at__lt=cutoff)
            | Q(confirmation_sent_at__isnull=True, created_at__lt=cutoff)
        )
        deleted, _ = stale.delete()
        self.stdout.write(f"Deleted {deleted} unconfirmed newsletter sign-up(s).")
