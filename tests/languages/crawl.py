"""A crawler of the public site through Django's test client: every same-host page reachable from a home."""

from collections import deque
from urllib.parse import urldefrag, urlsplit

from bs4 import BeautifulSoup

LOCALES = ("en", "fr", "es", "ar", "zh-hans", "ru")
# Not pages: downloads and feeds are fetched only to check they answer, their links are not followed.
SKIP_PREFIXES = ("/static/", "/media/", "/admin/", "/django-admin/", "/documents/")
SKIP_SUFFIXES = (".ics", ".pdf", ".csv", ".json", ".xlsx", ".xml", ".png", ".jpg", ".svg", "/rss/", "/atom/")


def in_locale(path, code):
    return path == f"/{code}/" or path.startswith(f"/{code}/")


def crawl(client, start, code, limit=400):
    """Pages reached from ``start``: {path: (status, soup or None)} and the links found [(page, href, a tag)]."""
    seen = {}
    links = []
    queue = deque([start])
    while queue and len(seen) < limit:
        path = queue.popleft()
        if path in seen:
            continue
        response = client.get(path)
        if response.status_code in (301, 302) and response.get("Location", "").startswith("/"):
            seen[path] = (response.status_code, None)
            queue.append(response["Location"])
            continue
        kind = response.get("Content-Type", "")
        if response.status_code != 200 or not kind.startswith("text/html"):
            seen[path] = (response.status_code, None)
            continue
        soup = BeautifulSoup(response.content, "html.parser")
        seen[path] = (200, soup)
        for a in soup.find_all("a", href=True):
            href = urldefrag(a["href"])[0]
            parts = urlsplit(href)
            if parts.scheme in ("mailto", "tel", "javascript") or (parts.netloc and parts.netloc != "testserver"):
                continue
            if not parts.path:
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            links.append((path, target, a))
            if (target.startswith(SKIP_PREFIXES) or parts.path.endswith(SKIP_SUFFIXES) or target in seen
                    or not in_locale(parts.path, code)):
                continue
            # Don't walk every filter and page combination: one query variant per path is enough.
            if parts.query and any(t.startswith(parts.path + "?") for t in seen):
                continue
            queue.append(target)
    return seen, links


def switcher_link(a):
    return any("language-switcher" in (parent.get("class") or []) for parent in a.parents if parent.name == "nav")
