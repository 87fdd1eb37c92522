"""The demo's newsletter pages: one per site, in English and Spanish, out of the header menu."""

import re
from io import StringIO

from django.core.management import call_command

import pytest

from newsletter.models import NewsletterPage, Subscriber

pytestmark = pytest.mark.django_db

PAGES = [
    ("localhost", "/newsletter/", "Newsletter", "One e-mail a month"),
    ("localhost", "/es/boletin/", "Boletín", "Un correo al mes"),
    ("kidscan.localhost", "/newsletter/", "Newsletter", "about twice a month"),
    ("kidscan.localhost", "/es/boletin/", "Boletín", "unas dos veces al mes"),
]


@pytest.mark.parametrize(("host", "path", "title", "intro"), PAGES)
def test_each_site_has_a_newsletter_page_in_both_languages(client, demo, host, path, title, intro):
    response = client.get(path, headers={"host": host})
    html = response.content.decode()
    assert response.status_code == 200
    assert f'page-header__title">{title}</h1>' in html
    assert intro in html
    assert 'name="email"' in html


def test_newsletter_pages_are_real_translations_left_out_of_the_menu(demo):
    pages = NewsletterPage.objects.all()
    assert pages.count() == 4
    assert not pages.filter(show_in_menus=True).exists()
    assert not pages.filter(alias_of__isnull=False).exists()
    assert not Subscriber.objects.exists()


def test_loading_the_demo_again_changes_nothing(demo):
    before = list(NewsletterPage.objects.order_by("pk").values_list("pk", "title", "slug"))
    call_command("load_demo_content", stdout=StringIO())
    after = list(NewsletterPage.objects.order_by("pk").values_list("pk", "title", "slug"))
    assert after == before


FOOTER_LINKS = [
    ("localhost", "/", ["/partners/", "/newsletter/", "/privacy/"]),
    ("localhost", "/es/", ["/es/socios/", "/es/boletin/", "/es/privacidad/"]),
    ("kidscan.localhost", "/es/", ["/es/socios/", "/es/boletin/", "/es/privacidad/"]),
]


@pytest.mark.parametrize(("host", "path", "expected"), FOOTER_LINKS)
def test_sections_kept_out_of_the_header_are_linked_from_the_footer(
    client, demo, host, path, expected
):
    """Partners and the newsletter, left out of the full header, are one tap away on every page."""
    html = client.get(path, headers={"host": host}).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    links = re.findall(r'<li><a href="(/[^"]*)">', footer)
    assert links == expected
