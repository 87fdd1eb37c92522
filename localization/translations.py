"""Pages across languages: their versions (switcher, hreflang, hints) and links to them.

Tree synchronization gives every English page a Spanish twin as soon as it
exists. Until a translator replaces it, that twin is an alias: the English
content under a Spanish address. Such twins are worth linking to (the
visitor stays in Spanish around it) but are not translations, so search
engines are not told about them. The same goes for a translation that
wagtail-localize has started but nobody has translated a string of yet.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef, Subquery
from django.utils.html import format_html
from django.utils.translation import get_language

from wagtail.blocks import StreamValue
from wagtail.blocks.list_block import ListValue
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site

from wagtail_localize.models import StringTranslation, Translation

from caching.rows import as_plain, from_plain
from caching.versions import cached_for_content, caching_enabled
from routing.site_context import site_context

# Each hint is written in the language it offers, like the language names.
LANGUAGE_HINTS = {"en": "Read this page in English", "es": "Ver esta página en español"}


@dataclass(frozen=True)
class LanguageVersion:
    language_code: str
    name: str  # in its own language: "English", "Español"
    url: str
    is_current: bool
    is_translation: bool  # has its own text: not a twin, nor a translation nobody has begun
    # The page has no live version in this language: the link leads to its home page instead.
    leads_home: bool = False

    @property
    def hint(self):
        return LANGUAGE_HINTS.get(self.language_code, self.name)


def active_locale(request=None):
    """The Locale of the language being read, looked up once per request.

    Wagtail's Locale.get_active() queries the database on every call, and a
    page asks for it once per link it localises.
    """
    language_code = get_language()

    def work_out():
        locale_id = locale_ids().get(language_code) if caching_enabled() else None
        if locale_id is not None:
            return Locale(id=locale_id, language_code=language_code)
        return Locale.get_active()

    return site_context(request).remember(("active-locale", language_code), work_out)


def locale_ids():
    """{language code: Locale id} of every locale, kept with the content cache.

    A locale's id never changes, and one added since is looked up the usual way.
    """
    return cached_for_content(
        "locale-ids", lambda: dict(Locale.objects.values_list("language_code", "id"))
    )


def language_of(page):
    """The language code of `page`, without reading its locale when the content cache knows it."""
    if caching_enabled():
        for language_code, locale_id in locale_ids().items():
            if locale_id == page.locale_id:
                return language_code
    return page.locale.language_code


def localized(page, request=None):
    """`page` in the language being read (its live translation or twin), else `page` itself.

    Links chosen in English (menus, buttons, pillars) follow the reader into
    Spanish this way, even where a translation still points at English pages.
    """
    if page is None:
        return None
    return localized_pages([page], request)[page.pk]


def _pages_in(value):
    """Every page chosen anywhere inside a StreamField value (links in blocks, cards…)."""
    if isinstance(value, Page):
        yield value
    elif isinstance(value, StreamValue):
        for child in value:
            yield from _pages_in(child.value)
    elif isinstance(value, dict):  # a StructValue
        for child in value.values():
            yield from _pages_in(child)
    elif isinstance(value, list | tuple | ListValue):
        for child in value:
            yield from _pages_in(child)


def _is_chosen_page_field(field):
    """A page an editor chose in a field of the page's own (a button's target), not Wagtail's."""
    return (
        field.many_to_one
        and field.concrete
        and isinstance(field.related_model, type)
        and issubclass(field.related_model, Page)
        and field.name != "alias_of"
    )


def linked_page(target, page, request):
    """`target` in the reader's language, for a link on `page`.

    The first call on a request localises every page linked from `page`'s
    StreamFields in one query, so a Spanish page with many links costs the
    same as one with a few.
    """
    if request is None:
        return localized(target, request)

    def work_out():
        chosen = []
        if page is not None:
            for field in page._meta.get_fields():
                if isinstance(field, StreamField):
                    chosen.extend(_pages_in(getattr(page, field.name)))
                elif _is_chosen_page_field(field):
                    chosen.extend(_pages_in(getattr(page, field.name)))
        return localized_pages(chosen, request)

    cache = site_context(request).remember("linked-pages", work_out)
    if target.pk in cache:
        return cache[target.pk]
    return localized(target, request)


