"""On PostgreSQL, search notes with its own text search, through an index of each note's words.

Search means the same as on SQLite: every word typed must begin a word of the note,
whatever the case or accents. PostgreSQL's `simple` configuration keeps every word
and folds case; accents are folded by the `unaccent` extension where the server has
it (Debian's server does, and a database owner may add it). Where it has not, a
search for "cafe" does not find "café". SQLite gets nothing here: its FTS5 index
came with 0004.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def _unaccent_schema(connection: sa.engine.Connection) -> str | None:
    """The schema holding `unaccent`, adding the extension if it may be added."""
    try:
        with connection.begin_nested():
            connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
    except sa.exc.DBAPIError:
        pass  # not installed on the server, or not ours to add: search keeps its accents
    schema: str | None = connection.exec_driver_sql(
        "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'unaccent'"
    ).scalar()
    return schema


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "postgresql":
        return
    schema = _unaccent_schema(connection)

    def folded(name: str) -> str:
        return f"{schema}.unaccent('{schema}.unaccent'::regdictionary, {name})" if schema else name

    # Immutable, so an index can be built on it. The query is folded by the same rule as
    # the notes, so both sides agree whether or not the server could fold accents.
    op.execute(
        "CREATE FUNCTION facilitator_search_vector(body text) RETURNS tsvector "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS "
        f"$$ SELECT to_tsvector('simple'::regconfig, {folded('body')}) $$"
    )
    op.execute(
        "CREATE FUNCTION facilitator_search_query(words text) RETURNS tsquery "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS "
        f"$$ SELECT to_tsquery('simple'::regconfig, {folded('words')}) $$"
    )
    op.execute("CREATE INDEX ix_note_search ON note USING gin (facilitator_search_vector(text))")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_note_search")
    op.execute("DROP FUNCTION IF EXISTS facilitator_search_query(text)")
    op.execute("DROP FUNCTION IF EXISTS facilitator_search_vector(text)")
