"""Benchmark of the public site: median latency and requests per second of the home, summit,
programme and session pages next to a bare Django view, all served by the same gunicorn server
in the same run, with the page cache on, off (the fragments of cms_tags.cached_fragment still
cached), and off with the fragments off too (every part rendered), and the programme during an edit storm (a
session of the same summit renamed every second through the ORM, in another process, while
8 clients read the programme).

    ./.venv/bin/python bench/pages.py [--requests 100] [--seconds 2] [--concurrency 4] [--storm-seconds 10]

gunicorn runs in its own process group; it is stopped with SIGTERM (graceful timeout 3 s) and
the whole group is killed if it has not exited within 8 s, also when the bench fails or is
interrupted (atexit): the bench always exits and leaves no worker behind holding its output
pipe (before, `process.wait(10)` raised on a slow stop and left the workers running).

It builds its own SQLite database (var/bench-pages.sqlite3): migrations, the demo, and a
generated summit with 200 sessions and 400 speakers. Nothing here is a test; it prints figures.
"""

import argparse
import atexit
import collections
import http.client
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DB = ROOT / "var" / "bench-pages.sqlite3"
PORT = int(os.environ.get("BENCH_PORT", "8093"))
PY = sys.executable


def environment(cache_seconds, fragment_seconds=600):
    env = dict(os.environ)
    env.update({
        "DATABASE_URL": f"sqlite:///{DB}",
        "DJANGO_SETTINGS_MODULE": "bench.pages_settings",
        "PLENARY_PAGE_CACHE_SECONDS": str(cache_seconds),
        "PLENARY_FRAGMENT_CACHE_SECONDS": str(fragment_seconds),
        "PYTHONPATH": str(ROOT),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789",
    })
    env.pop("CACHE_URL", None)
    env.pop("REDIS_CACHE_URL", None)
    return env


SETUP = r'''
import datetime as dt, io, zoneinfo
from django.core.management import call_command
from summits.models import Organisation, Room, Session, SessionSpeaker, Speaker, Summit, Theme
call_command("migrate", verbosity=0)
call_command("load_demo", stdout=io.StringIO())
if not Summit.objects.filter(slug="bench-200").exists():
    tz = zoneinfo.ZoneInfo("Europe/Paris")
    summit = Summit.objects.create(title="Benchmark summit", title_fr="Sommet de mesure", slug="bench-200",
        start_date=dt.date(2030, 6, 1), end_date=dt.date(2030, 6, 4), timezone="Europe/Paris", city="Paris",
        country="FR", status="open", languages=["en", "fr", "ar"])
    themes = [Theme.objects.create(summit=summit, title=f"Theme {i}", slug=f"theme-{i}", sort_order=i) for i in range(6)]
    rooms = [Room.objects.create(summit=summit, name=f"Room {i}") for i in range(10)]
    org = Organisation.objects.create(name="Benchmark organisation", kind="ngo")
    sessions = Session.objects.bulk_create([
        Session(summit=summit, title=f"Session {i}", title_fr=f"Séance {i}", slug=f"session-{i}",
                theme=themes[i % 6], room=rooms[i % 10], kind="plenary", languages=["en", "fr"],
                start=dt.datetime(2030, 6, 1 + i // 50, 8 + (i % 50) // 5, 0, tzinfo=tz),
                end=dt.datetime(2030, 6, 1 + i // 50, 8 + (i % 50) // 5, 50, tzinfo=tz))
        for i in range(200)])
    speakers = Speaker.objects.bulk_create([Speaker(given_name=f"Given{i}", family_name=f"Family{i}",
                                                    organisation=org) for i in range(400)])
    SessionSpeaker.objects.bulk_create([SessionSpeaker(session=sessions[i // 2], speaker=s)
                                        for i, s in enumerate(speakers)])
from cms.models import HomePage, SummitPage
home = HomePage.objects.get(locale__language_code="en")
if not SummitPage.objects.filter(summit__slug="bench-200").exists():
    page = SummitPage(title="Benchmark summit", slug="bench-200", summit=Summit.objects.get(slug="bench-200"))
    home.add_child(instance=page)
    page.save_revision().publish()
print("pages", SummitPage.objects.count(), "sessions", Session.objects.count())
'''

URLS = [
    ("bare Django view", "/bare/"),
    ("home", "/en/"),
    ("summit", "/en/bench-200/"),
    ("programme (200 sessions)", "/en/bench-200/programme/"),
    ("session", "/en/bench-200/sessions/session-42/"),
]


def get(conn, path, states=None):
    conn.request("GET", path, headers={"Host": "127.0.0.1"})
    response = conn.getresponse()
    body = response.read()
    if states is not None:
        states[response.getheader("X-Plenary-Cache") or "none"] += 1
    return response.status, len(body)


