"""The next session: the agenda from a step, the date, who is expected, and matters arising."""

from __future__ import annotations

from datetime import date

import pytest

from sessions.agenda.model import Agenda, AgendaItem, Section
from sessions.errors import InputError, NotFoundError
from sessions.services import notes, people, planning, running
from sessions.services.actions import list_actions, set_action_status
from sessions.services.matters_arising import review_action, review_entries
from sessions.services.note_editing import delete_note
from sessions.services.programmes import create_programme
from sessions.services.suggestion import suggest_step
from sessions.vocabulary import ItemKind

TODAY = date(2026, 11, 23)


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme", "Harbour PCN")


@pytest.fixture
def four_steps() -> Agenda:
    """A welcome, two items for each step with a break between 2 and 3, and a close."""

    def step(number: int) -> Section:
        return Section(
            f"Step {number}: the step",
            number,
            (AgendaItem(f"{number}a", 600), AgendaItem(f"{number}b", 600)),
        )

    return Agenda(
        title="Four steps",
        sections=(
            Section("Welcome", None, (AgendaItem("Hello", 300),)),
            step(1),
            step(2),
            Section("Break", None, (AgendaItem("Tea", 900, kind="break"),)),
            step(3),
            step(4),
            Section("Close", None, (AgendaItem("Goodbye", 300),)),
        ),
        source="test",
    )


def titles(store, session_id) -> list[str]:
    return [item.title for item in running.get_session(store, session_id).items]


def action(store, session_id, position, line):
    return notes.add_note(store, session_id, position, line, "deal", today=TODAY)


def test_the_first_session_has_no_matters_arising(store, programme, four_steps) -> None:
    sid = planning.start_session(store, programme.id, four_steps)
    assert titles(store, sid)[0] == "Hello"


def test_later_sessions_open_with_the_last_minutes_then_matters_arising(
    store, programme, four_steps
) -> None:
    first = planning.start_session(store, programme.id, four_steps)
    for line in ("a: one @Sam", "a: two @Sam", "a: three", "a: four"):
        action(store, first, 0, line)
    second = planning.start_session(store, programme.id, four_steps)
    minutes, item = running.get_session(store, second).items[:2]
    assert (minutes.section_title, minutes.title, minutes.kind) == (
        "Minutes of the last meeting",
        "Approve the minutes of session 1",
        ItemKind.MINUTES_APPROVAL,
    )
    assert (item.section_title, item.title, item.kind) == (
        "Matters arising",
        "Actions from earlier sessions",
        ItemKind.MATTERS_ARISING,
    )
    assert item.planned_seconds == 4 * 2 * 60  # two minutes an action
    assert titles(store, second)[2:] == titles(store, first)


@pytest.mark.parametrize("open_actions, minutes", [(0, 5), (2, 5), (3, 6), (10, 20), (50, 20)])
def test_the_review_takes_two_minutes_an_action_within_bounds(open_actions, minutes) -> None:
    assert planning.review_seconds(open_actions) == minutes * 60


def test_from_a_step_leaves_out_earlier_steps_only(store, programme, four_steps) -> None:
    sid = planning.start_session(store, programme.id, four_steps, from_step=3)
    assert titles(store, sid) == ["Hello", "Tea", "3a", "3b", "4a", "4b", "Goodbye"]


def test_from_a_step_past_the_agenda_is_refused_and_nothing_made(
    store, programme, four_steps
) -> None:
    only_two = Agenda("Early steps", sections=four_steps.sections[:3], source="test")
    with pytest.raises(InputError, match=r"stops before step 3 .*covers steps 1, 2"):
        planning.start_session(store, programme.id, only_two, from_step=3)
    assert running.list_unfinished(store) == []


def test_an_agenda_of_no_step_is_run_whole_from_any_step(store, programme) -> None:
    workshop = Agenda("Workshop", sections=(Section("Open", None, (AgendaItem("Talk", 600),)),))
    sid = planning.start_session(store, programme.id, workshop, from_step=2)
    assert titles(store, sid) == ["Talk"]


def test_a_planned_session_keeps_its_date_and_expected_members(
    store, programme, four_steps
) -> None:
    sam = people.add_member(store, programme.id, "Sam")
    ana = people.add_member(store, programme.id, "Ana")
    people.add_member(store, programme.id, "Not coming")
    sid = planning.start_session(
        store,
        programme.id,
        four_steps,
        planned_for=date(2026, 12, 8),
        expected=[sam.id, ana.id, sam.id],
    )
    waiting = running.list_unfinished(store)[0]
    assert (waiting.session_id, waiting.started, waiting.planned_for) == (
        sid,
        False,
        date(2026, 12, 8),
    )
    marked = {entry.member.name: entry.status for entry in people.attendance(store, sid)}
    assert marked == {"Ana": "expected", "Not coming": "absent", "Sam": "expected"}
    # The room then says who came: expected is only until then.
    people.set_attendance(store, sid, sam.id, "present")
    assert {e.member.name: e.status for e in people.attendance(store, sid)}["Sam"] == "present"


