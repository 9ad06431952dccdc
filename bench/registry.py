"""Benchmark: median latency of the registry list, dashboard and API with 10,000 commitments,
next to a bare Django view measured in the same run (not a test).

    ./.venv/bin/python bench/registry.py [--n 10000] [--repeat 15]

Uses its own SQLite file (var/bench_registry.sqlite3) unless DATABASE_URL is set.
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
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench_registry.sqlite3'}")
os.environ.setdefault("LOG_LEVEL", "WARNING")
(ROOT / "var").mkdir(exist_ok=True)

import django  # noqa: E402

django.setup()

import datetime as dt  # noqa: E402
import random  # noqa: E402
from decimal import Decimal  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def populate(n):
    from announcements.choices import ActivityStatus, CommitmentKind, ReviewState
    from announcements.models import Commitment, CommitmentCountry
    from summits.choices import OrganisationKind
    from summits.models import Organisation, Summit, Theme

    summit, _ = Summit.objects.get_or_create(
        slug="bench-summit", defaults={"title": "Bench summit", "start_date": dt.date(2024, 1, 10),
                                       "end_date": dt.date(2024, 1, 11), "city": "Paris", "country": "FR",
                                       "status": "closed"})
    have = Commitment.objects.filter(summit=summit).count()
    if have >= n:
        return summit
    rng = random.Random(42)
    themes = [Theme.objects.get_or_create(summit=summit, slug=f"theme-{i}",
                                          defaults={"title": f"Theme {i}", "sort_order": i})[0] for i in range(6)]
    orgs = [Organisation.objects.get_or_create(name=f"Bench organisation {i}",
                                               defaults={"kind": rng.choice(OrganisationKind.values)})[0]
            for i in range(200)]
    countries = ["FR", "SN", "ML", "BR", "CN", "IN", "KE", "PE", "NO", "DE", "ID", "CR"]
    today = dt.date.today()
    with transaction.atomic():
        rows = []
        for i in range(have, n):
            announced = today - dt.timedelta(days=rng.randint(0, 1500))
            reported = announced + dt.timedelta(days=rng.randint(0, 900)) if rng.random() < 0.6 else None
            if reported and reported > today:
                reported = today
            amount = Decimal(rng.randint(1, 5000)) * 100000 if rng.random() < 0.5 else None
            rows.append(Commitment(
                reference=f"BENCH-{i:06d}", summit=summit, title=f"Bench commitment {i} on ecosystems",
                title_en=f"Bench commitment {i} on ecosystems", title_fr=f"Engagement {i} sur les écosystèmes",
                summary_en="Restore, protect and report.", lead_organisation=rng.choice(orgs),
                kind=rng.choice(CommitmentKind.values), status=rng.choice(ActivityStatus.values),
                amount=amount, currency="USD" if amount else "",
                amount_usd=amount, disbursed_usd=(amount or 0) * Decimal("0.3"), announced_on=announced,
                last_reported_on=reported, review_state=ReviewState.PUBLISHED,
                published_at=django.utils.timezone.now(),
                latitude=Decimal(rng.randint(-5500, 7000)) / 100 if i % 4 == 0 else None,  # a point on every 4th
                longitude=Decimal(rng.randint(-17000, 17000)) / 100 if i % 4 == 0 else None,
            ))
        created = Commitment.objects.bulk_create(rows, batch_size=1000)
        CommitmentCountry.objects.bulk_create(
            [CommitmentCountry(commitment_id=c.pk, country=code) for c in created
             for code in rng.sample(countries, rng.randint(1, 3))], batch_size=2000)
        # two published progress reports with cumulative disbursed amounts on the commitments that reported
        from announcements.choices import ReportState
        from announcements.models import ProgressReport

        ProgressReport.objects.bulk_create(
            [ProgressReport(commitment_id=c.pk, period_start=c.announced_on + dt.timedelta(days=365 * k),
                            period_end=c.announced_on + dt.timedelta(days=365 * k + 364), narrative_en="Bench report",
                            narrative="Bench report", state=ReportState.PUBLISHED, disbursed_usd=(c.amount or 0) * k / 4,
                            published_at=django.utils.timezone.now())
             for c in created if c.last_reported_on for k in (1, 2)], batch_size=2000)
        through = Commitment.themes.through
        through.objects.bulk_create(
            [through(commitment_id=c.pk, theme_id=themes[c.pk % len(themes)].pk) for c in created], batch_size=2000)
    return summit


def measure(client, url, repeat, cold=False):
    from django.core.cache import cache

    client.get(url)  # warm up (template loading, caches)
    times = []
    for _ in range(repeat):
        if cold:
            cache.clear()
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(times), len(queries)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    summit = populate(args.n)
    if connection.vendor == "postgresql":
        # Fresh statistics, as autovacuum would gather them after a bulk load (it may be off, as on
        # this machine's shared server): without them the planner takes the new tables for empty and
        # joins 10,000 rows by nested loops (the world map's query ran for minutes).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    from announcements.models import Commitment

    total = Commitment.objects.filter(summit=summit).count()
    print(f"database: {connection.vendor}, {total} published commitments "
          f"(ready in {time.perf_counter() - started:.1f} s)")
    client = Client()
    cases = [
        ("bare Django view (/healthz)", "/healthz"),
        ("registry list, 1st page, cold facets", f"/en/commitments/?summit={summit.slug}", True),
        ("registry list, 1st page", f"/en/commitments/?summit={summit.slug}"),
        ("registry list, filtered + search", f"/fr/commitments/?summit={summit.slug}&kind=financial&q=ecosystems"),
        ("registry list, page 200 by amount", f"/en/commitments/?summit={summit.slug}&sort=amount&page=200"),
        ("summit dashboard", f"/en/commitments/dashboard/{summit.slug}/"),
        ("API v1, 50 per page", f"/api/v1/commitments/?summit={summit.slug}"),
    ]
    results = []
    for label, url, *cold in cases:
        median, count = measure(client, url, args.repeat, cold=bool(cold))
        results.append((label, median, count))
    # The IATI 2.03 file of the whole summit (every activity, one response): fewer repeats, it is large.
    for label, url in (("IATI file, ~20 activities (search)",
                        f"/en/commitments/iati-activities.xml?summit={summit.slug}&q=commitment+123"),
                       ("IATI file, whole summit", f"/en/commitments/iati-activities.xml?summit={summit.slug}")):
        median, count = measure(client, url, max(1, min(3, args.repeat)))
        results.append((label, median, count))
    bare = results[0][1]
    print(f"{'page':38} {'median ms':>10} {'x bare':>8} {'queries':>8}")
    for label, median, count in results:
        print(f"{label:38} {median:10.1f} {median / bare:8.1f} {count:8d}")


if __name__ == "__main__":
    main()
