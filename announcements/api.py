"""Versioned, paginated JSON API of the public registry (/api/v1/), with its OpenAPI description."""

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.http import require_GET

from . import queries
from .choices import ActivityStatus, CommitmentKind, DeliverableStatus, Lifecycle, Light, Verification
from .forms import FilterForm
from .frameworks.vocabulary import CODE_PATTERN

LANGS = [code for code, _name in settings.LANGUAGES]
SUFFIX = {code: code.replace("-", "_") for code in LANGS}
MAX_PAGE_SIZE = 100


def api_view(view):
    """GET only, and JSON 404s stay 404s: LocaleMiddleware redirects a 404 outside i18n_patterns to
    /<lang>/… when that path resolves (Wagtail's catch-all always does). It checks ``request.urlconf``,
    so we point it at a urlconf made of the API alone."""
    from functools import wraps

    @require_GET
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        request.urlconf = "announcements.api_urlconf"
        return response

    return wrapper


def _translations(obj, field):
    return {code: getattr(obj, f"{field}_{SUFFIX[code]}") or "" for code in LANGS}


def _commitment(c, request, detail=False):
    data = {
        "reference": c.reference,
        "url": request.build_absolute_uri(c.get_absolute_url()),
        "summit": c.summit.slug,
        "title": _translations(c, "title"),
        "summary": _translations(c, "summary"),
        "kind": c.kind,
        "status": c.status,
        "lead_organisation": {"id": c.lead_organisation_id, "name": c.lead_organisation.name_en
                              or c.lead_organisation.name, "kind": c.lead_organisation.kind},
        "coalition": c.coalition.slug if c.coalition_id else None,
        "themes": [t.slug for t in c.themes.all()],
        "countries": [str(code.code) for code in c.countries],
        "alignment": {"primary": c.primary_target.code if c.primary_target_id else None,
                      "secondary": [t.code for t in c.secondary_targets.all()]},
        "amount": str(c.amount) if c.amount is not None else None,
        "currency": c.currency or None,
        "amount_usd": str(c.amount_usd) if c.amount_usd is not None else None,
        "new_money": c.is_new_money,
        "announced_on": c.announced_on.isoformat(),
        "start_date": c.start_date.isoformat() if c.start_date else None,
        "end_date": c.end_date.isoformat() if c.end_date else None,
        "follow_up": getattr(c, "light", None) or c.light(),
        "last_reported_on": c.last_reported_on.isoformat() if c.last_reported_on else None,
        "percent_complete": c.percent_complete,
        "lifecycle": c.lifecycle,
        "reannouncement_of": c.reannouncement_of.reference if c.reannouncement_of_id else None,
        "verification": {"level": c.verification, "verifier": c.verifier or None,
                         "verified_on": c.verified_at.date().isoformat() if c.verified_at else None},
        "disbursed_usd": str(c.disbursed_usd),
        "location": {
            "latitude": str(c.latitude) if c.latitude is not None else None,
            "longitude": str(c.longitude) if c.longitude is not None else None,
            "area_hectares": str(c.area_hectares) if c.area_hectares is not None else None,
            "place_name": _translations(c, "place_name"),
        },
        "published_at": c.published_at.isoformat() if c.published_at else None,
    }
    if detail:
        data["deliverables"] = [{
            "title": _translations(d, "title"), "due_date": d.due_date.isoformat() if d.due_date else None,
            "status": d.status, "evidence_url": d.evidence_url or None, "unit": d.unit or None,
            "baseline": str(d.baseline) if d.baseline is not None else None,
            "target": str(d.target) if d.target is not None else None,
        } for d in c.deliverables.all()]
        data["reports"] = [{
            "period_start": r.period_start.isoformat(), "period_end": r.period_end.isoformat(),
            "narrative": _translations(r, "narrative"), "percent_complete": r.percent_complete,
            "disbursed": str(r.disbursed) if r.disbursed is not None else None,
            "evidence_links": r.evidence_list, "published_at": r.published_at.isoformat() if r.published_at else None,
        } for r in c.reports.all()]
        data["partners"] = [{"name": p.organisation.name, "role": p.role} for p in c.partners.all()]
    return data


