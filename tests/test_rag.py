"""A RAG item: areas rated red, amber or green, each with an owner and a next step that is an
action; in the agenda, the room's view, the minutes and the export file."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

from sessions.agenda.model import Agenda, AgendaError, AgendaItem, Section
from sessions.agenda.parser import parse_agenda
from sessions.exchange.parse import read_document
from sessions.models import ActivityResult
from sessions.services import notes, planning, rag, running
from sessions.services.actions import list_actions
from sessions.services.confidential import set_note_confidential
from sessions.services.exchange import export_programme
from sessions.services.matters_arising import review_entries
from sessions.services.minutes import render_minutes
from sessions.services.note_editing import edit_note
from sessions.services.people import add_member
from sessions.services.programmes import create_programme
from sessions.services.room import room_markdown
from sessions.services.undo import UndoRefusedError, undo_change
from sessions.store import Store
from sessions.vocabulary import ItemKind

pytestmark = pytest.mark.usefixtures("utc_local_time")

TODAY = date(2026, 11, 23)
AREAS = ("Trust", "Contracts and agreements", "Data <sharing>")


@pytest.fixture
def room(store: Store, clock) -> tuple[int, int, int, int]:
    """(programme id, session id, the RAG item's position, a member's id), the clock running;
    the programme's slug is "harbour-programme"."""
    programme = create_programme(store, "Harbour programme")
    member = add_member(store, programme.id, "Ade Okafor")
    agenda = Agenda(
        title="Foundations",
        sections=(
            Section(
                "Where we stand",
                None,
                (AgendaItem("Our foundations", 900, ItemKind.RAG, "Rate each.", rag_areas=AREAS),),
            ),
        ),
        source="test",
    )
    sid = planning.start_session(store, programme.id, agenda)
    running.toggle_clock(store, sid, clock())
    (item,) = running.get_session(store, sid).items
    return programme.id, sid, item.position, member.id


def standing(store: Store, sid: int) -> list[tuple[str, int | None]]:
    with store.reading() as db:
        rows = db.query(ActivityResult).filter(ActivityResult.session_id == sid)
        return [(r.subject, r.score) for r in rows if r.deleted_at is None]


def test_the_agenda_lists_areas_as_a_flat_list_and_says_what_is_wrong() -> None:
    text = "# A\n\n## S\n\n### Foundations (20 min, rag)\nRate each.\n\n- Trust\n- Money\n"
    (item,) = parse_agenda(text).items
    assert item.kind == ItemKind.RAG and item.rag_areas == ("Trust", "Money")
    assert item.prompt == "Rate each."
    with pytest.raises(AgendaError) as caught:
        parse_agenda("# A\n\n## S\n\n### Foundations (20 min, rag)\n- Trust\n  - deeper\n- Trust\n")
    said = [problem.what for problem in caught.value.problems]
    assert said == [
        "a RAG area cannot have bullets indented under it",
        "the area 'Trust' appears twice",
    ]
    with pytest.raises(AgendaError, match="RAG item 'Foundations' has no areas"):
        parse_agenda("# A\n\n## S\n\n### Foundations (20 min, rag)\nNothing to rate.\n")


def test_a_later_rating_replaces_the_earlier_and_undo_puts_it_back(store, clock, room) -> None:
    _, sid, at, _ = room
    rag.rate_area(store, sid, at, 0, 1, now=clock.advance(1))
    changed = rag.rate_area(store, sid, at, 0, 3, now=clock.advance(1))
    assert changed.said == "Green for “Trust”"
    assert standing(store, sid) == [("Trust", 3)]
    assert [r.rating_word for r in rag.rag_results(store, sid, at)] == [
        "Green",
        "Not rated",
        "Not rated",
    ]
    undo_change(store, changed, clock.advance(1))
    assert standing(store, sid) == [("Trust", 1)]
    taken = rag.withdraw_rating(store, sid, at, 0, now=clock.advance(1))
    assert taken is not None and standing(store, sid) == []
    assert rag.withdraw_rating(store, sid, at, 0, now=clock.advance(1)) is None
    with pytest.raises(Exception, match="red, amber or green"):
        rag.rate_area(store, sid, at, 1, 4, now=clock())


