"""The session screen's keys, with the words the Footer and the command palette give them.

Priority keys: the note line keeps focus, and these must still work from it.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

SESSION_KEYS: list[BindingType] = [
    # Short descriptions: all of them must fit the Footer of an 80-column terminal.
    Binding(
        "ctrl+t",
        "toggle_clock",
        "Start/pause",
        id="session.toggle_clock",
        priority=True,
        tooltip="Start, pause or resume the clock",
    ),
    Binding(
        "ctrl+n",
        "next_item",
        "Next",
        id="session.next_item",
        priority=True,
        tooltip="Go to the next agenda item",
    ),
    Binding(
        "ctrl+b",
        "previous_item",
        "Back",
        id="session.previous_item",
        priority=True,
        tooltip="Go back to the previous agenda item",
    ),
    Binding(
        "ctrl+r",
        "toggle_kind",
        "Deal/rel",
        id="session.toggle_kind",
        priority=True,
        tooltip="Switch the next notes between deal and relationship",
    ),
    Binding(
        "ctrl+f",
        "dialog('finish')",
        "Finish",
        id="session.finish",
        priority=True,
        tooltip="Finish the session and write the minutes",
    ),
    # Pacing keys: in the command palette and README; the Footer has no room for them.
    Binding(
        "ctrl+up",
        "extend(60)",
        "+1 min",
        id="session.extend_1",
        priority=True,
        show=False,
        tooltip="Give the current item 1 more minute",
    ),
    Binding(
        "ctrl+g",
        "extend(300)",
        "+5 min",
        id="session.extend_5",
        priority=True,
        show=False,
        tooltip="Give the current item 5 more minutes",
    ),
    Binding(
        "ctrl+down",
        "extend(-60)",
        "-1 min",
        id="session.shorten_1",
        priority=True,
        show=False,
        tooltip="Take 1 minute from the current item",
    ),
    Binding(
        "ctrl+o",
        "dialog('outline')",
        "Agenda",
        id="session.outline",
        priority=True,
        show=False,
        tooltip="Show the agenda outline and jump to any item",
    ),
    Binding(
        "ctrl+l",
        "dialog('rebalance')",
        "Rebalance",
        id="session.rebalance",
        priority=True,
        show=False,
        tooltip="Rebalance the items left to finish at the planned time",
    ),
    Binding(
        "f5",
        "dialog('projector')",
        "Projector",
        id="session.projector",
        priority=True,
        show=False,
        tooltip="Show the projector view: item and countdown, large",
    ),
    Binding(
        "ctrl+s",
        "skip",
        "Skip",
        id="session.skip",
        priority=True,
        show=False,
        tooltip="Skip the current item (marked skipped, not done)",
    ),
    Binding(
        "ctrl+y",
        "dialog('speaker')",
        "Speaker",
        id="session.speaker",
        priority=True,
        show=False,
        tooltip="Choose who is speaking: the next notes are theirs",
    ),
    Binding(
        "ctrl+z",
        "undo",
        "Undo",
        id="session.undo",
        priority=True,
        show=False,
        tooltip="Undo the last vote, rating, role mark, review or answer, bring back a "
        "deleted note, or put a note's confidential mark back as it was",
    ),
    Binding(
        "f2",
        "dialog('attendance')",
        "Attendance",
        id="session.attendance",
        priority=True,
        show=False,
        tooltip="Who is present, apologies, and declarations of interest",
    ),
    Binding(
        "f3",
        "dialog('search')",
        "Search",
        id="session.search",
        priority=True,
        show=False,
        tooltip="Search every note of this programme",
    ),
    Binding(
        "f4",
        "dialog('actions_so_far')",
        "Actions so far",
        id="session.actions_so_far",
        priority=True,
        show=False,
        tooltip="Read back the actions raised so far, with their owners and due dates",
    ),
    # The room: in the command palette, F1 and README; the Footer has no room for them.
    Binding(
        "f8",
        "toggle_room",
        "Room",
        id="session.room",
        priority=True,
        show=False,
        tooltip="Open the room to phones on the local network (the projector shows how to "
        "join), or close it: every phone's access ends",
    ),
    Binding(
        "f9",
        "dialog('phones')",
        "Phones",
        id="session.phones",
        priority=True,
        show=False,
        tooltip="Who has joined the room from their phones, never what they answered; "
        "turn a phone out",
    ),
    Binding(
        "f12",
        "reveal",
        "Reveal",
        id="session.reveal",
        priority=True,
        show=False,
        tooltip="While phones answer, show the room this item's results so far on the "
        "projector and the mirror, or hide them again",
    ),
    Binding(
        "f11",
        "dialog('questions')",
        "Questions",
        id="session.questions",
        priority=True,
        show=False,
        tooltip="The questions and comments phones sent: make one a note, or set it aside",
    ),
    Binding(
        "ctrl+e",
        "dialog('proposal')",
        "Proposal",
        id="session.proposal",
        priority=True,
        show=False,
        tooltip="Put a proposal to the room for a fist of five; again, its spread, to close "
        "it: carried, not carried or deferred",
    ),
    Binding(
        "f10",
        "leave",
        "Leave",
        id="session.leave",
        priority=True,
        show=False,
        tooltip="Pause the clock and go back; the session waits to be resumed",
    ),
    # Tab lends the activity panel the keyboard for one key, then goes on to the note list;
    # never through the prompt's scroll box.
    Binding(
        "tab,shift+tab",
        "switch_focus",
        "Activity/notes",
        id="session.switch_focus",
        show=False,
        tooltip="One activity key (a vote, a rating, a mark), then the list of notes "
        "(to edit or delete), then back to typing",
    ),
    # Not priorities: the note line has no use for them, the lists have their own.
    Binding(
        "up",
        "move_panel(-1)",
        "Choose",
        id="session.panel_up",
        show=False,
        tooltip="Move the activity's highlight up, while typing",
    ),
    Binding(
        "down",
        "move_panel(1)",
        "Choose",
        id="session.panel_down",
        show=False,
        tooltip="Move the activity's highlight down, while typing",
    ),
    # Not a priority: Escape belongs to whatever has focus first (the note list's own).
    Binding("escape", "cancel_edit", "Cancel edit", id="session.cancel_edit", show=False),
]
