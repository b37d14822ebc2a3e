"""Small results kept on disk between builds, by a hash of everything that makes them.

An unchanged rebuild should not redo slow, pure work (a QR code's mask search, a calendar
feed drawn by icalendar); the same inputs always give the same bytes, so a hit is exact.

Nothing on disk is trusted as it is found: a disk fills up, a copy is cut short, someone
edits or empties a file. Every entry carries its length and sha256, and an entry that does
not match them is made again (and counted, for one line in the log) instead of published.

- Entries read back by the engine (``cached_bytes``) end with a fixed-size seal: a marker,
  the payload's length and its sha256, checked on every read.
- Print files are published as they are (MkDocs copies them into the site), so their seal
  is a small record beside them (``<name>.sum``): length, sha256 and the file's identity
  (inode, modification and change times) when it was hashed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import struct
from collections.abc import Callable
from pathlib import Path

from .messages import Message, msg

# Everything the engine keeps between builds, relative to the project folder.
CACHE_DIR = Path(".cache") / "xuanchuan"

# Part of every key: entries written before they carried a seal are never looked up again.
_FORMAT = "sealed-1"
_MARK = b"\nXC-SEAL"
_SEAL = struct.Struct(f">{len(_MARK)}sQ32s")  # marker, payload length, sha256
_RECORD_SUFFIX = ".sum"

# Entries found damaged in this process since the last ``take_damaged``.
_damaged: list[Path] = []


def add_damaged(count: int) -> None:
    """Damaged entries another process found (a worker drawing for this build)."""
    _damaged.extend([Path()] * count)


def cache_key(*parts: str) -> str:
    return hashlib.sha256("\n".join((_FORMAT, *parts)).encode("utf-8")).hexdigest()[:32]


def cached_bytes(path: Path, make: Callable[[], bytes]) -> bytes:
    """The bytes at ``path`` if a build made them before and they are whole; else ``make()``,
    kept there."""
    data = _read_sealed(path)
    if data is None:
        data = make()
        _write_atomically(path, data + _seal(data))
    return data


def read_kept(path: Path) -> bytes | None:
    """What ``keep`` stored at ``path``, if it is there and whole; else None."""
    return _read_sealed(path)


def keep(path: Path, data: bytes) -> None:
    """Store ``data`` at ``path``, sealed: ``read_kept`` trusts it only while it is whole."""
    _write_atomically(path, data + _seal(data))


def take_damaged() -> int:
    """How many damaged entries were found (and made again) since the last call."""
    count = len(_damaged)
    _damaged.clear()
    return count


def damage_report(count: int) -> Message:
    return msg(
        "Cache: {count} damaged entry made again (.cache/xuanchuan/)",
        "Cache: {count} damaged entries made again (.cache/xuanchuan/)",
        count=count,
    )


def absent(path: Path) -> bool:
    """Whether ``path`` holds no regular file (whatever stands there is checked when read)."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True


def intact_file(path: Path) -> bool:
    """Whether ``path`` holds exactly the bytes ``store_file`` recorded for it.

    The file is hashed only when its identity changed since it was recorded: writing or
    touching a file changes its change time (which no program can set back), so an
    unchanged identity means unchanged bytes, and an unchanged rebuild reads no print file.
    """
    record_path = path.with_name(path.name + _RECORD_SUFFIX)
    try:
        found = os.stat(path)
    except NotADirectoryError:
        return False  # a file where the folder belongs: counted when the folder is repaired
    except FileNotFoundError:
        _count_dangling(path)
        return False
    except OSError:  # a symbolic link loop, a folder that cannot be searched
        _damaged.append(path)
        return False
    try:
        record = _parse_record(_read_regular(record_path).decode("ascii"))
    except FileNotFoundError:
        return False  # stored by a build cut short between file and record: just redo it
    except (OSError, UnicodeError):
        record = None
    if record is None or not stat.S_ISREG(found.st_mode) or found.st_size != record[1]:
        _damaged.append(path)
        return False
    digest, size, identity = record
    if identity == _identity(found):
        return True
    if _file_digest(path) != digest:
        _damaged.append(path)
        return False
    _write_atomically(record_path, _record(digest, size, os.stat(path)))
    return True


def store_file(path: Path, data: bytes) -> None:
    """Keep ``data`` at ``path`` as it is, with its record beside it."""
    _write_atomically(path, data)
    digest = hashlib.sha256(data).hexdigest()
    record_path = path.with_name(path.name + _RECORD_SUFFIX)
    _write_atomically(record_path, _record(digest, len(data), os.stat(path)))


def _read_sealed(path: Path) -> bytes | None:
    """The payload at ``path``; None when there is none or it is damaged (then counted)."""
    try:
        stored = _read_regular(path)
    except NotADirectoryError:
        return None  # a file where the folder belongs: counted when the folder is repaired
    except FileNotFoundError:
        _count_dangling(path)
        return None
    except OSError:
        _damaged.append(path)
        return None
    payload, seal = stored[: -_SEAL.size], stored[-_SEAL.size :]
    if len(stored) < _SEAL.size or seal != _seal(payload):
        _damaged.append(path)
        return None
    return payload


def _read_regular(path: Path) -> bytes:
    """The bytes of a regular file; OSError for anything else standing at ``path``."""
    # Opened without blocking, so a pipe left where an entry belongs cannot stop the build.
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(f"not a regular file: {path}")
        with open(descriptor, "rb", closefd=False) as stream:
            return stream.read()
    finally:
        os.close(descriptor)


def _count_dangling(path: Path) -> None:
    if os.path.lexists(path):  # a symbolic link to nothing stands where the entry belongs
        _damaged.append(path)


def _seal(payload: bytes) -> bytes:
    return _SEAL.pack(_MARK, len(payload), hashlib.sha256(payload).digest())


def _identity(found: os.stat_result) -> list[int]:
    return [found.st_ino, found.st_mtime_ns, found.st_ctime_ns]


def _record(digest: str, size: int, found: os.stat_result) -> bytes:
    return " ".join([digest, str(size), *map(str, _identity(found))]).encode("ascii") + b"\n"


def _parse_record(text: str) -> tuple[str, int, list[int]] | None:
    parts = text.split()
    if len(parts) != 5 or len(parts[0]) != 64 or not all(p.isdigit() for p in parts[1:]):
        return None
    return parts[0], int(parts[1]), [int(p) for p in parts[2:]]


def _file_digest(path: Path) -> str | None:
    try:
        with open(path, "rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError:
        return None


def _write_atomically(path: Path, data: bytes) -> None:
    """Written aside and renamed, so a build cut short never leaves half a file to reuse."""
    _make_folder(path.parent)
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)  # a folder where an entry belongs: rename cannot replace it
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return
    except (FileExistsError, NotADirectoryError):
        pass
    # A file stands where a cache folder belongs. Only the cache's own folders are
    # repaired: anything outside .cache/ is the team's and is left alone.
    for ancestor in (folder, *folder.parents):
        if ".cache" not in ancestor.parts:
            break
        if ancestor.is_symlink() or (ancestor.exists() and not ancestor.is_dir()):
            ancestor.unlink()
            _damaged.append(ancestor)
            break
    folder.mkdir(parents=True, exist_ok=True)
