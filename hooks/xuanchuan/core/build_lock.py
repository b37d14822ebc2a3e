"""One build at a time in a project.

Two builds at once would share the staging folder and the cache: one clears what the other
is writing, and both report success over a site missing files. The lock is the operating
system's (released when the process ends, however it ends), so a killed build never leaves
a stale lock behind.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from .disk_cache import CACHE_DIR
from .errors import SourceError, file_problem, write_problem
from .messages import msg

LOCK_FILE = CACHE_DIR / "build.lock"


def hold_build_lock(project_dir: Path) -> FileLock:
    """The project's build lock, held; SourceError when another build holds it."""
    path = project_dir / LOCK_FILE
    lock = FileLock(path, timeout=0)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except Timeout:
        raise SourceError(
            file_problem(
                LOCK_FILE.as_posix(),
                msg(
                    "another build is running in this project (mkdocs build or mkdocs serve): "
                    "wait for it to finish, then build again"
                ),
            )
        ) from None
    except OSError as error:
        raise SourceError(write_problem(error, project_dir)) from None
    return lock
