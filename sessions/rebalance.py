"""Rebalancing: new times for the items not yet run, so the session ends at its planned finish.

Each adjustable item is cut or extended in proportion to its length, none is
cut below a minimum, and breaks keep their time unless the facilitator allows
otherwise. Times are whole minutes, so the preview reads like an agenda.
"""

from __future__ import annotations

from dataclasses import dataclass

from sessions.vocabulary import ItemKind

MINIMUM_SECONDS = 2 * 60


@dataclass(frozen=True)
class PlannedItem:
    position: int
    title: str
    kind: str
    seconds: int
    """The time the item has now: as planned, or as last rebalanced or extended."""


@dataclass(frozen=True)
class Retime:
    position: int
    title: str
    kind: str
    old_seconds: int
    new_seconds: int

    @property
    def changed(self) -> bool:
        return self.old_seconds != self.new_seconds


@dataclass(frozen=True)
class RebalancePlan:
    items: tuple[Retime, ...]
    available_seconds: int
    """The time there is for these items, from the projection to the planned finish."""
    shortfall_seconds: int
    """How much is still over the planned finish when every item is at its minimum."""

    @property
    def fits(self) -> bool:
        return self.shortfall_seconds == 0

    @property
    def new_total(self) -> int:
        return sum(item.new_seconds for item in self.items)


def _whole_minutes(shares: dict[int, float], total_minutes: int) -> dict[int, int]:
    """Round shares (in minutes) to whole minutes that add up to the total: largest remainders."""
    floors = {key: int(share) for key, share in shares.items()}
    spare = total_minutes - sum(floors.values())
    by_remainder = sorted(shares, key=lambda key: (shares[key] - floors[key], -key), reverse=True)
    for key in by_remainder[: max(0, spare)]:
        floors[key] += 1
    return floors


def plan_rebalance(
    items: list[PlannedItem],
    available_seconds: float,
    *,
    include_breaks: bool = False,
    minimum_seconds: int = MINIMUM_SECONDS,
) -> RebalancePlan:
    """New times for `items` that add up to `available_seconds`, as nearly as minutes allow.

    Breaks (unless `include_breaks`) and items already shorter than the minimum
    keep their time; the rest share what is left, none below the minimum.
    """
    fixed = [
        i
        for i in items
        if (i.kind == ItemKind.BREAK and not include_breaks) or i.seconds < minimum_seconds
    ]
    adjustable = [i for i in items if i not in fixed]
    budget = float(int(max(0.0, available_seconds - sum(i.seconds for i in fixed)) // 60))
    minimum = minimum_seconds / 60

    shares: dict[int, float] = {}
    free = list(adjustable)
    # Water-filling: scale the free items; any that would fall below the minimum
    # are pinned there and the rest share what remains.
    while free:
        scale = budget / (sum(i.seconds for i in free) / 60)
        pinned = [i for i in free if (i.seconds / 60) * scale < minimum]
        if not pinned:
            shares.update({i.position: (i.seconds / 60) * scale for i in free})
            break
        for item in pinned:
            shares[item.position] = minimum
            budget -= minimum
            free.remove(item)

    minutes = _whole_minutes(shares, round(sum(shares.values())))
    new = {i.position: i.seconds for i in fixed}
    new.update({position: count * 60 for position, count in minutes.items()})
    retimes = tuple(Retime(i.position, i.title, i.kind, i.seconds, new[i.position]) for i in items)
    total = sum(r.new_seconds for r in retimes)
    return RebalancePlan(retimes, int(available_seconds), max(0, total - int(available_seconds)))
