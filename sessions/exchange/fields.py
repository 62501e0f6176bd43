"""Reading one JSON object of an exchange file, saying exactly where a value is wrong.

A file edited by hand or cut short should be refused with the place to look
("session 2, note 5 has no "created_at""), not with a traceback.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from datetime import UTC, date, datetime
from typing import Any, Literal, overload

from sessions.exchange.holds import EVERY, Holds

_MISSING = object()

# An activity comes from an agenda file, whose numbers are small: one beyond 64 bits was
# not written by the app, and many a JSON reader could not take it back.
JSON_WHOLE_MIN = -(2**63)
JSON_WHOLE_MAX = 2**63 - 1
# An activity is a few levels deep; checking stops far short of where the stack would run out.
JSON_DEPTH = 32


class Broken(Exception):
    """A value is missing or not what the format says; str() says where and what."""


class Fields:
    """A JSON object of the file and where it is in it ("session 2, note 5"), for messages."""

    def __init__(self, value: Any, where: str, prefix: str = "", holds: Holds = EVERY):
        """`holds` is what the database the file goes into will hold."""
        if not isinstance(value, dict):
            raise Broken(f"{where} is not a JSON object")
        self._value = value
        self.where = where
        self._prefix = prefix
        self.holds = holds

    def fail(self, problem: str) -> Broken:
        return Broken(f"{self.where}: {problem}")

    def _storable(self, key: str, value: str) -> str:
        """Text the database will keep as it is: no half surrogate pair, and no NUL where
        the database refuses one."""
        problem = text_problem(value)
        if problem is None and not self.holds.nul and "\x00" in value:
            problem = "holds a NUL character, which the database cannot store"
        if problem is not None:
            raise self.fail(f'"{key}" {problem}')
        return value

    def _get(self, key: str, nullable: bool) -> Any:
        value = self._value.get(key, _MISSING)
        if value is _MISSING:
            raise Broken(f'{self.where} has no "{key}"')
        if value is None and not nullable:
            raise self.fail(f'"{key}" is null')
        return value

    def flag(self, key: str) -> bool:
        value = self._get(key, False)
        if type(value) is not bool:
            raise self.fail(f'"{key}" is {value!r}, not true or false')
        return value

    # Each reader's overloads say what the checker cannot see: only a nullable read
    # can give None.
    @overload
    def text(self, key: str, *, nullable: Literal[False] = False, blank: bool = True) -> str: ...
    @overload
    def text(self, key: str, *, nullable: bool, blank: bool = True) -> str | None: ...
    def text(self, key: str, *, nullable: bool = False, blank: bool = True) -> str | None:
        value = self._get(key, nullable)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(f'"{key}" is not text')
        if not blank and not value.strip():
            raise self.fail(f'"{key}" is blank')
        return self._storable(key, value)

    @overload
    def whole_number(
        self, key: str, *, nullable: Literal[False] = False, minimum: int | None = None
    ) -> int: ...
    @overload
    def whole_number(
        self, key: str, *, nullable: bool, minimum: int | None = None
    ) -> int | None: ...
    def whole_number(
        self, key: str, *, nullable: bool = False, minimum: int | None = None
    ) -> int | None:
        value = self._get(key, nullable)
        if value is None:
            return None
        # bool is an int to Python, never to the format.
        if type(value) is not int:
            raise self.fail(f'"{key}" is not a whole number')
        if not self.holds.least <= value <= self.holds.most:
            raise self.fail(f'"{key}" is {_size(value)}, beyond what the database holds')
        if minimum is not None and value < minimum:
            raise self.fail(f'"{key}" is {value}, below {minimum}')
        return value

    def choice(self, key: str, choices: Collection[Any], *, nullable: bool = False) -> Any:
        value = self._get(key, nullable)
        if value is None:
            return None
        if type(value) not in (str, int) or value not in choices:
            allowed = ", ".join(str(choice) for choice in choices)
            given = _size(value) if type(value) is int else shown(value)
            raise self.fail(f'"{key}" is {given}, not one of: {allowed}')
        return value

    @overload
    def time(self, key: str, *, nullable: Literal[False] = False) -> datetime: ...
    @overload
    def time(self, key: str, *, nullable: bool) -> datetime | None: ...
    def time(self, key: str, *, nullable: bool = False) -> datetime | None:
        value = self._get(key, nullable)
        if value is None:
            return None
        try:
            parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
            if parsed is not None and parsed.tzinfo is not None:
                # A time at the calendar's very edge can fall outside it once moved to UTC.
                return parsed.astimezone(UTC)
        except (ValueError, OverflowError):
            pass
        raise self.fail(f'"{key}" is not an ISO 8601 time with its time zone')

    @overload
    def day(self, key: str, *, nullable: Literal[False] = False) -> date: ...
    @overload
    def day(self, key: str, *, nullable: bool) -> date | None: ...
    def day(self, key: str, *, nullable: bool = False) -> date | None:
        value = self._get(key, nullable)
        if value is None:
            return None
        # Only the YYYY-MM-DD form: Python would also take week dates and run-together digits.
        if isinstance(value, str) and len(value) == 10:
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise self.fail(f'"{key}" is not a date written YYYY-MM-DD')

    @overload
    def mapping(self, key: str, *, nullable: Literal[False] = False) -> dict[str, Any]: ...
    @overload
    def mapping(self, key: str, *, nullable: bool) -> dict[str, Any] | None: ...
    def mapping(self, key: str, *, nullable: bool = False) -> dict[str, Any] | None:
        value = self._get(key, nullable)
        if value is not None and not isinstance(value, dict):
            raise self.fail(f'"{key}" is not a JSON object')
        if value is not None:
            problem = json_problem(value)
            if problem is not None:
                raise self.fail(f'"{key}" {problem}')
        return value

    @overload
    def child(self, key: str, label: str, *, nullable: Literal[False] = False) -> Fields: ...
    @overload
    def child(self, key: str, label: str, *, nullable: bool) -> Fields | None: ...
    def child(self, key: str, label: str, *, nullable: bool = False) -> Fields | None:
        """The object under `key`, its problems reported as the `label` of this one."""
        value = self._get(key, nullable)
        if value is None:
            return None
        where = f"{self._prefix}{label}"
        return Fields(value, where, f"{where}, ", self.holds)

    def objects(self, key: str, label: str) -> list[Fields]:
        """The list under `key`, each entry read as `label N` (counting from 1)."""
        value = self._get(key, False)
        if not isinstance(value, list):
            raise self.fail(f'"{key}" is not a list')
        where = f"{self._prefix}{label}"
        return [
            Fields(entry, f"{where} {number}", f"{where} {number}, ", self.holds)
            for number, entry in enumerate(value, start=1)
        ]


def text_problem(value: str) -> str | None:
    """What keeps every database from storing this text, if anything: a JSON escape can
    give half a surrogate pair, which is no character UTF-8 can write."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "holds a broken character (half a surrogate pair)"
    return None


