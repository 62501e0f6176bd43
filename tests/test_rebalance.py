"""Rebalance arithmetic: totals, minimums, breaks untouched, proportions kept."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sessions.rebalance import MINIMUM_SECONDS, PlannedItem, plan_rebalance

items_strategy = st.lists(
    st.tuples(
        st.sampled_from(["discussion", "discussion", "checklist", "break"]),
        st.integers(min_value=1, max_value=90),  # minutes, as agendas give them
    ),
    min_size=1,
    max_size=15,
).map(
    lambda rows: [
        PlannedItem(position, f"item {position}", kind, minutes * 60)
        for position, (kind, minutes) in enumerate(rows)
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    items=items_strategy,
    available=st.integers(min_value=0, max_value=12 * 3600),
    include_breaks=st.booleans(),
)
def test_rebalance_properties(items, available, include_breaks) -> None:
    plan = plan_rebalance(items, available, include_breaks=include_breaks)
    assert [r.position for r in plan.items] == [i.position for i in items]
    for item, retime in zip(items, plan.items, strict=False):
        if item.kind == "break" and not include_breaks:
            assert retime.new_seconds == item.seconds  # breaks untouched
        elif item.seconds < MINIMUM_SECONDS:
            assert retime.new_seconds == item.seconds  # too short to cut
        else:
            assert retime.new_seconds >= MINIMUM_SECONDS
        assert retime.new_seconds % 60 == 0 or retime.new_seconds == item.seconds
    adjustable = [
        r
        for r, i in zip(plan.items, items, strict=False)
        if not (i.kind == "break" and not include_breaks) and i.seconds >= MINIMUM_SECONDS
    ]
    if plan.fits and adjustable:
        # Whole minutes: within a minute of the time there is, never over it.
        assert available - 60 < plan.new_total <= available
    elif not plan.fits:
        assert plan.shortfall_seconds == plan.new_total - available > 0
        # Nothing more can give: every adjustable item is down to the minimum.
        assert all(r.new_seconds == MINIMUM_SECONDS for r in adjustable)


@settings(max_examples=200, deadline=None)
@given(items=items_strategy, available=st.integers(min_value=0, max_value=12 * 3600))
def test_longer_items_never_get_less_time_than_shorter_ones(items, available) -> None:
    plan = plan_rebalance(items, available, include_breaks=True)
    pairs = [
        (i.seconds, r.new_seconds)
        for i, r in zip(items, plan.items, strict=False)
        if i.seconds >= MINIMUM_SECONDS
    ]
    for old_a, new_a in pairs:
        for old_b, new_b in pairs:
            if old_a > old_b:
                assert new_a >= new_b - 60  # rounding may cost a longer item one minute


def test_a_worked_example() -> None:
    items = [
        PlannedItem(1, "Purpose", "discussion", 900),
        PlannedItem(2, "Barriers", "checklist", 600),
        PlannedItem(3, "Tea", "break", 900),
        PlannedItem(4, "Roles", "roles", 300),
    ]
    plan = plan_rebalance(items, 2100)  # 35 minutes for 45 minutes of agenda
    assert [r.new_seconds // 60 for r in plan.items] == [10, 7, 15, 3]
    assert plan.fits and plan.new_total == 2100


def test_what_cannot_fit_is_reported() -> None:
    items = [PlannedItem(1, "A", "discussion", 900), PlannedItem(2, "Tea", "break", 900)]
    plan = plan_rebalance(items, 600)
    assert [r.new_seconds for r in plan.items] == [120, 900]
    assert not plan.fits and plan.shortfall_seconds == 420


def test_breaks_can_be_allowed() -> None:
    items = [PlannedItem(1, "A", "discussion", 600), PlannedItem(2, "Tea", "break", 600)]
    plan = plan_rebalance(items, 600, include_breaks=True)
    assert [r.new_seconds for r in plan.items] == [300, 300]
