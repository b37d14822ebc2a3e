"""What ``mkdocs serve`` answers while it makes its first site.

MkDocs opens its server only once its first build is done: as long as a warm build, and the
writer's browser says the address is unreachable meanwhile. Until then the address answers
from another process with the site the last ``mkdocs build`` left (or, with none, a page
saying the preview is being made). Each HTML page carries a line saying so and a script
that reloads the page once the preview's own server answers in its place.

The server is this file run as a script, standard library only: a process of its own, so
that the build keeps a single thread and may fork its drawing workers (core/workers.py),
and no process the build forks holds the listening socket when MkDocs opens its own.
"""

from __future__ import annotations

import html
import json
import os
import select
import subprocess
import sys
import threading
import time
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# Present on every answer of this server, absent from the preview's own: the page's script
# reloads once a look at the address no longer finds it.
HEADER = "X-Xuanchuan-Preview"

_RELOAD = (
    "<script>(function look(){fetch(location.href,{method:'HEAD',cache:'no-store'})"
    f".then(function(r){{r.headers.get('{HEADER}')?setTimeout(look,500):location.reload()}},"
    "function(){setTimeout(look,300)})})();</script>"
)
_LINE_STYLE = (
    "position:sticky;top:0;z-index:9;margin:0;padding:.6em 1em;background:#fff3cd;"
    "color:#3d2c00;font:1.1rem/1.5 sans-serif;border-bottom:2px solid #8a6d00"
)


class EarlyPreview:
    """The early server's process, started by ``start`` and ended by ``stop``."""

    def __init__(self, process: subprocess.Popen):
        self.process = process

    @classmethod
    def start(
        cls, address: tuple[str, int], mount_path: str, site: Path | None, texts: dict[str, str]
    ) -> EarlyPreview | None:
        """Answer at ``address`` under ``mount_path`` from the built ``site`` folder (None:
        the waiting page alone); ``texts``: the line (``notice``), the waiting page
        (``title``, ``waiting``) in the team's language. None when the server is not ready
        within a second (the address taken, say): MkDocs then reports the address itself."""
        settings = {
            "host": address[0],
            "port": int(address[1]),
            "mount": "/" + mount_path.strip("/") + ("/" if mount_path.strip("/") else ""),
            "site": str(site) if site else None,
            "texts": texts,
            "parent": os.getpid(),
        }
        process = subprocess.Popen(
            [sys.executable, "-I", __file__, json.dumps(settings)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
        )
        # The script says "ready" once it listens, or ends when it cannot.
        ready = _first_line(process, timeout=5.0) == "ready"
        if not ready:
            _end(process)
            return None
        return cls(process)

    def stop(self) -> None:
        """The preview's own server opens next: the address is let go of, now."""
        _end(self.process)


def _first_line(process: subprocess.Popen, timeout: float) -> str:
    # Waited for with select, not a thread: the build must stay a single thread to fork.
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        readable, _, _ = select.select([process.stdout], [], [], left)
        if readable:
            return process.stdout.readline().decode().strip()
    return ""


def _end(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stdout:
        process.stdout.close()


# -- the server's own process -----------------------------------------------------------------


def _handler(settings: dict):
    mount, texts = settings["mount"], settings["texts"]
    site = Path(settings["site"]) if settings["site"] else None

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(site or os.devnull), **kwargs)

        def log_message(self, *args):  # the build's own log is what the writer reads
            pass

        def end_headers(self):
            self.send_header(HEADER, "starting")
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def do_HEAD(self):
            self.send_response(HTTPStatus.OK)
            self.end_headers()

        def do_GET(self):
            path = self.path.split("?", 1)[0].split("#", 1)[0]
            if not path.startswith(mount):
                self.send_response(HTTPStatus.FOUND)
                self.send_header("Location", mount)
                self.end_headers()
                return
            self.path = "/" + path[len(mount) :]
            found = Path(self.translate_path(self.path)) if site else None
            if found is not None and found.is_dir():
                found = found / "index.html"
            if found is None or not found.is_file():
                self._answer(HTTPStatus.SERVICE_UNAVAILABLE, _waiting_page(texts))
            elif found.suffix == ".html":
                self._answer(HTTPStatus.OK, _with_line(found.read_bytes(), texts["notice"]))
            else:
                super().do_GET()

        def _answer(self, status: HTTPStatus, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def _with_line(page: bytes, notice: str) -> bytes:
    line = f'<p style="{_LINE_STYLE}" dir="auto" role="status">{html.escape(notice)}</p>'
    addition = (line + _RELOAD).encode()
    start = page.lower().find(b"<body")
    end = page.find(b">", start) if start >= 0 else -1
    if end < 0:
        return addition + page
    return page[: end + 1] + addition + page[end + 1 :]


def _waiting_page(texts: dict[str, str]) -> bytes:
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{html.escape(texts['title'])}</title></head>"
        f'<body style="font:1.25rem/1.6 sans-serif;margin:2em" dir="auto">'
        f"<h1>{html.escape(texts['title'])}</h1><p>{html.escape(texts['waiting'])}</p>"
        f"{_RELOAD}</body></html>"
    ).encode()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


def _serve(settings: dict) -> None:
    try:
        server = ThreadingHTTPServer((settings["host"], settings["port"]), _handler(settings))
    except OSError:
        sys.exit(1)  # no "ready": the preview goes on without an early answer
    server.daemon_threads = True
    threading.Thread(target=_watch_parent, args=(settings["parent"],), daemon=True).start()
    print("ready", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    _serve(json.loads(sys.argv[1]))
