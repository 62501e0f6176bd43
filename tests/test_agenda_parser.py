"""The agenda parser: valid files in every shape, and every malformed file says where and how."""

from __future__ import annotations

from pathlib import Path

import pytest

from sessions.agenda.files import load_agenda, parse_agenda_bytes
from sessions.agenda.library import bundled_agendas_dir
from sessions.agenda.model import AgendaError, AgendaProblem, ScorecardArea
from sessions.agenda.parser import parse_agenda
from sessions.vocabulary import AGENDA_KINDS

ALL_KINDS = """\
# Session 1: getting the set-up right

Notes for the facilitator, in **Markdown**.

## Welcome

### Introductions (10 min)
Say who you are.

## Step 1: Set-up right — vision and partners

### What can we only do together? (20 min, discussion)
Prompt text.
- a bullet that stays in the prompt

### Barriers we recognise (15 min, checklist)
Tick the ones you see.
- Working together feels slower
- We do not know who to collaborate with

### Network health check (1 h, scorecard)
- We share a clear, agreed purpose
- Members get value from the network

## Step 2: Trusted people

### Team roles (15 min, roles)
Which roles do we bring?

### Tea (1 h 30 min, break)

### What will I do differently? (5 min, reflection)
Just for you: one thing you will change.

### Our foundations (10 min, rag)
Where do we stand?
- Trust
- Contracts and agreements
"""


def problems_of(text: str) -> list[AgendaProblem]:
    """Every problem in `text`, read as a file's bytes would be (so empty files count too)."""
    with pytest.raises(AgendaError) as caught:
        parse_agenda_bytes(text.encode("utf-8"), "agenda.md")
    return caught.value.problems


def test_a_valid_agenda_with_every_kind() -> None:
    agenda = parse_agenda(ALL_KINDS, "a.md")
    assert agenda.title == "Session 1: getting the set-up right"
    assert agenda.notes == "Notes for the facilitator, in **Markdown**."
    assert [(s.title, s.step, s.line) for s in agenda.sections] == [
        ("Welcome", None, 5),
        ("Step 1: Set-up right — vision and partners", 1, 10),
        ("Step 2: Trusted people", 2, 25),
    ]
    items = agenda.items
    assert [(i.title, i.kind, i.planned_seconds, i.line) for i in items] == [
        ("Introductions", "discussion", 600, 7),
        ("What can we only do together?", "discussion", 1200, 12),
        ("Barriers we recognise", "checklist", 900, 16),
        ("Network health check", "scorecard", 3600, 21),
        ("Team roles", "roles", 900, 27),
        ("Tea", "break", 5400, 30),
        ("What will I do differently?", "reflection", 300, 32),
        ("Our foundations", "rag", 600, 35),
    ]
    assert {i.kind for i in items} == set(AGENDA_KINDS)
    assert items[1].prompt == "Prompt text.\n- a bullet that stays in the prompt"
    assert items[2].options == (
        "Working together feels slower",
        "We do not know who to collaborate with",
    )
    assert items[2].prompt == "Tick the ones you see."  # the option list left the prompt
    # A flat scorecard list is one area with no name.
    assert items[3].areas == (
        ScorecardArea(
            "", ("We share a clear, agreed purpose", "Members get value from the network")
        ),
    )
    assert items[3].prompt == "" and items[3].options == ()
    assert items[4].prompt == "Which roles do we bring?"
    assert items[6].prompt == "Just for you: one thing you will change."
    # A RAG item's areas are a flat list, as a checklist's options; they leave the prompt.
    assert items[7].rag_areas == ("Trust", "Contracts and agreements")
    assert items[7].prompt == "Where do we stand?" and items[7].options == ()
    assert agenda.steps == [1, 2]
    assert agenda.planned_seconds == 600 + 1200 + 900 + 3600 + 900 + 5400 + 300 + 600
    assert agenda.source == "a.md" and agenda.text == ALL_KINDS
    assert parse_agenda(ALL_KINDS, "/tmp/x.md", source="bundled:x").source == "bundled:x"


def test_scorecard_grouped_by_named_areas() -> None:
    text = """\
# T
## S
### Health check (20 min, scorecard)
Score each one.
- Purpose
  - We share a clear, agreed purpose
  - We know why we exist
- Value
  - Members get value from the network

Then we compare.
"""
    item = parse_agenda(text).items[0]
    assert item.areas == (
        ScorecardArea("Purpose", ("We share a clear, agreed purpose", "We know why we exist")),
        ScorecardArea("Value", ("Members get value from the network",)),
    )
    # The statements leave the prompt; text either side stays as separate paragraphs.
    assert item.prompt == "Score each one.\n\nThen we compare."


