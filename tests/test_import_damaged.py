"""`facilitator import` meets any damaged file with the same calm answer: exit 2, one line
saying where the file is damaged, and nothing written, never a traceback or exit 1."""

from __future__ import annotations

import copy
import json
import re
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from facilitator.cli import main
from sessions.exchange.format import dump
from sessions.exchange.parse import read_document
from sessions.services.exchange import export_programme, import_programme
from sessions.store import Store
from tests.conftest import FakeClock
from tests.rich_session import rich_programme
from tests.row_counts import row_counts

TABLES = (
    "programme",
    "member",
    "interest",
    "session",
    "agenda_item",
    "note",
    "note_revision",
    "action",
    "action_change",
    "action_review",
    "attendance",
    "declaration",
    "timer_event",
    "activity_result",
    "minutes_amendment",
    "room_question",
)
# Stand-ins json.dumps cannot write, put into the text after it: a number too long for
# Python to read, and one too large for a float.
TOO_LONG = "__too_long_a_number__"
TOO_LARGE = "__too_large_a_float__"
DEEP = "__nested_deep__"
# What a refusal says about where the file is wrong, for every kind of damage.
PLACE = re.compile(
    r"is damaged or incomplete: .+|is not JSON \(.+ at line \d+, column \d+\)"
    r"|is not JSON: it is not UTF-8 text|is not JSON this can read: .+"
    r"|is not a facilitator programme export \(no \"format\"|has no usable \"version\""
    r"|was written by a newer facilitator \(format version"
    # Damage to a name can leave one another programme here already has: also refused.
    r"|already exists here|already has the slug"
)


# What phones sent in the second session: one waiting, one set aside, one made its first note.
QUESTIONS = [
    {
        "item": 0,
        "member": member,
        "text": text,
        "asked_at": "2026-11-30T10:00:00Z",
        "state": state,
        "decided_at": None if state == "waiting" else "2026-11-30T10:05:00Z",
        "note": 0 if state == "accepted" else None,
    }
    for member, text, state in [
        ("Bea Hughes", "Who pays for the data?", "accepted"),
        (None, "Is this ring-fenced?", "set aside"),
        (None, "When do we hear back?", "waiting"),
    ]
]


class Export(str):
    """An export's text, named rather than spelt out when a failing example is shown."""

    def __repr__(self) -> str:
        return "<a rich programme's export>"


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> str:
    """A rich programme's file: every kind of row the format carries."""
    store = Store.open(tmp_path_factory.mktemp("sample") / "sample.db")
    try:
        slug = rich_programme(store, FakeClock()).slug
        data = json.loads(export_programme(store, slug)[1])
        data["sessions"][1]["room_questions"] = QUESTIONS
        return Export(dump(data))
    finally:
        store.close()


def written(path: Path, data: Any) -> Path:
    text = json.dumps(data, ensure_ascii=True)
    text = text.replace(f'"{TOO_LONG}"', "7" * 5000).replace(f'"{TOO_LARGE}"', "1e999")
    text = text.replace(f'"{DEEP}"', "[" * 100 + "]" * 100)
    path.write_text(text, encoding="utf-8")
    return path


def imported(db: Path | str, path: Path, capsys) -> tuple[int, str]:
    code = main(["--db", str(db), "import", str(path)])
    return code, capsys.readouterr().err


def assert_refused_calmly(code: int, err: str, path: Path) -> None:
    assert code == 2, err
    assert "Traceback" not in err and "unexpected error" not in err, err
    assert err.startswith(f"facilitator: {path} ") and err.count("\n") == 1, err
    assert PLACE.search(err) and err.rstrip().endswith("Nothing was imported."), err


def _note(data: dict) -> dict:
    return next(note for note in data["sessions"][0]["notes"] if note["action"] is not None)


def _item(data: dict) -> dict:
    return data["sessions"][1]["items"][0]


def _activity(data: dict) -> dict:
    return next(item for item in data["sessions"][1]["items"] if item["activity"])["activity"]


def _timer_event(data: dict) -> dict:
    return data["sessions"][0]["timer_events"][0]


