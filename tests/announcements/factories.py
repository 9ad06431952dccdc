"""factory_boy factories of the commitments registry."""

import datetime as dt

import factory
from django.utils import timezone

from announcements.choices import CommitmentKind, ReportState, ReviewState
from announcements.models import Coalition, Commitment, Deliverable, ProgressReport
from tests.summits.factories import OrganisationFactory, SummitFactory


class CoalitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Coalition

    name = factory.Sequence(lambda n: f"Coalition {n}")
    slug = factory.Sequence(lambda n: f"coalition-{n}")


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment
        skip_postgeneration_save = True

    summit = factory.SubFactory(SummitFactory)
    title = factory.Sequence(lambda n: f"Commitment number {n} on restoring ecosystems")
    summary = "Restore degraded land."
    lead_organisation = factory.SubFactory(OrganisationFactory)
    kind = CommitmentKind.INITIATIVE
    announced_on = factory.LazyFunction(timezone.localdate)
    contact_name = "Ana Reporter"
    contact_email = factory.Sequence(lambda n: f"lead{n}@example.org")
    review_state = ReviewState.SUBMITTED


class PublishedCommitmentFactory(CommitmentFactory):
    review_state = ReviewState.PUBLISHED
    # Published when announced (the follow-up light counts from the later of the two); a test of a
    # late publication gives published_at itself.
    published_at = factory.LazyAttribute(
        lambda o: min(timezone.now(), timezone.make_aware(dt.datetime.combine(o.announced_on, dt.time(12)))))


class DeliverableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deliverable

    commitment = factory.SubFactory(CommitmentFactory)
    title = factory.Sequence(lambda n: f"Deliverable {n}")
    due_date = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=365))


class ProgressReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressReport

    commitment = factory.SubFactory(PublishedCommitmentFactory)
    period_start = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=365))
    period_end = factory.LazyFunction(timezone.localdate)
    narrative = "Work went on."
    percent_complete = 20
    state = ReportState.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)
