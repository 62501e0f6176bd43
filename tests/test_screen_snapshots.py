"""Every screen and dialog around the session, pinned as SVG snapshots at a laptop's 80x24 and
a projector's 200x55, on a programme with members, notes and actions, so nothing important is
off screen and a list that scrolls says there is more.

Update them on purpose, after looking at the new pictures:
`python -m pytest tests/test_screen_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

import pytest

from sessions.agenda.library import DEFAULT_AGENDA, find_agenda
from sessions.services import notes, people, planning, running
from sessions.services.programmes import create_programme
from sessions.store import Store
from sessions.vocabulary import AttendanceStatus, OrganisationKind

LAPTOP = (80, 24)
PROJECTOR = (200, 55)
SIZES = pytest.mark.parametrize("size", [LAPTOP, PROJECTOR], ids=["80x24", "200x55"])

TODAY = date(2026, 11, 23)

MEMBERS = (
    ("Dr Amira Patel", "Harbour Surgery", OrganisationKind.PRACTICE, "Clinical director"),
    ("Sam Okafor", "Harbour PCN", OrganisationKind.OTHER, "PCN manager"),
    ("Jo Reilly", "Quayside Practice", OrganisationKind.PRACTICE, "Practice manager"),
    ("Dr Tom Hughes", "Quayside Practice", OrganisationKind.PRACTICE, "GP partner"),
    ("Priya Shah", "Harbour Pharmacy", OrganisationKind.PHARMACY, "Pharmacist"),
    ("Mark Ellis", "Coastal NHS Trust", OrganisationKind.TRUST, "Community services lead"),
    ("Ade Bello", "Harbour Voluntary Action", OrganisationKind.COMMUNITY_PARTNER, "Coordinator"),
    ("Helen Price", "Patient group", OrganisationKind.PATIENT_REPRESENTATIVE, "Chair"),
    ("Dr Lucy Chen", "Lighthouse Medical Centre", OrganisationKind.PRACTICE, "GP partner"),
    ("Kieran Walsh", "Lighthouse Medical Centre", OrganisationKind.PRACTICE, "Practice manager"),
    ("Fatima Noor", "Coastal NHS Trust", OrganisationKind.TRUST, "District nursing lead"),
    ("Owen Morgan", "Harbour Council", OrganisationKind.OTHER, "Social prescribing lead"),
)

FIRST_NOTES = (
    "Everyone has declared: no conflicts today",
    "rel: the new practice manager felt heard",
    "d: one front door for same-day requests across the three practices",
    "a: circulate the draft partnership agreement @Dr Amira Patel 2026-11-20",
    "a: ask the LMC about indemnity for shared clinics @Sam Okafor 2026-12-04",
    "rel: the trust will send the same person every time",
    "a: map the community services referral routes @Mark Ellis 2026-12-11",
)

SECOND_NOTES = (
    "Practices feel the agreement reflects what they said",
    "rel: pharmacy wants a seat at the table, not a slot at the end",
    "d: shared rota for the enhanced access hub from January",
    "a: draft the hub rota @Jo Reilly 2026-12-01",
)


pytestmark = [pytest.mark.usefixtures("utc_local_time"), pytest.mark.sqlite_only]


def seed(db_path: Path | str, clock) -> None:
    """Harbour: twelve members, session 1 run and finished with notes and actions in step 1,
    session 2 under way in step 2 with the room marked and an interest declared; Bay beside
    it, not yet begun."""
    store = Store.open(db_path)
    try:
        create_programme(store, "Bay programme", "Bay PCN")
        programme = create_programme(store, "Harbour programme", "Harbour PCN")
        members = [
            people.add_member(store, programme.id, name, organisation, kind, role)
            for name, organisation, kind, role in MEMBERS
        ]
        agenda = find_agenda(DEFAULT_AGENDA)
        first = planning.start_session(
            store, programme.id, agenda, expected=[m.id for m in members], facilitator="Kate Lowe"
        )
        running.toggle_clock(store, first, clock())
        for minutes in (9, 4, 6):  # through the welcome, to the first item of step 1
            running.move(store, first, +1, clock.advance(minutes * 60))
        for line in FIRST_NOTES:
            notes.add_note(store, first, 3, line, "deal", today=TODAY, now=clock.advance(50))
        running.finish_session(store, first, clock.advance(20 * 60))
        second = planning.start_session(
            store,
            programme.id,
            agenda,
            from_step=2,
            expected=[m.id for m in members],
            facilitator="Kate Lowe",
        )
        for member in members[:7]:
            people.set_attendance(store, second, member.id, AttendanceStatus.PRESENT)
        people.set_attendance(store, second, members[7].id, AttendanceStatus.APOLOGIES)
        people.add_declaration(
            store,
            second,
            members[4].id,
            "Runs the pharmacy bidding for the hub contract",
            now=clock.advance(10),
        )
        running.toggle_clock(store, second, clock.advance(60))
        running.move(store, second, +1, clock.advance(7 * 60))
        running.move(store, second, +1, clock.advance(8 * 60))
        running.skip(store, second, clock.advance(30))  # nobody had an interest to declare
        for minutes in (11, 14):  # the barriers and the team roles
            running.move(store, second, +1, clock.advance(minutes * 60))
        for line in SECOND_NOTES:
            notes.add_note(store, second, 5, line, "deal", today=TODAY, now=clock.advance(40))
        running.toggle_clock(store, second, clock.advance(40))
    finally:
        store.close()


@pytest.fixture
def harbour(db_path: Path, clock) -> Path:
    seed(db_path, clock)
    return db_path


def pressing(*keys: str) -> Callable[..., Awaitable[None]]:
    """Press each key in turn from Home, letting the screen settle after each."""

    async def run_before(pilot) -> None:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()

    return run_before


# From Home: the newest programme (Harbour) is highlighted, and `r` resumes its session 2.
SCREENS = {
    "home": (),
    "dashboard": ("enter",),
    "next_session": ("s",),
    "attendance": ("r", "f2"),
    "outline": ("r", "ctrl+o"),
    "rebalance": ("r", "ctrl+l"),
    "search": ("slash", *"the", "enter"),
    "finish": ("enter", "up", "enter"),  # session 1's minutes, from the dashboard
    "help": ("f1",),
    "member_picker": ("r", "ctrl+y"),
}


@SIZES
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, harbour: Path, clock, size, screen, make_facilitator_app) -> None:
    app = make_facilitator_app(now=clock)
    assert snap_compare(app, terminal_size=size, run_before=pressing(*SCREENS[screen]))


def test_dashboard_draws_its_charts_at_the_smallest_projector_size(
    snap_compare, harbour: Path, clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    assert snap_compare(app, terminal_size=(120, 40), run_before=pressing(*SCREENS["dashboard"]))
