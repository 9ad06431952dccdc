"""Load the demo summits (idempotent: running it twice gives the same data).

Each app may provide ``<app>/demo.py`` with ``load(stdout)``; they run in dependency order.
"""

import importlib
import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from core import teams
from core.permissions import Role

DEMO_APPS = ["summits", "cms", "registrations", "announcements"]


class Command(BaseCommand):
    help = "Load the demo summits and create the demo logins (safe to run again)."

    def handle(self, *args, **options):
        for app in DEMO_APPS:
            try:
                module = importlib.import_module(f"{app}.demo")
            except ModuleNotFoundError as exc:
                if exc.name == f"{app}.demo":
                    continue
                raise
            with transaction.atomic():
                module.load(self.stdout)
        self.create_logins()

    def create_logins(self):
        from summits.models import Summit
        from summits.services import ensure_collection

        User = get_user_model()
        password = os.environ.get("PLENARY_DEMO_PASSWORD", "plenary-demo")
        admin = self._user(User, "admin", password, "Secretariat", "Admin", is_staff=True, is_superuser=True)
        summits = list(Summit.objects.order_by("start_date"))
        for summit in summits:
            ensure_collection(summit)
        logins = [
            ("organiser", "Demo", "Organiser", Role.MANAGER, summits),
            ("editor", "Demo", "Editor", Role.CONTENT_EDITOR, summits[:1]),
            ("desk", "Demo", "Desk", Role.REGISTRATION_DESK, summits[:1]),
            ("checkin", "Demo", "Check-in", Role.CHECKIN, summits[:1]),
            ("reviewer", "Demo", "Reviewer", Role.COMMITMENTS_REVIEWER, summits[:1]),
        ]
        for username, first, last, role, granted in logins:
            user = self._user(User, username, password, first, last)
            for summit in granted:
                teams.add_member(summit, user, role, by=admin)
        transaction.on_commit(teams.sync_all)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Demo logins (change the passwords outside a demo):"))
        first = summits[0].title if summits else ""
        self.stdout.write(f"  admin      / {password}   (superuser: the secretariat, every summit)")
        self.stdout.write(f"  organiser  / {password}   (summit manager of every demo summit)")
        self.stdout.write(f"  editor     / {password}   (content editor of {first})")
        self.stdout.write(f"  desk       / {password}   (registration desk of {first})")
        self.stdout.write(f"  checkin    / {password}   (check-in staff of {first})")
        self.stdout.write(f"  reviewer   / {password}   (commitments reviewer of {first})")
        self.stdout.write("  Sign in at /admin/")

    @staticmethod
    def _user(User, username, password, first, last, **flags):
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@plenary.example.org", "first_name": first, "last_name": last, **flags},
        )
        if created:
            user.set_password(password)
            user.save()
        return user
