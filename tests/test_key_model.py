"""One key model at every item: what is typed goes to the note line, and only there.

A facilitator arrives at each item as the app brings them there and types a
sentence that holds every activity key (letters, digits, space, brackets, plus
and minus) and Enter: it must become exactly one note, and no vote, rating,
role mark, answer or review may change.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input

from sessions.agenda.library import find_agenda, list_agendas
from sessions.services import notes, running
from sessions.services.checklist import checklist_results
from sessions.services.matters_arising import review_entries
from sessions.services.minutes_approval import approval_entries
from sessions.services.rag import rag_results
from sessions.services.reflection import reflections
from sessions.services.roles import roles_board
from sessions.services.scorecard import scorecard_results
from sessions.vocabulary import ItemKind
from tests.pilot import second_session, type_text

SENTENCE = "Ade said 1 2 3 4 5 6 7 8 9 0: d k x a n v m p c e q y + - [ ] we all agree"
"""Every key any activity panel or note list answers to, in one line a person might type."""

READS = {
    ItemKind.CHECKLIST: lambda store, sid, at: checklist_results(store, sid, at),
    ItemKind.SCORECARD: lambda store, sid, at: scorecard_results(store, sid, at),
    ItemKind.ROLES: lambda store, sid, at: roles_board(store, sid, at),
    ItemKind.REFLECTION: lambda store, sid, at: reflections(store, sid, at),
    ItemKind.RAG: lambda store, sid, at: rag_results(store, sid, at),
    ItemKind.MATTERS_ARISING: lambda store, sid, _at: review_entries(store, sid),
    ItemKind.MINUTES_APPROVAL: lambda store, sid, _at: approval_entries(store, sid),
}
"""How each activity's results read, to prove typing changed none of them."""


def results(store, session_id: int) -> list[object]:
    items = running.get_session(store, session_id).items
    return [
        READS[item.kind](store, session_id, item.position) for item in items if item.kind in READS
    ]


WALKED = ("pcn-kickoff-90", "pcn-partnership-4-step", "pcn-foundations-150")
"""The agendas walked item by item: between them every kind an agenda may hold. Each walk runs
the whole app for minutes, so the library's other agendas are covered by kind, below."""


def test_every_kind_in_the_bundled_agendas_is_walked_here() -> None:
    walked = {item.kind for name in WALKED for item in find_agenda(f"bundled:{name}").items}
    bundled = [summary.name for summary in list_agendas() if summary.bundled]
    assert set(WALKED) <= set(bundled)
    for name in bundled:
        assert {item.kind for item in find_agenda(f"bundled:{name}").items} <= walked, name


@pytest.mark.parametrize("agenda", WALKED)
async def test_a_sentence_at_every_item_becomes_one_note_and_changes_nothing(
    agenda, db_path, clock, make_facilitator_app
) -> None:
    sid = second_session(db_path, clock, agenda)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        before = results(app.store, sid)
        items = screen.opened.items
        assert {ItemKind.MINUTES_APPROVAL, ItemKind.MATTERS_ARISING} <= {
            item.kind for item in items
        }
        for item in items:
            assert screen.state.position == item.position
            await type_text(pilot, SENTENCE)
            await pilot.press("enter")
            await pilot.pause()
            assert screen.query_one("#note", Input).value == "", item.kind
            await pilot.press("ctrl+n")
            await pilot.pause()
        for item in items:
            saved = [(n.kind, n.text) for n in notes.list_notes(app.store, sid, item.position)]
            assert saved == [("deal", SENTENCE)], item.kind
        assert results(app.store, sid) == before
