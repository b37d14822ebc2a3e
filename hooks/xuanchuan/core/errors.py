"""Problems found in the team's files, reported in words a non-programmer can act on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .messages import Message, msg


@dataclass(frozen=True)
class Problem:
    """One mistake in one source file.

    ``path`` is shown as the team sees it (relative to the project), ``line`` is
    1-based and ``None`` when no line can be named.
    """

    path: str
    line: int | None
    field: str | None
    message: str | Message  # worded in the messages' language when shown

    def __lt__(self, other: Problem) -> bool:
        # By file, then line: problems without a line come first in their file.
        return self._order() < other._order()

    def _order(self) -> tuple:
        return (self.path, self.line or 0, self.field or "", str(self.message))

    def __str__(self) -> str:
        where = (
            self.path
            if self.line is None
            else msg("{path}, line {line}", path=self.path, line=self.line)
        )
        what = f"{self.field}: {self.message}" if self.field else str(self.message)
        return f"{where}: {what}"


def file_problem(path: str, message: str | Message) -> Problem:
    """A problem with a file or folder as a whole: no line, no field."""
    return Problem(path, None, None, message)


class SourceError(Exception):
    """One or more problems that stop the build; the message lists all of them."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = sorted(problems) if isinstance(problems, list) else [problems]
        super().__init__(self.problems)

    def __str__(self) -> str:
        # Worded when shown: the language of messages may be chosen after the problem.
        if len(self.problems) == 1:
            return str(self.problems[0])
        lines = [str(msg("{count} problem:", "{count} problems:", count=len(self.problems)))]
        lines += [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)


def did_you_mean(word: str, choices) -> Message | str:
    """A ' (did you mean "x"?)' hint for a misspelt name, or ''."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return msg(' (did you mean "{close}"?)', close=close[0]) if close else ""


def either(choices: list[str]) -> Message | str:
    """``a or b or c``, in the messages' language."""
    shown: Message | str = choices[0] if choices else ""
    for choice in choices[1:]:
        shown = msg("{first} or {second}", first=shown, second=choice)
    return shown


def quoted_list(texts: list[str]) -> Message | str:
    """``"a", "b", "c"``, quoted and separated as the messages' language does."""
    shown: Message | str = msg('"{text}"', text=texts[0]) if texts else ""
    for text in texts[1:]:
        shown = msg("{first}, {second}", first=shown, second=msg('"{text}"', text=text))
    return shown


def shown_path(path: Path, project_dir: Path) -> str:
    """A path as the team sees it in messages: relative to the project folder."""
    try:
        return path.relative_to(project_dir).as_posix()
    except ValueError:
        return path.as_posix()


def write_problem(error: OSError, project_dir: Path | None) -> Problem:
    """A file or folder the build could not write: a full disk, a read-only folder."""
    # A copy or a rename names its destination second: that is what could not be written.
    written = error.filename2 or error.filename
    target = Path(written) if written else None
    shown = shown_path(target, project_dir) if target and project_dir else str(target or "")
    return file_problem(
        shown or str(msg("the site")),
        msg(
            "cannot be written ({reason}): expected a writable folder with free space; the "
            "previous site is left as it was",
            reason=error.strerror or error,
        ),
    )
