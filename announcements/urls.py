from django.urls import path

from . import feeds, views

app_name = "announcements"

urlpatterns = [
    path("commitments/", views.commitment_list, name="commitment_list"),
    path("commitments/export.<str:fmt>", views.commitment_export, name="commitment_export"),
    path("commitments/iati-activities.xml", views.iati_activities, name="iati_activities"),
    path("commitments/report.pdf", views.report_pdf, name="report_pdf"),
    path("commitments/submit/", views.submit, name="submit"),
    path("commitments/submit/thanks/", views.submit_thanks, name="submit_thanks"),
    path("commitments/report/<str:token>/", views.report, name="report"),
    path("commitments/edit/<str:token>/", views.edit, name="edit"),
    path("commitments/feed/rss/", feeds.CommitmentsFeed(), name="feed_rss"),
    path("commitments/feed/atom/", feeds.CommitmentsAtomFeed(), name="feed_atom"),
    path("commitments/reports/feed/rss/", feeds.ReportsFeed(), name="reports_feed_rss"),
    path("commitments/reports/feed/atom/", feeds.ReportsAtomFeed(), name="reports_feed_atom"),
    path("commitments/coalitions/<slug:slug>/", views.coalition_detail, name="coalition_detail"),
    path("commitments/organisations/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("commitments/dashboard/<slug:summit_slug>/", views.dashboard, name="dashboard"),
    path("commitments/<str:reference>/card.png", views.commitment_card, name="commitment_card"),
    path("commitments/<str:reference>/print.pdf", views.commitment_print, name="commitment_print"),
    path("commitments/<str:reference>/widget/", views.commitment_widget, name="commitment_widget"),
    path("commitments/<str:reference>/", views.commitment_detail, name="commitment_detail"),
]
