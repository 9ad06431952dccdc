"""The registrations' part of copying a summit to a new edition (summits.copying): categories with their
quotas and email templates. Registrations, bookings and invitations are personal: never copied;
shared invitation codes are cleared so last edition's code does not open the new one."""

from django.utils.translation import gettext as _

from summits.copying import clone

from .models import EmailTemplate, RegistrationCategory


def copy_setup(ctx) -> dict:
    categories = {c.pk: clone(c, summit_id=ctx.target.pk, invitation_code="")
                  for c in RegistrationCategory.objects.filter(summit=ctx.source).order_by("sort_order", "pk")}
    templates = [clone(t, summit_id=ctx.target.pk) for t in EmailTemplate.objects.filter(summit=ctx.source)]
    ctx.maps["registrations.registrationcategory"] = categories
    return {str(_("registration categories")): len(categories), str(_("email templates")): len(templates)}
