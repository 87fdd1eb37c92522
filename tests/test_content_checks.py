"""Editors' accessibility checks (userbar, and the editor's Checks panel) run every axe rule.

Visitors get none of it: no userbar, and still no inline script.
"""

import json

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest
from bs4 import BeautifulSoup

from tests.factories import make_article, make_news_index, make_site

pytestmark = pytest.mark.django_db

# Wagtail's own checks, which must survive the switch to every rule.
WAGTAIL_RULES = {"alt-text-quality", "empty-meta-description"}


@pytest.fixture
def article():
    site = make_site(name="Learning Alliance")
    return make_article(make_news_index(site.root_page), title="Forums announced")


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    return user


def axe_configuration(html):
    """The checker's settings, from the JSON data block Wagtail renders for its script."""
    data = BeautifulSoup(html, "html.parser").find("script", id="checker-axe-configuration")
    assert data is not None, "no content checker on the page"
    assert data["type"] == "application/json"
    return json.loads(data.string)


def inline_scripts(soup):
    """Every <script> without a src, those inside <template> too (CSS selectors skip them)."""
    return [script for script in soup.find_all("script") if not script.get("src")]


def assert_runs_every_rule(configuration):
    options = configuration["options"]
    # No runOnly: axe runs every rule that is not experimental (contrast, landmarks, ARIA...).
    assert "runOnly" not in options
    assert not any(rule.get("enabled") is False for rule in options.get("rules", {}).values())
    custom_rules = {rule["id"]: rule for rule in configuration["spec"]["rules"]}
    assert WAGTAIL_RULES <= custom_rules.keys()
    assert all(custom_rules[rule]["enabled"] for rule in WAGTAIL_RULES)
    # Wagtail's plain-language messages for its rules are kept.
    assert WAGTAIL_RULES <= configuration["messages"].keys()


def test_an_editor_reading_a_page_can_check_it_against_every_rule(client, editor, article):
    response = client.get(article.url)

    assert response.status_code == 200
    assert_runs_every_rule(axe_configuration(response.content))


def test_the_page_editors_checks_panel_runs_every_rule(client, editor, article):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))

    assert response.status_code == 200
    assert_runs_every_rule(axe_configuration(response.content))


def test_the_preview_in_the_editor_carries_the_checker_with_every_rule(client, editor, article):
    """The Checks panel runs axe inside the preview, which needs the userbar there."""
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])
    data = nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "publication_date": "2024-05-01",
            "summary": article.summary,
            "authors": inline_formset([]),
            "image": "",
            "body": streamfield([]),
        }
    )
    assert client.post(preview_url, data).json()["is_valid"] is True

    response = client.get(preview_url, {"in_preview_panel": "true"})

    assert response.status_code == 200
    assert_runs_every_rule(axe_configuration(response.content))


def test_visitors_get_no_userbar_and_no_inline_script(client, article):
    html = client.get(article.url).content.decode()

    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("wagtail-userbar") is None
    assert soup.find("script", id="checker-axe-configuration") is None
    # The only inline element is the page's structured data, which browsers never run.
    assert {script.get("type") for script in inline_scripts(soup)} == {"application/ld+json"}


def test_the_editors_userbar_adds_data_but_no_inline_script(client, editor, article):
    """A strict script-src 'self' would still run everything: the configuration is JSON data."""
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")

    assert soup.find("wagtail-userbar") is not None
    inline = inline_scripts(soup)
    assert inline
    assert {script.get("type") for script in inline} == {"application/json", "application/ld+json"}
