"""Every kind of answer the room's phones give, by the item kind each answers."""

from __future__ import annotations

from collections.abc import Mapping

from facilitator.room import dots, rating, reflecting, roles
from facilitator.room.answer import PhoneAnswer

KINDS: tuple[PhoneAnswer, ...] = (rating.ANSWER, dots.ANSWER, roles.ANSWER, reflecting.ANSWER)


def by_kind() -> Mapping[str, PhoneAnswer]:
    return {answer.kind: answer for answer in KINDS}
