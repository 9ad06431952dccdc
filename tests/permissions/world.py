"""Two summits, A and B, each with one record of every kind the admin shows, and A's team in every role.

The permission matrix tests open every admin door as a member of A's team with B's records and
check that B's sensitive text (``World.secrets``) never appears in what they get back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.utils import timezone

from core.permissions import Role

ROLES = [Role.MANAGER, Role.CONTENT_EDITOR, Role.REGISTRATION_DESK, Role.CHECKIN, Role.COMMITMENTS_REVIEWER]
NO_TEAM = "no_team"
PERSONAS = [*[str(role) for role in ROLES], NO_TEAM]


@dataclass
class World:
    a: object
    b: object
    users: dict  # persona -> user of A's team (or with no team)
    objects: dict  # name -> one of B's records (or a shared record)
    secrets: list = field(default_factory=list)  # text of B's records that A's team must never read


def _png():
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def build() -> World:
    from django.contrib.contenttypes.models import ContentType
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.log_actions import log
    from wagtail.admin.models import EditingSession
    from wagtail.models import UploadedFile, Workflow
    from wagtail.contrib.redirects.models import Redirect

    from announcements.models import CommitmentPartner, ReviewEvent
    from core import outbox, teams
    from core.models import Job
    from registrations.models import AuditEntry, SessionBooking
    from summits import services as summit_services
    from tests.announcements.factories import (
        CoalitionFactory, CommitmentFactory, DeliverableFactory, ProgressReportFactory, PublishedCommitmentFactory,
    )
    from tests.cms import factories as cms
    from tests.registrations.factories import (
        CategoryFactory, EmailTemplateFactory, InvitationFactory, RegistrationFactory, open_summit,
    )
    from tests.summits.factories import (
        OrganisationFactory, RoomFactory, SessionFactory, SessionSpeakerFactory, SpeakerFactory, ThemeFactory,
        UserFactory, member,
    )

    a = open_summit(title="Alpha Summit", slug="alpha")
    b = open_summit(title="Bravo Summit", slug="bravo")
    for summit in (a, b):
        summit_services.ensure_collection(summit)

    home = cms.home_page()
    a_page = cms.summit_page(home, a, title="Alpha summit page")
    b_page = cms.summit_page(home, b, title="Bravo summit page")
    # B's unpublished work: a draft child page and a draft revision of its summit page.
    from cms.models import StandardPage

    b_draft = StandardPage(title="Bravo draft page secret", slug="bravo-draft", live=False)
    b_page.add_child(instance=b_draft)
    b_draft.save_revision()
    cms.standard_page(a_page, title="Alpha about", slug="alpha-about")

    b_manager = member(b, role=Role.MANAGER, username="bravo-manager-secret", email="bravo-manager-secret@b.example")
    teams.sync(a)
    teams.sync(b)

    users = {}
    for role in ROLES:
        users[str(role)] = member(a, role=role, username=f"alpha-{role}")
    users[NO_TEAM] = UserFactory(username="no-team")
    teams.sync(a)

    # Shared directory records (not a summit's): visible to every team with directory rights.
    organisation = OrganisationFactory(name="Shared organisation")
    speaker = SpeakerFactory(given_name="Shared", family_name="Speaker", organisation=organisation)
    coalition = CoalitionFactory(name="Shared coalition")
    from announcements.models import ExchangeRate

    rate = ExchangeRate.objects.create(currency="EUR", valid_from=dt.date(2020, 1, 1), usd_per_unit="1.1")

    theme = ThemeFactory(summit=b, title="Bravo theme secret", slug="bravo-theme")
    room = RoomFactory(summit=b, name="Bravo room secret")
    session = SessionFactory(summit=b, title="Bravo session secret", slug="bravo-session", theme=theme, room=room,
                             capacity=10)
    session_speaker = SessionSpeakerFactory(session=session, speaker=speaker)
    category = CategoryFactory(summit=b, name="Bravo category secret", invitation_only=True,
                               invitation_code="INVITE-BRAVO-7731")
    invitation = InvitationFactory(category=category, email="invitee-bravo@b.example")
    template = EmailTemplateFactory(summit=b, subject="Bravo template secret", body="Hello from Bravo")
    registration = RegistrationFactory(
        summit=b, category=category, given_name="Xanthippe", family_name="Bravowski", email="xanthippe@b.example",
        passport_number="PB998877", needs_letter=True, passport_expiry=dt.date(2035, 1, 1),
        date_of_birth=dt.date(1980, 5, 5), organisation=organisation, phone="+99 555 0101",
    )
    registration.photo.save("photo.jpg", ContentFile(_png()), save=True)
    booking = SessionBooking.objects.create(registration=registration, session=session)
    audit = AuditEntry.objects.create(registration=registration, actor=b_manager, action="edit",
                                      note="Bravo audit note secret")
    commitment = CommitmentFactory(summit=b, title="Bravo unpublished commitment secret",
                                   contact_email="contact-bravo@b.example", contact_name="Bravo Contact Secret",
                                   lead_organisation=organisation)
    published = PublishedCommitmentFactory(summit=b, title="Bravo published commitment",
                                           contact_email="published-contact-bravo@b.example",
                                           lead_organisation=organisation)
    report = ProgressReportFactory(commitment=published, narrative="Bravo narrative secret")
    deliverable = DeliverableFactory(commitment=commitment, title="Bravo deliverable secret")
    partner = CommitmentPartner.objects.create(commitment=commitment, organisation=organisation)
    ReviewEvent.objects.create(commitment=commitment, action="submitted", comment="Bravo review comment secret")

    image = Image.objects.create(title="Bravo image secret", collection=b.collection,
                                 file=ContentFile(_png(), name="bravo.png"), width=40, height=30)
    document = Document.objects.create(title="Bravo document secret", collection=b.collection,
                                       file=ContentFile(b"%PDF-1.4 bravo", name="bravo.pdf"))
    uploaded = UploadedFile.objects.create(for_content_type=ContentType.objects.get_for_model(Image),
                                           file=ContentFile(_png(), name="bravo-upload.png"), uploaded_by_user=b_manager)
    uploaded_doc = UploadedFile.objects.create(for_content_type=ContentType.objects.get_for_model(Document),
                                               file=ContentFile(b"bravo", name="bravo-upload.txt"),
                                               uploaded_by_user=b_manager)
    menu = cms.menu("en", links=[("Shared link", "https://example.org/")])
    job = Job.objects.create(kind="registrations.pdf_batch", owner=b_manager, summit=b, params={"kind": "letters"},
                             state=Job.State.SUCCEEDED, result_name="bravo-letters-secret.pdf")
    job.result_file.save("bravo-letters-secret.pdf", ContentFile(b"%PDF-1.4 Xanthippe"), save=True)
    email = outbox.enqueue(to="xanthippe@b.example", kind="registration.received", summit=b, target=registration,
                           subject="Bravo email subject secret", body="Dear Xanthippe")
    from registrations.models import Message

    message = Message.objects.create(summit=b, subjects={"en": "Bravo message secret"},
                                     bodies={"en": "Dear {{ name }}"}, audience={"status": ["approved"]})

    # Wagtail's own records about B: history entries, a workflow in progress, an editing session, a redirect.
    for obj in (theme, registration, commitment, category, invitation):
        log(obj, "wagtail.edit", user=b_manager)
    log(b_draft, "wagtail.edit", user=b_manager)
    workflow = Workflow.objects.filter(name="Moderators approval").first()
    if workflow is None:  # Wagtail's migration made it; a transactional test of this process emptied the table
        from django.contrib.auth.models import Group
        from wagtail.models import GroupApprovalTask, WorkflowTask

        task = GroupApprovalTask.objects.create(name="Moderators approval")
        task.groups.set([Group.objects.get_or_create(name="Moderators")[0]])
        workflow = Workflow.objects.create(name="Moderators approval")
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    workflow_state = workflow.start(b_draft, b_manager)
    task_state = workflow_state.current_task_state
    editing_session = EditingSession.objects.create(
        user=b_manager, content_type=ContentType.objects.get_for_model(type(theme)), object_id=str(theme.pk),
        last_seen_at=timezone.now())
    redirect = Redirect.objects.create(old_path="/bravo-old-secret", redirect_page=b_page)

    # A translation of B's draft page in progress (wagtail-localize).
    from wagtail_localize.models import Translation, TranslationSource
    from wagtail.models import Locale

    source, _created = TranslationSource.get_or_create_from_instance(b_draft)
    translation_ = Translation.objects.create(source=source, target_locale=Locale.objects.get(language_code="fr"))
    translation_.save_target(user=b_manager, publish=False)
    string_segment = source.stringsegment_set.first()

    objects = {
        "summit": b, "a_summit": a, "home": home, "a_page": a_page, "page": b_page, "draft": b_draft,
        "theme": theme, "room": room, "session": session, "sessionspeaker": session_speaker,
        "category": category, "invitation": invitation, "emailtemplate": template, "registration": registration,
        "sessionbooking": booking, "auditentry": audit, "commitment": commitment, "published": published,
        "progressreport": report, "deliverable": deliverable, "commitmentpartner": partner,
        "organisation": organisation, "speaker": speaker, "coalition": coalition, "exchangerate": rate,
        "image": image, "document": document, "uploaded": uploaded, "uploaded_doc": uploaded_doc, "menu": menu, "job": job, "email": email, "message": message,
        "workflow": workflow, "workflow_state": workflow_state, "task_state": task_state,
        "task": task_state.task, "editing_session": editing_session, "redirect": redirect,
        "translation": translation_, "translation_source": source, "string_segment": string_segment,
        "b_manager": b_manager, "collection": b.collection, "group": teams.editors_group(b),
        "revision": b_draft.latest_revision, "locale": Locale.objects.get(language_code="fr"),
        "site": home.get_site(),
    }
    secrets = [
        "Xanthippe", "Bravowski", "xanthippe@b.example", "PB998877", "+99 555 0101", "INVITE-BRAVO-7731",
        "invitee-bravo@b.example", "contact-bravo@b.example", "published-contact-bravo@b.example",
        "Bravo Contact Secret", "Bravo narrative secret", "Bravo unpublished commitment secret",
        "Bravo draft page secret", "Bravo image secret", "Bravo document secret", "bravo-manager-secret",
        "Bravo template secret", "Bravo theme secret", "Bravo room secret", "Bravo session secret",
        "Bravo category secret", "Bravo audit note secret", "Bravo deliverable secret", "Bravo review comment secret",
        "bravo-letters-secret", "Bravo email subject secret", "Bravo message secret", registration.reference, commitment.reference,
        "/bravo-old-secret",
    ]
    return World(a=a, b=b, users=users, objects=objects, secrets=secrets)
