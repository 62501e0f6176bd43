"""The deal and the relationship are counted once: meter, minutes, dashboard and report agree."""

from __future__ import annotations

from datetime import date

from sessions.agenda.model import Agenda, AgendaItem, Section
from sessions.services import notes, planning, running
from sessions.services.balance import balance
from sessions.services.dashboard import programme_dashboard
from sessions.services.minutes import session_minutes
from sessions.services.note_editing import delete_note
from sessions.services.programmes import create_programme
from sessions.services.report import programme_report
from sessions.views import NoteBalance
from sessions.vocabulary import NoteKind

TODAY = date(2026, 11, 23)

TWO_STEPS = Agenda(
    title="Two steps",
    sections=(
        Section("Welcome", None, (AgendaItem("Introductions", 600),)),
        Section("Step 1: Set-up right", 1, (AgendaItem("1a", 600), AgendaItem("1b", 600))),
        Section("Step 2: Trusted people", 2, (AgendaItem("2a", 600),)),
        Section("Close", None, (AgendaItem("Next time", 300),)),
    ),
)

# (position, line, kind between deal and relationship) for each session: deal and
# relationship in steps and outside them, other kinds, and a note deleted after.
LINES = (
    (
        (0, "a welcome deal", NoteKind.DEAL),
        (1, "one deal", NoteKind.DEAL),
        (1, "one relationship", NoteKind.RELATIONSHIP),
        (2, "rel: another relationship", NoteKind.DEAL),
        (2, "d: a decision is neither", NoteKind.DEAL),
        (3, "two deal", NoteKind.DEAL),
        (3, "a: an action is neither @Sam", NoteKind.RELATIONSHIP),
        (4, "closing relationship", NoteKind.RELATIONSHIP),
    ),
    (
        # Position 0 is now matters arising: session 1 raised an action.
        (2, "deal: a deal while on relationship", NoteKind.RELATIONSHIP),
        (4, "q: a question is neither", NoteKind.DEAL),
    ),
    (),
)


def test_the_meter_the_minutes_the_dashboard_and_the_report_agree(store) -> None:
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    sessions = []
    for lines in LINES:
        session_id = planning.start_session(store, programme.id, TWO_STEPS)
        for position, line, kind in lines:
            notes.add_note(store, session_id, position, line, kind, today=TODAY)
        sessions.append(session_id)
    gone = notes.add_note(store, sessions[0], 3, "deleted deal", NoteKind.DEAL, today=TODAY)
    delete_note(store, gone.id)

    summaries = programme_dashboard(store, programme.id, TODAY).sessions
    report = programme_report(store, "harbour-programme").sessions
    for session_id, summary, reported in zip(sessions, summaries, report, strict=True):
        dashboard = (summary.deal_notes, summary.relationship_notes)
        assert (reported.balance.deal, reported.balance.relationship) == dashboard
        minutes = {
            row.label: (row.deal, row.relationship)
            for row in session_minutes(store, session_id).balance
        }
        assert minutes.get("Whole session", (0, 0)) == dashboard
        # A later session opens with matters arising, so its items are looked up, not assumed.
        for item in running.get_session(store, session_id).items:
            meter = balance(store, session_id, item.position)
            assert (meter.session_deal, meter.session_relationship) == dashboard
            if item.step is not None:
                in_step = (meter.step_deal, meter.step_relationship)
                assert minutes.get(item.step_label, (0, 0)) == in_step

    # And the figures are the ones the room gave.
    assert [(s.deal_notes, s.relationship_notes) for s in summaries] == [(3, 3), (1, 0), (0, 0)]
    assert programme_report(store, "harbour-programme").balance_rows[-1] == (
        "Whole programme",
        4,
        3,
    )
    assert session_minutes(store, sessions[1]).balance[0].label == "Step 1: Set-up right"
    minutes = session_minutes(store, sessions[0]).balance
    assert [(row.label, row.deal, row.relationship) for row in minutes] == [
        ("Step 1: Set-up right", 1, 2),
        ("Step 2: Trusted people", 1, 0),
        # The welcome and the close, named, so the rows add up to the whole session.
        ("Outside the steps: Welcome, Close", 1, 1),
        ("Whole session", 3, 3),
    ]
    assert balance(store, sessions[0], 0).step_deal == 1  # the welcome, counted by section
    assert balance(store, sessions[0], 4).step_relationship == 1  # the close


def test_a_side_lags_under_a_third_once_there_are_three_notes() -> None:
    assert NoteBalance(2, 0).lagging is None
    assert NoteBalance(3, 0).lagging == NoteKind.RELATIONSHIP
    assert NoteBalance(1, 3).lagging == NoteKind.DEAL
    assert NoteBalance(1, 2).lagging is None
    assert NoteBalance(1, 2) + NoteBalance(3, 4) == NoteBalance(4, 6)
    assert NoteBalance(4, 6).total == 10


def test_the_nudge_fits_a_120_column_session_screen() -> None:
    """The meter's whole line, nudge and all, within 120 columns less the bar's padding, for
    the longest step label and counts a long session reaches."""
    from facilitator.widgets.capture_bar import balance_text
    from sessions.views import BalanceMeter

    for step_deal, step_rel in ((99, 9), (9, 99)):
        meter = BalanceMeter("Step 4", step_deal, step_rel, 999, 999)
        assert meter.lagging is not None
        line = balance_text(meter).plain
        assert len(line) <= 118, line
        assert line.endswith(("what will we achieve?", "how are we working?"))


def test_each_session_is_counted_as_the_grouped_count_counts_it(store) -> None:
    from sqlalchemy import select

    from sessions.domain.balance import note_balances, session_balances
    from sessions.models import Note, Session

    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    sessions = []
    for lines in LINES:
        session_id = planning.start_session(store, programme.id, TWO_STEPS)
        for position, line, kind in lines:
            notes.add_note(store, session_id, position, line, kind, today=TODAY)
        sessions.append(session_id)
    gone = notes.add_note(store, sessions[1], 3, "deleted deal", NoteKind.DEAL, today=TODAY)
    delete_note(store, gone.id)

    in_programme = select(Session.id).where(Session.programme_id == programme.id)
    with store.reading() as db:
        grouped = note_balances(db, in_programme, Note.session_id)
        counted = session_balances(db, in_programme)
    # Every session is listed, the one without notes too.
    assert sorted(counted) == sorted(sessions)
    assert [counted[s] for s in sessions] == [grouped.get((s,), NoteBalance()) for s in sessions]
    assert [(counted[s].deal, counted[s].relationship) for s in sessions] == [
        (3, 3),
        (1, 0),
        (0, 0),
    ]
