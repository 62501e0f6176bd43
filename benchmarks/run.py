"""Run every measurement, print the table and write it to RESULTS.md.

    python -m benchmarks.run [--quick] [--output FILE]

`--quick` takes a few samples over short windows: enough to see the benchmark
works, too few to quote.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks.idle_cpu import measure_idle
from benchmarks.mirror_lag import measure_lag
from benchmarks.report import Row, machine_line, markdown
from benchmarks.room import scratch_folder

DEFAULT_OUTPUT = Path(__file__).resolve().parent / "RESULTS.md"


@dataclass(frozen=True)
class Plan:
    name: str
    lag_samples: int
    idle_seconds: float
    warmup_seconds: float


FULL = Plan("full", lag_samples=40, idle_seconds=60.0, warmup_seconds=3.0)
QUICK = Plan("quick", lag_samples=2, idle_seconds=1.5, warmup_seconds=0.3)


def measure(plan: Plan, say=print) -> tuple[list[Row], list[str]]:
    # A fixed seed: the same pauses between notes from one run to the next.
    rng = random.Random(2026)
    with scratch_folder() as folder:
        say(f"mirror lag: {plan.lag_samples} samples each")
        lag, base = measure_lag(Path(folder) / "lag", plan.lag_samples, rng)
        say(f"idle CPU: {plan.idle_seconds:g} s window")
        idle = measure_idle(Path(folder) / "idle", plan.idle_seconds, plan.warmup_seconds)

    rows = [
        Row("Mirror lag, median", "ms", lag.median_ms, base.median_ms),
        Row("Mirror lag, worst", "ms", lag.worst_ms, base.worst_ms),
        Row("Idle CPU, session screen with the clock running", "% of a core",
            idle.session.cpu_percent, idle.baseline.cpu_percent, digits=2),
        Row("Idle CPU, mirror of that session", "% of a core",
            idle.mirror.cpu_percent, idle.baseline.cpu_percent, digits=2),
    ]
    missed = lag.missed + base.missed
    missed_note = (
        f" {missed} change(s) were not seen within 5 s and are left out." if missed else ""
    )
    notes = [
        machine_line(),
        (f"Mode: {plan.name}. Every app ran on its own 80x24 pseudo-terminal, its output "
         "drained and discarded as it came."),
        (f"Mirror lag: {plan.lag_samples} notes committed by another process, from the end of "
         "the commit until the note's text reached the mirror's terminal. Baseline: a bare "
         "Textual app polling a plain file's mtime at the same 0.2 s, rewritten (and fsync'd) "
         "by another process. Poll interval alone accounts for 0-200 ms." + missed_note),
        (f"Mirror lag samples (ms), facilitator: {_list(lag.lags_ms)}; "
         f"baseline: {_list(base.lags_ms)}."),
        (f"Idle CPU: CPU seconds per wall second over the same "
         f"{idle.session.wall_seconds:.0f} s window for all three apps, after "
         f"{plan.warmup_seconds:g} s to settle. Baseline: a bare Textual app with one Static "
         f"widget. The session committed {idle.heartbeats} heartbeat(s) in the window."),
        ("Terminal output in that window: session "
         f"{idle.session.terminal_bytes_per_second:.0f} bytes/s, mirror "
         f"{idle.mirror.terminal_bytes_per_second:.0f} bytes/s, baseline "
         f"{idle.baseline.terminal_bytes_per_second:.0f} bytes/s."),
    ]
    return rows, notes


def _list(values: list[float]) -> str:
    return ", ".join(f"{value:.0f}" for value in values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="few samples, short windows")
    parser.add_argument("--output", metavar="FILE", type=Path, default=DEFAULT_OUTPUT,
                        help="where to write the Markdown table (default: benchmarks/RESULTS.md)")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    rows, notes = measure(plan, say=lambda line: print(line, file=sys.stderr))
    text = markdown("Benchmark results", rows, notes)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