def test_a_stranger_cannot_be_expected_and_nothing_is_made(store, programme, four_steps) -> None:
    other = create_programme(store, "Other")
    stranger = people.add_member(store, other.id, "Stranger")
    with pytest.raises(NotFoundError):
        planning.start_session(store, programme.id, four_steps, expected=[stranger.id])
    assert running.list_unfinished(store) == []


def test_usual_attendees_are_those_present_last_time(store, programme, four_steps) -> None:
    sam = people.add_member(store, programme.id, "Sam")
    ana = people.add_member(store, programme.id, "Ana")
    assert planning.usual_attendees(store, programme.id) == [ana.id, sam.id]  # nobody marked yet
    first = planning.start_session(store, programme.id, four_steps)
    people.set_attendance(store, first, sam.id, "present")
    people.set_attendance(store, first, ana.id, "apologies")
    planning.start_session(store, programme.id, four_steps)  # nobody marked: not "last time"
    assert planning.usual_attendees(store, programme.id) == [sam.id]


def test_the_outlook_names_the_next_number_and_what_waits(
    store, programme, four_steps, clock
) -> None:
    assert planning.outlook(store, programme.id) == planning.Outlook(1, ())
    one = planning.start_session(store, programme.id, four_steps)
    planning.start_session(store, programme.id, four_steps, planned_for=date(2026, 12, 8))
    assert planning.outlook(store, programme.id) == planning.Outlook(
        3, ((1, None), (2, date(2026, 12, 8)))
    )
    running.toggle_clock(store, one, clock())  # started: no longer waiting
    assert planning.outlook(store, programme.id).waiting == ((2, date(2026, 12, 8)),)


# Matters arising


@pytest.fixture
def carried(store, programme, four_steps, clock):
    """Session 1 raised four actions (one deleted, one already done); session 2 reviews."""
    first = planning.start_session(store, programme.id, four_steps)
    running.toggle_clock(store, first, clock())
    action(store, first, 1, "a: send the data sharing draft @Sam 2026-12-01")
    action(store, first, 1, "a: book the <b>room</b> @Priya 2026-11-01")
    action(store, first, 2, "a: ask the LMC")
    delete_note(store, action(store, first, 2, "a: said by mistake").id)
    done = action(store, first, 2, "a: already done")
    set_action_status(store, list_actions(store, programme.id)[-1].id, "done", now=clock())
    assert done is not None
    running.finish_session(store, first, clock.advance(600))
    second = planning.start_session(store, programme.id, four_steps)
    return first, second


def test_the_review_lists_open_actions_from_earlier_sessions(store, carried) -> None:
    _, second = carried
    entries = review_entries(store, second, TODAY)
    assert [(e.text, e.owner, e.due, e.raised_in, e.outcome, e.overdue) for e in entries] == [
        ("book the <b>room</b>", "Priya", date(2026, 11, 1), 1, None, True),
        ("send the data sharing draft", "Sam", date(2026, 12, 1), 1, None, False),
        ("ask the LMC", "", None, 1, None, False),
    ]
    assert [e.outcome_label for e in entries] == ["not reviewed"] * 3


def test_each_outcome_changes_the_action_and_stays_listed(store, programme, carried) -> None:
    _, second = carried
    room, draft, lmc = review_entries(store, second, TODAY)
    review_action(store, second, room.action_id, "done")
    review_action(store, second, draft.action_id, "kept", new_due=date(2027, 1, 15))
    review_action(store, second, lmc.action_id, "dropped")

    entries = {e.text: e for e in review_entries(store, second, TODAY)}
    assert [(e.outcome_label, e.due, e.due_before, e.due_moved) for e in entries.values()] == [
        ("done", date(2026, 11, 1), date(2026, 11, 1), False),
        ("kept open", date(2027, 1, 15), date(2026, 12, 1), True),
        ("dropped", None, None, False),
    ]
    statuses = {a.text: (a.status, a.due) for a in list_actions(store, programme.id)}
    assert statuses["book the <b>room</b>"] == ("done", date(2026, 11, 1))
    assert statuses["send the data sharing draft"] == ("open", date(2027, 1, 15))
    assert statuses["ask the LMC"] == ("dropped", None)


def test_changing_an_outcome_starts_from_the_action_as_it_was(store, programme, carried) -> None:
    _, second = carried
    draft = review_entries(store, second, TODAY)[1]
    review_action(store, second, draft.action_id, "kept", new_due=date(2027, 1, 15))
    review_action(store, second, draft.action_id, "kept", new_due=date(2027, 2, 1))
    again = review_entries(store, second, TODAY)[1]
    assert (again.due, again.due_before) == (date(2027, 2, 1), date(2026, 12, 1))
    review_action(store, second, draft.action_id, "done")  # a change of mind
    again = review_entries(store, second, TODAY)[1]
    assert (again.outcome, again.due) == ("done", date(2026, 12, 1))
    review_action(store, second, draft.action_id, "kept")  # kept, no new date: as it was
    assert [
        (a.status, a.due) for a in list_actions(store, programme.id) if a.id == draft.action_id
    ] == [("open", date(2026, 12, 1))]


