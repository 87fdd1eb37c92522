#!/usr/bin/env python
"""Take the design gallery of docs/design.md: every page type of both demo sites, as first seen.

    make screenshots

Or by hand: `.venv/bin/python tools/scripts/design_screenshots.py`.

It needs nothing running and touches no database of yours. In a temporary
folder it makes a SQLite database and a media folder, migrates, loads the
demo content (`load_demo_content`), and starts `manage.py runserver
--noreload` on a free loopback port with the development settings `make run`
uses (debug on, static files served from the source folders). From the
database it picks, per site and language, the first live page of each page
type (in tree order; the Spanish shot is the translation of the English one),
plus a news topic's page and a search with results. Chromium then takes the
first screen (the viewport, not the whole page) of each at 360 x 800 and
1366 x 900, in English and in Spanish (/es/), with a browser that prefers
the page's language. Each shot is saved as WebP in docs/design/, named
<site>-<language>-<page type>-<width>.webp (alliance-en-article-360.webp),
and the gallery between the marker comments in docs/design.md is written
again to match, so a rerun keeps both in step; shots nobody references any
more are deleted.

The gallery is kept under a size budget: when the shots come to more than
BUDGET_BYTES, they are encoded again at a lower quality. The server is
stopped however the run ends. It exits non-zero, leaving docs/ as it was,
when a page or anything it loads from the site answers 400 or more.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from PIL import Image as PILImage
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
DEFAULT_OUT_DIR = ROOT / "docs" / "design"
DEFAULT_DOC = ROOT / "docs" / "design.md"
GALLERY_START = "<!-- gallery:start -->"
GALLERY_END = "<!-- gallery:end -->"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # The demo's second site is a *.localhost name: always this machine's loopback.
    "--host-resolver-rules=MAP localhost 127.0.0.1, MAP *.localhost 127.0.0.1",
]

# The demo's sites by host name, and the prefix of their shots' file names.
SITES = {"localhost": "alliance", "kidscan.localhost": "kidscan"}
# Languages in the order the gallery shows them, with the locale the browser prefers.
LANGUAGES = {"en": ("English", "en-US"), "es": ("Spanish", "es-US")}
# A phone and a desktop: width -> height of the first screen.
SCREENS = {360: 800, 1366: 900}

QUALITY = 70
LOWEST_QUALITY = 30
QUALITY_STEP = 5
BUDGET_BYTES = 4_000_000

# The same port each run keeps the shots that print addresses (search results) the same.
PREFERRED_PORT = 8796
PAGE_TIMEOUT_MS = 30_000
SERVER_START_SECONDS = 120

# Waits until the web fonts and the pictures in the first screen have loaded or failed.
SETTLE = """async () => {
    await document.fonts.ready;
    const seen = [...document.images].filter((image) => {
        const box = image.getBoundingClientRect();
        return box.width > 0 && box.bottom > 0 && box.top < window.innerHeight;
    });
    await Promise.all(seen.filter((image) => !image.complete).map((image) => new Promise(
        (done) => {
            image.addEventListener("load", done, {once: true});
            image.addEventListener("error", done, {once: true});
        }
    )));
}"""


@dataclass(frozen=True)
class Shot:
    """One page of one site in one language; taken once per screen width."""

    site: str  # file-name prefix, e.g. "alliance"
    site_name: str
    language: str
    kind: str  # the page type in file names, e.g. "news-index"
    label: str  # the page type as the gallery names it, e.g. "News index page"
    host: str
    path: str  # with its query string
    title: str

    def file_name(self, width: int) -> str:
        return f"{self.site}-{self.language}-{self.kind}-{width}.webp"


# --- A throwaway copy of the demo ---------------------------------------------------------------

# Settings the outer shell may hold that would point at real services or data.
INHERITED_PREFIXES = (
    "DJANGO_",
    "AWS_",
    "REDIS_",
    "SENTRY_",
    "CLOUDFLARE_",
    "CLOUDFRONT_",
    "FRONTEND_CACHE_",
    "WAGTAILADMIN_",
)


def throwaway_environment(folder: Path) -> dict[str, str]:
    """The development settings of `make run`, on a database and media folder in `folder`."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(INHERITED_PREFIXES) and name != "DATABASE_URL"
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="alliance_site.settings.dev",
        DJANGO_DEBUG="true",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        DJANGO_MEDIA_ROOT=str(folder / "media"),
        DJANGO_LOG_FORMAT="text",
        DJANGO_LOG_LEVEL="WARNING",
    )
    return environment