def test_checklist_takes_only_the_first_list_as_plain_text_options() -> None:
    text = """\
# T
## S
### Barriers (10 min, checklist)
1. **Slow** to agree
2. Who do we `ask`?
3. [Not invented here](https://example.org)

- this second list stays in the prompt
"""
    item = parse_agenda(text).items[0]
    assert item.options == ("Slow to agree", "Who do we ask?", "Not invented here")
    assert item.prompt == "- this second list stays in the prompt"


def test_steps_only_from_step_n_colon_headings() -> None:
    text = "# T\n## Step 3: Roles\n### A (5 min)\n## step 4：Tech\n### B (5 min)\n## Steps we take\n### C (5 min)\n## Close\n### D (5 min)\n"
    steps = [(s.title, s.step) for s in parse_agenda(text).sections]
    assert steps == [
        ("Step 3: Roles", 3),
        ("step 4：Tech", 4),
        ("Steps we take", None),
        ("Close", None),
    ]


def test_prompt_keeps_its_markdown_source() -> None:
    text = """\
# T
## S
### Purpose (15 min)

We start with **purpose**, the deal at the heart of the network.

#### Ask the room
- Which problems do we share?
  - and which can none of us solve alone?

> ### A quote, not an item
> — a member

```text
  indented   code   stays   as   written
```


### Next (5 min)
"""
    agenda = parse_agenda(text)
    assert [i.title for i in agenda.items] == ["Purpose", "Next"]
    assert agenda.items[0].prompt == (
        "We start with **purpose**, the deal at the heart of the network.\n"
        "\n"
        "#### Ask the room\n"
        "- Which problems do we share?\n"
        "  - and which can none of us solve alone?\n"
        "\n"
        "> ### A quote, not an item\n"
        "> — a member\n"
        "\n"
        "```text\n"
        "  indented   code   stays   as   written\n"
        "```"
    )


def test_heading_markup_and_lenient_durations() -> None:
    text = """\
# The *PCN* agenda
## step 3: roles
### Who **decides**? (1h30)
### Money (15 mins, Checklist)
- a
- b
### Roles ( 45m ,ROLES )
### Lunch (1hr, break)
### Review (with the PCN board) (2 hours)
"""
    agenda = parse_agenda(text)
    assert agenda.title == "The PCN agenda"
    assert agenda.sections[0].step == 3
    assert [(i.title, i.planned_seconds, i.kind) for i in agenda.items] == [
        ("Who decides?", 5400, "discussion"),
        ("Money", 900, "checklist"),
        ("Roles", 2700, "roles"),
        ("Lunch", 3600, "break"),
        ("Review (with the PCN board)", 7200, "discussion"),
    ]
    assert agenda.planned_seconds == 5400 + 900 + 2700 + 3600 + 7200


def test_welsh_japanese_rtl_and_emoji_titles() -> None:
    text = """\
# Partneriaeth Gofal Sylfaenol — sesiwn 1 🤝
## Croeso a chyflwyniadau ŵŷ
### Pwy sydd yma? (10 min)
Dywedwch eich enw.
## Step 2: 信頼できる人々
### はじめに（15 min、checklist）
- 信頼
- 役割
## مرحبا بكم
### ברוכים הבאים ושאלות (5 min)
שלום
### 🎉 Celebrate wins 👩🏽‍⚕️ (5 min, reflection)
Ce qui a marché — كيف حالك؟
"""
    agenda = parse_agenda(text)
    assert agenda.title == "Partneriaeth Gofal Sylfaenol — sesiwn 1 🤝"
    assert [(s.title, s.step) for s in agenda.sections] == [
        ("Croeso a chyflwyniadau ŵŷ", None),
        ("Step 2: 信頼できる人々", 2),
        ("مرحبا بكم", None),
    ]
    assert [i.title for i in agenda.items] == [
        "Pwy sydd yma?",
        "はじめに",
        "ברוכים הבאים ושאלות",
        "🎉 Celebrate wins 👩🏽‍⚕️",
    ]
    assert agenda.items[1].options == ("信頼", "役割")
    assert agenda.items[3].prompt == "Ce qui a marché — كيف حالك؟"


