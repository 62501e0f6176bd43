"""The file format's marker, version and how its values are written.

Times are ISO 8601 in UTC and the JSON is written with sorted keys, so the
same programme always gives the same bytes and a round trip can be compared.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from typing import Any

FORMAT = "facilitator-programme"
# 2: a session's planned_for date, its matters-arising action_reviews and activity_results.
# 3: who facilitated each session.
# 4: whether an item's private answers go in the minutes.
# 5: each action's changes (what, before and after, when, in which session), the "at risk"
#    status and review outcome, and the member who owns it; the programme's quorum, and the
#    quorum each finished session was held to; members' standing interests, and each
#    declaration's kind, handling and standing interest.
# 6: whether each session's minutes were approved (at which session, when), and the
#    amendments and errata agreed to them, each with who proposed it.
# 7: whether each item was taken in private, and each note said in confidence.
# 8: the questions and comments phones sent to the facilitator's queue, and what became of
#    each: still waiting, set aside, or accepted as a note (named by its place); and each
#    session's proposals put to the room for a fist of five, and every answer to them.
# 9: each member's e-mail address ("" where none is known), where reminders of their
#    actions go.
#    The plan a programme was made from (its name and title as they were), and on each
#    session the plan laid out its place and title in the plan and whether its day is still
#    to confirm.
#    An item may be a RAG item (kind "rag", its areas in the activity's "rag_areas"), each
#    rating an answer scored 1 red, 2 amber or 3 green; an older file has none, and reads
#    as it did. Its next steps are actions, carried as every action is.
#    A planned session's start and end times (HH:MM, as UK clocks read them) and place, its
#    calendar invitation's UID and sequence, and when it was cancelled, if it was.
VERSION = 9
SUFFIX = ".facilitator.json"


def time_text(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def date_text(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def clock_text(value: time | None) -> str | None:
    return None if value is None else f"{value:%H:%M}"


def dump(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
