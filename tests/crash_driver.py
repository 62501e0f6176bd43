"""A session driven by the app's own services until it is killed: run by the crash test.

It says "saved TEXT" only once a note's commit has returned and "beat SECONDS"
once a heartbeat is on disk, so whatever it said must survive any SIGKILL.
"""

from __future__ import annotations

import sys
import time

from sessions.services import notes, running
from sessions.services.leases import Holder
from sessions.store import Store


def main(db_path: str, session_id: int, run: int) -> None:
    store = Store.open(db_path)
    holder = Holder.this_process()
    running.open_session(store, session_id, holder, take_over=True)
    running.toggle_clock(store, session_id, holder=holder)
    print("ready", flush=True)
    count = 0
    while True:
        count += 1
        text = f"run {run} note {count}"
        notes.add_note(store, session_id, 0, text, "deal")
        print(f"saved {text}", flush=True)
        if count % 5 == 0:
            state = running.heartbeat(store, session_id, holder=holder)
            print(f"beat {state.session_elapsed}", flush=True)
        time.sleep(0.002)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
