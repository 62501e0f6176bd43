"""F1: how to capture what the room says, and the keys, in one page the facilitator can skim."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from sessions.note_syntax import DATE_HELP

HELP = f"""\
# Capturing notes

Type a note and press **Enter**: it is saved at once. The badge beside the note line shows the
kind of the next note, **DEAL** (what we achieve together) or **RELATIONSHIP** (how we work
together); **ctrl+r** switches it. Start a note with a prefix for anything else:

| prefix | kind |
|---|---|
| `d:` | decision |
| `a:` | action: `a: send the draft @Dr Patel fri` |
| `r:` | risk |
| `q:` | question |
| `deal:` / `rel:` | one note of the other kind |

An action's owner follows `@`; its due date comes last: {DATE_HELP}. A date that can't be read
is refused and the text stays in the note line.

# Keys in the session

| key | does |
|---|---|
| ctrl+t | start, pause or resume the clock |
| ctrl+n / ctrl+b | next / previous item |
| ctrl+up / ctrl+g / ctrl+down | +1 min / +5 min / -1 min for this item |
| ctrl+s | skip the item |
| ctrl+o | the agenda outline; Enter jumps |
| ctrl+l | rebalance the rest to finish on time |
| tab | the note list: Enter edits, Delete deletes, a attributes, Esc returns |
| ctrl+z | bring back the note deleted last |
| ctrl+y | who is speaking: their name goes on the next notes |
| F2 | attendance and declarations of interest |
| F3 | search every note of the programme |
| F5 | the projector view |
| F10 | leave for now: the clock pauses, resume it later |
| ctrl+f | finish and write the minutes |
| ctrl+p | every command by name |

# Matters arising

From the second session on, the first item lists every action still open from earlier sessions.
The list has the cursor when the item comes up: **d** done, **k** keep it open (with a new due
date), **x** drop it. A second key changes the outcome. **tab** goes on to the notes and the
note line.

# Scorecards

A scorecard item lists its statements by area. Each digit **1**–**5** adds one rating to the
highlighted statement (type one a person as the room calls them out); **backspace** takes the
last one back. The room sees each statement's mean on the projector.

# Checklists and breaks

A checklist item lists its options with the room's votes as bars: **space** adds one vote to the
highlighted option, a digit **1**–**9** adds that many at once (a show of hands, counted),
**backspace** takes the last entry back. **n** puts the option in the note line as a note, **a**
as an action for you to give an owner and date. The projector shows the options most votes first.

A break shows the time to be back in large digits, on your screen and the projector's.

# Minutes

Finishing writes the Markdown minutes at once. On the minutes screen, **b** writes them as a web
page (HTML, prints on A4) and **w** as a Word document, beside the Markdown; **m** writes the
Markdown again. Enter on a finished session in a programme's dashboard opens the same screen.
"""


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("escape,f1,q", "close", "Close", id="help.close")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help"), VerticalScroll():
            yield Markdown(HELP)

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
