"""News: the news index, articles, and the topics that group them."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from pages.listing import listing_queryset, paginate
from pages.mixins import BasePage
from pages.models import HOME_PAGE, body_field
from people.models import PersonOnPage


@register_snippet
class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A subject articles are filed under, such as ESSA or community input.

    Translatable: each language has its own name and slug. Articles keep
    pointing at the English topic; templates name it in the reader's
    language with `{% localized_topics %}`.
    """

    name = models.CharField(max_length=80, help_text="e.g. 'ESSA'.")
    slug = models.SlugField(
        max_length=80, help_text="Used in addresses: lower case, hyphens, no spaces."
    )
    description = models.TextField(
        max_length=500, blank=True, help_text="What this topic covers, in a sentence or two."
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "name"], name="unique_topic_name_per_locale"),
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_topic_slug_per_locale"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        # The per-language uniqueness constraints include `locale`, which is not
        # a form field, so Django's form validation skips them: check here so
        # an editor gets a message instead of a server error.
        super().clean()
        if not self.locale_id:
            return
        same_language = Topic.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        errors = {}
        if same_language.filter(name=self.name).exists():
            errors["name"] = "There is already a topic with this name in this language."
        if same_language.filter(slug=self.slug).exists():
            errors["slug"] = "There is already a topic with this slug in this language."
        if errors:
            raise ValidationError(errors)


def topics_in_default_language():
    return {"locale__language_code": settings.LANGUAGE_CODE}


class NewsIndexPage(BasePage):
    """The list of news articles, newest first."""

    introduction = models.TextField(
        max_length=600, blank=True, help_text="A short paragraph above the list of articles."
    )

    template = "pages/news_index_page.html"
    lead_text_field = "introduction"
    parent_page_types = [HOME_PAGE]
    subpage_types = ["articles.ArticlePage"]
    max_count_per_parent = 1
    articles_per_page = 10

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    def get_articles(self):
        return latest_articles(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = paginate(request, self.get_articles(), self.articles_per_page)
        return context


def latest_articles(ancestor):
    """Live, public articles below `ancestor`, newest publication date first."""
    return (
        listing_queryset(ArticlePage, ancestor)
        .prefetch_related("topics")
        .order_by("-publication_date", "-first_published_at", "-pk")
    )


class ArticlePage(BasePage):
    """A news article or announcement."""

    publication_date = models.DateField(
        default=timezone.localdate,
        help_text="The date readers see; articles are listed newest first by this date.",
    )
    summary = models.TextField(
        max_length=400, help_text="One or two sentences: shown under the title and in listings."
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The article's main picture. Give it alt text in the image library.",
    )
    topics = ParentalManyToManyField(
        Topic,
        blank=True,
        related_name="articles",
        # Articles are filed under the default language's topics (each shown
        # in the reader's language), so editors see each topic once.
        limit_choices_to=topics_in_default_language,
        help_text="What the article is about.",
    )
    body = body_field()

    template = "pages/article_page.html"
    lead_text_field = "summary"
    parent_page_types = ["articles.NewsIndexPage"]
    subpage_types = []

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    content_panels = BasePage.content_panels + [
        FieldPanel("publication_date"),
        InlinePanel(
            "authors",
            label="Author",
            heading="Authors",
            help_text="Who wrote it, in the order the byline names them. Optional.",
        ),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]


class ArticleAuthor(PersonOnPage):
    """One name in an article's byline; the order is the byline's order.

    Points at the default language's person, who is shown in the reader's
    language. Deleting the person takes them off the byline and leaves the
    article as it was otherwise.
    """

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="authors")

    class Meta(PersonOnPage.Meta):
        verbose_name = "author"
