from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CockpitConfig(AppConfig):
    """The organisers' cockpit: one summit's workspace, its dashboard, review queues and digests.

    It sits on the top floor (above cms): it reads every app's figures and links every app's screens,
    and no app imports it.
    """

    name = "cockpit"
    verbose_name = _("Organisers' cockpit")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core import outbox
        from core.workspace import Section, register_section

        for name, label, url_name, action, order, icon in (
            ("overview", _("Overview"), "cockpit_overview", "summit.view", 10, "home"),
            ("programme", _("Programme"), "cockpit_programme", "programme.view", 20, "date"),
            ("timetable", _("Timetable"), "summits_timetable", "programme.view", 25, "table"),
            ("participants", _("Participants"), "cockpit_participants", "registrations.view", 30, "group"),
            ("messages", _("Messages"), "registrations_messages", "registrations.message", 35, "mail"),
            ("checkin", _("Check-in"), "registrations_checkin", "registrations.checkin", 38, "check"),
            ("documents", _("Documents"), "cockpit_documents", "registrations.documents", 40, "doc-full"),
            ("commitments", _("Commitments"), "cockpit_commitments", "commitments.view", 50, "tick-inverse"),
            ("pages", _("Pages"), "cockpit_pages", "pages.change", 60, "doc-empty-inverse"),
            ("translations", _("Translations"), "cockpit_translations", "summit.view", 65, "globe"),
            ("team", _("Team"), "cockpit_team", "team.manage", 70, "user"),
            ("settings", _("Settings"), "cockpit_settings", "summit.change", 80, "cogs"),
        ):
            register_section(Section(name, label, url_name, action, order, icon))

        for kind, label in (
            ("announcements.reminder", _("Commitments: report reminder")),
            ("announcements.overdue", _("Commitments: overdue list")),
            ("announcements.returned", _("Commitments: report returned")),
            ("announcements.review_notice", _("Commitments: review decision")),
            ("cockpit.digest", _("Review digest to the team")),
        ):
            outbox.register_kind_label(kind, label)
