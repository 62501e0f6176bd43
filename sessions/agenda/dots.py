"""A checklist's budget of dots: how many each person gives, and how many on one option.

Written in the agenda as a line of the item's body, e.g. `Dots: 5, at most 2 per option`.
An item without one, and every item stored before budgets existed, has the defaults.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

DEFAULT_DOTS = 3
DEFAULT_PER_OPTION = 2
"""Three dots each, no more than two on one option: everyone backs at least two options."""
MOST_DOTS = 20
"""More than a phone's page can sensibly show, or a person sensibly weigh."""

EXAMPLE = "`Dots: 3, at most 2 per option`"

# `Dots: 5`, `Dots: 5 each`, `Dots: 5, at most 2 per option`, `Dots: 5; 2 on one option.`
_LINE = re.compile(r"^dots\s*[:：]", re.IGNORECASE)
_BUDGET = re.compile(
    r"^dots\s*[:：]\s*(?P<dots>\d{1,6})(?:\s+(?:dots?\s+)?each)?"
    r"(?:\s*[,，;]\s*(?:at\s+most\s+)?(?P<per>\d{1,6})\s+"
    r"(?:dots?\s+)?(?:per|on\s+one|on\s+any|on\s+each)\s+option)?\s*\.?$",
    re.IGNORECASE,
)

Report = Callable[[int, str, str], None]
"""Records a problem: 0-based line, what is wrong, how to fix it."""


@dataclass(frozen=True)
class DotBudget:
    dots: int = DEFAULT_DOTS
    """How many dots each person gives in all."""
    per_option: int = DEFAULT_PER_OPTION
    """How many of them one option may have."""

    def stored(self) -> dict[str, int]:
        """The budget as the item's activity keeps it beside its options."""
        return {"dots": self.dots, "dots_per_option": self.per_option}


DEFAULT = DotBudget()


def is_budget_line(text: str) -> bool:
    """Whether a paragraph of a checklist's body is meant as its budget of dots."""
    return _LINE.match(text.strip()) is not None


def read_budget(line: int, text: str, report: Report) -> DotBudget | None:
    """The budget a `Dots:` line gives; None, with the problem reported, for a bad one."""
    said = " ".join(text.split())
    match = _BUDGET.match(said)
    if match is None:
        report(
            line,
            f"'{said}' is not a budget of dots",
            f"write how many dots each person has, and at most how many on one option, "
            f"e.g. {EXAMPLE}",
        )
        return None
    dots = int(match["dots"])
    per = int(match["per"]) if match["per"] is not None else min(DEFAULT_PER_OPTION, dots)
    if dots == 0:
        report(line, "a budget of no dots lets nobody vote", f"give at least 1, e.g. {EXAMPLE}")
        return None
    if dots > MOST_DOTS:
        report(
            line,
            f"{dots} dots each is more than the {MOST_DOTS} a phone can show",
            f"give {MOST_DOTS} or fewer, e.g. {EXAMPLE}",
        )
        return None
    if per == 0:
        report(
            line,
            "at most 0 dots on one option lets nobody vote",
            f"allow at least 1 per option, e.g. {EXAMPLE}",
        )
        return None
    if per > dots:
        report(
            line,
            f"at most {per} per option is more than the {dots} dots each person has",
            f"allow {dots} or fewer per option, or give more dots, e.g. "
            f"`Dots: {per}, at most {per} per option`",
        )
        return None
    return DotBudget(dots, per)


def budget_of(activity: Mapping[str, Any] | None) -> DotBudget:
    """The budget an item's activity keeps; the defaults where it keeps none, as an item
    stored before budgets existed, or one that is not whole and sensible."""
    stored = activity or {}
    dots, per = stored.get("dots"), stored.get("dots_per_option")
    # JSON's true and false are Python ints too: only a real number is a budget.
    if type(dots) is not int or type(per) is not int:
        return DEFAULT
    if not 1 <= per <= dots <= MOST_DOTS:
        return DEFAULT
    return DotBudget(dots, per)
