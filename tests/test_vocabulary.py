"""The method's words are stored, and read back, as the plain words they stand for."""

from __future__ import annotations

from enum import StrEnum

import pytest
from sqlalchemy import select, text

from sessions.agenda.model import Agenda, AgendaItem, Section
from sessions.models import Action, Note
from sessions.models import AgendaItem as StoredItem
from sessions.services import notes, planning, running
from sessions.services.programmes import create_programme
from sessions.vocabulary import (
    AGENDA_KINDS,
    CAPTURE_KINDS,
    ActionStatus,
    AttendanceStatus,
    ItemKind,
    NoteKind,
    OrganisationKind,
    ReviewOutcome,
    SessionState,
    TimerEventKind,
)

WORDS: tuple[type[StrEnum], ...] = (
    ItemKind,
    NoteKind,
    ActionStatus,
    ReviewOutcome,
    OrganisationKind,
    AttendanceStatus,
    TimerEventKind,
    SessionState,
)


@pytest.mark.parametrize("words", WORDS, ids=lambda words: words.__name__)
def test_each_word_is_its_own_text(words: type[StrEnum]) -> None:
    for word in words:
        assert word == word.value
        assert f"{word}" == str(word) == word.value


def test_an_agenda_names_every_kind_but_the_standing_items() -> None:
    assert set(AGENDA_KINDS) == set(ItemKind) - {
        ItemKind.MATTERS_ARISING,
        ItemKind.MINUTES_APPROVAL,
    }
    assert CAPTURE_KINDS == ("deal", "relationship")


def test_words_are_stored_as_plain_text(store) -> None:
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    agenda = Agenda(
        "Plain words",
        sections=(Section("Welcome", None, (AgendaItem("Break", 600, ItemKind.BREAK),)),),
    )
    session_id = planning.start_session(store, programme.id, agenda)
    running.toggle_clock(store, session_id)
    notes.add_note(store, session_id, 0, "a: book the room @Sam", NoteKind.DEAL)

    with store.reading() as db:
        stored = db.execute(
            select(StoredItem.kind, Note.kind, Action.status)
            .join(Note, Note.agenda_item_id == StoredItem.id)
            .join(Action, Action.note_id == Note.id)
        ).one()
        assert tuple(stored) == ("break", "action", "open")
        assert all(type(value) is str for value in stored)
        # Straight from the table, past any of the ORM's conversions.
        raw = db.execute(text("SELECT kind FROM timer_event")).scalars().all()
        assert raw == ["start"]
        assert all(type(value) is str for value in raw)
