from django.core.management.base import BaseCommand

from demo.loader import DemoLoader


class Command(BaseCommand):
    help = (
        "Build both demo organizations' sites (pages, images, topics, site settings). "
        "Safe to run again: existing content is left exactly as it is."
    )

    def handle(self, *args, **options):
        created = DemoLoader(log=lambda message: self.stdout.write(message)).run()
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content ready: {created} pages created."))
        else:
            self.stdout.write("Demo content already present; nothing changed.")
