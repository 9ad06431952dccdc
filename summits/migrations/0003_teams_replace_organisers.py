"""Summit teams replace the summit's "organisers" list: every organiser becomes the summit's manager.

The site-wide "Organisers" group (model permissions on every summit) is removed: what a team member
may do now comes from their role in each summit (core.permissions).
"""

import django.db.models.deletion
from django.db import migrations, models


def organisers_to_managers(apps, schema_editor):
    Summit = apps.get_model("summits", "Summit")
    Membership = apps.get_model("core", "Membership")
    for summit in Summit.objects.all():
        for user in summit.organisers.all():
            Membership.objects.get_or_create(user=user, summit=summit, role="manager")


def drop_organisers_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name="Organisers").delete()


def managers_to_organisers(apps, schema_editor):
    Summit = apps.get_model("summits", "Summit")
    Membership = apps.get_model("core", "Membership")
    for membership in Membership.objects.filter(role="manager"):
        Summit.objects.get(pk=membership.summit_id).organisers.add(membership.user_id)


class Migration(migrations.Migration):

    dependencies = [
        ("summits", "0002_summit_badge_format"),
        ("core", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(organisers_to_managers, managers_to_organisers),
        migrations.RunPython(drop_organisers_group, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="summit",
            name="organisers",
        ),
        migrations.AddField(
            model_name="summit",
            name="collection",
            field=models.ForeignKey(
                blank=True, editable=False,
                help_text="The summit's images and documents; its team may upload and choose them.", null=True,
                on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="wagtailcore.collection",
                verbose_name="image and document collection",
            ),
        ),
    ]
