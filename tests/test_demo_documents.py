"""The demo's report files are real text, which screen readers read and searches find."""

import re

from wagtail.documents import get_document_model

import pytest

from demo import community_reports
from demo.community_reports import report_document, report_pdf


def objects_at_their_offsets(pdf):
    """Whether every offset in the cross-reference table points at its object's start."""
    table = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", pdf).group(1))
    entries = re.findall(rb"(\d{10}) 00000 n ", pdf[table:])
    return all(
        pdf[int(offset) :].startswith(b"%d 0 obj" % number)
        for number, offset in enumerate(entries, 1)
    )


def test_a_report_file_holds_its_words_as_text_with_its_title_and_language():
    pdf = report_pdf(
        ["The State of Educational Opportunity (2nd Edition)", "Opiniones de Nuevo México"],
        title="Parent survey",
        language="en-US",
    )

    assert pdf.startswith(b"%PDF-1.4\n")
    assert b"(The State of Educational Opportunity \\(2nd Edition\\)) Tj" in pdf
    assert "(Opiniones de Nuevo México) Tj".encode("cp1252") in pdf
    assert b"/Lang (en-US)" in pdf and b"/Title (Parent survey)" in pdf
    assert b"/DisplayDocTitle true" in pdf
    assert objects_at_their_offsets(pdf)


def test_a_spanish_report_file_names_its_language_and_holds_spanish_text():
    spanish = community_reports.SPANISH["kidscan.localhost"]["document"]
    pdf = report_pdf(spanish["lines"], title=spanish["lines"][0], language="es-US")

    assert b"/Lang (es-US)" in pdf
    assert (
        "/Title (El estado de las oportunidades educativas en Nuevo México)".encode("cp1252") in pdf
    )
    assert "(Encuesta a padres de familia, 2.ª edición) Tj".encode("cp1252") in pdf
    assert objects_at_their_offsets(pdf)


@pytest.mark.django_db
def test_a_report_file_is_drawn_once_and_found_again_by_its_title():
    spanish = community_reports.SPANISH["kidscan.localhost"]["document"]

    first = report_document(spanish["title"], spanish["lines"], language="es-US")
    again = report_document(spanish["title"], spanish["lines"], language="es-US")

    assert again.pk == first.pk
    assert get_document_model().objects.filter(title=spanish["title"]).count() == 1
    assert first.file.name.endswith(".pdf") and first.file.name.isascii()
    with first.file.open("rb") as file:
        assert b"/Lang (es-US)" in file.read()
