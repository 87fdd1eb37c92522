"""Take-action pages in the admin: who took part (moderators only), and warnings for editors.

Participants are listed, filtered by action, searched and exported (CSV,
XLSX) only for actions whose page the user may edit, and only by those with
the model's view permission: each site's moderators (editorial/roles.py).
Editors see nothing of them; nobody adds or edits one by hand. A moderator
may delete a participant (someone asking to be forgotten); the letters'
record for the daily cap stays, without them.

Saving an action that the site e-mails, with decision makers who have no
e-mail address (or with nobody to write to), tells the editor at once:
those people would be skipped.
"""

from django import forms
from django.contrib import messages

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale
from wagtail.permissions import register_permission_policy

import django_filters

from editorial.visitor_records import (
    VisitorRecordDeleteView,
    VisitorRecordIndexView,
    VisitorRecordPermissionPolicy,
    pages_user_may_edit,
)

from .models import ActionPage, Delivery, Participant


def actions_for(user):
    """The (default language's) action pages whose participants `user` may see."""
    return pages_user_may_edit(user, ActionPage.objects.filter(locale=Locale.get_default()))


PARTICIPANT_POLICY = VisitorRecordPermissionPolicy(Participant, "action", actions_for)
register_permission_policy(Participant, PARTICIPANT_POLICY)


class ActionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        site = obj.get_site()
        return f"{obj.title} ({site.site_name or site.hostname})" if site else obj.title


class ActionFilter(django_filters.ModelChoiceFilter):
    field_class = ActionChoiceField


def _user_actions(request):
    return actions_for(request.user) if request else ActionPage.objects.none()


class ParticipantFilterSet(WagtailFilterSet):
    action = ActionFilter(queryset=_user_actions, label="Action")
    language = django_filters.ChoiceFilter(choices=Participant._meta.get_field("language").choices)

    class Meta:
        model = Participant
        fields = ["action", "language"]


class ParticipantIndexView(VisitorRecordIndexView):
    def get_base_queryset(self):
        participants = super().get_base_queryset().select_related("action", "site")
        # Whom the letters went to is an export column only.
        if self.is_export:
            participants = participants.prefetch_related("deliveries__decision_maker")
        return participants


class ParticipantViewSet(ModelViewSet):
    model = Participant
    icon = "mail"
    menu_label = "Action participants"
    menu_order = 255
    add_to_admin_menu = True
    index_view_class = ParticipantIndexView
    delete_view_class = VisitorRecordDeleteView
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["name"]  # never offered: nobody has "add" or "change"
    filterset_class = ParticipantFilterSet
    search_fields = ["name", "email", "town"]
    list_display = [
        "name",
        "email",
        "town",
        Column("action_title", label="Action"),
        Column("language", label="Language", accessor="get_language_display"),
        DateColumn("created_at", label="Took part"),
    ]
    list_export = [
        "name",
        "email",
        "town",
        "action_title",
        "site_name",
        "language",
        "letters_to",
        "subject",
        "letter",
        "created_at",
        "erased_at",
    ]
    export_headings = {
        "name": "Name",
        "email": "Email",
        "town": "Town or ZIP code",
        "action_title": "Action",
        "site_name": "Site",
        "language": "Language",
        "letters_to": "Letters",
        "subject": "Subject",
        "letter": "Letter",
        "created_at": "Took part",
        "erased_at": "Details erased",
    }
    export_filename = "action-participants"


@hooks.register("register_admin_viewset")
def register_participant_viewset():
    return ParticipantViewSet("action_participants")


def unreachable_targets(page):
    """The names of the action's decision makers this site could not e-mail."""
    return [row.decision_maker.name for row in page.targets.all() if not row.decision_maker.email]


def warn_about_unreachable_targets(request, page):
    if not isinstance(page, ActionPage):
        return
    # The rows as the editor just saved them (in memory, with the revision).
    if not list(page.targets.all()):
        messages.warning(
            request,
            f"“{page.title}” has no decision makers yet: add the people its letters go to.",
        )
        return
    missing = unreachable_targets(page)
    if missing:
        how = "this site emails" if page.delivery == Delivery.EMAIL else "visitors email"
        messages.warning(
            request,
            f"“{page.title}”: {how} each letter, but {', '.join(missing)} "
            "has no email address and will be skipped. Add one under Decision makers.",
        )


@hooks.register("after_create_page")
def warn_after_creating(request, page):
    warn_about_unreachable_targets(request, page)


@hooks.register("after_edit_page")
def warn_after_editing(request, page):
    warn_about_unreachable_targets(request, page)
