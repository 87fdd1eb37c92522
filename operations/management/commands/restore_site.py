from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from operations.backups import BackupError, pending_migrations, restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive made by backup_site into an empty database (no tables: "
        "create it, do not migrate it) and an empty media storage (folder or S3 bucket). "
        "--force replaces whatever is there."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz file made by backup_site.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Drop every table in the database and delete every media file first.",
        )
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args, archive, force=False, database="default", **options):
        try:
            manifest = restore_backup(archive, alias=database, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the database and {len(manifest['media'])} media files "
                f"from the backup made {manifest['created']}."
            )
        )
        if pending_migrations(connections[database]):
            self.stdout.write(
                "This code has migrations the backup predates: "
                "run `python manage.py migrate` before serving."
            )
