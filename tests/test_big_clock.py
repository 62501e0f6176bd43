"""The projector's block-font clock: drawn from a font, and grown whole on a big screen."""

from __future__ import annotations

from facilitator.widgets.big_clock import block_text, scaled


def test_the_block_font_is_at_least_five_rows_of_solid_blocks() -> None:
    drawn = block_text("12:34").splitlines()
    assert len(drawn) >= 5
    assert "#" not in "".join(drawn) and "█" in "".join(drawn)


def test_scaling_keeps_the_shape() -> None:
    assert scaled("█ \n █", 1) == "█ \n █"
    assert scaled("█ \n █", 2) == "██  \n██  \n  ██\n  ██"
    assert len(scaled(block_text("00:00"), 3).splitlines()) == 3 * len(
        block_text("00:00").splitlines()
    )
