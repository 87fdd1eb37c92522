"""From blocks that retyped a report's or issues' text to blocks choosing those pages: data steps.

The featured report block held a copy of its report (title, summary,
partners, cover, a link) and the issue list a copy of each issue (title,
summary, link). Both now hold the pages chosen and show what those pages
hold (`pages/chosen_pages.py`). Every page type whose body is the block
library converts its stored bodies in its own migration, with
`retyped_block_steps`:

- a block (or an issue) whose link chose a report page (an issue page)
  now chooses that page;
- otherwise, the page of that type whose title is the one typed, on the
  same site (its home page and the home's translations), preferring one in
  the language of the page holding the block, then a live one;
- an issue found nowhere is left out of its list, and a block with nothing
  found is removed, the rest of the body kept: the copy it held was never
  more than a copy, and a block choosing nothing would show nothing.

Saved copies of a page hold its body too: revisions (drafts, history) and
wagtail-localize's translation sources. They are rewritten the same way, so
an editor opening a draft or translating the page finds the new blocks.
Everything takes an `apps` registry (a migration's) and never fails on data
it cannot read: a body that is not a list of blocks is left as it was, and a
featured report or issue list it cannot read is removed like one whose page
is not found. It runs both ways: going back, a block gets the chosen page's
text again, with a link to the page.
"""

import json
import uuid

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import JSONField
from django.db.models.functions import Cast

FEATURED_REPORT = "featured_report"
ISSUE_LIST = "issue_list"
# The former block's label until an editor changed it; the new block shows it,
# translated, when its label is left blank.
FORMER_DEFAULT_LABEL = "Featured report"


def _words(text):
    """A title as compared: case and spacing aside, as editors retype titles."""
    return " ".join(str(text or "").split()).casefold()


def _page_id(link):
    """The page id a stored link value chose, or None."""
    page = link.get("page") if isinstance(link, dict) else None
    if isinstance(page, bool):
        return None
    if isinstance(page, int):
        return page
    if isinstance(page, str) and page.isdigit():
        return int(page)
    return None


class ChosenPages:
    """The report and issue pages, read once per migration run, and how to find one by its copy."""

    FIELDS = {
        "report": ("reports", "ReportPage", ("summary", "partners")),
        "issue": ("issues", "IssuePage", ("summary",)),
    }

    def __init__(self, apps):
        self.apps = apps
        Page = apps.get_model("wagtailcore", "Page")
        # Each site's home page and its translations share a translation key.
        self.homes = dict(Page.objects.filter(depth=2).values_list("path", "translation_key"))
        self._pages = {}

    def pages(self, kind):
        """{pk: row dict} of every page of `kind` ("report" or "issue")."""
        if kind not in self._pages:
            app_label, model_name, fields = self.FIELDS[kind]
            model = self.apps.get_model(app_label, model_name)
            rows = model.objects.values(
                "pk", "title", "path", "locale_id", "live", "translation_key", *fields
            )
            self._pages[kind] = {row["pk"]: row for row in rows}
        return self._pages[kind]

    def site_of(self, path):
        """The translation key of the home page above `path`, standing for its site, or None."""
        if not path:
            return None
        return next((key for home, key in self.homes.items() if path.startswith(home)), None)

    def find(self, kind, copy, path, locale_id):
        """The pk of the page of `kind` the retyped `copy` (a block's or an issue's value) meant."""
        pages = self.pages(kind)
        chosen = _page_id(copy.get("link"))
        if chosen in pages:
            return chosen
        title, site = _words(copy.get("title")), self.site_of(path)
        if not title or site is None:
            return None
        matches = [
            page
            for page in pages.values()
            if _words(page["title"]) == title and self.site_of(page["path"]) == site
        ]
        if not matches:
            return None
        best = min(matches, key=lambda page: (page["locale_id"] != locale_id, not page["live"]))
        return best["pk"]

    def in_language(self, kind, pk, locale_id):
        """The row of page `pk` of `kind`, or of its translation in `locale_id` if there is one."""
        chosen = self.pages(kind).get(pk)
        if chosen is None or chosen["locale_id"] == locale_id:
            return chosen
        translations = (
            page
            for page in self.pages(kind).values()
            if page["translation_key"] == chosen["translation_key"]
            and page["locale_id"] == locale_id
        )
        return next(translations, chosen)


