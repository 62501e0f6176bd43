"""The bundled agenda library: every agenda passes the check, fits its time and reads to a room.

An agenda states its length in its name (`pcn-teams-120` lasts two hours), as the kick-off
first did; only the default 4-step agenda predates the rule, and its name is stored in sessions.
Statements asked in the same words as the health check compare with it across agendas, so
the ones each agenda shares with it are pinned here.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from facilitator.agenda_commands import agenda_check
from sessions.agenda.files import load_agenda
from sessions.agenda.library import DEFAULT_AGENDA, bundled_agendas_dir, find_agenda
from sessions.agenda.model import Agenda, AgendaItem
from sessions.vocabulary import ItemKind

BUNDLED = sorted(bundled_agendas_dir().glob("*.md"))

LONGEST_WITHOUT_A_BREAK = 100 * 60
"""About an hour and a half, give or take an item: longer and the room stops thinking."""

_STATED = re.compile(r"-(?P<minutes>\d+)$")

FOUNDATION_AREAS = [
    "Organisational structure",
    "Contracts and agreements",
    "Trust",
    "Culture and leadership",
    "The wider integrated care system",
    "Resources and workforce",
    "Data protection and shared records",
]


def only(agenda: Agenda, kind: ItemKind) -> AgendaItem:
    [item] = [item for item in agenda.items if item.kind == kind]
    return item


def statements(item: AgendaItem) -> list[str]:
    return [statement for area in item.areas for statement in area.statements]


@pytest.fixture(scope="module")
def health_check() -> list[str]:
    return statements(only(find_agenda(f"bundled:{DEFAULT_AGENDA}"), ItemKind.SCORECARD))


def test_every_bundled_agenda_passes_the_check() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert agenda_check([str(path) for path in BUNDLED], out, err) == 0
    assert err.getvalue() == ""
    assert len(out.getvalue().splitlines()) == len(BUNDLED) >= 6


@pytest.mark.parametrize("path", BUNDLED, ids=[p.name for p in BUNDLED])
def test_every_bundled_agenda_lasts_the_time_its_name_states(path: Path) -> None:
    stated = _STATED.search(path.stem)
    if path.stem == DEFAULT_AGENDA:
        assert stated is None
        return
    assert stated is not None, f"{path.name} does not end its name with its length in minutes"
    assert load_agenda(path).planned_seconds == int(stated["minutes"]) * 60


@pytest.mark.parametrize("path", BUNDLED, ids=[p.name for p in BUNDLED])
def test_every_bundled_agenda_breaks_before_the_room_tires(path: Path) -> None:
    agenda = load_agenda(path)
    stretch, longest = 0, 0
    for item in agenda.items:
        stretch = 0 if item.kind == ItemKind.BREAK else stretch + item.planned_seconds
        longest = max(longest, stretch)
    assert longest <= LONGEST_WITHOUT_A_BREAK
    has_break = any(item.kind == ItemKind.BREAK for item in agenda.items)
    assert has_break == (agenda.planned_seconds > 90 * 60)


@pytest.mark.parametrize("path", BUNDLED, ids=[p.name for p in BUNDLED])
def test_every_bundled_item_has_a_prompt_and_the_agenda_follows_the_steps(path: Path) -> None:
    agenda = load_agenda(path)
    assert agenda.notes.startswith("For the facilitator:")
    assert [item.title for item in agenda.items if not item.prompt] == []
    assert agenda.steps


def test_the_teams_agenda_scores_the_four_foundations_and_asks_for_roles(
    health_check: list[str],
) -> None:
    agenda = find_agenda("bundled:pcn-teams-120")
    scorecard = only(agenda, ItemKind.SCORECARD)
    assert [area.name for area in scorecard.areas] == [
        "Hearts and behaviours",
        "Common purpose",
        "Shared approach",
        "Leveraging our organisations",
    ]
    assert only(agenda, ItemKind.ROLES).prompt
    assert agenda.steps == [1, 2, 3, 4]
    assert [s for s in statements(scorecard) if s in health_check] == [
        "Our relationships are strong enough to survive a disagreement",
        "We try new ideas and learn openly from what does not work",
    ]


def test_the_leading_agenda_keeps_three_private_reflections(health_check: list[str]) -> None:
    agenda = find_agenda("bundled:pcn-leading-90")
    reflections = [item for item in agenda.items if item.kind == ItemKind.REFLECTION]
    assert len(reflections) == 3
    assert [s for s in statements(only(agenda, ItemKind.SCORECARD)) if s in health_check] == [
        "Decisions are made in the open and no practice counts for more than another",
        "Leadership is shared and can change hands when it needs to",
    ]


def test_the_review_scores_six_conditions_and_votes_on_seven_causes(
    health_check: list[str],
) -> None:
    agenda = find_agenda("bundled:pcn-network-review-120")
    scorecard = only(agenda, ItemKind.SCORECARD)
    assert len(scorecard.areas) == 6
    # One statement per condition is the health check's own, so the first review compares too.
    for area in scorecard.areas:
        assert len([s for s in area.statements if s in health_check]) == 1, area.name
    assert len(only(agenda, ItemKind.CHECKLIST).options) == 7
    assert "previous review" in scorecard.prompt
    assert "previous review" in only(agenda, ItemKind.CHECKLIST).prompt


def test_the_foundations_agenda_takes_each_area_with_a_rating_an_owner_and_a_next_step(
    health_check: list[str],
) -> None:
    agenda = find_agenda("bundled:pcn-foundations-150")
    scorecard = only(agenda, ItemKind.SCORECARD)
    assert [area.name for area in scorecard.areas] == FOUNDATION_AREAS
    assert len([s for s in statements(scorecard) if s in health_check]) == 3
    by_title = {item.title: item for item in agenda.items}
    for area in FOUNDATION_AREAS:
        assert by_title[area].kind == ItemKind.DISCUSSION
        assert "We rate it at the close" in by_title[area].prompt
    # Each area is rated, owned and given its next step in one RAG item, after the talk.
    rated = only(agenda, ItemKind.RAG)
    assert list(rated.rag_areas) == FOUNDATION_AREAS
    assert agenda.items.index(rated) > max(
        agenda.items.index(by_title[area]) for area in FOUNDATION_AREAS
    )
    assert agenda.steps == [1, 2, 3, 4]
