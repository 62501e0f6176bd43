"""A programme remembers the plan it was made from: the dashboard line, confirming a day, export."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from facilitator.cli import main
from facilitator.screens.dashboard_plan import plan_is_next, plan_text
from facilitator.screens.next_session import suggestion_text
from sessions.exchange.format import VERSION
from sessions.exchange.parse import read_document
from sessions.paths import user_plans_dir
from sessions.plan.library import find_plan
from sessions.services import notes, running
from sessions.services.calendar import cancel_session
from sessions.services.dashboard import programme_dashboard
from sessions.services.exchange import export_programme, import_programme
from sessions.services.matters_arising import review_action, review_entries
from sessions.services.planning import outlook, review_seconds
from sessions.services.plans import confirm_session_day, programme_from_plan
from sessions.services.programmes import find_programme
from sessions.services.suggestion import StepSuggestion
from sessions.store import Store
from sessions.vocabulary import ItemKind

START = date(2027, 1, 11)


def _line(store: Store, programme_id: int) -> str:
    line = plan_text(programme_dashboard(store, programme_id, START))
    assert line is not None
    return line.plain


def test_the_line_reads_the_store_when_the_plan_file_changes_and_goes(store) -> None:
    user_plans_dir().mkdir(parents=True)
    path = user_plans_dir() / "ours.md"
    path.write_text(
        "# Our year\n\n## Start\n- Agenda: pcn-kickoff-90\n\n"
        "## Building our teams\n- Agenda: pcn-teams-120\n- After: 4 weeks\n",
        encoding="utf-8",
    )
    laid = programme_from_plan(store, "North PCN", find_plan("ours"), START)
    path.write_text("# Renamed\n\n## Only\n- Agenda: pcn-kickoff-90\n", encoding="utf-8")
    running.toggle_clock(store, laid.sessions[0][0], None)
    path.unlink()
    assert _line(store, laid.programme.id) == (
        "Plan: Our year · session 2 of 2 · next: Building our teams, 8 Feb 2027 (to confirm)"
        "  s: open it"
    )


def test_a_day_is_confirmed_when_kept_or_set_and_not_once_the_session_started(
    store, db_path, capsys
) -> None:
    laid = programme_from_plan(store, "North PCN", find_plan("pcn-development"), START)
    programme = laid.programme.id
    assert confirm_session_day(store, "north-pcn/1") == START
    assert _line(store, programme).endswith("next: Kick-off, 11 Jan 2027  s: open it")
    assert confirm_session_day(store, "North PCN/1", date(2027, 1, 18)) == date(2027, 1, 18)
    assert "next: Kick-off, 18 Jan 2027  s: open it" in _line(store, programme)

    running.toggle_clock(store, laid.sessions[0][0], None)
    assert main(["--db", str(db_path), "programme", "confirm", "north-pcn/1"]) == 2
    assert "has started" in capsys.readouterr().err
    argv = ["programme", "confirm", "north-pcn/2", "--on", "2027-02-09"]
    assert main(["--db", str(db_path), *argv]) == 0
    assert capsys.readouterr().out == "Session north-pcn/2 meets on Tue 9 Feb 2027, confirmed.\n"
    assert "session 2 of 6 · next: Working through the four steps, 9 Feb 2027  s" in _line(
        store, programme
    )


def test_the_plan_line_stands_for_the_next_line_only_for_the_session_waiting(store) -> None:
    laid = programme_from_plan(store, "North PCN", find_plan("pcn-development"), START)
    for session_id, _ in laid.sessions:
        running.toggle_clock(store, session_id, None)
    view = programme_dashboard(store, laid.programme.id, START)
    assert not plan_is_next(view)
    assert _line(store, laid.programme.id) == (
        "Plan: PCN development programme · all 6 planned sessions have met"
    )


def test_a_cancelled_session_of_the_plan_is_not_said_to_have_met(store) -> None:
    laid = programme_from_plan(store, "North PCN", find_plan("pcn-development"), START)
    (last, _), earlier = laid.sessions[-1], laid.sessions[:-1]
    for session_id, _ in earlier:
        running.toggle_clock(store, session_id, None)
    cancel_session(store, last, datetime(2027, 1, 1, tzinfo=UTC))
    assert _line(store, laid.programme.id) == (
        "Plan: PCN development programme · all 6 planned sessions have met or were cancelled"
    )


def test_export_carries_the_plan_and_an_older_file_follows_none(store) -> None:
    laid = programme_from_plan(store, "North PCN", find_plan("pcn-development"), START)
    confirm_session_day(store, "north-pcn/1")
    text = export_programme(store, laid.programme.slug)[1]
    data = json.loads(text)
    assert data["version"] == VERSION == 9
    assert (data["programme"]["plan_source"], data["programme"]["plan_title"]) == (
        "bundled:pcn-development",
        "PCN development programme",
    )
    assert [
        (s["plan_place"], s["planned_as"], s["date_to_confirm"]) for s in data["sessions"][:2]
    ] == [(1, "Kick-off", False), (2, "Working through the four steps", True)]

    again = import_programme(store, read_document(text, "new.json"), "South PCN")
    # A copy beside the first: the same sessions, as meetings of their own in calendars.
    calendar = {"calendar_uid", "calendar_sequence"}

    def without_calendar(sessions: list[dict]) -> list[dict]:
        return [{k: v for k, v in s.items() if k not in calendar} for s in sessions]

    copied = json.loads(export_programme(store, again.slug)[1])["sessions"]
    assert without_calendar(copied) == without_calendar(data["sessions"])

    data["version"] = 8
    del data["programme"]["plan_source"], data["programme"]["plan_title"]
    for session in data["sessions"]:
        del session["plan_place"], session["planned_as"], session["date_to_confirm"]
    import_programme(store, read_document(json.dumps(data), "old.json"), "West PCN")
    view = programme_dashboard(store, find_programme(store, "West PCN").id, START)
    assert view.plan is None and plan_text(view) is None


def test_a_session_set_up_ahead_gets_the_matters_arising_time_of_its_day(store) -> None:
    laid = programme_from_plan(store, "North PCN", find_plan("pcn-development"), START)
    first, second = laid.sessions[0][0], laid.sessions[1][0]
    running.toggle_clock(store, first, None)
    for number in range(6):
        notes.add_note(
            store, first, 0, f"a: follow up {number} @Sam 2027-03-01", "deal", today=START
        )

    def matters_arising() -> int:
        [item] = [
            i
            for i in running.get_session(store, second).items
            if i.kind == ItemKind.MATTERS_ARISING
        ]
        return item.planned_seconds

    assert matters_arising() == review_seconds(0)
    running.finish_session(store, first, None)
    # One reviewed before the clock starts is still gone through, so still timed.
    entry = review_entries(store, second, START)[0]
    review_action(store, second, entry.action_id, "done")
    running.toggle_clock(store, second, None)
    assert matters_arising() == review_seconds(6) == 12 * 60


def test_the_next_session_dialog_says_in_one_line_how_many_wait(store) -> None:
    laid = programme_from_plan(store, "North PCN", find_plan("pcn-development"), START)
    text = suggestion_text(StepSuggestion(1, "a new programme"), outlook(store, laid.programme.id))
    assert text.plain.splitlines()[1:] == [
        "6 sessions are already set up; the next, session 1, is planned for Mon 11 Jan 2027: "
        "Esc, then r on Home starts it."
    ]
