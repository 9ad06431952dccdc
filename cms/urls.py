from django.urls import path

from . import views

app_name = "cms"

# Included inside i18n_patterns (language prefix), before Wagtail's catch-all page route.
urlpatterns = [
    path("search/", views.search, name="search"),
    path("calendar/<slug:summit_slug>.ics", views.programme_calendar, name="programme_ics"),
    path("calendar/<slug:summit_slug>/<slug:session_slug>.ics", views.session_calendar, name="session_ics"),
    path("news/feed/rss/", views.NewsRSSFeed(), name="news_rss"),
    path("news/feed/atom/", views.NewsAtomFeed(), name="news_atom"),
]
