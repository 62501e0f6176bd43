"""Whether minutes were approved, and what amends them, travel in the exchange file; an older
file's minutes come in as drafts, and a file that says something impossible is refused."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from sessions.errors import InputError
from sessions.exchange.format import VERSION
from sessions.exchange.parse import read_document
from sessions.services import notes, people, planning, running, undo
from sessions.services.exchange import export_programme, import_programme
from sessions.services.minutes import render_minutes
from sessions.services.minutes_approval import amend, approve, minutes_status
from sessions.services.programmes import create_programme
from sessions.services.running import resolve_session_ref
from sessions.store import Store
from tests.row_counts import row_counts

pytestmark = pytest.mark.usefixtures("utc_local_time")

WEEK = 7 * 86400


def _held(store, programme_id, agenda, clock) -> int:
    clock.advance(WEEK)
    sid = planning.start_session(store, programme_id, agenda)
    running.toggle_clock(store, sid, clock())
    notes.add_note(store, sid, 0, "d: pool the winter money", "deal", now=clock.advance(30))
    return sid


@pytest.fixture
def approved(store, small_agenda, clock) -> SimpleNamespace:
    """Session 2 amends session 1's minutes (a member, a typed name, one withdrawn) and
    approves them; session 3 adds an erratum and approves session 2's as they stand."""
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    ann = people.add_member(store, programme.id, "Dr Ann Patel")
    first = _held(store, programme.id, small_agenda, clock)
    running.finish_session(store, first, clock.advance(1800))
    second = _held(store, programme.id, small_agenda, clock)
    amend(store, second, first, "Item 2: six practices", proposer_member_id=ann.id, now=clock())
    amend(store, second, first, "Bea sent apologies", proposer="The chair", now=clock.advance(5))
    mistake = amend(store, second, first, "typed in error", proposer="Jo", now=clock.advance(5))
    undo.undo_change(store, mistake, now=clock.advance(5))
    approve(store, second, first, now=clock.advance(5))
    running.finish_session(store, second, clock.advance(1800))
    third = _held(store, programme.id, small_agenda, clock)
    amend(store, third, first, "The meeting closed at 11:00", proposer="Jo", now=clock())
    approve(store, third, second, now=clock.advance(5))
    running.finish_session(store, third, clock.advance(1800))
    return SimpleNamespace(
        programme=programme,
        sessions=(first, second, third),
        file=export_programme(store, programme.slug)[1],
    )


@pytest.fixture
def other(tmp_path):
    store = Store.open(tmp_path / "other.db")
    yield store
    store.close()


def _ids(store: Store, slug: str) -> list[int]:
    return [resolve_session_ref(store, f"{slug}/{number}") for number in (1, 2, 3)]


def _status(store: Store, session_id: int) -> tuple[object, ...]:
    status = minutes_status(store, session_id)
    return (
        status.number,
        status.approved_in,
        status.approved_on,
        [(a.kind, a.text, a.proposer, a.made_in, a.made_on) for a in status.amendments],
        [(e.kind, e.text, e.proposer, e.made_in, e.made_on) for e in status.errata],
    )


def test_the_file_carries_the_approval_and_every_change(approved) -> None:
    data = json.loads(approved.file)
    assert data["version"] == VERSION == 9
    first, second, third = data["sessions"]
    assert first["minutes_approved_in"] == 2
    assert first["minutes_approved_at"].endswith("Z")
    assert second["minutes_approved_in"] == 3
    assert third["minutes_approved_in"] is None and third["minutes_approved_at"] is None
    assert [
        (a["kind"], a["text"], a["proposer"], a["proposer_member"], a["made_in"])
        for a in first["minutes_amendments"]
    ] == [
        ("amendment", "Item 2: six practices", "Dr Ann Patel", "Dr Ann Patel", 2),
        ("amendment", "Bea sent apologies", "The chair", None, 2),
        ("amendment", "typed in error", "Jo", None, 2),
        ("erratum", "The meeting closed at 11:00", "Jo", None, 3),
    ]
    assert [a["deleted_at"] is not None for a in first["minutes_amendments"]] == [
        False,
        False,
        True,
        False,
    ]
    assert second["minutes_amendments"] == []