@api_view
def commitments(request):
    form = FilterForm(request.GET)
    if message := form.target_error():
        return JsonResponse({"error": message}, status=400, json_dumps_params={"ensure_ascii": False})
    values = form.values()
    try:
        size = min(MAX_PAGE_SIZE, max(1, int(request.GET.get("page_size", 50))))
        number = max(1, int(request.GET.get("page", 1)))
    except ValueError:
        return JsonResponse({"error": "page and page_size must be whole numbers"}, status=400)
    qs = queries.for_list(queries.sorted_list(queries.filtered(values), values.get("sort")))
    paginator = Paginator(qs, size)
    try:
        page = paginator.page(number)
    except EmptyPage:
        return JsonResponse({"error": "no such page", "pages": paginator.num_pages}, status=404)

    def link(n):
        query = request.GET.copy()
        query["page"] = n
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return JsonResponse({
        "count": paginator.count, "page": number, "pages": paginator.num_pages,
        "next": link(number + 1) if page.has_next() else None,
        "previous": link(number - 1) if page.has_previous() else None,
        "results": [_commitment(c, request) for c in page.object_list],
    }, json_dumps_params={"ensure_ascii": False})


@api_view
def commitment(request, reference):
    # A JSON 404 (raising Http404 here would let LocaleMiddleware redirect to a language prefix).
    obj = queries.for_detail(queries.public().with_light()).filter(reference=reference).first()
    if obj is None:
        return JsonResponse({"error": "not found"}, status=404)
    return JsonResponse(_commitment(obj, request, detail=True), json_dumps_params={"ensure_ascii": False})


def _enum(choices):
    return {"type": "string", "enum": [value for value, _label in choices]}


