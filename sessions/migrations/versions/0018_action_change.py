"""Every change to an action kept, so minutes can say what stood when their session finished.

Until now an action held only its state as it is today, so a session's minutes, written
again after a later session, showed what that later session decided. Each change (status,
due date, owner, text) is now a row: which action, which field, the value before and after,
when, and in which session.

What the database already knew is written in as changes: each matters-arising review (its
outcome, and the due date it moved) and each edit of an action's note line kept as a
revision. What it never kept (a status changed from the actions list, an action's state
before an edit that made a note an action) cannot be told and is not invented.

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

from sessions.db_types import UTCDateTime

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

# How the app writes an action note back as a line: "a: TEXT @OWNER YYYY-MM-DD".
_ACTION_HEADS = ("a", "action")
_TRAILING_DATE = re.compile(r"\s(\d{4}-\d{2}-\d{2})$")


def upgrade() -> None:
    changes = op.create_table(
        "action_change",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("action_id", sa.Integer(), sa.ForeignKey("action.id"), nullable=False),
        sa.Column("field", sa.String(20), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column("changed_at", UTCDateTime(), nullable=False),
        sa.Column("session_id", sa.Integer(), sa.ForeignKey("session.id"), nullable=True),
    )
    op.create_index("ix_action_change_action_id", "action_change", ["action_id"])
    if op.get_bind().dialect.name == "postgresql":
        # Every table tells listening mirrors of its changes, as migration 0013 set up.
        op.execute(
            "CREATE TRIGGER facilitator_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            "ON action_change FOR EACH STATEMENT EXECUTE FUNCTION facilitator_changed()"
        )
    assert changes is not None
    rows = _from_reviews() + _from_revisions()
    rows.sort(key=lambda row: (row["changed_at"], row["action_id"]))
    if rows:
        op.bulk_insert(changes, rows)


def _change(
    action_id: int, field: str, before: str | None, after: str | None, at: datetime, session: int
) -> dict[str, Any]:
    return {
        "action_id": action_id,
        "field": field,
        "before": before,
        "after": after,
        "changed_at": at,
        "session_id": session,
    }


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _from_reviews() -> list[dict[str, Any]]:
    """A review of an open action: its outcome's status, and the due date it moved."""
    review = sa.table(
        "action_review",
        sa.column("session_id", sa.Integer()),
        sa.column("action_id", sa.Integer()),
        sa.column("outcome", sa.String()),
        sa.column("due_before", sa.Date()),
        sa.column("due_after", sa.Date()),
        sa.column("reviewed_at", UTCDateTime()),
    )
    found = []
    for row in op.get_bind().execute(sa.select(review)):
        if row.outcome in ("done", "dropped"):
            found.append(
                _change(
                    row.action_id, "status", "open", row.outcome, row.reviewed_at, row.session_id
                )
            )
        if row.due_before != row.due_after:
            found.append(
                _change(
                    row.action_id,
                    "due",
                    _iso(row.due_before),
                    _iso(row.due_after),
                    row.reviewed_at,
                    row.session_id,
                )
            )
    return found


def _as_action(line: str) -> tuple[str, str, str | None] | None:
    """(text, owner, due) of a line as the app wrote an action back; None for another kind."""
    head, colon, rest = line.partition(":")
    if not colon or head.strip().lower() not in _ACTION_HEADS:
        return None
    rest = rest.strip()
    due = None
    if found := _TRAILING_DATE.search(rest):
        due, rest = found.group(1), rest[: found.start()]
    text, at, owner = rest.rpartition(" @")
    return (text, owner, due) if at else (rest, "", due)


def _from_revisions() -> list[dict[str, Any]]:
    """An edit of an action's note: the text, owner and due date its earlier line held."""
    revision_table = sa.table(
        "note_revision",
        sa.column("id", sa.Integer()),
        sa.column("note_id", sa.Integer()),
        sa.column("line", sa.Text()),
        sa.column("replaced_at", UTCDateTime()),
    )
    note = sa.table(
        "note",
        sa.column("id", sa.Integer()),
        sa.column("session_id", sa.Integer()),
        sa.column("text", sa.Text()),
    )
    action = sa.table(
        "action",
        sa.column("id", sa.Integer()),
        sa.column("note_id", sa.Integer()),
        sa.column("owner", sa.String()),
        sa.column("due_on", sa.Date()),
    )
    query = (
        sa.select(
            revision_table.c.line,
            revision_table.c.replaced_at,
            note.c.session_id,
            note.c.text,
            action.c.id.label("action_id"),
            action.c.owner,
            action.c.due_on,
        )
        .join(note, note.c.id == revision_table.c.note_id)
        .join(action, action.c.note_id == note.c.id)
        .order_by(revision_table.c.note_id, revision_table.c.id)
    )
    by_action: dict[int, list[Any]] = {}
    for row in op.get_bind().execute(query):
        by_action.setdefault(row.action_id, []).append(row)
    found = []
    for action_id, revisions in by_action.items():
        last = revisions[-1]
        states = [_as_action(row.line) for row in revisions]
        states.append((last.text, last.owner, _iso(last.due_on)))
        for row, before, after in zip(revisions, states, states[1:], strict=False):
            if before is None or after is None:
                continue  # not an action on one side: nothing of its fields to compare
            for field, old, new in zip(("text", "owner", "due"), before, after, strict=True):
                if old != new:
                    found.append(
                        _change(action_id, field, old, new, row.replaced_at, row.session_id)
                    )
    return found


def downgrade() -> None:
    op.drop_index("ix_action_change_action_id", "action_change")
    op.drop_table("action_change")
