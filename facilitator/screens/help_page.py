"""The F1 page, written from the keys themselves and from the note syntax.

Every key row comes from a binding: its keys, and its tooltip (or, where the
binding says too little, the words below). The words around the tables say what
each part of the screen is for and leave the keys to the rows. A key of the
session the page does not place yet still shows, under "More keys in the
session", until it is given its place here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from textual.binding import Binding
from textual.keys import format_key
from textual.widget import Widget

from sessions.note_syntax import DATE_HELP, DATE_MEANINGS, PREFIXES
from sessions.vocabulary import NoteKind

KEY_NAMES = {
    "escape": "Esc",
    "enter": "Enter",
    "backspace": "Backspace",
    "delete": "Delete",
    "up": "↑",
    "down": "↓",
}

# Words for the keys whose binding says too little (a digit, "Previous"); by binding id,
# or by action name for the keys of one action that have no id (the digits).
WORDS = {
    "vote": "Add that many votes to the highlighted option at once: a show of hands, counted",
    "rate": "Add that rating to the highlighted statement",
    "move": "Move through the notes",
    "session.cancel_edit": "Stop editing a note and leave it as it was",
    "notes.leave": "Back to the note line",
    "roles.previous": "Go back to the person before",
    "scorecard.previous_rater": "Go back to the person before",
    "projector.close": "Back to the session",
    "projector.toggle_clock": "Start, pause or resume the clock",
    "projector.next_item": "Go to the next agenda item",
    "projector.previous_item": "Go back to the previous agenda item",
    "attendance.present": "The highlighted person is present",
    "attendance.apologies": "The highlighted person sent apologies",
    "attendance.absent": "The highlighted person is absent",
    "attendance.declare": "Record an interest the highlighted person declares",
    "attendance.close": "Back to the session",
    "finish.home": "Back to the home screen",
    "room_phones.close": "Back to the session",
    "app.quit": "Quit: a running session pauses and waits to be resumed",
    "help.close": "Close this page",
}

ACTION_EXAMPLE = "a: send the draft @Dr Patel fri"
# What the prefix table says of a note kind, after its name.
KIND_WORDS: dict[str, str] = {
    NoteKind.ACTION: f": `{ACTION_EXAMPLE}`",
    NoteKind.DEAL: ": one note of this kind, whatever the badge says",
    NoteKind.RELATIONSHIP: ": one note of this kind, whatever the badge says",
}


def key_text(key: str) -> str:
    """A key as the page writes it: `ctrl+t`, `F2`, `Esc`, `]`, `space`."""
    key = key.strip()
    if key in KEY_NAMES:
        return KEY_NAMES[key]
    if re.fullmatch(r"f\d{1,2}", key):
        return key.upper()
    if "+" in key:  # with a modifier: ctrl+t, shift+tab
        return key
    return format_key(key)


def own_bindings(owner: type) -> list[Binding]:
    """The bindings a class declares itself (not those of the Textual widget beneath it)."""
    return [b for b in vars(owner).get("BINDINGS", ()) if isinstance(b, Binding)]


def _action_name(action: str) -> str:
    return action.split("(", 1)[0]


def _keys_shown(keys: list[str]) -> str:
    """`1 / 2 / 3 / 4 / 5` is written `1–5`."""
    if len(keys) > 2 and all(k.isdigit() and len(k) == 1 for k in keys):
        numbers = [int(k) for k in keys]
        if numbers == list(range(numbers[0], numbers[-1] + 1)):
            return f"{keys[0]}–{keys[-1]}"
    shown: list[str] = []
    for key in keys:
        if key not in shown:
            shown.append(key)
    return " / ".join(shown)


def words_for(binding: Binding) -> str:
    return (
        binding.tooltip
        or WORDS.get(binding.id or "")
        or WORDS.get(_action_name(binding.action))
        or binding.description
    )


def key_table(bindings: Iterable[Binding]) -> str:
    """One row a binding; the keys of one action without an id (the digits) share a row."""
    rows: list[tuple[list[str], str]] = []
    families: dict[str, list[str]] = {}
    for binding in bindings:
        keys = [key_text(k) for k in binding.key.split(",")]
        family = "" if binding.id else _action_name(binding.action)
        if family in families:
            families[family].extend(keys)
            continue
        rows.append((keys, words_for(binding)))
        if family:
            families[family] = keys
    if not rows:
        return ""
    lines = ["| key | does |", "|---|---|"]
    lines += [f"| {_keys_shown(keys)} | {words} |" for keys, words in rows]
    return "\n".join(lines)


def prefix_table() -> str:
    """Every prefix the note line reads, the short one first, by the kind it gives."""
    by_kind: dict[str, list[str]] = {}
    for prefix, kind in PREFIXES.items():
        by_kind.setdefault(str(kind), []).append(prefix)
    lines = ["| prefix | note |", "|---|---|"]
    for kind_name, prefixes in by_kind.items():
        short, *longer = sorted(prefixes, key=len)
        also = f" (or {' or '.join(f'`{p}:`' for p in longer)})" if longer else ""
        lines.append(f"| `{short}:` | {kind_name}{KIND_WORDS.get(kind_name, '')}{also} |")
    return "\n".join(lines)


@dataclass(frozen=True)
class Part:
    """A heading, what it is for, and its keys."""

    title: str
    words: str = ""
    keys: Sequence[Binding] = ()
    level: int = 1

    def markdown(self) -> str:
        text = [f"{'#' * self.level} {self.title}"]
        text += [block for block in (self.words.strip(), key_table(self.keys)) if block]
        return "\n\n".join(text)


def _parts() -> list[Part]:
    from facilitator.app import FacilitatorApp
    from facilitator.screens.actions import ActionsScreen
    from facilitator.screens.attendance import AttendanceScreen
    from facilitator.screens.dashboard import DashboardScreen
    from facilitator.screens.document_review import DocumentReviewScreen
    from facilitator.screens.finish import FinishScreen
    from facilitator.screens.help import HelpScreen
    from facilitator.screens.home import WAITING_SHOWN, HomeScreen
    from facilitator.screens.projector import ProjectorScreen
    from facilitator.screens.room_phones import RoomPhonesScreen
    from facilitator.screens.room_questions import RoomQuestionsScreen
    from facilitator.screens.session import SessionScreen
    from facilitator.widgets.action_review import ActionReview
    from facilitator.widgets.activity_panel import ActivityPanel
    from facilitator.widgets.checklist_panel import ChecklistPanel
    from facilitator.widgets.editable_note_list import EditableNoteList
    from facilitator.widgets.identifier_review import IdentifierReview
    from facilitator.widgets.minutes_approval_panel import MinutesApprovalPanel
    from facilitator.widgets.rag_panel import RagPanel
    from facilitator.widgets.reflection_panel import ReflectionPanel
    from facilitator.widgets.roles_panel import RolesPanel
    from facilitator.widgets.scorecard_panel import ScorecardPanel

    # The session's keys by id, wherever they are declared: the screen or a widget in it.
    session = {
        b.id: b
        for owner in (SessionScreen, *_subclasses(Widget))
        if owner.__module__.startswith("facilitator.")
        for b in own_bindings(owner)
        if b.id
    }
    placed: set[str | None] = set()

    def keys(*ids: str) -> list[Binding]:
        placed.update(ids)
        return [session[i] for i in ids if i in session]

    def first_key(binding_id: str) -> str:
        binding = session.get(binding_id)
        return key_text(binding.key.split(",")[0]) if binding else binding_id

    tab = first_key("session.switch_focus")
    parts = [
        Part(
            "Taking notes",
            f"""
