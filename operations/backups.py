"""Backup and restore of the database and the media files, as one archive.

The archive (``.tar.gz``) holds:

- ``manifest.json``: format version, when and from which database engine it
  was made, the migrations applied, and the SHA-256 of every media file;
- the database in its engine's own format: ``database.pgdump`` (``pg_dump
  --format=custom``) for PostgreSQL, ``database.sqlite3`` (SQLite's online
  backup API) for SQLite;
- ``media/``: every file in the media storage (originals, renditions,
  documents), read through Django's default storage, so the folder under
  MEDIA_ROOT and an S3-compatible bucket (django-storages) are backed up and
  restored alike.

The engines' own tools are used rather than ``dumpdata``/``loaddata`` because
they copy the database exactly: primary keys and sequences, Wagtail's tree
paths, revisions, translation sources and the search index come back as they
were, with no model code or signal in between. The price is that an archive
restores only into the engine it came from (moving between SQLite and
PostgreSQL is a different job), and that PostgreSQL needs ``pg_dump`` and
``pg_restore`` on the PATH: their absence is reported before anything is read
or changed.

A restore goes only into an empty database (no tables: a new database, not
migrated) and an empty media storage, unless ``force`` is given; it checks the
whole archive (manifest, engine, checksums) and the tools it needs before it
touches either.
"""

import hashlib
import json
import os
import posixpath
import re
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
from django.core.files import File
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

from botocore.exceptions import BotoCoreError, ClientError

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA_DIR = "media"
DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
# What a media storage raises when it cannot be read or written: the disk's
# errors, and boto3's for a bucket (unreachable, no credentials, no bucket).
STORAGE_ERRORS = (OSError, BotoCoreError, ClientError)


class BackupError(Exception):
    """A backup or restore that cannot go ahead, with the reason for the operator."""


def default_backup_path():
    folder = Path(os.environ.get("DJANGO_BACKUP_DIR", settings.BASE_DIR / "backups"))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return folder / f"alliance-{stamp}.tar.gz"


def archive_path(output):
    """Where the archive goes: `output` itself, or a timestamped file in it if it is a folder.

    A folder is one that exists or a name ending with a slash (it is created).
    """
    if not output:
        return default_backup_path()
    path = Path(output)
    if str(output).endswith(("/", os.sep)) or path.is_dir():
        return path / default_backup_path().name
    return path


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


def describe_storage(storage):
    """The media storage as an operator knows it: a folder, or a bucket and its prefix."""
    if isinstance(storage, FileSystemStorage):
        return str(storage.location)
    bucket = getattr(storage, "bucket_name", None)
    if bucket:
        prefix = getattr(storage, "location", "")
        return f"bucket {bucket}" + (f" (under {prefix}/)" if prefix else "")
    return type(storage).__name__


