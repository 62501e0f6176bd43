"""An option list of any length whose height is as tall as it may be, found without
measuring every option.

An `OptionList` of `height: auto` is laid out at the sum of its options' heights, which
Textual finds by wrapping every option's text at every layout of its screen. A screen
beneath another is laid out again when the one above is shown (Textual re-lays out the
screen below each new screen, in case it shows through), so a home screen listing a
thousand programmes measured them all, twice, on the way to any dashboard. Where the list
has a `max-height` and at least as many options as that height has lines, the sum can only
be clamped to it: each option is a line or more. The count itself says so, at no cost.

An `OptionList` also forgets every option's wrapped lines at each resize, even one that
leaves its width as it was (the first comes just after the first frame, whose lines were
measured at that same width): a thousand options were measured again as soon as they were
shown. Here the lines are kept while the width they were wrapped to stays.

Both lean on Textual's internals (`_update_lines`, the `_on_resize` handler); a test lays
out this list and an `OptionList` side by side, so an upgrade that changes them fails there.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.widgets import OptionList


class LongOptionList(OptionList):
    """An `OptionList` laid out exactly as one, measuring its options only when few, and
    only again when its width changes."""

    _wrapped_to: int | None = None
    """The width the options' lines were last measured at."""

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        most = self.styles.max_height
        if most is not None and self.option_count >= most.resolve(container, viewport):
            # At least one line an option: no less than the count, which max-height clamps.
            return self.option_count
        return super().get_content_height(container, viewport, width)

    def _update_lines(self) -> None:
        # Only a measure from the first option says which width the lines are wrapped to; a
        # call that finds them all measured may come after a resize, before its event.
        afresh = not self._line_cache.lines
        super()._update_lines()
        if afresh and self._line_cache.lines:
            self._wrapped_to = self.scrollable_content_region.width

    def _on_resize(self, event: events.Resize | None = None) -> None:
        # Textual hands every handler its event; the default only matches OptionList's own.
        if event is not None and self.scrollable_content_region.width == self._wrapped_to:
            event.prevent_default()  # OptionList's own handler would forget every line
            self.refresh()
