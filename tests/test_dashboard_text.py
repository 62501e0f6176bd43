"""The dashboard's sessions table cells, cut to their columns."""

from __future__ import annotations

import pytest
from rich.text import Text

from facilitator.screens.dashboard_text import agenda_cell

TITLES = (
    "PCN partnership — a working session through the four steps",
    "Short",
    "Exactly 12",
    "連携会議の四つの段階を通して",
    "",
)


def test_a_long_title_is_cut_with_an_ellipsis():
    assert agenda_cell("PCN partnership — a working session", 17) == "PCN partnership …"


@pytest.mark.parametrize("title", TITLES)
def test_the_remembered_cut_is_the_one_rich_makes(title):
    for width in range(0, 62):
        cut = Text(title, no_wrap=True)
        cut.truncate(width, overflow="ellipsis")
        # Asked twice: the second answer is the remembered one.
        assert agenda_cell(title, width) == cut.plain
        assert agenda_cell(title, width) == cut.plain
