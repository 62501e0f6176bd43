"""A chart as plain data: what is drawn, and the sentence that says the same in words.

The report's HTML and Word and the dashboard each draw a chart from this one model, so
every picture shows the same figures; and every picture carries its sentence beside it,
for a reader who cannot see it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sessions.means import mean_text, rounded_mean
from sessions.views import NoteBalance

Points = Sequence[tuple[int, float]]
"""(session number, value), in session order."""


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[float | None, ...]
    """One value for each of the chart's sessions; None where the session gave none."""


@dataclass(frozen=True)
class Chart:
    title: str
    x_labels: tuple[str, ...]
    """'S1', 'S2', …: the sessions along the bottom."""
    series: tuple[Series, ...]
    kind: Literal["line", "bar"]
    y_label: str
    sentence: str
    """The chart said in words, for a reader who cannot see it."""
    y_range: tuple[float, float] | None = None
    """Where the scale is fixed (ratings run 1 to 5); None to fit the values."""
    counted: bool = False
    """The values are counts (votes): a scale of whole numbers from zero."""


HEADROOM = 0.06
"""Of a scale's span, left beyond its ends: a marker at the top or bottom of the scale (a
rating of 5.0) is drawn whole, not cut by the plot's edge. The documents' charts and the
terminal's keep the same room."""


def headroom(chart: Chart) -> tuple[float, float]:
    """The plot's limits for a fixed scale: room beyond both ends for a line's markers; a
    bar stands on the scale's foot, so only its top has room."""
    assert chart.y_range is not None
    low, high = chart.y_range
    room = (high - low) * HEADROOM
    return (low if chart.kind == "bar" else low - room), high + room


def trend_chart(title: str, trends: Sequence[tuple[str, Points]], quoted: bool = False) -> Chart:
    """Each named trend as a line across the sessions any of them was rated in; `quoted`
    where the names are sentences (statements), which the chart's sentence quotes."""
    numbers = sorted({number for _, points in trends for number, _ in points})
    series = tuple(
        Series(label, tuple(dict(points).get(number) for number in numbers))
        for label, points in trends
    )
    sentence = " ".join(_trend_sentence(_named(label, quoted), points) for label, points in trends)
    return Chart(
        title,
        tuple(f"S{number}" for number in numbers),
        series,
        "line",
        "Mean rating",
        sentence,
        (1.0, 5.0),
    )


def _trend_sentence(label: str, points: Points) -> str:
    (first, start), (last, end) = points[0], points[-1]
    if first == last:
        return f"{label} was rated {mean_text(start)} at session {first}."
    before, after = rounded_mean(start), rounded_mean(end)
    if before == after:
        return f"{label} stayed at {after} from session {first} to session {last}."
    moved = "rose" if after > before else "fell"
    return f"{label} {moved} from {before} at session {first} to {after} at session {last}."


def votes_chart(title: str, trends: Sequence[tuple[str, Sequence[tuple[int, int]]]]) -> Chart:
    """Each checklist option's votes as a line across the sessions any of them was voted on
    in; a session that did not ask an option leaves a gap, not a zero. The sentence quotes
    each option, as an option may be a sentence of its own."""
    numbers = sorted({number for _, points in trends for number, _ in points})
    series = tuple(
        Series(label, tuple(_as_value(dict(points).get(number)) for number in numbers))
        for label, points in trends
    )
    return Chart(
        title,
        tuple(f"S{number}" for number in numbers),
        series,
        "line",
        "Votes",
        " ".join(_votes_sentence(_named(label, True), points) for label, points in trends),
        counted=True,
    )


def _named(label: str, quoted: bool) -> str:
    return f"“{label}”" if quoted else label


def _as_value(votes: int | None) -> float | None:
    return None if votes is None else float(votes)


def _votes(count: int) -> str:
    return f"{count} vote{'' if count == 1 else 's'}"


def _votes_sentence(label: str, points: Sequence[tuple[int, int]]) -> str:
    (first, start), (last, end) = points[0], points[-1]
    if first == last:
        return f"{label} had {_votes(start)} at session {first}."
    if start == end:
        return f"{label} stayed at {_votes(end)} from session {first} to session {last}."
    moved = "rose" if end > start else "fell"
    return f"{label} {moved} from {_votes(start)} at session {first} to {end} at session {last}."


NAMED_AT_MOST = 3
"""How many sessions where one side fell behind the balance sentence names one by one."""


def balance_chart(sessions: Sequence[tuple[int, NoteBalance]]) -> Chart:
    """Each session's deal and relationship notes as a pair of bars; the sentence names
    the sessions where one side fell behind, by the rule the meter uses."""
    total = sum((balance for _, balance in sessions), NoteBalance())
    held = len(sessions)
    sentence = (
        f"Over {held} session{'' if held == 1 else 's'}, {total.deal} deal and "
        f"{total.relationship} relationship notes were taken."
    )
    behind = [
        f"session {number} ({balance.deal} deal, {balance.relationship} relationship)"
        for number, balance in sessions
        if balance.lagging is not None
    ]
    if len(behind) > NAMED_AT_MOST:
        # A long programme's sentence stays a sentence: the count, and the latest.
        sentence += (
            f" One side fell behind in {len(behind)} of them, most recently in {behind[-1]}."
        )
    elif behind:
        sentence += f" One side fell behind in {', '.join(behind)}."
    return Chart(
        "Deal and relationship notes by session",
        tuple(f"S{number}" for number, _ in sessions),
        (
            Series("Deal", tuple(float(b.deal) for _, b in sessions)),
            Series("Relationship", tuple(float(b.relationship) for _, b in sessions)),
        ),
        "bar",
        "Notes",
        sentence,
    )


def ratings_chart(title: str, area_means: Sequence[tuple[str, float]]) -> Chart:
    """One scorecard's mean rating in each area, as a bar an area on the 1–5 scale."""
    said = ", ".join(f"{area} {mean_text(mean)}" for area, mean in area_means)
    return Chart(
        title,
        tuple(area for area, _ in area_means),
        (Series("Mean rating", tuple(mean for _, mean in area_means)),),
        "bar",
        "Mean rating",
        f"Mean rating by area: {said}.",
        # Bars stand on zero, so a rating of 1 still shows as a bar.
        (0.0, 5.0),
    )
