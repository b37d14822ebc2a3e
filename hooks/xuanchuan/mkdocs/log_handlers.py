"""Logging handlers: the run's warnings counted and kept, MkDocs's English complaints
about mkdocs.yml told again in the team's language, and noise left out."""

from __future__ import annotations

import atexit
import logging
import re
from pathlib import Path

from ..core.failure import config_failure_summary
from ..core.messages import use_language
from ..core.settings import (
    messages_language_in,
)

# jieba announces loading its dictionary on every build; that is noise for the team.
logging.getLogger("jieba").setLevel(logging.WARNING)


class _WriteErrorEcho(logging.Filter):
    """MkDocs reports a page it could not write ("Error building page 'x': [Errno 28] ...")
    in English before the build ends; ``on_build_error`` says the same in the team's
    language, naming the file and what to do, so MkDocs's line is left out."""

    pattern = re.compile(r"Error building page '.*': \[Errno \d+\]")

    def filter(self, record):
        return not self.pattern.match(str(record.msg))


logging.getLogger("mkdocs.commands.build").addFilter(_WriteErrorEcho())


class _ConfigProblems(logging.Handler):
    """MkDocs checks mkdocs.yml before any event and, when it refuses it, ends in English
    ("Aborted with a configuration error!"). The hooks are loaded while it checks, so this
    hears its complaints and, when the process ends without a build having started, names
    them again in the team's language as the last lines."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record):
        text = record.getMessage()
        if text.startswith("Config value '"):
            self.lines.append(text)

    def tell_at_exit(self) -> None:
        if not self.lines:
            return
        use_language(messages_language_in(_config_text()))
        import sys

        print(config_failure_summary(self.lines), file=sys.stderr)


def _config_text() -> str:
    """mkdocs.yml as written (the one ``-f`` names), or "" if it cannot be read."""
    import sys

    arguments = sys.argv[1:]
    path = "mkdocs.yml"
    for flag in ("-f", "--config-file"):
        if flag in arguments[:-1]:
            path = arguments[arguments.index(flag) + 1]
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


CONFIG_PROBLEMS = _ConfigProblems()


logging.getLogger("mkdocs.config").addHandler(CONFIG_PROBLEMS)


atexit.register(CONFIG_PROBLEMS.tell_at_exit)


class WarningCounter(logging.Handler):
    """Counts the warnings of a whole run, so a strict build is never swapped into place,
    and keeps their words, so a failed build ends by listing them again."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.count = 0
        self.lines: list[str] = []

    def emit(self, record):
        self.count += 1
        self.lines.append(record.getMessage())

    def add(self, count: int, lines: list[str]) -> None:
        """Warnings of the other languages' build, counted in another process."""
        self.count += count
        self.lines += lines
