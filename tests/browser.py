"""Headless Chromium driven over its DevTools protocol: open a page, type into it, look at it.

Only the few calls the browser test needs. What the page's own websockets receive is
kept (`received`), so a test can wait for the app's screen to say something before it
types on: keys typed while the app is still moving focus would land in the wrong place.
"""

from __future__ import annotations

import asyncio
import base64
import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# As root there is no sandbox to use; the rest keeps a closed network's refusals quiet.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1000,600",
)
KEYS = {"\r": ("Enter", "Enter", 13), "\t": ("Tab", "Tab", 9), "\x1b": ("Escape", "Escape", 27)}


class Browser:
    def __init__(self, port: int):
        # Chromium's helpers may still be writing to it as it is removed.
        self._profile = tempfile.TemporaryDirectory(ignore_cleanup_errors=True)
        self.process = subprocess.Popen(
            [
                CHROMIUM,
                *FLAGS,
                f"--user-data-dir={self._profile.name}",
                f"--remote-debugging-port={port}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.port = port
        self._client = None
        self._socket = None
        self._calls = 0
        self._replies: dict[int, asyncio.Future] = {}
        self._listener: asyncio.Task | None = None
        self.received = b""
        """Every frame the page's websockets received, in order: the app's terminal output."""

    async def __aenter__(self) -> Browser:
        import aiohttp

        self._client = aiohttp.ClientSession()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 60
        while True:
            try:
                async with self._client.get(f"http://127.0.0.1:{self.port}/json/list") as reply:
                    pages = [t for t in await reply.json() if t["type"] == "page"]
                if pages:
                    break
            except aiohttp.ClientError:
                pass
            if loop.time() > deadline:
                raise TimeoutError("Chromium did not start")
            await asyncio.sleep(0.2)
        self._socket = await self._client.ws_connect(
            pages[0]["webSocketDebuggerUrl"], max_msg_size=0
        )
        self._listener = asyncio.create_task(self._listen())
        await self.call("Network.enable")
        return self

    async def _listen(self) -> None:
        async for message in self._socket:
            data = message.json()
            if "id" in data:
                self._replies.pop(data["id"]).set_result(data)
            elif data.get("method") == "Network.webSocketFrameReceived":
                frame = data["params"]["response"]
                payload = frame["payloadData"]
                self.received += (
                    base64.b64decode(payload) if frame["opcode"] == 2 else payload.encode()
                )

    async def __aexit__(self, *exc) -> None:
        if self._listener is not None:
            self._listener.cancel()
        if self._socket is not None:
            await self._socket.close()
        await self._client.close()
        self.process.kill()
        self.process.wait()
        self._profile.cleanup()

    async def call(self, method: str, **params) -> dict:
        self._calls += 1
        reply = self._replies[self._calls] = asyncio.get_running_loop().create_future()
        await self._socket.send_json({"id": self._calls, "method": method, "params": params})
        message = await asyncio.wait_for(reply, 60)
        if "error" in message:
            raise RuntimeError(f"{method}: {message['error']}")
        return message["result"]

    async def seen(self, text: str, timeout: float = 60) -> bool:
        """Whether the app's screen, as the page received it, came to show `text`."""
        wanted = text.encode()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while wanted not in self.received:
            if loop.time() > deadline:
                return False
            await asyncio.sleep(0.05)
        return True

    async def open(self, url: str) -> None:
        await self.call("Page.navigate", url=url)

    async def evaluate(self, expression: str):
        reply = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return reply["result"].get("value")

    async def type(self, text: str) -> None:
        for char in text:
            key, code, number = KEYS.get(
                char, (char, "", ord(char.upper()) if char.isalnum() else 0)
            )
            down = {"key": key, "code": code, "windowsVirtualKeyCode": number}
            await self.call("Input.dispatchKeyEvent", type="keyDown", text=char, **down)
            await self.call("Input.dispatchKeyEvent", type="keyUp", **down)

    async def screenshot(self, path: Path) -> None:
        shot = await self.call("Page.captureScreenshot")
        path.write_bytes(base64.b64decode(shot["data"]))
