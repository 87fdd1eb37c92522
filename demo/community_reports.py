"""Demo content for the reports section: built after each site's own pages.

build(loader, home, site): English pages under the site's home page, through
loader.child(...), before the header menu is made from the home page's menu pages.
translate(loader, home, site, locale): their Spanish versions, through
loader.translate_page(...) or loader.translate(...), after the tree is synchronized.

Every fact and number comes from the organizations' own material (the news
articles in demo.content and the content brief). Neither report publishes a
table of numbers we could chart, so the demo has no chart: charts are
exercised by tests/test_reports.py instead of with invented data.

Each report has its file in English. KidsCAN's parent survey also has one in
Spanish, which its Spanish page offers; the Alliance's ESSA report has none,
so its Spanish page shows how a translation offers the English file ("en
inglés", ReportPage.document_language).
"""

import datetime
import json
import textwrap

from django.core.files.base import ContentFile
from django.utils.text import slugify

from wagtail.documents import get_document_model

from wagtail_localize.models import SegmentOverride, TranslationSource

from reports.models import ReportAuthor, ReportIndexPage, ReportPage
from taxonomy.models import Topic

from .content import ESSA_REPORT_COVER, PARENT_SURVEY_COVER, p

INDEX_SLUG = "reports"

REPORTS = {
    "localhost": {
        "index": {
            "title": "Reports",
            "introduction": (
                "What New Mexicans have told decision makers about their schools, in full and "
                "ready to download."
            ),
        },
        "report": {
            "slug": "essa-stakeholder-feedback-report",
            "title": "ESSA Stakeholder Feedback Report",
            "publication_date": datetime.date(2017, 1, 24),
            "summary": (
                "More than 4,000 New Mexicans took part in a process designed in the state to "
                "say how New Mexico should carry out the Every Student Succeeds Act. This report "
                "sets out what they said, grouped by theme and by region."
            ),
            "partners": "",
            "authors": ["alliance-policy", "alliance-community"],
            "topics": ["essa", "community-input"],
            "image": ESSA_REPORT_COVER,
            "key_findings": [
                (
                    "finding",
                    {
                        "figure": "4,000+",
                        "label": "New Mexicans shared their input on ESSA",
                        "source": "ESSA stakeholder feedback report",
                    },
                ),
            ],
            "body": [
                p(
                    "The Every Student Succeeds Act asks each state to write its own plan for how "
                    "schools are measured and supported. New Mexicans chose to answer that "
                    "question through a process designed here, not handed down.",
                    "Families, students, educators and neighbors from across the state shared "
                    "their views. The report groups their answers by theme and by region, so "
                    "decision makers can see where communities agree and where they differ.",
                ),
            ],
            "document_title": "ESSA Stakeholder Feedback Report (PDF)",
            "document_lines": [
                "ESSA Stakeholder Feedback Report",
                "Learning Alliance of New Mexico, January 2017",
                "More than 4,000 New Mexicans shared their views on how the state should "
                "carry out the Every Student Succeeds Act.",
                "Demo document: a stand-in for the full report.",
            ],
        },
    },
    "kidscan.localhost": {
        "index": {
            "title": "Reports",
            "introduction": "Research that puts New Mexico parents' voices first.",
        },
        "report": {
            "slug": "parent-survey-second-edition",
            "title": (
                "The State of Educational Opportunity in New Mexico: "
                "A Survey of New Mexico Parents, 2nd Edition"
            ),
            "publication_date": datetime.date(2025, 9, 16),
            "summary": (
                "Parents' voices come first in this survey, set beside data from across the "
                "country. It shows where parents' confidence is growing, where gaps remain, and "
                "where action cannot wait."
            ),
            "partners": "50CAN and Edge Research",
            "authors": ["kidscan-research"],
            "topics": ["right-to-know", "tutoring-and-care"],
            "image": PARENT_SURVEY_COVER,
            "key_findings": [],
            "body": [
                p(
                    "At NewMexicoKidsCAN we believe deeply in the promise of New Mexico's "
                    "students, and that delivering on it is a responsibility we all share. "
                    "Progress comes from looking honestly at what works, confronting what does "
                    "not, and acting with urgency for children and families.",
                    "We asked parents across New Mexico about their children's education, and "
                    "compared their answers with those of parents nationwide.",
                    "This second edition follows the first to show what has changed: where "
                    "confidence is rising, where gaps persist and where the state should act "
                    "first.",
                ),
            ],
            "document_title": "State of Educational Opportunity in New Mexico, 2nd Edition (PDF)",
            "document_lines": [
                "The State of Educational Opportunity in New Mexico",
                "A Survey of New Mexico Parents, 2nd Edition",
                "NewMexicoKidsCAN with 50CAN and Edge Research, September 2025",
                "Demo document: a stand-in for the full report.",
            ],
        },
    },
}

