"""The benchmark runs end to end and reports every figure; how fast is not checked here."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from benchmarks.minutes_render import FORMATS, GOAL_NOTES, GOALS_MS
from benchmarks.run import (
    HISTORY_HEADING,
    LAUNCH_ROW,
    LISTED_ROW,
    LISTED_STACK_ROW,
    QUICK,
    SHAPED_ROW,
    kept_history,
    main,
    memory_rows,
    note_list_rows,
    open_rows,
    save_rows,
    server_row_names,
)
from tests.postgresql import server_url

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="the benchmarks read CPU time from /proc (Linux)"
)

MEASUREMENTS = [
    "Mirror lag, median",
    "Mirror lag, worst",
    "Idle CPU, session screen with the clock running",
    "Idle CPU, mirror of that session",
    *save_rows(QUICK),
    *open_rows(QUICK),
    LAUNCH_ROW,
    SHAPED_ROW,
    LISTED_ROW,
    LISTED_STACK_ROW,
    *memory_rows(QUICK),
    *note_list_rows(QUICK),
    *(
        f"Minutes ready, {fmt}, {count:,} notes"
        + (f" (goal ≤ {GOALS_MS[fmt]:,.0f} ms)" if count == GOAL_NOTES else "")
        for fmt in FORMATS
        for count in QUICK.minutes_sizes
    ),
]


def table_rows(markdown: str) -> dict[str, list[str]]:
    rows = {}
    for line in markdown.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        is_row = line.startswith("|") and len(cells) == 4 and cells[0] != "measurement"
        if is_row and not set(cells[1]) <= set("-:"):  # not the header's underline
            rows[cells[0]] = cells[1:]
    return rows


def number(cell: str) -> float:
    match = re.match(r"^(\d+(?:\.\d+)?)\b", cell)
    assert match, f"not a figure: {cell!r}"
    return float(match.group(1))


def my_children() -> list[int]:
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # a process that ended while the list was read
        if parent == os.getpid():
            children.append(int(stat.parent.name))
    return children


def test_the_quick_benchmark_reports_every_measurement(tmp_path: Path) -> None:
    output = tmp_path / "results.md"
    before = set(my_children())

    assert main(["--quick", "--output", str(output)]) == 0

    rows = table_rows(output.read_text(encoding="utf-8"))
    # A growth row is left out when the smaller size's notes drown in the noise.
    growth = {name for name in rows if name.startswith("Minutes ready") and "growth" in name}
    # The PostgreSQL rows are there when the tests have a server, as the run has.
    expected = MEASUREMENTS + (list(server_row_names(QUICK)) if server_url() else [])
    assert sorted(set(rows) - growth) == sorted(expected)
    assert all(name.split(",")[1].strip() in FORMATS for name in growth)
    for measurement, cells in rows.items():
        for cell in cells:
            assert number(cell) > 0, f"{measurement}: {cell!r}"
    # Every app and writer the benchmark started has gone again.
    assert set(my_children()) - before == set()


def test_a_new_run_keeps_the_history_written_under_the_table(tmp_path: Path) -> None:
    output = tmp_path / "results.md"
    assert kept_history(output) == ""  # no earlier file
    output.write_text("# Benchmark results\n\n| old table |\n", encoding="utf-8")
    assert kept_history(output) == ""  # a file with no history
    history = f"{HISTORY_HEADING}\n\n- Schema 0012: the replay reads the index alone.\n"
    output.write_text(f"# Benchmark results\n\n| old table |\n\n{history}", encoding="utf-8")
    assert kept_history(output) == "\n" + history
