"""Team roles: marked per member, withdrawn not removed, covered, kept for the next session."""

from __future__ import annotations

import io

import pytest

from sessions.agenda.model import Agenda, AgendaItem, Section
from sessions.errors import InputError, NotFoundError
from sessions.models import ActivityResult
from sessions.services import planning, roles, running
from sessions.services.minutes import render_minutes
from sessions.services.people import add_member, set_attendance
from sessions.services.programmes import create_programme

pytestmark = pytest.mark.usefixtures("utc_local_time")


@pytest.fixture
def agenda() -> Agenda:
    return Agenda(
        title="Roles agenda",
        sections=(
            Section(
                "Step 2: Trusted people",
                2,
                (
                    AgendaItem("Why are we here?", 600),
                    AgendaItem("Team roles we bring", 600, kind="roles"),
                ),
            ),
        ),
        source="test",
    )


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme")


@pytest.fixture
def people(store, programme):
    return {
        name: add_member(store, programme.id, name).id
        for name in ("Ann Ode", "Bea Ng", "Cal Roy", "Dee Fox")
    }


def session_with(store, programme, agenda) -> tuple[int, int]:
    sid = planning.start_session(store, programme.id, agenda)
    pos = next(i.position for i in running.get_session(store, sid).items if i.kind == "roles")
    return sid, pos


def test_the_nine_roles_fall_in_three_groups_of_three() -> None:
    groups = [role.group for role in roles.TEAM_ROLES]
    assert len(set(roles.ROLE_NAMES)) == 9
    assert {group: groups.count(group) for group in groups} == {
        "Action": 3,
        "People": 3,
        "Thinking": 3,
    }


def test_marks_show_coverage_gaps_and_crowding(store, programme, people, agenda) -> None:
    sid, pos = session_with(store, programme, agenda)
    for name in ("Ann Ode", "Bea Ng", "Cal Roy"):
        roles.set_roles(store, sid, pos, people[name], ["Plant", "Shaper"])
    roles.toggle_role(store, sid, pos, people["Dee Fox"], "Teamworker")
    board = roles.roles_board(store, sid, pos)
    # Nobody is marked present, so everyone is asked.
    assert [m.name for m in board.members] == ["Ann Ode", "Bea Ng", "Cal Roy", "Dee Fox"]
    assert board.answered == 4
    assert board.crowded == ("Shaper", "Plant")
    coverage = {c.role.name: c.players for c in board.coverage}
    assert coverage["Teamworker"] == ("Dee Fox",)
    assert set(board.uncovered) == set(roles.ROLE_NAMES) - {"Shaper", "Plant", "Teamworker"}


def test_two_of_four_sharing_a_role_is_not_crowded(store, programme, people, agenda) -> None:
    sid, pos = session_with(store, programme, agenda)
    for name, role in (
        ("Ann Ode", "Plant"),
        ("Bea Ng", "Plant"),
        ("Cal Roy", "Shaper"),
        ("Dee Fox", "Specialist"),
    ):
        roles.toggle_role(store, sid, pos, people[name], role)
    assert roles.roles_board(store, sid, pos).crowded == ()


def test_nothing_is_uncovered_before_anyone_answers(store, programme, people, agenda) -> None:
    sid, pos = session_with(store, programme, agenda)
    board = roles.roles_board(store, sid, pos)
    assert board.answered == 0 and board.uncovered == ()


def test_once_the_register_is_taken_only_those_present_are_asked(
    store, programme, people, agenda
) -> None:
    sid, pos = session_with(store, programme, agenda)
    set_attendance(store, sid, people["Bea Ng"], "present")
    set_attendance(store, sid, people["Dee Fox"], "present")
    set_attendance(store, sid, people["Ann Ode"], "apologies")
    assert [m.name for m in roles.roles_board(store, sid, pos).members] == ["Bea Ng", "Dee Fox"]
    # Someone who answered stays on the board even if not marked present.
    roles.toggle_role(store, sid, pos, people["Cal Roy"], "Coordinator")
    assert [m.name for m in roles.roles_board(store, sid, pos).members] == [
        "Bea Ng",
        "Cal Roy",
        "Dee Fox",
    ]


def test_unmarking_withdraws_the_row_and_keeps_it(store, programme, people, agenda) -> None:
    sid, pos = session_with(store, programme, agenda)
    ann = people["Ann Ode"]
    assert roles.toggle_role(store, sid, pos, ann, "Plant").said == "Ann Ode as Plant"
    assert (
        roles.toggle_role(store, sid, pos, ann, "Plant").said
        == "Ann Ode's mark as Plant taken back"
    )
    assert roles.roles_board(store, sid, pos).members[0].roles == ()
    with store.reading() as db:
        withdrawn = [
            row.deleted_at is not None for row in db.query(ActivityResult).filter_by(member_id=ann)
        ]
    assert withdrawn == [True]