Type a note and press **Enter**: it is saved at once. The badge beside the note line shows
the kind of the next note, **DEAL** (what we achieve together) or **RELATIONSHIP** (how we
work together); **{first_key("session.toggle_kind")}** switches it. Start a note with a
prefix for anything else:

{prefix_table()}

An action's owner follows `@` and is one of the programme's members: `@siob` finds Siobhán
O'Neill, whatever the case or accents, and the note line offers the rest of the name (**→**
takes it). A name that finds several members, or none, is asked about before saving. Its due
date comes last, after `due` or `by` if you like: {DATE_HELP}. In a date, {DATE_MEANINGS}.
A date that can't be read is refused and the text stays in the note line.
""",
            keys(
                "session.toggle_kind",
                "session.switch_focus",
                "session.undo",
                "session.cancel_edit",
                "session.search",
            ),
        ),
        Part(
            "In the list of notes",
            f"**{tab}** from the note line goes to the notes; at an activity item, a second"
            f" **{tab}** (the first lends the activity one key). A note marked confidential"
            " says so in the list; the public minutes and the projector leave it out.",
            own_bindings(EditableNoteList),
            level=2,
        ),
        Part(
            "The clock and pacing",
            "Each item has its planned minutes; the countdown shows what is left, and the bell"
            " rings once when it reaches zero. The line at the bottom says when the session will"
            " finish at this pace.",
            keys(
                "session.toggle_clock",
                "session.next_item",
                "session.previous_item",
                "session.extend_1",
                "session.extend_5",
                "session.shorten_1",
                "session.skip",
                "session.outline",
                "session.rebalance",
                "session.projector",
            ),
        ),
        Part(
            "The projector view",
            "The room sees the item, its countdown and the latest notes, large. You keep the"
            " clock keys and a note line: type and press Enter as in the session. Private answers"
            " are never drawn while the room can see a screen (this view, or a mirror). Nor is"
            " what was taken in private: a confidential note, or the prompt and notes of an item"
            ' taken in private ("Taken in private" shows instead), unless you show them here.',
            own_bindings(ProjectorScreen),
            level=2,
        ),
        Part(
            "Activities",
            f"An item of a special kind shows its own list in place of the prompt. What you type"
            f" always goes to the note line, at every item: a sentence is never read as votes."
            f" **{first_key('session.panel_up')}** and **{first_key('session.panel_down')}**"
            f" choose a row of the list while you type. To act on it, press **{tab}**: the list"
            f" is framed and the status line says it holds the keyboard for **one** key; that"
            f" key acts (a vote, a rating, a mark, a review) and you are back in the note line."
            f" Esc goes back without acting, and any key the list does not use is typed into"
            f" the note line. **{first_key('session.undo')}** takes back the last change, however"
            f' it was made: a review goes back to "to review".',
            keys("session.panel_up", "session.panel_down"),
        ),
    ]
    activities = {
        MinutesApprovalPanel: Part(
            "Minutes of the last meeting",
            "From the second session on, the first item lists the earlier sessions' minutes,"
            " latest first. The room approves a draft as a true record, or amends it first;"
            " each amendment is kept with who proposed it. Approved minutes are locked: a"
            " mistake found later is kept as an erratum beside them.",
            own_bindings(MinutesApprovalPanel),
            level=2,
        ),
        ActionReview: Part(
            "Matters arising",
            "From the second session on, the next item lists every action still open from"
            " earlier sessions: settle each one. A second key changes the outcome.",
            own_bindings(ActionReview),
            level=2,
        ),
        ScorecardPanel: Part(
            "Scorecards",
            "A scorecard item lists its statements by area. Rate as the room calls the ratings"
            " out, or go round the people present and let each rate down the list. The room"
            " sees each statement's mean on the projector.",
            own_bindings(ScorecardPanel),
            level=2,
        ),
        ChecklistPanel: Part(
            "Checklists",
            "A checklist item lists its options with the room's votes as bars. The projector"
            " shows the options most votes first.",
            own_bindings(ChecklistPanel),
            level=2,
        ),
        RolesPanel: Part(
            "Team roles",
            "A team roles item lists the nine roles. One person at a time marks the roles they"
            " most often play; the room sees which roles the team covers and which it lacks.",
            own_bindings(RolesPanel),
            level=2,
        ),
        RagPanel: Part(
            "RAG ratings",
            "A RAG item lists the areas to assess. Rate each red, amber or green as the room"
            " agrees, changing it as the room changes its mind, and give it an owner and a next"
            " step, which becomes an action. The projector shows the table, ratings in words.",
            own_bindings(RagPanel),
            level=2,
        ),
        ReflectionPanel: Part(
            "Reflections",
            "A reflection item lists who has answered its question. Each answer is typed in"
            " private and never shown on the projector; its words stay hidden on your screen"
            " unless you show them.",
            own_bindings(ReflectionPanel),
            level=2,
        ),
    }
    parts += activities.values()
    parts.append(
        Part(
            "Breaks",
            "A break shows the time to be back in large digits, on your screen and the"
            " projector's.",
            level=2,
        )
    )
    parts += [
        Part(
            "People",
            "Notes can say who said them: choose the speaker before, or attribute a note from"
            f" the list of notes after ({tab}, then the key for who said it).",
            keys("session.speaker", "session.attendance"),
        ),
        Part(
            "Attendance",
            "Who is in the room for this session, and the interests they declare.",
            own_bindings(AttendanceScreen),
            level=2,
        ),
        Part(
            "The room's phones",
            "Opening the room lets the meeting answer from their own phones, on this"
            " computer's local network, port 8080. The projector view shows the address,"
            " the join code and, where it fits, a QR code of the address; a line at the foot"
            " of the session says how many phones are in. It is plain HTTP: anyone on the"
            " network who has the code can join. Closing the room, finishing the session or"
            " quitting ends every phone's access. You see who has joined, and who has answered"
            " the item, never what they answered. While the room is open, the projector and"
            " the mirror show how many have answered in place of the item's results until you"
            " reveal them; your own screen shows the results all the time.",
            [
                *keys("session.room", "session.phones", "session.reveal", "session.proposal"),
                *own_bindings(RoomPhonesScreen),
            ],
        ),
        Part(
            "Questions from the room",
            "A phone can send a question or comment at any item, by name or, where the room"
            " lets phones join anonymously, without one. The room's line counts those waiting."
            " Making one a note saves it as a question note of the item it was sent at, as if"
            " typed; setting it aside keeps it, with no note.",
            [*keys("session.questions"), *own_bindings(RoomQuestionsScreen)],
            level=2,
        ),
        Part(
            "Reading back the actions",
            "Before the session closes, read back the actions raised so far: each with its"
            " owner, its due date and the item that raised it, and how many still need an"
            " owner or a date.",
            keys("session.actions_so_far"),
        ),
        Part(
            "Finishing",
            "Finishing writes the Markdown minutes at once and opens the minutes screen. Leaving"
            " instead keeps the session for later: it waits on the home screen to be resumed.",
            keys("session.finish", "session.leave"),
        ),
        Part(
            "The minutes screen",
            "Each format is written beside the Markdown, in the minutes folder. Enter on a"
            " finished session in a programme's dashboard opens the same screen. Where something"
            " was taken in private, each format is written twice: the full minutes for members"
            " (`-full`) and the public ones without it (`-public`). Minutes that hold what looks"
            " like patient details are written once each finding is redacted, kept or edited"
            " out.",
            [*own_bindings(FinishScreen), *own_bindings(IdentifierReview)],
            level=2,
        ),
        Part(
            "Papers before a session",
            "A programme's dashboard writes the papers for the highlighted session still to meet"
            " (else the next), to send"
            " members before it meets: its date, time and place, the agenda with timings and"
            " prompts, the last meeting's draft minutes for approval, the open actions by owner"
            " and the register of interests. They go in the minutes folder, in all three"
            " formats. Papers that hold what looks like patient details open a screen that lists"
            " each finding, as the minutes screen does: they are written once each is redacted,"
            " kept or edited out, and Esc leaves them unwritten."
            " A session still to meet can be given its day, start, end and place, or be called"
            " off (it stays in the record), and its calendar invitation written: re-planning"
            " raises the invitation's sequence, so calendars update it rather than add a second.",
            [
                b
                for b in own_bindings(DashboardScreen)
                if b.id in ("dashboard.pack", "dashboard.plan_session", "dashboard.invite")
            ],
            level=2,
        ),
        Part(
            "Reminders between meetings",
            "The programme's actions screen writes a reminder for each owner with an open"
            " action, or only for the owner the list is filtered to: Markdown, a web page and an"
            " e-mail to open in your mail client and send, in a folder beside the minutes. Actions"
            " raised in private or in confidence are left out. Reminders that hold what looks"
            " like patient details are reviewed as the papers are.",
            [
                *(b for b in own_bindings(ActionsScreen) if b.id == "actions.reminders"),
                *own_bindings(DocumentReviewScreen),
            ],
            level=2,
        ),
        Part(
            "Finding a programme",
            "On the home screen, a programme is found by any part of its name or its PCN's,"
            " without regard to case or accents; the arrows move through those found and Enter"
            " opens the highlighted one's dashboard. The home screen lists the first"
            f" {WAITING_SHOWN} sessions waiting to be started or resumed, and says how many"
            " more wait: finding a programme lists all of its own.",
            [b for b in own_bindings(HomeScreen) if b.id in ("home.find", "home.stop_finding")],
        ),
        Part(
            "Anywhere",
            keys=[
                *own_bindings(FacilitatorApp),
                Binding(
                    FacilitatorApp.COMMAND_PALETTE_BINDING,
                    "command_palette",
                    "Commands",
                    tooltip="Every command by name, the keys of this screen among them",
                ),
                *own_bindings(HelpScreen),
            ],
        ),
    ]
    # Keys no part above has taken still show, so the page never leaves one out.
    unplaced = [b for b in own_bindings(SessionScreen) if b.id not in placed]
    for panel in _subclasses(ActivityPanel):
        if panel not in activities:
            unplaced += own_bindings(panel)
    if unplaced:
        parts.append(Part("More keys in the session", keys=unplaced))
    return parts


def _subclasses(cls: type) -> list[type]:
    direct: list[type] = cls.__subclasses__()
    return [found for sub in direct for found in (sub, *_subclasses(sub))]


@cache
def help_markdown() -> str:
    """The whole F1 page, in Markdown."""
    return "\n\n".join(part.markdown() for part in _parts()) + "\n"
