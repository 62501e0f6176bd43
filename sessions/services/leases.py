"""One driver per session: who this copy of the app is, and what it is told of another.

The lease itself is taken, kept fresh and let go inside the running calls
(`sessions.services.running`), in the same unit of work as the clock's event.
"""

from __future__ import annotations

from sessions.domain.leases import LEASE_STALE_SECONDS as LEASE_STALE_SECONDS
from sessions.domain.leases import Holder as Holder
from sessions.domain.leases import LeaseView as LeaseView
