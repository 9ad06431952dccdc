"""Operations of the commitments registry: submission checks, review, publication, versions,
progress reports and reminders. Each operation is one transaction and is logged."""

import datetime as dt
import difflib
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import formatting
from core.permissions import can, team_members
from core.signing import make_token, read_token
from summits.models import Organisation

from .choices import ActivityStatus, CommitmentKind, Lifecycle, ReminderStage, ReportState, ReviewState, Verification
from .models import (
    REPORT_INTERVAL_DAYS, Commitment, CommitmentVersion, DeliverableUpdate, Evidence, ExchangeRate, ProgressReport,
    ReminderSent, ReviewEvent,
)

logger = logging.getLogger(__name__)

LANG_SUFFIXES = [code.replace("-", "_") for code, _name in settings.LANGUAGES]
REPORT_TOKEN_PURPOSE = "report"
REPORT_LINK_MAX_AGE = 60 * 60 * 24 * 400  # a reporting link lasts a reporting cycle and a bit


# --- Checks on submission -----------------------------------------------------------------------

def smart_warnings(commitment, deliverables=None):
    """What a SMART commitment lacks, as translated sentences (empty when nothing is missing).

    ``deliverables`` are unsaved Deliverable instances (from a form); default: the saved ones.
    """
    if deliverables is None:
        deliverables = list(commitment.deliverables.all()) if commitment.pk else []
    warnings = []
    if not any(d.due_date for d in deliverables):
        warnings.append(_("No deliverable has a due date."))
    if not any(d.baseline is not None for d in deliverables):
        warnings.append(_("No indicator has a baseline."))
    if commitment.kind == CommitmentKind.FINANCIAL and commitment.amount is None:
        warnings.append(_("A financial pledge needs an amount and a currency."))
    if not commitment.end_date:
        warnings.append(_("The commitment has no end date."))
    return warnings


def location_errors(latitude, longitude):
    """What is wrong with a commitment's point ({field: message}): both coordinates or neither, the latitude
    within -90..90 and the longitude within -180..180 (WGS 84 decimal degrees)."""
    errors = {}
    if latitude is not None and not -90 <= latitude <= 90:
        errors["latitude"] = _("The latitude must be between -90 and 90 degrees.")
    if longitude is not None and not -180 <= longitude <= 180:
        errors["longitude"] = _("The longitude must be between -180 and 180 degrees.")
    if latitude is None and longitude is not None:
        errors["latitude"] = _("Give the latitude too, or neither coordinate.")
    elif longitude is None and latitude is not None:
        errors["longitude"] = _("Give the longitude too, or neither coordinate.")
    return errors


def _similar(a, b):
    return difflib.SequenceMatcher(None, (a or "").casefold(), (b or "").casefold()).ratio()


def find_duplicates(commitment, threshold=0.8):
    """Commitments of the same lead with a similar title (any language) or the same amount."""
    others = Commitment.objects.filter(lead_organisation_id=commitment.lead_organisation_id).exclude(
        pk=commitment.pk
    ).exclude(review_state=ReviewState.REJECTED)
    titles = [getattr(commitment, f"title_{s}") for s in LANG_SUFFIXES if getattr(commitment, f"title_{s}", "")]
    found = []
    for other in others:
        other_titles = [getattr(other, f"title_{s}") for s in LANG_SUFFIXES if getattr(other, f"title_{s}", "")]
        same_amount = (
            commitment.amount is not None and other.amount == commitment.amount and other.currency == commitment.currency
        )
        if same_amount or any(_similar(a, b) >= threshold for a in titles for b in other_titles):
            found.append(other)
    return found


@transaction.atomic
def submit_commitment(commitment, deliverables=(), partners=(), user=None):
    """Save a new commitment from the public form (or an import) for review, with its checks."""
    commitment.review_state = ReviewState.SUBMITTED
    commitment.smart_warnings = smart_warnings(commitment, list(deliverables))
    commitment.full_clean()
    commitment.save()
    for index, deliverable in enumerate(deliverables):
        deliverable.commitment = commitment
        deliverable.sort_order = index
        deliverable.save()
    for partner in partners:
        partner.commitment = commitment
        partner.save()
    duplicates = find_duplicates(commitment)
    commitment.possible_duplicates.set(duplicates)
    ReviewEvent.objects.create(commitment=commitment, action="submitted", user=user if user and user.pk else None)
    logger.info("commitment %s submitted (%d warnings, %d possible duplicates)",
                commitment.reference, len(commitment.smart_warnings), len(duplicates))
    return commitment