def _list_items(raw):
    """(id, value) of each item of a stored ListBlock value, in either of Wagtail's formats."""
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            yield item.get("id"), item["value"]
        else:
            yield None, item


def _list_item(item_id, value):
    return {"type": "item", "value": value, "id": item_id or str(uuid.uuid4())}


def _chosen_report(value, pages, path, locale_id):
    if "report" in value:
        return value  # already a choice
    report = pages.find("report", value, path, locale_id)
    if report is None:
        return None
    label = value.get("label")
    if not isinstance(label, str) or label.strip() == FORMER_DEFAULT_LABEL:
        # The former block's own default: blank now shows it in the reader's language.
        label = ""
    return {"report": report, "label": label}


def _chosen_issues(value, pages, path, locale_id):
    items = list(_list_items(value.get("issues")))
    if all(isinstance(issue, int) for _id, issue in items) and items:
        return value  # already choices
    chosen = []
    for item_id, issue in items:
        found = pages.find("issue", issue, path, locale_id) if isinstance(issue, dict) else None
        if found is not None:
            chosen.append(_list_item(item_id, found))
    if not chosen:
        return None
    return {
        "heading": value.get("heading") or "Important issues",
        "intro": value.get("intro") or "",
        "issues": chosen,
    }


def _rewrite_blocks(stream, convert):
    """(stream, changed): each featured report and issue list of a stored body through `convert`.

    `convert(block_type, value)` gives the new value, the same value when
    there is nothing to do, or None to remove the block (as it does with a
    value it cannot read).
    """
    result, changed = [], False
    for child in stream:
        if not isinstance(child, dict) or child.get("type") not in (FEATURED_REPORT, ISSUE_LIST):
            result.append(child)
            continue
        value = child.get("value")
        new_value = convert(child["type"], value) if isinstance(value, dict) else None
        if new_value is not value:
            changed = True
        if new_value is not None:
            result.append({**child, "value": new_value})
    return result, changed


def choose_pages(stream, pages, path, locale_id):
    """(stream, changed): a stored body with its retyped blocks made into choices, or removed."""
    converters = {FEATURED_REPORT: _chosen_report, ISSUE_LIST: _chosen_issues}
    return _rewrite_blocks(
        stream, lambda block_type, value: converters[block_type](value, pages, path, locale_id)
    )


def _retyped_report(value, pages, locale_id):
    if "report" not in value:
        return value  # still a copy
    report = pages.in_language("report", value["report"], locale_id)
    if report is None:
        return None
    return {
        "label": value.get("label") or FORMER_DEFAULT_LABEL,
        "title": report["title"],
        "summary": report["summary"],
        "partners": report["partners"],
        # The page chosen, not its translation: links follow readers into their language.
        "link": {"page": value["report"], "url": "", "label": ""},
    }


def _retyped_issues(value, pages, locale_id):
    items = list(_list_items(value.get("issues")))
    if not all(isinstance(issue, int) for _id, issue in items):
        return value  # still copies
    retyped = []
    for item_id, issue in items:
        row = pages.in_language("issue", issue, locale_id)
        if row is not None:
            link = {"page": issue, "url": "", "label": ""}
            copy = {"title": row["title"], "summary": row["summary"], "link": link}
            retyped.append(_list_item(item_id, copy))
    if not retyped:
        return None
    return {**value, "issues": retyped}


