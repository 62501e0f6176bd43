"""What keeps the room's page to the room: its cookies, the check that a form came from
the page itself, and the headers every answer carries.

A phone's token rides in a cookie no script can read and no other site's page can send.
Every form is checked twice: its Origin (or Referer) must be the room's own address, and
it must carry a field only the room's own page could have filled in: an HMAC, under a
secret the running room alone holds, of the phone's token, or before a phone has joined,
of a random cookie set with the join form.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from urllib.parse import urlsplit

from aiohttp import web

DEVICE_COOKIE = "room_device"
JOIN_COOKIE = "room_join"
CSRF_FIELD = "csrf"
MAX_BODY = 16 * 1024  # far more than any of the room's forms; a larger body is refused

HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    # Not no-referrer: under it a browser sends every form's Origin as "null", and the
    # page could no longer tell its own forms from another site's. The page links nowhere
    # else, so its address still goes to nobody.
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def new_secret() -> bytes:
    return secrets.token_bytes(32)


def new_join_nonce() -> str:
    return secrets.token_urlsafe(32)


def form_token(secret: bytes, purpose: str, value: str) -> str:
    """The hidden field a form of the room's own page carries for this phone."""
    return hmac.new(secret, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


def form_token_matches(secret: bytes, purpose: str, value: str | None, sent: str | None) -> bool:
    if not value or not sent:
        return False
    return hmac.compare_digest(form_token(secret, purpose, value), sent)


def own_origin(request: web.Request) -> str:
    return f"{request.scheme}://{request.host}".lower()


def from_own_page(request: web.Request) -> bool:
    """Whether a form was sent by the room's own page: its Origin, or its Referer when a
    browser gives no Origin, is the room's own address. Neither, and it is refused."""
    origin = request.headers.get("Origin")
    if origin is None:
        referer = request.headers.get("Referer")
        if not referer:
            return False
        parts = urlsplit(referer)
        origin = f"{parts.scheme}://{parts.netloc}"
    return hmac.compare_digest(origin.lower().encode(), own_origin(request).encode())


def set_cookie(response: web.StreamResponse, request: web.Request, name: str, value: str) -> None:
    """A cookie no script reads, no other site sends, and over TLS never sent in clear."""
    response.set_cookie(
        name,
        value,
        path="/",
        httponly=True,
        samesite="Strict",
        secure=request.secure,
    )


def forget_cookie(response: web.StreamResponse, name: str) -> None:
    response.del_cookie(name, path="/")


async def add_headers(request: web.Request, response: web.StreamResponse) -> None:
    """Every answer, page or refusal, is never cached, framed, sniffed or given scripts."""
    response.headers.update(HEADERS)