def storage_files(storage, folder=""):
    """The name of every file in ``storage`` (walking its folders), sorted."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []  # a media folder that was never made holds nothing
    names = [posixpath.join(folder, name) for name in files]
    for child in folders:
        names.extend(storage_files(storage, posixpath.join(folder, child)))
    return sorted(names)


class _DigestingReader:
    """A file read once, into the archive and into its SHA-256 at the same time."""

    def __init__(self, file):
        self.file = file
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        chunk = self.file.read(size)
        self.digest.update(chunk)
        return chunk


def _archive_media(tar, storage):
    """Add every file of the storage to the archive under media/; returns {name: sha256}."""
    checksums = {}
    for name in storage_files(storage):
        try:
            with storage.open(name, "rb") as source:
                info = tarfile.TarInfo(f"{MEDIA_DIR}/{name}")
                info.size = storage.size(name)
                info.mtime = int(time.time())
                reader = _DigestingReader(source)
                tar.addfile(info, reader)
        except FileNotFoundError as error:
            # Deleted after the database was dumped, which still names it.
            raise BackupError(
                f"{name} disappeared from the media storage during the backup; run it again."
            ) from error
        checksums[name] = reader.digest.hexdigest()
    return checksums


def _vendor(connection):
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    return connection.vendor


def _connect(connection):
    try:
        connection.ensure_connection()
    except DatabaseError as error:
        raise BackupError(f"Cannot connect to the database: {error}".strip()) from error


def _pg_program(program, env):
    """The absolute path of a PostgreSQL client program, or a one-line reason why there is none."""
    found = shutil.which(program, path=env.get("PATH", os.defpath))
    if found is None:
        raise BackupError(
            f"{program} was not found on PATH. Backing up or restoring PostgreSQL needs "
            "PostgreSQL's client programs (pg_dump, pg_restore) of the server's major version "
            "or newer: install them (on Debian or Ubuntu, postgresql-client-<major version>), "
            "or run this command in the site's image, which includes them."
        )
    return found


def _pg_command(program, connection, parameters):
    settings_dict = connection.settings_dict
    args, env = connection.client.settings_to_cmd_args_env(settings_dict, parameters)
    timeout = settings_dict.get("OPTIONS", {}).get("connect_timeout")
    env = {**os.environ, **(env or {})}
    if timeout:
        env["PGCONNECT_TIMEOUT"] = str(timeout)
    return [_pg_program(program, env), *args[1:]], env


def _run(command, env):
    program = Path(command[0]).name
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except OSError as error:
        raise BackupError(f"{program} could not be started: {error}") from error
    if result.returncode != 0:
        # pg_dump's messages name the database and host, never the password.
        raise BackupError(f"{program} failed:\n{result.stderr.strip()}")
    return result.stdout


def _major_version(text):
    """18 of "pg_dump (PostgreSQL) 18.1 (Debian 18.1-1)"; None if there is no version."""
    match = re.search(r"\)\s+(\d+)", text)
    return int(match.group(1)) if match else None


def _check_pg_dump_is_new_enough(pg_dump, connection, env):
    # pg_dump refuses a newer server, after connecting; saying which package
    # to install is more use to the operator than its "server version mismatch".
    client = _major_version(_run([pg_dump, "--version"], env))
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        server = int(cursor.fetchone()[0]) // 10000
    if client is not None and client < server:
        raise BackupError(
            f"pg_dump {client} cannot dump a PostgreSQL {server} server: install "
            f"PostgreSQL's client programs version {server} or newer "
            f"(Debian and Ubuntu: postgresql-client-{server})."
        )


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
    if vendor == "sqlite":
        _connect(connection)
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
        _connect(connection)
        _check_pg_dump_is_new_enough(command[0], connection, env)
        _run(command, env)


def create_backup(output=None, alias=DEFAULT_DB_ALIAS):
    """Write the archive (readable by its owner only); returns (path, manifest)."""
    connection = connections[alias]
    vendor = _vendor(connection)
    if vendor == "postgresql":
        # Before any folder is made or any file read.
        _pg_program("pg_dump", os.environ)
    output = archive_path(output)
    partial = output.with_name(output.name + ".partial")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        # It holds subscribers' addresses and password hashes: owner only.
        raw = os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb")
    except OSError as error:
        # Found out before the dump, which can take minutes.
        raise BackupError(
            f"Cannot write the archive to {output}: {error.strerror}. Give --output "
            "(or DJANGO_BACKUP_DIR) a folder this user can write to."
        ) from error
    started = time.monotonic()

    try:
        with raw, tempfile.TemporaryDirectory(prefix="alliance-backup-") as workdir:
            database_file = Path(workdir) / DATABASE_FILES[vendor]
            # The database first: files uploaded meanwhile are then extra, never missing.
            dump_database(connection, database_file)
            manifest = {
                "format": FORMAT_VERSION,
                "created": datetime.now(UTC).isoformat(timespec="seconds"),
                "vendor": vendor,
                "database_file": database_file.name,
                "database_sha256": _sha256(database_file),
                "migrations": _applied_migrations(connection),
            }
            with tarfile.open(fileobj=raw, mode="w:gz") as tar:
                tar.add(database_file, arcname=database_file.name)
                try:
                    manifest["media"] = _archive_media(tar, default_storage)
                except STORAGE_ERRORS as error:
                    raise BackupError(
                        f"Cannot read the media storage ({describe_storage(default_storage)}): "
                        f"{error}"
                    ) from error
                # Last, once every file's checksum is known (a restore reads it first anyway).
                manifest_file = Path(workdir) / MANIFEST
                manifest_file.write_text(json.dumps(manifest, indent=2, sort_keys=True))
                tar.add(manifest_file, arcname=MANIFEST)
        os.replace(partial, output)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise BackupError(f"Writing the archive {output} failed: {error}") from error
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


def _pg_restore_command(connection):
    if not connection.settings_dict.get("NAME"):
        raise BackupError("DATABASES needs a NAME to restore into.")
    return _pg_command(
        "pg_restore",
        connection,
        ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname"],
    )


def restore_database(connection, database_file, pg_restore=None):
    """Load the dump; on PostgreSQL ``pg_restore`` is (command, env) from _pg_restore_command."""
    if connection.vendor == "sqlite":
        _connect(connection)
        source = sqlite3.connect(database_file)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        command, env = pg_restore or _pg_restore_command(connection)
        _run([*command, str(database_file)], env)
    connection.close()


def _restore_media(storage, folder, names):
    for name in names:
        with open(folder / name, "rb") as content:
            saved = storage.save(name, File(content))
        if saved != name:
            raise BackupError(
                f"The media storage saved {name} as {saved}: it was not empty. "
                "Run the restore again with --force."
            )


def pending_migrations(connection):
    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def restore_backup(archive, alias=DEFAULT_DB_ALIAS, force=False):
    """Restore the archive into this database and the media storage; returns the manifest."""
    archive = Path(archive)
    connection = connections[alias]
    vendor = _vendor(connection)
    storage = default_storage
    where = describe_storage(storage)

    with tempfile.TemporaryDirectory(prefix="alliance-restore-") as workdir:
        manifest = _read_archive(archive, workdir)
        if manifest["vendor"] != vendor:
            raise BackupError(
                f"This archive holds a {manifest['vendor']} database; "
                f"it cannot be restored into {vendor}."
            )
        # Before anything is dropped: a missing pg_restore must leave the data as it was.
        pg_restore = _pg_restore_command(connection) if vendor == "postgresql" else None
        _connect(connection)
        tables = connection.introspection.table_names()
        try:
            media_present = storage_files(storage)
        except STORAGE_ERRORS as error:
            raise BackupError(f"Cannot read the media storage ({where}): {error}") from error
        if not force and (tables or media_present):
            found = []
            if tables:
                found.append(f"the database has {len(tables)} tables")
            if media_present:
                found.append(f"the media storage ({where}) has {len(media_present)} files")
            raise BackupError(
                "Refusing to overwrite existing data: "
                + " and ".join(found)
                + ". Restore into a new, empty database and media storage, "
                "or pass --force to replace everything in them."
            )

        if tables:
            _drop_all_tables(connection)
        restore_database(connection, Path(workdir) / manifest["database_file"], pg_restore)

        try:
            for name in media_present:
                storage.delete(name)
            _restore_media(storage, Path(workdir) / MEDIA_DIR, sorted(manifest["media"]))
        except STORAGE_ERRORS as error:
            raise BackupError(
                f"The database is restored, but writing the media storage ({where}) failed: "
                f"{error}. Fix it and run the restore again with --force."
            ) from error

    # The cache described the database that was there before.
    try:
        cache.clear()
    except Exception:  # noqa: BLE001 - a cache that is down empties itself
        pass
    return manifest
