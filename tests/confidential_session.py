"""A session under way with something taken in private: a confidential note in an ordinary
item, and an item taken in private with a note of its own, for the app to resume."""

from __future__ import annotations

from types import SimpleNamespace

from sessions.agenda.model import Agenda, AgendaItem, Section
from sessions.services import notes, planning, running
from sessions.services.confidential import set_note_confidential
from sessions.services.programmes import create_programme
from sessions.store import Store

# Every piece of text said in private carries this, so one search finds any that shows.
SECRET = "HUSH"
OPEN_NOTE = "The budget is on track"
PRIVATE_PROMPT = f"Talk through the {SECRET} rent offer."

AGENDA = Agenda(
    title="Board meeting",
    sections=(
        Section(
            "Business",
            None,
            (
                AgendaItem("Budget", 600, prompt="Where the budget stands."),
                AgendaItem("Contract talks", 1200, prompt=PRIVATE_PROMPT, confidential=True),
                AgendaItem("Close", 300),
            ),
        ),
    ),
    source="test",
)


def session_with_secrets(db_path, clock) -> SimpleNamespace:
    """The session at its first item, its clock started: an open note and a confidential one
    there, and a note in the item taken in private."""
    store = Store.open(db_path)
    try:
        programme = create_programme(store, "Harbour programme", "Harbour PCN")
        sid = planning.start_session(store, programme.id, AGENDA, facilitator="Morgan Lee")
        running.toggle_clock(store, sid, clock())
        notes.add_note(store, sid, 0, OPEN_NOTE, "deal", now=clock())
        deficit = notes.add_note(store, sid, 0, f"{SECRET} the deficit", "deal", now=clock())
        notes.add_note(store, sid, 1, f"{SECRET} the rent figures", "deal", now=clock())
        assert deficit is not None
        set_note_confidential(store, deficit.id, True)
    finally:
        store.close()
    return SimpleNamespace(session_id=sid, deficit=deficit.id)
