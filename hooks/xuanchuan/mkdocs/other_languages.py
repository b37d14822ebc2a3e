"""The other languages' sites, built in a child process meanwhile."""

from __future__ import annotations

import json
import logging
import os
import signal

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from ..core.disk_cache import add_damaged, take_damaged
from ..core.failure import failure_summary
from ..core.log import log
from ..core.messages import msg
from ..core.strings import language_name
from ..core.workers import die_with_parent, may_fork
from ..site.build.run import Run
from .log_handlers import WarningCounter
from .preview_files import PREVIEW_FILES


class OtherLanguages:
    """The other languages' sites, built in a forked process while this one builds the
    default language's: on two cores a cold build's site part takes nearly half as long.

    The child builds exactly as the build would have in turn (``build_other_languages``),
    writing into the same staging folder, and reports back what the parent needs to finish
    the run: its warnings (for --strict), the kept pages it used, and how it failed.
    """

    def __init__(self, pid: int, reader: int):
        self.pid, self.reader = pid, reader

    @classmethod
    def start(cls, build_others, run: Run, warnings: WarningCounter) -> OtherLanguages | None:
        """Start ``build_others(run)`` in a child process; None where there is nothing to
        build or no fork."""
        if len(run.settings.languages) < 2 or not hasattr(os, "fork"):
            return None
        if not run.serving and not may_fork():
            # This build set text itself (a draft's marks): a child that sets text too
            # could wait forever on Pango's threads, which a fork does not copy.
            return None
        reader, writer = os.pipe()
        for handler in logging.getLogger().handlers + logging.getLogger("mkdocs").handlers:
            handler.flush()
        parent = os.getpid()
        pid = os.fork()
        if pid:
            os.close(writer)
            return cls(pid, reader)
        die_with_parent(parent)
        os.close(reader)
        # What this process adds is handed over at the end; the parent counts its own.
        PREVIEW_FILES.begin()
        take_damaged()
        outcome: dict = {"failure": None}
        before, told = warnings.count, len(warnings.lines)
        try:
            build_others(run)
        except Abort as error:
            outcome["failure"] = ["abort", str(error)]
        except BaseException as error:  # reported by the parent, which ends the build
            outcome["failure"] = ["error", f"{type(error).__name__}: {error}"]
        outcome["warnings"] = warnings.count - before
        outcome["lines"] = warnings.lines[told:]
        outcome["pages"] = sorted(run.pages_used)
        outcome["preview"] = PREVIEW_FILES.taken() if run.serving else None
        outcome["damaged"] = take_damaged()
        for handler in logging.getLogger().handlers + logging.getLogger("mkdocs").handlers:
            handler.flush()
        with os.fdopen(writer, "w", encoding="utf-8") as stream:
            json.dump(outcome, stream)
        os._exit(0)

    def finish(self, run: Run, warnings: WarningCounter) -> None:
        """Wait for the other languages; count their warnings in ``warnings``. Their
        failure ends this build, listing this language's problems and theirs."""
        with os.fdopen(self.reader, encoding="utf-8") as stream:
            text = stream.read()
        _, status = os.waitpid(self.pid, 0)
        try:
            outcome = json.loads(text)
        except ValueError:
            outcome = {"failure": ["error", f"the build of the other languages ended ({status})"]}
        run.pages_used.update(outcome.get("pages", ()))
        if outcome.get("preview"):
            PREVIEW_FILES.take(outcome["preview"])
        add_damaged(int(outcome.get("damaged", 0)))
        warnings.add(
            int(outcome.get("warnings", 0)), [str(line) for line in outcome.get("lines", ())]
        )
        failure = outcome.get("failure")
        if failure:
            kind, message = failure
            if kind == "abort":
                raise Abort(failure_summary(warnings.lines, strict=run.strict))
            raise PluginError(message)

    def stop(self) -> None:
        """This build failed first: the other languages' build is of no use."""
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        os.close(self.reader)


def build_other_languages(run: Run, pending) -> None:
    """Build every language after the default one, in turn, as MkDocs builds a site:
    ``pending(language)`` tells the events which language the next configuration is for."""
    for language in run.settings.languages[1:]:
        log.info(
            msg(
                "Building the {name} site ({code}/)",
                name=language_name(language.code, language.name),
                code=language.code,
            )
        )
        pending(language)
        try:
            config = load_config(config_file=run.config_file, strict=run.strict)
            serve_url = (run.site_url or "/") if run.serving else None
            mkdocs_build(config, serve_url=serve_url)
        finally:
            pending(None)
