"""`facilitator serve` run for real in a test: a process on a free loopback port, read live."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Served:
    """The server process; `lines` is what it printed, `said(text)` waits for a line."""

    def __init__(self, database, *args: str, port: int | None = None):
        self.port = port or free_port()
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "facilitator",
                "--db",
                str(database),
                "serve",
                "--port",
                str(self.port),
                *args,
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        self._changed = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _read(self) -> None:
        for line in self.process.stdout:
            with self._changed:
                self.lines.append(line.rstrip("\n"))
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def said(self, text: str, timeout: float = 60) -> bool:
        with self._changed:
            return self._changed.wait_for(
                lambda: any(text in line for line in self.lines) or self.process.poll() is not None,
                timeout,
            ) and any(text in line for line in self.lines)

    def listening(self, timeout: float = 60) -> bool:
        """Whether the port takes connections: the server names its address a moment
        before it listens on it."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return True
            except OSError:
                time.sleep(0.05)
        return False

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def screen_through_websocket(url: str, wanted: bytes, timeout: float = 60) -> bytes:
    """Connect as the browser page does, and read the app's terminal output until `wanted`."""
    import aiohttp

    async def read() -> bytes:
        received = b""
        async with (
            aiohttp.ClientSession() as client,
            client.ws_connect(f"{url}/ws?width=80&height=24") as websocket,
        ):
            loop = asyncio.get_running_loop()
            deadline = loop.time() + timeout
            while wanted not in received and loop.time() < deadline:
                message = await websocket.receive(timeout=deadline - loop.time())
                if message.type == aiohttp.WSMsgType.BINARY:
                    received += message.data
                elif message.type != aiohttp.WSMsgType.TEXT:
                    break
        return received

    return asyncio.run(read())
