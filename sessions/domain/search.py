"""Finding what was said, and who is to do what: search over a programme's notes, and over
its actions with their owners.

SQLite's FTS5 index (kept by triggers) answers when the database has one;
PostgreSQL answers from its own text search (an index on
`facilitator_search_vector`). Both index the text folded by one rule (migration 0022),
and the words searched for are folded by the same rule here (`folded`). Any other
database, or a SQLite without FTS5, gets a plain scan with the same meaning: every
word must appear, as a word or the start of one, ignoring case and accents.

An action is also found by its owner's name, and by the member's name when the owner
is one: its text, owner and member are read as one, so `siobhan hosting` finds the
hosting paper Siobhán owns. A programme has hundreds of actions at most, so they are
read and matched here rather than indexed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import Row, func, inspect, select, text
from sqlalchemy.orm import Session as DbSession

from sessions.models import Action, AgendaItem, Member, Note, Session
from sessions.text import folded
from sessions.views import SearchHit

MAX_HITS = 200
_WORD = re.compile(r"\w+", re.UNICODE)


def words_of(query: str) -> list[str]:
    """Words without case or accents, as the index keeps them: `Café` is `cafe`, and
    `co\u00adordinate` (with a soft hyphen) is `coordinate`."""
    return _WORD.findall(folded(query))


def _fts_query(words: list[str]) -> str:
    # Each word quoted (so nothing typed is FTS syntax) and open at its end: "front"* "door"*
    return " ".join('"' + word.replace('"', '""') + '"*' for word in words)


def _tsquery(words: list[str]) -> str:
    """The same for PostgreSQL: each word quoted, open at its end, all of them:
    'front':* & 'door':*. The server folds them again by the notes' rule, which changes
    nothing already folded."""
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
            func.facilitator_search_query(_tsquery(words))
        )
        rows: Iterable[Row[Note, int, int, str]] = db.execute(base.where(matching).limit(MAX_HITS))
    elif _has_index(db):
        indexed = text("SELECT rowid FROM note_fts WHERE note_fts MATCH :query")
        rows = db.execute(
            base.where(Note.id.in_(indexed.bindparams(query=_fts_query(words)))).limit(MAX_HITS)
        )
    else:
        rows = (row for row in db.execute(base) if _matches(words, row[0].text))
    hits: dict[int, SearchHit] = {}
    for note, number, position, title in rows:
        hits[note.id] = _hit(note, number, position, title)
        if len(hits) >= MAX_HITS:
            break
    for note, number, position, title in _actions_by_owner(db, programme_id, words):
        hits.setdefault(note.id, _hit(note, number, position, title))
    newest_first = sorted(hits.values(), key=lambda hit: (hit.created_at, hit.note_id))
    return newest_first[::-1][:MAX_HITS]


def _hit(note: Note, number: int, position: int, title: str) -> SearchHit:
    return SearchHit(
        note_id=note.id,
        session_id=note.session_id,
        session_number=number,
        position=position,
        item_title=title,
        kind=note.kind,
        text=note.text,
        created_at=note.created_at,
    )


def _actions_by_owner(
    db: DbSession, programme_id: int, words: list[str]
) -> list[tuple[Note, int, int, str]]:
    """The programme's actions whose text, owner and owning member, read as one, hold every
    word: those the notes' index cannot find by the text alone."""
    rows = db.execute(
        select(Note, Session.number, AgendaItem.position, AgendaItem.title, Action.owner)
        .add_columns(Member.name)
        .join(Action, Action.note_id == Note.id)
        .join(Session, Note.session_id == Session.id)
        .join(AgendaItem, Note.agenda_item_id == AgendaItem.id)
        .outerjoin(Member, Action.owner_member_id == Member.id)
        .where(
            Action.programme_id == programme_id,
            Action.owner != "",
            Note.deleted_at.is_(None),
        )
    )
    return [
        (note, number, position, title)
        for note, number, position, title, owner, member in rows
        if _matches(words, f"{note.text} {owner} {member or ''}")
    ]


def _matches(words: list[str], note_text: str) -> bool:
    found = words_of(note_text)
    return all(any(candidate.startswith(word) for candidate in found) for word in words)
