"""A checklist's budget of dots in the agenda file: read from its `Dots:` line, kept with the
item's options when a session starts, the defaults where a file or a stored item has none,
and every bad budget said as FILE:LINE."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import select

from facilitator.agenda_commands import agenda_check
from sessions.agenda.dots import DEFAULT, DotBudget, budget_of
from sessions.agenda.model import AgendaError
from sessions.agenda.parser import parse_agenda
from sessions.models import AgendaItem
from sessions.services import planning
from sessions.services.programmes import create_programme

FILE = """\
# Session 2

## Step 2: Trusted people

### Barriers (15 min, checklist)
Put your dots on the barriers that hold us back most.

{budget}
- Slow
- Unclear
- Nobody owns it
"""


def checklist(budget: str):
    return parse_agenda(FILE.format(budget=budget), "s2.md").items[0]


def problems(budget: str) -> list[str]:
    with pytest.raises(AgendaError) as raised:
        parse_agenda(FILE.format(budget=budget), "s2.md")
    return [str(problem) for problem in raised.value.problems]


@pytest.mark.parametrize(
    ("line", "budget"),
    [
        ("Dots: 5, at most 3 per option", DotBudget(5, 3)),
        ("dots: 4 each; 4 on one option.", DotBudget(4, 4)),
        ("Dots: 6, at most 1 dot per option", DotBudget(6, 1)),
        ("Dots：5", DotBudget(5, 2)),
        ("Dots: 1", DotBudget(1, 1)),
    ],
)
def test_the_dots_line_gives_the_budget_and_leaves_the_prompt(line, budget) -> None:
    item = checklist(line)
    assert item.dots == budget
    assert item.options == ("Slow", "Unclear", "Nobody owns it")
    assert item.prompt == "Put your dots on the barriers that hold us back most."


def test_a_checklist_without_a_dots_line_has_none_and_so_the_defaults() -> None:
    item = checklist("")
    assert item.dots is None
    assert budget_of({"options": list(item.options)}) == DEFAULT == DotBudget(3, 2)


@pytest.mark.parametrize(
    ("line", "what"),
    [
        ("Dots: 0", "a budget of no dots lets nobody vote"),
        ("Dots: 3, at most 0 per option", "at most 0 dots on one option lets nobody vote"),
        ("Dots: 2, at most 3 per option", "at most 3 per option is more than the 2 dots"),
        ("Dots: 21", "21 dots each is more than the 20 a phone can show"),
        ("Dots: lots", "'Dots: lots' is not a budget of dots"),
        ("Dots: -1", "'Dots: -1' is not a budget of dots"),
        ("Dots: 3, at most 2 per person", "is not a budget of dots"),
    ],
)
def test_a_bad_budget_is_a_problem_at_its_line(line, what) -> None:
    [problem] = problems(line)
    assert problem.startswith("s2.md:8: ") and what in problem and " — " in problem


def test_a_second_dots_line_is_a_problem() -> None:
    [problem] = problems("Dots: 3\n\nDots: 4")
    assert problem.startswith("s2.md:10: a second budget of dots")


def test_a_dots_line_elsewhere_is_only_words() -> None:
    text = "# T\n## S\n### Talk (5 min)\nDots: lots\n"
    assert parse_agenda(text).items[0].prompt == "Dots: lots"


def test_agenda_check_says_where_the_budget_is_wrong(tmp_path: Path) -> None:
    path = tmp_path / "s2.md"
    path.write_text(FILE.format(budget="Dots: 2, at most 5 per option"), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert agenda_check([str(path)], out, err) == 2
    assert err.getvalue().startswith(f"{path}:8: at most 5 per option is more than the 2 dots")


@pytest.mark.parametrize(
    "activity",
    [
        None,
        {"options": ["Slow"]},
        {"options": ["Slow"], "dots": 2, "dots_per_option": 3},
        {"options": ["Slow"], "dots": True, "dots_per_option": 1},
        {"options": ["Slow"], "dots": "5", "dots_per_option": 2},
        {"options": ["Slow"], "dots": 500, "dots_per_option": 2},
    ],
)
def test_a_stored_item_without_a_sensible_budget_has_the_defaults(activity) -> None:
    assert budget_of(activity) == DEFAULT


def test_the_budget_is_kept_beside_the_options_only_where_the_file_gives_one(store) -> None:
    kept = []
    for n, budget in enumerate(("Dots: 5, at most 3 per option", "")):
        programme = create_programme(store, f"Programme {n}")
        sid = planning.start_session(store, programme.id, parse_agenda(FILE.format(budget=budget)))
        with store.reading() as db:
            item = db.scalars(
                select(AgendaItem).where(
                    AgendaItem.session_id == sid, AgendaItem.kind == "checklist"
                )
            ).one()
            kept.append(item.activity)
    options = ["Slow", "Unclear", "Nobody owns it"]
    assert kept == [
        {"options": options, "dots": 5, "dots_per_option": 3},
        {"options": options},
    ]
