"""Erase take-action participants' details after their site's retention period (run hourly).

`run_scheduler` runs it (settings.SCHEDULED_HOUSEKEEPING). Each site keeps
details as long as its take-action settings say; the rows stay, anonymous,
so every action's count and the daily cap's record are unchanged.
"""

from django.core.management.base import BaseCommand

from wagtail.models import Site

from campaigns.models import CampaignSettings
from campaigns.participants import erase_expired


class Command(BaseCommand):
    help = "Erase the details of take-action participants kept longer than their site allows."

    def handle(self, *args, **options):
        erased = 0
        for site in Site.objects.order_by("pk"):
            erased += erase_expired(site, CampaignSettings.for_site(site).retention_days)
        self.stdout.write(f"Erased the details of {erased} action participant(s).")
