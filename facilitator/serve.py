"""`facilitator serve`: the app, or the projector mirror, in a web browser, through textual-serve.

For rooms where the projector hangs off another computer: that computer only needs a
browser. Each browser tab runs its own copy of the app on this machine, on the same
database, so the lease still lets one copy at a time drive a session.
"""

from __future__ import annotations

import ipaddress
import shlex
import socket
import sys

LOOPBACK_NAMES = {"localhost"}


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def app_command(present: str | None) -> str:
    """What each browser tab runs. The database travels in FACILITATOR_DB, not on the
    command line, where a URL's password would show in every process listing."""
    argv = [sys.executable, "-m", "facilitator"]
    if present is not None:
        argv.append("present")
        if present:
            argv.append(present)
    return shlex.join(argv)


def public_url(host: str, port: int) -> str:
    """The address a browser is given for the app's own connection back."""
    if host in ("0.0.0.0", "::", ""):  # every interface: name this machine, not the wildcard
        host = socket.getfqdn()
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def warning(host: str, port: int, present: str | None) -> str:
    what = "see the session" if present is not None else "see and drive every session"
    if is_loopback(host):
        return (
            f"Anyone who can reach port {port} on this computer can {what}; it is not "
            "reachable from other computers. Stop it with Ctrl+C."
        )
    return (
        f"Anyone on the network who can reach {host} port {port} can {what}: there is "
        "no password. Serve only on a network you trust, and stop it with Ctrl+C."
    )


def serve(host: str, port: int, present: str | None, url: str | None = None) -> None:
    """Serve until interrupted. Raises OSError when the address cannot be listened on."""
    from textual_serve.server import Server

    address = url or public_url(host, port)
    title = "facilitator: projector" if present is not None else "facilitator"

    class FacilitatorServer(Server):
        async def on_startup(self, app) -> None:  # our own words, not the library's banner
            print(f"Serving {title} at {address}", flush=True)
            print(warning(host, port, present), flush=True)

        def initialize_logging(self) -> None:
            import logging

            # Each browser's comings and goings would bury the warning above.
            logging.basicConfig(level=logging.WARNING)

    FacilitatorServer(
        app_command(present), host=host, port=port, title=title, public_url=address
    ).serve()
