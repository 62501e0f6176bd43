"""The other process: it commits what the mirror (or the baseline) must notice.

It reads one token a line on standard input, commits it, and answers with the
moment the commit had finished (time.monotonic(), which every process on Linux
reads from the same clock), so the watcher's lag is measured from the commit and
not from when the request was sent.

    python -m benchmarks.writer note DB SESSION_ID   a note on the session's current item
    python -m benchmarks.writer file PATH            the token as the whole content of a file
"""

from __future__ import annotations

import os
import sys
import time


def _note_writer(db_path: str, session_id: int):
    from sessions.services import notes, running
    from sessions.store import Store

    # Opened once, as the facilitator's own app keeps its store open all session.
    store = Store.open(db_path)
    position = running.clock_state(store, session_id).position

    def write(token: str) -> None:
        notes.add_note(store, session_id, position, token, "deal")

    return write, store.close


def _file_writer(path: str):
    def write(token: str) -> None:
        # Written in place, as fsync'd as the note's commit, so both pay for durability.
        with open(path, "w", encoding="utf-8") as file:
            file.write(token)
            file.flush()
            os.fsync(file.fileno())

    return write, lambda: None


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "note":
        write, close = _note_writer(argv[1], int(argv[2]))
    elif len(argv) == 2 and argv[0] == "file":
        write, close = _file_writer(argv[1])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        print("ready", flush=True)
        for line in sys.stdin:
            token = line.strip()
            if not token:
                continue
            started = time.monotonic()
            write(token)
            print(f"{started:.6f} {time.monotonic():.6f}", flush=True)
    finally:
        close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
