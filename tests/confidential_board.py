"""A programme whose first session took two items in private and heard confidential notes
in an ordinary one; its second session reviews the actions the first left open."""

from __future__ import annotations

import io
import zipfile
from types import SimpleNamespace

from sessions.agenda.model import Agenda, AgendaItem, Section
from sessions.services import checklist, notes, people, planning, running
from sessions.services.confidential import set_note_confidential
from sessions.services.programmes import create_programme
from sessions.store import Store

# Every piece of text taken in private carries this, so one search finds any that leaks.
SECRET = "HUSH"

AGENDA = Agenda(
    title="Board meeting",
    sections=(
        Section(
            "Business",
            None,
            (
                AgendaItem("Welcome", 300),
                AgendaItem(f"{SECRET} contract talks", 1200, confidential=True),
                AgendaItem(
                    f"{SECRET} which option",
                    600,
                    kind="checklist",
                    options=(f"{SECRET} renew", f"{SECRET} re-tender"),
                    confidential=True,
                ),
                AgendaItem("Budget", 600),
            ),
        ),
    ),
    source="test",
)

FORMATS = ("md", "html", "docx")


def every_word(data: bytes, fmt: str) -> str:
    """Every word the file holds: for Word, every part of the package, tags and all (a
    picture's bytes read one to a character, so ASCII hidden in it is found too)."""
    if fmt != "docx":
        return data.decode("utf-8")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return "".join(
            package.read(name).decode("utf-8" if name.endswith((".xml", ".rels")) else "latin-1")
            for name in package.namelist()
        )


def confidential_board(store: Store, clock) -> SimpleNamespace:
    """Session 1 of a programme with two items taken in private and confidential notes in
    an ordinary one; session 2 reviews the actions it left open."""
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    patel = people.add_member(store, programme.id, "Dr Asha Patel", "Harbour Surgery")
    first = planning.start_session(store, programme.id, AGENDA, facilitator="Morgan Lee")
    people.add_declaration(store, first, patel.id, "Partner in the provider", 1)
    running.toggle_clock(store, first, clock())
    notes.add_note(store, first, 0, "Everyone welcome", "deal", now=clock())
    running.move(store, first, +1, clock.advance(300))
    notes.add_note(store, first, 1, f"{SECRET} the rent figures", "deal", now=clock())
    notes.add_note(store, first, 1, f"d: {SECRET} accept the offer", "deal", now=clock())
    notes.add_note(
        store, first, 1, f"a: {SECRET} call the landlord @Jo 2026-12-01", "deal", now=clock()
    )
    running.move(store, first, +1, clock.advance(600))
    checklist.vote(store, first, 2, 0, 3, now=clock())
    notes.add_note(store, first, 2, f"{SECRET} the vote was close", "deal", now=clock())
    running.move(store, first, +1, clock.advance(300))
    notes.add_note(store, first, 3, "The budget is on track", "deal", now=clock())
    deficit = notes.add_note(store, first, 3, f"{SECRET} the deficit", "deal", now=clock())
    bank = notes.add_note(store, first, 3, f"a: {SECRET} ring the bank @Sam", "deal", now=clock())
    cut = notes.add_note(store, first, 3, f"d: {SECRET} cut the budget", "deal", now=clock())
    notes.add_note(store, first, 3, "d: keep the reserves", "deal", now=clock())
    notes.add_note(store, first, 3, "a: publish the budget @Ana 2026-12-15", "deal", now=clock())
    assert deficit is not None and bank is not None and cut is not None
    for note in (deficit, bank, cut):
        assert set_note_confidential(store, note.id, True).confidential
    running.finish_session(store, first, clock.advance(600))
    second = planning.start_session(store, programme.id, AGENDA, facilitator="Morgan Lee")
    return SimpleNamespace(first=first, second=second, deficit=deficit.id)
