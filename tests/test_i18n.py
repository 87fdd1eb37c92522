"""Both sites in English and Spanish: addresses, the language switcher, hreflang and the catalog.

English is unprefixed and Spanish lives under /es/. Every English page has a
Spanish twin: a real translation, or until then an alias that says it has
not been translated yet. The behavior tests read two sites in both
languages, built once for the module by tests/builders.py: one with a page of
every type (the one the preview, security-header and sitemap tests read too),
one small. The demo's smoke test sweeps every page of the demo by the same
rules (`language_link_problems`), in tests/demo/test_pages_sweep.py.
"""

import datetime
import importlib
import re
import shutil
from urllib.parse import urlsplit

from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase

import polib
import pytest
from bs4 import BeautifulSoup
from wagtail_localize.models import LocaleSynchronization, StringSegment, Translation
from wagtail_localize.synctree import synchronize_tree

from localization.translations import original_of
from navigation.models import Footer, MainMenu
from tests.builders import (
    build_site_with_every_page_type,
    build_small_site_in_two_languages,
    every_page_type,
)
from tests.factories import (
    built_once_per_module,
    content_locales,
    fresh_copies,
    make_article,
    make_news_index,
    make_site,
    translate_snippet,
)

# The two organizations' sites the behavior tests build (not the demo's hosts).
BILINGUAL_HOST = "bilingual.localhost"
SECOND_BILINGUAL_HOST = "second-bilingual.localhost"
BILINGUAL_HOSTS = [BILINGUAL_HOST, SECOND_BILINGUAL_HOST]
LANGUAGE_NAMES = dict(settings.LANGUAGES)
CATALOG = settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"


def soup_of(response, where=""):
    assert response.status_code == 200, f"{where}: status {response.status_code}"
    return BeautifulSoup(response.content, "html.parser")


def fetch(client, path, host=BILINGUAL_HOST, **headers):
    return soup_of(client.get(path, HTTP_HOST=host, **headers), f"{host}{path}")


def address(page):
    """(host, path) a visitor uses to reach `page`."""
    site_id, root_url, path = page.specific.get_url_parts()
    return urlsplit(root_url).hostname, path


def html_lang(soup):
    return soup.find("html")["lang"]


def alternates(soup):
    """hreflang -> absolute address, from the <link rel="alternate"> tags in the head."""
    return {
        link["hreflang"]: link["href"]
        for link in soup.head.find_all("link", rel="alternate", hreflang=True)
    }


def switcher_links(soup):
    """[(language, href)] of the language switcher's links to other languages."""
    switcher = soup.select_one("nav.language-switcher")
    if switcher is None:
        return []
    return [(link["hreflang"], link["href"]) for link in switcher.find_all("a")]


def canonical(soup):
    return soup.head.find("link", rel="canonical")["href"]


def committed_catalogue():
    return polib.pofile(str(CATALOG))


# --- Two sites in two languages, built once for the module ----------------------------------


def build_two_sites_in_two_languages():
    return {
        "every_type": build_site_with_every_page_type(BILINGUAL_HOST, "Learning Alliance"),
        "small": build_small_site_in_two_languages(SECOND_BILINGUAL_HOST, "Kids Can"),
    }


two_sites_in_two_languages_for_the_module = built_once_per_module(build_two_sites_in_two_languages)


@pytest.fixture
def sites_in_two_languages(db, two_sites_in_two_languages_for_the_module):
    """{"every_type": a page of every type (tests/builders.py), "small": a second organization}."""
    return fresh_copies(two_sites_in_two_languages_for_the_module)


# --- The catalog of interface strings -------------------------------------------------------


def test_spanish_catalogue_is_complete_and_compiled():
    """Every interface string has a reviewed Spanish text, and the compiled file says the same."""
    po = committed_catalogue()
    mo = polib.mofile(str(CATALOG.with_suffix(".mo")))

    assert len(po) >= 20
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    assert [entry.msgid for entry in po.obsolete_entries()] == []
    assert {entry.msgid: entry.msgstr for entry in mo} == {
        entry.msgid: entry.msgstr for entry in po
    }


