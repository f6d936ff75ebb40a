"""A tiny Chrome DevTools Protocol client over `--remote-debugging-pipe` (no websockets needed):
Chromium reads NUL-terminated JSON commands on fd 3 and writes replies and events on fd 4.

Just enough to drive a page the way a person would: navigate, type into fields, click, read
text, and wait for the next page load.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any


def chromium_binary() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class CdpError(RuntimeError):
    pass


class Browser:
    """One headless Chromium with one page, attached in flat session mode."""

    def __init__(self, binary: str, timeout: float = 30.0) -> None:
        self.timeout = timeout
        self._profile = Path(tempfile.mkdtemp(prefix="fc-gw-chromium-"))
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        args = [binary, "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--disable-dev-shm-usage",
                "--ignore-certificate-errors", f"--user-data-dir={self._profile}", "about:blank"]
        # bash puts the pipe ends on the fixed descriptors 3 and 4 that Chromium expects.
        script = f'exec "$@" 3<&{to_chrome_r} 4>&{from_chrome_w} {to_chrome_r}<&- {from_chrome_w}>&-'
        self._process = subprocess.Popen(["bash", "-c", script, "bash", *args], pass_fds=(to_chrome_r, from_chrome_w),
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self._session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Page.enable", session=True)
        self.call("Runtime.enable", session=True)

    # -- wire --------------------------------------------------------------------------------

    def _send(self, message: dict[str, Any]) -> None:
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise CdpError("Chromium did not answer in time")
            ready, _, _ = select.select([self._from_chrome], [], [], remaining)
            if ready:
                chunk = os.read(self._from_chrome, 1 << 16)
                if not chunk:
                    raise CdpError("Chromium closed the debugging pipe")
                self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(self, method: str, session: bool = False, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self._session
        self._send(message)
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise CdpError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self._events.append(reply)

    def _wait_for_event(self, name: str) -> None:
        deadline = time.monotonic() + self.timeout
        while True:
            for index, event in enumerate(self._events):
                if event.get("method") == name:
                    del self._events[: index + 1]
                    return
            self._events.clear()
            self._events.append(self._receive(deadline))

    # -- what a test does ------------------------------------------------------------------

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise CdpError(f"script failed: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def load(self, action: str) -> None:
        """Run `action` (a JS expression that navigates or submits) and wait for the new page."""
        self._events.clear()
        self.evaluate(action)
        self._wait_for_event("Page.loadEventFired")

    def goto(self, url: str) -> None:
        self._events.clear()
        self.call("Page.navigate", session=True, url=url)
        self._wait_for_event("Page.loadEventFired")

    def fill(self, selector: str, value: str) -> None:
        self.evaluate(f"document.querySelector({json.dumps(selector)}).value = {json.dumps(value)}")

    def click(self, selector: str) -> None:
        self.load(f"document.querySelector({json.dumps(selector)}).click()")

    def text(self, selector: str) -> str:
        value = self.evaluate(f"(document.querySelector({json.dumps(selector)}) || {{}}).innerText || ''")
        return str(value)

    @property
    def url(self) -> str:
        return str(self.evaluate("location.href"))

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except CdpError:
            pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        os.close(self._to_chrome)
        os.close(self._from_chrome)
        shutil.rmtree(self._profile, ignore_errors=True)
