"""Every piece of text a document's model carries, each with where it sits, and the model
rebuilt with some of that text changed.

One walk over dataclasses, lists, tuples and dicts serves minutes, the report and the
export alike; what differs is how each says where a text is (`Locate`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Place:
    """Where a text sits: the nearest session, item and holder (a note, the action log…)."""

    session_number: int | None = None
    item_number: int | None = None
    item_title: str = ""
    holder: str = ""
    note_id: int | None = None
    rows: tuple[Place, ...] = ()
    """The places of a list's texts, in order, where the list itself cannot say (a report's
    decisions, say), until the walk reaches each."""

    @property
    def where(self) -> str:
        parts = ["programme" if self.session_number is None else f"session {self.session_number}"]
        if self.item_number is not None:
            title = f" ({self.item_title})" if self.item_title else ""
            parts.append(f"item {self.item_number}{title}")
        if self.holder:
            parts.append(self.holder)
        return ", ".join(parts)


Locate = Callable[[object, object, object, Place], Place | None]
"""The place of `child`, found under `key` (a field name, dict key or list index) of
`parent`, which sits at `place`; None where nothing in it can be text a person wrote (a
time, a kind), so the walk passes it by."""

Change = Callable[[str, Place], str]
"""A text's new words, given where it sits; the same words leave it as it was."""


def rebuilt(value: T, place: Place, locate: Locate, change: Change) -> T:
    """`value` with each text in it passed through `change`; what did not change is the very
    same object, so a walk that changes nothing copies nothing."""
    return _walk(value, place, locate, change)  # type: ignore[no-any-return]


def texts(value: object, place: Place, locate: Locate) -> list[tuple[str, Place]]:
    """Every text in `value` with its place, in the order the model holds them."""
    found: list[tuple[str, Place]] = []

    def note(text: str, where: Place) -> str:
        found.append((text, where))
        return text

    _walk(value, place, locate, note)
    return found


def _walk(value: Any, place: Place | None, locate: Locate, change: Change) -> Any:
    if place is None:
        return value
    if isinstance(value, str):
        return change(value, place)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for field in dataclasses.fields(value):
            if not field.init:
                continue
            child = getattr(value, field.name)
            new = _walk(child, locate(value, field.name, child, place), locate, change)
            if new is not child:
                changes[field.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    if isinstance(value, dict):
        items = {
            key: _walk(child, locate(value, key, child, place), locate, change)
            for key, child in value.items()
        }
        if all(items[key] is child for key, child in value.items()):
            return value
        return items
    if isinstance(value, (list, tuple)):
        walked = [
            _walk(child, locate(value, index, child, place), locate, change)
            for index, child in enumerate(value)
        ]
        if all(new is old for new, old in zip(walked, value, strict=True)):
            return value
        if isinstance(value, list):
            return walked
        if hasattr(value, "_fields"):  # a named tuple
            return type(value)(*walked)
        return tuple(walked)
    return value  # numbers, dates, enums that are not text, None