@pytest.mark.skipif(
    shutil.which("xgettext") is None or shutil.which("msgmerge") is None,
    reason="makemessages needs GNU gettext (xgettext, msgmerge): run tools/scripts/ensure-gettext",
)
def test_every_interface_string_is_in_the_spanish_catalogue(tmp_path, monkeypatch):
    """Regenerating the catalog from the code and templates finds no string it lacks or drops.

    makemessages writes into the `locale` folder of the directory it runs in
    (and next to each template while it works), so it runs on a copy of the
    project's sources and the committed files are checked to be untouched.
    """
    committed_files = [CATALOG, CATALOG.with_suffix(".mo")]
    before = [path.read_bytes() for path in committed_files]
    project = tmp_path / "project"
    shutil.copytree(
        settings.BASE_DIR,
        project,
        ignore=shutil.ignore_patterns(
            ".venv",
            ".git",
            "media",
            "staticfiles",
            "node_modules",
            "__pycache__",
            ".*_cache",
            "*.sqlite3",
        ),
    )
    monkeypatch.chdir(project)

    with override_settings(LOCALE_PATHS=[project / "locale"]):
        call_command(
            "makemessages",
            locale=["es"],
            no_location=True,
            ignore_patterns=[".venv/*", "staticfiles/*", "media/*", "node_modules/*"],
            verbosity=0,
        )

    regenerated = polib.pofile(str(project / "locale" / "es" / "LC_MESSAGES" / "django.po"))
    in_code = {entry.msgid for entry in regenerated if not entry.obsolete}
    committed = {entry.msgid for entry in committed_catalogue()}
    assert sorted(in_code - committed) == [], "strings in the code missing from the catalog"
    assert sorted(committed - in_code) == [], "catalog strings no longer used anywhere"
    assert [path.read_bytes() for path in committed_files] == before


# --- The Spanish locale -----------------------------------------------------------------------


@pytest.mark.django_db
def test_migration_adds_spanish_synchronised_from_english():
    """After migrating, Spanish exists and follows the English tree, so /es/ has no holes."""
    migration = importlib.import_module("pages.migrations.0003_content_languages")
    LocaleSynchronization.objects.filter(locale__language_code="es").delete()
    # Spanish twins made when the test database was migrated go first: a
    # locale with pages cannot be deleted.
    for twin in Page.objects.filter(locale__language_code="es", depth=2):
        twin.delete()
    Locale.objects.filter(language_code="es").delete()

    migration.add_content_locales(django_apps, None)
    migration.add_content_locales(django_apps, None)  # migrating again adds nothing

    spanish = Locale.objects.get(language_code="es")
    synchronisations = LocaleSynchronization.objects.filter(locale=spanish)
    assert [sync.sync_from.language_code for sync in synchronisations] == ["en"]
    assert Locale.objects.filter(language_code="en").count() == 1


# --- An editor translates a page in the admin -------------------------------------------------

ARTICLE_ENGLISH_TO_SPANISH = {
    "Gallup families meet the school board": "Las familias de Gallup se reúnen con la junta",
    "gallup-families-meet-board": "familias-gallup-junta",
    "Forty parents asked for evening meetings.": "Cuarenta padres pidieron reuniones de noche.",
    "The board agreed to meet in Gallup each term.": (
        "La junta aceptó reunirse en Gallup cada trimestre."
    ),
}


