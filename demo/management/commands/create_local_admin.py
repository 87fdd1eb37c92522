"""A Wagtail admin account for trying the site on your own machine.

The password is generated and printed once, when the account is made; it is
never stored anywhere but the (hashed) database row. Refuses to run outside
development settings, so no production database ever gets this account.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


class Command(BaseCommand):
    help = "Create a local-only admin account with a generated password (development only)."

    def handle(self, *args, **options):
        # Production settings force DEBUG off, so this can never run there.
        if not settings.DEBUG:
            raise CommandError(
                "create_local_admin is for local development only (DEBUG must be on)."
            )
        User = get_user_model()
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(
                f"Admin account '{USERNAME}' already exists; its password was printed when it was "
                f"created. Forgot it? Run: .venv/bin/python manage.py changepassword {USERNAME}"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(USERNAME, email="admin@localhost", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Sign in to /admin/ as '{USERNAME}' with password: {password}\n"
                "  (shown only this once; this account exists only in your local database)"
            )
        )