def manage(environment, log: Path, *arguments: str) -> None:
    """Run a management command, its output into `log`; on failure show the end of it."""
    with log.open("a") as out:
        finished = subprocess.run(
            [PYTHON, "manage.py", *arguments],
            cwd=ROOT,
            env=environment,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    if finished.returncode:
        raise SystemExit(f"manage.py {' '.join(arguments)} failed:\n{tail(log)}")


def tail(log: Path, lines: int = 30) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def free_port() -> int:
    """PREFERRED_PORT when it is free (search results print addresses), else any free port."""
    for port in (PREFERRED_PORT, 0):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise SystemExit("no free port on 127.0.0.1")


def start_server(environment, log: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    with log.open("a") as out:
        server = subprocess.Popen(
            [PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=environment,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    return server, port


def wait_until_serving(server: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped (status {server.returncode}):\n{tail(log)}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/", timeout=5) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.25)
    raise SystemExit(f"the server did not answer within {SERVER_START_SECONDS} s:\n{tail(log)}")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# --- Which pages ---------------------------------------------------------------------------------


def kind_of(model) -> str:
    """ArticlePage -> "article", NewsIndexPage -> "news-index"."""
    name = re.sub(r"Page$", "", model.__name__)
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def label_of(model) -> str:
    name = str(model._meta.verbose_name)
    return name[:1].upper() + name[1:]


def first_of_each_type(home) -> dict:
    """{page class: its first live page under `home` (inclusive), in tree order}."""
    found = {}
    for page in home.get_descendants(inclusive=True).live().specific().order_by("path"):
        found.setdefault(page.specific_class, page)
    return found


def search_word(home, pages) -> str:
    """A word from an article's title (else the home page's) that the site's search finds."""
    from wagtail.search.backends import get_search_backend

    from articles.models import ArticlePage

    source = pages.get(ArticlePage, home)
    words = sorted(set(re.findall(r"\w{4,}", source.title)), key=lambda word: (-len(word), word))
    searchable = home.get_descendants(inclusive=True).live().public()
    backend = get_search_backend()
    for word in words:
        if backend.search(word, searchable).count():
            return word
    raise SystemExit(f"the search finds none of {words} under {home.url_path}")


def discover(environment) -> list[Shot]:
    """The pages to photograph, read from the throwaway database."""
    os.environ.update(environment)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connections

    from wagtail.models import Site

    shots = []
    for host, prefix in SITES.items():
        site = Site.objects.get(hostname=host)
        homes = {
            home.locale.language_code: home.specific
            for home in site.root_page.get_translations(inclusive=True)
        }
        english = first_of_each_type(homes["en"])
        for language in LANGUAGES:
            if language not in homes:
                raise SystemExit(f"{host} has no home page in {language}")
            shots += [
                Shot(prefix, site.site_name, language, kind, label, host, path, title)
                for kind, label, path, title in pages_to_show(homes[language], english, language)
            ]
    connections.close_all()
    return shots


def pages_to_show(home, english: dict, language: str) -> list[tuple[str, str, str, str]]:
    """(kind, label, path, title) in one site and language: each page type, a topic, a search.

    The page of a type is the translation of the English one where that is
    live, else the first of its type under `home`.
    """
    from django.urls import reverse
    from django.utils import translation

    from wagtail.models import Locale

    from articles.models import NewsIndexPage

    own = first_of_each_type(home)
    locale = Locale.objects.get(language_code=language)
    chosen = {}
    for model in [*english, *(model for model in own if model not in english)]:
        page = english.get(model)
        translated = page and page.get_translation_or_none(locale)
        if translated is not None and translated.live:
            chosen[model] = translated.specific
        elif model in own:
            chosen[model] = own[model]

    found = []
    for model, page in chosen.items():
        path = page.get_url_parts()[2]
        found.append((kind_of(model), label_of(model), path, page.title))
        if isinstance(page, NewsIndexPage):
            with translation.override(language):
                topics = page.topics_in_use(None)
            if topics:
                topic_path = path + page.reverse_subpage("topic", args=[topics[0].slug])
                found.append(("news-topic", "News topic page", topic_path, str(topics[0].shown)))
    word = search_word(home, chosen)
    with translation.override(language):
        search_path = reverse("site_search") + "?" + urlencode({"q": word})
    found.append(("search", "Search results page", search_path, f"Search for “{word}”"))
    return found


# --- Taking and keeping the shots ----------------------------------------------------------------


def take(shots: list[Shot], port: int) -> tuple[dict[str, bytes], list[str]]:
    """{file name: PNG} for every shot at every width, and what failed to load."""
    pictures, failures = {}, []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for language, (_name, browser_locale) in LANGUAGES.items():
                for width, height in SCREENS.items():
                    context = browser.new_context(
                        viewport={"width": width, "height": height},
                        device_scale_factor=1,
                        locale=browser_locale,
                        reduced_motion="reduce",
                    )
                    try:
                        page = context.new_page()
                        page.set_default_timeout(PAGE_TIMEOUT_MS)
                        for shot in shots:
                            if shot.language == language:
                                picture = take_one(page, shot, port, width, failures)
                                if picture is not None:
                                    pictures[shot.file_name(width)] = picture
                    finally:
                        context.close()
        finally:
            browser.close()
    return pictures, failures


def take_one(page, shot: Shot, port: int, width: int, failures: list[str]) -> bytes | None:
    url = f"http://{shot.host}:{port}{shot.path}"
    broken = []

    def note(response):
        if response.status >= 400 and urlsplit(response.url).port == port:
            broken.append(f"{response.status} {response.url}")

    page.on("response", note)
    try:
        response = page.goto(url)
        if response is None or response.status >= 400:
            failures.append(f"{response.status if response else 'no answer'} {url}")
            return None
        page.evaluate(SETTLE)
        picture = page.screenshot(animations="disabled", caret="hide")
    except Exception as error:  # a timeout or a crashed tab: report it with the others
        failures.append(f"{url} at {width} px: {error}")
        return None
    finally:
        page.remove_listener("response", note)
    if broken:
        failures.extend(f"{item} (loaded by {url})" for item in broken)
        return None
    print(f"  {shot.file_name(width)}  {url}", flush=True)
    return picture


def encode(pictures: dict[str, bytes], quality: int) -> dict[str, bytes]:
    encoded = {}
    for name, png in pictures.items():
        with PILImage.open(BytesIO(png)) as picture:
            output = BytesIO()
            picture.convert("RGB").save(output, format="WEBP", quality=quality, method=6)
        encoded[name] = output.getvalue()
    return encoded


def within_budget(pictures: dict[str, bytes], budget: int) -> tuple[dict[str, bytes], int]:
    """The shots as WebP at the highest quality from QUALITY down that fits `budget`."""
    for quality in range(QUALITY, LOWEST_QUALITY - 1, -QUALITY_STEP):
        encoded = encode(pictures, quality)
        if sum(map(len, encoded.values())) <= budget:
            return encoded, quality
        print(f"  over {budget / 1e6:.1f} MB at quality {quality}: encoding again", flush=True)
    raise SystemExit(
        f"the gallery is over {budget / 1e6:.1f} MB even at quality {LOWEST_QUALITY}: "
        "take fewer shots"
    )


def save(encoded: dict[str, bytes], out_dir: Path) -> None:
    """Write the shots and delete the folder's other WebP files, left from earlier galleries."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, data in encoded.items():
        path = out_dir / name
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
    for path in out_dir.glob("*.webp"):
        if path.name not in encoded:
            path.unlink()


# --- The gallery in docs/design.md ---------------------------------------------------------------


def gallery(shots: list[Shot], encoded: dict[str, bytes], image_dir: str) -> str:
    """Markdown: per page type, a table of its shots, one row per site and language."""
    kinds = {}
    for shot in shots:
        kinds.setdefault(shot.kind, []).append(shot)
    # Page types in tree order, the first site's first; the search, which is no page, last.
    kinds = dict(sorted(kinds.items(), key=lambda item: item[0] == "search"))
    widths = list(SCREENS)
    header = "| Site and page | " + " | ".join(
        f"{width} × {height}" for width, height in SCREENS.items()
    )
    lines = [
        "<!-- Written by tools/scripts/design_screenshots.py (make screenshots): "
        "edits here are replaced. -->",
        "",
    ]
    for kind_shots in kinds.values():
        lines += [f"### {kind_shots[0].label}", "", header + " |", "|---" * (len(widths) + 1) + "|"]
        for shot in kind_shots:
            language = LANGUAGES[shot.language][0]
            row = [f"{shot.site_name}, {language}: `{shot.path}`"]
            for width in widths:
                name = shot.file_name(width)
                if name not in encoded:
                    row.append("(not taken)")
                    continue
                screen = "phone" if width < 768 else "desktop"
                alt = (
                    f"{shot.site_name} {shot.label.lower()} in {language}, "
                    f"“{shot.title}”, first screen on a {width} px wide {screen}"
                )
                row.append(f"![{escape(alt)}]({image_dir}/{name})")
            lines.append("| " + " | ".join(row) + " |")
        lines.append("")
    return "\n".join(lines)


def escape(text: str) -> str:
    """Text safe inside a Markdown image's brackets in a table cell."""
    return re.sub(r"([\[\]|\\])", r"\\\1", text)


def write_gallery(doc: Path, markdown: str) -> None:
    text = doc.read_text(encoding="utf-8")
    start, end = text.find(GALLERY_START), text.find(GALLERY_END)
    if start < 0 or end < start:
        raise SystemExit(f"{doc} needs the markers {GALLERY_START} and {GALLERY_END}")
    head = text[: start + len(GALLERY_START)]
    doc.write_text(f"{head}\n{markdown}\n{text[end:]}", encoding="utf-8")


# --- The whole run -------------------------------------------------------------------------------


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out-dir", type=Path, default=DEFAULT_OUT_DIR)
    parser.add_argument("--doc", type=Path, default=DEFAULT_DOC)
    parser.add_argument("--budget", type=int, default=BUDGET_BYTES, help="bytes, all shots")
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary database and server log"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    # Stopped from outside, still stop the server and keep the log (the `finally` below).
    signal.signal(signal.SIGTERM, lambda _number, _frame: sys.exit(143))

    folder = Path(tempfile.mkdtemp(prefix="design-screenshots-"))
    log = folder / "server.log"
    environment = throwaway_environment(folder)
    failed = True
    try:
        print(f"Loading the demo into {folder} ...", flush=True)
        manage(environment, log, "migrate", "--no-input")
        manage(environment, log, "load_demo_content")
        shots = discover(environment)
        server, port = start_server(environment, log)
        try:
            wait_until_serving(server, port, log)
            print(f"Taking {len(shots) * len(SCREENS)} shots from port {port} ...", flush=True)
            pictures, failures = take(shots, port)
        finally:
            stop_server(server)
        if failures:
            print("These did not load; docs/ is left as it was:", file=sys.stderr)
            for failure in failures:
                print(f"  {failure}", file=sys.stderr)
            return 1

        encoded, quality = within_budget(pictures, args.budget)
        save(encoded, args.out_dir)
        image_dir = os.path.relpath(args.out_dir, args.doc.parent)
        write_gallery(args.doc, gallery(shots, encoded, Path(image_dir).as_posix()))
        failed = False
    finally:
        if args.keep or failed:
            print(f"Database and server log kept in {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)

    total = sum(path.stat().st_size for path in args.out_dir.glob("*.webp"))
    print(
        f"{len(encoded)} shots in {args.out_dir} (WebP quality {quality}): "
        f"{total / 1e6:.2f} MB in all; took {time.monotonic() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
