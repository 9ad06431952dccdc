"""Load the demo summits (idempotent: running it twice gives the same data).

Each app may provide ``<app>/demo.py`` with ``load(stdout)``; they run in dependency order.
"""

import importlib
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from summits.roles import ORGANISERS_GROUP, ensure_organiser_group

DEMO_APPS = ["summits", "cms", "registrations", "announcements"]


class Command(BaseCommand):
    help = "Load the demo summits and create the demo logins (safe to run again)."

    def handle(self, *args, **options):
        ensure_organiser_group()
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

        User = get_user_model()
        password = os.environ.get("PLENARY_DEMO_PASSWORD", "plenary-demo")
        admin, created = User.objects.get_or_create(
            username="admin", defaults={"email": "admin@plenary.example.org", "is_staff": True, "is_superuser": True}
        )
        if created:
            admin.set_password(password)
            admin.save()
        organiser, created = User.objects.get_or_create(
            username="organiser",
            defaults={"email": "organiser@plenary.example.org", "first_name": "Demo", "last_name": "Organiser"},
        )
        if created:
            organiser.set_password(password)
            organiser.save()
        organiser.groups.add(*Group.objects.filter(name=ORGANISERS_GROUP))
        for summit in Summit.objects.all():
            summit.organisers.add(organiser)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Demo logins (change the passwords outside a demo):"))
        self.stdout.write(f"  organiser  / {password}   (Organisers group: runs the demo summits)")
        self.stdout.write(f"  admin      / {password}   (superuser)")
        self.stdout.write("  Sign in at /admin/")
