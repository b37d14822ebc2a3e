"""The web copies of the photos pages show: their widths, their bytes, the cache, and the
build log's line that says how many were made and how long it took."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PIL import Image

from xuanchuan.site.files.web_photos import WIDTHS, web_photos


def photo(path: Path, size: tuple[int, int], colour=(30, 120, 200)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, colour)
    image.paste((200, 60, 40), (0, 0, size[0] // 2, size[1] // 3))
    image.save(path, quality=92)
    return path


def test_each_photo_gets_the_widths_it_can_fill_narrowest_first(tmp_path):
    wide = photo(tmp_path / "wide.jpg", (2400, 1600))
    narrow = photo(tmp_path / "narrow.jpg", (700, 500))
    found = web_photos([wide, narrow], tmp_path / "cache")
    assert [copy.width for copy in found[wide].copies] == list(WIDTHS)
    assert [copy.width for copy in found[narrow].copies] == [480, 700]
    for copy in found[wide].copies:
        with Image.open(copy.path) as made:
            assert made.format == "JPEG" and made.size == (copy.width, copy.height)
            assert not made.getexif()  # no camera data, no time
    assert found[wide].published_name(found[wide].copies[0]) == "wide-480w.jpg"


def test_the_cache_is_used_and_the_build_log_says_so(tmp_path, caplog):
    photos = [photo(tmp_path / f"p{n}.jpg", (1000, 800), (n * 20, 90, 90)) for n in range(3)]
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.xuanchuan"):
        first = web_photos(photos, tmp_path / "cache")
        again = web_photos(photos, tmp_path / "cache")
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Photos:")]
    assert lines[0].startswith("Photos: 3 made into web copies, 0 reused from cache, ")
    assert lines[1].startswith("Photos: 0 made into web copies, 3 reused from cache, ")
    assert all(line.endswith(" s") for line in lines)
    assert {p: [c.path.read_bytes() for c in w.copies] for p, w in first.items()} == {
        p: [c.path.read_bytes() for c in w.copies] for p, w in again.items()
    }


def test_the_same_photo_gives_the_same_bytes_in_another_cache(tmp_path):
    original = photo(tmp_path / "a.jpg", (1700, 1100))
    one = web_photos([original], tmp_path / "one")[original]
    other = web_photos([original], tmp_path / "other")[original]
    assert [c.path.read_bytes() for c in one.copies] == [c.path.read_bytes() for c in other.copies]


def test_a_damaged_copy_or_a_changed_photo_is_made_again(tmp_path, caplog):
    original = photo(tmp_path / "a.jpg", (1000, 800))
    made = web_photos([original], tmp_path / "cache")[original]
    made.copies[0].path.write_bytes(b"half a jpeg")
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.xuanchuan"):
        again = web_photos([original], tmp_path / "cache")[original]
    assert "Photos: 1 made into web copies, 0 reused from cache" in caplog.text
    with Image.open(again.copies[0].path) as copy:
        assert copy.width == 480
    photo(original, (1000, 800), (10, 200, 10))  # the team replaced the photo
    os.utime(original, ns=(1, 1))
    replaced = web_photos([original], tmp_path / "cache")[original]
    with Image.open(replaced.copies[-1].path) as copy:
        assert copy.getpixel((copy.width - 1, copy.height - 1))[1] > 150
