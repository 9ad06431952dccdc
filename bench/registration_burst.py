"""Registration burst: N registrations from many concurrent HTTP clients against fewer places.

Starts gunicorn on a loopback port against a fresh PostgreSQL database, measures a bare baseline
(GET /healthz) with the same clients, then fires the registrations and checks the database:
accepted (holding a place), waitlisted, oversold (places held beyond capacity), lost (an attempt
with no registration and no clear refusal) and duplicated (one person registered twice).

    ./.venv/bin/python bench/registration_burst.py [--attempts 2000] [--places 500] [--clients 40]

Needs PostgreSQL at BENCH_PG (default postgres://postgres@127.0.0.1:5432; database BENCH_DB, default
plenary_bench_registrations, dropped and made again) and Redis at BENCH_REDIS (default
redis://127.0.0.1:6379/10): the web processes queue every email (core/outbox.py) on that broker and
a Celery worker started here sends them with the file email backend, one file per email; after the
burst the bench waits for the outbox to drain and counts the emails delivered. Not a test.
"""

import argparse
import http.client
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DB_NAME = os.environ.get("BENCH_DB", "plenary_bench_registrations")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/10")
CELERY = str(ROOT / ".venv" / "bin" / "celery")
MAIL_DIR = Path(tempfile.mkdtemp(prefix="plenary-burst-mail-"))
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fresh_database():
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB_NAME}")


def django_env(extra=None):
    env = dict(os.environ)
    env.update({
        "DATABASE_URL": f"{PG}/{DB_NAME}",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "PLENARY_REGISTRATION_RATE": "0/0",  # every client shares 127.0.0.1: no per-address limit here
        # Emails are queued by the web processes and sent by the worker, one file per email.
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(MAIL_DIR),
        "CELERY_BROKER_URL": REDIS,
        "CELERY_RESULT_BACKEND": REDIS,
        "LOG_LEVEL": "WARNING",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789",
        "STATIC_MANIFEST": "0",
    })
    env.update(extra or {})
    return env


SETUP = """
import datetime as dt
from django.utils import timezone
from summits.models import Summit
from registrations.models import RegistrationCategory
now = timezone.now()
s = Summit.objects.create(title="Burst summit", slug="burst", start_date=dt.date(2030, 1, 10), end_date=dt.date(2030, 1, 11),
    city="Paris", country="FR", status="open", capacity={places}, registration_opens=now - dt.timedelta(days=1),
    registration_closes=now + dt.timedelta(days=1), languages=["en", "fr"])
c = RegistrationCategory.objects.create(summit=s, name="Civil society", slug="civil-society", quota={places},
    needs_approval=False, requires_organisation=False)
print(c.pk)
"""

COUNT = """
from django.db.models import Count
from registrations.models import Registration
qs = Registration.objects.filter(summit__slug="burst")
held = qs.filter(status__in=["pending", "approved"]).count()
print(qs.count(), held, qs.filter(status="waitlisted").count(),
      qs.values("email").distinct().count(), qs.values("reference").distinct().count())
print(",".join(qs.values_list("email", flat=True)))
"""


OUTBOX = """
from core.models import OutboxEmail
qs = OutboxEmail.objects.filter(summit__slug="burst")
print(qs.count(), qs.filter(status="sent").count(), qs.filter(status="failed").count())
"""


