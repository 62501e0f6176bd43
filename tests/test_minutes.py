"""Markdown minutes: what they say, and that nothing a note says becomes formatting."""

from __future__ import annotations

from datetime import date

import pytest
from markdown_it import MarkdownIt

from sessions.minutes.render import render_markdown
from sessions.services import notes, planning, running
from sessions.services.matters_arising import review_action, review_entries
from sessions.services.minutes import session_minutes, write_minutes
from sessions.services.programmes import create_programme
from tests.test_services import ODD_TEXT


@pytest.fixture
def finished_session(store, small_agenda, clock) -> int:
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    sid = planning.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, sid, clock())
    notes.add_note(store, sid, 0, "Everyone wants fewer meetings", "deal", now=clock())
    running.move(store, sid, +1, clock.advance(540))
    notes.add_note(store, sid, 1, "One frailty pathway for the town", "deal", now=clock())
    notes.add_note(store, sid, 1, "Practices trust the pharmacists", "relationship", now=clock())
    notes.add_note(store, sid, 1, "d: pool the winter money", "deal", now=clock())
    notes.add_note(
        store, sid, 1, "a: draft the agreement @Dr Patel 2026-12-01", "deal", now=clock()
    )
    running.finish_session(store, sid, clock.advance(1500))
    return sid


def test_minutes_carry_the_session(store, finished_session) -> None:
    text = render_markdown(session_minutes(store, finished_session))
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
    assert "- draft the agreement — Dr Patel (due Tuesday 1 December 2026)" in text
    assert (
        "| 1.1 | draft the agreement | Dr Patel | Session 1, What can we only do together? "
        "| Tuesday 1 December 2026 | — | On track | — |"
    ) in text
    assert "| No. | Action | Owner | Raised | Due | Revised due | Status | Latest update |" in text
    assert "| Step 1: Set-up right | 1 | 1 |" in text
    assert "| Whole session | 2 | 1 |" in text


def test_empty_sections_are_left_out(store, small_agenda) -> None:
    programme = create_programme(store, "Quiet")
    sid = planning.start_session(store, programme.id, small_agenda)
    text = render_markdown(session_minutes(store, sid))
    assert "Action log" not in text
    assert "Deal and relationship" not in text
    assert "**Deal**" not in text


def test_odd_text_round_trips_and_markup_stays_text(store, small_agenda) -> None:
    programme = create_programme(store, "Odd")
    sid = planning.start_session(store, programme.id, small_agenda)
    for line in ODD_TEXT:
        notes.add_note(store, sid, 0, line, "deal")
    notes.add_note(store, sid, 0, "a: <b>fix</b> | it @<i>Sam</i> fri", "deal")
    text = render_markdown(session_minutes(store, sid))
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
    assert row.count(" | ") == 7


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
    assert render_markdown(session_minutes(store, finished_session)) == (
        "Our own: Harbour programme: session 1\n"
    )


def test_skipped_and_extended_items_say_so(store, small_agenda, clock) -> None:
    programme = create_programme(store, "Paced")
    sid = planning.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, sid, clock())
    running.extend(store, sid, 300, clock.advance(60))
    running.move(store, sid, +1, clock.advance(780))
    running.skip(store, sid, clock.advance(120))
    text = render_markdown(session_minutes(store, sid))
    assert "*Planned 10 min, given 15 min, took 14 min.*" in text
    assert "*Planned 20 min; skipped after 2 min.*" in text
    assert "*Planned 5 min, took 0 min.*" in text


def test_minutes_name_who_came_who_declared_and_who_said_what(store, small_agenda) -> None:
    from sessions.services import people
    from sessions.services.note_editing import edit_note
    from sessions.services.programmes import create_programme as create

    programme = create(store, "People programme")
    sid = planning.start_session(store, programme.id, small_agenda)
    patel = people.add_member(
        store, programme.id, "Dr Asha Patel", "Harbour Surgery", "practice", "GP partner"
    )
    hughes = people.add_member(store, programme.id, "Zoë *Hughes*", "Bay Pharmacy", "pharmacy")
    people.set_attendance(store, sid, patel.id, "present")
    people.set_attendance(store, sid, hughes.id, "apologies")
    people.add_declaration(store, sid, patel.id, "Partner in a bidding practice", 1)
    note = notes.add_note(store, sid, 0, "First wording", "deal", member_id=patel.id)
    edit_note(store, note.id, "Final wording")
    text = render_markdown(session_minutes(store, sid))
    assert "**Present:** Dr Asha Patel (Harbour Surgery, GP partner)" in text
    assert "**Apologies:** Zoë \\*Hughes\\* (Bay Pharmacy)" in text
    # How it was managed follows the interest, naming the item by its number too.
    assert (
        "- Dr Asha Patel: Partner in a bidding practice. "
        "Left the room for item 2 (What can we only do together?)."
    ) in text
    assert "- Final wording *(Dr Asha Patel)*" in text
    assert "First wording" not in text


