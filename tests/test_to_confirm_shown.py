"""A session whose day a plan counted, not yet agreed, says so beside its day: on the home
screen's list of sessions to start and in the dashboard's sessions table."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList

from facilitator.screens.dashboard import DashboardScreen
from sessions.plan.library import find_plan
from sessions.services.plans import confirm_session_day, programme_from_plan
from sessions.store import Store

pytestmark = pytest.mark.usefixtures("utc_local_time")

START = date(2027, 1, 11)


@pytest.fixture
def laid(db_path: Path) -> None:
    """North PCN from the bundled plan, its first session's day confirmed."""
    store = Store.open(db_path)
    programme_from_plan(store, "North PCN", find_plan("pcn-development"), START)
    confirm_session_day(store, "north-pcn/1", today=START)
    store.close()


async def test_home_and_the_dashboard_say_which_days_are_to_confirm(
    clock, laid, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        listed = app.screen.query_one("#unfinished", OptionList)
        labels = {
            str(listed.get_option_at_index(i).prompt).split(" · ")[0]: str(
                listed.get_option_at_index(i).prompt
            )
            for i in range(listed.option_count)
        }
        assert "planned for Mon 11 Jan 2027 · not started" in labels["North PCN / session 1"]
        assert (
            "planned for Mon 8 Feb 2027 (to confirm) · not started"
            in labels["North PCN / session 2"]
        )
        await pilot.press("enter")
        await pilot.pause()
        dashboard = app.screen
        assert isinstance(dashboard, DashboardScreen)
        table = dashboard.query_one("#sessions", DataTable)
        assert [str(table.get_row_at(row)[1]) for row in range(2)] == [
            "2027-01-11",
            "2027-02-08 (to confirm)",
        ]
        assert table.ordered_columns[1].width >= len("2027-02-08 (to confirm)")


async def test_a_planned_programme_opens_on_its_next_session_and_its_papers_follow_the_row(
    clock, laid, make_facilitator_app, isolated_home
) -> None:
    """Every session of a plan waits to meet: the dashboard highlights the next one, not the
    last, and `p` writes the papers of the row highlighted, saying a day still to confirm."""
    from facilitator.screens.dashboard import DashboardScreen as Dashboard
    from sessions.paths import minutes_dir

    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        dashboard = app.screen
        assert isinstance(dashboard, Dashboard)
        summary = dashboard.highlighted_session()
        assert summary is not None and summary.number == 1
        await pilot.press("down", "p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = sorted(path.name for path in minutes_dir().glob("*papers*"))
        assert written == [f"north-pcn-session-2-papers.{ext}" for ext in ("docx", "html", "md")]
        text = (minutes_dir() / "north-pcn-session-2-papers.md").read_text(encoding="utf-8")
        assert "Monday 8 February 2027 (to be confirmed)" in text


def test_home_lists_a_plans_sessions_soonest_first_after_one_under_way(
    store, clock, small_agenda
) -> None:
    """A plan sets up all its sessions at once: home offers the first to meet first, not
    the last made, while a session under way elsewhere stays at the top to be resumed."""
    from sessions.services import planning, running
    from sessions.services.programmes import create_programme

    programme_from_plan(store, "North PCN", find_plan("pcn-development"), START)
    other = create_programme(store, "South PCN", "South")
    under_way = planning.start_session(store, other.id, small_agenda)
    running.toggle_clock(store, under_way, clock())
    order = [(w.programme_name, w.number) for w in running.list_unfinished(store)]
    assert order == [("South PCN", 1), *(("North PCN", n) for n in range(1, 7))]


def test_the_dashboards_next_line_says_a_day_still_to_confirm(store, laid_store) -> None:
    """Where the plan's line does not stand for it, the "Next" line names the waiting
    session's day, and says so when that day is only the plan's guide."""
    from dataclasses import replace

    from facilitator.screens.dashboard_text import next_text
    from sessions.services.dashboard import programme_dashboard

    view = replace(programme_dashboard(store, laid_store, START), plan=None)
    assert "session 1 is planned for Mon 11 Jan 2027 (to confirm), not started" in str(
        next_text(view)
    )
    confirm_session_day(store, "north-pcn/1", today=START)
    view = replace(programme_dashboard(store, laid_store, START), plan=None)
    line = str(next_text(view))
    assert "session 1 is planned for Mon 11 Jan 2027, not started" in line
    assert "(to confirm)" not in line


@pytest.fixture
def laid_store(store: Store) -> int:
    """North PCN from the bundled plan, no day yet confirmed: the programme's id."""
    return programme_from_plan(store, "North PCN", find_plan("pcn-development"), START).programme.id


async def test_a_laptops_dashboard_shortens_to_confirm_to_leave_the_agenda_room(
    clock, laid, make_facilitator_app
) -> None:
    """At 80 columns "(to confirm)" would leave the agenda a few letters: it reads "TBC"."""
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        table = app.screen.query_one("#sessions", DataTable)
        assert [str(table.get_row_at(row)[1]) for row in range(2)] == [
            "2027-01-11",
            "2027-02-08 TBC",
        ]
        assert str(table.ordered_columns[-1].label) == "Agenda"
        assert table.ordered_columns[-1].width >= 15
