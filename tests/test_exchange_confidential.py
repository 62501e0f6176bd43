"""Items taken in private and notes said in confidence travel in the exchange file; an older
file comes in with nothing confidential, and a mark that is not true or false is refused."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from sessions.errors import InputError
from sessions.exchange.format import VERSION
from sessions.exchange.parse import read_document
from sessions.services import notes, running
from sessions.services.exchange import export_programme, import_programme
from sessions.services.minutes import render_minutes
from sessions.store import Store
from tests.confidential_board import SECRET, confidential_board
from tests.row_counts import row_counts

pytestmark = pytest.mark.usefixtures("utc_local_time")


@pytest.fixture
def board(store: Store, clock) -> SimpleNamespace:
    made = confidential_board(store, clock)
    made.file = export_programme(store, "harbour-programme")[1]
    return made


@pytest.fixture
def other(tmp_path):
    store = Store.open(tmp_path / "other.db")
    yield store
    store.close()


def _sessions(store: Store, slug: str) -> list[int]:
    return [running.resolve_session_ref(store, f"{slug}/{n}") for n in (1, 2)]


def test_the_file_carries_both_marks(board) -> None:
    data = json.loads(board.file)
    assert data["version"] == VERSION == 9
    first = data["sessions"][0]
    assert [item["confidential"] for item in first["items"]] == [False, True, True, False]
    assert [note["text"] for note in first["notes"] if note["confidential"]] == [
        f"{SECRET} the deficit",
        f"{SECRET} ring the bank",
        f"{SECRET} cut the budget",
    ]


def test_the_marks_come_back_the_same(store, other, board) -> None:
    imported = import_programme(other, read_document(board.file, "harbour.json"))
    assert export_programme(other, imported.slug)[1] == board.file
    here, there = _sessions(store, "harbour-programme"), _sessions(other, imported.slug)
    for source, target in zip(here, there, strict=True):
        for version in ("full", "public"):
            for fmt in ("md", "docx"):
                assert render_minutes(other, target, fmt, version=version) == render_minutes(
                    store, source, fmt, version=version
                )
    assert [n.confidential for n in notes.list_notes(other, there[0], 3)] == [
        False,
        True,
        True,
        True,
        False,
        False,
    ]


def test_an_older_file_imports_with_nothing_confidential(other, board) -> None:
    data = json.loads(board.file)
    data["version"] = 6
    for session in data["sessions"]:
        for row in (*session["items"], *session["notes"]):
            del row["confidential"]
    imported = import_programme(other, read_document(json.dumps(data), "old.json"))
    first, _ = _sessions(other, imported.slug)
    again = json.loads(export_programme(other, imported.slug)[1])
    assert again["version"] == VERSION
    for session in again["sessions"]:
        assert not any(row["confidential"] for row in (*session["items"], *session["notes"]))
    text = render_minutes(other, first, "md", version="public").decode("utf-8")
    assert f"{SECRET} contract talks" in text and "taken in private" not in text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["sessions"][0]["items"][1].update(confidential="yes"),
            "\"confidential\" is 'yes', not true or false",
        ),
        (
            lambda d: d["sessions"][0]["items"][1].update(confidential=1),
            '"confidential" is 1, not true or false',
        ),
        (
            lambda d: d["sessions"][0]["notes"][0].update(confidential=None),
            'note 1: "confidential" is null',
        ),
        (
            lambda d: d["sessions"][0]["notes"][0].pop("confidential"),
            'has no "confidential"',
        ),
    ],
)
def test_a_mark_that_is_not_true_or_false_is_refused(
    other, board, tmp_path, change, message
) -> None:
    data = json.loads(board.file)
    change(data)
    before = row_counts(tmp_path / "other.db", ("programme", "note"))
    with pytest.raises(InputError) as refused:
        import_programme(other, read_document(json.dumps(data), "backup.json"))
    text = str(refused.value)
    assert text.startswith("backup.json is damaged or incomplete: session 1, ")
    assert message in text and text.endswith("Nothing was imported.")
    assert row_counts(tmp_path / "other.db", ("programme", "note")) == before