class TestEditorTranslatesAnArticle(WagtailPageTestCase):
    """An editor sends an English article for translation, fills in the Spanish, and publishes."""

    @classmethod
    def setUpTestData(cls):
        site = make_site()
        cls.news = make_news_index(site.root_page, title="News", slug="news")
        cls.english_locale, cls.spanish_locale = content_locales()
        # The Spanish home and news sections, as the locale synchronization makes them.
        synchronize_tree(cls.english_locale, cls.spanish_locale)
        cls.editor = get_user_model().objects.create_superuser(
            "editor", "editor@example.org", "password"
        )

    def setUp(self):
        super().setUp()
        cache.clear()
        self.client.force_login(self.editor)

    def test_translated_article_is_published_under_es_and_linked_both_ways(self):
        """The Spanish article appears under /es/ in Spanish and the English one names it."""
        article = make_article(
            self.news,
            title="Gallup families meet the school board",
            slug="gallup-families-meet-board",
            summary="Forty parents asked for evening meetings.",
            body=[("paragraph", RichText("<p>The board agreed to meet in Gallup each term.</p>"))],
        )

        # "Translate this page" → Spanish → Submit: a Spanish draft, then its editor.
        response = self.client.post(
            reverse("wagtail_localize:submit_page_translation", args=[article.pk]),
            {"locales": [self.spanish_locale.pk]},
        )
        spanish = article.get_translation(self.spanish_locale)
        self.assertRedirects(response, reverse("wagtailadmin_pages:edit", args=[spanish.pk]))

        # Each source text is typed into the translation editor (its string API).
        job = Translation.objects.get(
            source__object_id=article.translation_key, target_locale=self.spanish_locale
        )
        segments = StringSegment.objects.filter(source=job.source).select_related("string")
        assert {segment.string.data for segment in segments} == set(ARTICLE_ENGLISH_TO_SPANISH)
        for segment in segments:
            saved = self.client.put(
                reverse("wagtail_localize:edit_string_translation", args=[job.pk, segment.pk]),
                f"value={ARTICLE_ENGLISH_TO_SPANISH[segment.string.data]}",
                content_type="application/x-www-form-urlencoded; charset=utf-8",
            )
            assert saved.status_code == 201, saved.content

        # The translation editor's Publish button posts to the page's edit view; wagtail-localize
        # publishes once the request's transaction commits.
        with self.captureOnCommitCallbacks(execute=True):
            published = self.client.post(
                reverse("wagtailadmin_pages:edit", args=[spanish.pk]), {"action": "publish"}
            )
        assert published.status_code == 302
        spanish.refresh_from_db()
        assert spanish.live
        assert spanish.alias_of_id is None

        host, spanish_path = address(spanish)
        assert spanish_path.startswith("/es/")
        spanish_soup = fetch(self.client, spanish_path, host)
        assert html_lang(spanish_soup) == "es"
        assert spanish_soup.h1.get_text(strip=True) == (
            "Las familias de Gallup se reúnen con la junta"
        )
        assert "Cuarenta padres pidieron reuniones de noche." in spanish_soup.main.get_text()

        english_path = address(article)[1]
        english_soup = fetch(self.client, english_path, host)
        expected = {
            "en": f"http://{host}{english_path}",
            "es": f"http://{host}{spanish_path}",
            "x-default": f"http://{host}{english_path}",
        }
        assert alternates(english_soup) == expected
        assert alternates(spanish_soup) == expected


# --- Reading pages in both languages ------------------------------------------------------------


def english_strings_in(soup):
    """Catalog strings that show in English although Spanish is being read.

    Strings of two words or more (split at placeholders and markup) are looked
    for anywhere in the text and attributes; single words only as a whole
    label, since many are parts of Spanish words or names.
    """
    text = " ".join(soup.get_text(" ").split())
    attributes = [
        value
        for element in soup.find_all(True)
        for name, value in element.attrs.items()
        # An option's value is what the form sends, not what the reader sees: a
        # translated choice sends the default language's value, so answers line up.
        if isinstance(value, str) and not (element.name == "option" and name == "value")
    ]
    labels = {element.get_text(strip=True) for element in soup.find_all(True)} | set(attributes)
    found = []
    for entry in committed_catalogue():
        if entry.msgstr == entry.msgid:
            continue
        for fragment in re.split(r"%\(\w+\)s|<[^>]*>", entry.msgid):
            fragment = " ".join(fragment.split())
            # Punctuation left over around a placeholder ("… %(name)s.") is no language.
            if not re.search(r"\w", fragment):
                continue
            if " " in fragment:
                if fragment in text or any(fragment in value for value in attributes):
                    found.append(fragment)
            elif fragment in labels:
                found.append(fragment)
    return found


def read_language_links(client, pages):
    """{absolute address: what each of `pages` tells readers and search engines of its languages}.

    Each page is read once, at the address a visitor uses.
    """
    read = {}
    for page in pages:
        host, path = address(page)
        soup = fetch(client, path, host)
        read[f"http://{host}{path}"] = {
            "page": page,
            "host": host,
            "language": html_lang(soup),
            "alternates": alternates(soup),
            "switcher": switcher_links(soup),
            "english_labels": english_strings_in(soup) if html_lang(soup) == "es" else [],
        }
    return read


