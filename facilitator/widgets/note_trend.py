"""The deal and relationship notes of a programme, session by session, on one scale."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from facilitator.widgets.activity_trends import BARS


class NoteTrend(Widget):
    """Deal and relationship notes session by session, as two lines of bars on one scale.

    One scale for both, unlike two Sparklines (each scaled to its own highest),
    so a thin relationship side looks thin beside the deal. The latest sessions
    are kept when they do not all fit.
    """

    COMPONENT_CLASSES = {"trend--deal", "trend--relationship"}
    LABEL = 6

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.trend: list[tuple[int, int, int]] = []

    def show(self, trend: list[tuple[int, int, int]]) -> None:
        self.trend = trend
        self.refresh()

    def render(self) -> Text:
        top = max((max(deal, rel) for _, deal, rel in self.trend), default=0)
        if not top:
            return Text(
                "No deal or relationship notes yet: they show here session by session.",
                style="dim italic",
            )
        room = max(1, self.content_size.width - self.LABEL)
        # A session's cells: a bar and a gap between sessions while they fit, else one cell.
        per = max(1, min(4, room // len(self.trend)))
        bar, gap = (per - 1, " ") if per > 1 else (1, "")
        shown = self.trend[-(room // per) :]
        first, last = shown[0][0], shown[-1][0]
        which = f"session {first}" if first == last else f"sessions {first}–{last}"
        text = Text(f"Notes per session, {which} (one scale)", style="dim", no_wrap=True)
        for label, index, part in (("Deal", 1, "trend--deal"), ("Rel", 2, "trend--relationship")):
            text.append("\n" + label.ljust(self.LABEL))
            style = self.get_component_rich_style(part)
            for row in shown:
                count = row[index]
                if count:
                    text.append(BARS[min(7, (count * 8 - 1) // top)] * bar, style=style)
                else:
                    text.append("·" * bar, style="dim")
                text.append(gap)
        return text
