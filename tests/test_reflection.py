"""Reflections: a private answer per person, replaced not lost, minuted only when chosen."""

from __future__ import annotations

import io

import pytest

from sessions.agenda.model import Agenda, AgendaItem, Section
from sessions.errors import InputError
from sessions.models import ActivityResult
from sessions.services import planning, reflection, running
from sessions.services.minutes import render_minutes
from sessions.services.people import add_member, set_attendance
from sessions.services.programmes import create_programme

pytestmark = pytest.mark.usefixtures("utc_local_time")

PRIVATE = "I talk over <b>people</b> | too often"


def docx_text(data: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(data))
    cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


@pytest.fixture
def agenda() -> Agenda:
    return Agenda(
        title="Reflection agenda",
        sections=(
            Section(
                "Close",
                None,
                (
                    AgendaItem(
                        "What will I do differently?",
                        300,
                        kind="reflection",
                        prompt="One thing you will change before we next meet?",
                    ),
                ),
            ),
        ),
        source="test",
    )


@pytest.fixture
def setup(store, agenda):
    programme = create_programme(store, "Harbour programme")
    people = {name: add_member(store, programme.id, name).id for name in ("Ann Ode", "Bea Ng")}
    return people, planning.start_session(store, programme.id, agenda)


def test_each_person_answers_and_a_new_answer_replaces_the_old(store, setup) -> None:
    people, sid = setup
    reflection.answer(store, sid, 0, people["Bea Ng"], "  Listen more  ")
    reflection.answer(store, sid, 0, people["Bea Ng"], "Listen first, then speak")
    reflection.answer(store, sid, 0, None, "Stop cancelling at short notice")
    state = reflection.reflections(store, sid, 0)
    assert [(a.name, a.text) for a in state.answers] == [
        ("Ann Ode", None),
        ("Bea Ng", "Listen first, then speak"),
        ("", "Stop cancelling at short notice"),
    ]
    assert state.answered == 2 and state.in_minutes is False
    with store.reading() as db:
        kept = [(row.subject, row.deleted_at is None) for row in db.query(ActivityResult)]
    assert ("Listen more", False) in kept  # replaced, not removed


def test_only_those_present_are_listed_once_the_register_is_taken(store, setup) -> None:
    people, sid = setup
    set_attendance(store, sid, people["Ann Ode"], "present")
    assert [a.name for a in reflection.reflections(store, sid, 0).answers] == ["Ann Ode"]


def test_an_answer_taken_back_is_kept_but_no_longer_counted(store, setup) -> None:
    people, sid = setup
    reflection.answer(store, sid, 0, people["Ann Ode"], "Share the data sooner")
    assert reflection.withdraw(store, sid, 0, people["Ann Ode"]) is not None
    assert reflection.withdraw(store, sid, 0, people["Ann Ode"]) is None
    assert reflection.reflections(store, sid, 0).answered == 0


def test_an_empty_answer_is_refused(store, setup) -> None:
    people, sid = setup
    with pytest.raises(InputError, match="empty"):
        reflection.answer(store, sid, 0, people["Ann Ode"], "   ")
    assert reflection.reflections(store, sid, 0).answered == 0


def test_a_long_odd_answer_is_kept_whole(store, setup) -> None:
    people, sid = setup
    text = ("Zoë’s 🩺 reflection\u200b " * 500)[:10_000].strip()
    reflection.answer(store, sid, 0, people["Ann Ode"], text)
    assert reflection.reflections(store, sid, 0).answers[0].text == text


def test_the_minutes_keep_answers_out_unless_the_facilitator_chooses(store, setup, clock) -> None:
    people, sid = setup
    reflection.answer(store, sid, 0, people["Ann Ode"], PRIVATE)
    reflection.answer(store, sid, 0, None, "Reply to emails")
    running.toggle_clock(store, sid, clock())
    running.finish_session(store, sid, clock.advance(300))
    for fmt in ("md", "html"):
        assert b"too often" not in render_minutes(store, sid, fmt)
    assert "too often" not in docx_text(render_minutes(store, sid, "docx"))
    assert "2 private answers were given" in docx_text(render_minutes(store, sid, "docx"))
    text = render_minutes(store, sid, "md").decode("utf-8")
    assert "*2 private answers were given and stay out of the minutes.*" in text

    # The choice can still be made once the session is over: it shares, it does not change.
    reflection.set_in_minutes(store, sid, 0, True)
    text = render_minutes(store, sid, "md").decode("utf-8")
    assert (
        "| Person | Reflection |\n|---|---|\n"
        "| Ann Ode | I talk over \\<b\\>people\\</b\\> \\| too often |\n"
        "| Not named | Reply to emails |\n"
    ) in text
    assert "<b>" not in render_minutes(store, sid, "html").decode("utf-8")
    from docx import Document

    (table,) = Document(io.BytesIO(render_minutes(store, sid, "docx"))).tables
    assert [cell.text for cell in table.rows[1].cells] == ["Ann Ode", PRIVATE]


def test_a_finished_session_takes_no_more_answers(store, setup, clock) -> None:
    people, sid = setup
    running.finish_session(store, sid, clock.advance(60))
    with pytest.raises(InputError, match="finished"):
        reflection.answer(store, sid, 0, people["Ann Ode"], "Too late")
