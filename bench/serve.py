"""The writer's loop under ``mkdocs serve``: how long from saving a file until the served
page (and, for a poster field, the served PDF) shows the change.

The server's log is read as it is written and every line is stamped on arrival: MkDocs's
own log has whole seconds only, and the stamps split each edit into the watcher's part
(until "Detected file changes"), the rebuild (until "Reloading browsers") and the rest.
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

TARGET_SECONDS = 1.0  # the product issue's "save to preview" at 200 campaigns
POLL_SECONDS = 0.05
EDIT_TIMEOUT = 120.0
START_TIMEOUT = 600.0
DETECTED = "Detected file changes"
RELOADED = "Reloading browsers"
KINDS = ("campaign_text", "content_page", "poster_field", "report_text")


class Server:
    """``mkdocs serve`` on a free local port, in its own session so it stops as a whole."""

    def __init__(self, project: Path, env: dict, log_path: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.port = port
        self.lines: list[tuple[float, str]] = []
        self.lock = threading.Lock()
        self.log_path = log_path
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            # Unbuffered: a line stamped late would count against the watcher or the build.
            env={**env, "PYTHONUNBUFFERED": "1"},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        with open(self.log_path, "w", encoding="utf-8") as log:
            for line in self.process.stdout:
                with self.lock:
                    self.lines.append((time.monotonic(), line.rstrip("\n")))
                log.write(line)
                log.flush()

    def log_since(self, moment: float) -> list[tuple[float, str]]:
        with self.lock:
            return [(at, line) for at, line in self.lines if at >= moment]

    def tail(self) -> str:
        with self.lock:
            return "\n".join(line for _, line in self.lines[-40:])

    def check_alive(self) -> None:
        if self.process.poll() is not None:
            self.reader.join(timeout=5)
            raise SystemExit(f"mkdocs serve stopped:\n{self.tail()}")

    def address(self) -> str:
        """The address the server announces: mkdocs.yml's site_url gives its path."""
        deadline = self.started + START_TIMEOUT
        while time.monotonic() < deadline:
            self.check_alive()
            for _, line in self.log_since(self.started):
                found = re.search(r"Serving on (http://\S+)", line)
                if found:
                    return found[1]
            time.sleep(POLL_SECONDS)
        raise SystemExit(f"mkdocs serve never started:\n{self.tail()}")

    def idle(self) -> bool:
        """Whether every rebuild the watcher started finished, with the log quiet for 1 s,
        within the timeout."""
        deadline = time.monotonic() + EDIT_TIMEOUT
        while time.monotonic() < deadline:
            self.check_alive()
            with self.lock:
                lines = list(self.lines)
            detected = sum(DETECTED in line for _, line in lines)
            reloaded = sum(RELOADED in line for _, line in lines)
            if detected == reloaded and time.monotonic() - lines[-1][0] >= 1.0:
                return True
            time.sleep(0.2)
        return False

    def stop(self) -> None:
        if self.process.poll() is None:
            # Ctrl-C, as a writer stops it: MkDocs then removes its temporary site folder.
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.reader.join(timeout=5)


def _site_url(project: Path) -> str:
    """site_url as the project's mkdocs.yml writes it: the path the preview serves at."""
    from mkdocs.utils.yaml import yaml_load

    with open(project / "mkdocs.yml", "rb") as stream:
        written = yaml_load(stream)
    return str(written.get("site_url") or "/")


def fetch(url: str, deadline: float) -> bytes | None:
    # The server holds a request while it rebuilds, so a long wait is not a failure.
    try:
        with urllib.request.urlopen(url, timeout=max(deadline - time.monotonic(), 0.1)) as answer:
            return answer.read()
    except (OSError, http.client.HTTPException):
        return None


def pdf_text(data: bytes) -> str:
    done = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, timeout=60)
    return done.stdout.decode("utf-8", "replace")


def _shows(marker: str, text: str) -> bool:
    # A headline may be broken across lines on a poster.
    return marker in re.sub(r"\s+", "", text)


