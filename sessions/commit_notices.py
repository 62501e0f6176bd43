"""Being told, by the operating system, that another process has written to the database.

A watch (`ChangeWatch`) is cheap to ask, but asking on a timer means a change waits for
the next tick. Here the kernel's file notifications (inotify, on Linux) wake the event
loop when the database or its write-ahead log is written, so the one who asks can ask at
once. The watch stays the judge of whether anything changed: a notice only says "look
now". Where notifications cannot be had (another platform, a database in memory, a
folder the kernel will not watch, a server with no listener yet) `start` says so, and
the caller keeps its poll as it was.

PostgreSQL tells a listening connection of each commit itself: there the loop waits on
that connection's socket instead, given the watch's `listening`.

The folder is watched, not the files: the log is created on the first write after it
was checkpointed away, and a file watch would not survive that.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sessions.store import Store

if TYPE_CHECKING:
    from inotify_simple import INotify

FOLLOW_UP_SECONDS = (0.001, 0.003, 0.006, 0.01, 0.015, 0.022, 0.032, 0.045, 0.065, 0.1, 0.15)
"""When to look again after a write, until the change is seen. The kernel reports a
write to the log as it happens, but a commit counts only once the log is synced to
disk and its index updated, which makes no notice of its own: a look at once is often
too early. A look costs a fraction of a millisecond; a sync, one to tens of them."""


class CommitNotices:
    """Calls `notice` on the running event loop soon after anyone writes to the database,
    and again a few times until it answers true: the change was there to be seen."""

    def __init__(
        self,
        store: Store,
        notice: Callable[[], bool],
        listening: Callable[[], tuple[int, int] | None] | None = None,
    ):
        self._notice = notice
        self._listening = listening if store.url.get_backend_name() == "postgresql" else None
        self._armed: tuple[int, int] | None = None
        """The listener whose socket the loop waits on."""
        self._names: frozenset[str] = frozenset()
        self._folder: Path | None = None
        database = store.url.database
        if store.url.get_backend_name() == "sqlite" and database and database != ":memory:":
            path = Path(database).resolve()
            self._folder = path.parent
            # A rollback journal writes the database itself; write-ahead logging, the log.
            self._names = frozenset({path.name, f"{path.name}-wal"})
        self._inotify: INotify | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._pending: asyncio.Handle | None = None
        self._began = 0.0
        self._overflow = 0

    def start(self) -> bool:
        """Listen from now on; false (and nothing started) where notices cannot be had."""
        if self._listening is not None:
            self._loop = asyncio.get_running_loop()
            self.rearm()  # and again after each look, once a listener is made
            return self._armed is not None
        if self._folder is None or self._inotify is not None:
            return self._inotify is not None
        try:
            from inotify_simple import INotify, flags
        except (ImportError, OSError, AttributeError):  # not Linux, or no libc to ask
            return False
        loop = asyncio.get_running_loop()
        try:
            inotify = INotify(nonblocking=True)
        except (OSError, AttributeError):  # too many watchers already, or no inotify at all
            return False
        try:
            inotify.add_watch(self._folder, flags.MODIFY | flags.CREATE | flags.MOVED_TO)
            loop.add_reader(inotify.fileno(), self._readable)
        except (OSError, NotImplementedError):  # a folder it cannot watch; a loop without readers
            inotify.close()
            return False
        self._inotify, self._loop = inotify, loop
        self._overflow = int(flags.Q_OVERFLOW)
        return True

    def rearm(self) -> None:
        """Wait on the listener's socket, after a look that may have made a new listener
        (or lost the old one): harmless to call after every look."""
        if self._listening is None or self._loop is None:
            return
        current = self._listening()
        if current == self._armed:
            return
        if self._armed is not None:
            # Safe even if that socket has closed: the loop forgets it all the same.
            self._loop.remove_reader(self._armed[1])
        self._armed = current
        if current is not None:
            self._loop.add_reader(current[1], self._heard)

    def _heard(self) -> None:
        """The listener's socket is readable: a notice, or the server gone. Only a look
        reads it, so the loop stops waiting on it until the look is done, or an unread
        socket would call again and again."""
        assert self._loop is not None and self._armed is not None, "called only while armed"
        self._loop.remove_reader(self._armed[1])
        self._armed = None
        self._notice()
        self.rearm()

    def stop(self) -> None:
        if self._armed is not None and self._loop is not None:
            self._loop.remove_reader(self._armed[1])
            self._armed = None
        self._listening = None
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None
        inotify, self._inotify = self._inotify, None
        if inotify is not None and self._loop is not None:
            self._loop.remove_reader(inotify.fileno())
            inotify.close()

    def _readable(self) -> None:
        assert self._inotify is not None and self._loop is not None, "read only while started"
        try:
            events = self._inotify.read(timeout=0)
        except OSError:  # the watch is broken: the caller's poll carries on alone
            self.stop()
            return
        # Too many to queue: the kernel dropped some, which may have been ours.
        if not any(event.name in self._names or event.mask & self._overflow for event in events):
            return
        # One commit writes several times: each write read starts the round of looks afresh.
        if self._pending is not None:
            self._pending.cancel()
        self._began = self._loop.time()
        self._pending = self._loop.call_soon(self._look, 0)

    def _look(self, step: int) -> None:
        self._pending = None
        if self._notice() or step == len(FOLLOW_UP_SECONDS) or self._inotify is None:
            return  # seen, or past waiting for: the poll finds anything slower
        assert self._loop is not None, "started, as it has not stopped"
        when = self._began + FOLLOW_UP_SECONDS[step]
        self._pending = self._loop.call_at(when, self._look, step + 1)
