"""Search that finds people: without case or accents on both databases, over notes, actions
and their owners, by the same fold wherever the index is."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from sessions.services import notes, people, planning
from sessions.services.programmes import create_programme
from sessions.services.search import search_notes
from sessions.store import Store

TODAY = date(2026, 11, 25)


@pytest.fixture(params=["index", "scan"])
def search_mode(request, monkeypatch):
    if request.param == "scan":
        monkeypatch.setattr("sessions.domain.search._has_index", lambda db: False)
    return request.param


@pytest.fixture
def programme(store: Store):
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    people.add_member(store, programme.id, "Siobhán O'Neill")
    people.add_member(store, programme.id, "Ade Okafor")
    return programme


@pytest.fixture
def session_id(store: Store, programme, small_agenda) -> int:
    return planning.start_session(store, programme.id, small_agenda)


def add(store: Store, session_id: int, line: str, minute: int):
    at = datetime(2026, 11, 25, 10, minute, tzinfo=UTC)
    return notes.add_note(store, session_id, 0, line, "deal", today=TODAY, now=at)


def found(store: Store, programme_id: int, query: str) -> list[str]:
    return [hit.text for hit in search_notes(store, programme_id, query)]


@pytest.mark.parametrize(
    ("note", "query"),
    [
        ("Café culture at Siobhán's practice", "SIOBHAN cafe"),
        ("Siobha\u0301n wrote it, accents typed apart", "siobhán"),
        ("We co\u00adordinate the rota", "coordinate"),
        ("The Straße clinic", "strasse"),
        ("The \ufb01nance group", "finance"),
        ("Zero\u200bwidth joined", "zerowidth"),
        ("Ysbyty Gwynedd: Dŵr a Chŷn", "dwr chyn"),
    ],
)
def test_notes_are_found_without_case_or_accents(
    store: Store, programme, session_id: int, search_mode: str, note: str, query: str
) -> None:
    add(store, session_id, note, 1)
    add(store, session_id, "something else entirely", 2)
    assert found(store, programme.id, query) == [note]


def test_actions_are_found_by_their_owner_and_member(
    store: Store, programme, session_id: int, search_mode: str
) -> None:
    add(store, session_id, "a: draft the hosting paper @siob by end of January", 1)
    add(store, session_id, "a: book the room @Priya Shah", 2)
    add(store, session_id, "a: send the list to ade.okafor@nhs.net tomorrow", 3)
    add(store, session_id, "hosting is on everyone's mind", 4)
    assert found(store, programme.id, "siobhan") == ["draft the hosting paper"]
    assert found(store, programme.id, "o'neill hosting") == ["draft the hosting paper"]
    assert found(store, programme.id, "hosting") == [
        "hosting is on everyone's mind",
        "draft the hosting paper",
    ]
    assert found(store, programme.id, "priya") == ["book the room"]
    assert found(store, programme.id, "okafor") == ["send the list to ade.okafor@nhs.net"]
    assert found(store, programme.id, "siobhan room") == []
