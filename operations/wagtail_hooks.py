"""Admin hooks for how the installation runs: what staff should know about its set-up."""

from django.conf import settings

from wagtail import hooks
from wagtail.admin.ui.components import Component


class EmailOffPanel(Component):
    """Tells staff that no e-mail goes out (production with DJANGO_EMAIL_DISABLED=true).

    Without it an editor would wait for a review notification and a visitor's
    newsletter sign-up would stay unconfirmed, and nobody would know why.
    """

    name = "email_off"
    # First on the dashboard: it explains what the panels below it cannot do.
    order = 10
    template_name = "operations/email_off_panel.html"


@hooks.register("construct_homepage_panels")
def say_when_email_is_off(request, panels):
    # Only production settings define it; elsewhere mail goes to the console or memory.
    if getattr(settings, "EMAIL_DISABLED", False):
        panels.append(EmailOffPanel())
