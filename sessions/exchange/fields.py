"""Reading one JSON object of an exchange file, saying exactly where a value is wrong.

A file edited by hand or cut short should be refused with the place to look
("session 2, note 5 has no "created_at""), not with a traceback.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, date, datetime
from typing import Any, Literal, overload

_MISSING = object()


class Broken(Exception):
    """A value is missing or not what the format says; str() says where and what."""


class Fields:
    """A JSON object of the file and where it is in it ("session 2, note 5"), for messages."""

    def __init__(self, value: Any, where: str, prefix: str = ""):
        if not isinstance(value, dict):
            raise Broken(f"{where} is not a JSON object")
        self._value = value
        self.where = where
        self._prefix = prefix

    def fail(self, problem: str) -> Broken:
        return Broken(f"{self.where}: {problem}")

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
        return value

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
        if minimum is not None and value < minimum:
            raise self.fail(f'"{key}" is {value}, below {minimum}')
        return value

    def choice(self, key: str, choices: Collection[Any], *, nullable: bool = False) -> Any:
        value = self._get(key, nullable)
        if value is None:
            return None
        if type(value) not in (str, int) or value not in choices:
            allowed = ", ".join(str(choice) for choice in choices)
            raise self.fail(f'"{key}" is {value!r}, not one of: {allowed}')
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
        except ValueError:
            parsed = None
        if parsed is None or parsed.tzinfo is None:
            raise self.fail(f'"{key}" is not an ISO 8601 time with its time zone')
        return parsed.astimezone(UTC)

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
        return Fields(value, where, f"{where}, ")

    def objects(self, key: str, label: str) -> list[Fields]:
        """The list under `key`, each entry read as `label N` (counting from 1)."""
        value = self._get(key, False)
        if not isinstance(value, list):
            raise self.fail(f'"{key}" is not a list')
        return [
            Fields(entry, f"{self._prefix}{label} {number}", f"{self._prefix}{label} {number}, ")
            for number, entry in enumerate(value, start=1)
        ]
