"""A countdown the back row can read: Digits when space is short, a tall block font when not."""

from __future__ import annotations

from functools import lru_cache

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Container
from textual.widgets import Digits, Static

FONT = "banner3"  # 7 rows tall; drawn with '#', shown as solid blocks
# Below this many screen rows the prompt and notes need the room more than the clock.
BLOCK_FONT_MIN_ROWS = 30


@lru_cache(maxsize=256)
def block_text(text: str) -> str:
    # pyfiglet is loaded only when a projector view first needs the big font.
    import pyfiglet

    drawn = pyfiglet.figlet_format(text, font=FONT, width=1000)
    lines = [line.rstrip() for line in drawn.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(line.replace("#", "█") for line in lines)


class BigClock(Container):
    """Shows `text`; level 'ok', 'warning' or 'over' colours it through CSS classes."""

    def __init__(self, *, id: str | None = None):
        super().__init__(id=id)
        self.text = "00:00"
        self.level = "ok"

    def compose(self) -> ComposeResult:
        yield Digits(self.text, id="small")
        yield Static(id="large")

    def show(self, text: str, level: str) -> None:
        self.text, self.level = text, level
        for name in ("ok", "warning", "over"):
            self.set_class(level == name, f"-{name}")
        self._redraw()

    def on_resize(self) -> None:
        self._redraw()

    @property
    def uses_block_font(self) -> bool:
        return self.query_one("#large").display

    def _redraw(self) -> None:
        if not self.is_mounted:
            return
        large = block_text(self.text)
        lines = large.splitlines()
        # The clock's own height follows what it shows, so the screen's height decides.
        fits = (
            bool(lines)
            and self.screen.size.height >= BLOCK_FONT_MIN_ROWS
            and self.size.width >= max(len(line) for line in lines)
        )
        self.query_one("#small", Digits).display = not fits
        self.query_one("#large", Static).display = fits
        if fits:
            self.query_one("#large", Static).update(Text(large))
        else:
            self.query_one("#small", Digits).update(self.text)
