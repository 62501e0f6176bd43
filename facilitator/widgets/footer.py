"""Textual's footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.keys import REPLACED_KEYS, key_to_character
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey


def typed_character(key: str) -> str | None:
    """The character a key types. Textual's own answer misses the keys it renames (slash,
    minus, plus, at, underscore, backslash), so a field took `/` while the footer still
    offered it as a command."""
    return key_to_character(REPLACED_KEYS.get(key, key))


class Footer(TextualFooter):
    """Textual's footer rebuilds all its keys after every change of the screen's bindings,
    mounting and styling each key afresh. At launch the bindings change three times before
    the home screen's first frame or just after it (the focus, the screen shown, a
    refresh), with the same keys each time. Here one rebuild serves every change made
    before it runs, and none is made when the keys shown are those already there.

    Nor does it offer a key the focused field will take as typing, as `/` in a filter."""

    _rebuild_waiting = False
    _keys_shown: tuple | None = None

    def _taken(self, active: dict[str, ActiveBinding]) -> set[str]:
        """The keys bound above the focused widget that it would take as typing."""
        focused = self.screen.focused
        if focused is None:
            return set()
        return {
            key
            for key, (namespace, *_) in active.items()
            if namespace is not focused and focused.check_consume_key(key, typed_character(key))
        }

    def _keys(self, active: dict[str, ActiveBinding]) -> tuple:
        """What the footer would show: each key with its words, and whether it is enabled."""
        taken = self._taken(active)
        return (
            self.show_command_palette,
            tuple(
                (binding.key, binding.action, binding.description, binding.group, enabled, tip)
                for (key, (_, binding, enabled, tip)) in active.items()
                if (binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING)
                and key not in taken
            ),
        )

    def compose(self) -> ComposeResult:
        active = self.screen.active_bindings if self._bindings_ready else {}
        self._keys_shown = self._keys(active) if self._bindings_ready else None
        taken = self._taken(active)
        widget: Widget
        for widget in super().compose():
            if not (isinstance(widget, FooterKey) and widget.key in taken):
                yield widget

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
        if self.is_attached and self._keys(self.screen.active_bindings) != self._keys_shown:
            await self.recompose()
