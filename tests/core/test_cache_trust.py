"""Cache entries damaged on disk are found, made again and counted, never used.

Each case damages a real file the way disks, copies and people do, then reads the entry
back: the result must be the true bytes, made exactly once, with the damage counted.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from xuanchuan.core.disk_cache import (
    cached_bytes,
    damage_report,
    intact_file,
    store_file,
    take_damaged,
)
from xuanchuan.printing.text.body_blocks import body_blocks
from xuanchuan.printing.text.fonts import _characters, missing_characters, resolve_font

PAYLOAD = b"<svg>" + bytes(range(256)) * 4 + b"</svg>"


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-100])


def empty(path: Path) -> None:
    path.write_bytes(b"")


def flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def flip_a_byte_and_set_the_time_back(path: Path) -> None:
    before = path.stat()
    flip_a_byte(path)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def replace_with_a_folder(path: Path) -> None:
    path.unlink()
    (path / "inside").mkdir(parents=True)


def make_unreadable(path: Path) -> None:
    # A link to itself cannot be opened, even by root (whom file modes do not stop).
    path.unlink()
    path.symlink_to(path.name)


def replace_with_a_pipe(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def point_nowhere(path: Path) -> None:
    path.unlink()
    path.symlink_to("gone.svg")


DAMAGE = [
    truncate,
    empty,
    flip_a_byte,
    flip_a_byte_and_set_the_time_back,
    replace_with_a_folder,
    make_unreadable,
    replace_with_a_pipe,
    point_nowhere,
]


class Maker:
    def __init__(self, data: bytes = PAYLOAD):
        self.data, self.calls = data, 0

    def __call__(self) -> bytes:
        self.calls += 1
        return self.data


@pytest.fixture(autouse=True)
def fresh_count():
    take_damaged()
    yield
    take_damaged()


def test_an_entry_is_made_once_and_then_read_back(tmp_path: Path):
    make = Maker()
    entry = tmp_path / "qr" / "a.svg"
    assert cached_bytes(entry, make) == PAYLOAD
    assert cached_bytes(entry, make) == PAYLOAD
    assert make.calls == 1
    assert take_damaged() == 0


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda d: d.__name__)
def test_a_damaged_entry_is_made_again_and_counted(tmp_path: Path, damage):
    entry = tmp_path / "qr" / "a.svg"
    cached_bytes(entry, Maker())
    damage(entry)
    make = Maker()
    assert cached_bytes(entry, make) == PAYLOAD
    assert (make.calls, take_damaged()) == (1, 1)
    assert cached_bytes(entry, make) == PAYLOAD  # whole again: read back, not made
    assert (make.calls, take_damaged()) == (1, 0)


def test_an_entry_written_without_a_seal_is_not_trusted(tmp_path: Path):
    entry = tmp_path / "a.svg"
    entry.write_bytes(PAYLOAD)
    make = Maker()
    assert cached_bytes(entry, make) == PAYLOAD
    assert (make.calls, take_damaged()) == (1, 1)


def test_a_file_where_the_cache_folder_belongs_is_replaced(tmp_path: Path):
    folder = tmp_path / ".cache" / "xuanchuan" / "qr"
    folder.parent.mkdir(parents=True)
    folder.write_text("not a folder")
    make = Maker()
    assert cached_bytes(folder / "a.svg", make) == PAYLOAD
    assert folder.is_dir() and (make.calls, take_damaged()) == (1, 1)


def test_the_count_reads_as_one_log_line():
    assert damage_report(3) == "Cache: 3 damaged entries made again (.cache/xuanchuan/)"


# -- print files: published as they are, checked against the record beside them ----------


def stored_print_file(tmp_path: Path) -> Path:
    target = tmp_path / "print" / "0123.pdf"
    store_file(target, b"%PDF-1.7\n" + PAYLOAD)
    return target


def test_a_stored_print_file_is_trusted_as_it_is(tmp_path: Path):
    target = stored_print_file(tmp_path)
    assert intact_file(target)
    assert target.read_bytes() == b"%PDF-1.7\n" + PAYLOAD  # no seal inside the published file
    assert take_damaged() == 0


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda d: d.__name__)
def test_a_damaged_print_file_is_not_trusted_and_counted(tmp_path: Path, damage):
    target = stored_print_file(tmp_path)
    damage(target)
    assert not intact_file(target)
    assert take_damaged() == 1
    store_file(target, b"%PDF-1.7\n" + PAYLOAD)  # what the build does next: render again
    assert intact_file(target) and take_damaged() == 0


@pytest.mark.parametrize("record", ["", "garbage\n", "0" * 64 + " 1 2 3\n", "x" * 200])
def test_a_damaged_record_makes_the_print_file_untrusted(tmp_path: Path, record: str):
    target = stored_print_file(tmp_path)
    Path(f"{target}.sum").write_text(record)
    assert not intact_file(target)
    assert take_damaged() == 1


def test_a_print_file_without_its_record_is_drawn_again_without_alarm(tmp_path: Path):
    # A build killed between writing the file and its record: an ordinary miss.
    target = stored_print_file(tmp_path)
    Path(f"{target}.sum").unlink()
    assert not intact_file(target)
    assert take_damaged() == 0


def test_a_print_file_rewritten_with_the_same_bytes_is_still_trusted(tmp_path: Path):
    # A restored CI cache or `cp -r` gives new inodes and times: checked by hash, kept.
    target = stored_print_file(tmp_path)
    data = target.read_bytes()
    target.unlink()
    target.write_bytes(data)
    assert intact_file(target) and take_damaged() == 0
    assert intact_file(target)


# -- the caches behind the font check and the leaflet text ------------------------------


def test_a_damaged_font_map_gives_no_false_missing_character(tmp_path: Path):
    font = resolve_font("Noto Sans CJK SC")
    assert missing_characters(font, "法院", tmp_path) == []
    (entry,) = tmp_path.glob("*.cmap")
    entry.write_bytes(entry.read_bytes()[:4000])  # a copy cut short
    _characters.cache_clear()  # as in the next build's process
    assert missing_characters(font, "法院", tmp_path) == []
    assert take_damaged() == 1


def test_an_emptied_leaflet_body_entry_still_gives_the_text(tmp_path: Path):
    body = "## 为什么\n\n机井旁的线路常年受潮。\n"
    first = body_blocks(body, tmp_path, tmp_path / "bodies")
    (entry,) = (tmp_path / "bodies").glob("*.html")
    entry.write_bytes(b"")
    assert body_blocks(body, tmp_path, tmp_path / "bodies") == first
    assert first[1]["text"] == "机井旁的线路常年受潮。"
    assert take_damaged() == 1
