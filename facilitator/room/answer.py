"""One kind of answer a phone gives, for one kind of agenda item.

Each kind brings what its part of the item page shows, the template drawing it, and the
address its form is posted to. The item page asks the kind of the item the meeting is on;
an item no kind answers shows the phone only to follow the facilitator's screen.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from facilitator.room.context import RoomContext
from sessions.services.participants import DeviceView
from sessions.views import ItemView

Shown = Callable[[RoomContext, DeviceView, ItemView], Awaitable[dict[str, Any] | None]]
"""What the kind's template is given for this phone at this item; None for nothing to
answer, as a scorecard with no statements."""


@dataclass(frozen=True)
class PhoneAnswer:
    kind: str
    """The agenda item kind it answers (a `ItemKind` value)."""
    path: str
    """Where its form is posted."""
    template: str
    """The part of the item page it draws, included with what `shown` gives."""
    shown: Shown
    post: Callable[[web.Request], Awaitable[web.StreamResponse]]
    outcomes: Mapping[str, str] = field(default_factory=dict)
    """What the item page says after `?done=KEY`, for the keys this kind sends it."""


ANSWERS = web.AppKey("answers", Mapping[str, PhoneAnswer])