def language_link_problems(client, pages):
    """(problems, how many pages name their versions) of pages read by `read_language_links`.

    A page naming its translations names itself too, each page it names names
    the same set back, x-default is the English page, and its switcher links
    to those pages. Every switcher link answers, and no Spanish page shows an
    English interface label.
    """
    problems = []
    with_alternates = 0
    for url, seen in pages.items():
        language, named = seen["language"], seen["alternates"]
        assert language == seen["page"].locale.language_code, url
        if seen["english_labels"]:
            problems.append(f"{url}: English interface text {seen['english_labels']}")
        # One link to each other language, to a page that answers.
        others = [code for code in LANGUAGE_NAMES if code != language]
        if sorted(code for code, _href in seen["switcher"]) != others:
            problems.append(f"{url}: switcher links {seen['switcher']}")
        for code, href in seen["switcher"]:
            if f"http://{seen['host']}{href}" in pages:
                continue  # read above, and `fetch` accepts nothing but a 200
            target = client.get(href, HTTP_HOST=seen["host"])
            if target.status_code != 200:
                problems.append(f"{url}: switcher {code} -> {href}: {target.status_code}")
        if not named:
            continue
        with_alternates += 1
        if set(named) != {*LANGUAGE_NAMES, "x-default"}:
            problems.append(f"{url}: hreflang {sorted(named)}")
            continue
        if named[language] != url:
            problems.append(f"{url}: names {named[language]} as itself")
        if named["x-default"] != named["en"]:
            problems.append(f"{url}: x-default {named['x-default']} is not the English page")
        for code, href in seen["switcher"]:
            if f"http://{seen['host']}{href}" != named[code]:
                problems.append(f"{url}: switcher {code} -> {href}, hreflang {named[code]}")
        for code in LANGUAGE_NAMES:
            other = pages.get(named[code])
            if other is None:
                problems.append(f"{url}: {code} version {named[code]} is not a live page")
            elif other["alternates"] != named:
                problems.append(f"{url}: {named[code]} names {other['alternates']}")
    return problems, with_alternates


def live_pages_of(site):
    """Every live page of `site` in every language, as its own type."""
    homes = site.root_page.get_translations(inclusive=True)
    pages = Page.objects.none()
    for home in homes:
        pages |= Page.objects.descendant_of(home, inclusive=True)
    return list(pages.live().specific().order_by("path"))


def translate_menu_and_footer(site, spanish_tagline):
    """The site's English header menu and footer translated into Spanish.

    As the demo loader does it: the Spanish menu keeps the English menu's
    links, which lead to each page's Spanish version.
    """
    english_locale, spanish_locale = content_locales()
    translate_snippet(MainMenu.objects.get(site=site, locale=english_locale), spanish_locale)
    footer = Footer.objects.get(site=site, locale=english_locale)
    translate_snippet(footer, spanish_locale, tagline=spanish_tagline)


# --- The sites in both languages ----------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("host", BILINGUAL_HOSTS)
def test_spanish_home_page_is_all_in_spanish(client, sites_in_two_languages, host):
    """/es/ reads in Spanish: page language, skip link, menu, footer, and no English labels."""
    site = Site.objects.get(hostname=host)
    translate_menu_and_footer(site, spanish_tagline="Mejores escuelas, juntos.")
    menu_sections = site.root_page.get_children().live().in_menu()

    soup = fetch(client, "/es/", host)

    assert html_lang(soup) == "es"
    assert soup.select_one("a.skip-link").get_text(strip=True) == "Saltar al contenido principal"
    # Every section in the menu has been translated (not a twin showing English), and
    # the menu names it by its Spanish title.
    spanish_sections = [
        section.get_translation(Locale.objects.get(language_code="es")) for section in menu_sections
    ]
    assert [original_of(section) for section in spanish_sections] == [None] * len(spanish_sections)
    assert [link.get_text(strip=True) for link in soup.select("nav.main-menu a")] == [
        "Inicio",
        *(section.title for section in spanish_sections),
    ]
    assert soup.select_one("nav.main-menu")["aria-label"] == "Principal"
    assert soup.select_one(".site-footer__tagline").get_text(strip=True) == (
        "Mejores escuelas, juntos."
    )
    assert english_strings_in(soup) == []


