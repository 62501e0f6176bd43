"""Members, attendance and declarations; the programme's actions; search; the balance meter."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from sessions.errors import InputError
from sessions.services import notes, people, planning, running
from sessions.services.actions import list_actions, set_action_status
from sessions.services.balance import balance
from sessions.services.note_editing import delete_note, edit_note
from sessions.services.programmes import create_programme
from sessions.services.search import search_notes
from sessions.store import Store

TODAY = date(2026, 11, 23)


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme", "Harbour PCN")


@pytest.fixture
def session_id(store, programme, small_agenda) -> int:
    return planning.start_session(store, programme.id, small_agenda)


def add(store, session_id, line, position=0, kind="deal", at=None):
    return notes.add_note(store, session_id, position, line, kind, today=TODAY, now=at)


def test_members_are_checked_and_listed_by_name(store, programme) -> None:
    people.add_member(store, programme.id, "Zoë Hughes", "Bay Pharmacy", "pharmacy", "Pharmacist")
    people.add_member(store, programme.id, "  Dr   Asha Patel ", "Harbour Surgery", "Practice")
    assert [m.name for m in people.list_members(store, programme.id)] == [
        "Dr Asha Patel",
        "Zoë Hughes",
    ]
    assert people.list_members(store, programme.id)[1].label == (
        "Zoë Hughes (Bay Pharmacy, Pharmacist)"
    )
    with pytest.raises(InputError, match="already a member"):
        people.add_member(store, programme.id, "dr asha patel")
    with pytest.raises(InputError, match="one of: practice"):
        people.add_member(store, programme.id, "Sam", organisation_kind="hospital")
    with pytest.raises(InputError, match="needs a name"):
        people.add_member(store, programme.id, "   ")
    with pytest.raises(InputError, match="at most 255"):
        people.add_member(store, programme.id, "x" * 300)


def test_attendance_and_apologies(store, programme, session_id) -> None:
    patel = people.add_member(store, programme.id, "Dr Asha Patel")
    hughes = people.add_member(store, programme.id, "Zoë Hughes")
    left = people.add_member(store, programme.id, "Left Earlier")
    assert {a.member.name: a.status for a in people.attendance(store, session_id)} == {
        "Dr Asha Patel": "absent",
        "Zoë Hughes": "absent",
        "Left Earlier": "absent",
    }
    people.set_attendance(store, session_id, patel.id, "present")
    people.set_attendance(store, session_id, hughes.id, "apologies")
    people.set_attendance(store, session_id, hughes.id, "present")
    people.archive_member(store, left.id)
    assert {a.member.name: a.status for a in people.attendance(store, session_id)} == {
        "Dr Asha Patel": "present",
        "Zoë Hughes": "present",
    }
    assert [m.name for m in people.list_members(store, programme.id)] == [
        "Dr Asha Patel",
        "Zoë Hughes",
    ]
    with pytest.raises(InputError, match="Attendance is one of"):
        people.set_attendance(store, session_id, patel.id, "late")


def test_declarations_record_who_what_and_leaving_the_room(store, programme, session_id) -> None:
    patel = people.add_member(store, programme.id, "Dr Asha Patel")
    first = people.add_declaration(
        store, session_id, patel.id, "Partner in the practice bidding for the hub", 1
    )
    assert (first.left_room_position, first.left_room_item) == (1, "What can we only do together?")
    mistake = people.add_declaration(store, session_id, patel.id, "Entered twice")
    people.withdraw_declaration(store, mistake.id)
    assert [d.interest for d in people.list_declarations(store, session_id)] == [
        "Partner in the practice bidding for the hub",
    ]
    with pytest.raises(InputError, match="Say what the interest is"):
        people.add_declaration(store, session_id, patel.id, "  ")


def test_actions_across_sessions_filtered_and_overdue(
    store, programme, session_id, small_agenda
) -> None:
    add(store, session_id, "a: book the room @Dr Ásha Patel 2026-11-20")
    add(store, session_id, "a: send the minutes @Sam 2026-12-01")
    add(store, session_id, "a: no date yet @Sam")
    running.finish_session(store, session_id)
    second = planning.start_session(store, programme.id, small_agenda)
    done = add(store, second, "a: ring the trust @Sam 2026-11-01")
    actions = list_actions(store, programme.id, today=TODAY)
    assert [a.text for a in actions] == [
        "ring the trust",
        "book the room",
        "send the minutes",
        "no date yet",
    ]
    assert [a.overdue for a in actions] == [True, True, False, False]
    assert [a.session_number for a in actions] == [2, 1, 1, 1]
    set_action_status(store, next(a.id for a in actions if a.note_id == done.id), "done")
    assert [a.text for a in list_actions(store, programme.id, status="done", today=TODAY)] == [
        "ring the trust",
    ]
    assert not list_actions(store, programme.id, status="done", today=TODAY)[0].overdue
    assert [a.text for a in list_actions(store, programme.id, owner="ásha", today=TODAY)] == [
        "book the room",
    ]
    with pytest.raises(InputError, match="one of: open"):
        set_action_status(store, actions[0].id, "finished")


@pytest.fixture(params=["index", "scan"])
def search_mode(request, monkeypatch):
    if request.param == "scan":
        monkeypatch.setattr("sessions.domain.search._has_index", lambda db: False)
    return request.param


def test_search_finds_words_and_their_starts(store, programme, session_id, search_mode) -> None:
    first = add(store, session_id, "One front door for patients", at=_at(1))
    add(store, session_id, "Café culture at the practice", position=1, at=_at(2))
    gone = add(store, session_id, "front desk rota", at=_at(3))
    delete_note(store, gone.id)
    other = create_programme(store, "Elsewhere")
    other_session = planning.start_session(store, other.id, _agenda(store, session_id))
    add(store, other_session, "front door elsewhere")

    [hit] = search_notes(store, programme.id, "FRONT do")
    assert (hit.note_id, hit.session_number, hit.item_title) == (first.id, 1, "Introductions")
    assert [h.text for h in search_notes(store, programme.id, "cafe")] == [
        "Café culture at the practice",
    ]
    assert search_notes(store, programme.id, "   ") == []
    for odd in ('"', 'front"', "NEAR(", "*", "-door", "a OR b", "^front"):
        search_notes(store, programme.id, odd)  # typed syntax is never an error
    edit_note(store, first.id, "A single entrance", today=TODAY)
    assert search_notes(store, programme.id, "front door") == []
    assert [h.note_id for h in search_notes(store, programme.id, "entrance")] == [first.id]


def test_search_results_are_newest_first(store, programme, session_id, search_mode) -> None:
    add(store, session_id, "winter plan one", at=_at(1))
    add(store, session_id, "winter plan two", at=_at(2))
    assert [h.text for h in search_notes(store, programme.id, "winter")] == [
        "winter plan two",
        "winter plan one",
    ]


def _at(minute: int) -> datetime:
    return datetime(2026, 11, 23, 10, minute, tzinfo=UTC)


def _agenda(store, session_id):
    from sessions.agenda.model import Agenda, AgendaItem, Section

    return Agenda(title="One", sections=(Section("Only", None, (AgendaItem("Item", 300),)),))


def test_the_balance_counts_the_step_and_the_session(store, session_id) -> None:
    add(store, session_id, "welcome deal", position=0)
    add(store, session_id, "step deal one", position=1)
    add(store, session_id, "step deal two", position=2)
    add(store, session_id, "d: a decision is neither", position=1)
    shown = balance(store, session_id, 2)
    assert (shown.step_label, shown.step_deal, shown.step_relationship) == ("Step 1", 2, 0)
    assert (shown.session_deal, shown.session_relationship) == (3, 0)
    assert shown.lagging is None  # two notes say nothing yet
    add(store, session_id, "step deal three", position=1)
    assert balance(store, session_id, 1).lagging == "relationship"
    add(store, session_id, "how we feel", position=1, kind="relationship")
    assert balance(store, session_id, 1).lagging == "relationship"  # 1 of 4 is under a third
    add(store, session_id, "trust is growing", position=2, kind="relationship")
    assert balance(store, session_id, 1).lagging is None
    welcome = balance(store, session_id, 0)
    assert (welcome.step_label, welcome.step_deal) == ("Welcome", 1)


def test_an_older_database_gains_people_and_an_index_for_its_notes(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    path = tmp_path / "old.db"
    store = Store.open(path)
    store.close()
    config = Config()
    config.set_main_option("script_location", "sessions:migrations")
    config.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    import sqlalchemy

    engine = sqlalchemy.create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO programme (name, slug, pcn_name, created_at) "
            "VALUES ('Old', 'old', '', '2026-01-01 09:00:00')"
        )
        connection.execute(
            "INSERT INTO session (programme_id, number, agenda_title, agenda_source,"
            " agenda_notes, agenda_text, created_at) VALUES "
            "(1, 1, 'Old agenda', '', '', '', '2026-01-01 09:00:00')"
        )
        connection.execute(
            "INSERT INTO agenda_item (session_id, position, section_title, title,"
            " kind, prompt, planned_seconds) VALUES (1, 0, 'S', 'Item', "
            "'discussion', '', 600)"
        )
        connection.execute(
            "INSERT INTO note (session_id, agenda_item_id, kind, text, created_at) "
            "VALUES (1, 1, 'deal', 'written before the upgrade', "
            "'2026-01-01 09:05:00')"
        )
    upgraded = Store.open(path)
    assert [n.text for n in notes.list_notes(upgraded, 1)] == ["written before the upgrade"]
    assert [h.text for h in search_notes(upgraded, 1, "upgrade")] == [
        "written before the upgrade",
    ]
    upgraded.close()
