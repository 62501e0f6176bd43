"""Screen lag: from a phone's question committed by another store (as a room served by
another copy commits it) to the question in the facilitator's open queue (F11).

Measured in one process, told and not told side by side: the app in Textual's headless
mode, the phone's commits from a thread with a store of its own, so the app's event loop
runs on while each is written and synced. Not told is the queue as it was before notices:
its own timer every `REFRESH_SECONDS`. The time is taken when the queue has read the
question, before it is drawn: the drawing is the same either way.

    python -m benchmarks.screen_lag --samples 20
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path
from unittest import mock

from benchmarks.room import prepare_room
from sessions.services import participants
from sessions.store import Store

SEEN_WITHIN_SECONDS = 10.0
"""Far beyond any lag worth measuring; a question not seen by then counts as missed."""


async def measure(db_path: Path, session_id: int, samples: int, told: bool) -> list[float]:
    from facilitator.factory import make_app
    from facilitator.screens.room_questions import REFRESH_SECONDS, RoomQuestionsScreen
    from sessions.commit_notices import CommitNotices
    from sessions.services import questions, running

    phone = Store.open(db_path)
    code = participants.open_room(phone, session_id).code
    token = participants.join_room(phone, code)[0]
    item_id = running.get_session(phone, session_id).items[0].id
    app = make_app(str(db_path))
    lags: list[float] = []

    def ask(n: int) -> float:
        questions.ask_from_device(phone, token, item_id, f"Question {n}")
        return time.monotonic()

    with (
        mock.patch.object(CommitNotices, "start", lambda self: False) if not told else nullcontext()
    ):
        async with app.run_test(size=(100, 30)) as pilot:
            dialog = RoomQuestionsScreen(session_id)
            await app.push_screen(dialog)
            await pilot.pause()
            assert app.commits.told is told, "notices as asked for"
            for n in range(samples):
                # Any phase against the queue's timer, as a phone's tap has.
                await asyncio.sleep(random.uniform(0.05, REFRESH_SECONDS))
                before = len(dialog.shown)
                committed = await asyncio.to_thread(ask, n)
                deadline = committed + SEEN_WITHIN_SECONDS
                while len(dialog.shown) == before and time.monotonic() < deadline:
                    await asyncio.sleep(0.001)
                if len(dialog.shown) > before:
                    lags.append(1000 * (time.monotonic() - committed))
    app.close_store()
    phone.close()
    return lags


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        room = prepare_room(Path(folder))
        os.environ["FACILITATOR_HOME"] = str(room.home)  # never the user's own folders
        for told in (True, False):
            lags = asyncio.run(measure(room.db_path, room.session_id, args.samples, told))
            name = "told" if told else "timer alone"
            print(
                f"{name:>12}: median {statistics.median(lags):6.1f} ms, "
                f"worst {max(lags):6.1f} ms, seen {len(lags)} of {args.samples}"
            )


if __name__ == "__main__":
    main()
