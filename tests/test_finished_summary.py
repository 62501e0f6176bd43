"""A finished session is summed up once, as it finishes, and the dashboard reads that summary:
the figures must be the ones the session's log, agenda and notes give, however they came."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import Row, delete, event, select

from sessions.domain.summaries import live_facts, programme_facts, with_summaries
from sessions.exchange.parse import read_document
from sessions.models import FinishedSummary, Session
from sessions.services import notes, planning, running
from sessions.services.dashboard import programme_dashboard
from sessions.services.exchange import export_programme, import_programme
from sessions.services.programmes import create_programme, find_programme
from sessions.store import Store
from tests.rich_session import rich_programme
from tests.schema_at import schema_back_to

TODAY = date(2026, 12, 1)


def kept(store: Store) -> dict[int, Row]:
    with store.reading() as db:
        return {row.session_id: row for row in db.execute(select(*FinishedSummary.__table__.c))}


def forget_summaries(store: Store) -> None:
    with store.transaction() as db:
        db.execute(delete(FinishedSummary))


def finished_ids(store: Store, programme_id: int) -> set[int]:
    with store.reading() as db:
        return set(
            db.scalars(
                select(Session.id).where(
                    Session.programme_id == programme_id, Session.finished_at.is_not(None)
                )
            )
        )


def test_a_session_is_summed_up_as_it_finishes(store, small_agenda, clock) -> None:
    programme = create_programme(store, "Harbour programme")
    sid = planning.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, sid, clock())
    notes.add_note(store, sid, 0, "One front door", "deal", now=clock.advance(30))
    running.move(store, sid, +1, clock.advance(90))
    notes.add_note(store, sid, 1, "The trust listened", "relationship", now=clock.advance(30))
    assert kept(store) == {}  # nothing is kept while the session can still change

    running.finish_session(store, sid, clock.advance(30))

    summary = kept(store)[sid]
    assert (summary.deal_notes, summary.relationship_notes) == (1, 1)
    assert summary.run_seconds == 180
    with store.reading() as db:
        live = live_facts(db, select(Session.id).where(Session.id == sid))[sid]
    assert summary.held_at == live.held_at
    assert summary.planned_seconds == live.planned_seconds == small_agenda.planned_seconds
    assert tuple(summary.steps_covered) == live.steps_covered
    assert summary.stopped_in_step == live.stopped_in_step


def test_the_dashboard_says_the_same_with_summaries_kept_or_not(store, clock) -> None:
    rich = rich_programme(store, clock)
    programme = find_programme(store, rich.slug)
    assert set(kept(store)) == finished_ids(store, programme.id) == {rich.first, rich.session}

    with_summaries = programme_dashboard(store, programme.id, TODAY)
    forget_summaries(store)
    live = programme_dashboard(store, programme.id, TODAY)

    assert with_summaries == live
    assert [s.state for s in live.sessions] == ["finished", "finished", "planned"]
    assert live.sessions[1].steps_worked  # the figures compared are not all empty
    assert live.actual_seconds > 0 and live.note_trend[1][1:] != (0, 0)


def test_a_programme_of_finished_sessions_opens_without_reading_a_clock(
    store, small_agenda, clock
) -> None:
    programme = create_programme(store, "Harbour programme")
    for _ in range(3):
        sid = planning.start_session(store, programme.id, small_agenda)
        running.toggle_clock(store, sid, clock())
        notes.add_note(store, sid, 1, "a joint bid", "deal", now=clock.advance(60))
        running.finish_session(store, sid, clock.advance(60))
    statements: list[str] = []

    def seen(*args) -> None:
        statements.append(args[2])

    def read() -> None:
        statements.clear()
        event.listen(store.engine, "before_cursor_execute", seen)
        try:
            programme_dashboard(store, programme.id, TODAY)
        finally:
            event.remove(store.engine, "before_cursor_execute", seen)

    def reading(table: str) -> list[str]:
        return [s for s in statements if table in s]

    read()
    assert reading("timer_event") == reading("agenda_item.planned_seconds") == []
    forget_summaries(store)
    read()  # with no summary kept, each session is read from its log and agenda again
    assert reading("timer_event") and reading("agenda_item.planned_seconds")


def test_a_missing_summary_is_summed_up_live_and_alongside_the_kept_ones(store, clock) -> None:
    rich = rich_programme(store, clock)
    programme = find_programme(store, rich.slug)
    every = programme_dashboard(store, programme.id, TODAY)
    with store.transaction() as db:
        db.execute(delete(FinishedSummary).where(FinishedSummary.session_id == rich.first))
        rows = db.execute(
            with_summaries(
                select(Session.id, Session.created_at, Session.finished_at).where(
                    Session.programme_id == programme.id
                )
            )
        ).all()
        facts = programme_facts(db, programme.id, rows)
    assert set(facts) == {s.id for s in every.sessions}
    assert programme_dashboard(store, programme.id, TODAY) == every


def test_an_imported_programme_has_its_finished_sessions_summed_up(store, clock) -> None:
    rich = rich_programme(store, clock)
    source = find_programme(store, rich.slug)
    _, text = export_programme(store, rich.slug)

    imported = import_programme(store, read_document(text, "the file"), "Harbour again")

    copy = find_programme(store, imported.slug)
    finished = finished_ids(store, copy.id)
    assert len(finished) == 2 and finished <= set(kept(store))
    original = programme_dashboard(store, source.id, TODAY)
    again = programme_dashboard(store, copy.id, TODAY)
    assert [(s.number, s.actual_seconds, s.steps_worked, s.deal_notes) for s in again.sessions] == [
        (s.number, s.actual_seconds, s.steps_worked, s.deal_notes) for s in original.sessions
    ]
    assert again.suggestion == original.suggestion


def test_sessions_finished_before_the_upgrade_are_summed_up_by_it(db_path: Path, clock) -> None:
    store = Store.open(db_path)
    rich = rich_programme(store, clock)
    programme = find_programme(store, rich.slug)
    before = programme_dashboard(store, programme.id, TODAY)
    summaries = kept(store)
    store.close()
    schema_back_to(db_path, "0033")

    store = Store.open(db_path)
    try:
        again = kept(store)
        assert set(again) == set(summaries) == {rich.first, rich.session}
        for session_id, summary in summaries.items():
            assert again[session_id].run_seconds == summary.run_seconds
            assert again[session_id].steps_covered == summary.steps_covered
            assert again[session_id].held_at == summary.held_at
        assert programme_dashboard(store, programme.id, TODAY) == before
    finally:
        store.close()