SPANISH = {
    "localhost": {
        "index": {
            "title": "Informes",
            "slug": "informes",
            "introduction": (
                "Lo que los nuevomexicanos les han dicho a quienes toman las decisiones sobre "
                "sus escuelas, completo y listo para descargar."
            ),
        },
        "report": {
            "title": "Informe sobre las opiniones de la comunidad acerca de ESSA",
            "slug": "informe-opiniones-essa",
            "summary": (
                "Más de 4,000 nuevomexicanos participaron en un proceso diseñado en el estado "
                "para decir cómo debería Nuevo México poner en práctica la ley ESSA. Este "
                "informe recoge lo que dijeron, agrupado por tema y por región."
            ),
            "key_findings": [
                (
                    "finding",
                    {
                        "figure": "Más de 4,000",
                        "label": "nuevomexicanos compartieron su opinión sobre ESSA",
                        "source": "Informe sobre las opiniones de la comunidad acerca de ESSA",
                    },
                ),
            ],
            "body": [
                p(
                    "La ley ESSA (“Ley para que Todos los Estudiantes Triunfen”) pide a cada "
                    "estado escribir su propio "
                    "plan sobre cómo se evalúan y se apoyan las escuelas. Los nuevomexicanos "
                    "decidieron responder a esa pregunta con un proceso diseñado aquí, no "
                    "impuesto desde fuera.",
                    "Familias, estudiantes, educadores y vecinos de todo el estado dieron su "
                    "opinión. El informe agrupa sus respuestas por tema y por región, para que "
                    "quienes toman las decisiones vean en qué coinciden las comunidades y en qué "
                    "no.",
                ),
            ],
        },
    },
    "kidscan.localhost": {
        "index": {
            "title": "Informes",
            "slug": "informes",
            "introduction": (
                "Investigaciones que ponen primero la voz de los padres de Nuevo México."
            ),
        },
        "report": {
            "title": (
                "El estado de las oportunidades educativas en Nuevo México: "
                "encuesta a padres de familia de Nuevo México, 2.ª edición"
            ),
            "slug": "encuesta-padres-segunda-edicion",
            "summary": (
                "En esta encuesta, la voz de los padres va primero, junto a datos de todo el "
                "país. Muestra dónde está creciendo la confianza de los padres, dónde siguen las "
                "brechas y dónde no se puede esperar para actuar."
            ),
            "partners": "50CAN y Edge Research",
            "body": [
                p(
                    "En NewMexicoKidsCAN creemos profundamente en la promesa de los estudiantes "
                    "de Nuevo México, y en que cumplirla es una responsabilidad que todos "
                    "compartimos. Se avanza mirando con honestidad lo que funciona, enfrentando "
                    "lo que no y actuando con urgencia por los niños y las familias.",
                    "Les preguntamos a padres de todo Nuevo México sobre la educación de sus "
                    "hijos y comparamos sus respuestas con las de padres de todo el país.",
                    "Esta segunda edición sigue a la primera para mostrar qué ha cambiado: dónde "
                    "está aumentando la confianza, dónde persisten las brechas y dónde el estado "
                    "debería actuar primero.",
                ),
            ],
        },
        # The report's own file in Spanish, which the Spanish page offers instead of the English.
        "document": {
            "title": "El estado de las oportunidades educativas en Nuevo México, 2.ª edición (PDF)",
            "lines": [
                "El estado de las oportunidades educativas en Nuevo México",
                "Encuesta a padres de familia, 2.ª edición",
                "NewMexicoKidsCAN con 50CAN y Edge Research, septiembre de 2025",
                "Documento de demostración: ocupa el lugar del informe completo.",
            ],
        },
    },
}

# The language each demo file names as its own (the PDF's /Lang): US English, and
# the Spanish of the United States, as New Mexicans write it.
ENGLISH_DOCUMENT = "en-US"
SPANISH_DOCUMENT = "es-US"