def json_problem(value: Any, where: str = "", depth: int = 0) -> str | None:
    """What in a JSON value a database could not store, and where inside it, if anything."""
    at = f" at {where}" if where else ""
    if depth > JSON_DEPTH:
        return f"is nested more than {JSON_DEPTH} deep{at}"
    if isinstance(value, dict):
        for name, inner in value.items():
            problem = text_problem(name)
            if problem is not None:
                return f"has a key that {problem}{at}"
            inside = f"{where}.{shown(name)}" if where else shown(name)
            problem = json_problem(inner, inside, depth + 1)
            if problem is not None:
                return problem
        return None
    if isinstance(value, list):
        for index, inner in enumerate(value):
            problem = json_problem(inner, f"{where}[{index}]", depth + 1)
            if problem is not None:
                return problem
        return None
    if isinstance(value, str):
        problem = text_problem(value)
        return None if problem is None else f"{problem}{at}"
    if type(value) is int and not JSON_WHOLE_MIN <= value <= JSON_WHOLE_MAX:
        return f"holds a number too large for the database{at}"
    if type(value) is float and not math.isfinite(value):
        return f"holds a number that is not finite{at}"
    return None


def _size(value: int) -> str:
    """A whole number as the facilitator can read it, however many digits it has."""
    if abs(value) < 10**30:
        return str(value)
    # Counted from its bits: Python will not write out an int of thousands of digits.
    return f"a number of about {int(value.bit_length() * math.log10(2)) + 1:,} digits"


def shown(value: Any) -> str:
    """A value in a message, cut short: the file may hold anything at all."""
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."
