"""Every English word a person reads is spelled the American way.

Pages of every type (as an editor fills them), the interface strings the
templates and code write, and the labels and help text editors read in the
admin. The demo's own content is swept in tests/demo/test_pages_sweep.py.
"""

import datetime

from django.apps import apps
from django.template.defaultfilters import date, filesizeformat
from django.utils import translation
from django.utils.formats import number_format

import polib
import pytest
from bs4 import BeautifulSoup

from tests.builders import build_site_with_every_page_type
from tests.factories import built_once_per_module, fresh_copies
from tests.us_english import british_spellings, english_text_of

pytestmark = pytest.mark.django_db

HOST = "us-english.localhost"
CATALOGUE = "locale/es/LC_MESSAGES/django.po"

site_for_the_module = built_once_per_module(
    lambda: build_site_with_every_page_type(HOST, "Learning Alliance")
)


@pytest.fixture
def site(site_for_the_module):
    return fresh_copies(site_for_the_module)


def test_the_checker_finds_british_spellings_and_only_them():
    text = "The organisation's programme centred on neighbours; a promise, an analysis, a center."
    assert british_spellings(text) == ["organisation", "programme", "centred", "neighbours"]


def test_no_english_page_of_any_type_uses_a_british_spelling(client, site):
    found = {}
    for page in site["english"].values():
        response = client.get(page.relative_url(site["site"]), HTTP_HOST=HOST)
        assert response.status_code == 200
        text = english_text_of(BeautifulSoup(response.content, "html.parser"))
        if spellings := british_spellings(text):
            found[type(page).__name__] = spellings

    assert found == {}


def test_no_interface_string_uses_a_british_spelling():
    """The English source of every string the site and its e-mails translate (msgids)."""
    found = {
        entry.msgid: british_spellings(entry.msgid)
        for entry in polib.pofile(CATALOGUE)
        if british_spellings(entry.msgid)
    }

    assert found == {}


def test_no_admin_label_or_help_text_uses_a_british_spelling():
    """What editors read in the admin: the project's model and field names and help texts."""
    project_apps = [
        config
        for config in apps.get_app_configs()
        if not config.name.startswith(("wagtail", "django"))
    ]
    found = {}
    for config in project_apps:
        for model in config.get_models():
            texts = [str(model._meta.verbose_name), str(model._meta.verbose_name_plural)]
            for field in model._meta.get_fields():
                texts += [
                    str(getattr(field, "verbose_name", "")),
                    str(getattr(field, "help_text", "")),
                ]
            if spellings := british_spellings(" ".join(texts)):
                found[model._meta.label] = spellings

    assert found == {}


def test_spanish_pages_write_numbers_as_new_mexico_does():
    """24.6 KB and 1,200 on Spanish pages too; dates stay Spanish."""
    with translation.override("es"):
        assert filesizeformat(25190) == "24.6\xa0KB"
        assert number_format(1200.5, 1, force_grouping=True) == "1,200.5"
        assert date(datetime.date(2025, 9, 16), "DATE_FORMAT") == "16 de septiembre de 2025"
