"""Mirror lag: from a note's commit in another process to the note on the mirror's screen.

The baseline is the cheapest possible mirror: a bare Textual app polling a plain
file's mtime at the same interval. Both wait, on average, half a poll interval
for the change to be noticed; what the facilitator adds on top is the cost of
reading the session and redrawing the projector view.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

from benchmarks.ptyapp import PtyApp, python_module
from benchmarks.room import prepare_room

# Far beyond any lag worth measuring; a note not seen by then counts as missed.
SEEN_WITHIN_SECONDS = 5.0


@dataclass
class LagResult:
    lags_ms: list[float] = field(default_factory=list)
    missed: int = 0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.lags_ms)

    @property
    def worst_ms(self) -> float:
        return max(self.lags_ms)


class Writer:
    """The writing process, kept open across samples as the facilitator's app would be."""

    def __init__(self, *args: str):
        self.process = subprocess.Popen(
            python_module("benchmarks.writer", *args),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
        )

    def __enter__(self) -> Self:
        if self.process.stdout.readline().strip() != "ready":
            self.__exit__(None, None, None)
            raise RuntimeError("the writer process did not start")
        return self

    def __exit__(self, *exc_info) -> None:
        try:
            self.process.stdin.close()
            self.process.wait(5)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()

    def commit(self, token: str) -> float:
        """Commit the token; the moment the commit had finished."""
        self.process.stdin.write(token + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().split()
        if len(answer) != 2:
            raise RuntimeError("the writer process stopped answering")
        return float(answer[1])


def _sample_once(app: PtyApp, writer: Writer, token: str, result: LagResult) -> None:
    sighting = app.watch(token)
    committed = writer.commit(token)
    seen = sighting.wait(SEEN_WITHIN_SECONDS)
    if seen is None:
        result.missed += 1
    else:
        result.lags_ms.append((seen - committed) * 1000)


def measure_mirror_alone(
    database: str, session_id: int, env: dict[str, str], samples: int, rng: random.Random
) -> LagResult:
    """The facilitator's mirror on `database` (a path or a URL), with nothing taking turns."""
    result = LagResult()
    mirror_argv = python_module("facilitator", "--db", database, "present", str(session_id))
    with (
        PtyApp(mirror_argv, env=env) as mirror,
        Writer("note", database, str(session_id)) as writer,
    ):
        mirror.wait_for("read-only mirror")
        for number in range(samples):
            time.sleep(rng.uniform(0.25, 0.65))
            _sample_once(mirror, writer, f"mark{number:03d}s{rng.randrange(16**6):06x}", result)
        mirror.quit()
    if not result.lags_ms:
        raise RuntimeError("no change was ever seen on the mirror")
    return result


def measure_lag(folder: Path, samples: int, rng: random.Random) -> tuple[LagResult, LagResult]:
    """The facilitator's mirror and the baseline, sampled in turn: (facilitator, baseline)."""
    results = measure_in_turn(folder, samples, rng)
    return results["facilitator"], results["baseline"]


def measure_in_turn(
    folder: Path, samples: int, rng: random.Random, earlier: Path | None = None
) -> dict[str, LagResult]:
    """The facilitator's mirror and the baseline (and, given the source tree of an earlier
    version, that version's mirror on a room of its own), sampled in turn.

    Taking turns, rather than one after the other, puts all under the same conditions
    for the whole run; those not being sampled are only polling.
    """
    folder.mkdir(parents=True, exist_ok=True)
    watched = folder / "watched.txt"
    watched.write_text("nothing written yet", encoding="utf-8")
    baseline_argv = python_module("benchmarks.bare_apps", "filewatch", str(watched))
    contenders = {"facilitator": (prepare_room(folder / "mirror"), None)}
    if earlier is not None:
        contenders["earlier"] = (prepare_room(folder / "earlier"), earlier)
    results = {name: LagResult() for name in [*contenders, "baseline"]}
    with ExitStack() as stack:
        turns = []
        for name, (room, source) in contenders.items():
            env = room.env()
            argv = python_module(
                "facilitator", "--db", str(room.db_path), "present", str(room.session_id)
            )
            if source is not None:
                # Found before the installed copy; -P keeps the working folder (this
                # version) off the path, where it would come first.
                env["PYTHONPATH"] = str(source)
                argv.insert(1, "-P")
            mirror = stack.enter_context(PtyApp(argv, env=env))
            writer = stack.enter_context(Writer("note", str(room.db_path), str(room.session_id)))
            turns.append((name, mirror, writer))
        baseline = stack.enter_context(PtyApp(baseline_argv))
        turns.append(("baseline", baseline, stack.enter_context(Writer("file", str(watched)))))
        for _, app, _ in turns[:-1]:
            app.wait_for("read-only mirror")
        baseline.wait_for("nothing written yet")
        for number in range(samples):
            rng.shuffle(turns)
            for name, app, writer in turns:
                # A random pause, so commits land at every point of the poll cycle.
                time.sleep(rng.uniform(0.25, 0.65))
                token = f"mark{number:03d}{name[0]}{rng.randrange(16**6):06x}"
                _sample_once(app, writer, token, results[name])
        for _, app, _ in turns:
            app.quit()
    for name, result in results.items():
        if not result.lags_ms:
            raise RuntimeError(f"{name}: no change was ever seen on screen")
    return results


def main() -> None:
    """Run alone: `python -m benchmarks.mirror_lag [--samples N] [--earlier SOURCE_TREE]`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=40)
    parser.add_argument("--seed", type=int, default=26)
    parser.add_argument(
        "--earlier", type=Path, help="the source tree of an earlier version, sampled in turn"
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        results = measure_in_turn(
            Path(folder), options.samples, random.Random(options.seed), options.earlier
        )
    for name, result in results.items():
        lags = sorted(result.lags_ms)
        print(
            f"{name:12} median {result.median_ms:6.1f} ms  worst {result.worst_ms:6.1f} ms"
            f"  missed {result.missed}  samples {' '.join(f'{lag:.0f}' for lag in lags)}"
        )


if __name__ == "__main__":
    main()
