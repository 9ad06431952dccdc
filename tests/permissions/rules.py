"""Who may open each admin URL: the rule table of the permission matrix (tests/permissions/test_admin_matrix.py).

Every URL pattern under /admin/ (ours and Wagtail's) must have a rule here, found by its URL name
(``namespace:name``; a namespace-wide rule is written ``namespace:*``). A new admin view without a
rule fails the matrix test: add a line saying who may open it and how to fill its path with one of
summit B's records (``tests/permissions/world.py``).

A rule says:
- ``who``: the personas of summit A's team that may open the URL when its path holds no record of B
  (``SECRETARIAT``: superusers only; ``PUBLIC``: anyone, signed in or not; ``MEMBERS``: every team
  member; or actions of core.permissions: the roles granting any of them);
- ``fill``: the path parameters, each the name of a record in ``World.objects`` (or a literal);
  when a filled record belongs to summit B the URL must refuse every persona of A (GET and POST);
- ``shared``: the filled records are shared (the directory), not B's: the ``who`` rule applies;
- ``query``: a query string (e.g. ``?summit=<B>``) whose B-record must not widen what is shown.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field

SECRETARIAT = "secretariat"
PUBLIC = "public"
MEMBERS = "members"  # every team member, check-in staff included (their own account, signing out)

STAFF = ("summit.view",)  # every role but check-in staff
PAGES = ("pages.change",)
PROGRAMME = ("programme.view",)
DIRECTORY = ("directory.view",)
REGISTRATIONS = ("registrations.view",)
SETUP = ("registrations.setup",)
DOCUMENTS = ("registrations.documents",)
CHECKIN = ("registrations.checkin",)
MESSAGES = ("registrations.message",)
COMMITMENTS = ("commitments.view",)


@dataclass(frozen=True)
class Rule:
    who: object
    fill: dict = field(default_factory=dict)
    shared: bool = False
    query: str = ""
    post: bool = True  # also POST to it (state-changing doors)
    views: dict = field(default_factory=dict)  # view name (after the colon) -> who, overriding ``who``
    opens: bool = True  # the personas it names get a page (False: a JSON/ajax endpoint needing parameters)
    others_ok: bool = False  # other staff may get an empty page instead of a refusal (Wagtail lists nothing)

    def who_for(self, name):
        return self.views.get(name.rsplit(":", 1)[-1], self.who)


def viewset(view_actions, model_object, *, change=None, shared=False):
    """Every view of a ModelViewSet: ``pk`` is B's record ``model_object``; adding needs ``change``."""
    change = view_actions if change is None else change
    views = {"add": change}
    if shared:  # any team with the directory's rights may open a shared record; changing it needs ``change``
        views.update({name: change for name in ("edit", "copy", "usage", "history", "history_results")})
        views["delete"] = SECRETARIAT
    return Rule(view_actions, fill={"pk": model_object}, shared=shared, views=views)


PAGE = {"page_id": "draft", "parent_page_id": "page", "page_to_move_id": "draft", "pk": "draft",
        "destination_id": "a_page", "revision_id": "revision", "revision_id_a": "earliest", "revision_id_b": "latest",
        "task_state_id": "task_state", "task_id": "task", "workflow_state_id": "workflow_state",
        "content_type_app_name": "cms", "content_type_model_name": "standardpage",
        "action_name": "approve"}

