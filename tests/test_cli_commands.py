"""The command line: the minutes command, exit codes, and what a broken database says."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.cli import main
from sessions.agenda.library import find_agenda
from sessions.services import notes, planning
from sessions.services.programmes import create_programme
from sessions.store import Store


@pytest.fixture
def recorded(db_path: Path) -> int:
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    sid = planning.start_session(store, programme.id, find_agenda("pcn-partnership-4-step"))
    notes.add_note(store, sid, 0, "We want one front door", "deal")
    notes.add_note(store, sid, 0, "a: send the notes @Sam 2026-12-01", "deal")
    store.close()
    return sid


def test_minutes_by_programme_and_number_to_a_file(db_path, recorded, tmp_path, capsys) -> None:
    output = tmp_path / "out" / "minutes.md"
    assert (
        main(["--db", str(db_path), "minutes", "harbour-programme/1", "--output", str(output)]) == 0
    )
    assert capsys.readouterr().out.strip() == str(output)
    text = output.read_text(encoding="utf-8")
    assert text.startswith("# Harbour programme: session 1")
    assert "- We want one front door" in text
    # The action log: number, action, owner, where raised, due, revised due.
    assert "| 1.1 | send the notes | Sam | Session 1, " in text
    assert "| Tuesday 1 December 2026 | — |" in text


def test_minutes_by_id_to_standard_output(db_path, recorded, capsys) -> None:
    assert main(["--db", str(db_path), "minutes", str(recorded), "--output", "-"]) == 0
    assert capsys.readouterr().out.startswith("# Harbour programme: session 1")


def test_minutes_default_to_the_minutes_folder(db_path, recorded, isolated_home, capsys) -> None:
    assert main(["--db", str(db_path), "minutes", "Harbour programme/1"]) == 0
    written = Path(capsys.readouterr().out.strip())
    assert written == isolated_home / "minutes" / "harbour-programme-session-1.md"
    assert "We want one front door" in written.read_text(encoding="utf-8")


def test_the_database_comes_from_the_environment(db_path, recorded, monkeypatch, capsys) -> None:
    monkeypatch.setenv("FACILITATOR_DB", str(db_path))
    assert main(["minutes", "harbour-programme/1", "--output", "-"]) == 0
    assert "We want one front door" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("harbour-programme/9", "'Harbour programme' has no session 9."),
        ("nowhere/1", "No programme is called 'nowhere'."),
        ("harbour-programme", "is not a session: give a session id or PROGRAMME/N"),
        ("4242", "There is no session 4242."),
    ],
)
def test_a_bad_ref_is_one_line_and_exit_2(db_path, recorded, ref, message, capsys) -> None:
    assert main(["--db", str(db_path), "minutes", ref]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.sqlite_only  # compares the file's bytes
def test_a_database_from_a_newer_version_is_refused_untouched(db_path, recorded, capsys) -> None:
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff'")
    before = db_path.read_bytes()
    assert main(["--db", str(db_path), "minutes", "1"]) == 2
    err = capsys.readouterr().err
    assert "newer version of facilitator" in err and err.count("\n") == 1
    assert db_path.read_bytes() == before


def test_usage_errors_are_one_line_and_exit_2(capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["agenda", "frobnicate"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "see --help" in err


def test_help_works_from_any_folder(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "facilitator", "--help"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert "agenda" in result.stdout and "minutes" in result.stdout


def test_present_without_a_database_says_so_and_creates_nothing(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nothing-here.db"
    assert main(["--db", str(missing), "present"]) == 2
    assert "There is no database at" in capsys.readouterr().err
    assert not missing.exists()


def test_present_with_an_unknown_session_is_refused(store, db_path: Path, capsys) -> None:
    store.close()
    assert main(["--db", str(db_path), "present", "nowhere/3"]) == 2
    assert "No programme is called 'nowhere'" in capsys.readouterr().err
