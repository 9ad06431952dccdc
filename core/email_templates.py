"""Organisers' email wordings: Django template syntax, checked when saved, rendered in a small sandbox.

An organiser writes ``Dear {{ name }}, … {% if position %}…{% endif %}``. :func:`errors` lists what is
wrong with a wording before it is saved (syntax, a tag that is not allowed, a placeholder that does
not exist, a failure with sample values), each in the organiser's language. :func:`render` renders
with an engine that has no template loaders and no tag libraries, so ``{% include %}``,
``{% extends %}`` and ``{% load %}`` cannot reach the site's templates or code.
"""

from __future__ import annotations

import re

from django.template import Context, Engine, TemplateSyntaxError
from django.template.base import Lexer, TokenType
from django.utils.translation import gettext as _

ENGINE = Engine(loaders=[], libraries={}, autoescape=False, debug=False, string_if_invalid="")
ALLOWED_TAGS = frozenset({"if", "elif", "else", "endif", "firstof", "comment", "endcomment"})
_NAME = re.compile(r"^[\"']|^[0-9]")


def _variable_names(expression: str):
    """The placeholders an expression reads: ``name|upper`` -> name; ``a or b`` -> a, b."""
    for part in re.split(r"\s+(?:or|and|not|in|is|==|!=|<=|>=|<|>)\s+|\s+|^not\s+", expression.strip()):
        part = part.split("|", 1)[0].split(".", 1)[0].strip()
        if part and not _NAME.match(part) and part not in ("not", "and", "or", "in", "is", "None", "True",
                                                            "False", "(", ")"):
            yield part


def errors(text: str, placeholders, sample: dict | None = None) -> list[str]:
    """What stops this wording from being used (an empty list when it is fine)."""
    placeholders = list(placeholders)
    found = []
    try:
        template = ENGINE.from_string(text or "")
    except TemplateSyntaxError as exc:
        return [_("This wording cannot be read: %(error)s") % {"error": exc}]
    for token in Lexer(text or "").tokenize():
        if token.token_type == TokenType.BLOCK:
            bits = token.split_contents()
            tag = bits[0] if bits else ""
            if tag not in ALLOWED_TAGS:
                found.append(_("The tag {%% %(tag)s %%} cannot be used in an email. Use placeholders and "
                               "{%% if %%}…{%% endif %%}.") % {"tag": tag})
                continue
            for expression in bits[1:]:
                found.extend(_unknown(expression, placeholders))
        elif token.token_type == TokenType.VAR:
            found.extend(_unknown(token.contents, placeholders))
        elif token.token_type == TokenType.TEXT and ("{{" in token.contents or "{%" in token.contents):
            found.append(_("A placeholder or tag is not closed: write {{ name }} or %(tag)s.") % {"tag": "{% if … %}"})
    if found:
        return list(dict.fromkeys(found))
    try:
        template.render(Context(sample or dict.fromkeys(placeholders, "x"), autoescape=False))
    except Exception as exc:  # a filter given a value it cannot take…
        return [_("This wording fails with sample values: %(error)s") % {"error": exc}]
    return []


def _unknown(expression, placeholders):
    for name in _variable_names(expression):
        if name not in placeholders:
            yield _("Unknown placeholder {{ %(name)s }}. Use: %(placeholders)s.") % {
                "name": name, "placeholders": ", ".join("{{ %s }}" % p for p in placeholders)}


def render(text: str, context: dict) -> str:
    return ENGINE.from_string(text or "").render(Context(context, autoescape=False))
