"""Small results kept on disk between builds, by a hash of everything that makes them.

An unchanged rebuild should not redo slow, pure work (a QR code's mask search, a calendar
feed drawn by icalendar); the same inputs always give the same bytes, so a hit is exact.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

# Everything the engine keeps between builds, relative to the project folder.
CACHE_DIR = Path(".cache") / "xuanchuan"


def cache_key(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:32]


def cached_bytes(path: Path, make: Callable[[], bytes]) -> bytes:
    """The bytes at ``path`` if a build made them before; else ``make()``, kept there."""
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = make()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written aside and renamed, so a build cut short never leaves half a file to reuse.
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
    return data