def test_a_kept_action_comes_back_in_the_session_after(
    store, programme, four_steps, carried
) -> None:
    _, second = carried
    room, draft, _lmc = review_entries(store, second, TODAY)
    review_action(store, second, room.action_id, "done")
    review_action(store, second, draft.action_id, "kept", new_due=date(2027, 1, 15))
    action(store, second, 1, "a: raised in session two")
    third = planning.start_session(store, programme.id, four_steps)
    assert [e.text for e in review_entries(store, third, TODAY)] == [
        "send the data sharing draft",
        "ask the LMC",
        "raised in session two",
    ]
    # Session 2's own actions are not in its own review.
    assert "raised in session two" not in [e.text for e in review_entries(store, second, TODAY)]


def test_review_refusals_change_nothing(store, programme, four_steps, carried, clock) -> None:
    _, second = carried
    room = review_entries(store, second, TODAY)[0]
    action(store, second, 1, "a: raised here")
    own = next(a for a in list_actions(store, programme.id) if a.text == "raised here")
    with pytest.raises(InputError, match="one of: done, kept, dropped"):
        review_action(store, second, room.action_id, "maybe")
    with pytest.raises(InputError, match="Only an action kept open takes a new due date"):
        review_action(store, second, room.action_id, "done", new_due=date(2027, 1, 1))
    with pytest.raises(InputError, match="earlier sessions"):
        review_action(store, second, own.id, "done")
    other = create_programme(store, "Other")
    elsewhere = planning.start_session(store, other.id, four_steps)
    with pytest.raises(NotFoundError):
        review_action(store, elsewhere, room.action_id, "done")
    already_done = next(a for a in list_actions(store, programme.id) if a.status == "done")
    with pytest.raises(InputError, match="no longer open"):
        review_action(store, second, already_done.id, "dropped")
    running.toggle_clock(store, second, clock())
    running.finish_session(store, second, clock.advance(60))
    with pytest.raises(InputError, match="finished"):
        review_action(store, second, room.action_id, "done")
    assert [e.outcome for e in review_entries(store, second, TODAY)] == [None, None, None]
    assert {a.status for a in list_actions(store, programme.id)} == {"open", "done"}


# Where to continue


def run_to(store, sid, position, clock, finish=False) -> None:
    """Run the session item by item to `position`, a minute on each: a step is covered
    only when the room worked on one of its items, not when the clock jumped past it."""
    running.toggle_clock(store, sid, clock())
    for _ in range(position):
        running.move(store, sid, +1, clock.advance(60))
    clock.advance(60)
    if finish:
        running.finish_session(store, sid, clock())
    else:
        running.toggle_clock(store, sid, clock())


def test_nothing_run_suggests_step_one(store, programme, four_steps) -> None:
    assert suggest_step(store, programme.id).step == 1
    planning.start_session(store, programme.id, four_steps)  # set up, never started
    suggestion = suggest_step(store, programme.id)
    assert (suggestion.step, suggestion.reason) == (1, "no session has worked on a step yet")


def test_a_step_left_part_way_is_taken_up_again(store, programme, four_steps, clock) -> None:
    sid = planning.start_session(store, programme.id, four_steps)
    run_to(store, sid, 3, clock)  # 2a
    suggestion = suggest_step(store, programme.id)
    assert (suggestion.step, suggestion.reason) == (2, "session 1 stopped in step 2")
    assert suggestion.label == "Step 2: Trusted people"


def test_a_step_gone_through_suggests_the_next(store, programme, four_steps, clock) -> None:
    sid = planning.start_session(store, programme.id, four_steps)
    run_to(store, sid, 5, clock)  # the break after step 2
    assert suggest_step(store, programme.id).step == 3


def test_finishing_on_a_steps_last_item_counts_it_done(store, programme, four_steps, clock) -> None:
    one = planning.start_session(store, programme.id, four_steps)
    run_to(store, one, 4, clock, finish=True)  # 2b, the last of step 2
    assert suggest_step(store, programme.id).step == 3
    two = planning.start_session(store, programme.id, four_steps, from_step=3)
    run_to(store, two, 3, clock, finish=True)  # 3a of 3a, 3b: finished early
    assert suggest_step(store, programme.id).step == 3


def test_the_latest_session_that_reached_a_step_decides(
    store, programme, four_steps, clock
) -> None:
    one = planning.start_session(store, programme.id, four_steps)
    run_to(store, one, 10, clock, finish=True)  # all the way to the close
    assert suggest_step(store, programme.id).reason == "session 1 reached step 4, the last"
    two = planning.start_session(store, programme.id, four_steps)
    run_to(store, two, 1, clock)  # only matters arising and the welcome
    assert suggest_step(store, programme.id).step == 4