def test_a_next_step_is_an_action_owned_by_a_member_followed_up_next_time(
    store, clock, room
) -> None:
    programme_id, sid, at, member_id = room
    change = rag.next_step(store, sid, at, 1, member_id, "  draft the  agreement ", now=clock())
    (action,) = list_actions(store, programme_id, today=TODAY)
    assert (action.text, action.owner) == (
        "Contracts and agreements: draft the agreement",
        "Ade Okafor",
    )
    assert change.action_id == action.id
    # One typed in the note line in the same form counts as well.
    notes.add_note(store, sid, at, "a: trust: meet monthly @Ade", "deal", today=TODAY, now=clock())
    shown = {r.area: (r.owner_text, r.step_text) for r in rag.rag_results(store, sid, at)}
    assert shown["Contracts and agreements"] == ("Ade Okafor", "draft the agreement")
    assert shown["Trust"] == ("Ade Okafor", "meet monthly")
    # Undone, the action goes with its note; a blank step is refused and saves nothing.
    undo_change(store, change, clock.advance(1))
    assert len(list_actions(store, programme_id, today=TODAY)) == 1
    with pytest.raises(Exception, match="Type the next step"):
        rag.next_step(store, sid, at, 0, member_id, "   ", now=clock())
    again = rag.next_step(store, sid, at, 0, member_id, "name a lead", now=clock.advance(1))
    edit_note(store, list_actions(store, programme_id, today=TODAY)[-1].note_id, "a: Trust: x")
    with pytest.raises(UndoRefusedError, match="changed since"):
        undo_change(store, again, clock.advance(1))
    running.finish_session(store, sid, now=clock.advance(60))
    following = planning.start_session(
        store, programme_id, Agenda("Next", sections=(Section("S", None, (AgendaItem("T", 60),)),))
    )
    assert len(review_entries(store, following, TODAY)) == 2


def test_the_room_and_the_minutes_show_a_table_in_words(store, clock, room) -> None:
    _, sid, at, member_id = room
    rag.rate_area(store, sid, at, 0, 2, now=clock.advance(1))
    rag.rate_area(store, sid, at, 2, 1, now=clock.advance(1))
    rag.next_step(store, sid, at, 0, member_id, "meet monthly", now=clock.advance(1))
    rag.next_step(store, sid, at, 2, member_id, "ask the *board*", now=clock.advance(1))
    (item,) = running.get_session(store, sid).items
    shown = room_markdown(store, sid, item, TODAY)
    assert "| Trust | **Amber** | Ade Okafor | meet monthly |" in shown
    assert "| Contracts and agreements | *not rated yet* | — | — |" in shown
    assert "| Data \\<sharing\\> | **Red** | Ade Okafor | ask the \\*board\\* |" in shown
    # A next step said in confidence stays off the projector and out of the public minutes.
    secret = next(n for n in notes.list_notes(store, sid, at) if n.text.startswith("Data"))
    set_note_confidential(store, secret.id, True)
    assert "ask the" not in room_markdown(store, sid, item, TODAY)
    running.finish_session(store, sid, now=clock.advance(60))
    md = render_minutes(store, sid, "md").decode()
    assert "| Area | Rating | Owner | Next step |" in md
    assert "| Trust | Amber | Ade Okafor | meet monthly |" in md
    assert "| Data \\<sharing\\> | Red | Ade Okafor | ask the \\*board\\* |" in md
    public = render_minutes(store, sid, "md", version="public").decode()
    assert "| Data \\<sharing\\> | Red | — | — |" in public and "ask the" not in public
    html = render_minutes(store, sid, "html").decode()
    assert '<td class="short">Amber</td>' in html and "Data &lt;sharing&gt;" in html
    from docx import Document

    document = Document(io.BytesIO(render_minutes(store, sid, "docx")))
    rows = [tuple(c.text for c in row.cells) for t in document.tables for row in t.rows]
    assert ("Area", "Rating", "Owner", "Next step") in rows
    assert ("Data <sharing>", "Red", "Ade Okafor", "ask the *board*") in rows


def test_a_confidential_rag_item_leaves_the_public_minutes(store: Store, clock) -> None:
    programme = create_programme(store, "Harbour programme")
    agenda = parse_agenda(
        "# A\n\n## S\n\n### Foundations (20 min, rag, confidential)\n- Trust\n- Money\n"
    )
    sid = planning.start_session(store, programme.id, agenda)
    running.toggle_clock(store, sid, clock())
    rag.rate_area(store, sid, 0, 1, 1, now=clock.advance(1))
    running.finish_session(store, sid, now=clock.advance(60))
    assert "| Money | Red | — | — |" in render_minutes(store, sid, "md").decode()
    public = render_minutes(store, sid, "md", version="public").decode()
    assert "Money" not in public and "taken in private" in public


def test_an_export_file_holds_ratings_red_to_green_only(store, clock, room) -> None:
    _, sid, at, _ = room
    rag.rate_area(store, sid, at, 0, 3, now=clock.advance(1))
    exported = export_programme(store, "harbour-programme")[1]
    document = read_document(exported, "the file")
    (result,) = document.sessions[0].results
    assert result.columns["score"] == 3 and result.columns["subject"] == "Trust"
    data = json.loads(exported)
    data["sessions"][0]["activity_results"][0]["score"] = 4
    with pytest.raises(Exception, match='"score"'):
        read_document(json.dumps(data).encode(), "the file")
