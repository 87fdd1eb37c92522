"""Backup and restore of the database and the media folder, as one archive.

The archive (``.tar.gz``) holds:

- ``manifest.json``: format version, when and from which database engine it
  was made, the migrations applied, and the SHA-256 of every media file;
- the database in its engine's own format: ``database.pgdump`` (``pg_dump
  --format=custom``) for PostgreSQL, ``database.sqlite3`` (SQLite's online
  backup API) for SQLite;
- ``media/``: every file under MEDIA_ROOT (originals, renditions, documents).

The engines' own tools are used rather than ``dumpdata``/``loaddata`` because
they copy the database exactly: primary keys and sequences, Wagtail's tree
paths, revisions, translation sources and the search index come back as they
were, with no model code or signal in between. The price is that an archive
restores only into the engine it came from (moving between SQLite and
PostgreSQL is a different job).

A restore goes only into an empty database (no tables: a new database, not
migrated) and an empty media folder, unless ``force`` is given; it checks the
whole archive (manifest, engine, checksums) before it touches either.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA_DIR = "media"
DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """A backup or restore that cannot go ahead, with the reason for the operator."""


def default_backup_path():
    folder = Path(os.environ.get("DJANGO_BACKUP_DIR", settings.BASE_DIR / "backups"))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return folder / f"alliance-{stamp}.tar.gz"


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def media_checksums(root):
    """{relative path: sha256} of every regular file under ``root``."""
    root = Path(root)
    if not root.is_dir():
        return {}
    return {
        path.relative_to(root).as_posix(): _sha256(path)
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def _vendor(connection):
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    return connection.vendor


def _pg_command(program, connection, parameters):
    settings_dict = connection.settings_dict
    args, env = connection.client.settings_to_cmd_args_env(settings_dict, parameters)
    timeout = settings_dict.get("OPTIONS", {}).get("connect_timeout")
    env = {**os.environ, **(env or {})}
    if timeout:
        env["PGCONNECT_TIMEOUT"] = str(timeout)
    return [program, *args[1:]], env


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        # pg_dump's messages name the database and host, never the password.
        raise BackupError(f"{command[0]} failed:\n{result.stderr.strip()}")


def _applied_migrations(connection):
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return {}
    applied = {}
    for app, name in recorder.migration_qs.order_by("id").values_list("app", "name"):
        applied.setdefault(app, []).append(name)
    return applied


def dump_database(connection, destination):
    vendor = _vendor(connection)
    connection.ensure_connection()
    if vendor == "sqlite":
        target = sqlite3.connect(destination)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        command, env = _pg_command(
            "pg_dump",
            connection,
            ["--format=custom", "--no-owner", "--no-privileges", "--file", str(destination)],
        )
        _run(command, env)


def create_backup(output=None, alias=DEFAULT_DB_ALIAS):
    """Write the archive (readable by its owner only); returns (path, manifest)."""
    connection = connections[alias]
    vendor = _vendor(connection)
    output = Path(output) if output else default_backup_path()
    if output.is_dir():
        output = output / default_backup_path().name
    output.parent.mkdir(parents=True, exist_ok=True)
    media_root = Path(settings.MEDIA_ROOT)
    started = time.monotonic()

    with tempfile.TemporaryDirectory(prefix="alliance-backup-") as workdir:
        database_file = Path(workdir) / DATABASE_FILES[vendor]
        # The database first: files uploaded meanwhile are then extra, never missing.
        dump_database(connection, database_file)
        media = media_checksums(media_root)
        manifest = {
            "format": FORMAT_VERSION,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "vendor": vendor,
            "database_file": database_file.name,
            "database_sha256": _sha256(database_file),
            "migrations": _applied_migrations(connection),
            "media": media,
        }
        manifest_file = Path(workdir) / MANIFEST
        manifest_file.write_text(json.dumps(manifest, indent=2, sort_keys=True))

        partial = output.with_name(output.name + ".partial")
        # It holds subscribers' addresses and password hashes: owner only.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
                tar.add(manifest_file, arcname=MANIFEST)
                tar.add(database_file, arcname=database_file.name)
                for relative in media:
                    tar.add(media_root / relative, arcname=f"{MEDIA_DIR}/{relative}")
            os.replace(partial, output)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    manifest["seconds"] = round(time.monotonic() - started, 2)
    return output, manifest


def _read_archive(archive, workdir):
    """Unpack and check the archive; returns its manifest."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            # The "data" filter refuses absolute paths, links out of the folder and devices.
            tar.extractall(workdir, filter="data")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"{archive} is not a readable backup archive ({error}).") from error
    workdir = Path(workdir)
    try:
        manifest = json.loads((workdir / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{archive} has no readable {MANIFEST}.") from error
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    database_file = workdir / manifest["database_file"]
    if not database_file.is_file() or _sha256(database_file) != manifest["database_sha256"]:
        raise BackupError("The database dump in the archive is missing or damaged.")
    if media_checksums(workdir / MEDIA_DIR) != manifest["media"]:
        raise BackupError("The media files in the archive do not match its manifest.")
    return manifest


def _drop_all_tables(connection):
    tables = connection.introspection.table_names()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for table in tables:
                cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(table)} CASCADE")
        # SQLite's backup API replaces the whole file: nothing to drop.


def restore_database(connection, database_file):
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(database_file)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        if not connection.settings_dict.get("NAME"):
            raise BackupError("DATABASES needs a NAME to restore into.")
        command, env = _pg_command(
            "pg_restore",
            connection,
            [
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                "--dbname",
            ],
        )
        _run([*command, str(database_file)], env)
    connection.close()


def pending_migrations(connection):
    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def restore_backup(archive, alias=DEFAULT_DB_ALIAS, force=False):
    """Restore the archive into this database and MEDIA_ROOT; returns the manifest."""
    archive = Path(archive)
    connection = connections[alias]
    vendor = _vendor(connection)
    media_root = Path(settings.MEDIA_ROOT)

    with tempfile.TemporaryDirectory(prefix="alliance-restore-") as workdir:
        manifest = _read_archive(archive, workdir)
        if manifest["vendor"] != vendor:
            raise BackupError(
                f"This archive holds a {manifest['vendor']} database; "
                f"it cannot be restored into {vendor}."
            )
        tables = connection.introspection.table_names()
        media_present = media_root.is_dir() and any(media_root.iterdir())
        if not force and (tables or media_present):
            found = []
            if tables:
                found.append(f"the database has {len(tables)} tables")
            if media_present:
                found.append(f"{media_root} is not empty")
            raise BackupError(
                "Refusing to overwrite existing data: "
                + " and ".join(found)
                + ". Restore into a new, empty database and media folder, "
                "or pass --force to replace everything in them."
            )

        if tables:
            _drop_all_tables(connection)
        restore_database(connection, Path(workdir) / manifest["database_file"])

        if media_present:
            for child in media_root.iterdir():
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child)
                else:
                    child.unlink()
        media_root.mkdir(parents=True, exist_ok=True)
        source = Path(workdir) / MEDIA_DIR
        if source.is_dir():
            shutil.copytree(source, media_root, dirs_exist_ok=True)

    # The cache described the database that was there before.
    try:
        cache.clear()
    except Exception:  # noqa: BLE001 - a cache that is down empties itself
        pass
    return manifest
