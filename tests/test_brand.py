"""Each organization's brand, chosen in the admin: palette, typefaces, hero and logo."""

import re

from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from demo.logos import MARKS
from pages.brand import FONT_PAIRINGS, HERO_STYLES
from pages.models import SiteSettings
from tests.factories import make_article, make_news_index, make_site

OTHER_HOST = "third.localhost"
ONE_FONT_VIEW_LIMIT = 80 * 1024


def css_property(css, name):
    match = re.search(rf"--{name}:\s*([^;]+);", css)
    return match.group(1).strip() if match else None


def brand(site, **values):
    SiteSettings.objects.filter(site=site).update(**values)


@pytest.fixture
def site(db):
    return make_site(name="Alliance")


def test_brand_stylesheet_carries_the_palette_and_the_typefaces(client, site):
    brand(
        site,
        brand_color="#0b5d66",
        secondary_color="#24324f",
        accent_color="#e6b566",
        surface_color="#f4efe6",
        font_pairing="civic",
    )

    css = client.get(reverse("brand_stylesheet")).content.decode()

    assert css_property(css, "brand") == "#0b5d66"
    assert css_property(css, "brand-secondary") == "#24324f"
    assert css_property(css, "brand-accent") == "#e6b566"
    assert css_property(css, "brand-surface") == "#f4efe6"
    assert css_property(css, "font-heading").startswith('"Fraunces"')
    assert css_property(css, "font-body").startswith('"Public Sans"')
    faces = re.findall(r"@font-face \{[^}]*\}", css)
    assert len(faces) == 4  # two typefaces, Latin and Latin Extended each
    assert all("font-display: swap" in face and 'format("woff2")' in face for face in faces)


def test_a_third_organization_gets_its_own_look_without_code(client, site):
    third = make_site(hostname=OTHER_HOST, name="Third", default=False)
    brand(site, brand_color="#0b5d66", font_pairing="civic")
    brand(third, brand_color="#5b2a86", accent_color="#9be3c4", font_pairing="friendly")

    first = client.get(reverse("brand_stylesheet")).content.decode()
    other = client.get(reverse("brand_stylesheet"), HTTP_HOST=OTHER_HOST).content.decode()

    assert css_property(other, "brand") == "#5b2a86"
    assert css_property(other, "brand-accent") == "#9be3c4"
    assert css_property(other, "font-body").startswith('"Nunito"')
    assert css_property(first, "brand") == "#0b5d66"


@pytest.mark.parametrize("stored", ["red", "};*{x:", "#12345", ""])
def test_a_color_that_is_not_hex_never_reaches_the_stylesheet(client, site, stored):
    brand(site, accent_color=stored, surface_color=stored)

    css = client.get(reverse("brand_stylesheet")).content.decode()

    assert css_property(css, "brand-accent") == SiteSettings._meta.get_field("accent_color").default
    if stored:
        assert stored not in css


def test_the_system_pairing_downloads_no_font(client, site):
    brand(site, font_pairing="system")

    css = client.get(reverse("brand_stylesheet")).content.decode()
    page = client.get("/").content.decode()

    assert "@font-face" not in css
    assert 'rel="preload"' not in page


@pytest.mark.parametrize("key", [key for key in FONT_PAIRINGS if key != "system"])
def test_pages_preload_the_first_view_fonts_and_they_stay_small(client, site, key):
    brand(site, font_pairing=key)

    soup = BeautifulSoup(client.get("/").content, "html.parser")

    preloads = [link["href"] for link in soup.select('link[rel="preload"][as="font"]')]
    assert preloads == FONT_PAIRINGS[key].preloads()
    assert all(link.has_attr("crossorigin") for link in soup.select('link[rel="preload"]'))
    sizes = [
        len(open(finders.find(href.removeprefix("/static/")), "rb").read()) for href in preloads
    ]
    assert sum(sizes) < ONE_FONT_VIEW_LIMIT


def test_every_vendored_typeface_carries_its_license_and_both_subsets():
    for pairing in FONT_PAIRINGS.values():
        for face in pairing.typefaces:
            license_file = finders.find(f"fonts/{face.folder}/LICENSE")
            assert license_file, face.family
            assert "SIL Open Font License" in open(license_file).read()
            for subset in ("latin", "latin-ext"):
                assert finders.find(face.file(subset).removeprefix("/static/")), (face, subset)


def test_readers_saving_data_get_the_colors_without_web_fonts(client, site):
    brand(site, font_pairing="bold")

    soup = BeautifulSoup(client.get("/", HTTP_SAVE_DATA="on").content, "html.parser")

    assert not soup.select('link[rel="preload"]')
    stylesheet = [
        link["href"] for link in soup.select('link[rel="stylesheet"]') if "brand" in link["href"]
    ]
    assert stylesheet and stylesheet[0].endswith("&fonts=none")
    css = client.get(stylesheet[0]).content.decode()
    assert "@font-face" not in css
    assert css_property(css, "brand")


@pytest.mark.parametrize("style", list(HERO_STYLES))
def test_the_home_page_hero_takes_the_chosen_style(client, site, style):
    brand(site, hero_style=style)

    soup = BeautifulSoup(client.get("/").content, "html.parser")

    assert f"hero--{style}" in soup.select_one("section.hero")["class"]