def retype_pages(stream, pages, locale_id):
    """(stream, changed): a stored body whose choices are copies of the chosen pages again.

    Copied from the page's translation in the language of the page holding
    the block where there is one, as a translator would have typed it.
    """
    converters = {FEATURED_REPORT: _retyped_report, ISSUE_LIST: _retyped_issues}
    return _rewrite_blocks(
        stream, lambda block_type, value: converters[block_type](value, pages, locale_id)
    )


# --- Where bodies are stored -------------------------------------------------------------------


def _as_stream(stored):
    """A stored body as a list of raw blocks, or None if it cannot be read as one."""
    if isinstance(stored, str):
        try:
            stored = json.loads(stored) if stored.strip() else []
        except ValueError:
            return None
    return stored if isinstance(stored, list) else None


def _rewritten_content(content, rewrite, fields):
    """Rewrite the bodies in a saved copy of a page (a dict); True if any changed.

    Saved copies hold a body as JSON text; it is written back the way it was held.
    """
    changed = False
    for field in fields:
        stored = content.get(field)
        stream = _as_stream(stored)
        if stream is None:
            continue
        stream, field_changed = rewrite(stream, content.get("path"), content.get("locale"))
        if field_changed:
            content[field] = (
                json.dumps(stream, cls=DjangoJSONEncoder) if isinstance(stored, str) else stream
            )
            changed = True
    return changed


def rewrite_stored_bodies(apps, app_label, model_name, rewrite, fields=("body",)):
    """Apply `rewrite(stream, path, locale_id)` to every stored body of a page type.

    The live rows, their revisions and wagtail-localize's translation sources.
    """
    Model = apps.get_model(app_label, model_name)
    # Read as plain JSON, not through the StreamField, which would leave out
    # any block its definition at this point of the migrations does not name.
    raw = {f"raw_{field}": Cast(field, output_field=JSONField()) for field in fields}
    rows = Model.objects.annotate(**raw).values_list("pk", "path", "locale_id", *raw)
    for pk, path, locale_id, *bodies in rows:
        changes = {}
        for field, stored in zip(fields, bodies, strict=True):
            stream = _as_stream(stored)
            if stream is None:
                continue
            stream, changed = rewrite(stream, path, locale_id)
            if changed:
                changes[field] = stream
        if changes:
            Model.objects.filter(pk=pk).update(**changes)

    ContentType = apps.get_model("contenttypes", "ContentType")
    # By id: going backwards, the registry's ContentType may be another class than
    # the one Revision's foreign key was rendered with.
    content_type = (
        ContentType.objects.filter(app_label=app_label, model=model_name.lower())
        .values_list("pk", flat=True)
        .first()
    )
    if content_type is None:
        return
    Revision = apps.get_model("wagtailcore", "Revision")
    for revision in Revision.objects.filter(content_type_id=content_type).iterator():
        content = revision.content
        if isinstance(content, dict) and _rewritten_content(content, rewrite, fields):
            revision.save(update_fields=["content"])
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    sources = TranslationSource.objects.filter(specific_content_type_id=content_type)
    for source in sources.iterator():
        try:
            content = json.loads(source.content_json)
        except (TypeError, ValueError):
            continue
        if isinstance(content, dict) and _rewritten_content(content, rewrite, fields):
            source.content_json = json.dumps(content, cls=DjangoJSONEncoder)
            source.save(update_fields=["content_json"])


def retyped_block_steps(app_label, *model_names):
    """The forward and backward data steps for the bodies of an app's page types."""

    def forward(apps, schema_editor):
        pages = ChosenPages(apps)
        for model_name in model_names:
            rewrite_stored_bodies(
                apps,
                app_label,
                model_name,
                lambda stream, path, locale_id: choose_pages(stream, pages, path, locale_id),
            )

    def backward(apps, schema_editor):
        pages = ChosenPages(apps)
        for model_name in model_names:
            rewrite_stored_bodies(
                apps,
                app_label,
                model_name,
                lambda stream, path, locale_id: retype_pages(stream, pages, locale_id),
            )

    return forward, backward
