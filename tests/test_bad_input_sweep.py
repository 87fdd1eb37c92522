"""Bad input from visitors, bots and staff, swept across two organizations' sites.

Every request below is something a browser would never send, or a person is
not allowed to do: NUL bytes and invalid UTF-8 in addresses (PostgreSQL
refuses a NUL, so these used to reach the database as server errors), path
traversal on documents and media, oversized and malformed bodies, posts
without a CSRF token, non-staff on admin addresses, an editor reaching into the
other site's admin. Each answer is a clean refusal (a 4xx, or Wagtail's
redirect with a message for a refused admin page), or for a search the usual
page with the input as text; never a server error, and nothing is stored.
Also here: documents are served with safe headers, and rich text and block
text never carry a script onto a page, whatever was stored.

Query-string junk on the public listings is swept in test_hostile_queries.py.

The module builds, once for all its tests, the part of the demo the sweep
reaches: the Learning Alliance's site (news, stories, about page, newsletter,
survey, partner directory) and KidsCAN's (news), both with Spanish twins,
each organization's editorial roles with a document and a picture in its
collection, and the Learning Alliance's demo editor.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.test import Client, override_settings

from wagtail.contrib.forms.models import FormSubmission
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, WorkflowState
from wagtail.rich_text import RichText

import pytest
from bs4 import BeautifulSoup
from wagtail_localize.synctree import synchronize_tree

from demo import community_newsletter, community_surveys
from demo.accounts import DEFAULT_PASSWORD, create_demo_staff
from demo.community_reports import report_pdf
from demo.loader import DemoLoader
from editorial.models import SiteRoles
from editorial.roles import set_up_all_sites
from newsletter.models import NewsletterPage, Subscriber
from surveys.models import SurveyPage
from tests.builders import newsletter_form_data, survey_answers, survey_field_names
from tests.factories import (
    built_once_per_module,
    content_locales,
    fresh_copies,
    make_article,
    make_document,
    make_image,
    make_news_index,
    make_partner_index,
    make_site,
    make_standard,
    make_story,
    make_story_index,
)

pytestmark = pytest.mark.django_db

ALLIANCE = "Learning Alliance of New Mexico"
KIDSCAN = "kidscan.localhost"
MANAGE_PY = b"DJANGO_SETTINGS_MODULE"  # what manage.py would give away if it were served
TOO_BIG = 31 * 1024 * 1024  # over REQUEST_MAX_BODY_SIZE
NUL = "a\x00b"


# --- The world the sweep runs in ---------------------------------------------------------------


def build_two_sites():
    """Both organizations' sites with what the cases address, their roles, media and editor.

    The newsletter and the survey are built as the demo builds them, so the
    forms posted to are the real ones. Spanish twins of every page come before
    the roles, as in the demo, so each site's groups also cover its Spanish home.
    """
    english, spanish = content_locales()
    alliance = make_site("localhost", ALLIANCE)
    kidscan = make_site(KIDSCAN, "NewMexicoKidsCAN", default=False)
    alliance_home = alliance.root_page.specific
    about = make_standard(alliance_home, title="About us", slug="about")
    alliance_news = make_news_index(alliance_home, title="News", slug="news")
    alliance_article = make_article(alliance_news, title="Community forums across the state")
    stories = make_story_index(alliance_home, title="Stories", slug="stories")
    make_story(stories, title="A reading club that grew", region="central")
    partners = make_partner_index(
        alliance_home,
        title="Partners",
        slug="partners",
        partners=[{"name": "New Mexico First", "region": "statewide"}],
    )
    loader = DemoLoader(log=lambda *args: None)
    community_newsletter.build(loader, alliance_home, alliance)
    community_surveys.build(loader, alliance_home, alliance)
    kidscan_news = make_news_index(kidscan.root_page, title="News", slug="news")
    kidscan_article = make_article(kidscan_news, title="What the Legislature passed")
    synchronize_tree(english, spanish)

    set_up_all_sites()
    create_demo_staff(alliance)
    alliance_roles = SiteRoles.objects.get(site=alliance)
    kidscan_roles = SiteRoles.objects.get(site=kidscan)
    report = report_pdf(["NM First ESSA survey", "What New Mexicans told us."])
    return {
        "about": about,
        "alliance_article": alliance_article,
        "kidscan_news": kidscan_news,
        "kidscan_article": kidscan_article,
        "partners": partners,
        "newsletter": NewsletterPage.objects.child_of(alliance_home).get(),
        "survey": SurveyPage.objects.child_of(alliance_home).get(),
        "alliance_doc": make_document(
            "ESSA survey report",
            report,
            name="essa-survey-report.pdf",
            collection=alliance_roles.collection,
        ),
        "kidscan_doc": make_document(
            "Legislative summary",
            report,
            name="legislative-summary.pdf",
            collection=kidscan_roles.collection,
        ),
        "alliance_image": make_image("Community forum", collection=alliance_roles.collection),
        "kidscan_image": make_image("Classroom", collection=kidscan_roles.collection),
    }


two_sites_for_the_module = built_once_per_module(build_two_sites)


@pytest.fixture
def two_sites(two_sites_for_the_module):
    """The built sites' pages, documents and pictures, as fresh objects for each test."""
    return fresh_copies(two_sites_for_the_module)