def test_an_approved_programme_comes_back_the_same(store, other, approved) -> None:
    imported = import_programme(other, read_document(approved.file, "harbour.json"))
    there = _ids(other, imported.slug)
    for source, target in zip(approved.sessions, there, strict=True):
        assert _status(other, target) == _status(store, source)
        for kind in ("md", "docx"):
            assert render_minutes(other, target, kind) == render_minutes(store, source, kind)
    assert export_programme(other, imported.slug)[1] == approved.file
    # The member who proposed an amendment is the imported programme's own member.
    amendment = json.loads(export_programme(other, imported.slug)[1])["sessions"][0]
    assert amendment["minutes_amendments"][0]["proposer_member"] == "Dr Ann Patel"


def test_an_older_file_imports_with_its_minutes_as_drafts(other, approved) -> None:
    data = json.loads(approved.file)
    data["version"] = 5
    for session in data["sessions"]:
        del session["minutes_approved_in"], session["minutes_approved_at"]
        del session["minutes_amendments"]
    imported = import_programme(other, read_document(json.dumps(data), "old.json"))
    first, _, _ = _ids(other, imported.slug)
    status = minutes_status(other, first)
    assert not status.approved and status.amendments == () and status.errata == ()
    again = json.loads(export_programme(other, imported.slug)[1])
    assert again["version"] == VERSION
    assert [s["minutes_approved_in"] for s in again["sessions"]] == [None, None, None]
    assert "DRAFT: to be approved" in render_minutes(other, first, "md").decode("utf-8")


def _amendment(data, number=0):
    return data["sessions"][0]["minutes_amendments"][number]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["sessions"][0].update(minutes_approved_in=9),
            'session 1: "minutes_approved_in" is 9, not a later session in this file',
        ),
        (
            lambda d: d["sessions"][1].update(minutes_approved_in=1),
            'session 2: "minutes_approved_in" is 1, not a later session in this file',
        ),
        (
            lambda d: d["sessions"][0].update(minutes_approved_in=0),
            'session 1: "minutes_approved_in" is 0, below 1',
        ),
        (
            lambda d: d["sessions"][0].update(minutes_approved_at=None),
            'session 1: "minutes_approved_in" and "minutes_approved_at" are both given, or '
            "both null",
        ),
        (
            lambda d: d["sessions"][2].update(
                minutes_approved_in=3, minutes_approved_at="2026-12-01T10:00:00Z"
            ),
            'session 3: "minutes_approved_in" is 3, not a later session in this file',
        ),
        (
            lambda d: d["sessions"][0].update(minutes_approved_at="yesterday"),
            'session 1: "minutes_approved_at" is not an ISO 8601 time with its time zone',
        ),
        (
            lambda d: d["sessions"][0].pop("minutes_amendments"),
            'session 1 has no "minutes_amendments"',
        ),
        (
            lambda d: _amendment(d).update(kind="rewrite"),
            "session 1, minutes amendment 1: \"kind\" is 'rewrite', not one of: amendment, erratum",
        ),
        (
            lambda d: _amendment(d).update(proposer_member="Nobody Here"),
            "session 1, minutes amendment 1: \"proposer_member\" is 'Nobody Here', who is not in "
            "the members list",
        ),
        (
            lambda d: _amendment(d).update(proposer="   "),
            'session 1, minutes amendment 1: "proposer" is blank',
        ),
        (
            lambda d: _amendment(d).update(proposer="x" * 201),
            'session 1, minutes amendment 1: "proposer" is 201 characters, more than 200',
        ),
        (
            lambda d: _amendment(d).update(text=["not", "text"]),
            'session 1, minutes amendment 1: "text" is not text',
        ),
        (
            lambda d: _amendment(d).update(made_in=1),
            'session 1, minutes amendment 1: "made_in" is 1, not a later session in this file',
        ),
        (
            lambda d: _amendment(d).update(made_in=True),
            'session 1, minutes amendment 1: "made_in" is not a whole number',
        ),
        (
            lambda d: _amendment(d, 3).update(made_in=1),
            'session 1, minutes amendment 4: "made_in" is 1, not a later session in this file',
        ),
        (
            lambda d: d["sessions"][0].update(minutes_approved_in=None, minutes_approved_at=None),
            "session 1, minutes amendment 4: it is an erratum, but the minutes were not yet "
            "approved",
        ),
        (
            lambda d: _amendment(d, 3).update(kind="amendment"),
            "session 1, minutes amendment 4: it is an amendment, but the minutes were approved "
            "at an earlier session",
        ),
        (
            lambda d: d["sessions"][2].update(
                finished_at=None,
                minutes_amendments=[dict(_amendment(d), made_in=3, kind="amendment")],
            ),
            'session 3, minutes amendment 1: "made_in" is 3, not a later session in this file',
        ),
        (
            lambda d: d["sessions"][0].update(finished_at=None),
            "session 1: its minutes are approved, but it never finished",
        ),
    ],
)
def test_a_file_that_says_something_impossible_is_refused(
    other, approved, tmp_path, change, message
) -> None:
    data = json.loads(approved.file)
    change(data)
    before = row_counts(tmp_path / "other.db", ("programme", "minutes_amendment"))
    with pytest.raises(InputError) as refused:
        import_programme(other, read_document(json.dumps(data), "backup.json"))
    text = str(refused.value)
    assert text.startswith("backup.json is damaged or incomplete: ")
    assert message in text and text.endswith("Nothing was imported.")
    assert row_counts(tmp_path / "other.db", ("programme", "minutes_amendment")) == before


