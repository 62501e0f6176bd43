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
# On a big screen the block font grows, but the prompt and notes keep most of the rows.
CLOCK_SHARE_OF_ROWS = 0.4


@lru_cache(maxsize=256)
def block_text(text: str) -> str:
    # pyfiglet is loaded only when a projector view first needs the big font.
    import pyfiglet

    drawn = pyfiglet.figlet_format(text, font=FONT, width=1000)
    lines = [line.rstrip() for line in drawn.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(line.replace("#", "█") for line in lines)


def scaled(drawing: str, scale: int) -> str:
    """Each cell drawn `scale` cells wide and `scale` rows tall: the same shape, bigger."""
    if scale <= 1:
        return drawing
    rows = ["".join(ch * scale for ch in line) for line in drawing.splitlines()]
    return "\n".join(row for row in rows for _ in range(scale))


class BigClock(Container):
    """Shows `text`; level 'ok', 'warning' or 'over' colours it through CSS classes."""

    def __init__(self, *, id: str | None = None):
        super().__init__(id=id)
        self.text = "00:00"
        self.level = "ok"
        self._shown = False

    def compose(self) -> ComposeResult:
        yield Digits(self.text, id="small")
        yield Static(id="large")

    def show(self, text: str, level: str) -> None:
        # Called twice a second with the same reading half the time: nothing to redraw then.
        if (text, level) == (self.text, self.level) and self._shown:
            return
        self._shown = True
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
        width = max((len(line) for line in lines), default=0)
        rows = self.screen.size.height
        # The clock's own height follows what it shows, so the screen's height decides.
        fits = bool(lines) and rows >= BLOCK_FONT_MIN_ROWS and self.size.width >= width
        self.query_one("#small", Digits).display = not fits
        self.query_one("#large", Static).display = fits
        if fits:
            scale = max(
                1, min(self.size.width // width, int(rows * CLOCK_SHARE_OF_ROWS) // len(lines))
            )
            self.query_one("#large", Static).update(Text(scaled(large, scale)))
        else:
            self.query_one("#small", Digits).update(self.text)