def test_bad_marks_are_refused(store, programme, people, agenda) -> None:
    sid, pos = session_with(store, programme, agenda)
    with pytest.raises(InputError, match="not one of the nine"):
        roles.toggle_role(store, sid, pos, people["Ann Ode"], "Captain")
    with pytest.raises(InputError, match="not a roles"):
        roles.toggle_role(store, sid, pos - 1, people["Ann Ode"], "Plant")
    other = create_programme(store, "Another programme")
    stranger = add_member(store, other.id, "Eve Lee").id
    with pytest.raises(NotFoundError, match="not a member"):
        roles.toggle_role(store, sid, pos, stranger, "Plant")
    assert roles.roles_board(store, sid, pos).answered == 0


def test_a_finished_session_takes_no_more_marks(store, programme, people, agenda, clock) -> None:
    sid, pos = session_with(store, programme, agenda)
    running.finish_session(store, sid, clock.advance(60))
    with pytest.raises(InputError, match="finished"):
        roles.toggle_role(store, sid, pos, people["Ann Ode"], "Plant")


def test_the_next_session_shows_what_each_member_said_last(
    store, programme, people, agenda
) -> None:
    one, pos_one = session_with(store, programme, agenda)
    roles.set_roles(store, one, pos_one, people["Ann Ode"], ["Shaper", "Plant"])
    roles.set_roles(store, one, pos_one, people["Bea Ng"], ["Specialist"])
    two, pos_two = session_with(store, programme, agenda)
    roles.set_roles(store, two, pos_two, people["Ann Ode"], ["Coordinator"])
    three, pos_three = session_with(store, programme, agenda)
    board = {m.name: m for m in roles.roles_board(store, three, pos_three).members}
    assert (board["Ann Ode"].previous, board["Ann Ode"].previous_session) == (("Coordinator",), 2)
    assert (board["Bea Ng"].previous, board["Bea Ng"].previous_session) == (("Specialist",), 1)
    assert board["Cal Roy"].previous == () and board["Cal Roy"].roles == ()
    with store.reading() as db:
        team = roles.programme_roles(db, programme.id)
    assert {m.name: m.roles for m in team.members} == {
        "Ann Ode": ("Coordinator",),
        "Bea Ng": ("Specialist",),
    }


def test_the_minutes_table_who_plays_each_role(store, programme, people, agenda) -> None:
    sid, pos = session_with(store, programme, agenda)
    assert "| Team role |" not in render_minutes(store, sid, "md").decode("utf-8")
    odd = add_member(store, programme.id, "Zed | <b>Fox</b>").id
    for member in (people["Ann Ode"], people["Bea Ng"], odd):
        roles.set_roles(store, sid, pos, member, ["Plant"])
    roles.set_roles(store, sid, pos, people["Ann Ode"], ["Plant", "Specialist"])
    text = render_minutes(store, sid, "md").decode("utf-8")
    assert (
        "| Group | Team role | Played by |\n|---|---|---|\n| Action | Shaper | *nobody* |\n"
    ) in text
    assert "| Thinking | Plant | Ann Ode, Bea Ng, Zed \\| \\<b\\>Fox\\</b\\> (crowded) |\n" in text
    assert "| Thinking | Specialist | Ann Ode |\n" in text
    assert "<b>" not in render_minutes(store, sid, "html").decode("utf-8")
    from docx import Document

    (table,) = Document(io.BytesIO(render_minutes(store, sid, "docx"))).tables
    assert [cell.text for cell in table.rows[7].cells] == [
        "Thinking",
        "Plant",
        "Ann Ode, Bea Ng, Zed | <b>Fox</b> (crowded)",
    ]
    assert [cell.text for cell in table.rows[1].cells] == ["Action", "Shaper", "nobody"]


def test_the_dashboard_shows_the_team_as_last_described(store, programme, people, agenda) -> None:
    from datetime import date

    from sessions.services.dashboard import programme_dashboard
    from sessions.services.people import archive_member

    assert programme_dashboard(store, programme.id, date(2026, 11, 23)).team_roles is None
    one, pos = session_with(store, programme, agenda)
    for name in ("Ann Ode", "Bea Ng", "Cal Roy"):
        roles.set_roles(store, one, pos, people[name], ["Shaper"])
    roles.set_roles(store, one, pos, people["Dee Fox"], ["Plant"])
    archive_member(store, people["Dee Fox"])  # has left: no longer part of the team
    team = programme_dashboard(store, programme.id, date(2026, 11, 23)).team_roles
    assert [m.name for m in team.members] == ["Ann Ode", "Bea Ng", "Cal Roy"]
    assert team.crowded == ("Shaper",) and "Plant" in team.uncovered
