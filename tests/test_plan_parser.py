"""Plan files: what a plan holds, the dates it lays out, and each problem at its line."""

from __future__ import annotations

from datetime import date

import pytest

from sessions.plan.model import Interval, PlanError, Unit
from sessions.plan.parser import parse_plan

GOOD = """\
# PCN development

For the facilitator.

## Kick-off
- Agenda: pcn-kickoff-90

The first meeting.

## The four steps
- Agenda: pcn-partnership-4-step
- After: 4 weeks

## Network review
- Agenda: pcn-network-review-120
- After: 6 months
- Repeat: every 6 months, 2 times
"""


def problems(text: str) -> list[str]:
    with pytest.raises(PlanError) as caught:
        parse_plan(text, "plan.md")
    return [str(problem) for problem in caught.value.problems]


def test_a_plan_holds_its_sessions_agendas_and_intervals():
    plan = parse_plan(GOOD, "plan.md")
    assert plan.title == "PCN development"
    assert plan.notes == "For the facilitator."
    assert [s.title for s in plan.sessions] == ["Kick-off", "The four steps", "Network review"]
    assert plan.sessions[0].after is None
    assert plan.sessions[0].notes == "The first meeting."
    assert plan.sessions[1].after == Interval(4, Unit.WEEK)
    assert plan.sessions[2].repeat is not None and plan.sessions[2].repeat.times == 2
    assert (plan.sessions[1].line, plan.sessions[1].agenda_line) == (10, 11)
    assert plan.count == 4


def test_the_dates_count_each_session_from_the_one_before():
    laid = parse_plan(GOOD, "plan.md").layout(date(2027, 1, 11))
    assert [(p.number, p.title, p.on) for p in laid] == [
        (1, "Kick-off", date(2027, 1, 11)),
        (2, "The four steps", date(2027, 2, 8)),
        (3, "Network review (1 of 2)", date(2027, 8, 8)),
        (4, "Network review (2 of 2)", date(2028, 2, 8)),
    ]


def test_a_month_from_the_thirty_first_is_the_last_day_of_a_short_month():
    assert Interval(1, Unit.MONTH).after(date(2027, 1, 31)) == date(2027, 2, 28)
    assert Interval(1, Unit.YEAR).after(date(2028, 2, 29)) == date(2029, 2, 28)


def test_every_problem_is_reported_at_its_line():
    text = """\
# Plan

## First
- Agenda: pcn-kickoff-90
- Colour: blue

## Second
- Agenda: pcn-teams-120

## Third
- After: a while
- Repeat: every 6 months, 99 times
"""
    assert problems(text) == [
        "plan.md:5: 'Colour: blue' is not a field of a session — use `- Agenda: NAME`, "
        "`- After: 4 weeks` or `- Repeat: every 6 months, 2 times`; write notes as plain lines",
        "plan.md:7: the session 'Second' does not say when it comes — add `- After: 4 weeks` "
        "(the time since the session before it)",
        "plan.md:10: the session 'Third' names no agenda — add `- Agenda: NAME` "
        "(run `facilitator agenda list` for the names)",
        "plan.md:11: 'a while' is not a length of time — write a number and days, weeks, "
        "months or years, like `4 weeks`",
        "plan.md:12: 99 times is not between 2 and 24 — write it like `every 6 months, 2 times` "
        "(times in all)",
    ]


def test_a_plan_without_a_title_or_sessions_says_so():
    assert problems("Just some words\n") == [
        "plan.md:1: the plan does not start with a title — start with `# Title`"
    ]
    assert problems("# Plan\n\nNothing planned.\n") == [
        "plan.md: the plan names no sessions — add one, like `## Kick-off` then "
        "`- Agenda: pcn-kickoff-90`"
    ]


def test_a_field_given_twice_points_at_the_first():
    text = "# Plan\n\n## One\n- Agenda: a\n- Agenda: b\n"
    assert problems(text) == [
        "plan.md:5: this session already has Agenda (line 4) — keep one of them"
    ]
