"""Which translations are missing or older than the default-language page they translate."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from .pages import Catalogue


@dataclass(frozen=True)
class LanguageStatus:
    code: str
    name: str
    missing: tuple[str, ...]
    outdated: tuple[str, ...]


def translation_status(catalogue: Catalogue, project_dir: Path) -> list[LanguageStatus]:
    """The status of every non-default language, in the configured order."""
    settings = catalogue.settings
    default = settings.default.code
    changed = last_changed(
        [path for page in catalogue.pages.values() for path in page.files.values()], project_dir
    )
    result = []
    for language in settings.languages[1:]:
        outdated = tuple(
            key
            for key, page in sorted(catalogue.pages.items())
            if language.code in page.files
            and changed[page.files[language.code]] < changed[page.files[default]]
        )
        result.append(
            LanguageStatus(
                language.code, language.name, tuple(catalogue.missing(language.code)), outdated
            )
        )
    return result


def format_status(statuses: list[LanguageStatus], total: int) -> list[str]:
    lines = []
    for status in statuses:
        translated = total - len(status.missing)
        lines.append(
            f"{status.name} ({status.code}): {translated} of {total} pages translated, "
            f"{len(status.missing)} missing, {len(status.outdated)} out of date"
        )
        lines += [f"  missing: {key}" for key in status.missing]
        lines += [f"  out of date: {key}" for key in status.outdated]
    return lines


def last_changed(paths: list[Path], project_dir: Path) -> dict[Path, float]:
    """When each file last changed: its last commit, or its modification time if it has
    uncommitted changes or the project is not a git repository.

    File times alone would be useless here: a fresh clone gives every file the same time.
    """
    committed = _commit_times(project_dir)
    dirty = _uncommitted(project_dir)
    result = {}
    for path in paths:
        resolved = path.resolve()
        if resolved in committed and resolved not in dirty:
            result[path] = committed[resolved]
        else:
            result[path] = path.stat().st_mtime
    return result


def _git(project_dir: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(project_dir), *args],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout


def _toplevel(project_dir: Path) -> Path | None:
    out = _git(project_dir, "rev-parse", "--show-toplevel")
    return Path(out.strip()).resolve() if out else None


def _commit_times(project_dir: Path) -> dict[Path, float]:
    top = _toplevel(project_dir)
    out = _git(project_dir, "log", "--format=%x00%ct", "--name-only", "--no-renames", "--", ".")
    if top is None or out is None:
        return {}
    times: dict[Path, float] = {}
    for block in out.split("\x00")[1:]:
        stamp, _, names = block.partition("\n")
        for name in names.split("\n"):
            if name.strip():
                # git log lists newest commits first: keep the first time seen.
                times.setdefault((top / name.strip()).resolve(), float(stamp))
    return times


def _uncommitted(project_dir: Path) -> set[Path]:
    top = _toplevel(project_dir)
    out = _git(project_dir, "status", "--porcelain", "--untracked-files=all", "--", ".")
    if top is None or out is None:
        return set()
    return {(top / line[3:].strip().strip('"')).resolve() for line in out.splitlines() if line}
