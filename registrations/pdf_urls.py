"""Public URLs of the PDF documents, to be added to the ``registrations`` namespace:

    from .pdf_urls import urlpatterns as pdf_urlpatterns
    urlpatterns += pdf_urlpatterns
"""

from django.urls import path

from . import pdf_views

urlpatterns = [
    path("registration/<str:token>/badge.pdf", pdf_views.badge_pdf, name="badge_pdf"),
    path("registration/<str:token>/letter.pdf", pdf_views.letter_pdf, name="letter_pdf"),
    path("registration/<str:token>/certificate.pdf", pdf_views.certificate_pdf, name="certificate_pdf"),
    path("letters/verify/", pdf_views.letter_verify, name="letter_verify"),
    path("summits/<slug:slug>/programme.pdf", pdf_views.programme_pdf, name="programme_pdf"),
    path("summits/<slug:slug>/participants.pdf", pdf_views.public_participants_pdf, name="public_participants_pdf"),
]