# --- Alignment to global frameworks ------------------------------------------------------------

MAX_SECONDARY_TARGETS = 3


def alignment_errors(primary, secondary):
    """What breaks the rule "one primary and up to three secondary goals or targets" ({field: message})."""
    secondary = list(secondary or [])
    errors = {}
    if secondary and primary is None:
        errors["primary_target"] = _("Choose the primary goal or target before secondary ones.")
    if len(secondary) > MAX_SECONDARY_TARGETS:
        errors["secondary_targets"] = _("Choose at most three secondary goals or targets.")
    elif primary is not None and any(t.pk == primary.pk for t in secondary):
        errors["secondary_targets"] = _("The primary target cannot also be a secondary one.")
    return errors


@transaction.atomic
def set_alignment(commitment, primary, secondary=(), user=None):
    """Align a saved commitment to one primary and up to three secondary framework goals or targets."""
    errors = alignment_errors(primary, secondary)
    if errors:
        raise ValidationError(errors)
    commitment.primary_target = primary
    commitment.save(update_fields=["primary_target", "updated_at"])
    commitment.secondary_targets.set(list(secondary or []))
    logger.info("commitment %s aligned to %s + %s", commitment.reference, getattr(primary, "code", None),
                [t.code for t in secondary or []])
    if user is not None:
        record_version(commitment, user)
    return commitment


@transaction.atomic
def set_theme_targets(summit, mapping, user):
    """Map each theme of ``summit`` to framework goals and targets: ``mapping`` is {theme id: [FrameworkTarget]}.
    Themes of other summits are refused; themes left out keep their targets."""
    from summits.models import Theme

    if not can(user, "commitments.change", summit):
        raise PermissionDenied
    themes = {t.pk: t for t in Theme.objects.filter(summit=summit, pk__in=list(mapping))}
    if set(mapping) - set(themes):
        raise PermissionDenied
    for theme_id, targets in mapping.items():
        themes[theme_id].framework_targets.set(list(targets))
    logger.info("summit %s: themes mapped to targets by %s", summit.pk, getattr(user, "pk", None))
    return themes


def suggested_targets(themes):
    """The framework goals and targets the given summit themes map to (for a commitment without any)."""
    from .models import FrameworkTarget

    return list(FrameworkTarget.objects.filter(themes__in=list(themes)).distinct().order_by("sort_order"))


# --- Re-announcements across summits --------------------------------------------------------------

def title_tokens(text):
    """The words of a title, normalised for comparison: case and accents folded, punctuation dropped; in
    Chinese (no spaces between words) the pairs of consecutive characters."""
    import re
    import unicodedata

    folded = "".join(ch for ch in unicodedata.normalize("NFKD", (text or "").casefold())
                     if not unicodedata.combining(ch))
    tokens = set()
    for word in re.findall(r"\w+", folded):
        cjk = [ch for ch in word if "\u3400" <= ch <= "\u9fff"]
        if len(cjk) > 1:
            tokens.update(a + b for a, b in zip(cjk, cjk[1:]))
        elif cjk:
            tokens.add(cjk[0])
        else:
            tokens.add(word)
    return tokens


def title_similarity(a, b):
    """Share of the words two titles have in common (Jaccard index of their normalised tokens), 0 to 1."""
    first, second = title_tokens(a), title_tokens(b)
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


NEAR_IDENTICAL_TITLE = 0.8  # across summits, whoever leads: flagged on the title alone
SHARED_ORGANISATION_TITLE = 0.5  # with an organisation in common: a looser likeness of the titles suffices


def _best_title_similarity(commitment, other_titles):
    titles = [getattr(commitment, f"title_{s}") for s in LANG_SUFFIXES if getattr(commitment, f"title_{s}", "")]
    return max([title_similarity(a, b) for a in titles for b in other_titles if b] + [0.0])


