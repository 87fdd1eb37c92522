"""Give every site its editors, moderators, media collection and two-step review workflow.

`migrate` does the same after every run; this command is for a site added or
renamed since, without waiting for the next deployment. Safe to run again.
"""

from django.core.management.base import BaseCommand

from editorial.roles import set_up_all_sites


class Command(BaseCommand):
    help = (
        "Create or update each site's editor and moderator groups, image and document "
        "collection and review workflow. Safe to run any number of times."
    )

    def handle(self, *args, **options):
        reports = set_up_all_sites()
        if not reports:
            self.stdout.write("No sites yet: nothing to set up.")
        for report in reports:
            if report.done:
                self.stdout.write(self.style.SUCCESS(f"{report.site_label}:"))
                for line in report.done:
                    self.stdout.write(f"  {line}")
            else:
                self.stdout.write(f"{report.site_label}: already set up, nothing changed.")
            for line in report.notes:
                self.stdout.write(self.style.WARNING(f"  note: {line}"))
