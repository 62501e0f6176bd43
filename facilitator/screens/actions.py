"""The programme's actions: who owes what by when, what is late, and marking them off."""

from __future__ import annotations

from rich.text import Text
from textual import events, getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.dates import weekday_text
from facilitator.widgets.footer import Footer
from sessions.errors import FacilitatorError
from sessions.services.actions import list_actions, set_action_status
from sessions.services.programmes import get_programme
from sessions.views import ActionView
from sessions.vocabulary import STILL_OPEN, ActionRag, ActionStatus

# `None` is "all": the filter cycles through it and then each status in turn.
STATUS_STYLES: dict[str, str] = {ActionStatus.DONE: "dim", ActionStatus.DROPPED: "strike dim"}
RAG_STYLES: dict[str, str] = {
    ActionRag.OVERDUE: "bold reverse red",
    ActionRag.AT_RISK: "bold reverse dark_orange",
}
STATUS_FILTERS: tuple[str | None, ...] = (None, *ActionStatus)

# Lines short enough for an 80-column terminal: the list cuts, it does not wrap.
HOW_ACTIONS_ARE_MADE = (
    "No actions yet.\n"
    "In a session, a note that starts with a: becomes an action;\n"
    "add @owner and a due date, e.g.  a: send the draft @Sam 2026-12-01"
)
FIELD_WORDS = {"text": "words", "owner": "owner", "due": "due date"}
NONE_MATCH = "No actions match: change the owner filter, or press f."


def action_text(action: ActionView) -> Text:
    """Two lines, cut to the width: what is owed, then its number, who, when, its state and
    where it was raised."""
    line = Text()
    if action.rag in RAG_STYLES:
        line.append(f" {action.rag.upper()} ", style=RAG_STYLES[action.rag])
        line.append(" ")
    line.append(action.text, style=STATUS_STYLES.get(action.status, ""))
    line.append(f"\n   {action.number} · ", style="dim")
    line.append(f"@{action.owner}" if action.owner else "no owner", style="italic")
    line.append(f" · due {action.due.isoformat()}" if action.due else " · no due date")
    if action.due != action.due_as_raised:
        was = action.due_as_raised.isoformat() if action.due_as_raised else "none"
        line.append(f" (was {was})", style="dim")
    line.append(f" · {action.status}", style="bold" if action.status in STILL_OPEN else "")
    line.append(f" · session {action.session_number} · {action.item_title}", style="dim")
    return line


def action_detail(action: ActionView) -> Text:
    """The highlighted action in full, as the list may have cut it short, and its latest update."""
    detail = Text(action.text)
    detail.append(
        f"\nRaised {action.raised_at.astimezone():%Y-%m-%d} in session {action.session_number}"
        f" · {action.item_title}",
        style="dim",
    )
    if action.update and action.updated_at is not None:
        detail.append(
            f"\nLatest: {action.update} ({weekday_text(action.updated_at.astimezone().date())})",
            style="dim",
        )
    return detail


