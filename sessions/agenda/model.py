"""What a parsed agenda holds: plain data, no parsing and no storage."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sessions.agenda.dots import DotBudget
from sessions.errors import FacilitatorError
from sessions.vocabulary import ItemKind

STEP_NAMES = {
    1: "Set-up right",
    2: "Trusted people",
    3: "Roles and processes",
    4: "Enabling technologies",
}


@dataclass(frozen=True)
class ScorecardArea:
    """A named group of scorecard statements; an ungrouped list is one area named ''."""

    name: str
    statements: tuple[str, ...]


@dataclass(frozen=True)
class AgendaItem:
    title: str
    planned_seconds: int
    kind: ItemKind = ItemKind.DISCUSSION
    prompt: str = ""
    """The item's body as Markdown source, without an activity's option list."""
    options: tuple[str, ...] = ()
    """A checklist's options."""
    areas: tuple[ScorecardArea, ...] = ()
    """A scorecard's statements, grouped by area."""
    line: int = 0
    """1-based line of the item's heading in its file."""
    confidential: bool = False
    """Taken in private: left out of the public minutes and report."""
    dots: DotBudget | None = None
    """A checklist's budget of dots, where the agenda gives one; else the defaults apply."""
    rag_areas: tuple[str, ...] = ()
    """A RAG item's areas, each rated red, amber or green."""


@dataclass(frozen=True)
class Section:
    title: str
    step: int | None
    """The framework step (1-4) for a `Step N:` heading, else None."""
    items: tuple[AgendaItem, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class Agenda:
    title: str
    notes: str = ""
    """Markdown between the title and the first section: for the facilitator."""
    sections: tuple[Section, ...] = ()
    source: str = ""
    """Where the agenda came from: a file path or 'bundled:NAME'."""
    text: str = ""
    """The full Markdown source, kept so a session can snapshot it."""

    @property
    def items(self) -> list[AgendaItem]:
        return [item for section in self.sections for item in section.items]

    @property
    def planned_seconds(self) -> int:
        return sum(item.planned_seconds for item in self.items)

    @property
    def steps(self) -> list[int]:
        return sorted({s.step for s in self.sections if s.step is not None})

    def from_step(self, step: int) -> Agenda:
        """The agenda without the framework steps before `step`.

        Sections of no step (a welcome, a break, a close) stay where they are:
        a session that picks up at step 3 still opens and closes as it should.
        """
        return replace(
            self,
            sections=tuple(s for s in self.sections if s.step is None or s.step >= step),
        )


@dataclass(frozen=True)
class AgendaProblem:
    """One thing wrong with an agenda file, reported as FILE:LINE: what — how to fix."""

    path: str
    line: int
    what: str
    fix: str

    def __str__(self) -> str:
        # Line 0 means the whole file (missing, unreadable): no line to point at.
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.what} — {self.fix}"


class AgendaError(FacilitatorError):
    """An agenda file has problems; all of them are carried, in file order."""

    def __init__(self, problems: list[AgendaProblem]):
        self.problems = sorted(problems, key=lambda p: (p.path, p.line))
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class AgendaSummary:
    """A line of `agenda list`: enough to choose an agenda without parsing twice."""

    name: str
    path: str
    title: str
    steps: list[int] = field(default_factory=list)
    planned_seconds: int = 0
    bundled: bool = True
    problems: int = 0
    """How many problems the file has; a listed agenda with problems cannot be started."""
    purpose: str = ""
    """What the agenda is for, in one line."""
    activities: list[str] = field(default_factory=list)
    """The kinds of item beyond discussion it uses: scorecard, checklist, break…"""
    outline: list[tuple[str, int]] = field(default_factory=list)
    """Each item's title and planned seconds, in order: a preview before choosing."""
