"""Benchmark: badge batches and programme booklets (not a test; prints figures).

    ./.venv/bin/python bench/badges.py [--badges 1000] [--sessions 150] [--skip-booklets]

1. Plenary: ``registrations.documents.render_badges`` for N badges, each with its own photo
   (a JPEG on disk) and its own signed check-in QR code, through the whole pipeline (Django
   templates, QR generation, the local-files fetcher, fonts, chunked layout).
2. Baseline, in the same run: bare WeasyPrint (``HTML(filename=…).write_pdf()``, default fetcher)
   on the same number of pages of equivalent static HTML: the very markup step 1 produces, saved
   to a file beforehand (so templates and QR codes cost the baseline nothing).
3. Seconds for the English, Chinese and Arabic programme booklets of a generated summit with many
   sessions (in a throw-away in-memory database).
4. With ``--workers 1,2``: the wall time of one N-badge batch through the real job path
   (``documents.start_batch`` -> core.run_job -> chunk tasks -> merge, PLENARY_PDF_CHUNK_SIZE per chunk)
   with 1, then 2, real Celery workers (``celery -A config worker -c 1`` each, like two machines) on
   PostgreSQL (BENCH_PG, database BENCH_DB, default plenary_bench_badges, dropped and made again) and
   Redis (BENCH_REDIS, default redis://127.0.0.1:6379/11), and the ratio 2 workers / 1 worker.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="plenary-bench-"))
os.environ["MEDIA_ROOT"] = str(WORK / "media")
os.environ["DATABASE_URL"] = "sqlite:///" + str(WORK / "bench.sqlite3")
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
BENCH_DB = os.environ.get("BENCH_DB", "plenary_bench_badges")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/11")
WORKERS_MODE = any(arg == "--workers" or arg.startswith("--workers=") for arg in sys.argv)
if WORKERS_MODE:  # worker processes need a database and a broker they share with this one
    os.environ.update({
        "DATABASE_URL": f"{PG}/{BENCH_DB}", "CELERY_BROKER_URL": REDIS, "CELERY_RESULT_BACKEND": REDIS,
        "DEBUG": "0", "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789", "STATIC_MANIFEST": "0",
        "DATABASE_CONN_MAX_AGE": "0",
    })
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as _conn:
        _conn.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
        _conn.execute(f"CREATE DATABASE {BENCH_DB}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.template.loader import render_to_string  # noqa: E402
from django.utils.safestring import mark_safe  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402
from weasyprint import HTML  # noqa: E402

from registrations.documents import ID1, BadgeData, _badge_css, badge_html, render_badges  # noqa: E402
from core.pdf import BASE_CSS  # noqa: E402
from core.signing import checkin_token  # noqa: E402

GIVEN = ["Amina", "Inger", "Jean-Baptiste", "Maria Fernanda", "Wei", "Olga", "Kwame", "Fatima", "Lucía", "Hiroshi"]
FAMILY = ["Diallo", "Andersen", "Rodríguez Montenegro", "Zhang", "Ivanova", "Mensah", "Al-Hashimi", "Dupont",
          "Nakamura", "de la Santísima Trinidad y Villalobos"]
ORGS = ["Ministry of Environment", "United Nations Environment Programme (UNEP)", "World Bank",
        "Fondation pour la biodiversité", "Youth for Nature Network", "The Daily Planet"]
CATEGORIES = [("Delegate", "#1f5fa8"), ("Press", "#e0e0e0"), ("Observer", "#2e7d32"), ("Speaker", "#b22222")]


def make_photos(count: int) -> list[str]:
    folder = WORK / "media" / "photos"
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(5)
    paths = []
    for i in range(count):
        image = Image.new("RGB", (300, 380), tuple(rng.randrange(90, 200) for _ in range(3)))
        draw = ImageDraw.Draw(image)
        draw.ellipse((80, 50, 220, 210), fill=tuple(rng.randrange(150, 250) for _ in range(3)))
        draw.rectangle((40, 230, 260, 380), fill=tuple(rng.randrange(20, 120) for _ in range(3)))
        path = folder / f"p{i:05d}.jpg"
        image.save(path, quality=82)
        paths.append(str(path))
    return paths


def make_badges(count: int) -> list[BadgeData]:
    photos = make_photos(count)
    badges = []
    for i in range(count):
        category, colour = CATEGORIES[i % len(CATEGORIES)]
        badges.append(BadgeData(
            given_name=GIVEN[i % len(GIVEN)], family_name=f"{FAMILY[(i * 7) % len(FAMILY)]}",
            organisation=ORGS[i % len(ORGS)], category=category, colour=colour, photo_path=photos[i],
            summit_title="One Planet Summit for Biodiversity", summit_dates="11 January 2021",
            qr_token=checkin_token(f"OPS-{i:06d}", 1), language="en", country="FR",
        ))
    return badges


def static_html(badges: list[BadgeData], name: str = "static-badges.html") -> Path:
    """The same pages as plain HTML on disk (photos by file URL, QR codes inline), built untimed."""
    from registrations.documents import FORMATS

    html = render_to_string("registrations/documents/badges.html", {
        "fmt": FORMATS[ID1],
        "css": mark_safe(BASE_CSS + _badge_css(ID1)),
        "badges": [mark_safe(badge_html(badge, ID1)) for badge in badges],
        "lang": "en", "dir": "ltr",
    })
    path = WORK / name
    path.write_text(html, encoding="utf-8")
    return path


def timed(function):
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def bench_badges(count: int):
    import io

    from pypdf import PdfReader

    badges = make_badges(count)
    static = static_html(badges)
    # Warm up both paths (fontconfig cache, imports) on a few pages.
    render_badges(badges[:5])
    warm = WORK / "warm-up.html"
    text = static.read_text(encoding="utf-8")
    warm.write_text(text[: text.index('<div class="badge', text.index("<body>")) ] + "</body></html>", encoding="utf-8")
    HTML(filename=str(warm)).write_pdf()

    # Baseline 2: the same static pages split into files of BADGES_PER_CHUNK pages, laid out with
    # bare WeasyPrint and merged with Document.copy (what Plenary does, minus templates and QR codes).
    from registrations.documents import BADGES_PER_CHUNK

    chunk_files = [static_html(badges[i:i + BADGES_PER_CHUNK], f"static-{i:05d}.html")
                   for i in range(0, count, BADGES_PER_CHUNK)]

    def bare_chunked():
        docs = [HTML(filename=str(path)).render() for path in chunk_files]
        return docs[0].copy([page for doc in docs for page in doc.pages]).write_pdf()

    ours_s, ours_pdf = timed(lambda: render_badges(badges, ID1))
    bare_s, bare_pdf = timed(lambda: HTML(filename=str(static)).write_pdf())
    chunked_s, chunked_pdf = timed(bare_chunked)
    ours_pages = len(PdfReader(io.BytesIO(ours_pdf)).pages)
    bare_pages = len(PdfReader(io.BytesIO(bare_pdf)).pages)
    chunked_pages = len(PdfReader(io.BytesIO(chunked_pdf)).pages)
    print(f"badges: {count} with photos and QR codes (ID-1, one page each)")
    print(f"  plenary render_badges          : {ours_s:7.2f} s  {ours_pages} pages  {len(ours_pdf) / 1e6:.1f} MB"
          f"  ({ours_s / count * 1000:.0f} ms/badge)")
    print(f"  bare WeasyPrint, one document  : {bare_s:7.2f} s  {bare_pages} pages  {len(bare_pdf) / 1e6:.1f} MB"
          f"  ({bare_s / count * 1000:.0f} ms/page)")
    print(f"  bare WeasyPrint, {BADGES_PER_CHUNK}-page chunks: {chunked_s:7.2f} s  {chunked_pages} pages"
          f"  {len(chunked_pdf) / 1e6:.1f} MB  ({chunked_s / count * 1000:.0f} ms/page)")
    print(f"  ratio plenary / bare one document: {ours_s / bare_s:.2f}x  (aim: <= 1.5x)")
    print(f"  ratio plenary / bare same chunks : {ours_s / chunked_s:.2f}x  (templates + QR codes + fetcher)")


LANGS = {
    "ar": ["الجلسة", "العامة", "التنوع", "البيولوجي", "تمويل", "الطبيعة", "المحيطات", "الغابات", "الزراعة",
           "المستدامة", "حوار", "رفيع", "المستوى"],
    "zh_hans": ["全体", "会议", "生物", "多样性", "自然", "融资", "海洋", "森林", "可持续", "农业", "高级别", "对话"],
    "fr": ["Plénière", "biodiversité", "financement", "nature", "océans", "forêts", "agriculture", "durable",
           "dialogue", "haut", "niveau"],
}
EN = ["Plenary", "biodiversity", "financing", "nature", "oceans", "forests", "sustainable", "agriculture",
      "high-level", "dialogue", "coalition", "restoration"]


def make_summit(sessions: int):
    import datetime as dt
    import zoneinfo

    from django.core.management import call_command

    from summits.models import Organisation, Room, Session, SessionSpeaker, Speaker, Summit, Theme

    call_command("migrate", verbosity=0, interactive=False)
    rng = random.Random(11)

    def phrase(words, n):
        return " ".join(rng.choice(words) for _ in range(n))

    summit = Summit.objects.create(
        title="One Planet Summit for Biodiversity", title_ar="قمة كوكب واحد من أجل التنوع البيولوجي",
        title_zh_hans="一个星球生物多样性峰会", slug="bench", start_date=dt.date(2021, 1, 11),
        end_date=dt.date(2021, 1, 13), timezone="Europe/Paris", city="Paris", city_ar="باريس", city_zh_hans="巴黎",
        country="FR", status="open", languages=["en", "fr", "ar", "zh-hans"],
    )
    themes = [Theme.objects.create(summit=summit, title=phrase(EN, 3), title_ar=phrase(LANGS["ar"], 3),
                                   title_zh_hans=phrase(LANGS["zh_hans"], 3), slug=f"t{i}", sort_order=i)
              for i in range(6)]
    rooms = [Room.objects.create(summit=summit, name=f"Room {i}", name_ar=f"القاعة {i}", name_zh_hans=f"{i}号厅")
             for i in range(8)]
    orgs = [Organisation.objects.create(name=f"{phrase(EN, 2)} {i}", kind="ngo") for i in range(40)]
    speakers = [Speaker.objects.create(given_name=rng.choice(GIVEN), family_name=f"{rng.choice(FAMILY)} {i}",
                                       organisation=rng.choice(orgs)) for i in range(200)]
    tz = zoneinfo.ZoneInfo("Europe/Paris")
    for i in range(sessions):
        day, slot = divmod(i, len(rooms) * 6)
        room, hour = rooms[slot % len(rooms)], 9 + slot // len(rooms) * 1.5
        start = dt.datetime.combine(summit.start_date + dt.timedelta(days=day % 3), dt.time(int(hour), int(hour % 1 * 60)),
                                    tzinfo=tz)
        session = Session.objects.create(
            summit=summit, title=phrase(EN, 6).capitalize(), title_ar=phrase(LANGS["ar"], 6),
            title_zh_hans=phrase(LANGS["zh_hans"], 5).replace(" ", ""), slug=f"s{i}", theme=rng.choice(themes),
            room=room, start=start, end=start + dt.timedelta(minutes=75),
            description=phrase(EN, 30), description_ar=phrase(LANGS["ar"], 30),
            description_zh_hans=phrase(LANGS["zh_hans"], 25).replace(" ", ""),
        )
        for order, speaker in enumerate(rng.sample(speakers, 3)):
            SessionSpeaker.objects.create(session=session, speaker=speaker, sort_order=order)
    return summit


def bench_booklets(sessions: int):
    import io

    from pypdf import PdfReader

    from summits.documents import programme_booklet_pdf

    summit = make_summit(sessions)
    programme_booklet_pdf(summit, "en")  # warm-up
    print(f"programme booklets: {sessions} sessions, 3 speakers each")
    results = {}
    for language in ["en", "zh-hans", "ar"]:
        seconds, pdf = timed(lambda: programme_booklet_pdf(summit, language))
        results[language] = seconds
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        print(f"  {language:8}: {seconds:6.2f} s  {pages} pages  {len(pdf) / 1e6:.2f} MB"
              + ("" if language == "en" else f"  ({seconds / results['en']:.2f}x English)"))


def make_batch_summit(count: int, slug: str):
    """A summit with ``count`` approved registrations, each with its own photo file (bulk-created)."""
    import datetime as dt

    from registrations.models import Registration, RegistrationCategory
    from summits.models import Summit

    summit = Summit.objects.create(title="One Planet Summit for Biodiversity", slug=slug,
                                   start_date=dt.date(2030, 1, 11), end_date=dt.date(2030, 1, 12), city="Paris",
                                   country="FR", status="open", languages=["en", "fr"])
    categories = [RegistrationCategory.objects.create(summit=summit, name=name, slug=name.lower(), badge_colour=colour,
                                                      sort_order=i)
                  for i, (name, colour) in enumerate(CATEGORIES)]
    photos = make_photos(count)
    media = WORK / "media"
    Registration.objects.bulk_create([
        Registration(summit=summit, category=categories[i % len(categories)], reference=f"{slug.upper()}-{i:06d}",
                     status="approved", given_name=GIVEN[i % len(GIVEN)], family_name=FAMILY[(i * 7) % len(FAMILY)],
                     email=f"p{i}@{slug}.example.org", organisation_name=ORGS[i % len(ORGS)], nationality="FR",
                     preferred_language="en", consent_privacy=True,
                     photo=str(Path(photos[i]).relative_to(media)))
        for i in range(count)
    ], batch_size=500)
    return summit


def start_workers(count: int, tag: str) -> list:
    import subprocess

    env = dict(os.environ, PYTHONUNBUFFERED="1", LOG_LEVEL="INFO")
    procs = []
    for n in range(count):
        log = WORK / f"worker-{tag}-{n}.log"
        procs.append((subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "-c", "1", "-l", "INFO", "-n",
             f"bench{tag}{n}@%h", "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=ROOT, env=env, stdout=open(log, "wb"), stderr=subprocess.STDOUT, start_new_session=True), log))
    deadline = time.monotonic() + 60
    for proc, log in procs:
        while " ready." not in log.read_text(errors="replace"):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"worker did not start:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.2)
    return procs


def stop_workers(procs):
    import signal

    for proc, _log in procs:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
    for proc, _log in procs:
        try:
            proc.wait(30)
        except Exception:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)


def run_batch(summit, user) -> tuple[float, object]:
    from core.models import Job
    from registrations import documents

    started = time.perf_counter()
    job = documents.start_batch(summit=summit, user=user, kind="badges", order="family_name")
    while True:
        job.refresh_from_db()
        if job.is_finished:
            return time.perf_counter() - started, job
        if time.perf_counter() - started > 1800:
            raise SystemExit(f"batch not finished after 30 min: {job.state} {job.done}/{job.total}")
        time.sleep(0.1)


def bench_workers(count: int, worker_counts: list[int]):
    import io
    import subprocess

    from django.contrib.auth import get_user_model
    from django.core.files.storage import default_storage
    from django.core.management import call_command
    from pypdf import PdfReader

    from registrations import documents

    call_command("migrate", verbosity=0, interactive=False)
    user = get_user_model().objects.create_superuser("bench", "bench@example.org", "x")
    summit = make_batch_summit(count, "batch")
    warm = make_batch_summit(4 * max(worker_counts), "warm")
    chunk = documents.chunk_size_setting()
    plan = documents.batch_plan(summit, "badges", "family_name")
    print(f"badge batch through the job path: {count} badges (ID-1, photos, QR codes), {len(plan)} chunks of "
          f"<= {chunk} (PLENARY_PDF_CHUNK_SIZE), PostgreSQL {BENCH_DB}, Redis {REDIS}")
    times = {}
    for workers in worker_counts:
        subprocess.run([sys.executable, "-m", "celery", "-A", "config", "purge", "-f"], cwd=ROOT, env=os.environ,
                       capture_output=True)
        procs = start_workers(workers, str(workers))
        try:
            run_batch(warm, user)  # warm-up: fonts, imports, connections in every worker process
            seconds, job = run_batch(summit, user)
        finally:
            stop_workers(procs)
        if job.state != "succeeded":
            raise SystemExit(f"batch {job.state}: {job.error}")
        with default_storage.open(job.result_file.name, "rb") as handle:
            pdf = handle.read()
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        times[workers] = seconds
        print(f"  {workers} worker{'s' if workers > 1 else ' '} (-c 1 each)          : {seconds:7.2f} s  {pages} pages  "
              f"{len(pdf) / 1e6:.1f} MB  ({seconds / count * 1000:.0f} ms/badge)")
    if 1 in times:
        for workers, seconds in times.items():
            if workers != 1:
                print(f"  ratio {workers} workers / 1 worker       : {seconds / times[1]:.2f}x  (target <= 0.6x)")
    print(f"  load average (uptime)          : {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} "
          f"{os.getloadavg()[2]:.2f} on {os.cpu_count()} CPUs")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--badges", type=int, default=1000)
    parser.add_argument("--sessions", type=int, default=150)
    parser.add_argument("--skip-booklets", action="store_true")
    parser.add_argument("--workers", help="e.g. 1,2: also time a batch through the job path with this many "
                                          "Celery workers (PostgreSQL + Redis, see the docstring)")
    args = parser.parse_args()
    print(f"WeasyPrint {__import__('weasyprint').__version__}, Python {sys.version.split()[0]}, work dir {WORK}")
    print(f"load average before (uptime)  : {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    bench_badges(args.badges)
    if args.workers:
        bench_workers(args.badges, [int(n) for n in args.workers.split(",") if n.strip()])
    if not args.skip_booklets:
        bench_booklets(args.sessions)


if __name__ == "__main__":
    main()
