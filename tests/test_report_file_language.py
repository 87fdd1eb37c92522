"""A report's download says which language its file is in when that is not the reader's.

A Spanish report page often still offers the English file until a translated
one is uploaded; Spanish readers are told before they spend their data on it.
"""

import pytest
from bs4 import BeautifulSoup

from tests.factories import (
    content_locales,
    make_document,
    make_report,
    make_report_index,
    make_site,
    translate_page,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def report():
    _english, spanish = content_locales()
    site = make_site()
    index = make_report_index(site.root_page, slug="reports")
    translate_page(site.root_page, spanish)
    translate_page(index, spanish, title="Informes", slug="informes")
    report = make_report(
        index, title="Parent survey", slug="parent-survey", document=make_document()
    )
    return site, report, spanish


def download_link(client, path):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    return soup.select_one("a.report-download__link")


def test_a_spanish_page_offering_the_english_file_says_it_is_in_english(client, report):
    site, english, spanish = report
    translate_page(english, spanish, title="Encuesta a padres", slug="encuesta-padres")

    link = download_link(client, "/es/informes/encuesta-padres/")

    assert link["hreflang"] == "en"
    assert link.get_text(" ", strip=True).startswith(
        "Descargar el informe completo, en inglés (PDF"
    )


def test_a_spanish_file_and_an_english_file_need_no_note(client, report):
    site, english, spanish = report
    translate_page(
        english,
        spanish,
        title="Encuesta a padres",
        slug="encuesta-padres",
        document=make_document(),
    )

    spanish_link = download_link(client, "/es/informes/encuesta-padres/")
    english_link = download_link(client, "/reports/parent-survey/")

    assert not spanish_link.has_attr("hreflang")
    assert spanish_link.get_text(" ", strip=True).startswith("Descargar el informe completo (PDF")
    assert not english_link.has_attr("hreflang")
    assert english_link.get_text(" ", strip=True).startswith("Download the full report (PDF")
