"""Wagtail admin screens for PDF documents (imported by the registrations app's wagtail_hooks.py):
start a batch (badge sheets, badges, letters) with a progress bar and a download, and one
participant's document or a summit's participants list on request."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.permissions import can

from . import pdf_views


@hooks.register("register_admin_urls")
def register_pdf_admin_urls():
    return [
        path("plenary/documents/", pdf_views.admin_batch_start, name="plenary_pdf_batch_start"),
        path("plenary/documents/batches/<str:job_id>/", pdf_views.admin_batch_progress, name="plenary_pdf_batch"),
        path("plenary/documents/batches/<str:job_id>/status.json", pdf_views.admin_batch_status,
             name="plenary_pdf_batch_status"),
        path("plenary/documents/batches/<str:job_id>/download/", pdf_views.admin_batch_download,
             name="plenary_pdf_batch_download"),
        path("plenary/documents/registrations/<int:pk>/<str:kind>.pdf", pdf_views.admin_registration_document,
             name="plenary_pdf_registration_document"),
        path("plenary/documents/summits/<int:summit_id>/participants.pdf", pdf_views.admin_participants_pdf,
             name="plenary_pdf_participants"),
    ]


class DocumentsMenuItem(MenuItem):
    def is_shown(self, request):
        return can(request.user, "registrations.documents")


@hooks.register("register_admin_menu_item")
def register_pdf_menu_item():
    return DocumentsMenuItem(_("Badges and letters"), reverse("plenary_pdf_batch_start"), icon_name="doc-full",
                             order=850)