def localized_pages(pages, request=None):
    """Like `localized` for many pages at once, in one query: {page.pk: page to link to}."""
    locale = active_locale(request)
    result = {page.pk: page for page in pages}
    foreign = {page.translation_key: page for page in pages if page.locale_id != locale.id}
    if foreign:
        translations = Page.objects.live().filter(translation_key__in=foreign, locale=locale)
        for translation in translations:
            result[foreign[translation.translation_key].pk] = translation
    return result


def original_of(page, request=None):
    """The page in another language whose text `page` shows, or None if it has its own text.

    That is a twin made by tree synchronization (an alias), or a translation
    wagtail-localize has made but of which no string has been translated yet:
    the library fills (and may publish) it with the original's text.
    Worked out once per request and page, as the layout asks more than once.
    """
    originals = site_context(request).table("originals")
    if page.pk not in originals:
        originals[page.pk] = _find_original(page, request)
    return originals[page.pk]


def _find_original(page, request=None):
    if page.alias_of_id is not None:
        source = page.alias_of
        return source.specific if source.locale_id != page.locale_id else None
    if language_of(page) == settings.LANGUAGE_CODE:
        return None  # the default language is what everything is translated from
    if request is not None and page.live and not hasattr(page, "translation_job_source_locale"):
        # The language switcher reads the page's versions with what is needed
        # here (live_versions); reading them now costs that query once, not twice.
        live_versions(page, request)
    if hasattr(page, "translation_job_source_locale"):
        # Read with the page (with_translation_state): the same answer, no query.
        if page.translation_job_source_locale is None or page.translation_started:
            return None
        return page.get_translation_or_none(page.translation_job_source_locale)
    strings_translated = StringTranslation.objects.filter(
        context__object_id=page.translation_key, locale_id=page.locale_id
    )
    job = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id
        )
        .annotate(started=Exists(strings_translated))
        .select_related("source")
        .first()
    )
    if job is None or job.started:
        return None  # translated by hand, or a translator has begun
    return page.get_translation_or_none(job.source.locale_id)


def with_translation_state(pages):
    """`pages` annotated with what _find_original asks wagtail-localize, in the same query.

    translation_job_source_locale: the source language's locale of the page's
    first translation job, or None; translation_started: whether any of its
    strings has been translated in the page's language.
    """
    first_job = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"), target_locale_id=OuterRef("locale_id")
    ).order_by("pk")
    return pages.annotate(
        translation_job_source_locale=Subquery(first_job.values("source__locale_id")[:1]),
        translation_started=Exists(
            StringTranslation.objects.filter(
                context__object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
            )
        ),
    )


def live_versions(page, request):
    """{language code: live version of `page`}, read with their translation state.

    One query per request and page. The page itself stands for its own
    language, so what is learned about it is kept on it (see original_of).
    """

    def read():
        versions = {}
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        for version in with_translation_state(translations):
            if version.pk == page.pk:
                page.translation_job_source_locale = version.translation_job_source_locale
                page.translation_started = version.translation_started
                version = page
            versions[version.locale.language_code] = version
        return versions

    return site_context(request).remember(("live-versions", page.pk), read)


def language_versions(page, request):
    """One LanguageVersion per site language, in settings order.

    A language without a live version of this page (it may still be a draft)
    links to that language's home page, so the switcher never leads to a 404.
    """
    current_language = get_language()
    versions = live_versions(page, request) if page is not None else {}
    versions_home = None
    result = []
    for language_code, name in settings.LANGUAGES:
        version = versions.get(language_code)
        leads_home = version is None
        if leads_home:
            if versions_home is None:
                versions_home = _home_versions(request)
            version = versions_home.get(language_code)
            if version is None:
                continue
            is_translation = False
        else:
            is_translation = original_of(version, request) is None
        result.append(
            LanguageVersion(
                language_code=language_code,
                name=name,
                url=version.get_url(request),
                is_current=language_code == current_language,
                is_translation=is_translation,
                leads_home=leads_home,
            )
        )
    return result


def _home_versions(request):
    site = Site.find_for_request(request)
    if site is None:
        return {}
    return {
        home.locale.language_code: home
        for home in site.root_page.get_translations(inclusive=True).live().select_related("locale")
    }