def wait_until(server: Server, condition: Callable[[float], bool]) -> float | None:
    """Seconds from now until ``condition(deadline)`` holds, polled; None after the timeout."""
    written = time.monotonic()
    deadline = written + EDIT_TIMEOUT
    while time.monotonic() < deadline:
        server.check_alive()
        if condition(deadline):
            return time.monotonic() - written
        time.sleep(POLL_SECONDS)
    return None


def _stamps(server: Server, written: float) -> tuple[float | None, float | None]:
    """Seconds from the write until the watcher saw it and until the rebuild was served."""
    detected = reloaded = None
    for at, line in server.log_since(written):
        if detected is None and DETECTED in line:
            detected = at - written
        elif detected is not None and RELOADED in line:
            reloaded = at - written
            break
    return detected, reloaded


class Edits:
    """The edits a writer makes, each with a fresh marker, and their undoing."""

    def __init__(self, project: Path) -> None:
        self.campaign = sorted((project / "campaigns").iterdir())[0]
        self.slug = self.campaign.name
        self.campaign_file = self.campaign / "index.zh.md"
        self.page_file = sorted((project / "content").rglob("*.zh.md"))[-1]
        page = self.page_file.relative_to(project / "content").as_posix()
        # The offline plugin turns directory URLs off: about.zh.md is served as about.html.
        self.page_path = page.removesuffix(".zh.md") + ".html"
        self.report_file = sorted((self.campaign / "reports").glob("*.zh.md"))[-1]
        self.report_path = f"reports/{self.report_file.name.removesuffix('.zh.md')}.html"
        edited = (self.campaign_file, self.page_file, self.report_file)
        self.originals = {path: path.read_text(encoding="utf-8") for path in edited}
        self.count = 0
        self.run = time.time_ns() // 1_000_000 % 10_000_000

    def marker(self) -> str:
        # The closing 号 keeps 标记1号 from being found inside 标记12号. The run's own
        # number keeps a poster drawn by an earlier run out of the cache: it is drawn anew.
        self.count += 1
        return f"标记{self.run}x{self.count}号"

    def write(self, kind: str, marker: str) -> None:
        if kind == "campaign_text":
            text = self.originals[self.campaign_file] + f"\n新增一句：{marker}。\n"
            self.campaign_file.write_text(text, encoding="utf-8")
        elif kind == "content_page":
            text = self.originals[self.page_file] + f"\n新增一段：{marker}。\n"
            self.page_file.write_text(text, encoding="utf-8")
        elif kind == "report_text":
            text = self.originals[self.report_file] + f"\n补充一句：{marker}。\n"
            self.report_file.write_text(text, encoding="utf-8")
        else:
            original = self.originals[self.campaign_file]
            text = re.sub(r"\n  headline: .*\n", "\n", original, count=1)
            text = text.replace("poster:\n", f"poster:\n  headline: 新标题{marker}\n", 1)
            self.campaign_file.write_text(text, encoding="utf-8")

    def restore(self) -> None:
        for path, text in self.originals.items():
            path.write_text(text, encoding="utf-8")


def _condition(kind: str, marker: str, url: str, edits: Edits) -> Callable[[float], bool]:
    campaign = f"{url}campaigns/{edits.slug}/"
    page = {"content_page": url + edits.page_path, "report_text": campaign + edits.report_path}.get(
        kind, campaign + "index.html"
    )
    poster = campaign + f"{edits.slug}-poster-A4-zh.pdf"

    def shown(deadline: float) -> bool:
        if kind == "poster_field":
            # The campaign page does not print the poster's headline: the PDF carries it, and
            # the page must answer from the same rebuild (the server holds requests until a
            # rebuild is done, so any answer after the PDF's is from it or a later one).
            pdf = fetch(poster, deadline)
            if not pdf or not _shows(marker, pdf_text(pdf)):
                return False
            html = fetch(page, deadline)
            return bool(html) and b"<html" in html
        html = fetch(page, deadline)
        return bool(html) and _shows(marker, html.decode("utf-8", "replace"))

    return shown


