"""Minutes, the report and an export are checked for patient-identifiable data before they
leave the app: refused with each finding named, written redacted, or written as they are
once the findings are kept, with who and when; the database keeps what was typed."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from sessions.agenda.library import find_agenda, list_agendas
from sessions.models import KeptIdentifier
from sessions.services import notes, planning, running
from sessions.services.exchange import export_file, export_programme
from sessions.services.governance import (
    IdentifiersFound,
    edit_note_text,
    export_findings,
    keep_findings,
    minutes_findings,
    report_findings,
)
from sessions.services.minutes import render_minutes, write_minutes
from sessions.services.minutes_approval import approve
from sessions.services.note_editing import note_history
from sessions.services.programmes import create_programme
from sessions.services.report import render_report, write_report

pytestmark = pytest.mark.usefixtures("utc_local_time")

NHS_NUMBER = "943 476 5919"
BIRTH = "12/03/1954"
LINE = f"d: call back Mrs Jones, NHS number {NHS_NUMBER}, DOB {BIRTH}"
DECISION = LINE.removeprefix("d: ")
FORMATS = ("md", "html", "docx")


def word_text(data: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def text_of(data: bytes, fmt: str) -> str:
    """The words a reader sees; a redaction's brackets are written as they are, unescaped."""
    if fmt == "docx":
        return word_text(data)
    return data.decode("utf-8")


@pytest.fixture
def held(store, small_agenda, clock) -> int:
    """Session 1 of 'Harbour programme', finished, a decision in item 2 carrying an NHS
    number and a date of birth."""
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    sid = planning.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, sid, clock())
    notes.add_note(store, sid, 1, LINE, "deal", now=clock.advance(30))
    notes.add_note(store, sid, 1, "We agree to share one front door", "deal", now=clock.advance(5))
    running.finish_session(store, sid, clock.advance(600))
    return sid


def test_each_finding_names_its_kind_and_where_it_is(store, held) -> None:
    found = minutes_findings(store, held)
    assert [(f.label, f.text) for f in found] == [
        ("NHS number", NHS_NUMBER),
        ("date of birth", BIRTH),
    ]
    assert {f.where for f in found} == {
        "session 1, item 2 (What can we only do together?), decision note"
    }
    assert {(f.session_number, f.item_number) for f in found} == {(1, 2)}
    assert all(f.note_id is not None for f in found)
    for f in found:
        assert f.text not in f.key and f.key == f.key.strip()


