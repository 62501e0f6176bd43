"""Holding a file's text to the lengths the database's columns allow.

SQLite keeps text of any length in any column, but PostgreSQL refuses text longer than
a column's declared length, so a long title would otherwise fail half way through
the write on one database and not the other.
"""

from __future__ import annotations

from sessions.exchange.document import Columns
from sessions.exchange.fields import Fields
from sessions.models import Base


def fitted(fields: Fields, model: type[Base], columns: Columns) -> Columns:
    """The columns, each text no longer than the model's column holds where the database
    holds text to its length; refused if one is longer."""
    if not fields.holds.lengths:
        return columns
    table = model.__table__
    for key, value in columns.items():
        column = table.c.get(key)
        most = getattr(column.type, "length", None) if column is not None else None
        if isinstance(value, str) and most is not None and len(value) > most:
            raise fields.fail(f'"{key}" is {len(value):,} characters, more than {most:,}')
    return columns