def reannouncement_candidates(commitment):
    """Published commitments of *other* summits, announced no later, that this one may repeat, each with
    ``reannouncement_reasons`` (translated) for the reviewer:

    - the same lead with a similar title (in any language) or the same amount (see find_duplicates);
    - another lead, but an organisation in common (this lead or a partner is the other's lead or partner)
      and a title at least half the same words, or the same amount;
    - whoever leads, a near-identical title (at least 80 % of the words in common, in some language).

    Reads the titles of earlier published commitments of other summits once (one query) to compare them."""
    from django.db.models import Q

    base = Commitment.objects.filter(review_state=ReviewState.PUBLISHED, announced_on__lte=commitment.announced_on
                                     ).exclude(summit_id=commitment.summit_id).exclude(pk=commitment.pk)
    if commitment.reannouncement_of_id:
        base = base.exclude(pk=commitment.reannouncement_of_id)
    reasons = {}
    for other in find_duplicates(commitment):
        if other.summit_id != commitment.summit_id and other.announced_on <= commitment.announced_on \
                and other.review_state == ReviewState.PUBLISHED and other.pk != commitment.reannouncement_of_id:
            reasons.setdefault(other.pk, []).append(_("Same lead organisation"))
    title_fields = [f"title_{s}" for s in LANG_SUFFIXES]
    partner_ids = set(commitment.partners.values_list("organisation_id", flat=True)) if commitment.pk else set()
    mine = partner_ids | {commitment.lead_organisation_id}
    if commitment.lead_organisation_id:
        shared = (base.exclude(lead_organisation_id=commitment.lead_organisation_id)
                  .filter(Q(lead_organisation_id__in=partner_ids) | Q(partners__organisation_id__in=mine))
                  .distinct().values_list("pk", "amount", "currency", *title_fields))
        for pk, amount, currency, *titles in shared:
            same_amount = commitment.amount is not None and amount == commitment.amount and currency == commitment.currency
            if same_amount or _best_title_similarity(commitment, titles) >= SHARED_ORGANISATION_TITLE:
                reasons.setdefault(pk, []).append(_("An organisation in common (lead or partner)"))
    for pk, *titles in base.exclude(pk__in=list(reasons)).values_list("pk", *title_fields).order_by():
        similarity = _best_title_similarity(commitment, titles)
        if similarity >= NEAR_IDENTICAL_TITLE:
            reasons.setdefault(pk, []).append(_("Near-identical title (%(percent)s of the words in common)") % {
                "percent": formatting.percent(round(100 * similarity))})
    found = list(Commitment.objects.filter(pk__in=list(reasons)).select_related("summit", "lead_organisation")
                 .order_by("announced_on", "pk"))
    for other in found:
        other.reannouncement_reasons = reasons[other.pk]
    return found


@transaction.atomic
def mark_reannouncement(commitment, original, user, comment=""):
    """Flag ``commitment`` as announced again after ``original`` (at an earlier summit) and link them: its
    money is not new and totals count it once, at the first announcement."""
    commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
    _require_reviewer(user, commitment)
    root = original.reannouncement_of or original
    if root.pk == commitment.pk or root.summit_id == commitment.summit_id:
        raise ValidationError(_("A re-announcement links to a commitment of another summit."))
    if root.review_state != ReviewState.PUBLISHED:
        raise ValidationError(_("A re-announcement links to a published commitment."))
    if root.announced_on > commitment.announced_on:
        raise ValidationError(_("The first announcement cannot be later than this one."))
    commitment.reannouncement_of, commitment.is_new_money = root, False
    commitment.save(update_fields=["reannouncement_of", "is_new_money", "updated_at"])
    Commitment.objects.filter(reannouncement_of=commitment).update(reannouncement_of=root)  # no chains
    ReviewEvent.objects.create(commitment=commitment, action="reannouncement", comment=f"{root.reference} {comment}".strip(),
                               user=user)
    record_version(commitment, user)
    logger.info("commitment %s marked as a re-announcement of %s", commitment.reference, root.reference)
    return commitment


@transaction.atomic
def unmark_reannouncement(commitment, user):
    commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
    _require_reviewer(user, commitment)
    if commitment.reannouncement_of_id:
        commitment.reannouncement_of = None
        commitment.save(update_fields=["reannouncement_of", "updated_at"])
        ReviewEvent.objects.create(commitment=commitment, action="not_reannouncement", user=user)
    return commitment


# --- Review by organisers -----------------------------------------------------------------------

def can_review(user, commitment):
    return can(user, "commitments.review", commitment.summit_id)


ALLOWED = {
    "request_changes": {ReviewState.SUBMITTED, ReviewState.APPROVED},
    "approve": {ReviewState.SUBMITTED, ReviewState.CHANGES_REQUESTED},
    "reject": {ReviewState.SUBMITTED, ReviewState.CHANGES_REQUESTED, ReviewState.APPROVED},
    "publish": {ReviewState.APPROVED},
    "unpublish": {ReviewState.PUBLISHED},
    "resubmit": {ReviewState.CHANGES_REQUESTED},
}
TARGET = {
    "request_changes": ReviewState.CHANGES_REQUESTED,
    "approve": ReviewState.APPROVED,
    "reject": ReviewState.REJECTED,
    "publish": ReviewState.PUBLISHED,
    "unpublish": ReviewState.APPROVED,
    "resubmit": ReviewState.SUBMITTED,
}


