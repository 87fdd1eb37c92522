"""schema.org `NewsArticle` for an article page's JSON-LD (seo_tags asks the page for it)."""

from django.utils import timezone

from people.credits import credits_with_people


def authors(article, publisher, request):
    """The article's people, each named once as in the byline; else the organization."""
    people, seen = [], set()
    for credit in credits_with_people(article.authors.all(), request):
        if credit.person_id not in seen:
            seen.add(credit.person_id)
            people.append({"@type": "Person", "name": credit.person.name})
    return people or [publisher]


def news_article(request, article, publisher, seo):
    published = article.publication_date
    modified = article.last_published_at
    # An article dated after its last edit (dated ahead by its editor) was modified when published.
    date_modified = (
        timezone.localtime(modified).isoformat()
        if modified and timezone.localtime(modified).date() >= published
        else published.isoformat()
    )
    data = {
        "@type": "NewsArticle",
        "headline": article.title,
        "url": seo.url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": seo.url},
        "datePublished": published.isoformat(),
        "dateModified": date_modified,
        "inLanguage": seo.language_code,
        "author": authors(article, publisher, request),
        "publisher": publisher,
    }
    if seo.description:
        data["description"] = seo.description
    if seo.image:
        data["image"] = [seo.image.url]
    return data
