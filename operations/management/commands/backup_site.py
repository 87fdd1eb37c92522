from django.core.management.base import BaseCommand, CommandError

from operations.backups import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Back up the database and the media files (folder or S3 bucket) into one .tar.gz archive "
        "(readable by its owner only: it holds personal data). "
        "Restore it with restore_site."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            help=(
                "Archive file, or a folder to write a timestamped archive in: one that exists "
                "or a name ending with / (created). Default: DJANGO_BACKUP_DIR or backups/."
            ),
        )
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args, output=None, database="default", **options):
        try:
            path, manifest = create_backup(output, alias=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        size = path.stat().st_size
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up the {manifest['vendor']} database and "
                f"{len(manifest['media'])} media files to {path} "
                f"({size / 1_000_000:.1f} MB in {manifest['seconds']} s)."
            )
        )
