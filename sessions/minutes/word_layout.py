"""How a Word table is laid out: each column as wide as what it holds needs, never so
narrow that a word or a date breaks, and the whole within the page.

Word left alone gives every column the same width, so "Statement" broke as "Statemen t"
over a column of single digits, and a ten-statement scorecard ran over three pages. The
widths are estimated from the text, without the fonts to hand: a character is taken at
the width of a wide sans-serif one, so a word that fits here fits in whichever font the
reader's copy of Word or LibreOffice has (Calibri, or a wider one standing in for it).
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from sessions.minutes.wording import WRITTEN_DATE

BODY_POINTS = 11
CELL_PADDING = 2 * 5.4 + 3
"""Word's default cell margins either side, and a little for the rules."""
# Widths in ems of a wide bold face (DejaVu, which LibreOffice puts in Calibri's place
# where Calibri is missing), by kind of character; regular text is a little narrower.
_NARROW = frozenset("ijlftrI.,;:'!|()[] ")
_WIDE = frozenset("mwMW@%&")
_BOLD_EMS = {"narrow": 0.4, "wide": 0.98, "upper": 0.8, "digit": 0.7, "other": 0.64}
REGULAR = 0.9
"""Regular text's width against bold."""
SAFETY = 1.06
"""Room for a face a little wider than the one estimated."""
CHAR = _BOLD_EMS["other"] * REGULAR * BODY_POINTS
"""An ordinary character of body text, for counting lines."""
LINE_HEIGHT = 1.2 * BODY_POINTS
ROW_PADDING = 4.0
SHORT_CELL = 12
"""A column whose every cell is at most this many characters is kept on one line: a
date, a number, a status, a session."""
LONGEST_WANTED = 60
"""A column's text beyond this many characters is left to wrap rather than asking for
more width: it is a sentence, and the column of long text takes what is left."""

SHORT_SHARE = 0.3
"""A column wanting at most this share of the page holds short text, given all it wants
before the columns of sentences share the rest."""

_SPACE = re.compile(r"\s+")


def unbreakable(text: str) -> list[str]:
    """The runs of `text` a line may not break inside: its words, a date ("1 Dec 2026",
    "1 December 2026") as one."""
    units: list[str] = []
    at = 0
    for date in WRITTEN_DATE.finditer(text):
        units.extend(_SPACE.split(text[at : date.start()]))
        units.append(date.group())
        at = date.end()
    units.extend(_SPACE.split(text[at:]))
    return [unit for unit in units if unit]


def _ems(char: str) -> float:
    if char in _NARROW:
        return _BOLD_EMS["narrow"]
    if char in _WIDE:
        return _BOLD_EMS["wide"]
    if char.isupper():
        return _BOLD_EMS["upper"]
    if char.isdigit():
        return _BOLD_EMS["digit"]
    return _BOLD_EMS["other"]


def text_points(text: str, bold: bool = False) -> float:
    """About how wide `text` is drawn on one line, in points, erring wide."""
    ems = sum(_ems(char) for char in text) * (1.0 if bold else REGULAR)
    return ems * BODY_POINTS * SAFETY


def _width(texts: Iterable[str], bold: bool = False) -> float:
    """The width of a cell holding the widest of `texts` on one line."""
    unique = set(texts)
    if not unique:
        return CELL_PADDING
    # Only a text near the longest in characters can be the widest: a long action log
    # would otherwise have every character of every word weighed.
    floor = max(len(text) for text in unique) * min(_BOLD_EMS.values()) / max(_BOLD_EMS.values())
    return max(text_points(text, bold) for text in unique if len(text) >= floor) + CELL_PADDING


@dataclass(frozen=True)
class Column:
    least: float
    """Points below which a word, a date or a cell kept whole would break."""
    wanted: float
    """Points that would show its longest text on one line (within reason)."""
    wraps: bool
    """Whether it holds text long enough to wrap: the columns that take the rest."""


def measure(header: str, cells: Sequence[str], *, nowrap: bool = False) -> Column:
    """What one column needs, from its header (bold, which may wrap between its words)
    and its cells."""
    lines = [line for cell in cells for line in cell.splitlines()] or [""]
    longest_line = max(len(line) for line in lines)
    whole = nowrap or longest_line <= SHORT_CELL
    units = lines if whole else [unit for line in lines for unit in unbreakable(line)]
    least = max(_width(units), _width(unbreakable(header), bold=True))
    # A sentence past LONGEST_WANTED characters wraps rather than asking for the page.
    wanted = max(least, _width(line[:LONGEST_WANTED] for line in lines))
    return Column(least=least, wanted=wanted, wraps=not whole)


def column_widths(columns: Sequence[Column], page: float) -> list[float]:
    """Each column's width in points, together exactly `page` wide.

    Every column first gets its least. Then the columns of short text (a name, a date,
    an outcome) get all they want, fewest points first, so a name is not wrapped to make
    a sentence's column a little wider; what is left goes to the others in proportion to
    how far short they are, and anything over after that to the columns of long text, so
    a sentence has the room to itself.
    """
    widths = [column.least for column in columns]
    if sum(widths) >= page:
        # Too many columns for the page: shrink them alike, the one thing left to do.
        return [width * page / sum(widths) for width in widths]
    short = [i for i, column in enumerate(columns) if column.wanted <= page * SHORT_SHARE]
    for i in sorted(short, key=lambda i: columns[i].wanted - columns[i].least):
        widths[i] = min(columns[i].wanted, widths[i] + page - sum(widths))
    spare = page - sum(widths)
    short_of = [column.wanted - width for column, width in zip(columns, widths, strict=True)]
    if sum(short_of) >= spare:
        return [
            width + need * spare / sum(short_of)
            for width, need in zip(widths, short_of, strict=True)
        ]
    widths = [column.wanted for column in columns]
    left = page - sum(widths)
    takers = [i for i, column in enumerate(columns) if column.wraps] or list(range(len(widths)))
    share = sum(widths[i] for i in takers)
    for i in takers:
        widths[i] += left * widths[i] / share
    return widths


def row_height(cells: Sequence[str], widths: Sequence[float]) -> float:
    """About how tall a row is drawn, in points, with its cells wrapped to `widths`."""
    lines = 1
    for text, width in zip(cells, widths, strict=False):
        per_line = max(1, int((width - CELL_PADDING) / CHAR))
        lines = max(
            lines,
            sum(max(1, math.ceil(len(line) / per_line)) for line in text.splitlines() or [""]),
        )
    return lines * LINE_HEIGHT + ROW_PADDING


def table_layout(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    page: float,
    nowrap: Collection[int] = (),
) -> tuple[list[float], list[float]]:
    """Each column's width and each row's height (the header's first), in points."""
    columns = [
        measure(header, [row[i] if i < len(row) else "" for row in rows], nowrap=i in nowrap)
        for i, header in enumerate(headers)
    ]
    widths = column_widths(columns, page)
    heights = [row_height(headers, widths), *(row_height(row, widths) for row in rows)]
    return widths, heights
