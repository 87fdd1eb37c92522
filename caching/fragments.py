"""Parts of a page kept whole, as HTML, until content next changes.

Some parts of a page depend only on published content and the language
being read: the home page's latest news and stories, a block showing the
report or issues an editor chose. Their queries are paid once per content
version and language, not on every page-cache miss (an address with a new
query string, such as a campaign link, is one). Kept as UTF-8 bytes, plain
data, and never used for previews, which show what is not published.
"""

import hashlib

from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .save_data import saves_data
from .versions import cached_for_content


def cached_fragment(request, name, vary_on, render):
    """`render()`'s HTML for `name` and the `vary_on` values, in the language being read."""
    if request is None or getattr(request, "is_preview", False):
        return render()
    described = repr((name, get_language(), saves_data(request), [str(v) for v in vary_on]))
    key = f"fragment:{name}:{hashlib.sha256(described.encode()).hexdigest()}"
    html = cached_for_content(key, lambda: str(render()).encode())
    return mark_safe(html.decode())  # noqa: S308 (rendered by our own templates)
