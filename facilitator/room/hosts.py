"""Which addresses the room answers to: only the one it was given, against DNS rebinding.

A web page elsewhere can point a name of its own at the room's address, and then its
scripts would reach the room as if they were the room's own page. The browser still
names the page's host in every request it sends, so the room answers only requests
that name the address it serves on, and refuses the rest before any page is drawn.
"""

from __future__ import annotations

from collections.abc import Collection

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

MISDIRECTED = 421
NOT_THIS_ROOM = "This is not the address the room is served on."


def host_names(host: str, port: int, tls: bool) -> frozenset[str]:
    """What a browser sends as Host for the room at this address: with the port, and
    without it on the scheme's own port, where browsers leave it out."""
    named = f"[{host}]" if ":" in host and not host.startswith("[") else host
    names = {f"{named}:{port}".lower()}
    if port == (443 if tls else 80):
        names.add(named.lower())
    return frozenset(names)


def only_hosts(allowed: Collection[str]) -> Middleware:
    """A middleware refusing, with 421, every request whose Host is not one of these."""
    wanted = frozenset(host.lower() for host in allowed)

    @web.middleware
    async def check_host(request: web.Request, handler: Handler) -> web.StreamResponse:
        # The header itself: aiohttp's request.host falls back on this machine's name.
        if request.headers.get("Host", "").lower() not in wanted:
            return web.Response(status=MISDIRECTED, text=NOT_THIS_ROOM)
        return await handler(request)

    return check_host
