"""The `facilitator` command line end to end: agenda list/check/show, minutes, exit statuses.

Everything runs through `facilitator.cli.main([...])` with capsys, as the console script
does, except one subprocess check that `python -m facilitator` works from any folder.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.cli import main
from sessions.agenda.library import find_agenda
from sessions.paths import user_agendas_dir
from sessions.services.notes import add_note
from sessions.services.planning import start_session
from sessions.services.programmes import create_programme
from sessions.store import Store

GOOD = """\
# Session 2: trusted people

## Step 2: Trusted people

### Barriers (15 min, checklist)
- Slow
- Unclear

### Trust (45 min)
What would help us trust each other?
"""

BAD = """\
# Bad
## Step 9: Later
### Zero (0 min)
### Quiz (5 min, quiz)
## Empty
"""


def _file(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _one_line(text: str) -> str:
    assert text.endswith("\n") and text.count("\n") == 1, text
    assert "Traceback" not in text
    return text.strip()


# ---- agenda list / check / show


def test_agenda_list_shows_bundled_then_user_agendas(capsys) -> None:
    _file(user_agendas_dir(), "session-2.md", GOOD)
    _file(user_agendas_dir(), "broken.md", BAD)
    assert main(["agenda", "list"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["NAME", "WHERE", "STEPS", "TIME", "TITLE"]
    # Bundled agendas first, then the user's, each alphabetically.
    assert [line.split()[:2] for line in lines[1:]] == [
        ["pcn-foundations-150", "bundled"],
        ["pcn-kickoff-90", "bundled"],
        ["pcn-leading-90", "bundled"],
        ["pcn-network-review-120", "bundled"],
        ["pcn-partnership-4-step", "bundled"],
        ["pcn-teams-120", "bundled"],
        ["broken", "yours"],
        ["session-2", "yours"],
    ]
    assert lines[5].split()[2:6] == ["1-4", "3", "h", "5"]
    assert lines[5].endswith("PCN partnership — a working session through the four steps")
    assert "4 problems" in lines[7] and "facilitator agenda check" in lines[7]
    assert lines[8].split()[2:5] == ["2", "1", "h"] and lines[8].endswith(
        "Session 2: trusted people"
    )


def test_agenda_check_a_good_file(tmp_path: Path, capsys) -> None:
    path = _file(tmp_path, "good.md", GOOD)
    assert main(["agenda", "check", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == f"{path}: ok — 2 items, steps 2, 1 h\n" and err == ""


def test_agenda_check_a_bad_file_reports_every_problem(tmp_path: Path, capsys) -> None:
    good = _file(tmp_path, "good.md", GOOD)
    bad = _file(tmp_path, "bad.md", BAD)
    assert main(["agenda", "check", str(bad), str(good)]) == 2
    out, err = capsys.readouterr()
    assert out == f"{good}: ok — 2 items, steps 2, 1 h\n"  # a bad file does not stop the rest
    lines = err.splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [
        f"{bad}:2",
        f"{bad}:3",
        f"{bad}:4",
        f"{bad}:5",
    ]
    assert lines[0] == (
        f"{bad}:2: there is no step 9: the framework has steps 1 to 4 — use `Step 1:` to "
        "`Step 4:`, or rename it so it does not start with `Step`"
    )
    assert all(" — " in line for line in lines)
    assert "Traceback" not in err


def test_agenda_check_a_missing_file(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nope.md"
    assert main(["agenda", "check", str(missing)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert _one_line(err).startswith(f"{missing}: there is no such file — ")


def test_agenda_show_the_bundled_outline(capsys) -> None:
    assert main(["agenda", "show", "pcn-partnership-4-step"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == "PCN partnership — a working session through the four steps"
    assert lines[1] == "bundled:pcn-partnership-4-step · steps 1-4 · 17 items"
    assert "Step 1: Set-up right — vision and partners  [step 1: Set-up right]" in lines
    assert "Step 4: Enabling technologies  [step 4: Enabling technologies]" in lines
    assert lines[lines.index("Welcome") + 1].split() == [
        "0:00",
        "10",
        "min",
        "discussion",
        "Introductions",
        "and",
        "hopes",
        "for",
        "today",
    ]
    assert lines[-1] == "Total: 3 h 5 min"


def test_agenda_show_a_file_by_path(tmp_path: Path, capsys) -> None:
    path = _file(tmp_path, "good.md", GOOD)
    assert main(["agenda", "show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "  0:15  45 min  discussion  Trust\n" in out
    assert out.endswith("\nTotal: 1 h\n")


def test_agenda_show_an_unknown_name(capsys) -> None:
    assert main(["agenda", "show", "no-such-agenda"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    line = _one_line(err)
    assert line.startswith("facilitator: No agenda is called 'no-such-agenda'")
    assert "pcn-partnership-4-step" in line


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["agenda"], "required: ACTION"),
        (["agenda", "frobnicate"], "invalid choice: 'frobnicate'"),
        (["agenda", "check"], "required: FILE"),
        (["agenda", "show"], "required: FILE"),
        (["minutes"], "required: REF"),
        (["minutes", "1", "--format", "pdf"], "invalid choice: 'pdf'"),
        (["--bogus"], "unrecognized arguments: --bogus"),
    ],
    ids=[
        "command",
        "no-action",
        "action",
        "check-nothing",
        "show-nothing",
        "no-ref",
        "format",
        "option",
    ],
)
def test_bad_usage_is_one_line_and_exit_2(argv: list[str], words: str, capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    out, err = capsys.readouterr()
    line = _one_line(err)
    assert line.startswith("facilitator") and words in line and line.endswith("(see --help)")
    assert out == ""


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["agenda", "--help"],
        ["agenda", "check", "--help"],
        ["agenda", "show", "--help"],
        ["minutes", "--help"],
    ],
)
def test_help_on_every_command(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 0
    assert capsys.readouterr().out.startswith("usage: facilitator")


def test_help_from_another_folder_in_a_subprocess(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "facilitator", "--help"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "agenda" in result.stdout and "minutes" in result.stdout
    assert result.stderr == ""


# ---- minutes


@pytest.fixture
def recorded(db_path: Path) -> int:
    """A session of the bundled agenda with two notes, written through the services."""
    store = Store.open(db_path)
    try:
        programme = create_programme(store, "Harbour programme", "Harbour PCN")
        session_id = start_session(store, programme.id, find_agenda("pcn-partnership-4-step"))
        add_note(store, session_id, 0, "We want one front door", "deal")
        add_note(store, session_id, 0, "a: send the notes @Sam 2026-12-01", "deal")
    finally:
        store.close()
    return session_id


def _check_minutes(text: str) -> None:
    assert text.startswith("# Harbour programme: session 1")
    assert "We want one front door" in text
    # The action log: number, action, owner, where raised, due, revised due.
    assert "| 1.1 | send the notes | Sam | Session 1, " in text
    assert "| Tuesday 1 December 2026 | — |" in text


@pytest.mark.parametrize(
    "ref", ["harbour-programme/1", "Harbour programme/1", "HARBOUR-PROGRAMME/1"]
)
def test_minutes_by_programme_and_number_to_a_file(
    db_path, recorded, tmp_path, ref, capsys
) -> None:
    output = tmp_path / "out" / "minutes.md"
    assert main(["--db", str(db_path), "minutes", ref, "--output", str(output)]) == 0
    out, err = capsys.readouterr()
    assert out == f"{output}\n" and err == ""
    _check_minutes(output.read_text(encoding="utf-8"))


def test_minutes_by_id_to_standard_output(db_path, recorded, capsys) -> None:
    assert main(["--db", str(db_path), "minutes", str(recorded), "--output", "-"]) == 0
    out, err = capsys.readouterr()
    _check_minutes(out)
    assert err == ""


@pytest.mark.sqlite_only  # a sqlite:/// URL for the file
def test_minutes_with_a_sqlalchemy_url(db_path, recorded, capsys) -> None:
    assert main(["--db", f"sqlite:///{db_path}", "minutes", str(recorded), "--output", "-"]) == 0
    _check_minutes(capsys.readouterr().out)


def test_minutes_default_to_the_minutes_folder(db_path, recorded, isolated_home, capsys) -> None:
    assert main(["--db", str(db_path), "minutes", "harbour-programme/1"]) == 0
    written = Path(capsys.readouterr().out.strip())
    assert written == isolated_home / "minutes" / "harbour-programme-session-1.md"
    _check_minutes(written.read_text(encoding="utf-8"))


def test_the_database_comes_from_facilitator_db(db_path, recorded, monkeypatch, capsys) -> None:
    monkeypatch.setenv("FACILITATOR_DB", str(db_path))
    assert main(["minutes", "harbour-programme/1", "--output", "-"]) == 0
    _check_minutes(capsys.readouterr().out)


def test_db_option_wins_over_facilitator_db(
    db_path, recorded, tmp_path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("FACILITATOR_DB", str(tmp_path / "other.db"))
    assert main(["--db", str(db_path), "minutes", str(recorded), "--output", "-"]) == 0
    _check_minutes(capsys.readouterr().out)
    assert not (tmp_path / "other.db").exists()


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("harbour-programme/9", "facilitator: 'Harbour programme' has no session 9."),
        ("nowhere/1", "facilitator: No programme is called 'nowhere'."),
        (
            "harbour-programme",
            "facilitator: 'harbour-programme' is not a session: give a session id or PROGRAMME/N",
        ),
        ("harbour-programme/one", "is not a session"),
        ("4242", "facilitator: There is no session 4242."),
    ],
)
def test_a_bad_ref_is_one_line_and_exit_2(
    db_path, recorded, tmp_path, ref, message, capsys
) -> None:
    output = tmp_path / "never.md"
    assert main(["--db", str(db_path), "minutes", ref, "--output", str(output)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and message in _one_line(err)
    assert not output.exists()


@pytest.mark.sqlite_only  # compares the file's bytes
def test_a_database_from_a_newer_version_is_refused_untouched(db_path, capsys) -> None:
    Store.open(db_path).close()
    connection = sqlite3.connect(db_path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = db_path.read_bytes()
    files_before = sorted(p.name for p in db_path.parent.iterdir())
    assert main(["--db", str(db_path), "minutes", "1", "--output", "-"]) == 2
    out, err = capsys.readouterr()
    line = _one_line(err)
    assert out == ""
    assert "newer version" in line and str(db_path) in line and "9999" in line
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == files_before


def _foreign_database(tmp_path: Path) -> Path:
    """Another program's SQLite file, in the default rollback-journal mode."""
    other = tmp_path / "other.db"
    connection = sqlite3.connect(other)
    with connection:
        connection.execute("CREATE TABLE patients (id INTEGER PRIMARY KEY)")
    connection.close()
    return other


def test_a_file_that_is_not_a_facilitator_database_is_refused(tmp_path: Path, capsys) -> None:
    other = _foreign_database(tmp_path)
    assert main(["--db", str(other), "minutes", "1"]) == 2
    line = _one_line(capsys.readouterr().err)
    assert (
        line == f"facilitator: {other} holds other data and is not a facilitator database; "
        "give another path with --db."
    )
    connection = sqlite3.connect(other)
    assert connection.execute("SELECT name FROM sqlite_master").fetchall() == [("patients",)]
    connection.close()


def test_a_refused_foreign_database_is_left_byte_for_byte_unchanged(tmp_path: Path, capsys) -> None:
    other = _foreign_database(tmp_path)
    before = other.read_bytes()
    assert main(["--db", str(other), "minutes", "1"]) == 2
    assert other.read_bytes() == before