@transaction.atomic
def review(commitment, action, user, comment=""):
    """Move a commitment through the review states; organisers of its summit only."""
    if action not in ALLOWED:
        raise ValueError(action)
    commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
    if not can_review(user, commitment):
        raise PermissionDenied
    if commitment.review_state not in ALLOWED[action]:
        raise ValidationError(
            _("A commitment that is “%(state)s” cannot be moved this way.") % {"state": commitment.get_review_state_display()}
        )
    if action == "request_changes" and not comment.strip():
        raise ValidationError({"comment": _("Say what needs to change.")})
    commitment.review_state = TARGET[action]
    if action == "publish":
        commitment.published_at = commitment.published_at or timezone.now()
        if commitment.verification == Verification.SELF_REPORTED:
            commitment.verification = Verification.REVIEWED  # the organisers reviewed what it claims
    if action in ("approve", "publish"):
        # Approving the commitment is the organiser's acceptance of the organisation the submitter typed.
        Organisation.objects.filter(pk=commitment.lead_organisation_id, accepted=False).update(accepted=True)
    commitment.save(update_fields=["review_state", "published_at", "verification", "updated_at"])
    ReviewEvent.objects.create(commitment=commitment, action=action, comment=comment, user=user)
    if action == "publish":
        record_version(commitment, user)
    logger.info("commitment %s: %s by %s", commitment.reference, action, getattr(user, "pk", None))
    return commitment


# --- Versions ------------------------------------------------------------------------------------

def snapshot(commitment):
    """The public content of a commitment as plain values (what the version history compares)."""
    data = {}
    for field in ("title", "summary"):
        for suffix in LANG_SUFFIXES:
            data[f"{field}_{suffix}"] = getattr(commitment, f"{field}_{suffix}") or ""
    # The place only when it has one: versions kept before places existed stay equal to today's snapshot.
    place = {f"place_name_{suffix}": getattr(commitment, f"place_name_{suffix}") or "" for suffix in LANG_SUFFIXES}
    place.update({field: str(getattr(commitment, field)) if getattr(commitment, field) is not None else ""
                  for field in ("latitude", "longitude", "area_hectares")})
    data.update({key: value for key, value in place.items() if value})
    data.update({
        "kind": commitment.kind,
        "status": commitment.status,
        "amount": str(commitment.amount) if commitment.amount is not None else "",
        "currency": commitment.currency,
        "amount_usd": str(commitment.amount_usd) if commitment.amount_usd is not None else "",
        "is_new_money": commitment.is_new_money,
        "start_date": commitment.start_date.isoformat() if commitment.start_date else "",
        "end_date": commitment.end_date.isoformat() if commitment.end_date else "",
        "lead_organisation": commitment.lead_organisation.name_en or commitment.lead_organisation.name,
        "coalition": commitment.coalition.name_en if commitment.coalition_id else "",
        "themes": sorted(t.slug for t in commitment.themes.all()),
        "countries": sorted(str(c.code) for c in commitment.countries),
        "primary_target": commitment.primary_target.code if commitment.primary_target_id else "",
        "secondary_targets": sorted(t.code for t in commitment.secondary_targets.all()),
        "partners": sorted(f"{p.organisation.name} ({p.role})" for p in commitment.partners.all()),
        "deliverables": [
            f"{d.title_en} | {d.due_date or ''} | {d.status}" for d in commitment.deliverables.all()
        ],
    })
    return data


def _as_text(value):
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


@transaction.atomic
def record_version(commitment, user=None):
    """Keep a version of a published commitment when its public content changed. Returns it or None."""
    commitment = Commitment.objects.get(pk=commitment.pk)
    if commitment.review_state != ReviewState.PUBLISHED:
        return None
    data = snapshot(commitment)
    last = commitment.versions.order_by("-number").first()
    if last is not None and last.data == data:
        return None
    changes = []
    if last is not None:
        for key in [*data, *(key for key in last.data if key not in data)]:  # a place removed is a change too
            new, old = data.get(key, ""), last.data.get(key, "")
            if old != new:
                changes.append({"field": key, "old": _as_text(old), "new": _as_text(new)})
    version = CommitmentVersion.objects.create(
        commitment=commitment, number=(last.number + 1) if last else 1, data=data, changes=changes,
        created_by=user if user is not None and getattr(user, "pk", None) else None,
    )
    logger.info("commitment %s version %d (%d changes)", commitment.reference, version.number, len(changes))
    return version


