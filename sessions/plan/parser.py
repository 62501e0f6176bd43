"""Read a plan Markdown file into a `Plan`, or say everything that is wrong with it.

A plan is short and line-shaped, so it is read line by line:

    # PCN development programme
    Notes for the facilitator.

    ## Kick-off
    - Agenda: pcn-kickoff-90

    ## The four steps
    - Agenda: pcn-partnership-4-step
    - After: 4 weeks

    ## Network review
    - Agenda: pcn-network-review-120
    - After: 6 months
    - Repeat: every 6 months, 2 times

Each `##` heading is a session; its bullets are its fields; any other line is a note.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from sessions.plan.model import Interval, Plan, PlanError, PlanProblem, PlanSession, Repeat, Unit

MAX_TIMES = 24
"""More repeats than two years of monthly sessions is almost certainly a typing slip."""

EXAMPLE_SESSION = "`## Kick-off` then `- Agenda: pcn-kickoff-90`"
EXAMPLE_INTERVAL = "a number and days, weeks, months or years, like `4 weeks`"

_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*[-*+]\s+(?P<text>.*?)\s*$")
_FIELD = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ]*?)\s*:\s*(?P<value>.*)$")
_INTERVAL = re.compile(
    r"^(?P<count>\d+)\s*(?P<unit>day|week|month|year)s?(?:\s+later)?$", re.IGNORECASE
)
_REPEAT = re.compile(r"^every\s+(?P<every>.+?)\s*[,;]\s*(?P<times>\d+)\s*times?$", re.IGNORECASE)
_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")
FIELDS = ("agenda", "after", "repeat")

_Report = Callable[[int, str, str], None]


@dataclass
class _Draft:
    title: str
    line: int
    fields: dict[str, tuple[str, int]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def parse_interval(text: str) -> Interval | None:
    match = _INTERVAL.match(text.strip())
    if match is None or int(match["count"]) < 1:
        return None
    return Interval(int(match["count"]), Unit(match["unit"].lower()))


def _repeat(text: str) -> tuple[Repeat | None, str]:
    """The repeat, or None and what is wrong with it."""
    match = _REPEAT.match(text.strip())
    if match is None:
        return None, "this repeat cannot be read"
    every = parse_interval(match["every"])
    if every is None:
        return None, f"{match['every']!r} is not a length of time"
    times = int(match["times"])
    if not 2 <= times <= MAX_TIMES:
        return None, f"{times} times is not between 2 and {MAX_TIMES}"
    return Repeat(every, times), ""


def parse_plan(text: str, path: str, source: str | None = None) -> Plan:
    """The plan in `text`; PlanError with every problem, each pointing at its line."""
    problems: list[PlanProblem] = []

    def problem(line: int, what: str, fix: str) -> None:
        problems.append(PlanProblem(path, line, what, fix))

    title = ""
    notes: list[str] = []
    drafts: list[_Draft] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if _COMMENT.match(line):
            continue
        heading = _HEADING.match(line)
        if heading:
            level, words = len(heading["hashes"]), heading["text"]
            if level == 1 and not title and not drafts:
                title = words
            elif level == 2 and title:
                if not words:
                    problem(number, "this session has no title", f"write it as {EXAMPLE_SESSION}")
                drafts.append(_Draft(words, number))
            elif not title:
                problem(number, "the plan has no title before this heading", "start with `# Title`")
            else:
                problem(
                    number,
                    f"a level-{level} heading has no place in a plan",
                    "use `## Session title` for each session, and one `# Title` at the top",
                )
            continue
        if not title:
            if line.strip():
                problem(number, "the plan does not start with a title", "start with `# Title`")
                title = " "  # said once; carry on reading the rest
            continue
        if not drafts:
            notes.append(line)
            continue
        draft = drafts[-1]
        bullet = _BULLET.match(line)
        if bullet is None:
            draft.notes.append(line)
            continue
        found = _FIELD.match(bullet["text"])
        key = found["key"].strip().lower() if found else ""
        if found is None or key not in FIELDS:
            problem(
                number,
                f"{bullet['text']!r} is not a field of a session",
                "use `- Agenda: NAME`, `- After: 4 weeks` or `- Repeat: every 6 months, 2 times`;"
                " write notes as plain lines",
            )
            continue
        if key in draft.fields:
            problem(
                number,
                f"this session already has {key.title()} (line {draft.fields[key][1]})",
                "keep one of them",
            )
            continue
        draft.fields[key] = (found["value"].strip(), number)

    if not title.strip() and not problems:
        problem(1, "the plan has no title", "start it with a `# Title` line")
    if title.strip() and not drafts:
        problem(0, "the plan names no sessions", f"add one, like {EXAMPLE_SESSION}")

    sessions = [
        _session(draft, first=index == 0, problem=problem) for index, draft in enumerate(drafts)
    ]
    if problems:
        raise PlanError(problems)
    return Plan(
        title=title,
        notes="\n".join(notes).strip(),
        sessions=tuple(s for s in sessions if s is not None),
        source=source if source is not None else path,
    )


def _session(draft: _Draft, *, first: bool, problem: _Report) -> PlanSession | None:
    ok = True
    agenda, agenda_line = draft.fields.get("agenda", ("", draft.line))
    if not agenda:
        problem(
            agenda_line,
            f"the session {draft.title!r} names no agenda",
            "add `- Agenda: NAME` (run `facilitator agenda list` for the names)",
        )
        ok = False
    after = None
    if "after" in draft.fields:
        text, line = draft.fields["after"]
        after = parse_interval(text)
        if after is None:
            problem(line, f"{text!r} is not a length of time", f"write {EXAMPLE_INTERVAL}")
            ok = False
    elif not first:
        problem(
            draft.line,
            f"the session {draft.title!r} does not say when it comes",
            "add `- After: 4 weeks` (the time since the session before it)",
        )
        ok = False
    repeat = None
    if "repeat" in draft.fields:
        text, line = draft.fields["repeat"]
        repeat, wrong = _repeat(text)
        if repeat is None:
            problem(line, wrong, "write it like `every 6 months, 2 times` (times in all)")
            ok = False
    if not ok:
        return None
    return PlanSession(
        title=draft.title,
        agenda=agenda,
        after=after,
        repeat=repeat,
        notes="\n".join(draft.notes).strip(),
        line=draft.line,
        agenda_line=agenda_line,
    )
