"""The verdict on a picture is kept between builds, by the file's identity, and only so."""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image

from xuanchuan.core.images import check_image
from xuanchuan.core.messages import use_language


def photo(folder: Path, name: str = "photo.jpg") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    Image.new("RGB", (320, 240), "red").save(path, quality=90)
    return path


def test_a_good_photo_is_checked_once_and_its_verdict_kept(tmp_path):
    path = photo(tmp_path / "c")
    cache = tmp_path / "cache"
    assert check_image(path.parent, "photo.jpg", cache) is None
    assert len(list(cache.iterdir())) == 1
    assert check_image(path.parent, "photo.jpg", cache) is None
    assert len(list(cache.iterdir())) == 1


def test_a_photo_cut_short_after_its_check_is_checked_again(tmp_path):
    path = photo(tmp_path / "c")
    cache = tmp_path / "cache"
    assert check_image(path.parent, "photo.jpg", cache) is None
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert str(check_image(path.parent, "photo.jpg", cache)).startswith(
        '"photo.jpg" is damaged or cut short'
    )


def test_a_kept_problem_is_worded_in_the_language_of_the_day(tmp_path, monkeypatch):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "photo.jpg").write_bytes(b"not a picture at all")
    cache = tmp_path / "cache"
    english = '"photo.jpg" is not an image: expected a JPEG or PNG photo'
    assert str(check_image(folder, "photo.jpg", cache)) == english
    monkeypatch.delenv("XUANCHUAN_LANG")
    try:
        use_language("zh")
        assert str(check_image(folder, "photo.jpg", cache)) == "“photo.jpg”不是图片：应为 JPEG 或 PNG 照片"
    finally:
        use_language("en")


def test_a_damaged_verdict_is_made_again(tmp_path):
    path = photo(tmp_path / "c")
    cache = tmp_path / "cache"
    check_image(path.parent, "photo.jpg", cache)
    (entry,) = cache.iterdir()
    entry.write_bytes(b"")
    assert check_image(path.parent, "photo.jpg", cache) is None
    assert entry.stat().st_size > 0


def test_the_same_bytes_with_a_new_time_are_checked_again(tmp_path):
    path = photo(tmp_path / "c")
    cache = tmp_path / "cache"
    check_image(path.parent, "photo.jpg", cache)
    stamp = path.stat().st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(stamp, stamp))
    assert check_image(path.parent, "photo.jpg", cache) is None
    assert len(list(cache.iterdir())) == 2