def alternate_links(page, versions):
    """(hreflang, url) pairs for search engines, plus x-default, or [] if untranslated.

    Only real translations count, and only when the page being read is one
    of them, so every page named points back at every other (reciprocal).
    """
    translated = [version for version in versions if version.is_translation]
    current = next((version for version in versions if version.is_current), None)
    if page is None or current is None or not current.is_translation or len(translated) < 2:
        return []
    links = [(version.language_code, version.url) for version in translated]
    default = next((url for code, url in links if code == settings.LANGUAGE_CODE), links[0][1])
    return [*links, ("x-default", default)]


def shown_original(page, request=None):
    """The page whose text a reader of `page` is really given, if in another language; else None.

    An untranslated twin shows its original; a page served under another
    language's address (a site with no home page in that language) is
    itself the original.
    """
    if page is None:
        return None
    original = original_of(page, request)
    if original is not None:
        return original
    return page if language_of(page) != get_language() else None


def sub_address_versions(page, request, versions):
    """The versions of the address being served below `page`, or None when it is the page itself.

    A routable page serving an address of its own (the news index's topic
    pages) knows where that address is in each language; it says so with a
    `sub_address_languages(request, versions)` method, given the page's own
    `versions`, returning a LanguageVersion per language (or None for the
    page itself). Built from the page's versions and what the page has read,
    it costs no query.
    """
    of_sub_address = getattr(page, "sub_address_languages", None)
    return of_sub_address(request, versions) if of_sub_address is not None else None


def page_languages(page, request):
    """Everything the layout needs about languages for one page, computed once.

    `sub_address` says whether the versions are those of an address below the
    page (see sub_address_versions) rather than the page's own.
    """
    versions = language_versions(page, request)
    sub_address = sub_address_versions(page, request, versions)
    if sub_address is not None:
        versions = sub_address
    original = shown_original(page, request)
    return {
        "versions": versions,
        "sub_address": sub_address is not None,
        "alternates": alternate_links(page, versions),
        # The browser-language hint only offers real translations.
        "hints": [v for v in versions if v.is_translation and not v.is_current],
        # A page showing text in another language says so, links the
        # original, and marks that text with its language.
        "original": original,
        # ` lang="en"` for the elements holding that text (not the Spanish
        # interface around it), or nothing.
        "content_lang_attr": (
            format_html(' lang="{}"', original.locale.language_code) if original else ""
        ),
        # Alt text in the image library is written once, in the default
        # language; images chosen on a page (hero, article, story) carry it.
        "image_alt_language": settings.LANGUAGE_CODE,
    }


# --- Translatable snippets in the reader's language (topics, people) ---------


def in_reader_language(snippets, request=None, queryset=None):
    """`snippets` as the language being read has them, each falling back to itself.

    Pages keep pointing at the snippets they were filed under (the default
    language's topics or people); each is swapped for its translation in the
    language being read, if it has one. All of a model's snippets in that
    language are read once per request, so a page naming many costs one
    query however many it names. `queryset` says how to read them (e.g.
    with their photos): then only the translations of `snippets` are read,
    and a later call reads only those it has not asked for yet.
    """
    snippets = list(snippets)
    if not snippets:
        return []
    model = snippets[0]._meta.concrete_model
    locale = active_locale(request)
    caches = site_context(request).table("snippets-in-reader-language")
    if all(item.locale_id == locale.pk for item in snippets):
        return snippets  # already in the language being read: each is its own translation
    key = (model._meta.label, locale.pk)
    if queryset is None:
        if key not in caches:
            # A shared part of every page in this language (retired when a
            # snippet is saved, caching/invalidation.py).
            rows = cached_for_content(
                f"snippets-in-language:{model._meta.label}:{locale.pk}",
                lambda: [as_plain(item) for item in model._default_manager.filter(locale=locale)],
            )
            caches[key] = {item.translation_key: item for item in map(from_plain, rows)}
    else:
        # Read with their photos and such, so only those asked for: None marks
        # one asked for that has no translation.
        known = caches.setdefault(key, {})
        missing = {item.translation_key for item in snippets} - known.keys()
        if missing:
            known.update(dict.fromkeys(missing))
            found = queryset.filter(locale=locale, translation_key__in=missing)
            known.update({item.translation_key: item for item in found})
    translations = caches[key]
    return [translations.get(item.translation_key) or item for item in snippets]
