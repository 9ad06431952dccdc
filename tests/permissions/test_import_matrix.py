"""The import matrix: every import kind × every persona of summit A, with rows aimed at summit B.

For each registered kind (core.importing.registry), B's own record is exported with the kind's
resource (so the columns are exactly the import's) and turned into attacks, uploaded through the
admin's import screen as A's team would:

- "update B": B's record as exported (its summit, its key): change it in place;
- "new in B": a new record in B (its key changed);
- "move to A": B's record with A as its summit, for kinds keyed without the summit (a reference),
  which would move the record from B to A.

Each attack must end with an error naming row 2 and a column, and nothing written. A persona whose
roles do not grant the kind's action is refused the import screen altogether.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core import importing, permissions

from .test_admin_matrix import fingerprint, refused
from .world import PERSONAS, build

pytestmark = pytest.mark.django_db

# The record of B each kind is tried with (World.objects), and how to turn it into a new record.
RECORDS = {
    "organisations": ("organisation", None),
    "themes": ("theme", {"slug": "bravo-new-theme"}),
    "rooms": ("room", {"name": "Bravo new room"}),
    "sessions": ("session", {"slug": "bravo-new-session"}),
    "registrations": ("registration", {"reference": "", "email": "new-bravo@b.example"}),
    "commitments": ("commitment", {"reference": ""}),
}


def exported(kind, record):
    """B's record as the kind's own export writes it: {column: text}."""
    resource = kind.resource()
    dataset = resource.export(queryset=type(record)._default_manager.filter(pk=record.pk))
    row = dict(zip(dataset.headers, dataset[0]))
    return {key: "" if value is None else str(value) for key, value in row.items()}


def csv_of(row):
    import csv
    import io

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(row))
    writer.writeheader()
    writer.writerow(row)
    return out.getvalue().encode("utf-8")


def attacks(kind, world):
    name, new_key = RECORDS[kind.name]
    record = world.objects[name]
    row = exported(kind, record)
    found = {}
    if "summit" not in row:
        return found  # a shared record (the directory): only the right to import at all is checked
    found["update B"] = row
    found["new in B"] = {**row, **new_key}
    if "summit" not in kind.resource()._meta.import_id_fields:
        found["move to A"] = {**row, "summit": world.a.slug}
    return found


@pytest.fixture
def world(db):
    return build()


def test_every_import_kind_has_an_attack_plan():
    kinds = sorted(importing.registry())
    # The closing note of issue #9 quotes this number.
    print(f"\nimport kinds covered: {len(kinds)}")
    assert kinds == sorted(RECORDS), "new import kind: add it to RECORDS in tests/permissions/test_import_matrix.py"


def test_summit_a_team_cannot_import_into_summit_b(client, world):
    problems = []
    for persona in PERSONAS:
        user = world.users[persona]
        client.force_login(user)
        for kind in importing.registry().values():
            url = f"/admin/plenary/import/{kind.name}/"
            if not kind.allowed(user):
                response = client.post(url, {"file": SimpleUploadedFile("x.csv", b"summit\nbravo\n")})
                if not refused(response, client, user):
                    problems.append(f"{persona} {kind.name}: import screen answered {response.status_code}")
                continue
            for label, row in attacks(kind, world).items():
                before = fingerprint()
                preview = client.post(url, {"file": SimpleUploadedFile(f"{kind.name}.csv", csv_of(row))})
                report = preview.context["report"] if preview.context and "report" in preview.context else None
                if report is None or report.ok:
                    problems.append(f"{persona} {kind.name} [{label}]: preview accepted the row ({preview.status_code})")
                    continue
                if preview.context.get("token"):
                    problems.append(f"{persona} {kind.name} [{label}]: a confirm token was offered")
                lines = {(error.line, bool(error.field)) for error in report.errors}
                if (2, True) not in lines:
                    problems.append(f"{persona} {kind.name} [{label}]: no error on row 2 naming a column: "
                                    f"{[str(e) for e in report.errors]}")
                if fingerprint() != before:
                    problems.append(f"{persona} {kind.name} [{label}]: the preview wrote something")
                # The same rows straight through the import (the command line path), for real: nothing written.
                dataset = importing.read_dataset(csv_of(row), "attack.csv")
                result = importing.run_import(kind, dataset, dry_run=False, user=user)
                if result.ok or fingerprint() != before:
                    problems.append(f"{persona} {kind.name} [{label}]: the import wrote B's records")
    assert problems == [], "\n".join(problems)


def test_the_attack_rows_are_valid_for_summit_b_own_team(client, world):
    """The same rows from B's own manager are accepted: the refusals above are about the summit, not the data."""
    manager = world.objects["b_manager"]
    permissions.forget(manager)
    for kind in importing.registry().values():
        for label, row in attacks(kind, world).items():
            if label == "move to A":
                continue
            dataset = importing.read_dataset(csv_of(row), "own.csv")
            report = importing.run_import(kind, dataset, dry_run=True, user=manager)
            assert report.ok, (kind.name, label, [str(e) for e in report.errors])
