from django.apps import AppConfig


class RoutingConfig(AppConfig):
    """Which page an address is, who may see it, and what the request knows about its site."""

    name = "routing"
    verbose_name = "Routing and request context"
