"""Where the room listens: one interface of this computer, a port, and TLS when given a
certificate.

By default, the address this computer has on the venue's network, so phones there can
reach it and nothing else is opened: never every interface unless asked.
"""

from __future__ import annotations

import socket
import ssl
from dataclasses import dataclass
from pathlib import Path

from facilitator.room.hosts import host_names
from sessions.errors import InputError

LOOPBACK = "127.0.0.1"
# Where the room listens unless told otherwise, from the app or the command alike.
DEFAULT_PORT = 8080
EVERY_INTERFACE = frozenset({"0.0.0.0", "::"})
# Any private address will do: a datagram socket "connected" to it sends nothing, but the
# system picks the interface a packet there would leave by, and names its address.
_PRIVATE_PROBE = ("10.255.255.255", 1)


def local_address() -> str:
    """This computer's address on its local network; loopback when it has no network."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(_PRIVATE_PROBE)
            address = str(probe.getsockname()[0])
    except OSError:
        return LOOPBACK
    return LOOPBACK if address in EVERY_INTERFACE else address


def tls_context(cert: Path, key: Path) -> ssl.SSLContext:
    """A server's TLS, 1.2 or later, with this certificate and its private key."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        context.load_cert_chain(cert, key)
    except (OSError, ssl.SSLError) as exc:
        reason = getattr(exc, "strerror", None) or getattr(exc, "reason", None) or exc
        raise InputError(
            f"Cannot use the certificate {cert} with the key {key}: {reason}."
        ) from None
    return context


@dataclass(frozen=True)
class Place:
    """Where the room is served: the interface chosen, the port and, for https, TLS."""

    host: str
    port: int
    tls: ssl.SSLContext | None = None

    @property
    def every_interface(self) -> bool:
        return self.host in EVERY_INTERFACE

    @property
    def shown_host(self) -> str:
        """The host phones are sent to: on every interface, this computer's local address."""
        return local_address() if self.every_interface else self.host

    @property
    def address(self) -> str:
        host = self.shown_host
        named = f"[{host}]" if ":" in host else host
        return f"{'https' if self.tls else 'http'}://{named}:{self.port}"

    @property
    def allowed_hosts(self) -> frozenset[str]:
        """What phones may name as Host: the address shown, and on every interface this
        computer's own loopback too."""
        names = host_names(self.shown_host, self.port, self.tls is not None)
        if self.every_interface:
            names |= host_names(LOOPBACK, self.port, self.tls is not None)
        return names

    def bind(self) -> tuple[socket.socket, Place]:
        """A socket listening here, and the place with the port it really took (port 0
        takes any free one). Raises InputError, in one line, when it cannot listen."""
        try:
            family = socket.getaddrinfo(
                self.host, self.port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
            )[0][0]
            listening = socket.create_server((self.host, self.port), family=family)
        except OSError as exc:
            raise InputError(
                f"Cannot serve the room on {self.host} port {self.port}: {exc.strerror or exc}."
            ) from None
        port = int(listening.getsockname()[1])
        return listening, Place(self.host, port, self.tls)
