"""The preview server (``mkdocs serve``) after a rebuild failed: it keeps serving the last
good site, says so on every page, and names the problem, until a rebuild succeeds.

Nothing here knows MkDocs: a rebuild is any callable, the server any WSGI application.
"""

from __future__ import annotations

import base64
import gc
import html
import logging
import mimetypes
import pickle
import re
import threading
from collections.abc import Callable, Iterable

from ...core.log import log
from ...core.messages import msg
from ...core.workers import collect_garbage, collect_only_when_asked

_BODY = re.compile(rb"<body[^>]*>", re.IGNORECASE)


class Preview:
    def __init__(self) -> None:
        # The server's threads must not collect garbage by themselves while a rebuild forks
        # drawing workers: the collector runs after each rebuild, when asked (core/workers).
        collect_only_when_asked()
        self.problem: str | None = None  # what made the last rebuild fail, or went wrong
        # Whether the last rebuild failed (the last good site is served), or succeeded with
        # problems (a campaign or report with a mistake is left out until it is fixed).
        self.failed = False

    def started_with(self, problems: list[str]) -> None:
        """The problems of the build the preview started with (MkDocs makes it before the
        server, outside ``guarded``): a campaign left out then is told as after a save."""
        self.problem = "\n".join(dict.fromkeys(problems)) or None
        self.failed = False

    def guarded(self, rebuild: Callable) -> Callable:
        """``rebuild`` that never raises: a failure is kept and reported instead."""

        def run(*args, **kwargs) -> None:
            errors = ReportedLines()
            logging.getLogger("mkdocs").addHandler(errors)
            # Python's collector would go through everything the last rebuild left, again
            # and again during this one (about 0.9 s of a save at 2,700 pages): set aside,
            # it is looked at once, a moment after the browser has reloaded.
            gc.freeze()
            try:
                rebuild(*args, **kwargs)
            except Exception as error:  # whatever broke, the server must go on serving
                log.debug("The rebuild failed", exc_info=True)
                found = "\n".join(errors.errors) or "\n".join(errors.lines)
                self.problem = found or f"{type(error).__name__}: {error}"
                self.failed = True
                if not found:
                    log.error(self.problem)
                log.info(
                    msg(
                        "Preview: the last good site is still served, with a notice of the "
                        "problem on every page; fix it and save to rebuild"
                    )
                )
                return
            finally:
                gc.unfreeze()
                _collect_later()
                logging.getLogger("mkdocs").removeHandler(errors)
            # Saved with a mistake in a campaign or report: the rebuild goes on without it,
            # and every page says so, as for a content page that stops the build.
            self.problem = "\n".join(errors.lines) or None
            self.failed = False

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
            content = _with_notice(_read_all(body), self.problem, self.failed)
            headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
            start_response(answer["status"], [*headers, ("Content-Length", str(len(content)))])
            return [content]

        return serve


def _collect_later(seconds: float = 2.0) -> None:
    """Free what the last rebuild left once the browser has reloaded, while the writer reads."""
    timer = threading.Timer(seconds, collect_garbage)
    timer.daemon = True
    timer.start()


