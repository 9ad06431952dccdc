"""Countries of a commitment become rows (one per country) instead of a comma-separated list, so the
country facet and the map count countries rather than combinations, and the database can index them."""

import django_countries.fields
from django.db import migrations, models


def copy_countries(apps, schema_editor):
    Commitment = apps.get_model("announcements", "Commitment")
    CommitmentCountry = apps.get_model("announcements", "CommitmentCountry")
    rows = []
    for pk, value in Commitment.objects.values_list("pk", "countries").iterator(chunk_size=2000):
        seen = set()
        for code in str(value or "").split(","):
            code = code.strip().upper()
            if code and code not in seen:
                seen.add(code)
                rows.append(CommitmentCountry(commitment_id=pk, country=code))
        if len(rows) >= 5000:
            CommitmentCountry.objects.bulk_create(rows)
            rows = []
    CommitmentCountry.objects.bulk_create(rows)


def copy_back(apps, schema_editor):
    Commitment = apps.get_model("announcements", "Commitment")
    CommitmentCountry = apps.get_model("announcements", "CommitmentCountry")
    codes = {}
    for commitment_id, code in CommitmentCountry.objects.order_by("pk").values_list("commitment_id", "country"):
        codes.setdefault(commitment_id, []).append(code)
    for commitment_id, values in codes.items():
        Commitment.objects.filter(pk=commitment_id).update(countries=",".join(values))


class Migration(migrations.Migration):

    dependencies = [
        ("announcements", "0002_list_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="CommitmentCountry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("country", django_countries.fields.CountryField(max_length=2, verbose_name="country")),
                ("commitment", models.ForeignKey(on_delete=models.deletion.CASCADE, related_name="country_rows",
                                                 to="announcements.commitment")),
            ],
            options={
                "verbose_name": "country",
                "verbose_name_plural": "countries",
                "ordering": ["commitment", "country"],
                "constraints": [models.UniqueConstraint(fields=("commitment", "country"),
                                                        name="commitment_country_once")],
                "indexes": [models.Index(fields=["country", "commitment"], name="commitment_country_lookup")],
            },
        ),
        migrations.RunPython(copy_countries, copy_back),
        migrations.RemoveField(model_name="commitment", name="countries"),
    ]