# --- Progress reports ----------------------------------------------------------------------------

def report_token(commitment):
    return make_token(REPORT_TOKEN_PURPOSE, {"id": commitment.pk})


def commitment_from_token(token):
    """The published commitment a reporting link is for; raises BadToken or Commitment.DoesNotExist."""
    value = read_token(REPORT_TOKEN_PURPOSE, token, max_age=REPORT_LINK_MAX_AGE)
    return Commitment.objects.get(pk=value["id"], review_state=ReviewState.PUBLISHED)


EDIT_TOKEN_PURPOSE = "commitment-edit"
EDIT_LINK_MAX_AGE = 60 * 60 * 24 * 90  # the submitter has three months to make the changes asked


def edit_url(commitment, language=None):
    """The signed link a submitter follows to change a commitment the reviewers sent back."""
    from django.urls import reverse
    from django.utils import translation

    token = make_token(EDIT_TOKEN_PURPOSE, {"id": commitment.pk})
    with translation.override(language or commitment.contact_language or "en"):
        path = reverse("announcements:edit", kwargs={"token": token})
    return settings.SITE_URL.rstrip("/") + path


def commitment_for_edit(token):
    """The commitment an edit link is for (any state: the view says when there is nothing to change);
    raises BadToken or Commitment.DoesNotExist."""
    value = read_token(EDIT_TOKEN_PURPOSE, token, max_age=EDIT_LINK_MAX_AGE)
    return Commitment.objects.select_related("summit", "lead_organisation").get(pk=value["id"])


@transaction.atomic
def resubmit_by_submitter(commitment, data):
    """The submitter's changes to a commitment sent back for changes: it returns to review.

    The texts go into the column of the submission's language (and English while English is only a
    copy of it, as when it was submitted)."""
    commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
    if commitment.review_state != ReviewState.CHANGES_REQUESTED:
        raise ValidationError(_("This commitment is not waiting for your changes any more."))
    suffix = (commitment.original_language or "en").replace("-", "_")
    for field in ("title", "summary"):
        english_is_copy = getattr(commitment, f"{field}_en") == getattr(commitment, f"{field}_{suffix}")
        setattr(commitment, f"{field}_{suffix}", data[field])
        if suffix != "en" and english_is_copy:
            setattr(commitment, f"{field}_en", data[field])
    for field in ("amount", "start_date", "end_date"):
        setattr(commitment, field, data.get(field))
    commitment.currency = (data.get("currency") or "").upper()
    commitment.kind = data["kind"]
    if "countries" in data:
        commitment.countries = data.get("countries") or []
    commitment.review_state = ReviewState.SUBMITTED
    commitment.smart_warnings = smart_warnings(commitment, list(commitment.deliverables.all()))
    commitment.full_clean()
    commitment.save()
    ReviewEvent.objects.create(commitment=commitment, action="resubmitted", comment=data.get("note", ""))
    logger.info("commitment %s resubmitted by its submitter", commitment.reference)
    return commitment


def report_url(commitment, language=None):
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language or commitment.contact_language or "en"):
        path = reverse("announcements:report", kwargs={"token": report_token(commitment)})
    return settings.SITE_URL.rstrip("/") + path


@transaction.atomic
def submit_report(commitment, report, statuses=None, values=None):
    """The lead contact submits a progress report (statuses: {deliverable_id: status}; values: {deliverable_id:
    the indicator's value reached at the end of the period})."""
    if commitment.review_state != ReviewState.PUBLISHED:
        raise ValidationError(_("Only published commitments take progress reports."))
    report.commitment = commitment
    report.state = ReportState.SUBMITTED
    report.submitted_at = timezone.now()
    report.due_on = commitment.next_report_due()
    report.full_clean()
    report.save()
    current = dict(commitment.deliverables.values_list("pk", "status"))
    statuses = {int(k): v for k, v in (statuses or {}).items() if v}
    values = {int(k): v for k, v in (values or {}).items() if v is not None}
    for deliverable_id in sorted((set(statuses) | set(values)) & set(current)):
        DeliverableUpdate.objects.update_or_create(
            report=report, deliverable_id=deliverable_id,
            defaults={"status": statuses.get(deliverable_id, current[deliverable_id]),
                      "value": values.get(deliverable_id)},
        )
    ReviewEvent.objects.create(commitment=commitment, report=report, action="report_submitted")
    logger.info("report %s submitted for %s", report.pk, commitment.reference)
    return report


