"""Model rows as plain data, for the shared cache, and back.

Every instance reads the same Redis, across deploys. A pickled model
instance ties the entry to the class that wrote it; plain values (strings,
numbers, dates, lists, dicts) do not, and a row is rebuilt from them the way
the ORM builds one from the database (`Model.from_db`), so the rebuilt
instance behaves as one just read.
"""

import datetime

from django.apps import apps

PLAIN_VALUES = (str, int, float, bool, type(None), datetime.date, list, dict)


def as_plain(instance):
    """{"model": its label, "values": {attname: plain value}} of the fields `instance` loaded."""
    deferred = instance.get_deferred_fields()
    values = {}
    for field in instance._meta.concrete_fields:
        if field.attname in deferred:
            continue
        value = field.value_from_object(instance)
        # UUIDs, decimals, files, streams: their text, which to_python reads back.
        values[field.attname] = (
            value if isinstance(value, PLAIN_VALUES) else field.value_to_string(instance)
        )
    return {"model": instance._meta.label, "values": values}


def from_plain(row):
    """The instance `as_plain` described, as if read from the default database."""
    model = apps.get_model(row["model"])
    names = list(row["values"])
    values = [model._meta.get_field(name).to_python(value) for name, value in row["values"].items()]
    return model.from_db("default", names, values)
