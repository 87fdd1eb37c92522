"""Databases beside the test database, for tests that start servers or restores of their own."""

from django.conf import settings


def postgresql_admin_connection():
    """An autocommit connection to the server's `postgres` database, to create and drop others."""
    import psycopg

    base = settings.DATABASES["default"]
    return psycopg.connect(
        host=base["HOST"] or "127.0.0.1",
        port=base["PORT"] or 5432,
        user=base["USER"],
        password=base["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )


def postgresql_url(name):
    """A DATABASE_URL for database `name` on the test run's PostgreSQL server."""
    base = settings.DATABASES["default"]
    password = f":{base['PASSWORD']}" if base["PASSWORD"] else ""
    host, port = base["HOST"] or "127.0.0.1", base["PORT"] or 5432
    return f"postgres://{base['USER']}{password}@{host}:{port}/{name}"
