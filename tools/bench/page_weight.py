"""Bytes a first visit to each home page downloads, before images: HTML, CSS, JS.

    .venv/bin/python tools/bench/page_weight.py            # rebuilds the bench database first
    .venv/bin/python tools/bench/page_weight.py --reuse
    .venv/bin/python tools/bench/page_weight.py --reuse action bill   # other page types

Page types are tools/bench/_pages.py's (home, news, article, action, bills…).

Production settings with the page cache on (DJANGO_CONTENT_CACHE=on: one
process, so its in-memory cache is enough), through Django's test client and
the whole middleware stack, so every response is the one a browser gets: the
HTML is the page cache's hit (compressed ahead of time), stylesheets and
scripts come from WhiteNoise (its precompressed .br and .gz files). Each
address is fetched three times: Accept-Encoding "br", "gzip" and none.
Fonts and images the CSS may load are not counted; responses under 860
bytes are sent uncompressed, which is how they are served. Target: home < 30 KB with brotli.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _bench import build_database, production_environment  # noqa: E402

TARGET_BYTES = 30 * 1024
STYLESHEET = re.compile(r"<link\b[^>]*\brel=\"?stylesheet\b[^>]*>", re.I)
SCRIPT = re.compile(r"<script\b[^>]*\bsrc=\"?([^\" >]+)", re.I)
HREF = re.compile(r"\bhref=\"?([^\" >]+)", re.I)


def body_size(response):
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def fetch(client, host, path, encoding):
    headers = {"HTTP_HOST": host}
    if encoding:
        headers["HTTP_ACCEPT_ENCODING"] = encoding
    response = client.get(path, **headers)
    if response.status_code != 200:
        raise SystemExit(f"{host}{path} answered {response.status_code}")
    served_as = response.get("Content-Encoding", "identity")
    return body_size(response), served_as, response


def main():
    production_environment()
    os.environ["DJANGO_CONTENT_CACHE"] = "on"
    if "--reuse" not in sys.argv:
        build_database()
    import django

    django.setup()
    from django.test import Client

    from _pages import sample_pages

    client = Client()
    worst = 0
    kinds = [argument for argument in sys.argv[1:] if not argument.startswith("--")] or ["home"]
    for label, kind, host, path in sample_pages(kinds):
        client.get(path, HTTP_HOST=host)  # fills the page cache
        _, _, page = fetch(client, host, path, None)
        html = page.content.decode()
        assets = [("HTML", path)]
        assets += [("CSS", HREF.search(tag).group(1)) for tag in STYLESHEET.findall(html)]
        assets += [("JS", src) for src in SCRIPT.findall(html)]
        print(f"\n{label}, {kind} ({host}{path})")
        print(f"  {'':5}{'brotli':>9}{'gzip':>9}{'none':>9}  address")
        totals = {"br": 0, "gzip": 0, None: 0}
        for kind, address in assets:
            sizes, notes = {}, ""
            for encoding in ("br", "gzip", None):
                size, served_as, _ = fetch(client, host, address, encoding)
                sizes[encoding] = size
                totals[encoding] += size
                if encoding and served_as != encoding and size >= 860:
                    notes += f"  (asked {encoding}, got {served_as})"
            sizes_shown = f"{sizes['br']:>9,}{sizes['gzip']:>9,}{sizes[None]:>9,}"
            print(f"  {kind:<5}{sizes_shown}  {address}{notes}")
        print(f"  {'total':<5}{totals['br']:>9,}{totals['gzip']:>9,}{totals[None]:>9,}")
        worst = max(worst, totals["br"])
    verdict = "meets" if worst < TARGET_BYTES else "MISSES"
    print(f"\nHeaviest page: {worst / 1024:.1f} KB with brotli, {verdict} the < 30 KB target")


if __name__ == "__main__":
    main()
