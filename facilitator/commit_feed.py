"""The app's one ear for commits: screens that show what phones or another copy write
hear of it here, soon after it is committed, rather than each on a timer of its own.

One change watch and one set of commit notices serve every screen that asks; they are
started by the first to subscribe (never before the first frame) and stopped when the
last has gone. A subscriber is sent `Committed` after each commit seen, another copy's
and this one's alike: it reads again what it shows, as its timer did. Where notices cannot
be had (`told` is false) nothing is started and the subscribers' timers do as before.

The mirror is a subscriber like the others, with two wants of its own, as its lag is what
the room sees: it is called at once, in the look that found the commit, as its own notices
did before, rather than sent a message that would wait its turn in the screen's queue; and
it wants a tighter net than the feed's own (a notice gone astray shown within half a
second), so it may `look` on its own timer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.message import Message
from textual.message_pump import MessagePump

from sessions.errors import FacilitatorError

if TYPE_CHECKING:
    from textual.timer import Timer

    from facilitator.app import FacilitatorApp
    from sessions.change_watch import ChangeWatch
    from sessions.commit_notices import CommitNotices

NET_SECONDS = 1.0
"""How often the feed looks for itself beside the notices: a commit synced after the last
follow-up look, or a server's listener lost and made anew, is heard within a second."""
TOLD_SLOWER = 5
"""How many times slower a subscriber's own timer may run while it is told: only a
change that makes no commit (a mirror's row going stale) then waits on it."""


class Committed(Message, bubble=False):
    """Someone committed to the database: what the subscriber shows may have changed.
    Sent to each subscriber itself, so a screen and its widgets are told once each."""


class CommitFeed:
    """Tells its subscribers of each commit, while notices can be had."""

    def __init__(self, app: FacilitatorApp):
        self._app = app
        self._subscribers: dict[MessagePump, Callable[[], object] | None] = {}
        """Each subscriber, and what to call in the look instead of sending it a message."""
        self._changes: ChangeWatch | None = None
        self._notices: CommitNotices | None = None
        self._net: Timer | None = None
        self._told: bool | None = None
        """Whether notices came up when last started; None before the first start."""

    @property
    def told(self) -> bool:
        """Whether subscribers are told of commits: true once started with notices
        working. Asked after `subscribe`, it says how slow a subscriber's timer may be."""
        return bool(self._told) and self._notices is not None

    def subscribe(
        self, subscriber: MessagePump, at_once: Callable[[], object] | None = None
    ) -> bool:
        """Send `subscriber` a `Committed` after each commit until it unsubscribes (or,
        given `at_once`, call that instead, in the look itself); whether it will be told
        (else it must keep its own timer as before)."""
        self._subscribers.setdefault(subscriber, at_once)
        if self._notices is None and self._told is not False:
            self._start()
        return self.told

    def fallback(self, seconds: float) -> float:
        """The period of a subscriber's own timer, once subscribed, that ran every `seconds`."""
        return seconds * TOLD_SLOWER if self.told else seconds

    def unsubscribe(self, subscriber: MessagePump) -> None:
        self._subscribers.pop(subscriber, None)
        if not self._subscribers:
            self.stop()

    def _start(self) -> None:
        from sessions.change_watch import ChangeWatch
        from sessions.commit_notices import CommitNotices

        changes = ChangeWatch(self._app.store)
        try:
            changes.changed()  # the first look only sets the mark (and PostgreSQL's listener)
        except FacilitatorError:
            changes.close()
            return  # the database is away: the subscribers' timers carry on, and retry
        notices = CommitNotices(self._app.store, self._look, changes.listening)
        self._told = notices.start()
        if not self._told:
            changes.close()
            return
        self._changes, self._notices = changes, notices
        self._net = self._app.set_interval(NET_SECONDS, self.look)

    def look(self) -> bool:
        """Look now, beside the notices, and tell every subscriber if someone has
        committed; whether anyone had."""
        changed = self._look()
        # A look may make PostgreSQL's listener anew: the notices then wait on the new one.
        if self._notices is not None:
            self._notices.rearm()
        return changed

    def _look(self) -> bool:
        """The notices' look, which they ask again, a few times, until it answers true."""
        if self._changes is None:
            return True  # stopped: nothing more to look for
        try:
            changed = self._changes.changed()
        except FacilitatorError:
            changed = True  # the subscribers read for themselves and show why they cannot
        if changed:
            for subscriber, at_once in list(self._subscribers.items()):
                if at_once is None:
                    subscriber.post_message(Committed())
                else:
                    at_once()
        return changed

    def stop(self) -> None:
        """Stop listening (the next subscriber starts it again); harmless when stopped."""
        notices, self._notices = self._notices, None
        changes, self._changes = self._changes, None
        net, self._net = self._net, None
        if net is not None:
            net.stop()
        if notices is not None:
            notices.stop()
        if changes is not None:
            changes.close()
        self._told = None
