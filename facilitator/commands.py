"""The command palette lists the current screen's keys, for the facilitator who forgot one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider


class ScreenKeysProvider(Provider):
    """Every Binding with an id on the screen the palette was opened from, by its description."""

    def _commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        screen = self.screen
        for binding in getattr(type(screen), "BINDINGS", []):
            if not isinstance(binding, Binding) or not binding.id:
                continue
            title = binding.tooltip or binding.description
            key = binding.key.split(",")[0]
            yield title, f"key: {key}", partial(screen.run_action, binding.action)

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
