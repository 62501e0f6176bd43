"""Python's cycle collector held off while a long document is written or a large programme read.

Writing the minutes of a long session holds a hundred thousand objects or more at once:
the rows read, the minutes model, the check's list of places, the parser's tokens.
CPython starts a full collection each time the objects that outlived the young
collections grow by a quarter of those left after the last full one, and a full
collection walks every object the process holds, the app's own modules included. So
the longer the session, the more full collections one document starts and the more
each walks: each note costs more the more there are. Measured, the collector was
about a quarter of the HTML minutes of ten thousand notes and none of a thousand's.

Held off, nothing is lost: almost all the document's objects are freed by reference
counting as the writer lets them go; the few left in cycles (some hundreds of objects
after minutes of ten thousand notes, against the hundred thousand held) are collected
as usual once the collector is back on.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
# Whether the collector was on when the first holder turned it off: it is turned back on
# only then, so a program that keeps it off itself is left as it was.
_was_on = False


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic collection inside; shared by overlapping writers on any thread, the
    collector coming back on when the last of them is done."""
    global _holders, _was_on
    with _lock:
        if _holders == 0:
            _was_on = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_on:
                gc.enable()
