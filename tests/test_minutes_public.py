"""Minutes in two versions where something was taken in private: the full one for members,
and a public one that carries none of it, in any format, and says where it was withheld."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from facilitator.cli import main
from sessions.errors import InputError
from sessions.services import notes, planning, running
from sessions.services.confidential import set_note_confidential
from sessions.services.minutes import (
    minutes_filename,
    render_minutes,
    session_minutes,
    write_minutes,
)
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.confidential_board import FORMATS, SECRET, confidential_board, every_word

pytestmark = pytest.mark.usefixtures("utc_local_time")


@pytest.fixture
def board(store: Store, clock) -> SimpleNamespace:
    return confidential_board(store, clock)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_public_minutes_carry_nothing_taken_in_private(store, board, fmt) -> None:
    text = every_word(render_minutes(store, board.first, fmt, version="public"), fmt)
    assert SECRET not in text
    assert "Item 2 was taken in private." in text and "Item 3 was taken in private." in text
    assert "Public minutes: items taken in private are left out." in text
    assert "Full minutes" not in text and "publish the budget" in text
    # What was said in public stays, the action log's public actions with it.
    for said in ("Everyone welcome", "The budget is on track", "keep the reserves", "Budget"):
        assert said in text
    # She left the room for the item in public; which item it was is not said.
    assert "Left the room for item 2 (taken in private)." in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_full_minutes_carry_everything_and_say_so(store, board, fmt) -> None:
    text = every_word(render_minutes(store, board.first, fmt, version="full"), fmt)
    assert "Full minutes, for members: they include items taken in private." in text
    assert "Public minutes" not in text and "was taken in private." not in text
    for said in (
        "contract talks",
        "the rent figures",
        "accept the offer",
        "call the landlord",
        "renew",
        "the vote was close",
        "the deficit",
        "ring the bank",
        "cut the budget",
        "keep the reserves",
        "publish the budget",
    ):
        assert said in text


def test_the_full_markdown_marks_what_was_private(store, board) -> None:
    text = render_minutes(store, board.first, "md").decode("utf-8")
    assert f"### 2. {SECRET} contract talks (taken in private)\n" in text
    assert f"- {SECRET} the deficit *(confidential)*\n" in text
    assert "- The budget is on track\n" in text
    assert "**Full minutes, for members: they include items taken in private.**\n" in text


def test_the_public_markdown_keeps_the_number_in_place(store, board) -> None:
    text = render_minutes(store, board.first, "md", version="public").decode("utf-8")
    assert "### 2. Taken in private\n\nItem 2 was taken in private.\n\n### 3." in text
    assert "| 1.2 |" not in text  # the public action log leaves the private ones out


def test_a_later_session_keeps_private_actions_out_of_its_public_minutes(store, board) -> None:
    full = render_minutes(store, board.second, "md").decode("utf-8")
    public = render_minutes(store, board.second, "md", version="public").decode("utf-8")
    assert f"{SECRET} call the landlord" in full and f"{SECRET} ring the bank" in full
    assert SECRET not in public
    assert "publish the budget" in public


def test_the_file_names_say_which_version(store, board) -> None:
    full = write_minutes(store, board.first)
    public = write_minutes(store, board.first, version="public", fmt="docx")
    assert full.name == "harbour-programme-session-1-full.md"
    assert public.name == "harbour-programme-session-1-public.docx"
    assert SECRET not in every_word(public.read_bytes(), "docx")
    minutes = session_minutes(store, board.first)
    assert minutes_filename(minutes, "html", "public") == "harbour-programme-session-1-public.html"


def test_nothing_confidential_writes_what_it_always_wrote(store, small_agenda, clock) -> None:
    programme = create_programme(store, "Quiet programme")
    sid = planning.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, sid, clock())
    notes.add_note(store, sid, 0, "a: send the notes @Sam 2026-12-01", "deal", now=clock())
    running.finish_session(store, sid, clock.advance(600))
    for fmt in FORMATS:
        written = render_minutes(store, sid, fmt)
        assert render_minutes(store, sid, fmt, version="public") == written
        assert render_minutes(store, sid, fmt, version="full") == written
    text = render_minutes(store, sid, "md").decode("utf-8")
    assert "Full minutes" not in text and "Public minutes" not in text
    assert write_minutes(store, sid).name == "quiet-programme-session-1.md"
    assert write_minutes(store, sid, version="public").name == "quiet-programme-session-1.md"


def test_a_note_is_marked_while_the_session_runs_and_not_after(store, board) -> None:
    # Session 2 has not finished: its notes can still be marked, and unmarked.
    note = notes.add_note(store, board.second, 2, "An open remark", "deal")
    assert note is not None and not note.confidential
    assert set_note_confidential(store, note.id, True).confidential
    assert [n.confidential for n in notes.list_notes(store, board.second)] == [True]
    assert not set_note_confidential(store, note.id, False).confidential
    with pytest.raises(InputError, match="the minutes are a record"):
        set_note_confidential(store, board.deficit, False)
    assert [n.text for n in notes.list_notes(store, board.first) if n.confidential] == [
        f"{SECRET} the deficit",
        f"{SECRET} ring the bank",
        f"{SECRET} cut the budget",
    ]


def test_the_command_line_writes_the_public_version(db_path, board, capsys) -> None:
    assert main(["--db", str(db_path), "minutes", "harbour-programme/1", "--public"]) == 0
    written = capsys.readouterr().out.strip()
    assert written.endswith("harbour-programme-session-1-public.md")
    assert main(["--db", str(db_path), "minutes", "harbour-programme/1"]) == 0
    assert capsys.readouterr().out.strip().endswith("harbour-programme-session-1-full.md")
    args = ["--db", str(db_path), "minutes", "harbour-programme/1", "--public", "--output", "-"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Item 2 was taken in private." in out and SECRET not in out
