"""Real processes for fault tests: a redis-server of our own, Celery workers as subprocesses.

The tests stop, freeze and kill these processes on purpose, so none of them is shared with other
tests (the CI's Redis on 6379 is never touched). Workers are ``celery -A config worker -P solo``
subprocesses on the test database: they need a database another process can open (PostgreSQL in
CI), hence the ``postgres`` marker next to ``redis``.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from config.celery import app as celery_app
from core import broker

ROOT = Path(settings.BASE_DIR)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate, timeout, interval=0.1, what="condition", log=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    tail = f"\n--- {log.log_path.name}:\n{log.output()[-4000:]}" if log is not None else ""
    raise AssertionError(f"timed out after {timeout}s waiting for {what}{tail}")


class RedisServer:
    """A redis-server on a port of its own, which a test may stop, start again or freeze."""

    def __init__(self, directory: Path):
        self.port = free_port()
        self.directory = directory
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.directory), "--protected-mode", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_until(self.answers, 10, what=f"redis-server on port {self.port}")

    def answers(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)  # a frozen server must be able to die
            self.process.terminate()
            self.process.wait(10)
        self.process = None


def _database_url() -> str:
    s = connection.settings_dict
    user = quote(s.get("USER") or "", safe="")
    password = quote(s.get("PASSWORD") or "", safe="")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    return f"postgres://{auth}{s.get('HOST') or '127.0.0.1'}:{s.get('PORT') or 5432}/{s['NAME']}"


class Worker:
    """``celery -A config worker -P solo`` in a subprocess, on the test database and our Redis."""

    def __init__(self, broker_url: str, directory: Path, name: str, beat: bool = False, extra_env=None):
        self.log_path = directory / f"{name}.log"
        self.mail_dir = directory / "mail"
        env = {
            **os.environ,
            "DEBUG": "1",
            "DATABASE_URL": _database_url(),
            "DATABASE_CONN_MAX_AGE": "0",
            "CELERY_BROKER_URL": broker_url,
            "CELERY_RESULT_BACKEND": broker_url,
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.mail_dir),
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "PYTHONUNBUFFERED": "1",
            **(extra_env or {}),
        }
        command = [sys.executable, "-m", "celery", "-A", "config", "worker", "-P", "solo", "-l", "INFO",
                   "-n", f"{name}@%h", "--without-gossip", "--without-mingle", "--without-heartbeat"]
        if beat:
            command += ["-B", "-s", str(directory / f"{name}-beat-schedule")]
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        wait_until(self.ready, 30, interval=0.2, what=f"worker {name} to be ready")

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")

    def ready(self):
        if self.process.poll() is not None:
            raise AssertionError(f"worker exited with {self.process.returncode}:\n{self.output()[-3000:]}")
        return " ready." in self.output()

    def kill(self):
        """SIGKILL, as the kernel's OOM killer or a lost machine would: no clean-up at all."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)
        self.log.close()

    def recipients(self) -> list[str]:
        """Recipients of every email the worker wrote to its mail directory (file backend)."""
        found = []
        for path in sorted(self.mail_dir.glob("*.log")) if self.mail_dir.exists() else []:
            for line in path.read_text(errors="replace").splitlines():
                if line.startswith("To: "):
                    found.append(line[4:].strip())
        return found


def _reset_producer_pools():
    if celery_app._pool is not None:
        celery_app._pool.force_close_all()
        celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def own_redis(tmp_path):
    """Our own redis-server, and this process's Celery app publishing to it (not eagerly)."""
    if connection.vendor != "postgresql":
        pytest.skip("worker subprocesses need a database another process can open (PostgreSQL)")
    if not shutil.which("redis-server"):
        pytest.fail("redis-server is not installed (Debian: apt-get install redis-server)")
    server = RedisServer(tmp_path)
    server.start()
    names = ("broker_url", "broker_write_url", "broker_read_url", "task_always_eager")
    previous = {name: celery_app.conf[name] for name in names}
    celery_app.conf.update(broker_url=server.url, broker_write_url=server.url, broker_read_url=server.url,
                           task_always_eager=False)
    _reset_producer_pools()
    broker.reset()
    try:
        yield server
    finally:
        celery_app.conf.update(previous)
        _reset_producer_pools()
        broker.reset()
        server.stop()


@pytest.fixture
def workers(own_redis, tmp_path):
    """``workers(name, beat=False, **env)`` starts a worker subprocess; all are stopped at the end."""
    started = []

    def start(name="w", beat=False, **extra_env):
        worker = Worker(own_redis.url, tmp_path, name, beat=beat, extra_env=extra_env)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()
