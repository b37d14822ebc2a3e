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
    outside the project."""
    project = project_dir.resolve()

    def leaves(path: Path) -> bool:
        return path.is_symlink() and not path.resolve().is_relative_to(project)

    if leaves(root):
        return [_link_problem(root, project_dir)]
    found = []
    for folder, dirs, files in os.walk(root):
        found += [Path(folder, name) for name in (*dirs, *files) if leaves(Path(folder, name))]
    return sorted(_link_problem(link, project_dir) for link in found)


def _link_problem(link: Path, project_dir: Path) -> Problem:
    return file_problem(
        shown_path(link, project_dir),
        msg(
            "is a link to {target}, outside the project: expected the file or folder itself "
            "inside the project (copy it here instead of linking to it)",
            target=link.resolve(),
        ),
    )