def measure(project: Path, env: dict, edits_per_kind: int, log_path: Path) -> dict:
    """Serve start, then ``edits_per_kind`` edits of each kind, every file restored after."""
    edits = Edits(project)
    server = Server(project, env, log_path)
    results: dict[str, list[dict]] = {kind: [] for kind in KINDS}
    settled = True
    try:
        # The address answers before MkDocs's server opens (the last build's site, while the
        # first rebuild runs): "start" is the first HTML answer there, "ready" the preview.
        mount = urllib.parse.urlsplit(_site_url(project)).path.rstrip("/") + "/"
        early = f"http://127.0.0.1:{server.port}{mount}"
        root = wait_until(server, lambda deadline: b"<html" in (fetch(early, deadline) or b""))
        if root is None:
            raise SystemExit(f"the served site root never answered:\n{server.tail()}")
        start_seconds = time.monotonic() - server.started
        url = server.address()
        ready_seconds = time.monotonic() - server.started
        if not server.idle():
            raise SystemExit(f"mkdocs serve never settled after starting:\n{server.tail()}")
        for kind in [kind for _ in range(edits_per_kind) for kind in KINDS]:
            marker = edits.marker()
            # Stamped before writing: the kernel tells the server at once, and its "Detected
            # file changes" may be read before a stamp taken after the write.
            written = time.monotonic()
            edits.write(kind, marker)
            seconds = wait_until(server, _condition(kind, marker, url, edits))
            # The next edit must not land in this one's rebuild (nor in a late one).
            settled = server.idle()
            detected, reloaded = _stamps(server, written)
            results[kind].append({"seconds": seconds, "detected": detected, "rebuilt": reloaded})
            if not settled:
                break  # a server stuck in a rebuild: the edits left would all time out
    finally:
        server.stop()
        edits.restore()
    return {
        "start_seconds": round(start_seconds, 3),
        "ready_seconds": round(ready_seconds, 3),
        "target_seconds": TARGET_SECONDS,
        "edits": {kind: _summary(runs) for kind, runs in results.items()},
        # False: the server was still rebuilding long after an edit and the rest were not made.
        "settled": settled,
        "log": str(log_path),
    }


def _median(values: list[float | None]) -> float | None:
    known = [value for value in values if value is not None]
    return round(statistics.median(known), 3) if known else None


def _summary(runs: list[dict]) -> dict:
    seconds = [run["seconds"] for run in runs]
    return {
        "median_seconds": _median(seconds),
        "all": [None if value is None else round(value, 3) for value in seconds],
        "timeouts": sum(value is None for value in seconds),
        # Split from the server's log: write to "Detected file changes" is MkDocs's
        # watcher, write to "Reloading browsers" adds the rebuild.
        "median_detected_seconds": _median([run["detected"] for run in runs]),
        "median_rebuilt_seconds": _median([run["rebuilt"] for run in runs]),
    }


def table_lines(serve: dict, warm_seconds: float) -> list[str]:
    target = serve["target_seconds"]
    lines = [
        "",
        f"mkdocs serve start: {serve['start_seconds']:.2f} s, its own server ready "
        f"{serve['ready_seconds']:.2f} s (warm build {warm_seconds:.2f} s)",
        f"{'save to preview':<16}{'median s':>10}{'target':>9}{'watcher':>9}{'rebuilt':>9}"
        f"{'timeouts':>10}  all",
    ]
    for kind, edit in serve["edits"].items():
        lines.append(
            f"{kind:<16}{_figure(edit['median_seconds']):>10}{'<= ' + str(target):>9}"
            f"{_figure(edit['median_detected_seconds']):>9}"
            f"{_figure(edit['median_rebuilt_seconds']):>9}{edit['timeouts']:>10}  "
            + ", ".join(_figure(value) for value in edit["all"])
        )
    lines.append(
        '(watcher: write to MkDocs\'s "Detected file changes"; rebuilt: write to '
        '"Reloading browsers"; median s: write to the served page/PDF showing the change)'
    )
    return lines


def _figure(value: float | None) -> str:
    return "timeout" if value is None else f"{value:.2f}"
