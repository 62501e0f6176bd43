"""`facilitator pack REF`: the papers for a planned session, written private; refused in one
line, with nothing written, for a session already held, an unknown one, or papers holding
what looks like patient-identifiable data."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from facilitator.cli import main
from sessions.services import notes, planning, running
from sessions.services.programmes import create_programme
from sessions.store import Store

pytestmark = pytest.mark.usefixtures("utc_local_time")

NHS_NUMBER = "943 476 5919"


@pytest.fixture
def programme(db_path: Path, small_agenda, clock) -> Path:
    """Session 1 held, with an action naming an NHS number; session 2 planned."""
    store = Store.open(db_path)
    try:
        programme = create_programme(store, "Harbour programme", "Harbour PCN")
        first = planning.start_session(store, programme.id, small_agenda)
        running.toggle_clock(store, first, clock())
        notes.add_note(store, first, 1, f"a: ring about {NHS_NUMBER} @Sam", "deal", now=clock())
        running.finish_session(store, first, clock.advance(600))
        planning.start_session(store, programme.id, small_agenda)
    finally:
        store.close()
    return db_path


def run(db, *argv: str) -> int:
    return main(["--db", str(db), *argv])


def one_line(capsys) -> str:
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("facilitator: ") and err.count("\n") == 1, err
    return err


@pytest.mark.parametrize(
    ("ref", "said"),
    [
        ("harbour-programme/1", "has been held; its minutes are what you want"),
        ("harbour-programme/9", "has no session 9"),
        ("nowhere/2", "No programme is called 'nowhere'"),
        ("harbour-programme/2", "NHS number"),
    ],
)
def test_refusals_say_why_in_one_line_and_write_nothing(
    programme, tmp_path, isolated_home, capsys, ref, said
) -> None:
    output = tmp_path / "papers"
    assert run(programme, "pack", ref, "--format", "all", "-o", str(output)) == 2
    assert said in one_line(capsys)
    assert not output.exists()
    assert not list(isolated_home.rglob("*papers*"))


def test_every_format_is_written_private_beside_the_minutes(
    programme, isolated_home, capsys
) -> None:
    assert run(programme, "pack", "harbour-programme/2", "--format", "all", "--redact") == 0
    written = [Path(line) for line in capsys.readouterr().out.splitlines()]
    assert [path.name for path in written] == [
        f"harbour-programme-session-2-papers.{suffix}" for suffix in ("md", "html", "docx")
    ]
    for path in written:
        assert path.parent == isolated_home / "minutes"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = written[0].read_text()
    assert NHS_NUMBER not in text and "[redacted: NHS number]" in text
    assert "DRAFT: the minutes of session 1" in text


def test_one_format_to_a_named_file_or_to_standard_output(programme, tmp_path, capsys) -> None:
    output = tmp_path / "papers.html"
    argv = ("pack", "harbour-programme/2", "--keep-identifiers")
    assert run(programme, *argv, "--format", "html", "-o", str(output)) == 0
    assert capsys.readouterr().out == f"{output}\n"
    assert output.read_text().startswith("<!DOCTYPE html>")
    # Kept on purpose once, the number no longer stops the papers.
    assert run(programme, "pack", "harbour-programme/2", "--public", "-o", "-") == 0
    assert capsys.readouterr().out.startswith("# Papers for session 2 of Harbour programme")