@pytest.fixture
def world(two_sites):
    """Addresses and ids from the built sites, by name, for the cases' templates."""
    alliance_doc = two_sites["alliance_doc"]
    newsletter = two_sites["newsletter"]
    survey = two_sites["survey"]
    return {
        "doc_id": alliance_doc.pk,
        "doc_filename": alliance_doc.filename,
        "doc_file": alliance_doc.file.name,
        "image_file": get_image_model().objects.first().file.name,
        "kidscan_article": two_sites["kidscan_article"].pk,
        "kidscan_news": two_sites["kidscan_news"].pk,
        "kidscan_doc": two_sites["kidscan_doc"].pk,
        "kidscan_image": two_sites["kidscan_image"].pk,
        "alliance_article": two_sites["alliance_article"].pk,
        "newsletter": newsletter.url,
        "newsletter_page": newsletter,
        "survey": survey.url,
        "survey_page": survey,
        "partners": two_sites["partners"].url,
        "about_page": two_sites["about"],
    }


def stored():
    """What a refused request must not have changed."""
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.filter(live=True).count(),
        "revisions": Revision.objects.count(),
        "workflows started": WorkflowState.objects.count(),
        "form submissions": FormSubmission.objects.count(),
        "newsletter subscribers": Subscriber.objects.count(),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
        "titles": sorted(Page.objects.values_list("title", flat=True)),
        "document titles": sorted(get_document_model().objects.values_list("title", flat=True)),
    }


# --- The cases ---------------------------------------------------------------------------------

# Who sends the request: nobody signed in, a signed-in account with no admin
# access, or the Learning Alliance's demo editor (made as the demo makes it).
ANONYMOUS, NON_STAFF, EDITOR = "anonymous", "non-staff", "alliance-editor"
CLIENT_ERROR = "4xx"
# Wagtail answers a browser it refuses with a redirect and a message (to the
# sign-in page, or to the dashboard saying "Sorry, you do not have permission");
# a script asking with X-Requested-With gets a 403. Either way nothing is done.
REFUSED = "refused"
# A search, or an address that ignores the parameter, answers as usual with the
# input treated as text: the search strips control characters before querying.
ANSWERED = "answered"
FORM_AGAIN = "form shown again with its errors"


@dataclass
class Case:
    name: str
    path: str
    who: str = ANONYMOUS
    method: str = "GET"
    expect: str = CLIENT_ERROR
    data: object = None  # a dict, or a function of the world giving one
    body: bytes | None = None
    content_type: str | None = None
    extra: dict = field(default_factory=dict)
    csrf: bool = False  # enforce CSRF checks, as a real browser session would meet them