class ActionsScreen(Screen[None]):
    app = getters.app(FacilitatorApp)
    status_filter: var[str | None] = var(None, init=False)
    """The status the list is cut to; None for all."""
    shown: var[list[ActionView]] = var(list, init=False)
    """The actions as listed, in order."""
    CSS_PATH = "actions.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back", id="actions.back"),
        Binding(
            "d",
            "set_status('done')",
            "Done",
            id="actions.done",
            tooltip="Mark the highlighted action done",
        ),
        Binding(
            "x",
            "set_status('dropped')",
            "Drop",
            id="actions.drop",
            tooltip="Mark the highlighted action dropped",
        ),
        Binding(
            "o",
            "set_status('open')",
            "Reopen",
            id="actions.reopen",
            tooltip="Open the highlighted action again",
        ),
        Binding(
            "r",
            "set_status('at risk')",
            "At risk",
            id="actions.at_risk",
            tooltip="Mark the highlighted action at risk of not being done in time",
        ),
        Binding(
            "e",
            "edit",
            "Change",
            id="actions.edit",
            tooltip="Change the highlighted action's words, owner or due date",
        ),
        Binding(
            "f",
            "cycle_status(1)",
            "Status filter",
            id="actions.filter",
            tooltip="Show all, open, done, dropped or at-risk actions",
        ),
        Binding(
            "w",
            "write_reminders",
            "Reminders",
            id="actions.reminders",
            tooltip=(
                "Write reminders of the open actions (Markdown, HTML and an e-mail to send "
                "yourself) for every owner, or the owner the list is filtered to"
            ),
        ),
        Binding(
            "F",
            "cycle_status(-1)",
            "Previous filter",
            id="actions.filter_back",
            show=False,
            tooltip="Cycle the status filter backwards",
        ),
    ]

    def __init__(self, programme_id: int):
        super().__init__()
        self.programme_id = programme_id
        self.programme_slug: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="actions-page"):
            yield Input(placeholder="Filter by owner: type part of a name", id="owner")
            yield Static("", id="filter-line", classes="hint")
            yield OptionList(id="actions")
            yield Static("", id="action-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Actions"
        programme = self.app.attempt(get_programme, self.app.store, self.programme_id)
        if programme is not REFUSED:
            self.title = programme.name or self.app.title
            self.programme_slug = programme.slug
        self.refresh_actions()
        self.query_one("#actions", OptionList).focus()

    def refresh_actions(self, keep_id: int | None = None) -> None:
        """Redraw from the database, keeping the highlight on the same action if it stays."""
        option_list = self.query_one("#actions", OptionList)
        owner = self.query_one("#owner", Input).value
        shown = self.app.attempt(
            list_actions,
            self.app.store,
            self.programme_id,
            owner=owner,
            status=self.status_filter,
            today=self.app.now().astimezone().date(),
        )
        if shown is REFUSED:
            return
        self.shown = shown
        old_index = option_list.highlighted
        option_list.clear_options()
        option_list.add_options(Option(action_text(a), id=str(a.id)) for a in self.shown)
        if self.shown:
            ids = [a.id for a in self.shown]
            option_list.highlighted = (
                ids.index(keep_id) if keep_id in ids else min(old_index or 0, len(ids) - 1)
            )
        else:
            # Said inside the list, which keeps focus, so the letter keys stay commands.
            filtered = bool(owner.strip()) or self.status_filter is not None
            option_list.add_option(
                Option(
                    Text(NONE_MATCH if filtered else HOW_ACTIONS_ARE_MADE, style="italic"),
                    disabled=True,
                )
            )
        self.query_one("#action-detail").display = bool(self.shown)
        self._describe(owner)

    def _describe(self, owner: str) -> None:
        showing = "all actions" if self.status_filter is None else f"{self.status_filter} actions"
        late = sum(a.overdue for a in self.shown)
        line = f"Showing {showing}" + (f" owned by '{owner.strip()}'" if owner.strip() else "")
        line += f" · {len(self.shown)} listed" + (f", {late} overdue" if late else "")
        # The footer runs out of room at 80 columns before it reaches w: the line says it.
        line += (
            " · Enter: back to the list"
            if self._typing()
            else " · f: status · Tab: owner · w: reminders"
        )
        self.query_one("#filter-line", Static).update(Text(line))

    def highlighted_action(self) -> ActionView | None:
        index = self.query_one("#actions", OptionList).highlighted
        if index is None or not self.shown or index >= len(self.shown):
            return None
        return self.shown[index]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While the owner filter is being typed in, letters are text, not commands:
        # the footer leaves those keys out so it does not promise what they will not do.
        typed = ("set_status", "cycle_status", "edit", "write_reminders")
        return not (action in typed and self._typing())

    def _typing(self) -> bool:
        return isinstance(self.focused, Input)

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()
        self._describe(self.query_one("#owner", Input).value)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.refresh_actions()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#actions", OptionList).focus()

    def on_key(self, event: events.Key) -> None:
        # Down from the owner filter goes to the list, as Enter does.
        if event.key == "down" and self._typing() and self.shown:
            event.stop()
            self.query_one("#actions", OptionList).focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if (action := self.highlighted_action()) is not None:
            self.query_one("#action-detail", Static).update(action_detail(action))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # Enter has nothing to do on an action; the letters change it.

    def action_set_status(self, status: str) -> None:
        action = self.highlighted_action()
        if action is None:
            self.app.say("There is no action to change.", severity="warning")
            return
        if action.status == status:
            self.app.say(f"That action is already {status}.")
            return
        if (
            self.app.attempt(set_action_status, self.app.store, action.id, status, self.app.now())
            is REFUSED
        ):
            return
        self.app.say(f"Marked {status}: {action.text}")
        self.refresh_actions(keep_id=action.id)

    def action_edit(self) -> None:
        action = self.highlighted_action()
        if action is None:
            self.app.say("There is no action to change.", severity="warning")
            return
        from facilitator.screens.edit_action import EditActionScreen

        def edited(moved: list[str] | None) -> None:
            if moved is None:
                return
            if moved:
                said = " and ".join(FIELD_WORDS.get(field, field) for field in moved)
                self.app.say(f"Changed the {said} of action {action.number}.")
            else:
                self.app.say("Nothing to change.")
            self.refresh_actions(keep_id=action.id)

        self.app.push_screen(EditActionScreen(action, self.app.now()), edited)

    def action_cycle_status(self, step: int) -> None:
        index = STATUS_FILTERS.index(self.status_filter)
        self.status_filter = STATUS_FILTERS[(index + step) % len(STATUS_FILTERS)]
        kept = self.highlighted_action()
        self.refresh_actions(keep_id=kept.id if kept else None)

    def action_write_reminders(self) -> None:
        slug = self.programme_slug
        if slug is None:
            return  # the programme could not be read: the screen has said why
        from facilitator.screens.reminders_document import write_reminders

        store, now = self.app.store, self.app.now()
        owner = self.query_one("#owner", Input).value.strip() or None
        # Many owners' reminders take a moment to write: the screen stays live meanwhile.
        self.run_worker(
            lambda: write_reminders(store, slug, owner, now),
            group="reminders",
            thread=True,
            exit_on_error=False,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "reminders" or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
        ):
            return
        from facilitator.screens.reminders_document import RemindersDocument

        result = worker.result
        if event.state == WorkerState.SUCCESS and isinstance(result, RemindersDocument):
            # Nothing written: each finding is chosen for on the reminders' own screen first.
            from facilitator.screens.document_review import DocumentReviewScreen

            self.app.push_screen(DocumentReviewScreen(result))
        elif event.state == WorkerState.SUCCESS and isinstance(result, tuple):
            from sessions.private_files import open_folder_warning

            line, paths = result
            self.app.say(line)
            if paths and (warning := open_folder_warning(paths[0])):
                self.app.say(warning, severity="warning")
        elif isinstance(worker.error, FacilitatorError):
            self.app.show_error(str(worker.error))
        else:
            error = worker.error
            self.app.show_error(f"Could not write the reminders ({type(error).__name__}: {error}).")

    def action_back(self) -> None:
        self.app.pop_screen()
