"""What happens when content changes under a page: unpublished links, missing settings, media."""

import io

from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.test import override_settings

from wagtail.documents import get_document_model
from wagtail.rich_text import RichText

import pytest
from bs4 import BeautifulSoup

from pages.models import SiteSettings
from tests.factories import make_image, make_mission, make_private, make_site, make_standard

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def test_links_to_a_page_unpublished_since_are_left_out(client):
    """A button or hero link to a page taken offline disappears instead of leading to a 404."""
    site = make_site()
    home = site.root_page.specific
    target = make_standard(home, title="Survey")
    home.hero_link_page = target
    home.hero_link_label = "Take the survey"
    home.body = [
        (
            "call_to_action",
            {"heading": "Have your say", "text": "", "link": {"page": target, "label": "Go"}},
        ),
        ("paragraph", RichText("<p>Intro</p>")),
    ]
    home.save_revision().publish()

    before = soup_of(client.get("/"))
    assert before.find("a", string="Take the survey")["href"] == target.url
    assert before.select_one(".call-to-action a")["href"] == target.url

    target.unpublish()
    after = soup_of(client.get("/"))
    assert after.find("a", string="Take the survey") is None
    assert after.select_one(".call-to-action a") is None
    # The appeal itself stays readable.
    assert after.select_one(".call-to-action h2").get_text(strip=True) == "Have your say"


def test_pillar_link_to_an_unpublished_page_is_left_out(client):
    """A mission pillar's 'More about' link goes away when its page is unpublished."""
    site = make_site()
    target = make_standard(site.root_page, title="Our data")
    mission = make_mission(site.root_page, pillars=("Trustworthy Information",))
    pillar = mission.pillars.get()
    pillar.link_page = target
    pillar.save()

    assert "More about Trustworthy Information" in client.get(mission.url).content.decode()
    target.unpublish()
    assert "More about Trustworthy Information" not in client.get(mission.url).content.decode()


def test_site_without_settings_is_named_after_its_site(client):
    """A new site nobody has configured yet still shows its own name, never a blank."""
    site = make_site(name="Placeholder")
    SiteSettings.objects.filter(site=site).delete()
    site.site_name = "Santa Fe Families"
    site.save()

    soup = soup_of(client.get("/"))

    assert soup.select_one(".site-header__name").get_text(strip=True) == "Santa Fe Families"
    assert soup.select_one(".site-footer__name").get_text(strip=True) == "Santa Fe Families"


def test_home_page_title_is_not_the_name_twice(client):
    """The browser tab for the home page reads the page title once, not 'Name | Name'."""
    site = make_site(name="Learning Alliance")
    title = soup_of(client.get("/")).title.get_text(strip=True)
    assert title == site.root_page.title
    other = make_standard(site.root_page, title="About us")
    assert (
        soup_of(client.get(other.url)).title.get_text(strip=True) == "About us | Learning Alliance"
    )


def test_private_page_asks_for_its_password_inside_the_site_layout(client):
    """A password-protected page shows a labelled password form with the site's header."""
    site = make_site(name="Learning Alliance")
    page = make_standard(site.root_page, title="Board papers")
    make_private(page, password="s3cret")

    soup = soup_of(client.get(page.url))

    assert soup.select_one(".site-header__name").get_text(strip=True) == "Learning Alliance"
    password = soup.find("input", attrs={"type": "password"})
    assert soup.find("label", attrs={"for": password["id"]}) is not None
    assert "Board papers" not in soup.select_one("main").get_text()


def test_a_private_pages_password_form_tells_crawlers_nothing_about_it(client):
    """No summary, author or headline of the private page in JSON-LD or link-preview tags."""
    site = make_site(name="Learning Alliance")
    page = make_standard(
        site.root_page,
        title="Board papers",
        listing_summary="Minutes of the closed session on the superintendent search.",
    )
    make_private(page, password="s3cret")

    html = client.get(page.url).content.decode()

    assert "superintendent search" not in html
    assert "application/ld+json" not in html
    assert 'property="og:' not in html


def test_uploaded_images_are_served_but_document_files_are_not(client):
    """Pictures load; a document's file is only reachable through Wagtail's privacy check."""
    image = make_image()
    assert client.get(image.file.url).status_code == 200

    Document = get_document_model()
    document = Document(title="Minutes")
    document.file.save("minutes.txt", ContentFile(b"private minutes"), save=True)
    assert document.file.url.startswith("/media/documents/")
    assert client.get(document.file.url).status_code == 404


@override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["example.org"])
def test_health_check_answers_a_load_balancer_probing_by_ip_over_http(client):
    """Probes by IP over plain HTTP get 200 'ok', not a 400 for the host or a redirect."""
    response = client.get("/healthz/", HTTP_HOST="10.0.0.5:8000")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert client.get("/", HTTP_HOST="example.org").status_code == 301


def test_local_admin_is_refused_outside_development():
    """The local admin account with a printed password can never be made in production."""
    with pytest.raises(CommandError, match="local development only"):
        call_command("create_local_admin", stdout=io.StringIO())


@override_settings(DEBUG=True)
def test_local_admin_password_is_printed_once(django_user_model):
    """The first run creates the account and shows its password; later runs never show it."""
    first, second = io.StringIO(), io.StringIO()
    call_command("create_local_admin", stdout=first)
    call_command("create_local_admin", stdout=second)

    password = first.getvalue().split("password: ")[1].split()[0]
    admin = django_user_model.objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password)
    assert password not in second.getvalue()
    assert "already exists" in second.getvalue()
