"""Settings come from the environment; production-like variables pass `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    # A production-like environment: none of the test run's own variables (browser tests set
    # DJANGO_ALLOW_ASYNC_UNSAFE for the live server), no database or broker of the test run.
    full_env = {
        k: v for k, v in os.environ.items()
        if not k.startswith(("DATABASE_URL", "CELERY_", "DJANGO_ALLOW_ASYNC_UNSAFE", "CACHE_URL", "SECRET_KEY", "DEBUG"))
    }
    full_env.update(env)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=full_env, capture_output=True, text=True)


def test_check_deploy_has_no_warnings_with_production_variables(tmp_path):
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        DEBUG="0", SECRET_KEY="x" * 20 + "a-long-random-production-secret-key-0123456789",
        ALLOWED_HOSTS="summit.example.org", HTTPS="1", DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
        STATIC_ROOT=str(tmp_path / "static"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_languages_are_the_six_un_languages():
    from django.conf import settings

    assert [code for code, _ in settings.LANGUAGES] == ["en", "fr", "es", "ar", "zh-hans", "ru"]


def test_celery_runs_eagerly_without_a_broker():
    result = run_manage("shell", "-c", "from django.conf import settings; print(settings.CELERY_TASK_ALWAYS_EAGER)",
                        DEBUG="1")
    assert result.stdout.strip().splitlines()[-1] == "True"


def test_email_file_path_comes_from_the_environment(tmp_path):
    result = run_manage("shell", "-c", "from django.conf import settings; print(settings.EMAIL_FILE_PATH)",
                        EMAIL_FILE_PATH=str(tmp_path / "outgoing"), DEBUG="1")
    assert result.stdout.strip().splitlines()[-1] == str(tmp_path / "outgoing")


def test_the_file_email_backend_writes_where_the_environment_says(tmp_path):
    code = ("from django.core.mail import send_mail; "
            "send_mail('Subject', 'Body', 'from@example.org', ['to@example.org'])")
    result = run_manage("shell", "-c", code, EMAIL_FILE_PATH=str(tmp_path / "outgoing"),
                        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
                        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3", DEBUG="1")
    assert result.returncode == 0, result.stderr
    files = list((tmp_path / "outgoing").iterdir())
    assert len(files) == 1 and "Subject: Subject" in files[0].read_text()


def test_debug_off_without_a_secret_key_refuses_to_start(tmp_path):
    env = {"DEBUG": "0", "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"}
    result = run_manage("check", **env)  # SECRET_KEY is not in the test run's environment
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    short = run_manage("check", SECRET_KEY="short", **env)
    assert short.returncode != 0 and "SECRET_KEY is not set" in short.stderr
    # the same with a real key starts
    ok = run_manage("check", SECRET_KEY="k" * 50, **env)
    assert ok.returncode == 0, ok.stderr