# The nastiest damage seen in the wild, each with where its refusal should point: no
# database the app runs on could store any of it.
NASTY = [
    pytest.param(
        lambda d: d["programme"].update(name="Harbour \ud800"),
        'the programme: "name" holds a broken character',
        id="lone-surrogate",
    ),
    pytest.param(
        lambda d: _timer_event(d).update(seconds=2**63),
        'session 1, timer event 1: "seconds" is 9223372036854775808, beyond what the database',
        id="2**63",
    ),
    pytest.param(
        lambda d: d["sessions"][0].update(number=-(2**63) - 1),
        'session 1: "number" is -9223372036854775809, beyond what the database holds',
        id="below-int",
    ),
    pytest.param(
        lambda d: _note(d)["action"].update(owner="\udfff"),
        'session 1, note 1, action: "owner" holds a broken character',
        id="surrogate-deep",
    ),
    pytest.param(
        lambda d: _activity(d).update(broken="\ud800"),
        "holds a broken character (half a surrogate pair) at 'broken'",
        id="surrogate-in-activity",
    ),
    pytest.param(
        lambda d: _activity(d).update(listed=["fine", "\udfff"]),
        "holds a broken character (half a surrogate pair) at 'listed'[1]",
        id="surrogate-in-a-list-in-activity",
    ),
    pytest.param(
        lambda d: _activity(d).update(huge=2**64),
        "holds a number too large for the database at 'huge'",
        id="huge-in-activity",
    ),
    pytest.param(
        lambda d: _activity(d).update(nan=float("nan")),
        "holds a number that is not finite at 'nan'",
        id="nan-in-activity",
    ),
    pytest.param(
        lambda d: _activity(d).update(inf=TOO_LARGE),
        "holds a number that is not finite at 'inf'",
        id="1e999-in-activity",
    ),
    pytest.param(
        lambda d: _timer_event(d).update(seconds=TOO_LARGE),
        '"seconds" is not a whole number',
        id="1e999",
    ),
    pytest.param(
        lambda d: _timer_event(d).update(seconds=TOO_LONG),
        "it holds a number too long to read",
        id="5000-digits",
    ),
    pytest.param(
        lambda d: d["programme"].update(created_at="0001-01-01T00:00:00+05:00"),
        'the programme: "created_at" is not an ISO 8601 time with its time zone',
        id="time-before-the-calendar",
    ),
    pytest.param(
        lambda d: d["programme"].update(archived_at="9999-12-31T23:59:59-05:00"),
        'the programme: "archived_at" is not an ISO 8601 time with its time zone',
        id="time-after-the-calendar",
    ),
    pytest.param(
        lambda d: _item(d).update(confidential=1),
        'session 2, item 1: "confidential" is 1, not true or false',
        id="1-for-true",
    ),
    pytest.param(
        lambda d: _item(d).update(step=True),
        'session 2, item 1: "step" is True, not one of',
        id="true-for-a-step",
    ),
    pytest.param(
        lambda d: _activity(d).update(deep=DEEP),
        "is nested more than 32 deep at 'deep'[0][0]",
        id="deeply-nested-activity",
    ),
]


@pytest.mark.parametrize(("change", "message"), NASTY)
def test_the_nastiest_damage_is_refused_where_it_is(
    db_path, sample, tmp_path, capsys, change, message
) -> None:
    data = json.loads(sample)
    change(data)
    path = written(tmp_path / "damaged.json", data)
    Store.open(db_path).close()
    before = row_counts(db_path, TABLES)
    code, err = imported(db_path, path, capsys)
    assert_refused_calmly(code, err, path)
    assert message in err
    assert row_counts(db_path, TABLES) == before


# What PostgreSQL refuses and SQLite keeps: a file moved from SQLite may hold it.
BEYOND_POSTGRESQL = [
    pytest.param(
        lambda d: _note(d).update(text="the draft\u0000"),
        'session 1, note 1: "text" holds a NUL character, which the database cannot store',
        id="nul",
    ),
    pytest.param(
        lambda d: _item(d).update(planned_seconds=2**31),
        'session 2, item 1: "planned_seconds" is 2147483648, beyond what the database holds',
        id="2**31",
    ),
    pytest.param(
        lambda d: _item(d).update(title="t" * 501),
        'session 2, item 1: "title" is 501 characters, more than 500',
        id="too-long-for-its-column",
    ),
    pytest.param(
        lambda d: d["members"][0].update(role="r" * 256),
        'member 1: "role" is 256 characters, more than 255',
        id="too-long-for-text",
    ),
]


@pytest.mark.postgresql_only
@pytest.mark.parametrize(("change", "message"), BEYOND_POSTGRESQL)
def test_what_postgresql_cannot_store_is_refused_where_it_is(
    db_path, sample, tmp_path, capsys, change, message
) -> None:
    test_the_nastiest_damage_is_refused_where_it_is(
        db_path, sample, tmp_path, capsys, change, message
    )


