"""The papers for a planned session: when and where, the agenda as it will run, the last
meeting's draft minutes, the open actions by owner and the register of interests, the same
in every format, and checked for patient-identifiable data as the minutes are."""

from __future__ import annotations

import io
from datetime import date, time

import pytest

from sessions.errors import InputError
from sessions.governance.findings import IdentifiersFound
from sessions.pack.header import PackHeader
from sessions.services import interests, notes, people, planning, running
from sessions.services.minutes_approval import approve
from sessions.services.pack import pack_filename, render_pack, session_pack
from sessions.services.programmes import create_programme, find_programme
from sessions.services.running import resolve_session_ref
from tests.confidential_board import FORMATS, SECRET, confidential_board, every_word
from tests.rich_session import rich_programme

pytestmark = pytest.mark.usefixtures("utc_local_time")

TODAY = date(2027, 1, 11)
HOSTILE = "<script>alert('x')</script> & <b>bold</b>"


@pytest.fixture
def rich(store, clock):
    rich = rich_programme(store, clock)
    members = people.list_members(store, find_programme(store, rich.slug).id)
    bea = next(member for member in members if member.name == "Bea Hughes")
    interests.add_interest(store, bea.id, "Director of a care home", "financial", date(2026, 1, 1))
    interests.add_interest(
        store, bea.id, "Trustee, ended", "non-financial personal", None, date(2026, 6, 30)
    )
    rich.planned = resolve_session_ref(store, f"{rich.slug}/3")
    return rich


def test_the_papers_carry_the_agenda_the_draft_minutes_the_actions_and_the_register(
    store, rich
) -> None:
    pack = session_pack(store, rich.planned, today=TODAY)
    assert pack.title == "Papers for session 3 of Harbour programme"
    assert (pack.header.date_line, pack.header.time_line, pack.header.place_line) == (
        "Monday 18 January 2027",
        "to be confirmed",
        "to be confirmed",
    )
    items = [item for section in pack.sections for item in section.items]
    assert [item.number for item in items] == list(range(1, len(items) + 1))
    scorecard = next(item for item in items if item.kind == "scorecard")
    checklist = next(item for item in items if item.kind == "checklist")
    assert scorecard.listed and scorecard.listed_label.startswith("Statements")
    assert checklist.listed and checklist.listed_label.startswith("Options")
    assert all(item.timing.endswith("min") for item in items)

    assert pack.previous is not None and pack.previous.minutes is not None
    assert pack.previous.session_number == 2 and pack.previous.said.startswith("DRAFT")

    owners = {owner.owner: owner for owner in pack.owners}
    # Session 2 kept one of session 1's actions (due 15 January) and raised one more.
    assert set(owners) == {"Bea Hughes", "Dr Ann Patel"}
    assert [a.due_line for a in owners["Dr Ann Patel"].actions] == [
        "Overdue: was due Sunday 10 January 2027"
    ]
    assert owners["Bea Hughes"].actions[0].due_line == "Due Friday 15 January 2027"

    register = {member.name: member.interests for member in pack.register}
    assert set(register) == {"Dr Ann Patel", "Bea Hughes", "Cal Owen"}
    assert [i.description for i in register["Bea Hughes"]] == ["Director of a care home"]
    assert register["Cal Owen"] == []

    text = render_pack(store, rich.planned, "md", today=TODAY).decode()
    # The minutes as their own template writes them, each heading two levels down.
    assert "## Minutes of session 2\n\n**DRAFT: the minutes of session 2" in text
    minutes = text.split("## Minutes of session 2\n", 1)[1]
    assert "Harbour programme: session 2" not in minutes  # the papers' heading stands for it
    assert "\n### Action log\n" in minutes and "\n## Action log" not in minutes
    assert (
        "| Bea Hughes | Bay Pharmacy | Director of a care home | Financial | from 1 Jan 2026 |"
        in text
    )
    assert "| Cal Owen | Harbour Council | None declared | — | — |" in text
    assert "Trustee" not in text
    assert pack_filename(pack, "docx") == "harbour-programme-session-3-papers.docx"


