"""The demo's report files are real text, which screen readers read and searches find."""

import re

from demo.community_reports import report_pdf


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