CASES = [
    # NUL bytes and invalid UTF-8 in query strings, on public pages and in the admin.
    Case("search NUL", "/search/?q=%00", expect=ANSWERED),
    Case("Spanish search NUL", "/es/search/?q=abc%00def", expect=ANSWERED),
    Case("search invalid UTF-8", "/search/?q=%ff", expect=ANSWERED),
    Case("home invalid UTF-8", "/?q=%ff", expect=ANSWERED),
    Case("topic filter NUL", "/news/?topic=%00"),
    Case("page number NUL", "/news/?page=1%00"),
    Case("region filter NUL", "/stories/?region=%00"),
    Case("region filter overlong UTF-8", "/stories/?region=%C0%AF"),
    Case("partner region NUL", "{partners}?region=%00"),
    Case("feed NUL", "/news/feeds/rss/?topic=%00", expect=ANSWERED),
    Case("NUL in a page address", "/news/%00/"),
    Case("NUL in a document address", "/documents/{doc_id}/%00"),
    Case("admin page search NUL", "/admin/pages/search/?q=%00", who=EDITOR, expect=ANSWERED),
    Case(
        "admin page search invalid UTF-8",
        "/admin/pages/search/?q=%ff%fe",
        who=EDITOR,
        expect=ANSWERED,
    ),
    Case("admin document search NUL", "/admin/documents/?q=%00", who=EDITOR, expect=ANSWERED),
    Case("admin image search NUL", "/admin/images/?q=%00", who=EDITOR, expect=ANSWERED),
    Case("admin sign-in next NUL", "/admin/login/?next=/admin/%00", expect=ANSWERED),
    # NUL in form fields: a form error, nothing stored.
    Case(
        "newsletter NUL e-mail",
        "{newsletter}",
        method="POST",
        data=lambda w: newsletter_form_data(w["newsletter_page"], email=f"reader{NUL}@example.org"),
    ),
    Case(
        "survey NUL answer",
        "{survey}",
        method="POST",
        data=lambda w: survey_answers(
            w["survey_page"], **{survey_field_names(w["survey_page"])["multiline"]: NUL}
        ),
    ),
    Case(
        "admin sign-in NUL user name",
        "/admin/login/",
        method="POST",
        data={"username": NUL, "password": "x"},
        expect=FORM_AGAIN,
    ),
    # Path traversal on documents and media.
    Case("document dot-dot", "/documents/{doc_id}/../../settings.py"),
    Case("document encoded dot-dot", "/documents/{doc_id}/%2e%2e%2f%2e%2e%2fmanage.py"),
    Case("document other name", "/documents/{doc_id}/manage.py"),
    Case("media dot-dot", "/media/../manage.py"),
    Case("original images encoded dot-dot", "/media/original_images/..%2f..%2fmanage.py"),
    Case("renditions dot-dot", "/media/images/%2e%2e/%2e%2e/manage.py"),
    Case("document file from media", "/media/{doc_file}"),
    Case("media outside images", "/media/{image_file}/../../documents/"),
    Case("static dot-dot", "/static/..%2f..%2fmanage.py"),
    # Oversized bodies.
    Case(
        "declared body over the limit",
        "{newsletter}",
        method="POST",
        body=b"email=a",
        content_type="application/x-www-form-urlencoded",
        extra={"CONTENT_LENGTH": str(TOO_BIG)},
    ),
    Case(
        "upload declared over the limit",
        "/admin/documents/multiple/add/",
        who=EDITOR,
        method="POST",
        body=b"--x\r\n",
        content_type="multipart/form-data; boundary=x",
        extra={"CONTENT_LENGTH": str(TOO_BIG)},
    ),
    Case(
        "form fields over 2.5 MB",
        "{newsletter}",
        method="POST",
        data=lambda w: newsletter_form_data(w["newsletter_page"], email="a" * 3_000_000),
    ),
    Case(
        "too many fields",
        "{newsletter}",
        method="POST",
        body=b"&".join(b"f%d=1" % n for n in range(10_001)),
        content_type="application/x-www-form-urlencoded",
    ),
    # Malformed multipart and bodies.
    Case(
        "multipart with a wrong boundary",
        "{newsletter}",
        method="POST",
        body=b"--other\r\nnot a part\r\n",
        content_type="multipart/form-data; boundary=nope",
    ),
    Case(
        "multipart without a boundary",
        "/admin/login/",
        method="POST",
        body=b"no boundary at all",
        content_type="multipart/form-data",
    ),
    Case(
        "truncated multipart upload",
        "/admin/documents/multiple/add/",
        who=EDITOR,
        method="POST",
        body=b'--x\r\nContent-Disposition: form-data; name="files[]"; filename="a.pdf"\r\n\r\n%PDF',
        content_type="multipart/form-data; boundary=x",
    ),
    Case(
        "binary body to a survey",
        "{survey}",
        method="POST",
        body=b"\x00\xff garbage",
        content_type="application/x-www-form-urlencoded",
    ),
    # Posts without a CSRF token.
    Case(
        "newsletter without CSRF",
        "{newsletter}",
        method="POST",
        csrf=True,
        data=lambda w: newsletter_form_data(w["newsletter_page"]),
    ),
    Case(
        "survey without CSRF",
        "{survey}",
        method="POST",
        csrf=True,
        data=lambda w: survey_answers(w["survey_page"]),
    ),
    Case(
        "admin sign-in without CSRF",
        "/admin/login/",
        method="POST",
        csrf=True,
        data={"username": EDITOR, "password": DEFAULT_PASSWORD},
    ),
    Case(
        "editor's own page edit without CSRF",
        "/admin/pages/{alliance_article}/edit/",
        who=EDITOR,
        method="POST",
        csrf=True,
        data={"title": "Defaced", "slug": "defaced", "action-submit": "Submit"},
    ),
    # Hostile query strings on the admin (the public ones: test_hostile_queries.py).
    Case("admin search script", "/admin/pages/search/?q=%3Cscript%3E", who=EDITOR, expect=ANSWERED),
    Case("sign-in open redirect", "/admin/login/?next=https://evil.example/", expect=ANSWERED),
    # Nobody signed in, or no admin access, on admin addresses.
    Case("anonymous page editor", "/admin/pages/{alliance_article}/edit/", expect=REFUSED),
    Case(
        "anonymous publish",
        "/admin/pages/{alliance_article}/unpublish/",
        method="POST",
        expect=REFUSED,
    ),
    Case("non-staff dashboard", "/admin/", who=NON_STAFF, expect=REFUSED),
    Case("non-staff documents", "/admin/documents/", who=NON_STAFF, expect=REFUSED),
    Case(
        "non-staff script",
        "/admin/pages/",
        who=NON_STAFF,
        extra={"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"},
    ),
    Case(
        "non-staff edit",
        "/admin/pages/{alliance_article}/edit/",
        who=NON_STAFF,
        method="POST",
        data={"title": "Defaced"},
        expect=REFUSED,
    ),
    # The Learning Alliance's editor on KidsCAN's admin addresses.
    Case(
        "other site's page editor",
        "/admin/pages/{kidscan_article}/edit/",
        who=EDITOR,
        expect=REFUSED,
    ),
    Case(
        "other site's page edit",
        "/admin/pages/{kidscan_article}/edit/",
        who=EDITOR,
        method="POST",
        data={"title": "Defaced", "slug": "defaced", "action-submit": "Submit"},
        expect=REFUSED,
    ),
    Case(
        "other site's new page",
        "/admin/pages/add/articles/articlepage/{kidscan_news}/",
        who=EDITOR,
        method="POST",
        data={"title": "Planted", "slug": "planted", "body-count": "0"},
        expect=REFUSED,
    ),
    Case(
        "other site's page delete",
        "/admin/pages/{kidscan_article}/delete/",
        who=EDITOR,
        method="POST",
        expect=REFUSED,
    ),
    Case(
        "other site's unpublish",
        "/admin/pages/{kidscan_article}/unpublish/",
        who=EDITOR,
        method="POST",
        expect=REFUSED,
    ),
    Case(
        "other site's document edit",
        "/admin/documents/edit/{kidscan_doc}/",
        who=EDITOR,
        method="POST",
        data={"title": "Defaced"},
        expect=REFUSED,
    ),
    Case(
        "other site's document delete",
        "/admin/documents/delete/{kidscan_doc}/",
        who=EDITOR,
        method="POST",
        expect=REFUSED,
    ),
    Case(
        "other site's image delete",
        "/admin/images/{kidscan_image}/delete/",
        who=EDITOR,
        method="POST",
        expect=REFUSED,
    ),
    Case(
        "other site's page by script",
        "/admin/pages/{kidscan_article}/edit/",
        who=EDITOR,
        extra={"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"},
    ),
]


