"""Render a summit's badges, badge sheets or letters to a PDF file, with a progress bar.

    ./manage.py render_badges one-planet-biodiversity --kind badge_sheets --order family_name -o badges.pdf
"""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from registrations import documents
from summits.models import Summit


class ProgressBar:
    def __init__(self, stream, width=40):
        self.stream, self.width, self.started = stream, width, time.monotonic()
        self.interactive = hasattr(stream, "isatty") and stream.isatty()
        self.last = -1

    def __call__(self, done, total):
        total = max(total, 1)
        filled = int(self.width * done / total)
        line = (f"[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} "
                f"({time.monotonic() - self.started:.0f} s)")
        if self.interactive:
            self.stream.write("\r" + line)
            self.stream.flush()
        elif done != self.last:  # logs and pipes: one line per step
            self.stream.write(line + "\n")
        self.last = done

    def finish(self):
        if self.interactive:
            self.stream.write("\n")


class Command(BaseCommand):
    help = "Render the badges, badge sheets or letters of a summit's approved participants to a PDF file."

    def add_arguments(self, parser):
        parser.add_argument("summit", help="slug of the summit")
        parser.add_argument("--kind", choices=documents.BATCH_KINDS, default="badge_sheets")
        parser.add_argument("--order", choices=list(documents.SORT_KEYS), default="category")
        parser.add_argument("--language", default="en", help="language of the sheets' own text (default en)")
        parser.add_argument("-o", "--output", help="PDF file to write (default SUMMIT-KIND.pdf)")

    def handle(self, *args, **options):
        try:
            summit = Summit.objects.get(slug=options["summit"])
        except Summit.DoesNotExist:
            raise CommandError(f"No summit with the slug {options['summit']!r}.") from None
        output = options["output"] or f"{summit.slug}-{options['kind'].replace('_', '-')}.pdf"
        bar = ProgressBar(self.stdout._out if hasattr(self.stdout, "_out") else sys.stdout)
        started = time.monotonic()
        pdf, count = documents.render_summit_batch(summit, options["kind"], order=options["order"],
                                                   language=options["language"], progress=bar)
        bar.finish()
        if count == 0:
            raise CommandError("No approved participant matches; nothing written.")
        with open(output, "wb") as handle:
            handle.write(pdf)
        self.stdout.write(self.style.SUCCESS(
            f"Wrote {output}: {count} documents, {len(pdf) / 1e6:.1f} MB in {time.monotonic() - started:.1f} s."
        ))