REPORT_ALLOWED = {
    "return": ({ReportState.SUBMITTED, ReportState.APPROVED}, ReportState.RETURNED),
    "approve": ({ReportState.SUBMITTED}, ReportState.APPROVED),
    "publish": ({ReportState.APPROVED}, ReportState.PUBLISHED),
}


@transaction.atomic
def review_report(report, action, user, comment=""):
    """Return (with comments), approve or publish a progress report; organisers of the summit only."""
    report = ProgressReport.objects.select_for_update().select_related("commitment").get(pk=report.pk)
    commitment = report.commitment
    if not can_review(user, commitment):
        raise PermissionDenied
    allowed, target = REPORT_ALLOWED[action]
    if report.state not in allowed:
        raise ValidationError(
            _("A report that is “%(state)s” cannot be moved this way.") % {"state": report.get_state_display()}
        )
    if action == "return":
        if not comment.strip():
            raise ValidationError({"comment": _("Say what the reporter should change.")})
        report.reviewer_comment = comment
    report.state = target
    if action == "publish":
        report.published_at = timezone.now()
        report.disbursed_usd = ExchangeRate.usd(report.disbursed, commitment.currency, report.period_end)
    report.save()
    if action == "publish":
        _apply_report(commitment, report, user)
    ReviewEvent.objects.create(commitment=commitment, report=report, action=f"report_{action}", comment=comment,
                               user=user)
    logger.info("report %s: %s by %s", report.pk, action, user.pk)
    return report


def _apply_report(commitment, report, user):
    """A published report updates the commitment's accountability figures and deliverable statuses."""
    commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
    commitment.last_reported_on = max(filter(None, [commitment.last_reported_on, report.published_at.date()]))
    commitment.percent_complete = report.percent_complete
    if report.disbursed_usd is not None:
        commitment.disbursed_usd = report.disbursed_usd
    if commitment.lifecycle in (Lifecycle.NOT_STARTED, Lifecycle.IN_PROGRESS, Lifecycle.LAPSED):
        if commitment.lifecycle == Lifecycle.LAPSED:
            ReviewEvent.objects.create(commitment=commitment, report=report, action="resumed", user=user)
        if commitment.lifecycle != Lifecycle.IN_PROGRESS:
            commitment.lifecycle, commitment.lifecycle_changed_on = Lifecycle.IN_PROGRESS, timezone.localdate()
    commitment.save(update_fields=["last_reported_on", "percent_complete", "disbursed_usd", "lifecycle",
                                   "lifecycle_changed_on", "updated_at"])
    for update in report.deliverable_updates.select_related("deliverable"):
        deliverable = update.deliverable
        deliverable.status = update.status
        if update.evidence_url:
            deliverable.evidence_url = update.evidence_url
        deliverable.save()
    record_version(commitment, user)


# --- Lifecycle, evidence and verification ---------------------------------------------------------

LAPSE_DAYS = 2 * REPORT_INTERVAL_DAYS  # no report for two reporting cycles, as UN DESA's platform does
OPEN_LIFECYCLES = (Lifecycle.NOT_STARTED, Lifecycle.IN_PROGRESS)
VERIFICATION_ORDER = [value for value, _label in Verification.choices]


def _raise_verification(commitment, level, user):
    if VERIFICATION_ORDER.index(level) > VERIFICATION_ORDER.index(commitment.verification):
        commitment.verification = level
    commitment.verified_at, commitment.verified_by = timezone.now(), user


def _require_reviewer(user, commitment):
    if not can_review(user, commitment):
        raise PermissionDenied


def lapsing(today):
    """Published commitments still open whose last report (or, without one, their publication or
    announcement, whichever is later) is more than two reporting cycles old."""
    from django.db.models import Q

    from .queries import public

    cutoff = today - dt.timedelta(days=LAPSE_DAYS)
    never_reported = Q(last_reported_on__isnull=True, announced_on__lt=cutoff) & (
        Q(published_at__isnull=True) | Q(published_at__date__lt=cutoff))
    return public().filter(lifecycle__in=OPEN_LIFECYCLES).exclude(
        status__in=[ActivityStatus.CLOSED, ActivityStatus.CANCELLED]).filter(
        Q(last_reported_on__lt=cutoff) | never_reported)


