"""Every activity kind is whole: a registry entry with its minutes, document and projector
parts, answers that travel in the export file and come back the same, and a panel on screen."""

from __future__ import annotations

import io
from datetime import date

import pytest

from facilitator.widgets.panels import PANELS, SHOWN_BY_THE_CLOCKS
from sessions.activities.document import Notice, Shown, Table
from sessions.activities.registry import ACTIVITIES, activity_for
from sessions.agenda.model import Agenda, AgendaItem, ScorecardArea, Section
from sessions.domain.lookup import session_row
from sessions.exchange.parse import read_document
from sessions.models import AgendaItem as ItemRow
from sessions.services import (
    checklist,
    notes,
    planning,
    rag,
    reflection,
    roles,
    running,
    scorecard,
)
from sessions.services.exchange import export_programme, import_programme
from sessions.services.matters_arising import review_action, review_entries
from sessions.services.minutes import render_minutes, session_minutes
from sessions.services.minutes_approval import amend, approve
from sessions.services.people import add_member
from sessions.services.programmes import create_programme
from sessions.services.room import room_markdown
from sessions.store import Store
from sessions.views import ItemView
from sessions.vocabulary import ItemKind, ReviewOutcome

TODAY = date(2026, 11, 23)
ACTIVITY_KINDS = [kind for kind in ItemKind if kind != ItemKind.DISCUSSION]
# What the room sees of each kind's answers in the programme below.
IN_THE_ROOM = {
    ItemKind.CHECKLIST: "- **3** · Slow",
    ItemKind.SCORECARD: "We share a goal — **4.0** (1)",
    ItemKind.ROLES: "— Ada Lovelace",
    ItemKind.REFLECTION: "Private answers given so far: 1.",
    ItemKind.RAG: "| Trust | **Amber** | — | — |",
    ItemKind.MATTERS_ARISING: "- **done** · write it up",
    ItemKind.MINUTES_APPROVAL: (
        "- Session 1 (23 November 2026): **approved**\n"
        "  - amendment: Ada sent apologies — proposed by Ada Lovelace"
    ),
    ItemKind.BREAK: "Back soon.",
}

# What each kind's part of the written minutes shows of the same answers.
IN_THE_DOCUMENT: dict[ItemKind, tuple[Shown, ...]] = {
    ItemKind.CHECKLIST: (
        Table(("Option", "Votes", "Rank"), (("Slow", "3", "1"), ("Unclear", "0", "—"))),
    ),
    ItemKind.SCORECARD: (
        Table(
            ("Area", "Statement", "Ratings", "Mean", "Range", "Since last time"),
            (("Purpose", "We share a goal", "1", "4.0", "4–4", "—"),),
        ),
    ),
    ItemKind.ROLES: (
        Table(
            ("Group", "Team role", "Played by"),
            tuple(
                (group, role, "Ada Lovelace" if role == "Plant" else "nobody")
                for group, role in (
                    ("Action", "Shaper"),
                    ("Action", "Implementer"),
                    ("Action", "Completer Finisher"),
                    ("People", "Coordinator"),
                    ("People", "Teamworker"),
                    ("People", "Resource Investigator"),
                    ("Thinking", "Plant"),
                    ("Thinking", "Monitor Evaluator"),
                    ("Thinking", "Specialist"),
                )
            ),
        ),
    ),
    ItemKind.RAG: (
        Table(
            ("Area", "Rating", "Owner", "Next step"),
            (("Trust", "Amber", "—", "—"), ("Money", "Not rated", "—", "—")),
        ),
    ),
    # The answer itself stays private unless the facilitator puts it in the minutes.
    ItemKind.REFLECTION: (Notice("1 private answer was given and stay out of the minutes."),),
    ItemKind.MATTERS_ARISING: (
        Table(
            # "@Ada" finds the member Ada Lovelace, who owns it under her full name.
            ("Action", "Owner", "From session", "Outcome"),
            (("write it up", "Ada Lovelace", "1", "done"),),
        ),
    ),
    ItemKind.MINUTES_APPROVAL: (
        Table(
            ("Minutes of", "Outcome"),
            (("Session 1 (23 November 2026)", "Approved with 1 amendment"),),
        ),
        Table(
            ("Minutes of", "Change", "Wording", "Proposed by"),
            (("Session 1", "Amendment", "Ada sent apologies", "Ada Lovelace"),),
        ),
    ),
    ItemKind.BREAK: (),
}
STANDING = (ItemKind.MATTERS_ARISING, ItemKind.MINUTES_APPROVAL)
"""The kinds only a second session has."""


@pytest.fixture
def agenda() -> Agenda:
    """One item of every kind."""
    return Agenda(
        title="Every activity",
        sections=(
            Section(
                "All of them",
                None,
                (
                    AgendaItem("Talk", 600, prompt="Say what needs doing."),
                    AgendaItem("Barriers", 300, ItemKind.CHECKLIST, options=("Slow", "Unclear")),
                    AgendaItem(
                        "Health check",
                        300,
                        ItemKind.SCORECARD,
                        areas=(ScorecardArea("Purpose", ("We share a goal",)),),
                    ),
                    AgendaItem("Team roles", 300, ItemKind.ROLES, prompt="Mark yours."),
                    AgendaItem("Foundations", 300, ItemKind.RAG, rag_areas=("Trust", "Money")),
                    AgendaItem("Looking back", 300, ItemKind.REFLECTION, prompt="One word."),
                    AgendaItem("Tea", 600, ItemKind.BREAK, prompt="Back soon."),
                ),
            ),
        ),
        source="test",
    )


