"""Markdown minutes: what they say, and that nothing a note says becomes formatting."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from sessions.minutes.model import build_minutes
from sessions.minutes.render import render_markdown
from sessions.services import notes, running
from sessions.services.minutes import write_minutes
from sessions.services.programmes import create_programme
from tests.test_services import ODD_TEXT


@pytest.fixture
def finished_session(store, small_agenda, clock) -> int:
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    sid = running.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, sid, clock())
    notes.add_note(store, sid, 0, "Everyone wants fewer meetings", "deal", now=clock())
    running.move(store, sid, +1, clock.advance(540))
    notes.add_note(store, sid, 1, "One frailty pathway for the town", "deal", now=clock())
    notes.add_note(store, sid, 1, "Practices trust the pharmacists", "relationship", now=clock())
    notes.add_note(store, sid, 1, "d: pool the winter money", "deal", now=clock())
    notes.add_note(store, sid, 1, "a: draft the agreement @Dr Patel 2026-12-01", "deal",
                   now=clock())
    running.finish_session(store, sid, clock.advance(1500))
    return sid


def test_minutes_carry_the_session(store, finished_session) -> None:
    text = render_markdown(build_minutes(store, finished_session))
    assert text.startswith("# Harbour programme: session 1\n")
    assert "**Primary Care Network:** Harbour PCN" in text
    assert "**Date:** Monday 23 November 2026" in text
    assert "## Welcome" in text
    assert "## Step 1: Set-up right — vision and partners" in text
    assert "### 1. Introductions" in text
    assert "*Planned 10 min, took 9 min.*" in text
    assert "*Planned 20 min, took 25 min.*" in text
    assert "*Planned 5 min; not reached.*" in text
    assert "**Deal**\n\n- One frailty pathway for the town" in text
    assert "**Relationship**\n\n- Practices trust the pharmacists" in text
    assert "**Decisions**\n\n- pool the winter money" in text
    assert "- draft the agreement — Dr Patel (due 2026-12-01)" in text
    assert "| draft the agreement | Dr Patel | 2026-12-01 | open | What can we only do together? |" in text
    assert "| Step 1: Set-up right | 1 | 1 |" in text
    assert "| Whole session | 2 | 1 |" in text


def test_empty_sections_are_left_out(store, small_agenda) -> None:
    programme = create_programme(store, "Quiet")
    sid = running.start_session(store, programme.id, small_agenda)
    text = render_markdown(build_minutes(store, sid))
    assert "Action log" not in text
    assert "Deal and relationship" not in text
    assert "**Deal**" not in text


def test_odd_text_round_trips_and_markup_stays_text(store, small_agenda) -> None:
    programme = create_programme(store, "Odd")
    sid = running.start_session(store, programme.id, small_agenda)
    for line in ODD_TEXT:
        notes.add_note(store, sid, 0, line, "deal")
    notes.add_note(store, sid, 0, "a: <b>fix</b> | it @<i>Sam</i> fri", "deal")
    text = render_markdown(build_minutes(store, sid))
    for line in ODD_TEXT[:4]:
        assert line in text
    html = MarkdownIt("commonmark", {"html": True}).render(text)
    # Even a renderer that lets raw HTML through finds none from a note.
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;" in html
    assert "<strong>not bold</strong>" not in html
    assert "<h1>not a heading" not in html
    # The pipes in a note do not add columns to the action log table.
    row = next(line for line in text.splitlines() if "fix" in line and line.startswith("|"))
    assert row.count(" | ") == 4


def test_write_minutes_to_the_default_folder_and_remember_it(
    store, finished_session, isolated_home
) -> None:
    path = write_minutes(store, finished_session)
    assert path == isolated_home / "minutes" / "harbour-programme-session-1.md"
    assert path.read_text(encoding="utf-8").startswith("# Harbour programme: session 1")
    assert running.get_session(store, finished_session).minutes_path == str(path)


def test_a_user_template_overrides_the_bundled_one(store, finished_session, isolated_home) -> None:
    templates = isolated_home / "config" / "templates"
    templates.mkdir(parents=True)
    (templates / "minutes.md.j2").write_text("Our own: {{ m.title }}\n", encoding="utf-8")
    assert render_markdown(build_minutes(store, finished_session)) == (
        "Our own: Harbour programme: session 1\n"
    )


def test_skipped_and_extended_items_say_so(store, small_agenda, clock) -> None:
    programme = create_programme(store, "Paced")
    sid = running.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, sid, clock())
    running.extend(store, sid, 300, clock.advance(60))
    running.move(store, sid, +1, clock.advance(780))
    running.skip(store, sid, clock.advance(120))
    text = render_markdown(build_minutes(store, sid))
    assert "*Planned 10 min, given 15 min, took 14 min.*" in text
    assert "*Planned 20 min; skipped after 2 min.*" in text
    assert "*Planned 5 min, took 0 min.*" in text


def test_minutes_name_who_came_who_declared_and_who_said_what(store, small_agenda) -> None:
    from sessions.services import people
    from sessions.services.note_editing import edit_note
    from sessions.services.programmes import create_programme as create

    programme = create(store, "People programme")
    sid = running.start_session(store, programme.id, small_agenda)
    patel = people.add_member(store, programme.id, "Dr Asha Patel", "Harbour Surgery",
                              "practice", "GP partner")
    hughes = people.add_member(store, programme.id, "Zoë *Hughes*", "Bay Pharmacy", "pharmacy")
    people.set_attendance(store, sid, patel.id, "present")
    people.set_attendance(store, sid, hughes.id, "apologies")
    people.add_declaration(store, sid, patel.id, "Partner in a bidding practice", 1)
    note = notes.add_note(store, sid, 0, "First wording", "deal", member_id=patel.id)
    edit_note(store, note.id, "Final wording")
    text = render_markdown(build_minutes(store, sid))
    assert "**Present:** Dr Asha Patel (Harbour Surgery, GP partner)" in text
    assert "**Apologies:** Zoë \\*Hughes\\* (Bay Pharmacy)" in text
    assert ("- Dr Asha Patel: Partner in a bidding practice "
            "(left the room for What can we only do together?)") in text
    assert "- Final wording *(Dr Asha Patel)*" in text
    assert "First wording" not in text
