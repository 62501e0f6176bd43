"""An action's owner is a member of the programme, where the name typed is one.

Revision ID: 0019
Revises: 0017

`@siob` and `@Dr Siobhán O'Neill` were stored as two owners, and the owner filter could
not tell that both were Siobhán O'Neill. An action now keeps the member it was given to
(`owner_member_id`), beside the name as it stands in the minutes (`owner`). Existing
actions are linked where their owner's name finds exactly one member of their programme
(without case or accents, by any part of the name: the rule a new action is saved by).
Their `owner` text is left as it was, so minutes already written read the same.
"""

import sqlalchemy as sa
from alembic import op

from sessions.names import best_matches

revision = "0019"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        # A plain ADD COLUMN, its reference written in: a batch copy of `action` would trip
        # the reviews pointing at it, and Alembic adds no reference to SQLite any other way.
        op.execute("ALTER TABLE action ADD COLUMN owner_member_id INTEGER REFERENCES member (id)")
    else:
        op.add_column("action", sa.Column("owner_member_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            "fk_action_owner_member_id_member", "action", "member", ["owner_member_id"], ["id"]
        )
    op.create_index("ix_action_owner_member_id", "action", ["owner_member_id"])
    members: dict[int, list[tuple[int, str]]] = {}
    for member_id, programme_id, name in connection.execute(
        sa.text("SELECT id, programme_id, name FROM member")
    ):
        members.setdefault(programme_id, []).append((member_id, name))
    owners = connection.execute(
        sa.text("SELECT id, programme_id, owner FROM action WHERE owner <> ''")
    ).all()
    for action_id, programme_id, owner in owners:
        found = best_matches(owner, members.get(programme_id, []), lambda member: member[1])
        if len(found) == 1:
            connection.execute(
                sa.text("UPDATE action SET owner_member_id = :member WHERE id = :action"),
                {"member": found[0][0], "action": action_id},
            )


def downgrade() -> None:
    op.drop_index("ix_action_owner_member_id", "action")
    with op.batch_alter_table("action") as batch:
        batch.drop_column("owner_member_id")
