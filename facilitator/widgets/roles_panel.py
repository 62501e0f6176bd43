"""Team roles in the session screen: one person at a time marks the roles they most often play."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.reactive import var
from textual.widgets import OptionList

from facilitator.app import REFUSED
from facilitator.widgets.activity_panel import ActivityPanel
from sessions.services.roles import (
    TEAM_ROLES,
    MemberRoles,
    RoleCoverage,
    RolesBoard,
    roles_board,
    set_roles,
    toggle_role,
)
from sessions.vocabulary import ItemKind

NAME_WIDTH = max(len(role.name) for role in TEAM_ROLES)
GROUP_WIDTH = max(len(role.group) for role in TEAM_ROLES) + 1


def coverage_text(
    coverage: RoleCoverage, marked: bool, anyone_answered: bool, first_of_group: bool
) -> Text:
    """`Thinking ✓ Plant     2  Ann Ode, Bea Ng`: one line a role, so all nine fit a laptop."""
    group = coverage.role.group if first_of_group else ""
    text = Text(f"{group:<{GROUP_WIDTH}}", style="bold")
    text.append("✓ " if marked else "  ", style="bold")
    text.append(f"{coverage.role.name:<{NAME_WIDTH}}", style="bold" if marked else "")
    if coverage.players:
        text.append(f" {coverage.count:>2}  {', '.join(coverage.players)}")
    elif anyone_answered:
        text.append("  —  nobody", style="italic")
    if coverage.crowded:
        text.append(" · crowded", style="bold")
    return text


def roles_list(previous: tuple[str, ...]) -> str:
    return ", ".join(previous) if previous else "none"


class RolesPanel(ActivityPanel):
    KIND = ItemKind.ROLES
    BINDINGS = [
        Binding(
            "space",
            # Not "toggle", which every widget already has, for flipping an attribute.
            "toggle_role",
            "Mark",
            id="roles.toggle",
            tooltip="Mark or unmark the highlighted role for the person answering",
        ),
        Binding(
            "right_square_bracket",
            "next_member(1)",
            "Next person",
            id="roles.next",
            tooltip="Move on to the next person present",
        ),
        Binding(
            "left_square_bracket", "next_member(-1)", "Previous", id="roles.previous", show=False
        ),
        Binding(
            "p",
            "pick",
            "Who",
            id="roles.pick",
            tooltip="Choose who is answering from the programme's members",
        ),
        Binding(
            "c",
            "same_as_before",
            "As last time",
            id="roles.same",
            tooltip="Mark the roles this person gave the last time they were asked",
        ),
    ]

    # Every read redraws, changed or not: what is shown is what was read last.
    board: var[RolesBoard | None] = var(None, init=False, always_update=True)
    """The item's roles with who plays each, and whom to ask, as last saved."""
    answering: var[tuple[int, str] | None] = var(None, init=False)
    """Who is answering, (member id, name): at first the first person to ask."""

    def __init__(self, session_id: int, **kwargs):
        super().__init__(session_id, **kwargs)
        # Those chosen by hand who were not on the register as present: whom else to ask.
        self._added: tuple[int, ...] = ()

    @property
    def has_rows(self) -> bool:
        return bool(self.board and (self.board.members or self.answering))

    @property
    def person(self) -> MemberRoles | None:
        if self.board is None or self.answering is None:
            return None
        return next((m for m in self.board.members if m.member_id == self.answering[0]), None)

    def reload(self) -> None:
        board = self.app.attempt(
            roles_board, self.app.store, self.session_id, self.position, self._added
        )
        if board is REFUSED:
            return
        self.board = board
        if self.answering is None and board.members:
            first = board.members[0]
            self.answering = (first.member_id, first.name)

    def watch_board(self) -> None:
        self._draw()

    def watch_answering(self) -> None:
        self._draw()

    def _draw(self) -> None:
        board = self.board
        if board is None:
            return
        kept = self.row_index
        self.clear_rows()
        if self.answering is None:
            self.add_row(
                Text(
                    "No members yet: add them from the home screen (m), then come back.",
                    style="italic",
                )
            )
        person = self.person
        marked = set(person.roles if person else ())
        group = None
        for index, coverage in enumerate(board.coverage):
            opens_group, group = coverage.role.group != group, coverage.role.group
            self.add_row(
                coverage_text(
                    coverage, coverage.role.name in marked, bool(board.answered), opens_group
                ),
                index,
            )
        # The title, not a row: who is answering must stay in sight as the list scrolls.
        self.border_title = self._who_text()
        self.highlight_row(kept if kept is not None else 0)

    def _who_text(self) -> str:
        board = self.board
        answered = f"{board.answered} of {len(board.members)} answered" if board else ""
        if self.answering is None:
            return "Team roles"
        ids = [m.member_id for m in board.members] if board else []
        where = (
            f" ({ids.index(self.answering[0]) + 1} of {len(ids)})"
            if self.answering[0] in ids
            else ""
        )
        text = f"Team roles · {answered} · answering: {self.answering[1]}{where}"
        person = self.person
        if person and person.previous_session is not None:
            text += (
                f" · last time (session {person.previous_session}): {roles_list(person.previous)}"
            )
        return text

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        # The room decides from what a role does, so the highlighted one says it.
        index = self.row_index
        role = TEAM_ROLES[index] if index is not None else None
        self.border_subtitle = f"{role.name}: {role.gist}" if role else ""

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_toggle_role()

    def action_toggle_role(self) -> None:
        index, answering = self.row_index, self.answering
        if index is None or answering is None:
            self.acted()
            return
        self.save(
            lambda: toggle_role(
                self.app.store,
                self.session_id,
                self.position,
                answering[0],
                TEAM_ROLES[index].name,
                now=self.app.now(),
            )
        )

    def action_next_member(self, step: int) -> None:
        self.acted()
        members = self.board.members if self.board else ()
        if not members:
            return
        ids = [m.member_id for m in members]
        at = ids.index(self.answering[0]) if self.answering and self.answering[0] in ids else -1
        chosen = members[(at + step) % len(members)]
        self.answering = (chosen.member_id, chosen.name)
        self.reload()

    def action_same_as_before(self) -> None:
        person = self.person
        if self.answering is None:
            self.acted()
            return
        if person is None or person.previous_session is None:
            self.app.say(f"{self.answering[1]} has not marked team roles before.")
            self.acted()
            return
        self.save(
            lambda: set_roles(
                self.app.store,
                self.session_id,
                self.position,
                person.member_id,
                person.previous,
                now=self.app.now(),
            )
        )

    def action_pick(self) -> None:
        from facilitator.screens.member_picker import pick_member

        def chosen(member_id: int | None, name: str) -> None:
            if member_id:
                self.answering = (member_id, name)
                if member_id not in self._added:
                    self._added += (member_id,)
                self.reload()

        self.acted()
        pick_member(
            self.app, self.session_id, "Who is marking their team roles?", chosen, nobody=False
        )