# --- Logo ------------------------------------------------------------------------------------


def upload(svg, name="logo.svg"):
    return SimpleUploadedFile(name, svg.encode(), content_type="image/svg+xml")


def test_a_site_with_no_logo_shows_its_name_in_the_header(client, site):
    soup = BeautifulSoup(client.get("/").content, "html.parser")

    header = soup.select_one(".site-header__brand")
    assert header.select_one(".site-header__name").get_text(strip=True) == "Alliance"
    assert header.select_one("img") is None


def test_an_svg_logo_is_shown_in_the_header_and_served_inert(client, site):
    settings = SiteSettings.objects.get(site=site)
    settings.logo_svg.save("alliance.svg", ContentFile(MARKS["alliance"].encode()))

    soup = BeautifulSoup(client.get("/").content, "html.parser")
    logo = soup.select_one(".site-header__logo")
    icon = soup.select_one('link[rel="icon"]')

    assert logo["src"].startswith(reverse("brand_logo"))
    assert icon["href"] == logo["src"] and icon["type"] == "image/svg+xml"
    assert soup.select_one(".site-header__name").get_text(strip=True) == "Alliance"
    response = client.get(logo["src"])
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert "script-src" not in response["Content-Security-Policy"]
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    assert b"<svg" in response.content


def test_the_logo_address_answers_404_where_there_is_no_svg_logo(client, site):
    assert client.get(reverse("brand_logo")).status_code == 404
    assert client.get(reverse("brand_logo"), HTTP_HOST="unknown.example").status_code in (400, 404)


@pytest.mark.parametrize(
    "svg",
    [
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="4"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.com/x.png"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
        '<use x:href="https://example.com/sprite.svg#a"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://example.com/a)"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
        '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
        "<html><body>not a logo</body></html>",
        "this is not xml <",
    ],
)
def test_the_admin_refuses_an_svg_logo_that_could_run_or_fetch_anything(client, site, svg):
    response = post_settings(client, site, logo_svg=upload(svg))

    assert response.status_code == 200
    assert response.context["form"].errors["logo_svg"]
    assert not SiteSettings.objects.get(site=site).logo_svg


def test_the_admin_accepts_a_plain_drawn_logo(client, site):
    response = post_settings(client, site, logo_svg=upload(MARKS["kidscan"]))

    assert response.status_code == 302
    assert SiteSettings.objects.get(site=site).logo_svg


# --- The admin's palette checks --------------------------------------------------------------


def post_settings(client, site, **changes):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "password")
    client.force_login(admin)
    data = {
        "organization_name": "Alliance",
        "logo": "",
        "brand_color": "#0b5d66",
        "secondary_color": "#24324f",
        "accent_color": "#e6b566",
        "surface_color": "#f4efe6",
        "font_pairing": "civic",
        "hero_style": "photo",
        "contact_email": "",
        "facebook_url": "",
        "instagram_url": "",
        "x_url": "",
        "youtube_url": "",
        "linkedin_url": "",
        **changes,
    }
    url = reverse("wagtailsettings:edit", args=["pages", "sitesettings", site.pk])
    return client.post(url, data)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("secondary_color", "#cccccc"),  # white text on it would be unreadable
        ("accent_color", "#333333"),  # dark text on it would be unreadable
        ("surface_color", "#555555"),
        ("font_pairing", "comic-sans"),
        ("hero_style", "marquee"),
    ],
)
def test_the_admin_refuses_an_unreadable_or_unknown_choice(client, site, field, value):
    response = post_settings(client, site, **{field: value})

    assert response.status_code == 200
    assert response.context["form"].errors[field]


def test_the_admin_refuses_a_surface_on_which_links_would_be_unreadable(client, site):
    # Each color passes on its own; links in the primary color on this surface do not.
    response = post_settings(client, site, brand_color="#5a6b7c", surface_color="#d8dde3")

    assert response.status_code == 200
    assert "Links in the primary color" in " ".join(
        response.context["form"].errors["surface_color"]
    )


def test_the_admin_saves_a_readable_palette(client, site):
    response = post_settings(client, site)

    assert response.status_code == 302
    saved = SiteSettings.objects.get(site=site)
    assert (saved.font_pairing, saved.hero_style, saved.accent_color) == (
        "civic",
        "photo",
        "#e6b566",
    )


# --- Reading pages ---------------------------------------------------------------------------


def test_a_long_article_lists_its_sections_beside_the_text(client, site):
    index = make_news_index(site.root_page)
    body = [
        ("heading", {"text": "Why it matters", "level": "h2", "anchor": ""}),
        ("paragraph", "<p>Because.</p>"),
        ("heading", {"text": "What you can do", "level": "h2", "anchor": "act"}),
        ("paragraph", "<p>Write.</p>"),
    ]
    article = make_article(index, body=body)

    soup = BeautifulSoup(client.get(article.url).content, "html.parser")

    contents = soup.select(".reading__aside .contents a")
    assert [(a.get_text(), a["href"]) for a in contents] == [
        ("Why it matters", "#why-it-matters"),
        ("What you can do", "#act"),
    ]
    for link in contents:
        assert soup.find(id=link["href"][1:])
    assert soup.select_one(".reading__aside .share")