@pytest.mark.parametrize("fmt", FORMATS)
def test_minutes_with_findings_are_refused_and_nothing_is_written(
    store, held, tmp_path, fmt
) -> None:
    output = tmp_path / f"minutes.{fmt}"
    with pytest.raises(IdentifiersFound) as refused:
        write_minutes(store, held, output, fmt=fmt)
    assert not output.exists()
    message = str(refused.value)
    assert "NHS number" in message and "date of birth" in message
    assert "session 1, item 2 (What can we only do together?)" in message
    assert NHS_NUMBER not in message
    with pytest.raises(IdentifiersFound):
        render_minutes(store, held, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_redacted_minutes_say_so_in_every_format_and_the_note_is_untouched(
    store, held, tmp_path, fmt
) -> None:
    output = write_minutes(store, held, tmp_path / f"minutes.{fmt}", fmt=fmt, redact=True)
    text = text_of(output.read_bytes(), fmt)
    assert "[redacted: NHS number]" in text and "[redacted: date of birth]" in text
    assert NHS_NUMBER not in text and BIRTH not in text
    assert "share one front door" in text
    assert notes.list_notes(store, held, 1)[0].text == DECISION


def test_only_the_chosen_findings_are_redacted_and_the_rest_still_refuse(store, held) -> None:
    number, birth = minutes_findings(store, held)
    with pytest.raises(IdentifiersFound) as refused:
        render_minutes(store, held, redact=[number.key])
    assert [f.key for f in refused.value.findings] == [birth.key]
    text = text_of(render_minutes(store, held, redact=[number.key, birth.key]), "md")
    assert "[redacted: NHS number]" in text and "[redacted: date of birth]" in text


def test_kept_findings_pass_as_they_are_and_the_record_holds_no_text(store, held, tmp_path) -> None:
    keep_findings(store, minutes_findings(store, held), now=datetime(2026, 11, 23, 11, tzinfo=UTC))
    assert minutes_findings(store, held) == []
    text = write_minutes(store, held, tmp_path / "minutes.md").read_text()
    assert NHS_NUMBER in text and BIRTH in text
    with store.reading() as db:
        rows = db.scalars(select(KeptIdentifier)).all()
        assert {row.kind for row in rows} == {"nhs-number", "date-of-birth"}
        for row in rows:
            stored = [row.kind, row.digest, row.where, row.kept_by]
            assert not any(NHS_NUMBER in value or BIRTH in value for value in stored)
            assert NHS_NUMBER.replace(" ", "") not in row.digest
            assert row.kept_by and row.kept_at == datetime(2026, 11, 23, 11, tzinfo=UTC)
            assert row.where == "session 1, item 2 (What can we only do together?), decision note"


def test_the_report_and_the_export_are_checked_the_same_way(store, held, tmp_path) -> None:
    assert {f.label for f in report_findings(store, "harbour-programme")} == {
        "NHS number",
        "date of birth",
    }
    with pytest.raises(IdentifiersFound):
        write_report(store, "harbour-programme", tmp_path / "report.md")
    with pytest.raises(IdentifiersFound):
        render_report(store, "harbour-programme", "docx")
    with pytest.raises(IdentifiersFound) as refused:
        export_file(store, "harbour-programme", tmp_path / "out.json")
    assert "session 1, item 2 (What can we only do together?), decision note" in str(refused.value)
    assert not (tmp_path / "report.md").exists() and not (tmp_path / "out.json").exists()

    report = write_report(store, "harbour-programme", tmp_path / "report.md", redact=True)
    assert "[redacted: NHS number]" in text_of(report.read_bytes(), "md")
    assert NHS_NUMBER not in report.read_text()
    _slug, exported = export_programme(store, "harbour-programme", redact=True)
    data = json.loads(exported)
    assert data["sessions"][0]["notes"][0]["text"] == (
        "call back Mrs Jones, NHS number [redacted: NHS number], DOB [redacted: date of birth]"
    )
    assert NHS_NUMBER not in exported

    keep_findings(store, export_findings(store, "harbour-programme"))
    assert export_findings(store, "harbour-programme") == []
    assert json.loads(export_programme(store, "harbour-programme")[1]) != data
    # Kept for the session, so the report of the same session passes too.
    assert report_findings(store, "harbour-programme") == []


def test_ordinary_notes_in_the_bundled_agendas_raise_nothing(store, clock) -> None:
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    for agenda in list_agendas():
        if not agenda.bundled:
            continue
        sid = planning.start_session(store, programme.id, find_agenda(agenda.name))
        running.toggle_clock(store, sid, clock())
        for line in (
            "We want one front door for the 13:00-16:00 clinics",
            "d: fund 2.5 WTE from April; list size 42,000 (12% up)",
            "a: send the draft to the PCN board @Sam 2026-12-01",
            "r: the 2024/25 budget is £120,000 short",
            "q: can we meet on 3 March 2027 in room 4?",
        ):
            notes.add_note(store, sid, 0, line, "deal", now=clock.advance(10))
        running.finish_session(store, sid, clock.advance(600))
        assert minutes_findings(store, sid) == []
        for fmt in FORMATS:
            render_minutes(store, sid, fmt)
    assert report_findings(store, "harbour-programme") == []
    assert export_findings(store, "harbour-programme") == []


def test_a_note_is_edited_while_the_minutes_are_a_draft_and_refused_once_approved(
    store, held, small_agenda, clock
) -> None:
    note_id = minutes_findings(store, held)[0].note_id
    assert note_id is not None
    edit_note_text(store, note_id, "call back Mrs Jones", now=clock.advance(5))
    assert minutes_findings(store, held) == []
    assert note_history(store, note_id) == [LINE, "d: call back Mrs Jones"]

    programme_id = running.get_session(store, held).programme_id
    second = planning.start_session(store, programme_id, small_agenda)
    running.toggle_clock(store, second, clock.advance(60))
    approve(store, second, held, now=clock.advance(5))
    with pytest.raises(Exception, match="were approved at session 2"):
        edit_note_text(store, note_id, "call back", now=clock.advance(5))


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("DOB [redacted: date of birth] noted", "DOB [redacted: date of birth] noted"),
        # Brackets that could start a link stay escaped, whatever words they hold.
        (
            "[redacted: NHS number]: https://example.org",
            "\\[redacted: NHS number\\]: https://example.org",
        ),
        (
            "[redacted: NHS number](https://example.org)",
            "\\[redacted: NHS number\\](https://example.org)",
        ),
        ("[redacted: postcode][x]", "\\[redacted: postcode\\]\\[x\\]"),
        ("[click here] now", "\\[click here\\] now"),
    ],
)
def test_a_redaction_reads_as_itself_in_markdown_and_never_makes_a_link(typed, written) -> None:
    from sessions.text import markdown_text

    assert markdown_text(typed) == written


def test_private_answers_kept_out_of_the_minutes_raise_nothing_until_put_in(store, clock) -> None:
    from sessions.services import reflection

    programme = create_programme(store, "Quiet programme", "Quiet PCN")
    sid = planning.start_session(store, programme.id, find_agenda("pcn-partnership-4-step"))
    running.toggle_clock(store, sid, clock())
    at = next(i.position for i in running.get_session(store, sid).items if i.kind == "reflection")
    running.jump(store, sid, at, clock.advance(60))
    reflection.answer(store, sid, at, None, "Call me on 0113 496 0000", now=clock())
    running.finish_session(store, sid, clock.advance(60))

    assert minutes_findings(store, sid) == []
    assert "0113 496 0000" not in render_minutes(store, sid, "md").decode("utf-8")
    reflection.set_in_minutes(store, sid, at, True)
    assert [finding.label for finding in minutes_findings(store, sid)] == ["telephone number"]
