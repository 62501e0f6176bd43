"""`facilitator export` and `facilitator import`: what they print, write and refuse; exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitator.cli import main
from sessions.exchange.format import VERSION
from sessions.services import notes, people, planning, running
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.row_counts import row_counts


@pytest.fixture
def recorded(db_path: Path, small_agenda, clock) -> Path:
    store = Store.open(db_path)
    try:
        programme = create_programme(store, "Harbour «programme»", "Harbour PCN")
        member = people.add_member(store, programme.id, "Siân O'Neill")
        sid = planning.start_session(store, programme.id, small_agenda)
        people.set_attendance(store, sid, member.id, "present")
        running.toggle_clock(store, sid, now=clock())
        notes.add_note(store, sid, 0, "We want one front door", "deal", now=clock.advance(5))
        notes.add_note(
            store,
            sid,
            0,
            "a: send the notes @Sam 2026-12-01",
            "deal",
            now=clock.advance(5),
            member_id=member.id,
        )
        running.finish_session(store, sid, now=clock.advance(60))
    finally:
        store.close()
    return db_path


def run(*argv: str) -> int:
    return main(list(argv))


def programme_count(path_or_url) -> int:
    return row_counts(path_or_url, ["programme"])["programme"]


def refused(capsys, message: str) -> None:
    err = capsys.readouterr().err
    assert message in err, err
    assert err.startswith("facilitator: ") and err.count("\n") == 1 and "Traceback" not in err


def test_export_writes_the_slug_file_here_and_prints_its_path(
    recorded, tmp_path, monkeypatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("--db", str(recorded), "export", "Harbour «programme»") == 0
    printed = capsys.readouterr().out.strip()
    assert printed == "harbour-programme.facilitator.json"
    data = json.loads((tmp_path / printed).read_text(encoding="utf-8"))
    assert data["format"] == "facilitator-programme" and data["version"] == VERSION
    assert data["programme"]["name"] == "Harbour «programme»"


def test_export_to_a_named_file_and_to_standard_output(recorded, tmp_path, capsys) -> None:
    output = tmp_path / "backups" / "harbour.json"
    assert run("--db", str(recorded), "export", "harbour-programme", "--output", str(output)) == 0
    assert capsys.readouterr().out.strip() == str(output)
    assert run("--db", str(recorded), "export", "HARBOUR «PROGRAMME»", "--output", "-") == 0
    assert capsys.readouterr().out == output.read_text(encoding="utf-8")


def test_export_of_an_unknown_programme_is_refused(recorded, capsys) -> None:
    assert run("--db", str(recorded), "export", "nowhere") == 2
    refused(capsys, "No programme is called 'nowhere'.")


def test_import_into_another_database_then_export_gives_the_same_file(recorded, tmp_path, capsys):
    first = tmp_path / "first.json"
    other = tmp_path / "laptop" / "other.db"
    assert run("--db", str(recorded), "export", "harbour-programme", "--output", str(first)) == 0
    assert run("--db", str(other), "import", str(first)) == 0
    out = capsys.readouterr().out.strip().splitlines()[-1]
    assert out == "Imported 'Harbour «programme»' (slug harbour-programme): 1 session, 2 notes."
    second = tmp_path / "second.json"
    assert run("--db", str(other), "export", "harbour-programme", "--output", str(second)) == 0
    assert second.read_bytes() == first.read_bytes()
    assert run("--db", str(other), "minutes", "harbour-programme/1", "--output", "-") == 0
    assert "We want one front door" in capsys.readouterr().out


def test_import_of_a_name_already_here_is_refused_then_allowed_with_as(recorded, tmp_path, capsys):
    path = tmp_path / "harbour.json"
    assert run("--db", str(recorded), "export", "harbour-programme", "--output", str(path)) == 0
    capsys.readouterr()
    assert run("--db", str(recorded), "import", str(path)) == 2
    refused(capsys, "already exists here: import it under another name with --as NEW_NAME.")
    assert programme_count(recorded) == 1
    assert run("--db", str(recorded), "import", str(path), "--as", "Harbour copy") == 0
    assert capsys.readouterr().out.strip() == (
        "Imported 'Harbour copy' (slug harbour-copy): 1 session, 2 notes."
    )
    assert run("--db", str(recorded), "minutes", "harbour-copy/1", "--output", "-") == 0
    assert capsys.readouterr().out.startswith("# Harbour copy: session 1")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "{oops",
            (
                "is not JSON (Expecting property name enclosed in double quotes at line 1, "
                "column 2)."
            ),
        ),
        ('{"format": "minutes", "version": 1}', "is not a facilitator programme export"),
        (
            f'{{"format": "facilitator-programme", "version": {VERSION + 3}}}',
            f"was written by a newer facilitator (format version {VERSION + 3}; this one reads "
            f"version {VERSION})",
        ),
        (
            '{"format": "facilitator-programme", "version": 1, "members": [], "sessions": []}',
            'is damaged or incomplete: the file has no "programme".',
        ),
    ],
)
@pytest.mark.sqlite_only  # no database file may be created
def test_import_refuses_a_bad_file_with_one_line(db_path, tmp_path, content, message, capsys):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    assert run("--db", str(db_path), "import", str(path)) == 2
    refused(capsys, f"{path} {message}")
    assert not db_path.exists(), "a refused file must not even create the database"


@pytest.mark.sqlite_only  # no database file may be created
def test_import_of_a_missing_file_is_refused(db_path, tmp_path, capsys) -> None:
    assert run("--db", str(db_path), "import", str(tmp_path / "nothing.json")) == 2
    refused(capsys, "Cannot read")
    assert not db_path.exists()


def test_the_commands_need_their_arguments(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        run("import")
    assert exited.value.code == 2
    assert "FILE" in capsys.readouterr().err
