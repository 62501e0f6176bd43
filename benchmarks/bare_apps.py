"""The baselines: the least a Textual app can do for each job the facilitator does.

`static` is one Static widget and nothing else: what any Textual app costs just
by being open. `framed` adds a Header and a Footer around it: the least a
screen of the facilitator's shape costs to start. `framed-orm` is the same
after importing SQLAlchemy's ORM, which every screen of the facilitator but the
home screen's first lists reads through: the floor of the stack the app is built on.
`home-shaped` draws the widgets of the facilitator's home screen, empty (two headed lists, a hint,
a footer of seven keys), and nothing else: what Textual takes to style and
draw that screen, apart from anything the app does. `filewatch PATH` polls a
plain file at the mirror's interval and shows what it holds: the cheapest
possible mirror, so the facilitator's mirror is measured against polling itself
rather than against nothing. `notelist ROWS` and `noteline ROWS` list the rows of
the file ROWS (one a line) in an OptionList under a Header, above an Input and a
Footer: in `notelist` the list has the focus, highlighted on its last row; in
`noteline` the Input has it, and Enter adds what was typed as a row at the end. They
are the least a note list of that many notes costs to move through and to add to.

Run as `python -m benchmarks.bare_apps static`, `... framed`, `... framed-orm`,
`... home-shaped`, `... filewatch PATH`, `... notelist ROWS` or `... noteline ROWS`.
"""

from __future__ import annotations

import os
import sys

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Header, Input, Label, OptionList, Static

# The same interval as the facilitator's mirror, so both wait for the same poll.
POLL_SECONDS = 0.2

FRAMED_TEXT = "Nothing happens here either."


class StaticApp(App[None]):
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def compose(self) -> ComposeResult:
        yield Static("Nothing happens here.")


class FramedApp(App[None]):
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(FRAMED_TEXT)
        yield Footer()


class HomeShapedApp(App[None]):
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        # One action a key: the footer shows one key for bindings that share an action.
        *(
            Binding(key, f"ring('{key}')", label)
            for key, label in (
                ("n", "New"),
                ("s", "Next session"),
                ("r", "Resume"),
                ("a", "Actions"),
                ("slash", "Search"),
                ("m", "Members"),
            )
        ),
    ]

    def action_ring(self, key: str) -> None:
        self.bell()

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical():
            yield Label("Programmes")
            yield OptionList()
            yield Static(FRAMED_TEXT)
            yield Label("Sessions to start or resume")
            yield OptionList()
        yield Footer()


class FileWatchApp(App[None]):
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def __init__(self, path: str):
        super().__init__()
        self.path = path
        self._last: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        yield Static("Waiting for the file.", id="shown")

    def on_mount(self) -> None:
        self.poll()
        self.set_interval(POLL_SECONDS, self.poll)

    def poll(self) -> None:
        try:
            status = os.stat(self.path)
        except FileNotFoundError:
            return
        marker = (status.st_mtime_ns, status.st_size)
        if marker == self._last:
            return
        self._last = marker
        with open(self.path, encoding="utf-8") as file:
            self.query_one("#shown", Static).update(Text(file.read()))


class NoteListApp(App[None]):
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def __init__(self, rows_path: str, *, typing: bool):
        super().__init__()
        with open(rows_path, encoding="utf-8") as file:
            self.rows = file.read().splitlines()
        self.typing = typing

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(*self.rows, markup=False)
        yield Input(placeholder="Type a row and press Enter")
        yield Footer()

    def on_mount(self) -> None:
        rows = self.query_one(OptionList)
        if self.typing:
            self.query_one(Input).focus()
            rows.call_after_refresh(rows.scroll_end, animate=False)
        else:
            rows.focus()
            rows.action_last()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        rows = self.query_one(OptionList)
        rows.add_option(event.value)
        event.input.value = ""
        rows.call_after_refresh(rows.scroll_end, animate=False)


def main(argv: list[str]) -> int:
    if argv[:1] == ["static"]:
        StaticApp().run()
        return 0
    if argv[:1] == ["framed"]:
        FramedApp().run()
        return 0
    if argv[:1] == ["home-shaped"]:
        HomeShapedApp().run()
        return 0
    if argv[:1] == ["framed-orm"]:
        import sqlalchemy.orm  # noqa: F401  (the import is what is measured)

        FramedApp().run()
        return 0
    if len(argv) == 2 and argv[0] == "filewatch":
        FileWatchApp(argv[1]).run()
        return 0
    if len(argv) == 2 and argv[0] in ("notelist", "noteline"):
        NoteListApp(argv[1], typing=argv[0] == "noteline").run()
        return 0
    print(
        "usage: python -m benchmarks.bare_apps static | framed | framed-orm | home-shaped "
        "| filewatch PATH | notelist ROWS | noteline ROWS",
        file=sys.stderr,
    )
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
