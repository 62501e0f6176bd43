"""Finding what was said: full-text search over a programme's notes."""

from __future__ import annotations

from sessions.domain.search import MAX_HITS as MAX_HITS
from sessions.domain.search import matching_notes, words_of
from sessions.store import Store
from sessions.views import SearchHit


def search_notes(store: Store, programme_id: int, query: str) -> list[SearchHit]:
    """Notes of the programme matching every word of `query`, newest first."""
    if not words_of(query):
        return []
    with store.reading() as db:
        return matching_notes(db, programme_id, query)
