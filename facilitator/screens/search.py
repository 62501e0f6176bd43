"""Finding what was said in any session of the programme, and where it was said."""

from __future__ import annotations

from rich.text import Text
from textual import events, getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.widgets.footer import Footer
from facilitator.widgets.note_input import BREAK_MARK
from facilitator.widgets.note_list import KIND_LABELS
from sessions.services.programmes import get_programme
from sessions.services.search import MAX_HITS, search_notes
from sessions.views import SearchHit


def kind_label(kind: str) -> Text:
    return Text(f" {KIND_LABELS.get(kind, kind.upper())} ", style="bold reverse")


def where_said(hit: SearchHit) -> str:
    said_on = hit.created_at.astimezone()
    return f"session {hit.session_number} · {hit.item_title} · {said_on:%Y-%m-%d}"


def hit_text(hit: SearchHit) -> Text:
    """Two lines, cut to the width; the panel under the list shows the whole note. A note of
    several lines is drawn on the first, each break shown as the note line shows it."""
    # The badge's style is its own: as the line's base style it would reverse the whole hit.
    line = Text.assemble(kind_label(hit.kind), " ")
    for index, said in enumerate(part for part in hit.text.splitlines() if part.strip()):
        if index:
            line.append(f" {BREAK_MARK} ", style="dim")
        line.append(" ".join(said.split()))
    line.append(f"\n       {where_said(hit)}", style="dim")
    return line


def hit_detail(hit: SearchHit) -> Text:
    """Where the note was said, then the whole note."""
    detail = Text()
    detail.append(f"Session {hit.session_number}", style="bold")
    detail.append(f" · item {hit.position + 1}: {hit.item_title}\n")
    said_at = hit.created_at.astimezone()
    detail.append(f"{hit.kind.capitalize()} note · {said_at:%Y-%m-%d %H:%M}\n", style="dim")
    detail.append(hit.text)
    return detail


class SearchScreen(Screen[None]):
    app = getters.app(FacilitatorApp)
    hits: var[list[SearchHit]] = var(list, init=False)
    """The notes found, as listed."""
    CSS_PATH = "search.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close", id="search.close"),
        Binding(
            "slash",
            "focus_query",
            "New search",
            id="search.focus_query",
            tooltip="Go back to the search words",
        ),
    ]

    def __init__(self, programme_id: int):
        super().__init__()
        self.programme_id = programme_id

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="search-page"):
            yield Input(placeholder="Words or a name to find, e.g. front door, siobhan", id="query")
            yield Static("", id="search-status", classes="hint")
            yield OptionList(id="hits")
            with VerticalScroll(id="hit-detail-box"):
                yield Static("", id="hit-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Search notes"
        programme = self.app.attempt(get_programme, self.app.store, self.programme_id)
        if programme is not REFUSED:
            self.title = programme.name or self.app.title
        self.show_hits("")
        self.query_one("#query", Input).focus()

    def show_hits(self, query: str) -> None:
        status = self.query_one("#search-status", Static)
        matching = self.app.attempt(search_notes, self.app.store, self.programme_id, query)
        if matching is REFUSED:
            return
        self.hits = matching
        hits = self.query_one("#hits", OptionList)
        hits.clear_options()
        hits.add_options(Option(hit_text(hit), id=str(hit.note_id)) for hit in self.hits)
        hits.display = bool(self.hits)
        self.show_detail(None)
        if not query.strip():
            status.update("Type words to find in this programme's notes, from every session.")
        elif not self.hits:
            status.update("No notes match: every word must start a word in the note.")
        else:
            count = len(self.hits)
            found = (
                f"The newest {count} notes that match"
                if count >= MAX_HITS
                else f"{count} note{'s match' if count != 1 else ' matches'}, newest first"
            )
            status.update(f"{found} · Enter on one shows where it was said")

    def show_detail(self, hit: SearchHit | None) -> None:
        self.query_one("#hit-detail-box").display = hit is not None
        if hit is not None:
            self.query_one("#hit-detail", Static).update(hit_detail(hit))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.show_hits(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.show_hits(event.value)
        if self.hits:
            self._to_hits()

    def on_key(self, event: events.Key) -> None:
        # Down from the search words goes to the hits, as Enter does.
        if event.key == "down" and isinstance(self.focused, Input) and self.hits:
            event.stop()
            self._to_hits()

    def _to_hits(self) -> None:
        hits = self.query_one("#hits", OptionList)
        hits.highlighted = hits.highlighted or 0
        hits.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.show_detail(self.hits[event.option_index])

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # Moving on hides the last hit's detail, so the panel never describes another note.
        event.stop()
        self.show_detail(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While typing, / is part of the words; the footer leaves it out.
        return not (action == "focus_query" and isinstance(self.focused, Input))

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def action_focus_query(self) -> None:
        self.query_one("#query", Input).focus()

    def action_close(self) -> None:
        self.dismiss(None)
