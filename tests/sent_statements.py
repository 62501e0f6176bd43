"""The SQL a block of code sends, exactly as sent: for asking the database how it plans it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event


@contextmanager
def sent_statements(engine) -> Iterator[list[tuple[str, object]]]:
    """(statement, parameters) for every statement the engine sends inside the block."""
    sent: list[tuple[str, object]] = []

    def keep(conn, cursor, statement, parameters, context, executemany) -> None:
        sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", keep)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", keep)