@pytest.mark.django_db
def test_each_page_type_names_its_translations_reciprocally(client, sites_in_two_languages):
    """One page of every type and its Spanish translation name each other, and only each other.

    The rules of the demo's sweep (`language_link_problems`), on a site with a
    page of each type in both languages and one untranslated article, whose
    Spanish twin names no versions but still offers the English page.
    """
    every_type = sites_in_two_languages["every_type"]
    pages = read_language_links(client, live_pages_of(every_type["site"]))
    read_types = {type(seen["page"]) for seen in pages.values()}
    assert read_types == every_page_type()

    problems, with_alternates = language_link_problems(client, pages)

    assert problems == []
    # Each translated page and its English original, and not the untranslated article's twin.
    assert len(every_type["spanish"]) == len(every_page_type())
    assert with_alternates == 2 * len(every_type["spanish"])
    twin = pages["http://{}{}".format(*address(every_type["twin"]))]
    assert twin["alternates"] == {}
    assert [code for code, _href in twin["switcher"]] == ["en"]


@pytest.mark.django_db
def test_switcher_on_an_article_leads_to_its_translation_and_back(client, sites_in_two_languages):
    """From an English article the switcher opens the same article in Spanish, and back again."""
    english = sites_in_two_languages["every_type"]["english"]["ArticlePage"]
    spanish = sites_in_two_languages["every_type"]["spanish"]["ArticlePage"]
    english_path, spanish_path = address(english)[1], address(spanish)[1]
    assert english_path == "/news/essa-community-forums/"

    english_soup = fetch(client, english_path)
    switcher = english_soup.select_one("nav.language-switcher")
    assert switcher.select_one("[aria-current]").get_text(strip=True) == "English"
    link = switcher.find("a")
    assert (link.get_text(strip=True), link["hreflang"], link["lang"]) == ("Español", "es", "es")
    assert link["href"] == spanish_path
    assert link["href"].startswith("/es/") and link["href"].endswith("/foros-comunitarios-essa/")

    spanish_soup = fetch(client, link["href"])
    assert spanish_soup.h1.get_text(strip=True) == "Foros comunitarios sobre ESSA"
    back = spanish_soup.select_one("nav.language-switcher a")
    assert (back.get_text(strip=True), back["hreflang"]) == ("English", "en")
    assert back["href"] == english_path
    current = spanish_soup.select_one("nav.language-switcher [aria-current]")
    assert current.get_text(strip=True) == "Español"


@pytest.mark.django_db
def test_untranslated_page_is_shown_in_english_under_es_and_says_so(client, sites_in_two_languages):
    """A new English article gets a Spanish address at once, with a notice and the original's link.

    Search engines are pointed at the English original and told of no translation.
    """
    english_locale, spanish_locale = content_locales()
    news = sites_in_two_languages["every_type"]["english"]["NewsIndexPage"]
    article = make_article(news, title="School board meets in Gallup", slug="board-in-gallup")
    synchronize_tree(english_locale, spanish_locale)
    twin = article.get_translation(spanish_locale)
    assert twin.alias_of_id == article.pk
    english_path, twin_path = address(article)[1], address(twin)[1]
    assert twin_path.startswith("/es/")

    twin_soup = fetch(client, twin_path)
    english_soup = fetch(client, english_path)

    assert html_lang(twin_soup) == "es"
    # The English text is marked English; the Spanish interface around it is not.
    assert twin_soup.h1["lang"] == "en"
    assert "lang" not in twin_soup.main.attrs
    assert "lang" not in twin_soup.select_one(".page-header__meta").attrs
    notice = twin_soup.main.select_one(".notice")
    assert "Esta página todavía no está traducida" in notice.get_text()
    original = notice.find("a")
    assert (original.get_text(strip=True), original["href"]) == ("Leer el original", english_path)
    assert twin_soup.h1.get_text(strip=True) == "School board meets in Gallup"
    assert canonical(twin_soup) == f"http://{BILINGUAL_HOST}{english_path}"
    assert alternates(twin_soup) == {}
    assert alternates(english_soup) == {}
    # The English page still leads Spanish readers to the twin, but offers no "read in Spanish".
    assert switcher_links(english_soup) == [("es", twin_path)]
    assert english_soup.select(".language-hint") == []
    assert "lang" not in english_soup.h1.attrs


