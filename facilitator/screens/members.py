"""The programme's members: who they are and where from; adding and archiving them."""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Header, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from facilitator.app import REFUSED, FacilitatorApp
from facilitator.screens.dialog import DialogScreen
from facilitator.widgets.error_line import ErrorLine
from facilitator.widgets.footer import Footer
from sessions.services.people import (
    add_member,
    archive_member,
    list_members,
    set_member_email,
)
from sessions.services.programmes import get_programme
from sessions.services.quorum import Quorum, get_quorum
from sessions.views import MemberView
from sessions.vocabulary import OrganisationKind


def member_line(member: MemberView) -> Text:
    """Name, organisation (kind), role: one line, cut to the width."""
    line = Text(member.name, style="bold")
    if member.organisation:
        line.append(f" · {member.organisation}")
    line.append(f" ({member.organisation_kind})", style="dim")
    if member.role:
        line.append(f" · {member.role}")
    return line


class MembersScreen(Screen[None]):
    app = getters.app(FacilitatorApp)
    members: var[list[MemberView]] = var(list, init=False)
    """The programme's members as listed, in order."""
    CSS_PATH = "members.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back", id="members.back"),
        Binding(
            "n",
            "new_member",
            "New member",
            id="members.new",
            tooltip="Add a member to the programme",
        ),
        Binding(
            "x,delete",
            "archive",
            "Archive",
            id="members.archive",
            tooltip="Archive the highlighted member (kept in past minutes)",
        ),
        Binding(
            "i",
            "interests",
            "Interests",
            id="members.interests",
            tooltip="The highlighted member's register of standing interests",
        ),
        Binding(
            "e",
            "email",
            "E-mail",
            id="members.email",
            tooltip="Give the highlighted member an e-mail address for reminders of their actions",
        ),
        Binding(
            "u",
            "quorum",
            "Quorum",
            id="members.quorum",
            tooltip="Set how many members, or member organisations, make a meeting quorate",
        ),
    ]

    def __init__(self, programme_id: int):
        super().__init__()
        self.programme_id = programme_id

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="members-page"):
            yield OptionList(id="members")
            yield Static("", id="member-detail")
            yield Static("", id="members-hint", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Members"
        programme = self.app.attempt(get_programme, self.app.store, self.programme_id)
        if programme is not REFUSED:
            self.title = programme.name or self.app.title
        self.refresh_members()
        self.query_one("#members", OptionList).focus()

    def refresh_members(self, keep_id: int | None = None) -> None:
        option_list = self.query_one("#members", OptionList)
        members = self.app.attempt(list_members, self.app.store, self.programme_id)
        if members is REFUSED:
            return
        self.members = members
        old_index = option_list.highlighted
        option_list.clear_options()
        option_list.add_options(Option(member_line(m), id=str(m.id)) for m in self.members)
        ids = [member.id for member in self.members]
        if ids:
            option_list.highlighted = (
                ids.index(keep_id) if keep_id in ids else min(old_index or 0, len(ids) - 1)
            )
        else:
            # Said inside the list, which keeps focus, so n and x stay commands.
            option_list.add_option(
                Option(
                    Text("No members yet: press n to add the first.", style="italic"), disabled=True
                )
            )
        self.query_one("#member-detail").display = bool(ids)
        quorum = self.app.attempt(get_quorum, self.app.store, self.programme_id)
        rule = "" if quorum is REFUSED else f"quorum {quorum.describe()} · " if quorum else ""
        self.query_one("#members-hint", Static).update(
            f"{len(ids)} member{'s' if len(ids) != 1 else ''} · {rule}"
            "n adds · x archives · i interests · e e-mail · u quorum"
        )

    def highlighted_member(self) -> MemberView | None:
        index = self.query_one("#members", OptionList).highlighted
        if index is None or not 0 <= index < len(self.members):
            return None
        return self.members[index]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # The list cuts long lines; the highlighted member is shown in full underneath.
        event.stop()
        if (member := self.highlighted_member()) is not None:
            kind = f"{member.organisation_kind} organisation"
            details = " · ".join(
                part for part in (member.organisation, kind, member.role, member.email) if part
            )
            self.query_one("#member-detail", Static).update(Text(f"{member.name}\n{details}"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # Enter has nothing to do on a member; n and x act.

    def action_new_member(self) -> None:
        def added(member: MemberView | None) -> None:
            if member is not None:
                self.refresh_members(keep_id=member.id)
                self.app.say(f"Added {member.label}.")

        self.app.push_screen(MemberFormScreen(self.programme_id), added)

    def action_interests(self) -> None:
        from facilitator.screens.interests import InterestsScreen

        member = self.highlighted_member()
        if member is None:
            self.app.say("There is no member to keep interests for.", severity="warning")
            return
        self.app.push_screen(InterestsScreen(member))

    def action_email(self) -> None:
        member = self.highlighted_member()
        if member is None:
            self.app.say("There is no member to give an e-mail address.", severity="warning")
            return

        def saved(changed: MemberView | None) -> None:
            if changed is None:
                return
            self.refresh_members(keep_id=changed.id)
            if changed.email:
                self.app.say(f"Reminders for {changed.name} are addressed to {changed.email}.")
            else:
                self.app.say(f"{changed.name} has no e-mail address now.")

        self.app.push_screen(MemberEmailScreen(member), saved)

    def action_quorum(self) -> None:
        from facilitator.screens.quorum import QuorumScreen

        quorum = self.app.attempt(get_quorum, self.app.store, self.programme_id)
        if quorum is REFUSED:
            return

        def chosen(new: Quorum | bool | None) -> None:
            if new is False:
                return
            self.refresh_members()
            if isinstance(new, Quorum):
                self.app.say(f"The quorum is now {new.describe()}.")
            else:
                self.app.say("No quorum is set: the minutes will not say whether it was met.")

        self.app.push_screen(QuorumScreen(self.programme_id, quorum), chosen)

    def action_archive(self) -> None:
        member = self.highlighted_member()
        if member is None:
            self.app.say("There is no member to archive.", severity="warning")
            return
        from facilitator.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            archived = self.app.attempt(
                archive_member, self.app.store, member.id, now=self.app.now()
            )
            if archived is REFUSED:
                return
            self.refresh_members()
            self.app.say(f"Archived {member.name}: off the lists, still in past minutes.")

        self.app.push_screen(
            ConfirmScreen(
                f"Archive {member.name}?",
                "They leave the member lists; minutes of past sessions keep their name.",
            ),
            answered,
        )

    def action_back(self) -> None:
        self.app.pop_screen()


class MemberFormScreen(DialogScreen[MemberView | None]):
    app = getters.app(FacilitatorApp)
    CSS_PATH = ["dialog.tcss", "members.tcss"]
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, programme_id: int):
        super().__init__()
        self.programme_id = programme_id

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="member-form"):
            yield Label("New member", classes="heading")
            with Grid(id="member-fields"):
                yield Label("Name")
                yield Input(placeholder="e.g. Dr Asha Patel", id="name")
                yield Label("Organisation")
                yield Input(placeholder="e.g. Harbour Surgery", id="organisation")
                yield Label("Kind")
                yield Select(
                    [(kind.capitalize(), kind) for kind in OrganisationKind],
                    value="other",
                    allow_blank=False,
                    id="kind",
                )
                yield Label("Role")
                yield Input(placeholder="e.g. GP partner", id="role")
            yield ErrorLine()
            yield Static("Enter adds · Tab moves · Esc cancels", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        # What was typed stays in the fields; a refusal only adds its reason.
        member = self.query_one(ErrorLine).attempt(
            add_member,
            self.app.store,
            self.programme_id,
            self.query_one("#name", Input).value,
            self.query_one("#organisation", Input).value,
            str(self.query_one("#kind", Select).value),
            self.query_one("#role", Input).value,
        )
        if member is not REFUSED:
            self.dismiss(member)

    def action_cancel(self) -> None:
        self.dismiss(None)


class MemberEmailScreen(DialogScreen[MemberView | None]):
    """A member's e-mail address: the action reminders are addressed to it; blank for none."""

    app = getters.app(FacilitatorApp)
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, member: MemberView):
        super().__init__()
        self.member = member

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="member-email"):
            yield Label(Text(f"E-mail address of {self.member.name}"), classes="heading")
            yield Input(self.member.email, placeholder="e.g. asha.patel@nhs.net", id="email")
            yield ErrorLine()
            yield Static("Enter saves (blank for none) · Esc cancels", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#email", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        member = self.query_one(ErrorLine).attempt(
            set_member_email, self.app.store, self.member.id, event.value
        )
        if member is not REFUSED:
            self.dismiss(member)

    def action_cancel(self) -> None:
        self.dismiss(None)