def build(loader, home, site):
    spec = REPORTS.get(site.hostname)
    if spec is None:
        return
    index, _ = loader.child(
        home, ReportIndexPage, slug=INDEX_SLUG, show_in_menus=True, **spec["index"]
    )
    report = spec["report"]
    loader.child(
        index,
        ReportPage,
        slug=report["slug"],
        title=report["title"],
        publication_date=report["publication_date"],
        summary=report["summary"],
        partners=report["partners"],
        **loader.picture(report["image"]),
        document=report_document(report["document_title"], report["document_lines"]),
        topics=list(Topic.objects.filter(site=site, slug__in=report["topics"], locale=home.locale)),
        authors=[
            ReportAuthor(person=loader.people[key], sort_order=position)
            for position, key in enumerate(report["authors"])
        ],
        key_findings=report["key_findings"],
        body=report["body"],
    )


def translate(loader, home, site, locale):
    spanish = SPANISH.get(site.hostname)
    if spanish is None:
        return
    index = home.get_children().get(slug=INDEX_SLUG).specific
    report = index.get_children().get(slug=REPORTS[site.hostname]["report"]["slug"]).specific
    for english, fields in ((index, spanish["index"]), (report, spanish["report"])):
        existing = english.get_translation_or_none(locale)
        # A real translation is left alone: an editor may have changed it since.
        if existing is None or existing.alias_of_id is not None:
            if english is report and "document" in spanish:
                document = spanish["document"]
                offer_in_translation(
                    report,
                    locale,
                    report_document(document["title"], document["lines"], SPANISH_DOCUMENT),
                )
            loader.translate_page(english, locale, fields, home)
    file_document_in_site_collection(report.document, site)
    file_document_in_site_collection(report.get_translation(locale).specific.document, site)


def report_document(title, lines, language=ENGLISH_DOCUMENT):
    """A demo report's PDF, drawn once and found again by its title on later runs."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(
            f"{slugify(title.split(' (')[0])}.pdf",
            ContentFile(report_pdf(lines, title=lines[0], language=language)),
            save=False,
        )
        document.save()
    return document


def offer_in_translation(report, locale, document):
    """Have the report's translation into `locale` offer `document`, not the original's file.

    As a translator does in the translation editor, where the file is one of
    the page's synchronized values: an override of the English page's
    document for that language, which wagtail-localize applies whenever it
    makes or updates the translation, so updating it from the English page
    keeps the Spanish file. Called before the page is translated.
    """
    source, _ = TranslationSource.get_or_create_from_instance(report)
    segment = source.overridablesegment_set.get(context__path="document")
    SegmentOverride.objects.update_or_create(
        locale=locale, context=segment.context, defaults={"data_json": json.dumps(document.pk)}
    )


def report_pdf(lines, title="Demo report", language=ENGLISH_DOCUMENT):
    """A one-page PDF (A4) of the report's title page, its words written as text.

    Text, not a picture of text: a screen reader reads it aloud, a search
    finds it, and it stays sharp at any zoom. The document names its title
    and language, as an accessible PDF does.
    """

    def literal(text):
        # A PDF string in WinAnsi (cp1252), the standard fonts' encoding, which holds Spanish.
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return b"(" + escaped.encode("cp1252") + b")"

    text = [b"BT", b"/F1 18 Tf", b"26 TL", b"60 770 Td"]
    for line in lines:
        text += [literal(wrapped) + b" Tj T*" for wrapped in textwrap.wrap(line, 52)]
        text.append(b"T*")
    text.append(b"ET")
    stream = b"\n".join(text)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang "
        + literal(language)
        + b" /ViewerPreferences << /DisplayDocTitle true >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
        b" /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Title " + literal(title) + b" >>",
    ]
    output = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    table = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\n" % (len(objects) + 1)
    output += b"startxref\n%d\n%%%%EOF\n" % table
    return output


def file_document_in_site_collection(document, site):
    """Put the demo report in its site's collection, so that site's editors can choose it.

    The roles (and their collection) are made after every site is built; they
    are made here first for this site, which is what the loader does next anyway.
    """
    from editorial.models import SiteRoles  # the editorial app owns the collections
    from editorial.roles import set_up_site_roles

    if document is None or document.collection.depth > 1:
        return
    set_up_site_roles(site)
    roles = SiteRoles.objects.get(site=site)
    document.collection = roles.collection
    document.save(update_fields=["collection"])
