"""`manage.py import_decision_makers FILE --site HOST_OR_ID [--dry-run]`: a CSV file, one site.

A thin wrapper: the rules live in decision_makers/importing.py, so an upload
form in the admin could share them. A file with any problem is refused whole
and the command exits with every problem listed, nothing saved.
"""

from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Site

from decision_makers.importing import (
    COLUMNS,
    MAX_FILE_BYTES,
    ImportRefused,
    import_decision_makers,
    read_decision_makers,
)


class Command(BaseCommand):
    help = (
        "Add or update one site's decision makers from a CSV file (UTF-8, with a header row "
        f"naming its columns: {', '.join(COLUMNS)}; name, title and body are required). "
        "Someone the site already lists (same name, body and district) is updated. "
        "A file with any problem is refused whole, and every problem is listed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV file to read.")
        parser.add_argument(
            "--site",
            required=True,
            help="The site whose list this is: its host name (e.g. kidscan.localhost) or id.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and say what would change, without saving anything.",
        )

    def handle(self, *args, file, site, dry_run, **options):
        site = find_site(site)
        data = read_file(file)
        try:
            rows = read_decision_makers(data)
            result = import_decision_makers(rows, site, dry_run=dry_run)
        except ImportRefused as refused:
            count = len(refused.problems)
            heading = (
                f"{file} was not imported, and nothing was saved. "
                f"Fix {'this problem' if count == 1 else f'these {count} problems'} "
                "and run the import again:"
            )
            raise CommandError("\n".join([heading, *refused.problems])) from None
        if dry_run:
            self.stdout.write(
                f"Dry run for {describe(site)}: {result.summary()}. Nothing was saved."
            )
        else:
            self.stdout.write(self.style.SUCCESS(f"{describe(site)}: {result.summary()}."))


def describe(site):
    return f"{site.site_name} ({site.hostname})" if site.site_name else site.hostname


def find_site(value):
    """The site named by its id, its host name, or "host:port"; a clear error otherwise."""
    value = value.strip()
    sites = Site.objects.select_related("root_page__locale").order_by("pk")
    if value.isdigit():
        found = list(sites.filter(pk=int(value)))
    else:
        hostname, _, port = value.partition(":")
        found = list(sites.filter(hostname__iexact=hostname))
        if port.isdigit():
            found = [site for site in found if site.port == int(port)]
    if len(found) == 1:
        return found[0]
    known = ", ".join(f"{site.hostname}:{site.port} (id {site.pk})" for site in sites) or "none"
    if found:
        raise CommandError(f'More than one site has the host name "{value}": use its id. {known}')
    raise CommandError(f'No site has the host name or id "{value}". Sites: {known}')


def read_file(path):
    """The file's bytes, up to just past the size limit (read_decision_makers refuses more)."""
    try:
        with open(path, "rb") as file:
            return file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise CommandError(f"There is no file at {path}.") from None
    except IsADirectoryError:
        raise CommandError(f"{path} is a folder, not a file.") from None
    except OSError as error:
        raise CommandError(f"{path} could not be read: {error.strerror}.") from None
