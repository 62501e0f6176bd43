"""An action's owner is a member of the programme, where the name typed is one; search folds
text by one rule on both databases.

Revision ID: 0022
Revises: 0021

`@siob` and `@Dr Siobhán O'Neill` were stored as two owners, and the owner filter could
not tell that both were Siobhán O'Neill. An action now keeps the member it was given to
(`owner_member_id`), beside the name as it stands in the minutes (`owner`). Existing
actions are linked where their owner's name finds exactly one member of their programme
(without case or accents, by any part of the name: the rule a new action is saved by).
Their `owner` text is left as it was, so minutes already written read the same.

Search folded text by each database's own rules, which disagreed with each other and with
the words searched for: SQLite's index kept a soft hyphen as a break (`co-ordinate`, typed
with one, was not found by `coordinate`), and `ß` or a ligature unfolded; PostgreSQL folded
accents only where the server had `unaccent`. Both now index the text through the same
plain SQL fold, written out here from Python's (case, accents, compatibility forms, and the
characters never seen dropped), so no extension or registered function is needed and any
connection can write a note. The query is folded the same way before it is sent.
"""

import unicodedata

import sqlalchemy as sa
from alembic import op

from sessions.names import best_matches

revision = "0022"
down_revision = "0021"
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

    if connection.dialect.name == "sqlite":
        _fold_sqlite_index(connection)
    elif connection.dialect.name == "postgresql":
        _fold_postgresql_index()


# What the fold leaves out: characters never seen (a soft hyphen, zero-width joiners and
# spaces, direction marks, the byte-order mark) and, on PostgreSQL, combining accents.
_UNSEEN = "\u00ad\u034f\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064"
_UNSEEN += "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
# Latin letters with accents (Welsh ŵ, ŷ, ẁ, ẃ, ẅ, ỳ among them), ligatures and ß.
_LETTERS = [chr(code) for code in range(0xC0, 0x250)]
_LETTERS += [chr(code) for code in (*range(0x1E80, 0x1E86), 0x1EF2, 0x1EF3, 0x1E9E)]
_LETTERS += [chr(code) for code in range(0xFB00, 0xFB07)]


def _fold(character: str) -> str:
    decomposed = unicodedata.normalize("NFKD", character.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# SQLite's index already folds case and most accents itself; what it does not fold is
# written out, in as few replace() as will do: SQLite's parser takes about thirty nested.
_SQLITE_UNSEEN = "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
_SQLITE_SEVERAL = "\u00df\u1e9e\u0132\u0133\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"


def _sqlite_fold(column: str) -> str:
    """The fold as nested replace(): the unseen characters dropped, ß and the ligatures
    spelt out."""
    expression = f"lower({column})"
    for character in _SQLITE_UNSEEN:
        expression = f"replace({expression}, {_sql_text(character)}, '')"
    for character in _SQLITE_SEVERAL:
        expression = f"replace({expression}, {_sql_text(character)}, {_sql_text(_fold(character))})"
    return expression


def _fold_sqlite_index(connection: sa.engine.Connection) -> None:
    tables = sa.inspect(connection).get_table_names()
    if "note_fts" not in tables:
        return  # a SQLite without FTS5: search scans, folding in Python
    for name in ("note_fts_insert", "note_fts_delete", "note_fts_update"):
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    connection.exec_driver_sql("DROP TABLE note_fts")
    new, old = _sqlite_fold("new.text"), _sqlite_fold("old.text")
    for statement in (
        "CREATE VIRTUAL TABLE note_fts USING fts5("
        "text, content='note', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
        "CREATE TRIGGER note_fts_insert AFTER INSERT ON note BEGIN "
        f"INSERT INTO note_fts(rowid, text) VALUES (new.id, {new}); END",
        "CREATE TRIGGER note_fts_delete AFTER DELETE ON note BEGIN "
        f"INSERT INTO note_fts(note_fts, rowid, text) VALUES ('delete', old.id, {old}); END",
        "CREATE TRIGGER note_fts_update AFTER UPDATE OF text ON note BEGIN "
        f"INSERT INTO note_fts(note_fts, rowid, text) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO note_fts(rowid, text) VALUES (new.id, {new}); END",
        # Not 'rebuild': that would index the note's own text, unfolded.
        f"INSERT INTO note_fts(rowid, text) SELECT id, {_sqlite_fold('text')} FROM note",
    ):
        connection.exec_driver_sql(statement)


# Between words for search, as Python's \\w+ splits them: without this PostgreSQL's parser
# reads `ade.okafor@nhs.net` as one e-mail address, where `okafor` begins no word.
_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~"


def _postgresql_fold(name: str, between_words: bool = True) -> str:
    """The fold as translate() (one letter for another, or for nothing) and replace() (one
    for several), then lower(): the same on every server, with or without `unaccent`. The
    query's words, already folded and split, keep the punctuation of its syntax."""
    single = [(c, _fold(c)) for c in _LETTERS if len(_fold(c)) == 1 and _fold(c) != c]
    several = [(c, _fold(c)) for c in _LETTERS if len(_fold(c)) > 1]
    dropped = _UNSEEN + "".join(chr(code) for code in range(0x300, 0x370))
    source = "".join(c for c, _ in single) + dropped
    target = "".join(f for _, f in single)
    expression = f"translate({name}, {_sql_text(source)}, {_sql_text(target)})"
    for character, folded in several:
        expression = f"replace({expression}, {_sql_text(character)}, {_sql_text(folded)})"
    if between_words:
        spaces = " " * len(_PUNCTUATION)
        expression = f"translate({expression}, {_sql_text(_PUNCTUATION)}, {_sql_text(spaces)})"
    return f"lower({expression})"


def _fold_postgresql_index() -> None:
    op.execute("DROP INDEX IF EXISTS ix_note_search")
    query_fold = _postgresql_fold("words", between_words=False)
    # Immutable, so an index can be built on it; the query is folded by the same rule.
    op.execute(
        "CREATE OR REPLACE FUNCTION facilitator_search_vector(body text) RETURNS tsvector "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS "
        f"$$ SELECT to_tsvector('simple'::regconfig, {_postgresql_fold('body')}) $$"
    )
    op.execute(
        "CREATE OR REPLACE FUNCTION facilitator_search_query(words text) RETURNS tsquery "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS "
        f"$$ SELECT to_tsquery('simple'::regconfig, {query_fold}) $$"
    )
    op.execute("CREATE INDEX ix_note_search ON note USING gin (facilitator_search_vector(text))")


def downgrade() -> None:
    # The search index keeps the fold: the earlier index found less, never more.
    op.drop_index("ix_action_owner_member_id", "action")
    with op.batch_alter_table("action") as batch:
        batch.drop_column("owner_member_id")
