"""Reading a posted form: only the fields the room's own forms have, once each.

A field the page never sends is refused rather than ignored: a form that has one was
not made by the page, and refusing it keeps what a request can say small and known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from aiohttp import web

from facilitator.room.security import CSRF_FIELD

JOIN_FIELDS = frozenset({CSRF_FIELD, "code", "member"})
RATING_FIELD = re.compile(r"s(0|[1-9][0-9]{0,2})")
"""`s0`, `s1`, …: a statement's rating, by its place on the scorecard."""


class BadForm(Exception):
    """A form the room's page would never send; nothing is written."""


async def read_form(
    request: web.Request, fields: Iterable[str] = (), pattern: re.Pattern[str] | None = None
) -> dict[str, str]:
    """The form's fields, each once, each one of `fields` or matching `pattern`."""
    allowed = frozenset(fields)
    posted = await request.post()
    form: dict[str, str] = {}
    for name, value in posted.items():
        known = name in allowed or (pattern is not None and pattern.fullmatch(name))
        if not known or not isinstance(value, str) or name in form:
            raise BadForm("This form was not sent by the room's page.")
        form[name] = value
    return form
