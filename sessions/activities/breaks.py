"""A break: the room stops, and comes back at a time the clock gives.

A break takes no answers, so it stores nothing and its results are none. What
the room sees of it is the time to be back, which comes from the running clock,
not the database: the projector draws it in the clock's place, so here the room
sees only the break's own prompt, and the minutes only its timing.
"""

from __future__ import annotations

from sessions.activities.activity import Activity, prompt_only
from sessions.activities.document import nothing_shown
from sessions.vocabulary import ItemKind

ACTIVITY = Activity(
    kind=ItemKind.BREAK,
    minutes_part=None,
    room_markdown=prompt_only,
    document_part=nothing_shown,
)
