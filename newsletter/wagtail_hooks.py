"""Newsletter subscribers in the admin: listed, filtered, searched, exported; never typed in.

Staff see only the subscribers of newsletters whose page they may edit
(superusers see every site's). Nobody adds or edits subscribers by hand:
everyone on the list confirmed their own address. Moderators may delete one
(for example when someone asks to be forgotten); see editorial/roles.py.
"""

from django import forms

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

import django_filters

from editorial.visitor_records import (
    VisitorRecordDeleteView,
    VisitorRecordIndexView,
    VisitorRecordPermissionPolicy,
    pages_user_may_edit,
)

from .models import NewsletterPage, Subscriber


def newsletters_for(user):
    """The (default language's) newsletter pages whose subscribers `user` may see."""
    return pages_user_may_edit(user, NewsletterPage.objects.all())


SUBSCRIBER_POLICY = VisitorRecordPermissionPolicy(Subscriber, "newsletter", newsletters_for)
register_permission_policy(Subscriber, SUBSCRIBER_POLICY)


class NewsletterChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        site = obj.get_site()
        return (site.site_name or site.hostname) if site else obj.title


class NewsletterFilter(django_filters.ModelChoiceFilter):
    field_class = NewsletterChoiceField


def _user_newsletters(request):
    return newsletters_for(request.user) if request else NewsletterPage.objects.none()


class SubscriberFilterSet(WagtailFilterSet):
    newsletter = NewsletterFilter(queryset=_user_newsletters, label="Site")
    status = django_filters.ChoiceFilter(choices=Subscriber.Status.choices)
    language = django_filters.ChoiceFilter(choices=Subscriber._meta.get_field("language").choices)

    class Meta:
        model = Subscriber
        fields = ["newsletter", "status", "language"]


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = "Newsletter subscribers"
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = VisitorRecordIndexView
    delete_view_class = VisitorRecordDeleteView
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["status"]  # never offered: nobody has "add" or "change"
    filterset_class = SubscriberFilterSet
    search_fields = ["email"]
    list_display = [
        "email",
        Column("status", label="Status", accessor="get_status_display"),
        Column("language", label="Language", accessor="get_language_display"),
        Column("site_name", label="Site"),
        DateColumn("created_at", label="Signed up"),
        DateColumn("confirmed_at", label="Confirmed"),
    ]
    list_export = [
        "email",
        "status",
        "language",
        "site_name",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
        "unsubscribe_url",
    ]
    export_headings = {
        "email": "Email",
        "status": "Status",
        "language": "Language",
        "site_name": "Site",
        "created_at": "Signed up",
        "confirmed_at": "Confirmed",
        "unsubscribed_at": "Unsubscribed",
        "unsubscribe_url": "Unsubscribe URL",
    }
    export_filename = "newsletter-subscribers"


@hooks.register("register_admin_viewset")
def register_subscriber_viewset():
    return SubscriberViewSet("newsletter_subscribers")