@pytest.fixture
def programme(store: Store, clock, agenda: Agenda) -> tuple[str, int]:
    """A first session with an answer in every activity and an action, and a second
    session whose matters arising reviewed it: (slug, second session's id)."""
    created = create_programme(store, "Every activity")
    member = add_member(store, created.id, "Ada Lovelace")
    first = planning.start_session(store, created.id, agenda)
    running.toggle_clock(store, first, clock())
    at = {item.kind: item.position for item in running.get_session(store, first).items}
    notes.add_note(store, first, 0, "a: write it up @Ada", "deal", today=TODAY, now=clock())
    checklist.vote(store, first, at[ItemKind.CHECKLIST], 0, 3, now=clock.advance(1))
    scorecard.rate(store, first, at[ItemKind.SCORECARD], 0, 4, now=clock.advance(1))
    roles.set_roles(store, first, at[ItemKind.ROLES], member.id, ["Plant"], now=clock.advance(1))
    rag.rate_area(store, first, at[ItemKind.RAG], 0, 2, now=clock.advance(1))
    reflection.answer(store, first, at[ItemKind.REFLECTION], member.id, "Hope", now=clock())
    running.finish_session(store, first, now=clock.advance(60))
    second = planning.start_session(store, created.id, agenda)
    (entry,) = review_entries(store, second, TODAY)
    review_action(store, second, entry.action_id, ReviewOutcome.DONE, now=clock.advance(5))
    amend(store, second, first, "Ada sent apologies", proposer_member_id=member.id, now=clock())
    approve(store, second, first, now=clock.advance(5))
    return created.slug, second


def item_of(store: Store, session_id: int, kind: ItemKind) -> ItemView:
    return next(i for i in running.get_session(store, session_id).items if i.kind == kind)


@pytest.mark.parametrize("kind", ACTIVITY_KINDS)
def test_every_kind_has_its_activity_and_its_panel(kind: ItemKind) -> None:
    assert activity_for(kind) is ACTIVITIES[kind]
    assert ACTIVITIES[kind].kind == kind
    if kind in SHOWN_BY_THE_CLOCKS:
        assert kind not in PANELS
    else:
        panel, widget_id = PANELS[kind]
        assert kind == panel.KIND and widget_id
    assert activity_for(ItemKind.DISCUSSION) is None


@pytest.mark.parametrize("kind", ACTIVITY_KINDS)
def test_every_kind_has_its_minutes_and_projector_parts(
    store: Store, programme: tuple[str, int], kind: ItemKind
) -> None:
    _, second = programme
    # Answers are in the first session; the standing items are only in the second.
    session_id = second if kind in STANDING else second - 1
    shown_item = item_of(store, session_id, kind)
    position = shown_item.position
    activity = ACTIVITIES[kind]
    shown = room_markdown(store, session_id, shown_item, TODAY)
    assert IN_THE_ROOM[kind] in shown
    assert "Hope" not in shown  # a private answer never reaches the room
    if activity.minutes_part is None:
        # A break has nothing to minute but its timing; the review of actions is minuted
        # in a section of its own.
        assert kind in (ItemKind.BREAK, ItemKind.MATTERS_ARISING)
        return
    with store.reading() as db:
        session = session_row(db, session_id)
        item = next(i for i in session.items if i.position == position)
        assert isinstance(item, ItemRow)
        assert activity.minutes_part(db, session, item) is not None


@pytest.mark.parametrize("kind", ACTIVITY_KINDS)
def test_every_kind_travels_in_the_export_file(
    store: Store, programme: tuple[str, int], tmp_path, kind: ItemKind
) -> None:
    slug, _second = programme
    exported = export_programme(store, slug)[1]
    document = read_document(exported, "the file")
    answered = {
        str(record.items[result.item]["kind"])
        for record in document.sessions
        for result in record.results
    }
    if kind == ItemKind.MATTERS_ARISING:
        assert document.sessions[1].reviews  # its answers are the reviews of actions
    elif kind == ItemKind.MINUTES_APPROVAL:
        assert document.sessions[0].amendments  # its answers amend the earlier minutes
    elif kind == ItemKind.BREAK:
        assert kind not in answered  # a break takes no answers
    else:
        assert kind in answered
    other = Store.open(tmp_path / "other.db")
    try:
        imported = import_programme(other, document)
        assert export_programme(other, imported.slug)[1] == exported
    finally:
        other.close()


@pytest.mark.parametrize("kind", ACTIVITY_KINDS)
def test_every_kind_has_its_part_of_the_written_minutes(
    store: Store, programme: tuple[str, int], kind: ItemKind
) -> None:
    from docx import Document

    _, second = programme
    session_id = second if kind in STANDING else second - 1
    minutes = session_minutes(store, session_id)
    item = next(i for section in minutes.sections for i in section.items if i.kind == kind)
    shown = ACTIVITIES[kind].document_part(item.activity, minutes)
    assert shown == IN_THE_DOCUMENT[kind]
    # The Word minutes draw the part as it is given, whatever the kind.
    document = Document(io.BytesIO(render_minutes(store, session_id, "docx")))
    tables = [[tuple(cell.text for cell in row.cells) for row in t.rows] for t in document.tables]
    italic = [p.text for p in document.paragraphs if p.runs and p.runs[0].italic]
    for part in shown:
        if isinstance(part, Table):
            assert [part.headers, *part.rows] in tables
        else:
            assert part.text in italic
