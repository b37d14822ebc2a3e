"""Which of the team's files may reach the published site.

A folder the team works in also holds what nobody meant to publish: an editor's backup and
lock files, the system's thumbnails, and links to files elsewhere on the computer. None of
these is ever copied to the site; a link that leaves the project is reported, because the
team may not know that the file it points to would be published.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

from .errors import Problem, file_problem, shown_path
from .messages import msg

# Backups, swap and lock files of common editors and office suites, and system files.
LEFTOVERS = (
    "*~",
    "#*#",
    ".#*",
    "~$*",
    ".~lock.*#",
    "*.bak",
    "*.swp",
    "*.swo",
    "*.tmp",
    "*.orig",
    "*.rej",
    "Thumbs.db",
    "desktop.ini",
    ".DS_Store",
)


def is_private(relative: str) -> bool:
    """Whether a file (``relative`` to the folder that is published) stays off the site:
    a leftover, or a dot-file or a file in a dot-folder."""
    parts = relative.split("/")
    if any(part.startswith(".") for part in parts):
        return True
    name = parts[-1]
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in LEFTOVERS)


def links_leaving(root: Path, project_dir: Path) -> list[Problem]:
    """A problem for each link (symlink) under ``root``, or ``root`` itself, that leads
    outside the project, to nothing, or round in a loop."""
    project = project_dir.resolve()
    if root.is_symlink():
        problem = link_problem(root, project_dir, project)
        if problem:
            return [problem]
    found = []
    for folder, dirs, files in os.walk(root):
        for name in (*dirs, *files):
            path = Path(folder, name)
            problem = link_problem(path, project_dir, project) if path.is_symlink() else None
            if problem:
                found.append(problem)
    return sorted(found)


def link_problem(path: Path, project_dir: Path, project: Path | None = None) -> Problem | None:
    """What is wrong with reading ``path`` if it is, or passes through, a link: it leads
    outside the project or round in a loop; None if it stays inside."""
    project = project or project_dir.resolve()
    try:
        target = path.resolve()
    except RuntimeError:  # Python's word for a loop of links
        return file_problem(
            shown_path(path, project_dir),
            msg("is a link that leads round in a loop: expected the file itself"),
        )
    if target.is_relative_to(project):
        return None
    return file_problem(
        shown_path(path, project_dir),
        msg(
            "is a link to {target}, outside the project: expected the file or folder itself "
            "inside the project (copy it here instead of linking to it)",
            target=target,
        ),
    )