def test_setext_title_and_its_notes() -> None:
    agenda = parse_agenda(
        "Our PCN session\n===============\n\nBring the data pack.\n\n## S\n\n### A (5 min)\n"
    )
    assert agenda.title == "Our PCN session"
    assert agenda.notes == "Bring the data pack."
    assert agenda.items[0].line == 8


def test_crlf_line_endings_parse_and_count_lines_the_same() -> None:
    agenda = parse_agenda(ALL_KINDS.replace("\n", "\r\n"))
    assert [i.line for i in agenda.items] == [i.line for i in parse_agenda(ALL_KINDS).items]
    assert all("\r" not in i.prompt for i in agenda.items) and "\r" not in agenda.notes
    assert agenda.items[2].options[0] == "Working together feels slower"
    [problem] = problems_of("# T\r\n\r\n## S\r\n\r\n### Broken (15 minz)\r\n")
    assert str(problem).startswith("agenda.md:5: ")


def test_html_comments_before_the_title_and_in_a_section_are_allowed() -> None:
    assert (
        parse_agenda("<!-- owner -->\n# T\n## S\n<!-- draft -->\n### A (5 min)\n").items[0].title
        == "A"
    )


# Each malformed agenda: the text, the one line at fault, words from the message and words
# from the fix, so the facilitator is told both what is wrong and what to write instead.
MALFORMED = {
    "empty file": ("", 1, "the file is empty", "`# Title`"),
    "whitespace only": ("  \n\n\t\n", 1, "the file is empty", "`# Title`"),
    "no title": ("## S\n### A (5 min)\n", 1, "no `#` title", "`# PCN partnership — session 1`"),
    "empty title": (
        "#\n## S\n### A (5 min)\n",
        1,
        "title is empty",
        "`# PCN partnership — session 1`",
    ),
    "second title": (
        "# T\n## S\n### A (5 min)\n# Again\n",
        4,
        "second `#` title",
        "make it a `##` section",
    ),
    "text before title": (
        "Hello\n\n# T\n## S\n### A (5 min)\n",
        1,
        "before the `#` title",
        "move it under the title",
    ),
    "title after sections": (
        "## S\n### A (5 min)\n# T\n",
        3,
        "title comes after",
        "top of the file",
    ),
    "item before section": (
        "# T\n### A (5 min)\n## S\n### B (5 min)\n",
        2,
        "not inside a `##` section",
        "`## Welcome`",
    ),
    "no duration": (
        "# T\n## S\n### Introductions\n",
        3,
        "'Introductions' has no duration",
        "`### Introductions (15 min)`",
    ),
    "kind only": (
        "# T\n## S\n### Barriers (checklist)\n- a\n- b\n",
        3,
        "no duration",
        "`### Barriers (15 min, checklist)`",
    ),
    "unparsable duration": (
        "# T\n## S\n### A (15 minz)\n",
        3,
        "'15 minz' is not a duration",
        "`1 h 30 min`",
    ),
    "duration in words": (
        "# T\n## S\n### A (ten min)\n",
        3,
        "'ten min' is not a duration",
        "`15 min`",
    ),
    "bare number": ("# T\n## S\n### A (15)\n", 3, "'15' has no unit", "`15 min` or `15 h`"),
    "zero duration": ("# T\n## S\n### A (0 min)\n", 3, "'A' lasts no time", "at least `1 min`"),
    "absurd duration": (
        "# T\n## S\n### A (9 h)\n",
        3,
        "9 h long, more than the 8 h limit",
        "`15 min`, not `15 h`",
    ),
    "unknown kind": (
        "# T\n## S\n### A (5 min, quiz)\n",
        3,
        "'quiz' is not a kind",
        ", ".join(AGENDA_KINDS),
    ),
    "kind first": (
        "# T\n## S\n### A (checklist, 5 min)\n- x\n- y\n",
        3,
        "kind before the duration",
        "`(5 min, checklist)`",
    ),
    "too much in brackets": (
        "# T\n## S\n### A (10 min, checklist, extra)\n",
        3,
        "too many parts",
        "`(15 min, checklist)`",
    ),
    "empty item title": (
        "# T\n## S\n### (10 min)\n",
        3,
        "no title, only a time",
        "`### Introductions (10 min)`",
    ),
    "step 5": ("# T\n## Step 5: Beyond\n### A (5 min)\n", 2, "no step 5", "`Step 1:` to `Step 4:`"),
    "step 0": ("# T\n## Step 0: Before\n### A (5 min)\n", 2, "no step 0", "`Step 1:` to `Step 4:`"),
    "step no colon": (
        "# T\n## Step 2 - Trust\n### A (5 min)\n",
        2,
        "colon is missing",
        "`## Step 2: …`",
    ),
    "step bare": ("# T\n\n## Step 2\n### A (5 min)\n", 3, "colon is missing", "`## Step 2: …`"),
    "section without items": (
        "# T\n## S\n### A (5 min)\n## Lonely\n",
        4,
        "'Lonely' has no `###` items",
        "`### Introductions (10 min)`",
    ),
    "item written as section": (
        "# T\n## Intro (10 min)\n## S\n### A (5 min)\n",
        2,
        "no `###` items",
        "`### Intro (10 min)`",
    ),
    "empty section title": (
        "# T\n##\n### A (5 min)\n",
        2,
        "section heading is empty",
        "`## Welcome`",
    ),
    "section preamble": (
        "# T\n## S\nSome words.\n### A (5 min)\n",
        3,
        "not shown anywhere",
        "into the item below",
    ),
    "#### as item": (
        "# T\n## S\n#### A (5 min)\n### B (5 min)\n",
        3,
        "not shown anywhere",
        "exactly three #",
    ),
    "checklist no list": (
        "# T\n## S\n### A (5 min, checklist)\nWords.\n",
        3,
        "has no options",
        "`- Nobody has time`",
    ),
    "checklist one option": (
        "# T\n## S\n### A (5 min, checklist)\n- only\n",
        3,
        "has only one option",
        "at least two options",
    ),
    "checklist empty option": (
        "# T\n## S\n### A (5 min, checklist)\n- a\n-\n- b\n",
        5,
        "an empty option",
        "or delete the line",
    ),
    "checklist repeat": (
        "# T\n## S\n### A (5 min, checklist)\n- a\n- b\n- a\n",
        6,
        "'a' appears twice",
        "delete one",
    ),
    "checklist nested": (
        "# T\n## S\n### A (5 min, checklist)\n- a\n  - a1\n- b\n",
        5,
        "cannot have bullets indented",
        "own unindented `- ` line",
    ),
    "scorecard no list": (
        "# T\n## S\n### A (5 min, scorecard)\nWords.\n",
        3,
        "has no statements",
        "`- We share a clear, agreed purpose`",
    ),
    "scorecard mixed": (
        "# T\n## S\n### A (5 min, scorecard)\n- P\n  - s1\n- Loose\n",
        6,
        "'Loose' has nothing indented",
        "make the whole list flat",
    ),
    "scorecard too deep": (
        "# T\n## S\n### A (5 min, scorecard)\n- P\n  - s1\n    - s2\n",
        6,
        "two levels deep",
        "nothing deeper",
    ),
    "reflection no prompt": (
        "# T\n## S\n### A (5 min, reflection)\n\n## S2\n### B (5 min)\n",
        3,
        "has no prompt",
        "as a paragraph",
    ),
    "no items at all": (
        "# T\n\nJust notes.\n",
        1,
        "no timed items",
        "`### Introductions (10 min)`",
    ),
}