@pytest.mark.django_db
def test_site_without_a_spanish_home_serves_english_under_es_and_says_so(
    client, sites_in_two_languages
):
    """A new organization not yet in Spanish: /es/ addresses show the English, marked as such.

    Beside it, organizations whose sites are in both languages.
    """
    make_site(hostname="third.localhost", name="Third Organization", default=False)
    english_soup = fetch(client, "/", "third.localhost")
    soup = fetch(client, "/es/", "third.localhost")

    assert html_lang(soup) == "es"
    assert soup.select_one(".hero__text")["lang"] == "en"
    original = soup.main.select_one(".notice a")
    assert original["href"] == "/"
    assert canonical(soup) == "http://third.localhost/"
    assert alternates(soup) == {} == alternates(english_soup)


@pytest.mark.django_db
def test_a_spanish_browser_is_not_redirected_but_offered_spanish(client, sites_in_two_languages):
    """A visitor whose browser prefers Spanish gets English at / plus a hidden offer of /es/."""
    response = client.get("/", HTTP_HOST=BILINGUAL_HOST, HTTP_ACCEPT_LANGUAGE="es")
    soup = soup_of(response, "/")

    assert html_lang(soup) == "en"
    assert soup.select_one("a.skip-link").get_text(strip=True) == "Skip to main content"
    hints = soup.select(".language-hint")
    assert len(hints) == 1
    hint = hints[0]
    assert hint["data-language-hint"] == "es"
    assert hint.has_attr("hidden")
    link = hint.find("a")
    assert (link.get_text(strip=True), link["href"]) == ("Ver esta página en español", "/es/")
    news = client.get("/news/", HTTP_HOST=BILINGUAL_HOST, HTTP_ACCEPT_LANGUAGE="es")
    assert news.status_code == 200


@pytest.mark.django_db
def test_dates_follow_the_language_being_read(client, sites_in_two_languages):
    """An article dated 20 September 2016 shows that date the Spanish way under /es/."""
    english = sites_in_two_languages["every_type"]["english"]["ArticlePage"]
    spanish = sites_in_two_languages["every_type"]["spanish"]["ArticlePage"]
    assert english.publication_date == datetime.date(2016, 9, 20)
    with translation.override("en"):
        english_date = date_format(english.publication_date, "DATE_FORMAT")
    assert english_date != "20 de septiembre de 2016"

    english_soup = fetch(client, address(english)[1])
    spanish_soup = fetch(client, address(spanish)[1])
    spanish_news = fetch(client, address(spanish.get_parent())[1])

    assert english_soup.select_one(".page-header__meta time").get_text(strip=True) == english_date
    assert spanish_soup.select_one(".page-header__meta time").get_text(strip=True) == (
        "20 de septiembre de 2016"
    )
    assert "20 de septiembre de 2016" in [
        time.get_text(strip=True) for time in spanish_news.select(".card__meta time")
    ]


@pytest.mark.django_db
def test_pages_do_not_vary_by_the_browsers_language(client, sites_in_two_languages):
    """Caches keep one copy of each page: its language comes from the address alone."""
    for path in ("/", "/es/", "/es/noticias/", "/no-such-page/", "/sitemap.xml", "/search/?q=ley"):
        response = client.get(path, HTTP_HOST=BILINGUAL_HOST, HTTP_ACCEPT_LANGUAGE="es")
        assert "accept-language" not in response.get("Vary", "").lower(), path
        expected = "es" if path.startswith("/es/") else "en"
        assert response["Content-Language"] == expected, path
    # The admin does follow the browser's language, so it still says so.
    admin = client.get("/admin/login/", HTTP_HOST=BILINGUAL_HOST)
    assert "accept-language" in admin["Vary"].lower()


@pytest.mark.django_db
def test_english_alt_text_is_marked_english_on_spanish_pages(client, sites_in_two_languages):
    """Screen readers switch voice for the image library's English alt text on Spanish pages."""
    soup = fetch(client, "/es/noticias/foros-comunitarios-essa/")
    picture = soup.select_one("figure.page-image img")
    assert html_lang(soup) == "es"
    assert picture["alt"].startswith("Illustration:")
    assert picture["lang"] == "en"
