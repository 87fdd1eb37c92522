"""The editors' guide in the admin: with its pictures, linked from the dashboard and Help menu."""

from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from editorial.roles import SiteRoles, set_up_all_sites
from tests.factories import make_site

pytestmark = pytest.mark.django_db

GUIDE = "/admin/editorial/guide/"


@pytest.fixture
def editor(client):
    site = make_site()
    set_up_all_sites()
    user = get_user_model().objects.create_user("guide-reader", "r@example.org", "a-password")
    user.groups.add(SiteRoles.objects.get(site=site).editors)
    client.force_login(user)
    return user


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def test_the_guide_reads_as_the_docs_write_it(client, editor):
    page = soup_of(client.get(GUIDE))

    headings = [heading.get_text(strip=True) for heading in page.select(".editors-guide h2")]
    assert headings[:2] == ["1. Signing in", "2. Writing an article"]
    assert page.select(".editors-guide table")  # the article fields, as a table


def test_every_contents_link_leads_to_its_section(client, editor):
    page = soup_of(client.get(GUIDE))

    anchors = [link["href"][1:] for link in page.select(".editors-guide a[href^='#']")]
    assert len(anchors) >= 10
    assert all(page.find(id=anchor) for anchor in anchors), anchors


def test_every_picture_of_the_guide_is_served(client, editor):
    page = soup_of(client.get(GUIDE))

    pictures = [image["src"] for image in page.select(".editors-guide img")]
    assert len(pictures) >= 10
    for src in pictures:
        assert src.startswith("/admin/editorial/guide/pictures/"), src
        response = client.get(src)
        assert response.status_code == 200, src
        assert response["Content-Type"] in ("image/png", "image/webp")
        assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("name", ["nothing.png", "..%2Feditors.md", "01-sign-in.svg", "a b.png"])
def test_anything_else_under_the_pictures_address_is_not_found(client, editor, name):
    response = client.get(f"/admin/editorial/guide/pictures/{name}", follow=True)

    assert response.status_code == 404


def test_the_dashboard_and_the_help_menu_lead_to_the_guide(client, editor):
    dashboard = soup_of(client.get(reverse("wagtailadmin_home")))

    assert dashboard.select_one(f".editors-guide-panel a[href='{GUIDE}']") is not None
    # The sidebar's menus are data the admin's script draws.
    sidebar = dashboard.select_one("#wagtail-sidebar-props").get_text()
    assert "Our editors' guide" in sidebar
    assert GUIDE in sidebar


def test_someone_signed_out_is_sent_to_sign_in(client):
    response = client.get(GUIDE)

    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))
