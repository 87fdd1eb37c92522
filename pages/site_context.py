"""What a request has worked out about its site and page, kept in one place for the rest of it.

Rendering a page asks the same questions many times: the Locale being read,
the site's home page in that language, the pages its blocks link to in the
reader's language, the snippets in that language, the trail down to the
page, its description and share image. Each answer is worked out once per
request and kept on one object, `request.site_context`, instead of in
attributes scattered over the request by each module that needed one.

Answers that hold for every request to a site and language (the menu, the
footer, the logo) are kept longer, as plain data, by `pages.shared_parts`.
"""


class SiteContext:
    """One request's answers, by name. Made on first use by `site_context(request)`."""

    def __init__(self):
        self.answers = {}

    def remember(self, key, work_out):
        """The answer kept under `key`, worked out by `work_out()` the first time it is asked."""
        if key not in self.answers:
            self.answers[key] = work_out()
        return self.answers[key]

    def table(self, name):
        """A dict kept under `name`, for answers a module keeps by its own keys."""
        return self.answers.setdefault(name, {})

    def count(self, name):
        """How many times `name` has been counted on this request, this time included."""
        self.answers[name] = self.answers.get(name, 0) + 1
        return self.answers[name]


def site_context(request):
    """The request's SiteContext; a fresh one, kept nowhere, when there is no request."""
    if request is None:
        return SiteContext()
    context = getattr(request, "site_context", None)
    if context is None:
        context = request.site_context = SiteContext()
    return context
