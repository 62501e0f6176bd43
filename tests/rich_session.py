"""A programme whose second session holds every kind of item with answers in it: the
minutes and report the accessibility checks read."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from sessions.agenda.library import find_agenda
from sessions.services import (
    checklist,
    notes,
    people,
    planning,
    reflection,
    roles,
    running,
    scorecard,
)
from sessions.services.matters_arising import review_action, review_entries
from sessions.services.minutes_approval import amend, approve
from sessions.services.programmes import create_programme

AGENDA = "pcn-partnership-4-step"


def _position(store, session_id: int, kind: str) -> int:
    return next(i.position for i in running.get_session(store, session_id).items if i.kind == kind)


def rich_programme(store, clock) -> SimpleNamespace:
    """Session 1 leaves actions open and draft minutes; session 2 takes attendance and a
    declaration, amends and approves session 1's minutes, reviews its actions, and answers
    every activity (scorecard, checklist, roles, reflection shared in the minutes) around a
    break; a third is planned. The programme's slug, and session 2's id."""
    agenda = find_agenda(AGENDA)
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    ann = people.add_member(
        store, programme.id, "Dr Ann Patel", "Harbour Surgery", "practice", "GP partner"
    )
    bea = people.add_member(store, programme.id, "Bea Hughes", "Bay Pharmacy", "pharmacy")
    cal = people.add_member(store, programme.id, "Cal Owen", "Harbour Council")

    first = planning.start_session(store, programme.id, agenda, facilitator="Morgan Lee")
    running.toggle_clock(store, first, clock())
    notes.add_note(store, first, 0, "a: send the draft @Dr Ann Patel", "deal", now=clock.advance(9))
    notes.add_note(store, first, 0, "a: book the room @Bea Hughes", "deal", now=clock.advance(9))
    notes.add_note(store, first, 0, "a: map the data flows @Cal Owen", "deal", now=clock())
    running.finish_session(store, first, clock.advance(3600))

    clock.advance(7 * 86400)
    second = planning.start_session(store, programme.id, agenda, facilitator="Morgan Lee")
    people.set_attendance(store, second, ann.id, "present")
    people.set_attendance(store, second, bea.id, "present")
    people.set_attendance(store, second, cal.id, "apologies")
    people.add_declaration(store, second, ann.id, "Partner in a bidding practice", 3)
    running.toggle_clock(store, second, clock())
    amend(
        store,
        second,
        first,
        "Item 2: the decision was to consult all six practices",
        proposer_member_id=ann.id,
        now=clock.advance(5),
    )
    approve(store, second, first, now=clock.advance(5))
    arising = _position(store, second, "matters-arising")
    running.jump(store, second, arising, clock.advance(60))
    entries = review_entries(store, second, clock().date())
    for entry, outcome in zip(entries, ("done", "kept", "dropped"), strict=False):
        due = date(2027, 1, 15) if outcome == "kept" else None
        review_action(store, second, entry.action_id, outcome, new_due=due, now=clock())

    at = _position(store, second, "scorecard")
    running.jump(store, second, at, clock.advance(600))
    for index in range(3):
        for score in (2, 3, 4):
            scorecard.rate(store, second, at, index, score, now=clock())
    at = _position(store, second, "checklist")
    running.jump(store, second, at, clock.advance(600))
    checklist.vote(store, second, at, 0, 3, now=clock())
    checklist.vote(store, second, at, 1, 1, now=clock())
    at = _position(store, second, "roles")
    running.jump(store, second, at, clock.advance(600))
    roles.set_roles(store, second, at, ann.id, ["Shaper"], now=clock())
    roles.set_roles(store, second, at, bea.id, ["Shaper"], now=clock())
    notes.add_note(store, second, at, "d: pool the winter money", "deal", now=clock())
    notes.add_note(store, second, at, "rel: the pharmacists were heard", "deal", now=clock())
    notes.add_note(
        store, second, at, "a: draft the agreement @Dr Ann Patel 2027-01-10", "deal", now=clock()
    )
    at = _position(store, second, "break")
    running.jump(store, second, at, clock.advance(600))
    at = _position(store, second, "reflection")
    running.jump(store, second, at, clock.advance(900))
    reflection.answer(store, second, at, ann.id, "Listen before I propose", now=clock())
    reflection.answer(store, second, at, None, "Share the data sooner", now=clock())
    reflection.set_in_minutes(store, second, at, True)
    running.finish_session(store, second, clock.advance(600))
    planning.start_session(store, programme.id, agenda, planned_for=date(2027, 1, 18))
    return SimpleNamespace(slug=programme.slug, session=second, first=first)
