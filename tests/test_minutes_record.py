"""A session's minutes are the record of its meeting: written again after later sessions
have changed its actions, they say what stood when it finished, byte for byte."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from types import SimpleNamespace

import pytest

from sessions.exchange.format import VERSION
from sessions.exchange.parse import read_document
from sessions.services import notes, planning, running
from sessions.services.actions import list_actions, set_action_status, update_action
from sessions.services.exchange import export_programme, import_programme
from sessions.services.matters_arising import review_action, review_entries
from sessions.services.minutes import render_minutes
from sessions.services.programmes import create_programme
from sessions.store import Store

pytestmark = pytest.mark.usefixtures("utc_local_time")


def _word_text(data: bytes) -> list[str]:
    """Every paragraph and table cell of a Word file, in order."""
    from docx import Document

    document = Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return [p.text for p in document.paragraphs] + cells


def _all_formats(store, session_id: int) -> tuple[bytes, bytes, list[str]]:
    return (
        render_minutes(store, session_id, "md"),
        render_minutes(store, session_id, "html"),
        _word_text(render_minutes(store, session_id, "docx")),
    )


def _on(clock, day: date) -> datetime:
    clock.current = clock.current.replace(year=day.year, month=day.month, day=day.day)
    return clock()


@pytest.fixture
def three_sessions(store, small_agenda, clock) -> SimpleNamespace:
    """Session 1 raises four actions; session 2, a day late, changes each of them; session 3,
    two days after its planned day, closes them. Each session's minutes as first written."""
    programme = create_programme(store, "Record programme", "Harbour PCN")
    first = planning.start_session(store, programme.id, small_agenda, facilitator="Morgan Lee")
    running.toggle_clock(store, first, clock())
    for line in (
        "a: send the data sharing agreement @Sam 2026-12-01",
        "a: book the community room @Dr Patel 2026-12-03",
        "a: ask the trust about beds @Jo 2026-12-05",
        "a: write to the LMC @Ana 2026-12-07",
    ):
        notes.add_note(store, first, 1, line, "deal", now=clock.advance(30))
    running.finish_session(store, first, clock.advance(1800))
    # The next meeting is agreed as the session closes: the 14th.
    second = planning.start_session(
        store, programme.id, small_agenda, planned_for=date(2026, 12, 14)
    )
    first_written = _all_formats(store, first)
    text = first_written[0].decode("utf-8")
    assert "| 1.1 | send the data sharing agreement | Sam |" in text
    assert "**Next session:** Monday 14 December 2026" in text

    # Session 2 meets a day late, and changes every action session 1 raised.
    running.toggle_clock(store, second, _on(clock, date(2026, 12, 15)))
    by_text = {e.text: e.action_id for e in review_entries(store, second, date(2026, 12, 15))}
    review_action(store, second, by_text["send the data sharing agreement"], "done", now=clock())
    review_action(
        store,
        second,
        by_text["book the community room"],
        "kept",
        new_due=date(2027, 1, 8),
        now=clock.advance(60),
    )
    review_action(store, second, by_text["ask the trust about beds"], "dropped", now=clock())
    update_action(
        store,
        by_text["write to the LMC"],
        text="write to the LMC and the LPC",
        owner="Ana Silva",
        due=date(2027, 1, 12),
        now=clock.advance(60),
    )
    review_action(store, second, by_text["write to the LMC"], "at risk", now=clock.advance(60))
    notes.add_note(
        store, second, 1, "a: draft the hosting paper @Ade 2027-01-10", "deal", now=clock()
    )
    running.finish_session(store, second, clock.advance(1800))
    third = planning.start_session(store, programme.id, small_agenda, planned_for=date(2027, 1, 11))
    second_written = _all_formats(store, second)

    # Session 3 is held two days after its planned day, and reviews again.
    running.toggle_clock(store, third, _on(clock, date(2027, 1, 13)))
    for entry in review_entries(store, third, date(2027, 1, 13)):
        review_action(store, third, entry.action_id, "done", now=clock.advance(60))
    set_action_status(store, list_actions(store, programme.id)[0].id, "open", now=clock())
    running.finish_session(store, third, clock.advance(1800))
    return SimpleNamespace(
        programme=programme,
        sessions=(first, second, third),
        written=(first_written, second_written),
    )