def client_for(case):
    client = Client(enforce_csrf_checks=case.csrf)
    if case.who == NON_STAFF:
        user, _ = get_user_model().objects.get_or_create(username="reader-no-admin")
        client.force_login(user)
    elif case.who == EDITOR:
        client.force_login(get_user_model().objects.get(username=EDITOR))
    return client


def send(case, world):
    client = client_for(case)
    path = case.path.format(**world)
    if case.body is not None:
        return client.generic(
            case.method, path, case.body, content_type=case.content_type, **case.extra
        )
    data = case.data(world) if callable(case.data) else case.data
    if case.method == "POST":
        return client.post(path, data or {}, **case.extra)
    return client.get(path, **case.extra)


def assert_answer(case, response):
    status = response.status_code
    assert status < 500, f"{case.name}: server error"
    if case.expect == CLIENT_ERROR:
        assert 400 <= status < 500, f"{case.name}: {status}"
    elif case.expect == REFUSED:
        if 300 <= status < 400:
            assert response["Location"].startswith(("/admin/login/", "/admin/")), case.name
            assert response["Location"] == "/admin/" or "login" in response["Location"]
        else:
            assert status in (403, 404), f"{case.name}: {status}"
    elif case.expect == ANSWERED:
        assert status == 200, f"{case.name}: {status}"
        assert b"<script>" not in response.content.replace(b"<script ", b"")
        if not case.path.startswith("/admin/"):
            # The admin shows a search query back in its box, where a NUL is inert.
            assert b"\x00" not in response.content, case.name
    else:  # a form shown again with its errors
        assert status == 200, f"{case.name}: {status}"


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_gets_a_clean_refusal_and_stores_nothing(world, case):
    before = stored()

    response = send(case, world)

    assert_answer(case, response)
    assert MANAGE_PY not in response.content
    assert stored() == before, case.name


