"""Demo staff: one editor and one moderator per demo site, to try the review workflow locally.

They exist only where settings turn `DEMO_STAFF_ACCOUNTS` on (development
and the test suite); base and production settings leave it off, and
`create_demo_staff` refuses to run there, so no real database gets an
account whose password is written in the README.

Every demo account has the same password: `DEMO_STAFF_PASSWORD` from the
environment, or DEFAULT_PASSWORD. An account that already exists keeps its
password (someone may have changed it) and is only put back in its groups.
"""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.utils.text import slugify

from editorial.models import SiteRoles
from editorial.roles import set_up_all_sites

from . import content

DEFAULT_PASSWORD = "demo-staff-local-only"
PASSWORD_VARIABLE = "DEMO_STAFF_PASSWORD"

# Short names for the demo organizations, used in their staff usernames.
ACCOUNT_PREFIXES = {
    content.ALLIANCE["hostname"]: "alliance",
    content.KIDSCAN["hostname"]: "kidscan",
}


def demo_staff_enabled():
    return getattr(settings, "DEMO_STAFF_ACCOUNTS", False)


def account_prefix(site):
    """'alliance' for localhost, 'kidscan' for kidscan.localhost, else the host's first label."""
    if site.hostname in ACCOUNT_PREFIXES:
        return ACCOUNT_PREFIXES[site.hostname]
    first_label = site.hostname.split(".")[0]
    if first_label == "localhost" or first_label.isdigit():
        return slugify(site.site_name) or "site"
    return slugify(first_label)


def demo_staff_usernames(site):
    """(editor, moderator) usernames of the site's demo staff."""
    prefix = account_prefix(site)
    return f"{prefix}-editor", f"{prefix}-moderator"


def demo_staff_email(username):
    return f"{username}@example.org"


def create_demo_staff(site):
    """The site's demo editor and moderator, in the site's groups; returns the usernames created.

    Needs the site's roles (`editorial.roles.set_up_site_roles`) to exist.
    """
    if not demo_staff_enabled():
        raise ImproperlyConfigured(
            "Demo staff accounts have a published password: they are made only where "
            "settings.DEMO_STAFF_ACCOUNTS is on (development and tests)."
        )
    roles = SiteRoles.objects.filter(site=site).select_related("editors", "moderators").first()
    if roles is None or roles.editors is None or roles.moderators is None:
        raise ValueError(f"{site} has no editorial roles yet: run set_up_editorial_roles first.")
    password = os.environ.get(PASSWORD_VARIABLE) or DEFAULT_PASSWORD
    User = get_user_model()
    created = []
    editor, moderator = demo_staff_usernames(site)
    for username, group, role in (
        (editor, roles.editors, "Editor"),
        (moderator, roles.moderators, "Moderator"),
    ):
        # An address on the domain reserved for examples, so review e-mails
        # are sent (to the console in development) and reach nobody real.
        user, is_new = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": role,
                "last_name": f"({site.site_name or site.hostname})",
                "email": demo_staff_email(username),
            },
        )
        if is_new:
            user.set_password(password)
            user.save()
            created.append(username)
        elif not user.email:
            user.email = demo_staff_email(username)
            user.save(update_fields=["email"])
        user.groups.add(group)
    return created


def set_up_roles_and_demo_staff(sites, log=print):
    """Every site's roles (see editorial.roles), then demo staff for `sites` where allowed."""
    for report in set_up_all_sites():
        for line in report.done:
            log(f"Editorial roles, {report.site_label}: {line}")
    if not demo_staff_enabled():
        log("Demo staff accounts are off in these settings (DEMO_STAFF_ACCOUNTS); none made.")
        return
    for site in sites:
        for username in create_demo_staff(site):
            log(f"Demo staff account '{username}' created (password: see README).")
