"""Actions people own: `@` finds a member of the programme, whatever the case or accents, by
any part of the name; a name that finds several, or none, is asked about once."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from sessions.names import best_matches, completion, name_matches, owner_filter_matches
from sessions.services import notes, people, planning
from sessions.services.actions import list_actions
from sessions.services.note_editing import edit_note
from sessions.services.notes import OwnerChoice, OwnerQuestion
from sessions.services.programmes import create_programme
from sessions.store import Store

TODAY = date(2026, 11, 25)
MEMBERS = ("Siobhán O'Neill", "Ade Okafor", "Dr Amrit Patel", "Sam Jones", "Samira Khan")


@pytest.mark.parametrize(
    ("typed", "name", "found"),
    [
        ("siob", "Siobhán O'Neill", True),
        ("SIOBHAN", "Siobhán O'Neill", True),
        ("Dr Siobhán O'Neill", "Siobhán O'Neill", True),
        ("oneill", "Siobhán O'Neill", True),
        ("neill", "Siobhán O'Neill", True),
        ("okafor", "Ade Okafor", True),
        ("dr patel", "Dr Amrit Patel", True),
        ("amrit p", "Dr Amrit Patel", True),
        ("mrs patel", "Dr Amrit Patel", True),
        ("dr", "Dr Amrit Patel", True),
        ("dr", "Ade Okafor", False),
        ("patel", "Ade Okafor", False),
        ("kafor", "Ade Okafor", False),
        ("", "Ade Okafor", False),
    ],
)
def test_a_name_is_found_by_any_part(typed: str, name: str, found: bool) -> None:
    assert name_matches(typed, name) is found


def test_the_whole_name_wins_over_a_part() -> None:
    names = ["Sam", "Samira Khan", "Sam Jones"]
    assert best_matches("sam", names, lambda n: n) == ["Sam"]
    assert best_matches("sa", names, lambda n: n) == names
    assert best_matches("sam j", names, lambda n: n) == ["Sam Jones"]


def test_the_owner_filter_folds_case_and_accents() -> None:
    for owner in ("Siobhán", "Siobhán O'Neill", "Dr Siobhán O'Neill"):
        assert owner_filter_matches("siobhan", owner)
    assert owner_filter_matches("oneill", "siob", "Siobhán O'Neill")
    assert owner_filter_matches("bhan", "Siobhán")  # any part, as before
    assert not owner_filter_matches("patel", "Siobhán")
    assert owner_filter_matches("  ", "anyone")


def test_the_rest_of_a_name_is_offered_once_it_is_the_only_one() -> None:
    assert completion("sio", MEMBERS) == "Siobhán O'Neill"
    assert completion("Sam", MEMBERS) is None
    assert completion("Sam J", MEMBERS) == "Sam Jones"
    assert completion("pat", MEMBERS) == "Dr Amrit Patel"  # from any word of the name
    assert completion("x", MEMBERS) is None
    assert completion("", MEMBERS) is None


@pytest.fixture
def programme(store: Store):
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    for name in MEMBERS:
        people.add_member(store, programme.id, name)
    return programme


@pytest.fixture
def session_id(store: Store, programme, small_agenda) -> int:
    return planning.start_session(store, programme.id, small_agenda)


def add(store: Store, session_id: int, line: str, **kwargs):
    return notes.add_note(store, session_id, 0, line, "deal", today=TODAY, **kwargs)


def _member_id(store: Store, programme_id: int, name: str) -> int:
    return next(m.id for m in people.list_members(store, programme_id) if m.name == name)


def _owner_member_ids(store: Store) -> dict[str, int | None]:
    with store.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT n.text, a.owner_member_id FROM action a JOIN note n ON n.id = a.note_id")
        )
        return {note_text: member_id for note_text, member_id in rows}


@pytest.mark.parametrize(
    ("typed", "owner"),
    [
        ("siob", "Siobhán O'Neill"),
        ("Dr Siobhán O'Neill", "Siobhán O'Neill"),
        ("SIOBHAN o'neill", "Siobhán O'Neill"),
        ("okafor", "Ade Okafor"),
        ("dr patel", "Dr Amrit Patel"),
        ("sam j", "Sam Jones"),
    ],
)
def test_an_owner_who_is_a_member_is_stored_by_their_full_name(
    store: Store, programme, session_id: int, typed: str, owner: str
) -> None:
    note = add(store, session_id, f"a: draft the paper @{typed} by end of January", ask_owner=True)
    assert (note.owner, note.due) == (owner, date(2027, 1, 31))
    assert _owner_member_ids(store) == {"draft the paper": _member_id(store, programme.id, owner)}


def test_several_members_are_asked_about_and_nothing_is_saved(
    store: Store, programme, session_id: int
) -> None:
    with pytest.raises(OwnerQuestion) as asked:
        add(store, session_id, "a: book the room @sam fri", ask_owner=True)
    assert [m.name for m in asked.value.members] == ["Sam Jones", "Samira Khan"]
    assert asked.value.typed == "sam"
    assert notes.list_notes(store, session_id) == []
    samira = _member_id(store, programme.id, "Samira Khan")
    note = add(store, session_id, "a: book the room @sam fri", owner=OwnerChoice(member_id=samira))
    assert note.owner == "Samira Khan"
    assert _owner_member_ids(store) == {"book the room": samira}


def test_a_stranger_is_asked_about_once_then_kept_as_a_guest(
    store: Store, programme, session_id: int
) -> None:
    with pytest.raises(OwnerQuestion, match="Nobody in this programme is called 'Priya Shah'"):
        add(store, session_id, "a: ask the ICB @Priya Shah fri", ask_owner=True)
    assert notes.list_notes(store, session_id) == []
    add(store, session_id, "a: ask the ICB @Priya Shah fri", owner=OwnerChoice(guest=True))
    # Remembered for the programme: not asked again, however the name is typed.
    again = add(store, session_id, "a: thank the ICB @priya", ask_owner=True)
    assert again.owner == "Priya Shah"
    assert _owner_member_ids(store) == {"ask the ICB": None, "thank the ICB": None}
    assert "Priya Shah" not in [m.name for m in people.list_members(store, programme.id)]


def test_a_stranger_can_be_added_as_a_member(store: Store, programme, session_id: int) -> None:
    note = add(store, session_id, "a: ask the ICB @Priya Shah", owner=OwnerChoice(new_member=True))
    priya = _member_id(store, programme.id, "Priya Shah")
    assert note.owner == "Priya Shah"
    assert _owner_member_ids(store) == {"ask the ICB": priya}


def test_without_asking_an_unclear_owner_is_kept_as_typed(
    store: Store, programme, session_id: int
) -> None:
    add(store, session_id, "a: book the room @sam")
    add(store, session_id, "a: ring the trust @Someone Else")
    assert [a.owner for a in list_actions(store, programme.id, today=TODAY)] == [
        "sam",
        "Someone Else",
    ]
    assert set(_owner_member_ids(store).values()) == {None}


def test_the_owner_filter_finds_a_person_however_they_were_named(
    store: Store, programme, session_id: int
) -> None:
    add(store, session_id, "a: one @Siobhán")
    add(store, session_id, "a: two @Siobhán O'Neill")
    add(store, session_id, "a: three @Dr Siobhán O'Neill")
    add(store, session_id, "a: four @Ade")
    found = list_actions(store, programme.id, owner="siobhan", today=TODAY)
    assert sorted(a.text for a in found) == ["one", "three", "two"]
    assert {a.owner for a in found} == {"Siobhán O'Neill"}
    assert [a.text for a in list_actions(store, programme.id, owner="okafor", today=TODAY)] == [
        "four"
    ]


def test_an_edited_owner_is_found_again(store: Store, programme, session_id: int) -> None:
    note = add(store, session_id, "a: book the room @okafor")
    edit_note(store, note.id, "a: book the room @siob", today=TODAY)
    siobhan = _member_id(store, programme.id, "Siobhán O'Neill")
    assert _owner_member_ids(store) == {"book the room": siobhan}
    assert [a.owner for a in list_actions(store, programme.id, today=TODAY)] == ["Siobhán O'Neill"]


def test_the_upgrade_links_owners_that_find_exactly_one_member(db_path, small_agenda) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from sessions.store import database_url

    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    session_id = planning.start_session(store, programme.id, small_agenda)
    # Typed before anyone was a member, so kept as typed.
    for line in ("a: one @siob", "a: two @Sam", "a: three @Nobody Known", "a: four @Ade Okafor"):
        add(store, session_id, line)
    for name in MEMBERS:
        people.add_member(store, programme.id, name)
    store.close()
    engine = create_engine(database_url(db_path))
    config = Config()
    config.set_main_option("script_location", "sessions:migrations")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0017")
    engine.dispose()

    upgraded = Store.open(db_path)
    try:
        members = {m.name: m.id for m in people.list_members(upgraded, programme.id)}
        assert _owner_member_ids(upgraded) == {
            "one": members["Siobhán O'Neill"],
            "two": None,  # Sam Jones or Samira Khan: not guessed
            "three": None,
            "four": members["Ade Okafor"],
        }
        # The names stay as typed, so minutes already written read the same.
        owners = [a.owner for a in list_actions(upgraded, programme.id, today=TODAY)]
        assert sorted(owners) == ["Ade Okafor", "Nobody Known", "Sam", "siob"]
    finally:
        upgraded.close()


@pytest.mark.parametrize(
    ("line", "offered"),
    [
        # What was typed stays as typed; the rest is the member's spelling.
        ("a: send it @sio", "a: send it @siobhán O'Neill"),
        ("a: send it @Siobh", "a: send it @Siobhán O'Neill"),
        ("action: send it @ad", "action: send it @ade Okafor"),
        # A name is finished from the word it began, whichever word of the name that is.
        ("a: send it @ok", "a: send it @okafor"),
        ("a: send it @amr", "a: send it @amrit Patel"),
        ("a: send it @Sam J", "a: send it @Sam Jones"),
        ("a: send it @Sam", None),  # Sam Jones or Samira Khan
        ("a: send it @Ade Okafor", None),  # already whole
        ("a: write to ade@nhs", None),  # an e-mail address, not an owner
        ("send it @sio", None),  # not an action
        ("a: send it", None),
    ],
)
def test_the_note_line_offers_the_rest_of_one_name(line: str, offered: str | None) -> None:
    from sessions.names import owner_completion

    assert owner_completion(line, MEMBERS) == offered