def latency(path, n):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    status, size = get(conn, path)  # warm-up
    assert status == 200, (path, status)
    timings = []
    for _ in range(n):
        start = time.perf_counter()
        get(conn, path)
        timings.append(time.perf_counter() - start)
    conn.close()
    return statistics.median(timings) * 1000, size


def throughput(path, seconds, concurrency, states=None):
    count = [0] * concurrency
    stop = time.perf_counter() + seconds

    def worker(slot):
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        while time.perf_counter() < stop:
            get(conn, path, states)
            count[slot] += 1
        conn.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(count) / (time.perf_counter() - start)


def serve(cache_seconds, workers, fragment_seconds=600):
    process = subprocess.Popen(
        [str(Path(PY).parent / "gunicorn"), "config.wsgi:application", "--bind", f"127.0.0.1:{PORT}",
         "--workers", str(workers), "--threads", "1", "--log-level", "warning", "--graceful-timeout", "3",
         "--env", "DJANGO_SETTINGS_MODULE=bench.pages_settings"],
        cwd=ROOT, env=environment(cache_seconds, fragment_seconds), start_new_session=True,
    )
    atexit.register(stop, process)
    for _ in range(150):
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with {process.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
            get(conn, "/bare/")
            return process
        except OSError:
            time.sleep(0.2)
    stop(process)
    raise SystemExit("gunicorn did not start")


def stop(process):
    """Graceful stop of gunicorn and its workers; kill the whole group if it lingers."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(8)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)
    except ProcessLookupError:
        pass


EDITOR = r'''
import sys, time
import django
django.setup()
from summits.models import Session
Session.objects.filter(summit__slug="bench-200").exists()
print("ready", flush=True)
stop = time.monotonic() + float(sys.argv[1])
n = 0
while time.monotonic() < stop:
    session = Session.objects.get(summit__slug="bench-200", slug="session-7")
    session.title = f"Session 7 (edit {n})"
    session.save()
    n += 1
    time.sleep(1)
print(n)
'''


def edit_storm(seconds, clients):
    """Programme req/s while a session of its summit is renamed every second in another process."""
    path = "/en/bench-200/programme/"
    states = collections.Counter()
    editor = subprocess.Popen([PY, "-c", EDITOR, str(seconds)], cwd=ROOT, env=environment(600),
                              stdout=subprocess.PIPE, text=True)
    assert editor.stdout.readline().strip() == "ready"  # Django started in the editor
    rps = throughput(path, seconds, clients, states)
    edits = int(editor.communicate(timeout=30)[0].strip() or 0)
    return rps, edits, states


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--storm-seconds", type=float, default=10.0)
    parser.add_argument("--storm-clients", type=int, default=8)
    args = parser.parse_args()
    DB.parent.mkdir(exist_ok=True)
    subprocess.run([PY, "-c", "import django; django.setup()\n" + SETUP], cwd=ROOT, env=environment(0), check=True)
    subprocess.run([PY, "manage.py", "compile_translations"], cwd=ROOT, env=environment(0), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"gunicorn, {args.workers} sync workers, SQLite; latency: median of {args.requests} sequential "
          f"requests; throughput: {args.concurrency} clients for {args.seconds:.0f} s")
    passes = [("page cache ON", 600, 600), ("page cache OFF (fragments cached)", 0, 600),
              ("page cache OFF, fragments OFF (every part rendered)", 0, 0)]
    for label, cache_seconds, fragment_seconds in passes:
        process = serve(cache_seconds, args.workers, fragment_seconds)
        try:
            print(f"\n== {label}")
            print(f"{'page':28} {'bytes':>8} {'median ms':>10} {'req/s':>8} {'x bare latency':>15} {'% bare req/s':>13}")
            # Warm every worker up on every page first (imports, template loading, first queries).
            for _name, path in URLS:
                throughput(path, 0.5, args.concurrency)
            base = None
            for name, path in URLS:
                median, size = latency(path, args.requests)
                rps = throughput(path, args.seconds, args.concurrency)
                if base is None:
                    base = (median, rps)
                print(f"{name:28} {size:8d} {median:10.2f} {rps:8.0f} {median / base[0]:15.1f} "
                      f"{100 * rps / base[1]:12.0f}%")
            if cache_seconds and args.storm_seconds > 2:
                path = "/en/bench-200/programme/"
                calm = throughput(path, args.seconds, args.storm_clients)
                rps, edits, states = edit_storm(args.storm_seconds, args.storm_clients)
                print(f"\n== edit storm: programme, {args.storm_clients} clients, {edits} session edits in "
                      f"{args.storm_seconds:.0f} s (one a second, another process)")
                print(f"programme req/s calm {calm:.0f}, during the storm {rps:.0f} ({100 * rps / calm:.0f}% of calm); "
                      f"responses: " + ", ".join(f"{k} {v}" for k, v in sorted(states.items())))
        finally:
            stop(process)


if __name__ == "__main__":
    main()