class ReportedLines(logging.Handler):
    """What a rebuild reported: its warnings and errors, and its errors alone."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.lines: list[str] = []
        self.errors: list[str] = []

    def emit(self, record) -> None:
        text = record.getMessage()
        if text not in self.lines:
            self.lines.append(text)
        if record.levelno >= logging.ERROR and text not in self.errors:
            self.errors.append(text)


def _read_all(body: Iterable[bytes]) -> bytes:
    try:
        return b"".join(body)
    finally:
        close = getattr(body, "close", None)
        if close:
            close()


def _with_notice(page: bytes, problem: str, failed: bool = True) -> bytes:
    # In the team's language, which may run the other way than the page's (dir="auto").
    heading = (
        msg("The last rebuild failed: this is the last good site.")
        if failed
        else msg(
            "The last save has problems: a campaign or report with a mistake is left out of "
            "the preview until it is fixed."
        )
    )
    notice = (
        '<div id="xuanchuan-preview-problem" role="alert" dir="auto" style="background:#b00020;'
        'color:#fff;padding:.8em 1.2em;font:14px/1.5 sans-serif;position:relative;z-index:9">'
        f"<strong>{html.escape(str(heading))}"
        f"</strong> {html.escape(str(msg('Fix the problem below and save to rebuild.')))}"
        f'<pre style="white-space:pre-wrap;margin:.5em 0 0">{html.escape(problem)}</pre></div>'
    ).encode()
    found = _BODY.search(page)
    at = found.end() if found else 0
    return page[:at] + notice + page[at:]


class PreviewFiles:
    """Files a preview serves from where they are, by address, instead of the site's folder.

    A build copies every poster, article, picture and theme file into the site; a preview
    rebuilds a whole new site on each save, and copying them each time was most of the
    wait. The preview's server answers for them from where they are kept instead
    (``wrap``). Files made from the build's data, such as the search index, are made only
    when first asked for (``add_made``).

    A rebuild says again which files there are (``begin``, ``add``); the server keeps
    answering with the last good rebuild's until a new one has succeeded (``commit``), so
    a failed rebuild leaves the last good site whole. A rebuild's other languages are built
    in another process, which hands its files over (``taken``, ``take``).
    """

    def __init__(self) -> None:
        self.served = _Files()
        self.pending = _Files()

    def begin(self) -> None:
        self.pending = _Files()

    def add(self, address: str, path: str) -> None:
        self.pending.paths[address] = path

    def add_marked(self, address: str, path: str, mark: Callable[[str], str]) -> None:
        """A print file served as a draft: ``mark(path)`` is the path of its marked copy,
        made when first asked for (a preview's posters carry the 样稿 / DRAFT band).
        ``mark`` is a module's function or a ``functools.partial`` of one, with plain
        values, to be handed between processes."""
        self.pending.marked[address] = (path, mark)

    def add_content(self, address: str, content: bytes) -> None:
        """A small file the rebuild made in memory (a short page, a feed)."""
        self.pending.contents[address] = content

    def add_made(self, folder: str, make: Callable[[object], dict[str, bytes]], data) -> None:
        """The files under ``folder`` (an address ending in "/") are ``make(data)``, by
        their path below it, made once when the first of them is asked for. ``make`` is a
        module's function and ``data`` plain values, to be handed between processes."""
        self.pending.made[folder] = _MadeOnRequest(make, data)

    def commit(self) -> None:
        self.served = self.pending

    def taken(self) -> str:
        """What this process added since ``begin``, for ``take`` in another."""
        made = {folder: (item.make, item.data) for folder, item in self.pending.made.items()}
        files = (self.pending.paths, self.pending.contents, made, self.pending.marked)
        return base64.b64encode(pickle.dumps(files)).decode("ascii")

    def take(self, taken: str) -> None:
        paths, contents, made, marked = pickle.loads(base64.b64decode(taken))
        self.pending.paths.update(paths)
        self.pending.contents.update(contents)
        self.pending.marked.update(marked)
        for folder, (make, data) in made.items():
            self.add_made(folder, make, data)

    def wrap(self, app: Callable) -> Callable:
        def serve(environ, start_response) -> Iterable[bytes]:
            if environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
                return app(environ, start_response)
            address = environ.get("PATH_INFO", "")
            data = self.served.find(address)
            if data is None:
                return app(environ, start_response)
            kind = mimetypes.guess_type(address)[0] or "application/octet-stream"
            start_response("200 OK", [("Content-Type", kind), ("Content-Length", str(len(data)))])
            return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [data]

        return serve


class _Files:
    def __init__(self) -> None:
        self.paths: dict[str, str] = {}
        self.contents: dict[str, bytes] = {}
        self.made: dict[str, _MadeOnRequest] = {}
        self.marked: dict[str, tuple[str, Callable[[str], str]]] = {}

    def find(self, address: str) -> bytes | None:
        if address in self.contents:
            return self.contents[address]
        path = self.paths.get(address)
        if address in self.marked:
            original, mark = self.marked[address]
            try:
                path = mark(original)
            except OSError:
                return None
        if path is not None:
            try:
                with open(path, "rb") as stream:
                    return stream.read()
            except OSError:
                return None
        folder, _, name = address.rpartition("/")
        made = self.made.get(folder + "/")
        return made.file(name) if made is not None else None


class _MadeOnRequest:
    def __init__(self, make: Callable[[object], dict[str, bytes]], data) -> None:
        self.make, self.data = make, data
        self.files: dict[str, bytes] | None = None
        self.lock = threading.Lock()  # the server answers each request in its own thread

    def file(self, name: str) -> bytes | None:
        with self.lock:
            if self.files is None:
                self.files = self.make(self.data)
            return self.files.get(name)


def watch_promptly(server, tell: Callable[[str, bool], None] | None = None) -> None:
    """Have ``server`` (MkDocs's LiveReloadServer) hear of a saved file at once, and
    ``tell(path, moved)`` of each file written (``moved``: made, removed or renamed).

    MkDocs polls the watched folders every half second, which is a quarter of a second of
    every save's wait on average, and walks every file each time. On Linux the kernel tells
    of changes as they happen (inotify); where it cannot watch (too many folders for its
    limit, a network drive), MkDocs's polling stays, and nothing is told.
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
        if tell is not None:
            server.observer.schedule(_Telling(tell), path, recursive=True)


def _Telling(tell: Callable[[str, bool], None]):
    """A watchdog handler passing each change on to ``tell``."""
    from watchdog.events import FileSystemEventHandler

    class Telling(FileSystemEventHandler):
        def on_any_event(self, event) -> None:
            kind = event.event_type
            if kind == "moved":
                # An editor's safe save writes a new file and renames it over the old one:
                # the file at the destination was written.
                tell(event.dest_path, False)
                tell(event.src_path, not _scratch(event.src_path))
            elif kind in ("created", "deleted"):
                tell(event.src_path, not _scratch(event.src_path))
            elif not event.is_directory:
                tell(event.src_path, False)

    return Telling()


def _scratch(path: str) -> bool:
    """An editor's own file beside the one it saves (.index.zh.md.swp, index.zh.md~): its
    coming and going changes no page."""
    name = path.rsplit("/", 1)[-1]
    return name.startswith((".", "#")) or name.endswith(("~", ".swp", ".swx", ".tmp"))


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