def test_a_draft_finished_later_keeps_its_amendments_so_far(store, other, small_agenda) -> None:
    """Amendments agreed while the minutes wait for approval travel as they are."""
    from tests.conftest import FakeClock

    clock = FakeClock(datetime(2026, 11, 23, 9, 30, tzinfo=UTC))
    programme = create_programme(store, "Waiting programme")
    first = _held(store, programme.id, small_agenda, clock)
    running.finish_session(store, first, clock.advance(1800))
    second = _held(store, programme.id, small_agenda, clock)
    amend(store, second, first, "Fix the date", proposer="Chair", now=clock.advance(5))
    running.finish_session(store, second, clock.advance(1800))
    file = export_programme(store, programme.slug)[1]
    imported = import_programme(other, read_document(file, "waiting.json"))
    there = resolve_session_ref(other, f"{imported.slug}/1")
    status = minutes_status(other, there)
    assert not status.approved
    assert [(a.text, a.proposer, a.made_in) for a in status.amendments] == [
        ("Fix the date", "Chair", 2)
    ]
    assert export_programme(other, imported.slug)[1] == file


def test_a_withdrawn_erratum_to_minutes_no_longer_approved_travels(
    store, other, small_agenda, clock
) -> None:
    """The room approved, corrected, then took both back: the file says so and imports."""
    programme = create_programme(store, "Second thoughts programme")
    first = _held(store, programme.id, small_agenda, clock)
    running.finish_session(store, first, clock.advance(1800))
    second = _held(store, programme.id, small_agenda, clock)
    approval = approve(store, second, first, now=clock.advance(5))
    erratum = amend(store, second, first, "Fix the date", proposer="Chair", now=clock.advance(5))
    undo.undo_change(store, erratum, now=clock.advance(5))
    undo.undo_change(store, approval, now=clock.advance(5))
    running.finish_session(store, second, clock.advance(1800))
    file = export_programme(store, programme.slug)[1]
    assert json.loads(file)["sessions"][0]["minutes_amendments"][0]["kind"] == "erratum"
    imported = import_programme(other, read_document(file, "second-thoughts.json"))
    assert not minutes_status(other, resolve_session_ref(other, f"{imported.slug}/1")).approved
    assert export_programme(other, imported.slug)[1] == file