def test_with_a_start_time_each_item_says_when_it_starts(store, rich, monkeypatch) -> None:
    monkeypatch.setattr(
        "sessions.pack.model.pack_header",
        lambda session: PackHeader(session.planned_for, time(14, 0), time(16, 0), "Bay Hall"),
    )
    pack = session_pack(store, rich.planned, today=TODAY)
    first, second = pack.sections[0].items[0], [i for s in pack.sections for i in s.items][1]
    assert first.timing == f"14:00, {first.timing.split(', ')[1]}"
    assert second.starts_at == time(14, first.planned_seconds // 60)
    assert pack.header.time_line == "14:00 to 16:00" and pack.header.place_line == "Bay Hall"


def test_a_first_session_has_no_minutes_and_a_held_one_has_no_papers(store, clock) -> None:
    programme = create_programme(store, "Bay programme", "Bay PCN")
    agenda = rich_agenda()
    first = planning.start_session(store, programme.id, agenda)
    pack = session_pack(store, first, today=TODAY)
    assert pack.previous is None and pack.owners == [] and pack.register == []
    text = render_pack(store, first, "md", today=TODAY).decode()
    assert "Minutes of session" not in text and "No actions are open." in text
    running.toggle_clock(store, first, clock())
    with pytest.raises(InputError, match="is under way; its minutes are what you want"):
        session_pack(store, first)
    running.finish_session(store, first, clock.advance(60))
    with pytest.raises(InputError, match="has been held; its minutes are what you want"):
        session_pack(store, first)


def test_minutes_already_approved_are_named_not_sent_again(store, clock) -> None:
    programme = create_programme(store, "Bay programme", "Bay PCN")
    first = planning.start_session(store, programme.id, rich_agenda())
    running.toggle_clock(store, first, clock())
    running.finish_session(store, first, clock.advance(60))
    second = planning.start_session(store, programme.id, rich_agenda())
    approve(store, second, first, now=clock.advance(60))
    pack = session_pack(store, second, today=TODAY)
    assert pack.previous is not None and pack.previous.minutes is None
    assert "were approved at session 2" in pack.previous.said


def rich_agenda():
    from sessions.agenda.model import Agenda, AgendaItem, Section

    return Agenda(
        "Short", sections=(Section("Business", None, (AgendaItem("Welcome", 300),)),), source="test"
    )


@pytest.fixture
def hostile(store, clock) -> int:
    """A planned session whose last meeting heard a note written to break a page."""
    programme = create_programme(store, "Bay programme", "Bay PCN")
    member = people.add_member(store, programme.id, HOSTILE, "Bay <Surgery>")
    interests.add_interest(store, member.id, HOSTILE, "financial", None)
    first = planning.start_session(store, programme.id, rich_agenda())
    running.toggle_clock(store, first, clock())
    notes.add_note(store, first, 0, HOSTILE, "deal", now=clock())
    notes.add_note(store, first, 0, f"a: {HOSTILE} @Sam", "deal", now=clock())
    running.finish_session(store, first, clock.advance(60))
    return planning.start_session(store, programme.id, rich_agenda())


def test_the_html_papers_escape_every_text(store, hostile) -> None:
    page = render_pack(store, hostile, "html", today=TODAY).decode()
    assert "<script" not in page and "<b>" not in page
    assert page.count("&lt;script&gt;") >= 4  # the note, the action, the member, the interest


def test_the_word_papers_have_headings_header_rows_and_british_english(store, rich) -> None:
    from docx import Document

    document = Document(io.BytesIO(render_pack(store, rich.planned, "docx", today=TODAY)))
    assert document.core_properties.language == "en-GB"
    assert document.core_properties.title == "Papers for session 3 of Harbour programme"
    headings = [(p.style.name, p.text) for p in document.paragraphs if "Heading" in p.style.name]
    assert ("Heading 1", "Agenda") in headings
    assert ("Heading 1", "Minutes of session 2") in headings
    assert ("Heading 2", "Action log") in headings
    assert ("Heading 1", "Register of interests") in headings
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    register = document.tables[-1]
    assert [c.text for c in register.rows[0].cells] == [
        "Member",
        "Organisation",
        "Interest",
        "Kind",
        "Dates",
    ]
    assert register._tbl.tr_lst[0].trPr.find(f"{w}tblHeader") is not None


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_public_papers_carry_nothing_taken_in_private(store, clock, fmt) -> None:
    board = confidential_board(store, clock)
    full = session_pack(store, board.second)
    public = session_pack(store, board.second, "public")
    assert pack_filename(full) == "harbour-programme-session-2-papers-full.md"
    assert pack_filename(public) == "harbour-programme-session-2-papers-public.md"
    text = every_word(render_pack(store, board.second, fmt, version="public"), fmt)
    assert SECRET not in text
    assert "to be taken in private." in text and "publish the budget" in text
    assert SECRET in every_word(render_pack(store, board.second, fmt), fmt)


def test_identifiers_stop_the_papers_until_redacted(store, clock) -> None:
    programme = create_programme(store, "Bay programme", "Bay PCN")
    first = planning.start_session(store, programme.id, rich_agenda())
    running.toggle_clock(store, first, clock())
    notes.add_note(store, first, 0, "a: ring about 943 476 5919 @Sam", "deal", now=clock())
    running.finish_session(store, first, clock.advance(60))
    second = planning.start_session(store, programme.id, rich_agenda())
    with pytest.raises(IdentifiersFound):
        render_pack(store, second, "md")
    text = render_pack(store, second, "md", redact=True).decode()
    assert "943 476 5919" not in text and "redacted: NHS number" in text


def test_the_users_templates_shape_the_papers_and_the_minutes_inside_them(
    store, hostile, isolated_home
) -> None:
    from sessions.minutes.render import user_templates_dir

    folder = user_templates_dir()
    folder.mkdir(parents=True)
    (folder / "pack.md.j2").write_text(
        "# Ours: {{ p.title | md }}\n\n{{ previous_minutes }}", encoding="utf-8"
    )
    (folder / "minutes.md.j2").write_text("# Their minutes\n\nRun by us.\n", encoding="utf-8")
    text = render_pack(store, hostile, "md", today=TODAY).decode()
    assert text == "# Ours: Papers for session 2 of Bay programme\n\nRun by us.\n"


def test_the_papers_list_one_owner_as_the_reminders_do(store, clock) -> None:
    """An action given to a name before its owner was a member is that member's, however
    the name's case was typed: the papers list it with the member's others, by one name."""
    from sessions.services.digest import programme_digests

    programme = create_programme(store, "Bay programme", "Bay PCN")
    first = planning.start_session(store, programme.id, rich_agenda())
    running.toggle_clock(store, first, clock())
    notes.add_note(store, first, 0, "a: ring the bank @dr asha patel", "deal", now=clock())
    people.add_member(store, programme.id, "Dr Asha Patel", "Bay Surgery")
    notes.add_note(store, first, 0, "a: book the hall @Asha", "deal", now=clock.advance(60))
    notes.add_note(store, first, 0, "a: find a venue", "deal", now=clock.advance(60))
    running.finish_session(store, first, clock.advance(60))
    second = planning.start_session(store, programme.id, rich_agenda())
    pack = session_pack(store, second, today=TODAY)
    assert [(o.owner, [a.text for a in o.actions]) for o in pack.owners] == [
        ("Dr Asha Patel", ["ring the bank", "book the hall"]),
        ("No owner", ["find a venue"]),
    ]
    digests = programme_digests(store, programme.slug, today=TODAY)
    assert [(o.label, d.open_count) for o, d in digests.owners] == [
        ("Dr Asha Patel", 2),
        ("No owner", 1),
    ]
