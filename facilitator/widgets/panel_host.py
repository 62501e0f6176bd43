"""Where the current item's activity panel sits: the one panel whose kind is the item's.

The host shows that panel in the prompt's place and lends it the keyboard for
one key at a time; the rest of the time the note line has it, and the arrow
keys move the panel's highlight from there.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import var
from textual.widgets import Static

from facilitator.widgets.activity_panel import ActivityPanel
from facilitator.widgets.panels import activity_panels
from sessions.views import ItemView


class PanelHost(Vertical):
    """Every activity panel, mounted once; only the current item's is shown."""

    item: var[ItemView | None] = var(None, init=False, always_update=True)
    """The item on screen; the host shows its panel, if its kind has one."""

    def __init__(self, session_id: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.session_id = session_id

    def compose(self) -> ComposeResult:
        yield from activity_panels(self.session_id)
        yield Static(id="more")

    def on_mount(self) -> None:
        # A list longer than its room says so: the options out of sight are still the room's.
        for panel in self.query(ActivityPanel):
            self.watch(panel, "scroll_y", self._show_more, init=False)
            self.watch(panel, "virtual_size", self._show_more, init=False)

    def on_resize(self) -> None:
        self._show_more()

    def _show_more(self, _changed: object = None) -> None:
        panel, more = self.panel, self.query_one("#more", Static)
        below = panel is not None and panel.scroll_y < panel.max_scroll_y
        above = panel is not None and panel.scroll_y > 0
        more.display = below or above
        if below and above:
            more.update("▲▼ more above and below · ↑↓ to see them")
        elif below:
            more.update("▼ more below · ↓ to see them")
        elif above:
            more.update("▲ more above · ↑ to see them")

    @property
    def panel(self) -> ActivityPanel | None:
        """The panel on show, if the current item has one."""
        return next((panel for panel in self.query(ActivityPanel) if panel.display), None)

    @property
    def keeps_prompt(self) -> bool:
        """Whether the item's prompt stays in sight: no panel, or one that reads it out."""
        panel = self.panel
        return panel is None or panel.KEEPS_PROMPT

    def watch_item(self, item: ItemView | None) -> None:
        shown = None
        for panel in self.query(ActivityPanel):
            panel.display = item is not None and item.kind == panel.KIND
            if panel.display:
                shown = panel
        self.display = shown is not None
        if shown is not None and item is not None:
            shown.prompt = item.prompt
            shown.show_for(item.position)
        self.call_after_refresh(self._show_more)

    def reload(self) -> None:
        """Read the panel's results afresh: something outside it changed them."""
        if (panel := self.panel) is not None:
            panel.reload()

    def arm(self) -> bool:
        """Lend the panel the keyboard for one key; whether there was a panel to lend it."""
        panel = self.panel
        if panel is None:
            return False
        panel.focus()
        return True

    def move(self, step: int) -> None:
        if (panel := self.panel) is not None:
            panel.move(step)
