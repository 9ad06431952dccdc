from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from . import health


@never_cache
def healthz(request):
    """Database, cache and broker, each reported on its own (see core.health)."""
    status, checks = health.report()
    return JsonResponse({"status": status, "checks": checks}, status=503 if status == "down" else 200)
