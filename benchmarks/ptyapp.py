"""A terminal app run the way a facilitator runs it: on a pseudo-terminal of its own.

The app draws to a real terminal device, so every frame is rendered and written
as it would be in the room. A reader thread drains the terminal all the time (an
app whose terminal fills up stops drawing, and would measure nothing), notes when
given text first appears on screen, and throws the rest away.
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import os
import select
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path
from typing import Self

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Text on screen is searched for in what was written lately; enough to hold a
# whole redraw of an 80x24 screen with its colour codes many times over.
_TAIL_BYTES = 256 * 1024
_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class Sighting:
    """When a piece of text first reached the terminal (time.monotonic), once it has."""

    def __init__(self, text: str):
        self.needle = text.encode()
        self.seen_at: float | None = None
        self._event = threading.Event()

    def _see(self, at: float) -> None:
        self.seen_at = at
        self._event.set()

    def wait(self, timeout: float) -> float | None:
        self._event.wait(timeout)
        return self.seen_at


def python_module(module: str, *args: str) -> list[str]:
    """A command line running a module with this interpreter, as `python -m` would."""
    return [sys.executable, "-m", module, *args]


class PtyApp:
    """One app on one pseudo-terminal; use as a context manager so it never outlives the run."""

    def __init__(
        self,
        argv: list[str],
        *,
        env: dict[str, str] | None = None,
        columns: int = 80,
        rows: int = 24,
    ):
        self.argv = argv
        self.env = env
        self.size = (columns, rows)
        self.process: subprocess.Popen | None = None
        self._master: int | None = None
        self._reader: threading.Thread | None = None
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._tail = b""
        self._watching: list[Sighting] = []
        self.bytes_written = 0

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self) -> None:
        master, slave = os.openpty()
        columns, rows = self.size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = dict(os.environ if self.env is None else self.env)
        env.setdefault("TERM", "xterm-256color")
        try:
            self.process = subprocess.Popen(
                self.argv,
                stdin=slave,
                stdout=slave,
                stderr=slave,
                cwd=PROJECT_ROOT,
                env=env,
                start_new_session=True,
                close_fds=True,
            )
        except BaseException:
            os.close(master)
            raise
        finally:
            os.close(slave)
        self._master = master
        self._reader = threading.Thread(target=self._drain, name="pty-drain", daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while not self._stopping.is_set():
            try:
                ready, _, _ = select.select([self._master], [], [], 0.1)
                if not ready:
                    continue
                chunk = os.read(self._master, 65536)
            except OSError:  # the app has gone and its terminal with it
                return
            if not chunk:
                return
            at = time.monotonic()
            with self._lock:
                self.bytes_written += len(chunk)
                self._tail = (self._tail + chunk)[-_TAIL_BYTES:]
                waiting = []
                for sighting in self._watching:
                    if sighting.needle in self._tail:
                        sighting._see(at)
                    else:
                        waiting.append(sighting)
                self._watching = waiting

    def watch(self, text: str) -> Sighting:
        """Start looking for text that has not been drawn yet (it must be new to the screen)."""
        sighting = Sighting(text)
        with self._lock:
            self._watching.append(sighting)
        return sighting

    def watch_afresh(self, text: str) -> Sighting:
        """Look for text in what is drawn from now on, even if it is on screen already.

        For a row redrawn by a key: its text was drawn before, and is looked for again.
        """
        sighting = Sighting(text)
        with self._lock:
            self._tail = b""
            self._watching.append(sighting)
        return sighting

    def wait_for(self, text: str, timeout: float = 15.0) -> float:
        """Wait until the text is on screen, whether it was drawn already or is still to come."""
        sighting = Sighting(text)
        with self._lock:
            if sighting.needle in self._tail:
                return time.monotonic()
            self._watching.append(sighting)
        return self.seen(sighting, timeout)

    def seen(self, sighting: Sighting, timeout: float) -> float:
        """When the watched text reached the terminal; a clear failure if it never did."""
        at = sighting.wait(timeout)
        if at is None:
            self._fail(f"{sighting.needle.decode()!r} did not appear within {timeout:.0f} s")
        return at

    def _fail(self, why: str) -> None:
        code = self.process.poll() if self.process else None
        state = "still running" if code is None else f"exited with status {code}"
        raise RuntimeError(
            f"{' '.join(self.argv[1:])}: {why}; the app is {state}. "
            f"Last output: {self.screen_text()[-600:]!r}"
        )

    def screen_text(self) -> str:
        """What was drawn lately, with the terminal codes stripped, for error messages."""
        import re

        with self._lock:
            tail = self._tail[-16384:]
        text = re.sub(rb"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b.", b"", tail)
        return re.sub(r"\s+", " ", text.decode(errors="replace"))

    def send(self, data: bytes | str) -> None:
        if isinstance(data, str):
            data = data.encode()
        assert self._master is not None
        os.write(self._master, data)

    def cpu_seconds(self) -> float:
        """CPU time the app has used so far, user and system, all its threads."""
        # The scheduler's own count is in nanoseconds; the tick count in /proc/PID/stat
        # moves in hundredths of a second, too coarse for an app that mostly sleeps.
        total_ns = 0
        tasks = glob.glob(f"/proc/{self.pid}/task/*/schedstat")
        for task in tasks:
            # A thread may end between the listing and the read.
            with contextlib.suppress(OSError, ValueError, IndexError):
                total_ns += int(Path(task).read_text().split()[0])
        if tasks and total_ns:
            return total_ns / 1e9
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS

    def settle(self, timeout: float, window: float = 0.3, busy: float = 0.05) -> None:
        """Wait until the app uses under `busy` of a core over `window`: what it does on its
        own after a screen shows (the home screen opens the store once its lists are drawn)
        is done, and a key's time is the key's alone."""
        deadline = time.monotonic() + timeout
        used = self.cpu_seconds()
        while time.monotonic() < deadline:
            time.sleep(window)
            now = self.cpu_seconds()
            if now - used < busy * window:
                return
            used = now
        self._fail(f"the app was still busy after {timeout:.0f} s")

    def peak_memory_kib(self) -> int:
        """The most resident memory the app has held so far (the kernel's high-water mark)."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        raise RuntimeError("the kernel gives no VmHWM for the app")

    def quit(self) -> None:
        """Ask the app to quit (ctrl+q) without waiting: several can wind down at once."""
        if self.running():
            with contextlib.suppress(OSError):
                self.send(b"\x11")

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def close(self, quit_keys: bytes | None = b"\x11", grace: float = 5.0) -> None:
        """Quit as a user would (ctrl+q), then insist; never leave the app behind."""
        try:
            if self.running() and quit_keys:
                try:
                    self.send(quit_keys)
                    self.process.wait(grace)
                except (OSError, subprocess.TimeoutExpired):
                    pass
            if self.running():
                self.process.terminate()
                try:
                    self.process.wait(grace)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait()
        finally:
            self._stopping.set()
            if self._reader is not None:
                self._reader.join(2)
            if self._master is not None:
                os.close(self._master)
                self._master = None
