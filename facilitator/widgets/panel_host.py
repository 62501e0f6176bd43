"""Where the current item's activity panel sits: the one panel whose kind is the item's.

The host shows that panel in the prompt's place and lends it the keyboard for
one key at a time; the rest of the time the note line has it, and the arrow
keys move the panel's highlight from there.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import var

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
