"""`facilitator minutes`, `report` and `export` refuse a document holding what looks like
patient-identifiable data (exit 2, each kind and where on stderr, nothing written), unless
told to redact it or to keep it."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.cli import main
from sessions.services import notes, planning, running
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.row_counts import row_counts
from tests.test_identifiers_in_documents import BIRTH, DECISION, LINE, NHS_NUMBER, text_of

pytestmark = pytest.mark.usefixtures("utc_local_time")

WHERE = "session 1, item 2 (What can we only do together?), decision note"
COMMANDS = {
    "minutes": ("minutes", "harbour-programme/1"),
    "report": ("report", "harbour-programme"),
    "export": ("export", "harbour-programme"),
}


@pytest.fixture
def recorded(db_path: Path, small_agenda, clock) -> Path:
    store = Store.open(db_path)
    try:
        programme = create_programme(store, "Harbour programme", "Harbour PCN")
        sid = planning.start_session(store, programme.id, small_agenda)
        running.toggle_clock(store, sid, clock())
        notes.add_note(store, sid, 1, LINE, "deal", now=clock.advance(30))
        running.finish_session(store, sid, clock.advance(600))
    finally:
        store.close()
    return db_path


def run(db, *argv: str) -> int:
    return main(["--db", str(db), *argv])


def refused(capsys) -> None:
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("facilitator: ") and err.count("\n") == 1, err
    assert "NHS number" in err and "date of birth" in err and WHERE in err
    assert "--redact" in err and "--keep-identifiers" in err
    assert NHS_NUMBER not in err and "Traceback" not in err


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_minutes_are_refused_in_every_format_and_nothing_is_written(
    recorded, tmp_path, capsys, fmt
) -> None:
    output = tmp_path / f"minutes.{fmt}"
    assert (
        run(recorded, "minutes", "harbour-programme/1", "--format", fmt, "--output", str(output))
        == 2
    )
    refused(capsys)
    assert not output.exists()
    assert run(recorded, "minutes", "harbour-programme/1", "--format", fmt, "--output", "-") == 2
    refused(capsys)


@pytest.mark.parametrize("command", ["report", "export"])
def test_the_report_and_the_export_are_refused_too(recorded, tmp_path, capsys, command) -> None:
    output = tmp_path / "out"
    assert run(recorded, *COMMANDS[command], "--output", str(output)) == 2
    refused(capsys)
    assert not output.exists()
    assert run(recorded, *COMMANDS[command], "--output", "-") == 2
    refused(capsys)


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_redact_writes_the_redaction_and_leaves_the_note_as_typed(
    recorded, tmp_path, capsys, fmt
) -> None:
    output = tmp_path / f"minutes.{fmt}"
    argv = ["minutes", "harbour-programme/1", "--format", fmt, "--output", str(output)]
    assert run(recorded, *argv, "--redact") == 0
    assert capsys.readouterr().out.strip() == str(output)
    text = text_of(output.read_bytes(), fmt)
    assert "[redacted: NHS number]" in text and "[redacted: date of birth]" in text
    assert NHS_NUMBER not in text and BIRTH not in text
    store = Store.open(recorded)
    try:
        sid = running.resolve_session_ref(store, "harbour-programme/1")
        assert notes.list_notes(store, sid, 1)[0].text == DECISION
    finally:
        store.close()
    assert row_counts(recorded, ["kept_identifier"])["kept_identifier"] == 0


@pytest.mark.parametrize("command", ["report", "export"])
def test_redact_works_for_the_report_and_the_export(recorded, capsys, command) -> None:
    assert run(recorded, *COMMANDS[command], "--output", "-", "--redact") == 0
    out = capsys.readouterr().out
    assert "redacted: NHS number" in out and NHS_NUMBER not in out


@pytest.mark.parametrize("command", ["minutes", "report", "export"])
def test_keep_identifiers_writes_them_records_who_and_then_passes(
    recorded, capsys, command
) -> None:
    assert run(recorded, *COMMANDS[command], "--output", "-", "--keep-identifiers") == 0
    assert NHS_NUMBER in capsys.readouterr().out
    with Store.open(recorded).reading() as db:
        from sqlalchemy import select

        from sessions.models import KeptIdentifier

        rows = db.scalars(select(KeptIdentifier)).all()
        assert {row.kind for row in rows} == {"nhs-number", "date-of-birth"}
        assert all(row.kept_by and row.kept_at for row in rows)
        assert all(NHS_NUMBER not in row.where and BIRTH not in row.where for row in rows)
    assert run(recorded, *COMMANDS[command], "--output", "-") == 0
    assert NHS_NUMBER in capsys.readouterr().out


def test_redact_and_keep_cannot_be_given_together(recorded, capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        run(recorded, "minutes", "harbour-programme/1", "--redact", "--keep-identifiers")
    assert exited.value.code == 2
    assert "not allowed with" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["minutes", "report", "export"])
def test_help_names_both_options(capsys, command) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert "--redact" in out and "--keep-identifiers" in out
