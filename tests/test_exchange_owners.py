"""An action's owner travels in the export as the member it was given to."""

from __future__ import annotations

import json

from sessions.exchange.parse import read_document
from sessions.services import notes, people, planning
from sessions.services.exchange import export_programme, import_programme
from sessions.services.programmes import create_programme


def _actions(text: str) -> list[dict]:
    document = json.loads(text)
    return [
        note["action"]
        for session in document["sessions"]
        for note in session["notes"]
        if note["action"] is not None
    ]


def test_the_member_who_owns_an_action_comes_back_on_import(store, small_agenda) -> None:
    programme = create_programme(store, "Harbour programme")
    people.add_member(store, programme.id, "Dr Asha Patel", "Harbour Surgery")
    sid = planning.start_session(store, programme.id, small_agenda)
    notes.add_note(store, sid, 0, "a: draft the agreement @Dr Patel", "deal")
    notes.add_note(store, sid, 0, "a: book the room @Visiting Guest", "deal")

    _slug, text = export_programme(store, programme.slug)
    assert [(a["owner"], a["owner_member"]) for a in _actions(text)] == [
        ("Dr Asha Patel", "Dr Asha Patel"),
        ("Visiting Guest", None),
    ]
    copy = import_programme(store, read_document(text, "the file"), "Copy")
    _slug, again = export_programme(store, copy.slug)
    assert _actions(again) == _actions(text)
