from django.apps import AppConfig


class DecisionMakersConfig(AppConfig):
    name = "decision_makers"
    verbose_name = "Decision makers"