@pytest.mark.sqlite_only
@pytest.mark.parametrize(("change", "message"), BEYOND_POSTGRESQL)
def test_what_sqlite_keeps_still_imports_into_sqlite(
    db_path, sample, tmp_path, capsys, change, message
) -> None:
    data = json.loads(sample)
    change(data)
    path = written(tmp_path / "from-sqlite.json", data)
    assert imported(db_path, path, capsys) == (0, "")
    store = Store.open(db_path)
    try:
        assert json.loads(export_programme(store, data["programme"]["slug"])[1]) == data
    finally:
        store.close()


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"\xff\xfe\x00{}", id="not-utf-8"),
        pytest.param(b"[1, 2, 3]", id="a-list"),
        pytest.param(b'"just text"', id="a-string"),
        pytest.param(b"[" * 100_000 + b"]" * 100_000, id="nested-past-the-limit"),
        pytest.param(b'{"format": "facilitator-programme", "version": 1e999}', id="inf-version"),
    ],
)
def test_a_file_that_is_no_export_at_all_is_refused_calmly(tmp_path, capsys, raw) -> None:
    path = tmp_path / "odd.json"
    path.write_bytes(raw)
    code, err = imported(tmp_path / "db" / "facilitator.db", path, capsys)
    assert_refused_calmly(code, err, path)


def test_a_cut_short_file_is_refused_calmly(sample, tmp_path, capsys) -> None:
    raw = sample.encode("utf-8")
    for cut in (1, len(raw) // 3, len(raw) // 2, len(raw) - 3):
        path = tmp_path / f"cut-{cut}.json"
        path.write_bytes(raw[:cut])
        code, err = imported(tmp_path / "db" / "facilitator.db", path, capsys)
        assert_refused_calmly(code, err, path)


def test_a_failure_while_writing_leaves_the_database_exactly_as_it_was(
    db_path, sample, monkeypatch
) -> None:
    """The import writes in one transaction: a failure half way undoes all of it, and
    leaves what was there before untouched."""
    from sessions.exchange import load

    store = Store.open(db_path)
    try:
        import_programme(store, read_document(sample, "first.json"))
        before = row_counts(db_path, TABLES)
        second = read_document(sample, "second.json")

        def fail_at_the_last_step(*args: Any) -> None:
            raise RuntimeError("the disk went away")

        monkeypatch.setattr(load, "_add_changes", fail_at_the_last_step)
        with pytest.raises(RuntimeError):
            import_programme(store, second, "Harbour again")
    finally:
        store.close()
    assert row_counts(db_path, TABLES) == before


# Random damage: values a hand edit, a bad tool or a cut-short copy could leave.
NASTY_VALUES = [
    2**63,
    -(2**63) - 1,
    2**31,
    -1,
    0,
    10**40,
    1.5,
    float("nan"),
    float("inf"),
    TOO_LONG,
    TOO_LARGE,
    "\ud800",
    "\udfff tail",
    "nul \u0000",
    "",
    "   ",
    "x" * 600,
    "9999-12-31T23:59:59-05:00",
    "0001-01-01T00:00:00+05:00",
    "2026-02-30",
    "2026-13-01T00:00:00Z",
    None,
    True,
    False,
    [],
    {},
    [None],
    {"x": "\ud800"},
]
_names = count()


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    """Every place in the file's JSON, the whole of it first."""
    found = [path]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*path, index))
    return found


def _mutated(data: Any, path: tuple, how: str, value: Any) -> Any:
    if not path:
        return value if how == "replace" else data
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if how == "replace":
        parent[last] = value
    elif how == "delete":
        del parent[last]
    elif isinstance(parent[last], dict):  # "add": a key the format does not know
        parent[last]["added by hand"] = value
    elif isinstance(parent[last], list):
        parent[last].append(value)
    return data


@st.composite
def damage(draw, sample: str) -> tuple[Any, int | None]:
    data = json.loads(sample)
    # Each example is its own programme, so one that imports clashes with no other.
    number = next(_names)
    data["programme"].update(name=f"Harbour {number}", slug=f"harbour-{number}")
    paths = _paths(data)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths))
        how = draw(st.sampled_from(("replace", "delete", "add")))
        # A copy: a list or object put in the file may be added to by the next mutation.
        value = copy.deepcopy(draw(st.sampled_from(NASTY_VALUES)))
        data = _mutated(data, path, how, value)
        paths = _paths(data)
    # One file in five is also cut short, as a copy that stopped part way would be.
    cut = draw(st.floats(0, 1, exclude_max=True)) if draw(st.integers(0, 4)) == 0 else None
    return data, cut


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_damage_gets_exit_0_or_the_calm_refusal(sample, tmp_path, capsys, data) -> None:
    damaged, cut = data.draw(damage(sample))
    path = written(tmp_path / "damaged.json", damaged)
    if cut is not None:
        raw = path.read_bytes()
        path.write_bytes(raw[: int(len(raw) * cut)])
    db = tmp_path / "db" / "facilitator.db"
    Store.open(db).close()
    before = row_counts(db, ["programme"])["programme"]
    code, err = imported(db, path, capsys)
    place = PLACE.search(err)
    event(f"exit {code}" + (f": {place.group()[:30]}" if place else ""))
    after = row_counts(db, ["programme"])["programme"]
    if code == 0:
        assert after == before + 1 and not err
        return
    assert_refused_calmly(code, err, path)
    assert after == before
