"""A note of several lines, or of any characters, is kept exactly: read, saved, edited,
found, exported and imported."""

from __future__ import annotations

import json
from datetime import date

import pytest

from sessions.errors import InputError
from sessions.exchange.parse import read_document
from sessions.note_syntax import ParsedNote, parse_note_line
from sessions.services import notes, planning
from sessions.services.actions import list_actions
from sessions.services.exchange import export_programme, import_programme
from sessions.services.note_editing import edit_note, note_history, note_line
from sessions.services.programmes import create_programme
from sessions.services.search import search_notes
from sessions.store import Store

TODAY = date(2026, 11, 23)  # a Monday
FRIDAY = date(2026, 11, 27)

PASTED = "From the chat:\n# not a heading\n\n- not a list | nor a cell\n  indented <b>as typed</b>"
EVERY_KIND = (
    "Rebecca\u200d 👩\u200d💻 \u200fمرحبا\u200e Co\u00adordination ☎\ufe0f Zoe\u0308 会议 ↵"
)


@pytest.mark.parametrize(
    ("line", "parsed"),
    [
        # The prefix starts the first line and applies to the whole note.
        (
            "d: we pool the money\nfrom April",
            ParsedNote("decision", "we pool the money\nfrom April"),
        ),
        ("q:\nwho holds\nthe budget?", ParsedNote("question", "who holds\nthe budget?")),
        ("not: a prefix\nsecond", ParsedNote("deal", "not: a prefix\nsecond")),
        ("first\nd: only a line", ParsedNote("deal", "first\nd: only a line")),
        # An action's owner and date end its last line.
        (
            "a: draft the agreement\nwith the practices @Dr Patel fri",
            ParsedNote("action", "draft the agreement\nwith the practices", "Dr Patel", FRIDAY),
        ),
        (
            "a: draft the agreement\nwith the practices\n@Dr Patel 2026-12-01",
            ParsedNote(
                "action", "draft the agreement\nwith the practices", "Dr Patel", date(2026, 12, 1)
            ),
        ),
        ("a: send it\nfri", ParsedNote("action", "send it", "", FRIDAY)),
        # An "@" or a date in an earlier line is only what was said.
        (
            "a: ask jo@harbour.nhs.uk by fri\nabout the rota",
            ParsedNote("action", "ask jo@harbour.nhs.uk by fri\nabout the rota"),
        ),
        (
            "a: ask @Sam\nabout the rota\n\nand the budget @Jo tomorrow",
            ParsedNote(
                "action", "ask @Sam\nabout the rota\n\nand the budget", "Jo", date(2026, 11, 24)
            ),
        ),
    ],
)
def test_a_note_of_several_lines_reads_as_one(line: str, parsed: ParsedNote) -> None:
    assert parse_note_line(line, "deal", TODAY) == parsed


def test_a_date_meant_but_unreadable_on_the_last_line_is_still_refused() -> None:
    with pytest.raises(InputError, match="due date"):
        parse_note_line("a: one\ntwo @Sam due someday", "deal", TODAY)
    with pytest.raises(InputError, match="needs words"):
        parse_note_line("a:\n@Sam fri", "deal", TODAY)


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme", "Harbour PCN")


@pytest.fixture
def session_id(store, programme, small_agenda) -> int:
    return planning.start_session(store, programme.id, small_agenda)


def add(store, session_id, line, kind="deal"):
    return notes.add_note(store, session_id, 0, line, kind, today=TODAY)


def test_what_was_pasted_or_typed_is_saved_exactly(store, session_id) -> None:
    for line in (PASTED, EVERY_KIND, f"{EVERY_KIND}\n{PASTED}"):
        add(store, session_id, line)
    assert [n.text for n in notes.list_notes(store, session_id)] == [
        PASTED,
        EVERY_KIND,
        f"{EVERY_KIND}\n{PASTED}",
    ]


def test_a_saved_note_of_several_lines_comes_back_to_the_note_line_intact(
    store, session_id
) -> None:
    note = add(store, session_id, PASTED)
    assert note_line(note) == PASTED
    # Entered again unchanged, it is unchanged: no revision.
    assert not edit_note(store, note.id, note_line(note), today=TODAY).edited
    changed = PASTED.replace("nor a cell", "nor a table cell")
    assert edit_note(store, note.id, changed, today=TODAY).text == changed
    assert note_history(store, note.id) == [PASTED, changed]


def test_an_action_of_several_lines_comes_back_with_its_owner_and_date(
    store, programme, session_id
) -> None:
    note = add(store, session_id, "a: draft the agreement\n\nwith the practices @Dr Patel fri")
    assert (note.text, note.owner, note.due) == (
        "draft the agreement\n\nwith the practices",
        "Dr Patel",
        FRIDAY,
    )
    line = note_line(note)
    assert line == "a: draft the agreement\n\nwith the practices @Dr Patel 2026-11-27"
    assert not edit_note(store, note.id, line, today=TODAY).edited
    (action,) = list_actions(store, programme.id)
    assert (action.text, action.owner, action.due) == (note.text, "Dr Patel", FRIDAY)


def test_a_deal_note_that_reads_like_a_prefix_keeps_its_kind_with_its_lines(
    store, session_id
) -> None:
    note = add(store, session_id, "deal: q: who holds\nthe budget?")
    assert (note.kind, note.text) == ("deal", "q: who holds\nthe budget?")
    assert note_line(note) == "deal: q: who holds\nthe budget?"
    assert not edit_note(store, note.id, note_line(note), today=TODAY).edited


def test_search_finds_a_word_on_any_line(store, programme, session_id) -> None:
    add(store, session_id, PASTED)
    add(store, session_id, EVERY_KIND)
    for words in ("chat", "heading", "indented typed", "rebecca", "会议"):
        (hit,) = search_notes(store, programme.id, words)
        assert hit.text in (PASTED, EVERY_KIND)


def test_export_and_import_keep_the_lines_and_characters(
    store, programme, session_id, tmp_path
) -> None:
    add(store, session_id, PASTED)
    add(store, session_id, f"a: {EVERY_KIND}\nsecond line @Zoë Hughes 2026-12-01")
    _, exported = export_programme(store, programme.name)
    document = json.loads(exported)
    texts = [note["text"] for note in document["sessions"][0]["notes"]]
    assert texts == [PASTED, f"{EVERY_KIND}\nsecond line"]
    other = Store.open(tmp_path / "other.db")
    try:
        imported = import_programme(other, read_document(exported, "the file"))
        assert export_programme(other, imported.slug)[1] == exported
    finally:
        other.close()
