"""Textual's footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """Textual's footer rebuilds all its keys after every change of the screen's bindings,
    mounting and styling each key afresh. At launch the bindings change three times before
    the home screen's first frame or just after it (the focus, the screen shown, a
    refresh), with the same keys each time. Here one rebuild serves every change made
    before it runs, and none is made when the keys shown are those already there."""

    _rebuild_waiting = False
    _keys_shown: tuple | None = None

    def _keys(self) -> tuple:
        """What the footer would show: each key with its words, and whether it is enabled."""
        return (
            self.show_command_palette,
            tuple(
                (binding.key, binding.action, binding.description, binding.group, enabled, tip)
                for (_, binding, enabled, tip) in self.screen.active_bindings.values()
                if binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING
            ),
        )

    def compose(self) -> ComposeResult:
        self._keys_shown = self._keys() if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        # As Textual's own, but scheduling a rebuild only when none is waiting.
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_waiting:
            self._rebuild_waiting = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_waiting = False
        if self.is_attached and self._keys() != self._keys_shown:
            await self.recompose()
