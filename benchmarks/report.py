"""The results as a Markdown table: each figure next to its baseline from the same run."""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version


@dataclass(frozen=True)
class Row:
    measurement: str
    unit: str
    facilitator: float
    baseline: float
    digits: int = 1

    @property
    def ratio(self) -> float:
        return self.facilitator / self.baseline

    def cells(self) -> list[str]:
        return [
            self.measurement,
            f"{self.facilitator:.{self.digits}f} {self.unit}",
            f"{self.baseline:.{self.digits}f} {self.unit}",
            f"{self.ratio:.2f}",
        ]


def machine_line() -> str:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    memory = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 2**30
    return (
        f"Measured {when} on {os.cpu_count()} CPUs and {memory:.1f} GiB of memory "
        f"({platform.system()} {platform.release()}, "
        f"{platform.machine()}), Python {platform.python_version()}, "
        f"Textual {version('textual')}."
    )


def markdown(title: str, rows: list[Row], notes: list[str]) -> str:
    header = ["measurement", "facilitator", "baseline", "ratio"]
    lines = [
        f"# {title}",
        "",
        "| " + " | ".join(header) + " |",
        "|---|--:|--:|--:|",
        *("| " + " | ".join(row.cells()) + " |" for row in rows),
        "",
        *(f"- {note}" for note in notes),
        "",
    ]
    return "\n".join(lines)