def test_minutes_written_again_after_later_sessions_are_the_same(store, three_sessions) -> None:
    first, second, third = three_sessions.sessions
    first_written, second_written = three_sessions.written
    assert _all_formats(store, first) == first_written
    assert _all_formats(store, second) == second_written
    # What the later sessions did shows in their own minutes, and on the actions list.
    second_text = second_written[0].decode("utf-8")
    assert (
        "| 1.4 | write to the LMC and the LPC | Ana Silva | Session 1, What can we only do together? "
        "| Monday 7 December 2026 | Tuesday 12 January 2027 | At risk "
        "| Session 2 review: kept open, at risk (Tuesday 15 December 2026) |"
    ) in second_text
    assert "| write to the LMC and the LPC | Ana Silva | 1 | kept open, at risk |" in second_text
    assert "| 1.3 | ask the trust about beds | Jo |" in second_text
    assert "| Dropped | Session 2 review: dropped (Tuesday 15 December 2026) |" in second_text
    assert "**Next session:** Monday 11 January 2027" in second_text
    third_text = render_minutes(store, third, "md").decode("utf-8")
    assert "| 2.1 | draft the hosting paper | Ade |" in third_text


def test_a_change_after_the_finish_shows_later_and_not_in_that_session(
    store, small_agenda, clock
) -> None:
    programme = create_programme(store, "Later programme")
    first = planning.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, first, clock())
    notes.add_note(store, first, 1, "a: send the draft @Sam 2026-12-01", "deal", now=clock())
    running.finish_session(store, first, clock.advance(600))
    before = render_minutes(store, first, "md")
    (action,) = list_actions(store, programme.id)
    update_action(
        store, action.id, text="send the final draft", owner="Sam", due=None, now=clock.advance(60)
    )
    set_action_status(store, action.id, "at risk", now=clock.advance(60))
    assert render_minutes(store, first, "md") == before
    (after,) = list_actions(store, programme.id, today=date(2026, 11, 24))
    assert (after.text, after.due, after.due_as_raised, after.status, after.rag) == (
        "send the final draft",
        None,
        date(2026, 12, 1),
        "at risk",
        "at risk",
    )
    assert after.number == "1.1"
    assert after.update == "Marked at risk"
    # The next session's review starts from the action as it stands now.
    second = planning.start_session(store, programme.id, small_agenda)
    (entry,) = review_entries(store, second, date(2026, 11, 24))
    assert (entry.text, entry.due) == ("send the final draft", None)


def _session_ids(store, slug: str) -> list[int]:
    return [running.resolve_session_ref(store, f"{slug}/{number}") for number in (1, 2, 3)]


def test_the_history_travels_in_the_export(store, three_sessions, tmp_path) -> None:
    slug = three_sessions.programme.slug
    _, exported = export_programme(store, slug)
    data = json.loads(exported)
    changed = [
        (c["field"], c["session"])
        for session in data["sessions"]
        for note in session["notes"]
        if note["action"]
        for c in note["action"]["changes"]
    ]
    assert ("text", None) in changed and ("status", 2) in changed and ("status", 3) in changed
    other = Store.open(tmp_path / "other.db")
    try:
        imported = import_programme(other, read_document(exported, "the file"))
        here, there = _session_ids(store, slug), _session_ids(other, imported.slug)
        for source, target in zip(here, there, strict=True):
            assert _all_formats(other, target) == _all_formats(store, source)
        assert _all_formats(other, there[0]) == three_sessions.written[0]
        assert export_programme(other, imported.slug)[1] == exported
    finally:
        other.close()


def test_a_version_4_file_imports_with_no_history(store, three_sessions, tmp_path) -> None:
    data = json.loads(export_programme(store, three_sessions.programme.slug)[1])
    data["version"] = 4
    for session in data["sessions"]:
        for note in session["notes"]:
            if note["action"]:
                del note["action"]["changes"]
    other = Store.open(tmp_path / "other.db")
    try:
        imported = import_programme(other, read_document(json.dumps(data), "old.json"))
        again = json.loads(export_programme(other, imported.slug)[1])
        assert again["version"] == VERSION
        assert not any(
            note["action"]["changes"]
            for session in again["sessions"]
            for note in session["notes"]
            if note["action"]
        )
        # Without the history, the first session's log shows its actions as they stand.
        first = _session_ids(other, imported.slug)[0]
        text = render_minutes(other, first, "md").decode("utf-8")
        assert "| 1.1 | send the data sharing agreement | Sam |" in text
        assert "| Done |" in text
    finally:
        other.close()