def start_worker(env):
    return subprocess.Popen([CELERY, "-A", "config", "worker", "--concurrency", "2", "--loglevel", "WARNING",
                             "--without-gossip", "--without-mingle"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def purge_broker(env):
    subprocess.run([CELERY, "-A", "config", "purge", "-f"], cwd=ROOT, env=env, capture_output=True)


def wait_outbox(env, expected, timeout=600):
    """(rows, sent, failed, seconds) once every email of the burst is sent or failed, or at the timeout."""
    start = time.perf_counter()
    while True:
        rows, sent, failed = (int(x) for x in manage(OUTBOX, env)[-1].split())
        if (rows >= expected and sent + failed >= rows) or time.perf_counter() - start > timeout:
            return rows, sent, failed, time.perf_counter() - start
        time.sleep(2)


def manage(code, env):
    out = subprocess.run([PY, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return out.stdout.strip().splitlines()


def start_server(port, env, workers):
    proc = subprocess.Popen(
        [GUNICORN, "config.wsgi:application", "-b", f"127.0.0.1:{port}", "-w", str(workers), "-k", "gthread",
         "--threads", "4", "--log-level", "warning", "--timeout", "120"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    for _ in range(300):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("gunicorn did not start: " + proc.stderr.read().decode()[-2000:])


def run_clients(port, clients, jobs, work):
    """Run ``work(conn, state, job)`` for every job across ``clients`` threads with keep-alive connections."""
    lock = threading.Lock()
    queue = list(jobs)
    results = []

    def client():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        state = {}
        while True:
            with lock:
                if not queue:
                    break
                job = queue.pop()
            try:
                outcome = work(conn, state, job)
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                outcome = (job, f"error:{type(exc).__name__}")
            with lock:
                results.append(outcome)
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, time.perf_counter() - start


def healthz(conn, state, job):
    conn.request("GET", "/healthz")
    response = conn.getresponse()
    response.read()
    return job, response.status


def register_factory(category_id):
    def register(conn, state, job):
        if "csrf" not in state:  # one GET per client for the CSRF cookie and token, as a browser would
            conn.request("GET", "/en/summits/burst/register/")
            response = conn.getresponse()
            body = response.read().decode()
            state["csrf"] = CSRF_RE.search(body).group(1)
            cookie = response.getheader("Set-Cookie", "")
            state["cookie"] = cookie.split(";", 1)[0]
        email = f"burst{job}@example.org"
        body = urllib.parse.urlencode({
            "csrfmiddlewaretoken": state["csrf"], "category": category_id, "given_name": f"Given{job}",
            "family_name": "Burst", "email": email, "nationality": "FR", "preferred_language": "en",
            "consent_privacy": "on", "website": "",
        })
        conn.request("POST", "/en/summits/burst/register/", body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Cookie": state["cookie"],
            "Referer": "http://127.0.0.1/", "Host": "127.0.0.1",
        })
        response = conn.getresponse()
        response.read()
        return job, response.status

    return register


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--attempts", type=int, default=2000)
    parser.add_argument("--places", type=int, default=500)
    parser.add_argument("--clients", type=int, default=40)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()

    print(f"fresh database {DB_NAME}, migrating…", flush=True)
    fresh_database()
    env = django_env()
    subprocess.run([PY, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    category_id = manage(SETUP.format(places=args.places), env)[-1]
    port = free_port()
    purge_broker(env)
    worker = start_worker(env)
    server = start_server(port, env, args.workers)
    try:
        baseline, base_seconds = run_clients(port, args.clients, range(args.attempts), healthz)
        base_rate = len(baseline) / base_seconds
        results, seconds = run_clients(port, args.clients, range(args.attempts), register_factory(category_id))
        server.terminate()
        server.wait(timeout=30)
        outbox_rows, sent, failed, drained = wait_outbox(env, sum(1 for _j, status in results if status == 302))
    finally:
        for process in (server, worker):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
    # The file backend appends the messages one connection writes within the same second to one file:
    # count messages (their Message-ID headers) and distinct recipients, not files.
    texts = [path.read_text(errors="replace") for path in MAIL_DIR.iterdir()]
    delivered = sum(text.count("\nMessage-ID: ") + text.startswith("Message-ID: ") for text in texts)
    recipients = {line[4:].strip() for text in texts for line in text.splitlines() if line.startswith("To: ")}
    statuses = {}
    for _job, status in results:
        statuses[status] = statuses.get(status, 0) + 1
    lines = manage(COUNT, env)
    total, held, waitlisted, distinct_emails, distinct_refs = (int(x) for x in lines[-2].split())
    stored = set(lines[-1].split(",")) if lines[-1] else set()
    redirected = {job for job, status in results if status == 302}
    lost = sum(1 for job in range(args.attempts) if f"burst{job}@example.org" not in stored)
    lost_after_ok = sum(1 for job in redirected if f"burst{job}@example.org" not in stored)
    oversold = max(0, held - args.places)
    duplicated = (total - distinct_emails) + (total - distinct_refs)
    rate = len(results) / seconds
    print(f"baseline GET /healthz: {len(baseline)} requests in {base_seconds:.1f}s = {base_rate:.0f} req/s")
    print(f"registrations: {args.attempts} attempts from {args.clients} clients against {args.places} places "
          f"in {seconds:.1f}s = {rate:.0f} registrations/s ({rate / base_rate:.2f}x the bare baseline)")
    print(f"HTTP statuses: {dict(sorted(statuses.items(), key=str))}")
    print(f"accepted={held} waitlisted={waitlisted} oversold={oversold} lost={lost} (of which answered 302: "
          f"{lost_after_ok}) duplicated={duplicated}")
    print(f"emails: {outbox_rows} in the outbox, {sent} sent, {failed} failed, {delivered} delivered by the worker "
          f"({len(recipients)} recipients, {len(texts)} files), drained {drained:.1f}s after the burst")
    ok = (oversold == 0 and lost == 0 and duplicated == 0 and held == min(args.places, args.attempts)
          and failed == 0 and sent == outbox_rows == delivered and outbox_rows >= total
          and len(recipients) == total)
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
