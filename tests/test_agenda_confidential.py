"""An agenda item taken in private: written in its timing, shown in the outline, and carried
into the session planned from it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from facilitator.agenda_commands import agenda_show
from sessions.agenda.model import AgendaError
from sessions.agenda.parser import parse_agenda
from sessions.services import planning, running
from sessions.services.programmes import create_programme
from sessions.vocabulary import AGENDA_KINDS, ItemKind

AGENDA = """# Board meeting

## Business

### Welcome (5 min)

### Contract negotiations (20 min, confidential)

Where the talks with the provider stand.

### Which option for the contract? (15 min, checklist, confidential)

- Renew
- Re-tender

### Budget (10 min, Confidential)
"""


def _problems(text: str) -> list[str]:
    with pytest.raises(AgendaError) as caught:
        parse_agenda(text, "agenda.md")
    return [str(problem) for problem in caught.value.problems]


def test_both_forms_mark_the_item_and_keep_its_kind_and_time() -> None:
    welcome, talks, vote, budget = parse_agenda(AGENDA).items
    assert not welcome.confidential
    assert (talks.title, talks.planned_seconds, talks.kind, talks.confidential) == (
        "Contract negotiations",
        1200,
        ItemKind.DISCUSSION,
        True,
    )
    assert talks.prompt == "Where the talks with the provider stand."
    assert (vote.kind, vote.options, vote.confidential) == (
        ItemKind.CHECKLIST,
        ("Renew", "Re-tender"),
        True,
    )
    # The word is read as a kind is, whatever its case.
    assert budget.confidential and budget.kind == ItemKind.DISCUSSION


def test_a_misspelt_third_part_names_the_words_allowed() -> None:
    (problem,) = _problems("# T\n## S\n### Talks (10 min, checklist, confidentail)\n- a\n- b\n")
    assert problem.startswith("agenda.md:3: '(10 min, checklist, confidentail)' has too many parts")
    assert "'confidentail' is not `confidential`" in problem
    assert "`(DURATION, KIND, confidential)`" in problem


def test_a_misspelt_second_part_is_an_unknown_kind_as_before() -> None:
    (problem,) = _problems("# T\n## S\n### Talks (10 min, confidentail)\n")
    assert "'confidentail' is not a kind" in problem
    assert ", ".join(AGENDA_KINDS) in problem


def test_the_kind_before_the_duration_keeps_the_mark_in_the_fix() -> None:
    (problem,) = _problems("# T\n## S\n### Talks (checklist, 10 min, confidential)\n- a\n- b\n")
    assert "kind before the duration" in problem
    assert "`(10 min, checklist, confidential)`" in problem


def test_the_mark_alone_is_no_duration() -> None:
    (problem,) = _problems("# T\n## S\n### Talks (confidential)\n")
    assert "has no duration" in problem


def test_the_outline_says_which_items_are_confidential(tmp_path: Path) -> None:
    path = tmp_path / "board.md"
    path.write_text(AGENDA, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert agenda_show(str(path), out, err) == 0
    shown = out.getvalue()
    assert "Contract negotiations (confidential)\n" in shown
    assert "Which option for the contract?  (2 options) (confidential)\n" in shown
    assert "Budget (confidential)\n" in shown
    assert "Welcome\n" in shown and "Welcome (confidential)" not in shown


def test_planning_copies_the_mark_into_the_session(store) -> None:
    programme = create_programme(store, "Harbour programme")
    session_id = planning.start_session(store, programme.id, parse_agenda(AGENDA))
    items = running.get_session(store, session_id).items
    assert [(item.title, item.confidential) for item in items] == [
        ("Welcome", False),
        ("Contract negotiations", True),
        ("Which option for the contract?", True),
        ("Budget", True),
    ]