def test_a_refused_editor_is_told_why(world):
    """The redirect Wagtail answers a refused editor with lands on a page saying so."""
    client = client_for(Case("", "", who=EDITOR))

    response = client.get(f"/admin/pages/{world['kidscan_article']}/edit/", follow=True)

    assert response.status_code == 200
    assert "you do not have permission to access this area" in response.content.decode()


def test_an_oversized_body_is_refused_before_it_is_read(client, world):
    response = client.generic(
        "POST",
        world["survey"],
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(TOO_BIG),
    )

    assert response.status_code == 413
    assert response["Content-Type"] == "text/plain; charset=utf-8"


@override_settings(REQUEST_MAX_BODY_SIZE=None)
def test_without_a_body_limit_django_still_limits_form_fields(client, world):
    # In the admin: elsewhere a body over 1 MB is refused sooner (pages/form_protection.py).
    response = client.post("/admin/login/", {"email": "a" * 3_000_000})
    assert response.status_code == 400


# --- Documents: served with safe headers -------------------------------------------------------


def test_a_pdf_opens_in_the_browser_but_cannot_run_anything(client, world):
    document = get_document_model().objects.get(pk=world["doc_id"])
    assert document.filename.endswith(".pdf")

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.parametrize(
    "name, content_type",
    [
        ("notes.txt", "text/plain"),
        ("numbers.csv", "text/csv"),
        ("minutes.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ],
)
def test_other_documents_download_and_are_never_sniffed_as_pages(client, name, content_type):
    """A file holding HTML and script, uploaded as text, downloads as text."""
    document = make_document("Hostile", b"<html><script>alert(1)</script></html>", name=name)

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


# --- Rich text and block text: nothing executable reaches the page ----------------------------

HOSTILE_RICH_TEXT = (
    "<p>Fine words <script>alert('rt')</script>"
    '<a href="javascript:alert(1)" onclick="alert(2)">click</a>'
    '<a href=" JaVa\tScRiPt:alert(3)">spaced</a>'
    '<img src="x" onerror="alert(4)">'
    '<iframe src="https://evil.example/"></iframe>'
    '<b style="background:url(javascript:alert(5))" onmouseover="alert(6)">bold</b>'
    '<a href="/news/" target="_blank">kept</a></p>'
)
HOSTILE_TEXT = "<script>alert('text')</script><img src=x onerror=alert(7)>"


def assert_nothing_executable(html):
    soup = BeautifulSoup(html, "html.parser")
    main = soup.select_one("main")
    assert main is not None
    for element in main.find_all(True):
        assert element.name not in {"script", "iframe", "object", "embed", "style"}, element
        for attribute, value in element.attrs.items():
            assert not attribute.startswith("on"), element
            assert attribute != "style", element
            text = " ".join(value) if isinstance(value, list) else value
            assert "javascript:" not in "".join(text.lower().split()), element
    return main


def test_hostile_rich_text_and_block_text_are_neutralised_on_the_page(client, world):
    """Stored by a script, an import or a bug, rather than the editor: still harmless."""
    about = world["about_page"]
    about.body = [
        ("paragraph", RichText(HOSTILE_RICH_TEXT)),
        ("heading", {"text": HOSTILE_TEXT, "level": "h2", "anchor": ""}),
        ("quote", {"quote": HOSTILE_TEXT, "attribution": HOSTILE_TEXT}),
        (
            "accordion",
            {
                "heading": HOSTILE_TEXT,
                "items": [{"question": HOSTILE_TEXT, "answer": RichText(HOSTILE_RICH_TEXT)}],
            },
        ),
    ]
    about.save_revision().publish()

    response = client.get(about.url)

    assert response.status_code == 200
    main = assert_nothing_executable(response.content)
    # The words and the safe link survive; the block text shows as text.
    assert "Fine words" in main.get_text()
    assert main.find("a", string="kept")["href"] == "/news/"
    assert "<script>alert('text')</script>" in main.get_text()


def test_hostile_rich_text_fields_are_neutralised_on_the_page(client, world):
    newsletter = world["newsletter_page"]
    newsletter.privacy_note = HOSTILE_RICH_TEXT
    newsletter.save_revision().publish()

    response = client.get(newsletter.url)

    assert response.status_code == 200
    assert "Fine words" in assert_nothing_executable(response.content).get_text()


def test_the_largest_upload_editors_may_make_fits_under_the_request_limit(settings):
    """A document or image at its own limit is refused by its form, never by a bare 413."""
    largest = max(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    assert largest + 1024 * 1024 <= settings.REQUEST_MAX_BODY_SIZE