def refresh_lifecycles(today=None):
    """Mark as lapsed the commitments without a report for two reporting cycles. Returns how many."""
    today = today or timezone.localdate()
    count = 0
    for commitment in lapsing(today).only("pk", "reference"):
        with transaction.atomic():
            updated = Commitment.objects.filter(pk=commitment.pk, lifecycle__in=OPEN_LIFECYCLES).update(
                lifecycle=Lifecycle.LAPSED, lifecycle_changed_on=today, updated_at=timezone.now())
            if updated:
                ReviewEvent.objects.create(commitment_id=commitment.pk, action="lapsed")
                count += 1
                logger.info("commitment %s lapsed (no report for two cycles)", commitment.reference)
    return count


@transaction.atomic
def add_evidence(commitment, user, description, url="", file=None):
    """An organiser attaches a link or a file as evidence (public once confirmed)."""
    _require_reviewer(user, commitment)
    evidence = Evidence(commitment=commitment, description=(description or "").strip(), url=(url or "").strip(),
                        added_by=user)
    if file is not None:
        evidence.file = file
    errors = {}
    if not evidence.description:
        errors["description"] = _("Say what the evidence shows.")
    if not evidence.url and not file:
        errors["url"] = _("Give a link or attach a file.")
    if errors:
        raise ValidationError(errors)
    evidence.full_clean()
    evidence.save()
    ReviewEvent.objects.create(commitment=commitment, action="evidence_added", comment=evidence.description, user=user)
    return evidence


@transaction.atomic
def confirm_completion(commitment, user, comment=""):
    """The organiser confirms the commitment is complete, on the evidence attached: it becomes
    *completed* (IATI finalisation) and *evidence attached and confirmed*, with who confirmed it."""
    commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
    _require_reviewer(user, commitment)
    if commitment.review_state != ReviewState.PUBLISHED:
        raise ValidationError(_("Only a published commitment can be confirmed as completed."))
    if commitment.lifecycle in (Lifecycle.COMPLETED, Lifecycle.CLOSED, Lifecycle.WITHDRAWN):
        raise ValidationError(_("A commitment that is “%(state)s” cannot be confirmed as completed.")
                              % {"state": commitment.get_lifecycle_display()})
    evidence = commitment.evidence.all()
    if not evidence.exists():
        raise ValidationError(_("Attach evidence (a link or a file) before confirming completion."))
    now = timezone.now()
    evidence.filter(confirmed_at__isnull=True).update(confirmed_at=now, confirmed_by=user)
    commitment.lifecycle, commitment.lifecycle_changed_on = Lifecycle.COMPLETED, timezone.localdate()
    commitment.status = ActivityStatus.FINALISATION
    commitment.percent_complete = 100
    _raise_verification(commitment, Verification.EVIDENCE, user)
    commitment.save()
    ReviewEvent.objects.create(commitment=commitment, action="completed", comment=comment, user=user)
    record_version(commitment, user)
    logger.info("commitment %s completed, confirmed by %s", commitment.reference, user.pk)
    return commitment


@transaction.atomic
def verify_independently(commitment, user, verifier, comment=""):
    """Record that an independent organisation verified the commitment (named publicly)."""
    commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
    _require_reviewer(user, commitment)
    verifier = (verifier or "").strip()
    if not verifier:
        raise ValidationError({"verifier": _("Name the organisation that verified the commitment.")})
    if commitment.review_state != ReviewState.PUBLISHED:
        raise ValidationError(_("Only a published commitment can be verified."))
    commitment.verifier = verifier[:255]
    _raise_verification(commitment, Verification.INDEPENDENT, user)
    commitment.save()
    ReviewEvent.objects.create(commitment=commitment, action="verified", comment=f"{verifier} {comment}".strip(),
                               user=user)
    return commitment


LIFECYCLE_ACTIONS = {
    # action: (states it may leave, target state, IATI activity status)
    "withdraw": ({Lifecycle.NOT_STARTED, Lifecycle.IN_PROGRESS, Lifecycle.LAPSED}, Lifecycle.WITHDRAWN,
                 ActivityStatus.CANCELLED),
    "close": ({Lifecycle.COMPLETED}, Lifecycle.CLOSED, ActivityStatus.CLOSED),
}


