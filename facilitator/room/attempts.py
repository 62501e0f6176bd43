"""How many join codes may be tried, from one phone and from the whole network.

A code has 40 bits; a handful of tries a minute from each address, and a cap on all
of them together, leave guessing hopeless in a meeting's life. Kept in memory: the
limit holds where requests arrive, and a restart of the room gives a fresh code.
"""

from __future__ import annotations

import ipaddress
import math
from collections import deque
from collections.abc import Callable

PER_ADDRESS = 10
ALL_ADDRESSES = 120
WINDOW_SECONDS = 60.0
# More addresses than any meeting room holds: beyond it, everyone waits, and memory stays small.
MOST_ADDRESSES = 4096


def address_of(remote: str | None) -> str:
    """Whose tries these are: an IPv4 address, or an IPv6 address's /64, which one
    phone may fill with addresses of its own."""
    try:
        address = ipaddress.ip_address(remote or "")
    except ValueError:
        return remote or ""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


class Attempts:
    """Tries at the join code within the last minute, each address's and everyone's."""

    def __init__(
        self,
        clock: Callable[[], float],
        per_address: int = PER_ADDRESS,
        all_addresses: int = ALL_ADDRESSES,
        window: float = WINDOW_SECONDS,
    ) -> None:
        self._clock = clock
        self._per_address = per_address
        self._all_addresses = all_addresses
        self._window = window
        self._by_address: dict[str, deque[float]] = {}
        self._everyone: deque[float] = deque()

    def try_from(self, remote: str | None) -> float:
        """Count a try from this address: 0 if it may go ahead, else the seconds to wait."""
        now = self._clock()
        self._forget_before(now - self._window)
        key = address_of(remote)
        mine = self._by_address.get(key, deque())
        if len(mine) >= self._per_address:
            return self._wait(mine[0], now)
        if len(self._everyone) >= self._all_addresses:
            return self._wait(self._everyone[0], now)
        if key not in self._by_address and len(self._by_address) >= MOST_ADDRESSES:
            return self._window
        mine.append(now)
        self._by_address[key] = mine
        self._everyone.append(now)
        return 0.0

    def _wait(self, oldest: float, now: float) -> float:
        return max(1.0, oldest + self._window - now)

    def _forget_before(self, cutoff: float) -> None:
        while self._everyone and self._everyone[0] <= cutoff:
            self._everyone.popleft()
        for key in list(self._by_address):
            tries = self._by_address[key]
            while tries and tries[0] <= cutoff:
                tries.popleft()
            if not tries:
                del self._by_address[key]


def retry_after(seconds: float) -> str:
    """The Retry-After header's whole seconds, never 0."""
    return str(max(1, math.ceil(seconds)))
