"""Serve the built site on the loopback interface only.

With ``reload`` (``billtrace serve --watch``), every HTML page is served with a small
script that polls ``/__billtrace/build`` and reloads the page when the build number
changes; the files on disk stay as built.
"""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

__all__ = ["HOST", "BuildCounter", "make_server"]

HOST = "127.0.0.1"
_RELOAD_SCRIPT = (
    "<script>/* billtrace serve --watch: reload when the site is rebuilt */(function(){var seen=null;"
    "function poll(){fetch('/__billtrace/build',{cache:'no-store'}).then(function(r){return r.text();})"
    ".then(function(t){if(seen!==null&&t!==seen){location.reload();return;}seen=t;setTimeout(poll,1000);})"
    ".catch(function(){setTimeout(poll,3000);});}poll();})();</script>"
)


class BuildCounter:
    """The number of the current build; the watcher bumps it after each rebuild."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.value = 0

    def bump(self) -> int:
        with self._lock:
            self.value += 1
            return self.value


class _QuietHandler(SimpleHTTPRequestHandler):
    reload: BuildCounter | None = None

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the terminal for the address and errors; no line per request."""

    def do_GET(self) -> None:
        if self.reload is None:
            super().do_GET()
            return
        path = unquote(urlsplit(self.path).path)
        if path == "/__billtrace/build":
            self._send(str(self.reload.value).encode("ascii"), "text/plain; charset=utf-8")
            return
        file = Path(self.translate_path(self.path))
        if file.is_dir():
            file = file / "index.html"
        if file.suffix == ".html" and file.is_file():
            page = file.read_text(encoding="utf-8")
            page = page.replace("</body>", _RELOAD_SCRIPT + "</body>", 1)
            self._send(page.encode("utf-8"), "text/html; charset=utf-8")
            return
        super().do_GET()

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def make_server(directory: Path, *, port: int = 8000, reload: BuildCounter | None = None) -> ThreadingHTTPServer:
    """An HTTP server for ``directory`` on 127.0.0.1 (``port=0`` picks a free port)."""
    handler = functools.partial(type("_Handler", (_QuietHandler,), {"reload": reload}), directory=str(directory))
    return ThreadingHTTPServer((HOST, port), handler)
