"""The preview server (``mkdocs serve``) after a rebuild failed: it keeps serving the last
good site, says so on every page, and names the problem, until a rebuild succeeds.

Nothing here knows MkDocs: a rebuild is any callable, the server any WSGI application.
"""

from __future__ import annotations

from ..core.messages import msg

import html
import logging
import mimetypes
import re
from collections.abc import Callable, Iterable

from ..core.log import log

_BODY = re.compile(rb"<body[^>]*>", re.IGNORECASE)


class Preview:
    def __init__(self) -> None:
        self.problem: str | None = None  # what made the last rebuild fail

    def guarded(self, rebuild: Callable) -> Callable:
        """``rebuild`` that never raises: a failure is kept and reported instead."""

        def run(*args, **kwargs) -> None:
            errors = _ErrorLines()
            logging.getLogger("mkdocs").addHandler(errors)
            try:
                rebuild(*args, **kwargs)
            except Exception as error:  # whatever broke, the server must go on serving
                log.debug("The rebuild failed", exc_info=True)
                self.problem = "\n".join(errors.lines) or f"{type(error).__name__}: {error}"
                if not errors.lines:
                    log.error(self.problem)
                log.info(
                    msg(
                        "Preview: the last good site is still served, with a notice of the "
                        "problem on every page; fix it and save to rebuild"
                    )
                )
                return
            finally:
                logging.getLogger("mkdocs").removeHandler(errors)
            self.problem = None

        return run

    def with_notice(self, app: Callable) -> Callable:
        """The WSGI ``app`` with a notice of the problem at the top of every HTML page."""

        def serve(environ, start_response) -> Iterable[bytes]:
            if self.problem is None:
                return app(environ, start_response)
            answer: dict = {}

            def keep(status, headers, exc_info=None):
                answer.update(status=status, headers=headers)
                return lambda data: None  # the server writes through the returned body only

            body = app(environ, keep)
            headers = answer.get("headers", [])
            if not any(k.lower() == "content-type" and "html" in v for k, v in headers):
                start_response(answer["status"], headers)
                return body
            content = _with_notice(_read_all(body), self.problem)
            headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
            start_response(answer["status"], [*headers, ("Content-Length", str(len(content)))])
            return [content]

        return serve


class _ErrorLines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record) -> None:
        self.lines.append(record.getMessage())


def _read_all(body: Iterable[bytes]) -> bytes:
    try:
        return b"".join(body)
    finally:
        close = getattr(body, "close", None)
        if close:
            close()


def _with_notice(page: bytes, problem: str) -> bytes:
    # In the team's language, which may run the other way than the page's (dir="auto").
    notice = (
        '<div id="xuanchuan-preview-problem" role="alert" dir="auto" style="background:#b00020;'
        'color:#fff;padding:.8em 1.2em;font:14px/1.5 sans-serif;position:relative;z-index:9">'
        f"<strong>{html.escape(str(msg('The last rebuild failed: this is the last good site.')))}"
        f"</strong> {html.escape(str(msg('Fix the problem below and save to rebuild.')))}"
        f'<pre style="white-space:pre-wrap;margin:.5em 0 0">{html.escape(problem)}</pre></div>'
    ).encode("utf-8")
    found = _BODY.search(page)
    at = found.end() if found else 0
    return page[:at] + notice + page[at:]


class PreviewFiles:
    """Print files a preview serves straight from the cache, by address.

    A build copies every poster and leaflet into the site; a preview rebuilds on each save,
    and copying hundreds of megabytes each time was most of the wait. The preview's server
    answers for them from where they were drawn instead (``wrap``); each rebuild says
    again which they are (``clear``, ``add``), so a redrawn file is served at once.
    """

    def __init__(self) -> None:
        self.files: dict[str, str] = {}

    def clear(self) -> None:
        self.files = {}

    def add(self, address: str, path: str) -> None:
        self.files[address] = path

    def wrap(self, app: Callable) -> Callable:
        def serve(environ, start_response) -> Iterable[bytes]:
            path = self.files.get(environ.get("PATH_INFO", ""))
            if path is None or environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
                return app(environ, start_response)
            try:
                with open(path, "rb") as stream:
                    data = stream.read()
            except OSError:
                return app(environ, start_response)
            kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
            start_response("200 OK", [("Content-Type", kind), ("Content-Length", str(len(data)))])
            return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [data]

        return serve


def watch_promptly(server) -> None:
    """Have ``server`` (MkDocs's LiveReloadServer) hear of a saved file at once.

    MkDocs polls the watched folders every half second, which is a quarter of a second of
    every save's wait on average, and walks every file each time. On Linux the kernel tells
    of changes as they happen (inotify); where it cannot watch (too many folders for its
    limit, a network drive), MkDocs's polling stays.
    """
    try:
        from watchdog.events import FileSystemEventHandler

        paths = dict(server._watched_paths)
        # A trial first: a watch the kernel refuses fails here, not in the running server.
        trial = _changes_observer()
        for path in paths:
            trial.schedule(FileSystemEventHandler(), path, recursive=True)
        trial.start()
        trial.stop()
        trial.join()
    except (ImportError, OSError, AttributeError):
        return
    for path in paths:
        server.observer.unschedule(server._watch_refs.pop(path))
    server._watched_paths.clear()
    server.observer = _changes_observer()
    for path, count in paths.items():
        server.watch(path)
        server._watched_paths[path] = count


def _changes_observer():
    """An inotify observer that tells of files written, made, moved or deleted: the kernel
    also tells of every file the build opens and reads, and each would start a rebuild."""
    from watchdog.events import (
        FileClosedEvent,
        FileCreatedEvent,
        FileDeletedEvent,
        FileModifiedEvent,
        FileMovedEvent,
    )
    from watchdog.observers.inotify import InotifyObserver

    changes = [
        FileClosedEvent,
        FileCreatedEvent,
        FileDeletedEvent,
        FileModifiedEvent,
        FileMovedEvent,
    ]

    class ChangesObserver(InotifyObserver):
        def schedule(self, handler, path, *, recursive=False, **_):
            return super().schedule(handler, path, recursive=recursive, event_filter=changes)

    return ChangesObserver()
