"""`facilitator digest`: what it says it wrote, an owner it cannot find, and the refusal
that writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.cli import main
from sessions.services import notes, planning, running
from sessions.services.programmes import list_programmes
from sessions.store import Store
from tests.confidential_board import SECRET, confidential_board
from tests.test_digest import AGENDA, NOW, build_harbour
from tests.test_identifiers_in_documents import NHS_NUMBER

pytestmark = [pytest.mark.usefixtures("utc_local_time"), pytest.mark.sqlite_only]


@pytest.fixture
def recorded(db_path: Path) -> Path:
    store = Store.open(db_path)
    try:
        build_harbour(store)
    finally:
        store.close()
    return db_path


def run(db: Path, *argv: str) -> int:
    return main(["--db", str(db), "digest", "harbour-programme", *argv])


def test_it_says_what_it_wrote_for_whom_and_who_has_nothing_open(
    recorded, tmp_path, capsys
) -> None:
    folder = tmp_path / "out"
    assert run(recorded, "-o", str(folder)) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0] == str(folder) and err == ""
    assert lines[1].startswith("  dr-asha-patel.md .html .eml  Dr Asha Patel: ")
    assert lines[1].endswith("(to asha.patel@nhs.net)")
    assert lines[2].startswith("  sam.md .html .eml  Sam: ")
    assert lines[2].endswith("(no e-mail address: fill in To: to send)")
    assert lines[-1] == "No open actions, so no files: Ben Ho."
    assert run(recorded, "--owner", "ben", "-o", str(tmp_path / "ben")) == 0
    assert capsys.readouterr().out == "No open actions, so no files: Ben Ho.\n"
    assert not (tmp_path / "ben").exists()


def test_an_owner_nobody_is_called_is_one_line_and_nothing_written(
    recorded, tmp_path, capsys
) -> None:
    folder = tmp_path / "out"
    assert run(recorded, "--owner", "Zed", "-o", str(folder)) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "facilitator: No member or action owner of Harbour programme is called 'Zed': "
        "give a member's name as the members screen lists it.\n"
    )
    assert not folder.exists()


def test_identifiers_refuse_every_file_until_kept_on_purpose(recorded, tmp_path, capsys) -> None:
    store = Store.open(recorded)
    try:
        (programme,) = list_programmes(store)
        session = planning.start_session(store, programme.id, AGENDA)
        running.toggle_clock(store, session, NOW)
        notes.add_note(store, session, 0, f"a: ring re {NHS_NUMBER} @Sam", "deal", now=NOW)
    finally:
        store.close()
    folder = tmp_path / "out"
    assert run(recorded, "-o", str(folder)) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert "NHS number in session 2, action 2.1" in err and "--keep-identifiers" in err
    assert NHS_NUMBER not in err and not folder.exists()
    assert run(recorded, "--keep-identifiers", "-o", str(folder)) == 0
    capsys.readouterr()
    assert NHS_NUMBER in (folder / "sam.md").read_text(encoding="utf-8")
    # Kept once, it is kept: the next reminders are written without being told again.
    assert run(recorded, "-o", str(tmp_path / "again")) == 0


def test_it_says_whose_confidential_actions_it_left_out(db_path, tmp_path, clock, capsys) -> None:
    store = Store.open(db_path)
    try:
        confidential_board(store, clock)
    finally:
        store.close()
    assert run(db_path, "-o", str(tmp_path / "out")) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-2:] == [
        "No open actions, so no files: Dr Asha Patel.",
        "Left out 2 actions raised in private or in confidence, owed by Jo, Sam "
        "(give --include-confidential to list them).",
    ]
    assert SECRET not in "".join(p.read_text("utf-8") for p in (tmp_path / "out").iterdir())