@pytest.mark.parametrize(("text", "line", "what", "fix"), MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_agenda_reports_line_and_fix(text: str, line: int, what: str, fix: str) -> None:
    [problem] = problems_of(text)
    message = str(problem)
    assert message.startswith(f"agenda.md:{line}: ")
    assert message == f"agenda.md:{line}: {problem.what} — {problem.fix}"
    assert what in problem.what
    assert " — " not in problem.what and fix in message.split(" — ", 1)[1]


def test_scorecard_area_with_no_statements() -> None:
    text = "# T\n## S\n### A (5 min, scorecard)\n- Purpose\n\n  -\n- Value\n  - ok\n"
    assert [str(p).split(" — ")[0] for p in problems_of(text)] == [
        "agenda.md:4: scorecard area 'Purpose' has no statements",
        "agenda.md:6: an empty statement",
    ]


def test_every_problem_in_a_file_is_reported_at_once_in_line_order() -> None:
    text = """\
# Broken agenda
## Step 5: Too far
### No time at all
### Zero (0 min)
### Quiz (10 min, quiz)
## Step 1: Fine
### Pick one (5 min, checklist)
- lonely option
### Private (5 min, reflection)
## Empty section
# Second title
"""
    problems = problems_of(text)
    assert [(p.line, p.what) for p in problems] == [
        (2, "there is no step 5: the framework has steps 1 to 4"),
        (3, "item 'No time at all' has no duration"),
        (4, "item 'Zero' lasts no time"),
        (5, "'quiz' is not a kind of item"),
        (7, "checklist 'Pick one' has only one option"),
        (9, "reflection 'Private' has no prompt"),
        (10, "section 'Empty section' has no `###` items"),
        (11, "a second `#` title: an agenda has exactly one"),
    ]
    lines = str(AgendaError(problems)).splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [f"agenda.md:{p.line}" for p in problems]
    assert all(" — " in line for line in lines)


def test_a_bad_duration_does_not_hide_the_list_problem_under_it() -> None:
    problems = problems_of("# T\n## S\n### A (soonish 5, checklist)\n- only\n")
    assert [p.line for p in problems] == [3, 3]
    assert "not a duration" in problems[0].what and "only one option" in problems[1].what


# Files as bytes: what the file system hands us before any Markdown is read.
def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "agenda.md"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "line", "what", "fix"),
    [
        (b"# T\n## S\n### Caf\xe9 (5 min)\n", 3, "not UTF-8 text (byte 0xe9", "save it as UTF-8"),
        (b"# T\n## S\n### A (5 min)\n\nOne\r\nTwo \x96 three\n", 6, "byte 0x96", "Encoding: UTF-8"),
        (b"# T\n\x89PNG\x00\x00", 2, "binary file", "`.md` agenda file"),
        ("# T\n".encode("utf-16"), 1, "UTF-16", "save it as UTF-8"),
    ],
    ids=["latin-1", "cp1252-later", "binary", "utf-16"],
)
def test_unreadable_files_give_one_problem_at_the_right_line(
    tmp_path: Path, data: bytes, line: int, what: str, fix: str
) -> None:
    path = _write(tmp_path, data)
    with pytest.raises(AgendaError) as caught:
        load_agenda(path)
    [problem] = caught.value.problems
    assert str(problem).startswith(f"{path}:{line}: ")
    assert what in problem.what and fix in problem.fix


