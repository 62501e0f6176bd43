"""The dialogs the session screen opens, and what it does with each answer.

Each is opened over the session and gives the keyboard back to the note line when
it closes (the screen sees to that as it resumes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.app import REFUSED
from sessions.clock import ClockState
from sessions.errors import LeaseLostError
from sessions.rebalance import RebalancePlan
from sessions.services import running
from sessions.views import SessionView

if TYPE_CHECKING:
    from facilitator.screens.session import SessionScreen


def open_or_explain(screen: SessionScreen) -> tuple[SessionView, ClockState] | None:
    """The session, held by this copy to drive; None when it cannot be, and the screen has
    given way to what explains why (another copy drives it, or it could not be read)."""
    from sessions.errors import FacilitatorError, SessionLeasedError

    app = screen.app
    if app.store.read_only:
        from facilitator.screens.mirror import MirrorScreen

        app.say("This database cannot be written: the session is shown for watching only.")
        app.switch_screen(MirrorScreen(screen.session_id, can_close=True))
        return None
    try:
        return screen.driver.open(take_over=screen.take_over)
    except SessionLeasedError as exc:
        from facilitator.screens.lease import LeaseScreen

        app.switch_screen(LeaseScreen(screen.session_id, str(exc), exc.lease))
    except FacilitatorError as exc:
        app.show_error(str(exc))
        app.pop_screen()
    return None


def outline(screen: SessionScreen) -> None:
    """The agenda, to jump to any item."""
    from facilitator.screens.outline import OutlineScreen

    def chosen(position: int | None) -> None:
        if position is not None and screen.clock_change(running.jump, position):
            screen.show_item()

    now = screen.app.now()
    screen.app.push_screen(OutlineScreen(screen.opened, screen.state.at(now)), chosen)


def rebalance(screen: SessionScreen) -> None:
    """New times for the items left, to finish when planned."""
    from facilitator.screens.rebalance import RebalanceScreen
    from sessions.services.rebalancing import apply_rebalance

    app = screen.app

    def answered(plan: RebalancePlan | None) -> None:
        if plan is None:
            return
        changed = app.attempt(apply_rebalance, app.store, screen.session_id, plan, app.now())
        if changed is REFUSED:
            return
        screen.view = running.get_session(app.store, screen.session_id)
        screen.show_item()
        app.say(f"Rebalanced: {changed} item(s) have new times.")

    app.push_screen(RebalanceScreen(screen.session_id), answered)


def projector(screen: SessionScreen) -> None:
    """The room's view, large; the room's choice of notes is kept for the next time."""
    from facilitator.screens.projector import ProjectorScreen

    shown = ProjectorScreen(screen.session_id, show_notes=screen.show_notes_to_room, driver=screen)

    def closed(_result: None) -> None:
        screen.show_notes_to_room = shown.show_notes

    screen.app.push_screen(shown, closed)


async def toggle_room(screen: SessionScreen) -> None:
    """The room opens at once; it closes at once while empty, else once the facilitator
    says yes, since every phone in it stops answering."""
    from facilitator.screens.confirm import ConfirmScreen

    door = screen.door
    if door.hosted is None:
        if await door.open():
            screen.app.say("The room is open: the projector view (F5) shows how to join.")
        return
    await door.recount()
    if door.phones == 0:
        await door.close()
        screen.app.say("The room is closed.")
        return

    async def answered(yes: bool | None) -> None:
        if yes:
            await door.close()
            screen.app.say("The room is closed: phones can no longer answer.")

    phones = f"{door.phones} phone{'' if door.phones == 1 else 's'}"
    screen.app.push_screen(
        ConfirmScreen(
            f"Close the room? {phones} in it.",
            "Every phone's access ends at once, and the join code stops working.",
        ),
        answered,
    )


def phones(screen: SessionScreen) -> None:
    """Who has joined the room, to turn a phone out."""
    from facilitator.screens.room_phones import RoomPhonesScreen

    if screen.door.hosted is None:
        screen.app.say("The room is closed: F8 opens it.")
        return
    screen.app.push_screen(RoomPhonesScreen(screen.session_id, screen.door))


def questions(screen: SessionScreen) -> None:
    """The questions phones sent, to make notes of or set aside."""
    from facilitator.screens.room_questions import RoomQuestionsScreen

    async def closed(notes_changed: bool | None) -> None:
        if notes_changed:
            screen.refresh_notes()
        await screen.door.recount()

    screen.app.push_screen(RoomQuestionsScreen(screen.session_id), closed)


def proposal(screen: SessionScreen) -> None:
    """Put a proposal to the room; or, with one open, its spread, to close it."""
    from facilitator.screens.proposal import ProposalScreen

    def done(changed: object) -> None:
        if changed is not None:
            screen.refresh_notes()  # a closed proposal is minuted as a decision

    screen.app.push_screen(ProposalScreen(screen.session_id, screen.state.position), done)


def speaker(screen: SessionScreen) -> None:
    """Who is speaking: their name goes on the next notes."""
    from facilitator.screens.member_picker import pick_member

    def chosen(member_id: int | None, name: str) -> None:
        screen.capture.speaker = (member_id, name) if member_id else None

    pick_member(
        screen.app,
        screen.session_id,
        "Who is speaking? Their name goes on the next notes",
        chosen,
    )


def search(screen: SessionScreen) -> None:
    from facilitator.screens.search import SearchScreen

    screen.app.push_screen(SearchScreen(screen.opened.programme_id))


def actions_so_far(screen: SessionScreen) -> None:
    from facilitator.screens.actions_so_far import ActionsSoFarScreen

    titles = {item.position: item.title for item in screen.opened.items}
    screen.app.push_screen(ActionsSoFarScreen(screen.session_id, titles))


def attendance(screen: SessionScreen) -> None:
    from facilitator.screens.attendance import AttendanceScreen

    screen.app.push_screen(
        AttendanceScreen(screen.session_id, screen.state.position, screen.item.title),
        lambda _closed: heading(screen),
    )


def heading(screen: SessionScreen) -> None:
    """The session's heading, and once attendance is taken whether the meeting is quorate."""
    from sessions.services.quorum import quorum_reading

    view = screen.opened
    words = f"Session {view.number} · {view.agenda_title}"
    reading = screen.app.attempt(quorum_reading, screen.app.store, screen.session_id)
    if reading is not REFUSED and reading.quorate is not None:
        words += f" · {reading.short()}"
    screen.sub_title = words


