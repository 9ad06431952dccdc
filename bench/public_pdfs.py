"""Benchmark: a public PDF requested twice (not a test; prints figures).

    ./.venv/bin/python bench/public_pdfs.py [--participants 1000] [--commitments 400]

The public participants list of a summit with N approved participants who agreed to be listed,
and the commitments report of a summit with M published commitments: the first request (HTML,
layout, stored), the second (served from storage), the same bytes or not, then the request after
an edit of one listed participant. A bare Django view is timed in the same run. Uses its own
SQLite file (var/bench-pdfs.sqlite3, migrated once) unless DATABASE_URL is set.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-pdfs.sqlite3'}")
os.environ.setdefault("DEBUG", "1")
os.environ["MEDIA_ROOT"] = str(ROOT / "var" / "bench-pdfs-media")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1")
(ROOT / "var").mkdir(exist_ok=True)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402


def populate(participants, commitments):
    from registrations.choices import RegistrationStatus
    from registrations.models import Registration
    from summits.models import Summit
    from tests.announcements.factories import PublishedCommitmentFactory
    from tests.registrations.factories import CategoryFactory, RegistrationFactory
    from tests.summits.factories import SummitFactory

    summit = Summit.objects.filter(slug="bench-pdfs").first()
    if summit is None:
        summit = SummitFactory(slug="bench-pdfs", title="Benchmark summit", languages=["en", "fr"])
    have = Registration.objects.filter(summit=summit).count()
    if have < participants:
        category = CategoryFactory(summit=summit, name="Delegate")
        for i in range(have, participants):
            RegistrationFactory(summit=summit, category=category, given_name=f"Given{i}",
                                family_name=f"Family{i}", organisation_name=f"Organisation {i % 60}",
                                status=RegistrationStatus.APPROVED, list_publicly=True)
    have = summit.commitments.count()
    for _ in range(have, commitments):
        PublishedCommitmentFactory(summit=summit)
    return summit


def timed(client, url, **params):
    started = time.perf_counter()
    response = client.get(url, params)
    return (time.perf_counter() - started) * 1000, response


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=1000)
    parser.add_argument("--commitments", type=int, default=400)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    summit = populate(args.participants, args.commitments)
    from django.core.cache import cache
    from django.core.files.storage import default_storage

    from core import public_pdf

    cache.clear()
    for name in default_storage.listdir(public_pdf.DIRECTORY)[1] if default_storage.exists(public_pdf.DIRECTORY) else []:
        default_storage.delete(f"{public_pdf.DIRECTORY}/{name}")

    from django.test.utils import override_settings

    client = Client()
    with override_settings(ROOT_URLCONF="bench.pages_urls"):  # the project's URLs plus /bare/
        timed(client, "/bare/")
        bare = statistics.median(timed(client, "/bare/")[0] for _ in range(50))
    print(f"bare Django view: median {bare:.2f} ms")
    listing = reverse("registrations:public_participants_pdf", args=[summit.slug])
    report = "/en/commitments/report.pdf"
    cases = [
        (f"participants.pdf, {args.participants} listed", listing, {}),
        (f"commitments report.pdf, {args.commitments} commitments", report, {"summit": summit.slug}),
    ]
    print(f"{'document':46} {'first ms':>9} {'second ms':>10} {'same bytes':>11} {'bytes':>9} {'x bare (2nd)':>13}")
    for label, url, params in cases:
        first_ms, first = timed(client, url, **params)
        seconds = [timed(client, url, **params) for _ in range(10)]
        second_ms = statistics.median(ms for ms, _ in seconds)
        same = all(r.content == first.content for _, r in seconds)
        assert first.status_code == 200, (url, first.status_code)
        print(f"{label:46} {first_ms:9.0f} {second_ms:10.1f} {str(same):>11} {len(first.content):9d} "
              f"{second_ms / bare:13.1f}")
    from registrations.models import Registration

    someone = Registration.objects.filter(summit=summit, list_publicly=True).order_by("pk").first()
    someone.family_name += "-Edited"
    someone.save()
    edited_ms, edited = timed(client, listing)
    again_ms, _again = timed(client, listing)
    print(f"after one listed participant is edited: {edited_ms:.0f} ms ({edited['X-Plenary-PDF']}), "
          f"then {again_ms:.1f} ms")


if __name__ == "__main__":
    main()
