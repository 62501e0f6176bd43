"""What the room command shows when the room opens: one block to put on the screen, with
the address, the join code, a QR code of the address, and what the room's network means."""

from __future__ import annotations

from facilitator.room.place import Place
from facilitator.room.qr_code import qr_lines
from facilitator.serve import is_loopback

# Each a few lines of under 80 characters: the block is read off a terminal.
PLAIN_HTTP = (
    "Plain HTTP on a local network: anyone on it who has the code can join and",
    "answer, and anyone on it can read what phones send. Give --cert and --key",
    "to serve over TLS.",
)
OVER_TLS = (
    "Over TLS, with the certificate given: phones' browsers warn unless they trust it.",
    "Anyone on the network who has the code can join and answer.",
)
EVERY_INTERFACE = (
    "Listening on every interface of this computer, as asked: phones on any network",
    "it is on can reach the room.",
)
LOOPBACK_ONLY = (
    "Listening on this computer only: phones cannot reach it. Give --host with this",
    "computer's address on the venue's network.",
)
HOW_TO_CLOSE = "Ctrl+C closes the room: every phone's access ends."


def opened_block(title: str, place: Place, shown_code: str) -> list[str]:
    """The lines printed as the room opens, in the order a facilitator reads them."""
    lines = [
        f"The room is open for {title}.",
        "",
        f"  Address:    {place.address}",
        f"  Join code:  {shown_code}",
        "",
        *(f"  {line}" for line in qr_lines(place.address)),
        "",
        *(OVER_TLS if place.tls is not None else PLAIN_HTTP),
    ]
    if place.every_interface:
        lines.extend(EVERY_INTERFACE)
    elif is_loopback(place.host):
        lines.extend(LOOPBACK_ONLY)
    lines.append(HOW_TO_CLOSE)
    return lines
