"""A planned session's time and place from the dashboard: the dialog, cancelling, the invite."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
import vobject
from textual.widgets import DataTable, Input

from facilitator.screens.confirm import ConfirmScreen
from facilitator.screens.dashboard import DashboardScreen
from facilitator.screens.plan_session import PlanSessionScreen
from sessions.paths import minutes_dir
from sessions.services import calendar, planning
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.pilot import static_text

pytestmark = pytest.mark.usefixtures("utc_local_time")


@pytest.fixture
def planned(db_path: Path, small_agenda) -> int:
    """Harbour with one session planned for 1 March 2027, no time or place yet."""
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    session_id = planning.start_session(
        store, programme.id, small_agenda, planned_for=date(2027, 3, 1)
    )
    store.close()
    return session_id


async def open_dialog(pilot) -> PlanSessionScreen:
    await pilot.press("enter")  # Harbour's dashboard
    await pilot.pause()
    assert isinstance(pilot.app.screen, DashboardScreen)
    await pilot.press("t")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, PlanSessionScreen)
    return dialog


def said(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_the_dialog_sets_start_and_place_and_i_writes_the_invite(
    clock, planned, make_facilitator_app, db_path
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        assert dialog.query_one("#date", Input).value == "2027-03-01"
        await pilot.press("tab", *"14:00", "tab", "tab", *"Room 2")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert "Session 1 re-planned" in said(app)[-1]
        meeting = calendar.meeting(app.store, planned)
        assert meeting.meeting == calendar.Meeting(
            date(2027, 3, 1), time(14), time(14, 45), "Room 2"
        )
        assert meeting.calendar_sequence == 1
        await pilot.press("i")
        await pilot.pause()
        written = minutes_dir() / "harbour-programme-session-1.ics"
        assert said(app)[-1] == (
            f"Session 1's calendar invitation is in {written}. An entry to copy into a "
            "calendar, naming no one: give --organiser with your own e-mail address to send "
            "it as a meeting request to the members who have one."
        )
        event = vobject.readOne(written.read_text(encoding="utf-8")).vevent
        assert (event.sequence.value, event.location.value) == ("1", "Room 2")


async def test_a_time_that_is_not_one_is_refused_in_the_dialog(
    clock, planned, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        await pilot.press("tab", *"25:00", "enter")
        await pilot.pause()
        assert app.screen is dialog
        assert "'25:00' is not a time for the start" in static_text(dialog, "#error")
        assert calendar.meeting(app.store, planned).calendar_sequence == 0


async def test_ctrl_t_cancels_once_confirmed(clock, planned, make_facilitator_app) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        dashboard = app.screen
        assert isinstance(dashboard, DashboardScreen)
        assert calendar.meeting(app.store, planned).cancelled_at is not None
        table = dashboard.query_one("#sessions", DataTable)
        assert str(table.get_row_at(0)[2]) == "cancelled"
        assert "1 cancelled" in static_text(dashboard, "#about")
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert "was cancelled: set up a new session instead" in said(app)[-1]


async def test_i_writes_nothing_where_the_invitation_holds_patient_data(
    clock, planned, make_facilitator_app, db_path
) -> None:
    from facilitator.calendar_commands import invite_held_back_line

    store = Store.open(db_path)
    calendar.move_session(store, planned, place="Ring 07700 900123 at the door")
    store.close()
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        assert said(app)[-1] == invite_held_back_line("harbour-programme", 1)
        assert "facilitator invite harbour-programme/1 --redact" in said(app)[-1]
        assert not (minutes_dir() / "harbour-programme-session-1.ics").exists()


async def test_the_dialog_refuses_a_day_gone_by(clock, planned, make_facilitator_app) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        day = dialog.query_one("#date", Input)
        day.value = "2026-11-20"  # three days before the app's clock
        day.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        assert "20 November 2026 has passed" in static_text(dialog, "#error")
        assert calendar.meeting(app.store, planned).meeting.on == date(2027, 3, 1)


async def test_i_says_a_meeting_request_went_to_the_members_with_an_address(
    clock, planned, make_facilitator_app, db_path
) -> None:
    """With an organiser remembered and a member with an e-mail, `i` writes a request and
    says to whom, as the command does."""
    from facilitator.calendar_commands import ORGANISER_SETTING
    from sessions.services import people, running
    from sessions.settings import save_setting

    store = Store.open(db_path)
    member = people.add_member(store, running.get_session(store, planned).programme_id, "Asha")
    people.set_member_email(store, member.id, "asha.patel@nhs.net")
    store.close()
    save_setting(ORGANISER_SETTING, "me@nhs.net")
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        assert said(app)[-1].endswith(
            "A meeting request from me@nhs.net to 1 member with an e-mail address."
        )
        written = minutes_dir() / "harbour-programme-session-1.ics"
        calendar_file = vobject.readOne(written.read_text(encoding="utf-8"))
        assert calendar_file.method.value == "REQUEST"
        assert calendar_file.vevent.attendee.value == "mailto:asha.patel@nhs.net"
