"""PostgreSQL full-text search with each text stemmed in its own language.

Wagtail's PostgreSQL backend keeps one tsvector per object, built with one
text search configuration (SEARCH_CONFIG) for everything. Two backends, one
per language, cannot help: they share the index table, so whichever wrote a
row last decides its stemming. Instead this backend:

- indexes each object with the configuration of the language its words are
  in (LANGUAGE_CONFIGS, by language code): its locale's, or for a twin (an
  alias of a page in another language, showing that page's words), the
  original's;
- searches with every configuration at once (one tsquery per language,
  OR-ed), so a document matches when its own language's stemmer agrees with
  the query's, whatever language the reader or the editor in the admin uses.
  The search page restricts results to one language by its own filters.
"""

import copy
import functools
import operator
from collections import defaultdict

from wagtail.models import Locale, Page
from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)


class MultilingualIndex(PostgresIndex):
    def add_items(self, model, objs):
        for config, group in self._by_text_config(objs).items():
            # Wagtail's indexer takes the configuration from the backend it is given.
            PostgresIndex(self.backend.with_config(config)).add_items(model, group)

    def _by_text_config(self, objs):
        objs = list(objs)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        alias_locales = dict(
            Page.objects.filter(
                pk__in=[obj.alias_of_id for obj in objs if getattr(obj, "alias_of_id", None)]
            ).values_list("pk", "locale_id")
        )
        groups = defaultdict(list)
        for obj in objs:
            locale_id = alias_locales.get(getattr(obj, "alias_of_id", None)) or getattr(
                obj, "locale_id", None
            )
            groups[self.backend.config_for_language(languages.get(locale_id))].append(obj)
        return groups


class MultilingualQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return backend.query_configs

    def build_tsquery(self, query, config=None):
        tsqueries = []
        for one_config in config if isinstance(config, tuple) else (config,):
            tsquery = super().build_tsquery(query, config=one_config)
            if tsquery is None:
                return None  # nothing to search for, in any language
            tsqueries.append(tsquery)
        return functools.reduce(operator.or_, tsqueries)


class MultilingualPostgresSearchBackend(PostgresSearchBackend):
    index_class = MultilingualIndex
    query_compiler_class = MultilingualQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = dict(params.get("LANGUAGE_CONFIGS", {}))
        # SEARCH_CONFIG first: it is the one Wagtail uses when fields are named.
        self.query_configs = tuple(dict.fromkeys([self.config, *self.language_configs.values()]))

    def config_for_language(self, language_code):
        return self.language_configs.get(language_code, self.config)

    def with_config(self, config):
        """A copy of this backend that indexes with `config`; the shared one is left as it is."""
        backend = copy.copy(self)
        backend.config = config
        return backend
