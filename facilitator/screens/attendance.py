"""Who is in the room: present, apologies or absent, and the interests people declare."""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.screens.declaration import DeclarationScreen
from facilitator.screens.dialog import DialogScreen
from sessions.services import people
from sessions.services.quorum import quorum_reading
from sessions.store import Store
from sessions.vocabulary import AttendanceStatus


def quorum_line(store: Store, session_id: int) -> str:
    reading = quorum_reading(store, session_id)
    if reading.quorum is None:
        return "No quorum is set: u on the programme's members screen sets one."
    if not reading.taken:
        return f"The quorum is {reading.quorum.describe()}: mark who is here."
    return reading.short().capitalize()


class AttendanceScreen(DialogScreen[None]):
    app = getters.app(FacilitatorApp)
    # On a laptop's 24 rows the lists give way, so the keys below them stay in sight.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]
    BINDINGS = [
        Binding("p", "mark('present')", "Present", id="attendance.present"),
        Binding("a", "mark('apologies')", "Apologies", id="attendance.apologies"),
        Binding("x", "mark('absent')", "Absent", id="attendance.absent"),
        Binding("i", "declare", "Declare interest", id="attendance.declare"),
        Binding("escape", "close", "Close", id="attendance.close"),
    ]

    def __init__(self, session_id: int, position: int, item_title: str):
        super().__init__()
        self.session_id = session_id
        self.position = position
        self.item_title = item_title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="attendance"):
            yield Label("Attendance", classes="heading")
            yield Static(id="quorum")
            yield OptionList(id="people")
            with VerticalScroll(id="declarations-box"):
                yield Static(id="declarations")
            yield Static(
                "p present · a apologies · x absent · i declare an interest · Esc closes",
                classes="hint",
            )

    def on_mount(self) -> None:
        self.refresh_lists()
        self.query_one("#people", OptionList).focus()

    def refresh_lists(self) -> None:
        store = self.app.store
        listing = self.query_one("#people", OptionList)
        keep = listing.highlighted
        listing.clear_options()
        entries = people.attendance(store, self.session_id)
        for entry in entries:
            line = Text(
                f"{entry.status:<10}",
                style="bold" if entry.status == AttendanceStatus.PRESENT else "dim",
            )
            line.append(entry.member.label)
            listing.add_option(Option(line, id=str(entry.member.id)))
        if not entries:
            listing.add_option(
                Option(Text("No members yet: add them on the home screen with m."), disabled=True)
            )
        listing.highlighted = min(keep or 0, max(len(entries) - 1, 0)) if entries else None
        self.query_one("#quorum", Static).update(Text(quorum_line(store, self.session_id)))
        declared = people.list_declarations(store, self.session_id)
        text = Text(
            "Declarations of interest\n" if declared else "No interests declared.",
            style="bold" if declared else "dim",
        )
        for declaration in declared:
            text.append(f"• {declaration.member.name}: {declaration.interest}")
            if declaration.left_room_item:
                text.append(f" (left the room for: {declaration.left_room_item})", style="italic")
            text.append("\n")
        text.rstrip()
        self.query_one("#declarations", Static).update(text)

    def _member_id(self) -> int | None:
        listing = self.query_one("#people", OptionList)
        if listing.highlighted is None:
            return None
        option = listing.get_option_at_index(listing.highlighted)
        return int(option.id) if option.id else None

    def action_mark(self, status: str) -> None:
        member_id = self._member_id()
        if member_id is None:
            return
        marked = self.app.attempt(
            people.set_attendance, self.app.store, self.session_id, member_id, status
        )
        if marked is REFUSED:
            return
        self.refresh_lists()
        # Down the register a key a person, as the room is called; the last stays put.
        listing = self.query_one("#people", OptionList)
        if listing.highlighted is not None and listing.highlighted + 1 < listing.option_count:
            listing.highlighted += 1

    def action_declare(self) -> None:
        member_id = self._member_id()
        if member_id is None:
            return
        self.app.push_screen(
            DeclarationScreen(self.session_id, member_id, self.position, self.item_title),
            lambda _saved: self.refresh_lists(),
        )

    def action_close(self) -> None:
        self.dismiss(None)
