"""The bundled 90-minute kick-off agenda: it parses, fits its time, and shares its activities.

The kick-off's barriers checklist and health check must match the 4-step agenda's word for word,
so a programme can compare votes and scores across sessions started from either agenda.
"""

from __future__ import annotations

import pytest

from sessions.agenda.library import DEFAULT_AGENDA, find_agenda
from sessions.agenda.model import Agenda, AgendaItem

KICKOFF = "pcn-kickoff-90"


@pytest.fixture
def kickoff() -> Agenda:
    return find_agenda(f"bundled:{KICKOFF}")


@pytest.fixture
def four_step() -> Agenda:
    return find_agenda(f"bundled:{DEFAULT_AGENDA}")


def only(agenda: Agenda, kind: str) -> AgendaItem:
    [item] = [item for item in agenda.items if item.kind == kind]
    return item


def test_the_kickoff_agenda_parses_from_the_bundled_library(kickoff: Agenda) -> None:
    assert kickoff.source == f"bundled:{KICKOFF}"
    assert kickoff.title
    assert kickoff.items
    assert all(item.planned_seconds > 0 for item in kickoff.items)


def test_the_kickoff_agenda_lasts_exactly_ninety_minutes(kickoff: Agenda) -> None:
    assert kickoff.planned_seconds == 90 * 60


def test_the_kickoff_agenda_has_every_activity(kickoff: Agenda) -> None:
    kinds = {item.kind for item in kickoff.items}
    assert {"checklist", "scorecard", "roles", "reflection"} <= kinds
    assert only(kickoff, "reflection").prompt  # a reflection's paragraph is its private question


def test_the_kickoff_covers_steps_one_and_two(kickoff: Agenda) -> None:
    assert kickoff.steps == [1, 2]


def test_the_checklist_options_match_the_four_step_agenda(
    kickoff: Agenda, four_step: Agenda
) -> None:
    options = only(kickoff, "checklist").options
    assert len(options) == 8
    assert options == only(four_step, "checklist").options


def test_the_scorecard_areas_match_the_four_step_agenda(kickoff: Agenda, four_step: Agenda) -> None:
    areas = only(kickoff, "scorecard").areas
    assert [area.name for area in areas] == ["Purpose", "Performance", "Operations", "Capacity"]
    assert areas == only(four_step, "scorecard").areas
