from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from core import importing


class Command(BaseCommand):
    help = "Import a CSV/XLSX/JSON spreadsheet (all or nothing). Kinds: organisations, themes, rooms, sessions…"

    def add_arguments(self, parser):
        parser.add_argument("kind", help="What the file holds, e.g. sessions")
        parser.add_argument("file", help="Path to a .csv, .xlsx or .json file")
        parser.add_argument("--dry-run", action="store_true", help="Check and preview without saving")

    def handle(self, *args, kind, file, dry_run, **options):
        kinds = importing.registry()
        if kind not in kinds:
            raise CommandError(_("Unknown kind “%(kind)s”. Choose one of: %(kinds)s.") % {"kind": kind, "kinds": ", ".join(kinds)})
        try:
            with open(file, "rb") as handle:
                content = handle.read()
        except OSError as exc:
            raise CommandError(str(exc)) from None
        try:
            dataset = importing.read_dataset(content, file)
        except importing.ImportFileError as exc:
            raise CommandError(str(exc)) from None
        report = importing.run_import(kinds[kind], dataset, dry_run=dry_run)
        if not report.ok:
            for error in report.errors:
                self.stderr.write(str(error))
            raise CommandError(_("Nothing was imported: %(count)d error(s).") % {"count": len(report.errors)})
        totals = report.totals
        prefix = _("Dry run, nothing saved") if dry_run else _("Imported")
        self.stdout.write(
            f"{prefix}: {totals['new']} new, {totals['update']} updated, {totals['skip']} unchanged."
        )