def openapi_document():
    translated = {"type": "object", "properties": {code: {"type": "string"} for code in LANGS}}
    nullable_str = {"type": ["string", "null"]}
    commitment_schema = {
        "type": "object",
        "properties": {
            "reference": {"type": "string"}, "url": {"type": "string", "format": "uri"},
            "summit": {"type": "string", "description": "summit slug"},
            "title": translated, "summary": translated, "kind": _enum(CommitmentKind.choices),
            "status": _enum(ActivityStatus.choices),
            "lead_organisation": {"type": "object", "properties": {
                "id": {"type": "integer"}, "name": {"type": "string"}, "kind": {"type": "string"}}},
            "coalition": nullable_str, "themes": {"type": "array", "items": {"type": "string"}},
            "countries": {"type": "array", "items": {"type": "string", "description": "ISO 3166-1 alpha-2"}},
            "alignment": {"type": "object", "description": "GBF/SDG goals and targets (see /api/v1/frameworks/)",
                          "properties": {"primary": nullable_str,
                                         "secondary": {"type": "array", "items": {"type": "string"}}}},
            "amount": {**nullable_str, "description": "decimal as text"}, "currency": nullable_str,
            "amount_usd": nullable_str, "new_money": {"type": "boolean"},
            "announced_on": {"type": "string", "format": "date"},
            "start_date": nullable_str, "end_date": nullable_str, "follow_up": _enum(Light.choices),
            "last_reported_on": nullable_str, "percent_complete": {"type": "integer"},
            "lifecycle": _enum(Lifecycle.choices),
            "reannouncement_of": {**nullable_str, "description": "reference of the first announcement, at an "
                                  "earlier summit; its money is counted there only"},
            "verification": {"type": "object", "properties": {
                "level": _enum(Verification.choices), "verifier": nullable_str, "verified_on": nullable_str}},
            "disbursed_usd": {"type": "string"}, "published_at": nullable_str,
            "location": {"type": "object", "description": "where on the ground (optional): WGS 84 decimal "
                         "degrees as text, both coordinates or neither", "properties": {
                             "latitude": nullable_str, "longitude": nullable_str, "area_hectares": nullable_str,
                             "place_name": translated}},
        },
    }
    detail_schema = {"allOf": [{"$ref": "#/components/schemas/Commitment"}, {"type": "object", "properties": {
        "deliverables": {"type": "array", "items": {"type": "object", "properties": {
            "title": translated, "due_date": nullable_str, "status": _enum(DeliverableStatus.choices),
            "evidence_url": nullable_str, "unit": nullable_str, "baseline": nullable_str, "target": nullable_str}}},
        "reports": {"type": "array", "items": {"type": "object"}},
        "partners": {"type": "array", "items": {"type": "object"}},
    }}]}
    params = [
        {"name": name, "in": "query", "required": False, "schema": schema, "description": description}
        for name, schema, description in [
            ("q", {"type": "string"}, "full-text search in titles, summaries and organisation names"),
            ("summit", {"type": "string"}, "summit slug"),
            ("theme", {"type": "integer"}, "theme id"),
            ("kind", _enum(CommitmentKind.choices), "kind of commitment"),
            ("country", {"type": "string"}, "ISO 3166-1 alpha-2 code"),
            ("org_kind", {"type": "string"}, "kind of the lead organisation"),
            ("status", _enum(ActivityStatus.choices), "activity status (IATI)"),
            ("light", _enum(Light.choices), "follow-up traffic light"),
            ("lifecycle", _enum(Lifecycle.choices), "stage of the commitment (lapsed: no report for two cycles)"),
            ("verification", _enum(Verification.choices), "verification level"),
            ("coalition", {"type": "string"}, "coalition slug"),
            ("target", {"type": "string", "pattern": CODE_PATTERN},
             "aligned (primary or secondary) to this GBF/SDG goal or target, e.g. GBF-T3, SDG-14, SDG-14.5; an "
             "SDG goal takes in its targets. An unknown code is refused (400)"),
            ("sort", {"type": "string", "enum": ["newest", "oldest", "amount", "reported", "title"]}, "order"),
            ("page", {"type": "integer", "minimum": 1}, "page number"),
            ("page_size", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE}, "results per page"),
        ]
    ]
    return {
        "openapi": "3.1.0",
        "info": {"title": "Plenary commitments registry", "version": "1.0.0",
                 "description": (
                     "Published commitments announced at summits and their progress. Open data. The same "
                     "commitments are published as an IATI 2.03 activity file at "
                     "/commitments/iati-activities.xml (it takes the list's filters, e.g. ?summit=<slug>)."),
                 },
        "externalDocs": {"description": "IATI 2.03 activity file of the published commitments",
                         "url": "/commitments/iati-activities.xml"},
        "paths": {
            "/api/v1/commitments/": {"get": {
                "summary": "List published commitments", "parameters": params,
                "responses": {"200": {"description": "A page of commitments", "content": {"application/json": {
                    "schema": {"type": "object", "properties": {
                        "count": {"type": "integer"}, "page": {"type": "integer"}, "pages": {"type": "integer"},
                        "next": nullable_str, "previous": nullable_str,
                        "results": {"type": "array", "items": {"$ref": "#/components/schemas/Commitment"}}}}}}},
                    "400": {"description": "A bad parameter (an unknown goal or target, a page that is not a "
                                           "number)"},
                    "404": {"description": "No such page"}}}},
            "/api/v1/frameworks/": {"get": {
                "summary": "The GBF and SDG goals and targets commitments align to, labelled in six languages",
                "responses": {"200": {"description": "The vocabulary", "content": {"application/json": {
                    "schema": {"type": "array", "items": {"type": "object", "properties": {
                        "code": {"type": "string"}, "framework": {"type": "string", "enum": ["gbf", "sdg"]},
                        "level": {"type": "string", "enum": ["goal", "target"]}, "number": {"type": "string"},
                        "parent": {**nullable_str, "description": "code of the goal an SDG target belongs to"},
                        "iati_code": {**nullable_str, "description": "code in IATI's SDG vocabularies "
                                      "(sector 7 / tag 2 for a goal, sector 8 / tag 3 for a target)"},
                        "label": translated}}}}}}}}},
            "/api/v1/commitments/{reference}/": {"get": {
                "summary": "One published commitment with deliverables, reports and partners",
                "parameters": [{"name": "reference", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "The commitment", "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/CommitmentDetail"}}}},
                    "404": {"description": "Unknown or unpublished"}}}},
        },
        "components": {"schemas": {"Commitment": commitment_schema, "CommitmentDetail": detail_schema}},
    }


@api_view
def frameworks(request):
    from .models import FrameworkTarget

    return JsonResponse([{"code": t.code, "framework": t.framework, "level": t.level, "number": t.number,
                          "parent": t.parent.code if t.parent_id else None,
                          "iati_code": t.iati_code if t.framework == "sdg" else None,
                          "label": _translations(t, "label")}
                         for t in FrameworkTarget.objects.select_related("parent").order_by("sort_order")],
                        safe=False, json_dumps_params={"ensure_ascii": False})


@api_view
def openapi(request):
    return JsonResponse(openapi_document())


urlpatterns = [
    path("openapi.json", openapi, name="api_openapi"),
    path("frameworks/", frameworks, name="api_frameworks"),
    path("commitments/", commitments, name="api_commitments"),
    path("commitments/<str:reference>/", commitment, name="api_commitment"),
]
