"""An option list of any length whose height is as tall as it may be, found without
measuring every option.

An `OptionList` of `height: auto` is laid out at the sum of its options' heights, which
Textual finds by wrapping every option's text at every layout of its screen. A screen
beneath another is laid out again when the one above is shown (Textual re-lays out the
screen below each new screen, in case it shows through), so a home screen listing a
thousand programmes measured them all, twice, on the way to any dashboard. Where the list
has a `max-height` and at least as many options as that height has lines, the sum can only
be clamped to it: each option is a line or more. The count itself says so, at no cost.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import OptionList


class LongOptionList(OptionList):
    """An `OptionList` laid out exactly as one, measuring its options only when few."""

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        most = self.styles.max_height
        if most is not None and self.option_count >= most.resolve(container, viewport):
            # At least one line an option: no less than the count, which max-height clamps.
            return self.option_count
        return super().get_content_height(container, viewport, width)
