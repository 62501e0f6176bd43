"""`facilitator backup` and `facilitator restore`: what they print, write and refuse; exit codes."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from facilitator.cli import main
from sessions.services import notes, planning, running
from sessions.services.leases import Holder
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.row_counts import row_counts


@pytest.fixture
def recorded(tmp_path: Path, small_agenda, clock) -> tuple[Path, int]:
    database = tmp_path / "db" / "facilitator.db"
    store = Store.open(database)
    try:
        programme = create_programme(store, "Harbour", "Harbour PCN")
        sid = planning.start_session(store, programme.id, small_agenda)
        notes.add_note(store, sid, 0, "We want one front door", "deal", now=clock())
    finally:
        store.close()
    return database, sid


def run(*argv: str) -> int:
    return main(list(argv))


def refused(capsys, message: str) -> None:
    out, err = capsys.readouterr()
    assert out == ""
    assert message in err, err
    assert err.startswith("facilitator: ") and err.count("\n") == 1 and "Traceback" not in err


def note_count(database: Path) -> int:
    return row_counts(database, ["note"])["note"]


def test_backup_prints_where_it_wrote_and_list_shows_it(recorded, capsys) -> None:
    database, _ = recorded
    assert run("--db", str(database), "backup") == 0
    written = Path(capsys.readouterr().out.strip())
    assert written.parent == database.parent / "facilitator.db.backups"
    assert written.name.endswith("-manual.db") and written.is_file()
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    for command in ("backup", "restore"):
        assert run("--db", str(database), command, "--list") == 0
        listed = capsys.readouterr().out.splitlines()
        assert len(listed) == 1
        assert "taken by hand" in listed[0] and listed[0].endswith(str(written))


def test_backup_to_a_file_or_folder_of_ones_choosing(recorded, tmp_path, capsys) -> None:
    database, _ = recorded
    chosen = tmp_path / "keep.db"
    assert run("--db", str(database), "backup", "--output", str(chosen)) == 0
    assert capsys.readouterr().out.strip() == str(chosen)
    assert stat.S_IMODE(chosen.stat().st_mode) == 0o600
    assert row_counts(chosen, ["note"]) == {"note": 1}
    folder = tmp_path / "copies"
    folder.mkdir(mode=0o700)
    assert run("--db", str(database), "backup", "--output", str(folder)) == 0
    (inside,) = folder.iterdir()
    assert capsys.readouterr().out.strip() == str(inside)


def test_backup_never_writes_over_a_file(recorded, tmp_path, capsys) -> None:
    database, _ = recorded
    there = tmp_path / "there.db"
    there.write_text("mine")
    assert run("--db", str(database), "backup", "--output", str(there)) == 2
    refused(capsys, "is already there")
    assert there.read_text() == "mine"


def test_list_says_when_there_are_no_copies(recorded, capsys) -> None:
    database, _ = recorded
    assert run("--db", str(database), "backup", "--list") == 0
    assert capsys.readouterr().out == f"No copies of {database} yet.\n"


def test_restore_brings_the_copy_back_and_says_how_to_undo(recorded, clock, capsys) -> None:
    database, sid = recorded
    assert run("--db", str(database), "backup") == 0
    copy = capsys.readouterr().out.strip()
    store = Store.open(database)
    try:
        notes.add_note(store, sid, 0, "Written after the copy", "deal", now=clock.advance(5))
    finally:
        store.close()
    assert note_count(database) == 2
    assert run("--db", str(database), "restore", copy) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines()[0] == f"Restored {database} from {copy}."
    assert "-before-restore.db: restore that to undo this." in out
    assert note_count(database) == 1


def test_restore_is_refused_while_a_session_is_being_run(recorded, clock, capsys) -> None:
    database, sid = recorded
    assert run("--db", str(database), "backup") == 0
    copy = capsys.readouterr().out.strip()
    store = Store.open(database)
    try:
        # Heard from just now, by the real clock the command line judges it by.
        running.open_session(store, sid, Holder("ana", "ana", "laptop-ana", 0))
        notes.add_note(store, sid, 0, "Said while driven", "deal")
    finally:
        store.close()
    assert run("--db", str(database), "restore", copy) == 2
    refused(capsys, "is being run by ana on laptop-ana")
    assert note_count(database) == 2


def test_restore_needs_a_copy_or_list(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        run("restore")
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "COPY" in err and err.endswith("(see --help)\n")


def test_restore_of_what_is_not_a_copy_is_refused(recorded, tmp_path, capsys) -> None:
    database, _ = recorded
    other = tmp_path / "notes.txt"
    other.write_text("not a database at all" * 100)
    assert run("--db", str(database), "restore", str(other)) == 2
    refused(capsys, "is not a facilitator database")
    assert run("--db", str(database), "restore", str(tmp_path / "missing.db")) == 2
    refused(capsys, "There is no copy at")
    assert note_count(database) == 1


@pytest.mark.parametrize(
    "argv", [["backup"], ["backup", "--list"], ["restore", "--list"], ["restore", "copy.db"]]
)
def test_a_postgresql_database_is_pointed_to_the_servers_own_backups(argv, capsys) -> None:
    url = "postgresql://ana:secret@db.example.org/facilitator"
    assert run("--db", url, *argv) == 2
    refused(capsys, "is a PostgreSQL database: back it up and restore it with the server's own")


@pytest.mark.parametrize("command", ["backup", "restore"])
def test_help_on_the_backup_commands(command: str, capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        run(command, "--help")
    assert exited.value.code == 0
    assert "--list" in capsys.readouterr().out