@pytest.mark.parametrize(
    ("data", "prefix"),
    [
        pytest.param(
            b"\xef\xbb\xbf# T\n## S\n\xe9\n",
            ":3: the file is not UTF-8 text (byte 0xe9 ",
            id="after-bom",
        ),
        pytest.param(
            b"# T\r## S\r### Caf\xe9 (5 min)\r", ":3: the file is not UTF-8", id="cr-only"
        ),
    ],
)
def test_not_utf8_names_the_line_the_editor_shows(tmp_path: Path, data: bytes, prefix: str) -> None:
    path = _write(tmp_path, data)
    with pytest.raises(AgendaError) as caught:
        load_agenda(path)
    assert str(caught.value).startswith(f"{path}{prefix}")


def test_missing_file_and_folder_are_problems_without_a_line(tmp_path: Path) -> None:
    cases = [
        (tmp_path / "nope.md", "there is no such file", "`facilitator agenda list`"),
        (tmp_path, "this is a folder", "path of a `.md` file"),
    ]
    for path, what, fix in cases:
        with pytest.raises(AgendaError) as caught:
            load_agenda(path)
        [problem] = caught.value.problems
        assert problem.line == 0
        assert str(problem) == f"{path}: {problem.what} — {problem.fix}"
        assert what in problem.what and fix in problem.fix


def test_load_agenda_reads_utf8_with_a_byte_order_mark_and_crlf(tmp_path: Path) -> None:
    path = _write(tmp_path, b"\xef\xbb\xbf" + ALL_KINDS.replace("\n", "\r\n").encode())
    agenda = load_agenda(path)
    assert agenda.title == "Session 1: getting the set-up right"
    assert agenda.source == str(path)
    assert [i.line for i in agenda.items] == [i.line for i in parse_agenda(ALL_KINDS).items]


BUNDLED = sorted(bundled_agendas_dir().glob("*.md"))


@pytest.mark.parametrize("path", BUNDLED, ids=[p.name for p in BUNDLED])
def test_every_bundled_agenda_parses(path: Path) -> None:
    agenda = load_agenda(path)
    assert agenda.title and agenda.items
    assert all(item.planned_seconds > 0 for item in agenda.items)


def test_the_four_step_agenda_covers_every_step_in_about_three_hours() -> None:
    assert "pcn-partnership-4-step.md" in [p.name for p in BUNDLED]
    agenda = load_agenda(bundled_agendas_dir() / "pcn-partnership-4-step.md")
    assert agenda.steps == [1, 2, 3, 4]
    assert 2 * 3600 + 50 * 60 <= agenda.planned_seconds <= 3 * 3600 + 10 * 60