@pytest.fixture
def reviewed_programme(store, small_agenda, clock) -> tuple[int, int, int]:
    """Session 1 raises four actions; session 2 reviews three; session 3 is planned."""
    programme = create_programme(store, "Review programme", "Harbour PCN")
    first = planning.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, first, clock())
    for line in (
        "a: send the data sharing agreement @Sam due 2026-12-01",
        "a: book the *community* room | hall <b>now</b> @Dr Patel due 2026-12-03",
        "a: ask the trust about beds @Jo due 2026-12-05",
        "a: write to the LMC due 2026-12-07",
    ):
        notes.add_note(store, first, 1, line, "deal", now=clock())
    running.finish_session(store, first, clock.advance(1800))

    second = planning.start_session(
        store, programme.id, small_agenda, planned_for=date(2026, 12, 14)
    )
    clock.current = clock.current.replace(month=12, day=14)
    running.toggle_clock(store, second, clock())
    entries = {e.text: e.action_id for e in review_entries(store, second, date(2026, 12, 14))}
    review_action(store, second, entries["send the data sharing agreement"], "done", now=clock())
    review_action(
        store,
        second,
        entries["book the *community* room | hall <b>now</b>"],
        "kept",
        new_due=date(2027, 1, 15),
        now=clock(),
    )
    review_action(store, second, entries["ask the trust about beds"], "dropped", now=clock())
    running.finish_session(store, second, clock.advance(1800))

    third = planning.start_session(store, programme.id, small_agenda, planned_for=date(2027, 1, 18))
    return first, second, third


def test_matters_arising_minutes_each_review(store, reviewed_programme) -> None:
    _, second, _ = reviewed_programme
    text = render_markdown(session_minutes(store, second))
    lines = text.splitlines()
    heading = lines.index("### 2. Actions from earlier sessions")
    assert lines[:heading].count("## Matters arising") == 1
    table = lines.index("| Action | Owner | From session | Outcome |")
    assert heading < table < lines.index("### 3. Introductions")
    assert lines[table + 1 : table + 6] == [
        "|---|---|---|---|",
        "| send the data sharing agreement | Sam | 1 | done |",
        (
            "| book the \\*community\\* room \\| hall \\<b\\>now\\</b\\> | Dr Patel | 1 "
            "| kept open, due moved 3 Dec 2026 → 15 Jan 2027 |"
        ),
        "| ask the trust about beds | Jo | 1 | dropped |",
        "| write to the LMC | — | 1 | not reviewed |",
    ]
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    assert "<b>" not in html and "<em>community</em>" not in html
    assert "<td>book the *community* room | hall &lt;b&gt;now&lt;/b&gt;</td>" in html
    assert lines[-1] == "**Next session:** Monday 18 January 2027"


def test_matters_arising_minutes_keep_the_date_this_session_set(
    store, reviewed_programme, clock
) -> None:
    _, second, third = reviewed_programme
    running.toggle_clock(store, third, clock.advance(86400 * 30))
    kept = next(
        e for e in review_entries(store, third, date(2027, 1, 18)) if e.text.startswith("book")
    )
    review_action(store, third, kept.action_id, "kept", new_due=date(2027, 3, 1), now=clock())
    text = render_markdown(session_minutes(store, second))
    assert "| Dr Patel | 1 | kept open, due moved 3 Dec 2026 → 15 Jan 2027 |" in text
    third_text = render_markdown(session_minutes(store, third))
    assert "| Dr Patel | 1 | kept open, due moved 15 Jan 2027 → 1 Mar 2027 |" in third_text
    assert "| write to the LMC | — | 1 | not reviewed |" in third_text
    assert "send the data sharing agreement" not in third_text


def test_a_planned_session_is_dated_for_its_day_and_the_first_has_no_review(
    store, reviewed_programme
) -> None:
    first, _, third = reviewed_programme
    text = render_markdown(session_minutes(store, third))
    assert "**Date:** Monday 18 January 2027  \n" in text
    assert "**Next session:**" not in text
    first_text = render_markdown(session_minutes(store, first))
    assert "Matters arising" not in first_text
    assert "| Action | Owner | From session | Outcome |" not in first_text
    assert first_text.endswith("\n\n**Next session:** Monday 14 December 2026\n")


def test_a_matters_arising_item_with_nothing_open_says_so(store, small_agenda) -> None:
    programme = create_programme(store, "Clear programme")
    planning.start_session(store, programme.id, small_agenda)
    second = planning.start_session(store, programme.id, small_agenda)
    text = render_markdown(session_minutes(store, second))
    assert (
        "### 2. Actions from earlier sessions\n\n*Planned 5 min; not reached.*\n\n"
        "*No actions were open from earlier sessions.*\n\n## Welcome"
    ) in text


def test_next_session_follows_the_balance_table(store, finished_session, small_agenda) -> None:
    programme_id = running.get_session(store, finished_session).programme_id
    planning.start_session(store, programme_id, small_agenda, planned_for=date(2026, 12, 21))
    text = render_markdown(session_minutes(store, finished_session))
    assert text.endswith("| Whole session | 2 | 1 |\n\n**Next session:** Monday 21 December 2026\n")