def finish(screen: SessionScreen) -> None:
    """Asked once: the clock stops for good, and the minutes are written."""
    from facilitator.screens.confirm import ConfirmScreen
    from facilitator.screens.finish import FinishScreen

    def answered(yes: bool | None) -> None:
        if not yes or not screen.clock_change(running.finish_session):
            return
        finished = FinishScreen.with_minutes_written(screen.app, screen.session_id)
        screen.view = running.get_session(screen.app.store, screen.session_id)
        screen.app.switch_screen(finished)

    from sessions.services.quorum import quorum_reading

    detail = "The clock stops for good; notes can no longer be added."
    reading = screen.app.attempt(quorum_reading, screen.app.store, screen.session_id)
    if reading is not REFUSED and not reading.taken:
        detail += (
            "\n\nNo attendance was taken, so the minutes will say so"
            + (" and cannot say whether the meeting was quorate" if reading.quorum else "")
            + ". To take it first, press n, then F2."
        )
    from sessions.services.proposals import open_proposal

    proposal = screen.app.attempt(open_proposal, screen.app.store, screen.session_id)
    if proposal is not REFUSED and proposal is not None:
        detail += (
            f"\n\nThe proposal \u201c{proposal.text}\u201d is still open, so the minutes will not"
            " record it. To close it first, press n, then ctrl+e."
        )
    screen.app.push_screen(
        ConfirmScreen("Finish the session and write the minutes?", detail),
        answered,
    )


def watch_only(screen: SessionScreen, exc: LeaseLostError) -> None:
    """Another copy took the session over: this one only watches from now on."""
    from facilitator.screens.mirror import MirrorScreen

    app = screen.app
    app.show_error(str(exc))
    # A dialog open over the session (the outline, a picker) goes too: it would act on
    # a session this copy no longer drives.
    while app.screen is not screen and len(app.screen_stack) > 1:
        app.pop_screen()
    app.switch_screen(MirrorScreen(screen.session_id, can_close=True))
