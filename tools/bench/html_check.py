"""The Nu HTML Checker (vnu) on one page of every type of both sites, in every language.

    .venv/bin/python tools/bench/html_check.py            # rebuilds the bench database first
    .venv/bin/python tools/bench/html_check.py --reuse

Production settings on the bench database (tools/bench/_bench.py), rendered
through Django's test client: for each site and language, the first live
page of each page type, a news topic's page, search results and the
not-found page. The HTML is written to a temporary folder and checked by
vnu (npm's vnu-jar, installed into tools/bench/node_modules when missing;
it needs Java). Prints each error, then a count per site; exits 1 on any
error. Target: zero errors.
"""

import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _bench import build_database, production_environment  # noqa: E402

BENCH = Path(__file__).resolve().parent
VNU = BENCH / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# vnu's --format gnu: "file:/path/name.html":line.col-line.col: error: message
GNU_LINE = re.compile(r'^"file:(?P<file>[^"]+)":(?P<where>[^:]+): (?P<message>.*)$')


def ensure_vnu():
    if not VNU.exists():
        print("Installing vnu-jar into tools/bench/node_modules...", file=sys.stderr)
        subprocess.run(
            ["npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", BENCH]
            + ["vnu-jar"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return VNU


def addresses():
    """[(site label, language, kind, host, path)]: one page of each type per site and language."""
    from django.conf import settings

    from wagtail.models import Page, Site

    from articles.models import NewsIndexPage

    found = []
    for site in Site.objects.order_by("-is_default_site", "hostname"):
        label = site.site_name or site.hostname
        for language, _name in settings.LANGUAGES:
            pages = (
                Page.objects.live()
                .public()
                .descendant_of(site.root_page.get_translation(locale_for(language)))
                .filter(locale__language_code=language)
                .specific()
                .order_by("path")
            )
            seen = set()
            for page in pages:
                kind = type(page).__name__
                if kind in seen:
                    continue
                seen.add(kind)
                found.append((label, language, kind, site.hostname, page.get_url_parts()[2]))
                if isinstance(page, NewsIndexPage):
                    topics = page.topics_in_use(None)
                    if topics:
                        slug = topics[0].filed.slug
                        path = page.get_url_parts()[2] + page.reverse_subpage("topic", args=[slug])
                        found.append((label, language, "topic", site.hostname, path))
            prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
            found.append((label, language, "search", site.hostname, f"{prefix}/search/?q=school"))
            found.append((label, language, "not-found", site.hostname, f"{prefix}/no-such-page/"))
    return found


def locale_for(language):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=language)


def main():
    production_environment()
    if "--reuse" not in sys.argv:
        build_database()
    import django

    django.setup()
    from django.test import Client

    vnu = ensure_vnu()
    client = Client()
    errors_by_site = defaultdict(int)
    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for label, language, kind, host, path in addresses():
            response = client.get(path, HTTP_HOST=host)
            if response.status_code in (301, 302):  # an old address (a topic's English slug)
                response = client.get(response["Location"], HTTP_HOST=host)
            if response.status_code not in (200, 404):
                raise SystemExit(f"{host}{path} ({kind}) answered {response.status_code}")
            name = f"{len(files):03d}-{host}-{language}-{kind}.html"
            (Path(folder) / name).write_bytes(response.content)
            files[name] = (label, language, kind, f"{host}{path}")
        result = subprocess.run(
            ["java", "-jar", str(vnu), "--errors-only", "--format", "gnu", folder],
            capture_output=True,
            text=True,
        )
        for line in result.stderr.splitlines() + result.stdout.splitlines():
            found = GNU_LINE.match(line)
            if not found or Path(found["file"]).name not in files:
                print(line)
                continue
            label, language, kind, address = files[Path(found["file"]).name]
            errors_by_site[label] += 1
            print(f"{address} ({language}, {kind}) {found['where']}: {found['message']}")
        if result.returncode and not errors_by_site:
            raise SystemExit(f"vnu failed (exit {result.returncode})")
        print(f"\n{len(files)} pages checked")
        for label in sorted({entry[0] for entry in files.values()}):
            checked = sum(1 for entry in files.values() if entry[0] == label)
            print(f"  {label}: {checked} pages, {errors_by_site[label]} errors")
    return 1 if errors_by_site else 0


if __name__ == "__main__":
    sys.exit(main())