# URL name (or namespace:*) -> Rule.  Checked in order: exact names first, then patterns.
RULES: dict[str, Rule] = {
    # --- Wagtail's shell: home, account, sign in/out, assets -----------------------------------------
    "wagtailadmin_home": Rule(STAFF),
    "wagtailadmin_account": Rule(MEMBERS),
    "wagtailadmin_logout": Rule(MEMBERS, post=False, opens=False),  # POST only (it signs out)
    "wagtailadmin_login": Rule(PUBLIC, post=False),
    "wagtailadmin_password_reset": Rule(PUBLIC, post=False),
    "wagtailadmin_password_reset_done": Rule(PUBLIC),
    "wagtailadmin_password_reset_confirm": Rule(PUBLIC, fill={"uidb64": "MQ", "token": "bad-token"}, shared=True),
    "wagtailadmin_password_reset_complete": Rule(PUBLIC),
    "wagtailadmin_javascript_catalog": Rule(PUBLIC),
    "wagtailadmin_sprite": Rule(PUBLIC),
    "wagtailadmin_error_test": Rule(SECRETARIAT),
    "<unnamed>:admin/test404/": Rule(STAFF),  # Wagtail's "not found" page (a template test)
    "<unnamed>:admin/^.*/$": Rule(SECRETARIAT),
    "wagtailadmin_dismissibles": Rule(STAFF, opens=False),
    "wagtailadmin_block_preview": Rule(PAGES, opens=False),
    "wagtailadmin_tag_autocomplete": Rule(STAFF),
    "wagtailadmin_tag_model_autocomplete": Rule(STAFF, fill={"app_name": "taggit", "model_name": "tag"},
                                                shared=True),
    "wagtailadmin_editing_sessions:ping": Rule(STAFF, fill={"app_label": "summits", "model_name": "theme",
                                                            "object_id": "theme", "session_id": "editing_session"}),
    # Release only ever deletes the signed-in user's own editing sessions: B's is left alone (checked).
    "wagtailadmin_editing_sessions:release": Rule(STAFF, fill={"session_id": "editing_session"}, shared=True,
                                                  opens=False),
    "wagtail_bulk_action": Rule(PAGES, fill={"app_label": "wagtailcore", "model_name": "page", "action": "delete"},
                                query="?id={draft}"),

    # --- Pages: B's pages refuse everyone of A's team ------------------------------------------------
    "wagtailadmin_explore_root": Rule(PAGES, others_ok=True),
    "wagtailadmin_explore": Rule(PAGES, fill=PAGE),
    "wagtailadmin_explore_results": Rule(PAGES, fill=PAGE),
    "wagtailadmin_pages:type_use": Rule(PAGES, fill=PAGE, shared=True, others_ok=True),
    "wagtailadmin_pages:type_use_results": Rule(PAGES, fill=PAGE, shared=True, others_ok=True),
    "wagtailadmin_pages:choose_parent": Rule(PAGES, fill={"app_label": "cms", "model_name": "standardpage"},
                                             shared=True, others_ok=True),
    "wagtailadmin_pages:search": Rule(PAGES, query="?q=Bravo", others_ok=True),
    "wagtailadmin_pages:search_results": Rule(PAGES, query="?q=Bravo", others_ok=True),
    "wagtailadmin_pages:*": Rule(PAGES, fill=PAGE),
    # Choosers serve every editing form (a summit's logo, a commitment's links): any staff may open them;
    # they list live pages (to link to) and the records of the user's own summits only.
    "wagtailadmin_choose_page": Rule(STAFF),
    "wagtailadmin_choose_page_child": Rule(STAFF, fill={"parent_page_id": "page"}, shared=True),
    "wagtailadmin_choose_page_search": Rule(STAFF, query="?q=Bravo"),
    "wagtailadmin_choose_page_chosen_multiple": Rule(STAFF, query="?id={draft}", opens=False),
    "wagtailadmin_choose_page_external_link": Rule(STAFF),
    "wagtailadmin_choose_page_email_link": Rule(STAFF),
    "wagtailadmin_choose_page_phone_link": Rule(STAFF),
    "wagtailadmin_choose_page_anchor_link": Rule(STAFF),
    "wagtailadmin_api:pages:listing": Rule(PAGES, query="?descendant_of={home}", others_ok=True),
    "wagtailadmin_api:pages:detail": Rule(PAGES, fill={"pk": "draft"}),
    "wagtailadmin_api:pages:find": Rule(PAGES, query="?id={draft}", opens=False),
    "wagtailadmin_api:pages:action": Rule(PAGES, fill={"pk": "draft", "action_name": "copy"}),
    "wagtailforms:index": Rule(PAGES, others_ok=True),
    "wagtailforms:index_results": Rule(PAGES, others_ok=True),
    "wagtailforms:*": Rule(PAGES, fill={"page_id": "draft"}),
    "wagtail_localize:javascript_catalog": Rule(MEMBERS),
    "wagtail_localize:translations_report": Rule(SECRETARIAT),  # site-wide: it lists every page's translations
    "wagtail_localize:translations_report_results": Rule(SECRETARIAT),
    "wagtail_localize:submit_page_translation": Rule(PAGES, fill={"page_id": "draft"}),
    "wagtail_localize:convert_to_alias": Rule(PAGES, fill={"page_id": "draft"}),
    "wagtail_localize:update_translations": Rule(PAGES, fill={"translation_source_id": "translation_source"}),
    "wagtail_localize:submit_snippet_translation": Rule(SECRETARIAT, fill={"app_label": "cms", "model_name": "menu",
                                                                           "pk": "menu"}),
    "wagtail_localize:snippets_api_listing": Rule(SECRETARIAT, fill={"app_label": "cms", "model_name": "menu"},
                                                  shared=True),
    "wagtail_localize:snippets_api_detail": Rule(SECRETARIAT, fill={"app_label": "cms", "model_name": "menu",
                                                                    "pk": "menu"}, shared=True),
    "wagtail_localize:*": Rule(PAGES, fill={"translation_id": "translation", "string_segment_id": "string_segment",
                                            "overridable_segment_id": "string_segment", "mode": "desktop",
                                            "translation_source_id": "translation_source"}),
    "simple_translation:submit_page_translation": Rule(PAGES, fill={"page_id": "draft"}),
    "simple_translation:submit_snippet_translation": Rule(SECRETARIAT, fill={"app_label": "cms", "model_name": "menu",
                                                                             "pk": "menu"}),

    # --- Reports ----------------------------------------------------------------------------------------
    "wagtailadmin_reports:site_history": Rule(STAFF),
    "wagtailadmin_reports:site_history_results": Rule(STAFF),
    "wagtailadmin_reports:page_types_usage*": Rule(SECRETARIAT),  # site-wide: the last edit of every page type
    "wagtailadmin_reports:*": Rule(PAGES, others_ok=True),

    # --- Images, documents, embeds: by collection ---------------------------------------------------------
    "wagtailimages:index": Rule(PAGES),
    "wagtailimages:index_results": Rule(PAGES),
    "wagtailimages:add": Rule(PAGES),
    "wagtailimages:add_multiple": Rule(PAGES),
    "wagtailimages:*": Rule(PAGES, fill={"image_id": "image", "filter_spec": "original",
                                         "uploaded_file_id": "uploaded"}),
    "wagtailimages_chooser:choose": Rule(STAFF),
    "wagtailimages_chooser:choose_results": Rule(STAFF, query="?collection_id={collection}"),
    "wagtailimages_chooser:create": Rule(PAGES),
    "wagtailimages_chooser:chosen_multiple": Rule(STAFF, query="?id={image}"),
    "wagtailimages_chooser:*": Rule(PAGES, fill={"pk": "image", "image_id": "image"}),
    "wagtaildocs:index": Rule(PAGES),
    "wagtaildocs:index_results": Rule(PAGES),
    "wagtaildocs:add": Rule(PAGES),
    "wagtaildocs:add_multiple": Rule(PAGES),
    "wagtaildocs:*": Rule(PAGES, fill={"document_id": "document", "doc_id": "document",
                                       "uploaded_file_id": "uploaded_doc"}),
    "wagtaildocs_chooser:choose": Rule(STAFF),
    "wagtaildocs_chooser:choose_results": Rule(STAFF, query="?collection_id={collection}"),
    "wagtaildocs_chooser:create": Rule(PAGES),
    "wagtaildocs_chooser:chosen_multiple": Rule(STAFF, query="?id={document}"),
    "wagtaildocs_chooser:*": Rule(PAGES, fill={"pk": "document"}),
    "wagtailadmin_api:images:listing": Rule(STAFF),
    "wagtailadmin_api:images:find": Rule(STAFF, query="?id={image}", opens=False),
    "wagtailadmin_api:images:detail": Rule(PAGES, fill={"pk": "image"}),
    "wagtailadmin_api:documents:listing": Rule(STAFF),
    "wagtailadmin_api:documents:find": Rule(STAFF, query="?id={document}", opens=False),
    "wagtailadmin_api:documents:detail": Rule(PAGES, fill={"pk": "document"}),
    "wagtailembeds:*": Rule(STAFF),

    # --- Site-wide settings: the secretariat's --------------------------------------------------------------
    "wagtailadmin_collections:*": Rule(SECRETARIAT, fill={"pk": "collection", "collection_id": "collection"}),
    "wagtailadmin_workflows:*": Rule(SECRETARIAT, fill={"pk": "workflow", "page_pk": "draft",
                                                        "workflow_pk": "workflow", "app_label": "wagtailcore",
                                                        "model_name": "groupapprovaltask", "task_id": "task"}),
    "wagtailusers_users:*": Rule(SECRETARIAT, fill={"pk": "b_manager"}),
    "wagtailusers_groups:*": Rule(SECRETARIAT, fill={"pk": "group"}),
    "wagtailsites:*": Rule(SECRETARIAT, fill={"pk": "site"}),
    "wagtaillocales:*": Rule(SECRETARIAT, fill={"pk": "locale"}),
    "wagtailredirects:*": Rule(SECRETARIAT, fill={"redirect_id": "redirect"}),
    "wagtailsettings:*": Rule(SECRETARIAT, fill={"app_name": "cms", "model_name": "menu", "pk": "menu"}),
    "wagtailsnippets:index": Rule(SECRETARIAT),
    "wagtailsnippets_cms_menu:*": Rule(SECRETARIAT, fill={"pk": "menu"}),
    "wagtailsnippetchoosers_cms_menu:*": Rule(SECRETARIAT, fill={"pk": "menu"}),

    # --- Plenary: the summit domain ---------------------------------------------------------------------------
    "summits_summit:*": viewset(("summit.view",), "summit", change=("summit.create",)),
    "summits_theme:*": viewset(PROGRAMME, "theme", change=("programme.change",)),
    "summits_room:*": viewset(PROGRAMME, "room", change=("programme.change",)),
    "summits_session:*": viewset(PROGRAMME, "session", change=("programme.change",)),
    "summits_speaker:*": viewset(DIRECTORY, "speaker", change=("directory.change",), shared=True),
    "summits_organisation:*": viewset(DIRECTORY, "organisation", change=("directory.change",), shared=True),
    "plenary_team": Rule(("team.manage",), fill={"summit_id": "summit"}),
    # The summit workspace (cockpit): B's summit in the path refuses everyone of A; ?summit=B never switches to B.
    "plenary_workspace": Rule(STAFF, query="?summit={summit}"),
    "plenary_workspace_switch": Rule(STAFF, opens=False),  # POST only; switching to B is refused (tests/cockpit)
    "plenary_job": Rule(STAFF, fill={"job_id": "job"}),
    "plenary_job_status": Rule(STAFF, fill={"job_id": "job"}),
    "cockpit_overview": Rule(STAFF, fill={"summit_id": "summit"}),
    "cockpit_figure_export": Rule(REGISTRATIONS, fill={"summit_id": "summit", "name": "registrations-by-status",
                                                       "fmt": "csv"}),
    "cockpit_figure_fragment": Rule(REGISTRATIONS, fill={"summit_id": "summit", "name": "checkins"}),
    "cockpit_programme": Rule(PROGRAMME, fill={"summit_id": "summit"}),
    "cockpit_participants": Rule(REGISTRATIONS, fill={"summit_id": "summit"}),
    "cockpit_documents": Rule(DOCUMENTS, fill={"summit_id": "summit"}),
    "cockpit_commitments": Rule(COMMITMENTS, fill={"summit_id": "summit"}),
    "cockpit_pages": Rule(PAGES, fill={"summit_id": "summit"}),
    "cockpit_team": Rule(("team.manage",), fill={"summit_id": "summit"}),
    "cockpit_settings": Rule(("summit.change",), fill={"summit_id": "summit"}),
    "cockpit_translations": Rule(STAFF, fill={"summit_id": "summit"}),
    "cockpit_translations_export": Rule(STAFF, fill={"summit_id": "summit"}),
    "cockpit_translations_import": Rule(STAFF, fill={"summit_id": "summit"}, opens=False),
    "cockpit_secretariat": Rule(SECRETARIAT),
    "cockpit_queue": Rule(STAFF),
    "summits_timetable": Rule(PROGRAMME, fill={"summit_id": "summit"}),
    "summits_timetable_move": Rule(("programme.change",), fill={"summit_id": "summit", "session_id": "session"}),
    "plenary_import": Rule(("programme.change", "directory.change", "registrations.change", "commitments.change")),
    "plenary_import_upload": Rule(("directory.change",), fill={"kind": "organisations"}, shared=True),
    "plenary_import_confirm": Rule(("directory.change",), fill={"kind": "organisations"}, shared=True),
    # a large import's preview: only the job's owner (B's job here refuses everyone of A)
    "plenary_import_preview": Rule(("directory.change",), fill={"kind": "organisations", "job_id": "job"}),

    # --- Registrations ------------------------------------------------------------------------------------------
    "registrations_participants": Rule(REGISTRATIONS, query="?summit={summit}"),
    "registrations_participant": Rule(REGISTRATIONS, fill={"pk": "registration"}),
    "registrations_participant_photo": Rule(REGISTRATIONS, fill={"pk": "registration"}),
    "registrations_checkin_choose": Rule(CHECKIN),
    "registrations_checkin": Rule(CHECKIN, fill={"summit_id": "summit"}),
    "registrations_registration:*": viewset(REGISTRATIONS, "registration", change=()),
    "registrationcategory:*": viewset(SETUP, "category"),
    "invitation:*": viewset(SETUP, "invitation"),
    "emailtemplate:*": viewset(SETUP, "emailtemplate"),
    "registrations_messages": Rule(MESSAGES, fill={"summit_id": "summit"}),
    "registrations_message_new": Rule(MESSAGES, fill={"summit_id": "summit"}),
    "registrations_message*": Rule(MESSAGES, fill={"summit_id": "summit", "pk": "message"}),
    "plenary_pdf_batch_start": Rule(DOCUMENTS),
    "plenary_pdf_batch": Rule(DOCUMENTS, fill={"job_id": "job"}),
    "plenary_pdf_batch_status": Rule(DOCUMENTS, fill={"job_id": "job"}),
    "plenary_pdf_batch_download": Rule(DOCUMENTS, fill={"job_id": "job"}),
    "plenary_pdf_registration_document": Rule(DOCUMENTS, fill={"pk": "registration", "kind": "letter"}),
    "plenary_pdf_participants": Rule(DOCUMENTS, fill={"summit_id": "summit"}),

    # --- Commitments ----------------------------------------------------------------------------------------------
    "announcements_commitment:*": viewset(COMMITMENTS, "commitment", change=("commitments.change",)),
    "announcements_progressreport:*": viewset(COMMITMENTS, "progressreport", change=()),
    "announcements_coalition:*": viewset(COMMITMENTS, "coalition", change=("commitments.change",), shared=True),
    "announcements_exchangerate:*": viewset(COMMITMENTS, "exchangerate", change=("commitments.change",),
                                            shared=True),
    "announcements_review": Rule(COMMITMENTS, fill={"pk": "commitment"}),
    "announcements_overdue": Rule(COMMITMENTS),
    "announcements_theme_targets_choose": Rule(("commitments.change",)),
    "announcements_theme_targets": Rule(("commitments.change",), fill={"summit_id": "summit"}),
}


def rule_for(name: str) -> Rule | None:
    if name in RULES:
        return RULES[name]
    for pattern, rule in RULES.items():
        if "*" in pattern and fnmatch.fnmatchcase(name, pattern):
            return rule
    return None
