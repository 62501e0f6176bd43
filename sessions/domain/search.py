"""Finding what was said: full-text search over a programme's notes.

SQLite's FTS5 index (kept by triggers) answers when the database has one;
PostgreSQL answers from its own text search (an index on
`facilitator_search_vector`, from migration 0014). Any other database, or a SQLite
without FTS5, gets a plain scan with the same meaning: every word must appear, as a
word or the start of one, ignoring case and accents.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from sqlalchemy import Row, func, inspect, select, text
from sqlalchemy.orm import Session as DbSession

from sessions.models import AgendaItem, Note, Session
from sessions.views import SearchHit

MAX_HITS = 200
_WORD = re.compile(r"\w+", re.UNICODE)


def words_of(query: str) -> list[str]:
    """Words without case or accents, as the index keeps them: `Café` is `cafe`."""
    decomposed = unicodedata.normalize("NFKD", query.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _WORD.findall(plain)


def _fts_query(words: list[str]) -> str:
    # Each word quoted (so nothing typed is FTS syntax) and open at its end: "front"* "door"*
    return " ".join('"' + word.replace('"', '""') + '"*' for word in words)


def _tsquery(query: str) -> str:
    """The same for PostgreSQL: each word quoted, open at its end, all of them:
    'front':* & 'door':*. Accents are left for the server to fold as it folds the
    notes' (migration 0014), so the two always agree."""
    words = _WORD.findall(unicodedata.normalize("NFC", query.casefold()))
    return " & ".join("'" + word.replace("'", "''").replace("\\", "\\\\") + "':*" for word in words)


def _has_index(db: DbSession) -> bool:
    return "note_fts" in inspect(db.connection()).get_table_names()


def matching_notes(db: DbSession, programme_id: int, query: str) -> list[SearchHit]:
    """Notes of the programme matching every word of `query`, newest first."""
    words = words_of(query)
    if not words:
        return []
    base = (
        select(Note, Session.number, AgendaItem.position, AgendaItem.title)
        .join(Session, Note.session_id == Session.id)
        .join(AgendaItem, Note.agenda_item_id == AgendaItem.id)
        .where(Session.programme_id == programme_id, Note.deleted_at.is_(None))
        .order_by(Note.created_at.desc(), Note.id.desc())
    )
    if db.get_bind().dialect.name == "postgresql":
        matching = func.facilitator_search_vector(Note.text).bool_op("@@")(
            func.facilitator_search_query(_tsquery(query))
        )
        rows: Iterable[Row[Note, int, int, str]] = db.execute(base.where(matching).limit(MAX_HITS))
    elif _has_index(db):
        indexed = text("SELECT rowid FROM note_fts WHERE note_fts MATCH :query")
        rows = db.execute(
            base.where(Note.id.in_(indexed.bindparams(query=_fts_query(words)))).limit(MAX_HITS)
        )
    else:
        rows = (row for row in db.execute(base) if _matches(words, row[0].text))
    hits = []
    for note, number, position, title in rows:
        hits.append(
            SearchHit(
                note_id=note.id,
                session_id=note.session_id,
                session_number=number,
                position=position,
                item_title=title,
                kind=note.kind,
                text=note.text,
                created_at=note.created_at,
            )
        )
        if len(hits) >= MAX_HITS:
            break
    return hits


def _matches(words: list[str], note_text: str) -> bool:
    found = words_of(note_text)
    return all(any(candidate.startswith(word) for candidate in found) for word in words)