@transaction.atomic
def set_lifecycle(commitment, action, user, comment=""):
    """Withdraw an open commitment, or close a completed one."""
    commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
    _require_reviewer(user, commitment)
    allowed, target, status = LIFECYCLE_ACTIONS[action]
    if commitment.lifecycle not in allowed:
        raise ValidationError(_("A commitment that is “%(state)s” cannot be moved this way.")
                              % {"state": commitment.get_lifecycle_display()})
    if action == "withdraw" and not comment.strip():
        raise ValidationError({"comment": _("Say why the commitment is withdrawn.")})
    commitment.lifecycle, commitment.lifecycle_changed_on, commitment.status = target, timezone.localdate(), status
    commitment.save()
    ReviewEvent.objects.create(commitment=commitment, action=action, comment=comment, user=user)
    record_version(commitment, user)
    return commitment


# --- Reminders -----------------------------------------------------------------------------------

BEFORE_DAYS = 14


def reminder_stage(due, today):
    """The reminder stage that applies on ``today`` for a report due on ``due`` (or None)."""
    late = (today - due).days
    if late >= 90:
        return ReminderStage.LATE90
    if late >= 30:
        return ReminderStage.LATE30
    if late >= 0:
        return ReminderStage.DUE
    if late >= -BEFORE_DAYS:
        return ReminderStage.BEFORE
    return None


def commitments_needing_reminders(today):
    """Published, active commitments whose report is due within BEFORE_DAYS or late."""
    from .queries import active_public

    horizon = today + dt.timedelta(days=BEFORE_DAYS) - dt.timedelta(days=REPORT_INTERVAL_DAYS)
    return active_public().with_reference_date().filter(ref_date__lte=horizon).exclude(contact_email="")


def send_reminders(today=None):
    """Email each lead contact once per stage (before, on the day, 30 and 90 days late). Returns the count."""
    from .emails import send_report_reminder

    today = today or timezone.localdate()
    sent = 0
    for commitment in commitments_needing_reminders(today).select_related("summit"):
        due = commitment.next_report_due()
        stage = reminder_stage(due, today)
        if stage is None:
            continue
        with transaction.atomic():
            _log, created = ReminderSent.objects.get_or_create(commitment=commitment, stage=stage, due_on=due)
            if not created:
                continue
            send_report_reminder(commitment, stage, due)
            escalate(commitment, due)
        sent += 1
        logger.info("reminder %s sent for %s (due %s)", stage, commitment.reference, due)
    return sent


ESCALATE_AFTER_REMINDERS = 3


def escalation_recipients(commitment):
    """(email, language) of the coalition lead and of the summit's commitments reviewers, each once."""
    recipients = {}
    coalition = commitment.coalition
    if coalition is not None and coalition.lead_contact_email:
        recipients[coalition.lead_contact_email.lower()] = (coalition.lead_contact_email,
                                                            coalition.lead_contact_language or "en")
    for user in team_members(commitment.summit, "commitments.review").exclude(email="").select_related(
            "wagtail_userprofile"):
        profile = getattr(user, "wagtail_userprofile", None)
        recipients.setdefault(user.email.lower(), (user.email, getattr(profile, "preferred_language", "") or "en"))
    return list(recipients.values())


def escalate(commitment, due):
    """After the third reminder without a report for the same due date, tell the coalition lead and the
    summit's reviewers, once. Returns the number of emails queued (0 when not, or already, escalated)."""
    from .emails import send_escalation

    reminders = ReminderSent.objects.filter(commitment=commitment, due_on=due).exclude(
        stage=ReminderStage.ESCALATED).count()
    if reminders < ESCALATE_AFTER_REMINDERS:
        return 0
    _log, created = ReminderSent.objects.get_or_create(commitment=commitment, stage=ReminderStage.ESCALATED,
                                                       due_on=due)
    if not created:
        return 0
    recipients = escalation_recipients(commitment)
    for email, language in recipients:
        send_escalation(commitment, due, reminders, email, language)
    ReviewEvent.objects.create(commitment=commitment, action="escalated",
                               comment=", ".join(email for email, _language in recipients))
    logger.info("commitment %s escalated to %d people after %d reminders", commitment.reference, len(recipients),
                reminders)
    return len(recipients)


def send_overdue_digest(today=None):
    """Email each summit's organisers the list of its overdue commitments. Returns the number of emails."""
    from .emails import send_overdue_list
    from .queries import overdue

    today = today or timezone.localdate()
    by_summit = {}
    for commitment in overdue(today).select_related("summit", "lead_organisation"):
        by_summit.setdefault(commitment.summit, []).append(commitment)
    count = 0
    for summit, commitments in by_summit.items():
        for user in team_members(summit, "commitments.review").exclude(email=""):
            send_overdue_list(user, summit, commitments, today)
            count += 1
    logger.info("overdue digest: %d emails", count)
    return count
