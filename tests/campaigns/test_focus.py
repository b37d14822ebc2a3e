"""Where a poster photo's subject is (``poster.image.focus``): what the file may write, what
the model holds, what a translation inherits, and what the team is told when it is wrong."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from xuanchuan.campaigns.loader import load_campaigns
from xuanchuan.core.settings import load_settings

ZH = """\
---
title: 春灌安全用电
type: safe-electricity
summary: 开泵前讲安全用电。
start: 2027-03-01
poster:
  points: [先断电再救人]
{image}---

## 正文

机井旁的线路容易受潮。
"""

EN = """\
---
title: Safe electricity for spring irrigation
summary: Before the pumps start.
{poster}---

## Body
"""


def photo() -> bytes:
    out = BytesIO()
    Image.new("RGB", (80, 60), "#3b7").save(out, "JPEG")
    return out.getvalue()


def load(root: Path, image: str, english: str | None = None):
    folder = root / "campaigns" / "spring"
    folder.mkdir(parents=True)
    (folder / "index.zh.md").write_text(ZH.format(image=image), encoding="utf-8")
    if english is not None:
        (folder / "index.en.md").write_text(EN.format(poster=english), encoding="utf-8")
    for name in ("photo.jpg", "en.jpg"):
        (folder / name).write_bytes(photo())
    return load_campaigns(load_settings(None), root)


@pytest.mark.parametrize(
    ("written", "focus"),
    [
        ("  image: photo.jpg\n", (0.5, 0.5)),
        ("  image:\n    file: photo.jpg\n", (0.5, 0.5)),
        ("  image:\n    file: photo.jpg\n    focus: top\n", (0.5, 0.0)),
        ("  image:\n    file: photo.jpg\n    focus: bottom\n", (0.5, 1.0)),
        ("  image:\n    file: photo.jpg\n    focus: Center\n", (0.5, 0.5)),
        ("  image: {file: photo.jpg, focus: left}\n", (0.0, 0.5)),
        ("  image: {file: photo.jpg, focus: bottom right}\n", (1.0, 1.0)),
        ("  image: {file: photo.jpg, focus: top left}\n", (0.0, 0.0)),
        ('  image: {file: photo.jpg, focus: "30% 20%"}\n', (0.3, 0.2)),
        ("  image:\n    file: photo.jpg\n    focus: 12.5% 100%\n", (0.125, 1.0)),
    ],
)
def test_a_focus_is_a_point_of_the_photo(tmp_path: Path, written, focus):
    loaded = load(tmp_path, written)
    assert loaded.problems == []
    poster = loaded.campaigns["spring"]["zh"].poster
    assert poster.image == tmp_path / "campaigns" / "spring" / "photo.jpg"
    assert poster.focus == pytest.approx(focus)
    # No translation: the English poster is the same photo, cropped the same way.
    assert loaded.campaigns["spring"]["en"].poster.focus == pytest.approx(focus)


EXPECTED = (
    'expected "top", "center", "bottom", "left", "right" or a point written as '
    '"across% down%", such as "30% 20%"'
)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "  image: {file: photo.jpg, focus: cnter}\n",
            'line 8: poster.image.focus: "cnter" is not a focus (did you mean "center"?): '
            + EXPECTED,
        ),
        (
            "  image: {file: photo.jpg, focus: middle}\n",
            'line 8: poster.image.focus: "middle" is not a focus: ' + EXPECTED,
        ),
        (
            '  image: {file: photo.jpg, focus: "30%"}\n',
            'line 8: poster.image.focus: "30%" is not a focus: ' + EXPECTED,
        ),
        (
            "  image: {file: photo.jpg, focus: top bottom}\n",
            'line 8: poster.image.focus: "top bottom" is not a focus: ' + EXPECTED,
        ),
        (
            "  image:\n    file: photo.jpg\n    focus: 120% 20%\n",
            'line 10: poster.image.focus: "120% 20%" is outside the photo: expected each share from '
            "0% to 100% (across from the left edge, then down from the top)",
        ),
        (
            "  image:\n    file: photo.jpg\n    focus: 50\n",
            "line 10: poster.image.focus: expected "
            + EXPECTED[len("expected ") :]
            + ", got the number 50",
        ),
        ("  image:\n    focus: top\n", "line 8: poster.image.file: is required: expected a text"),
        (
            "  image:\n    file: photo.jpg\n    focal: top\n",
            'line 10: poster.image.focal: unknown field (did you mean "focus"?); known fields: '
            "file, focus",
        ),
        (
            "  image: [photo.jpg]\n",
            'line 8: poster.image: expected a picture file such as photo.jpg, or "file:" and '
            '"focus:" lines under "image:", got a list',
        ),
        (
            "  image:\n    file: missing.jpg\n    focus: top\n",
            'line 9: poster.image.file: "missing.jpg" does not exist: expected an image file in '
            "spring/",
        ),
    ],
)
def test_a_wrong_focus_or_image_is_named_with_its_line(tmp_path: Path, written, message):
    loaded = load(tmp_path, written)
    assert [str(problem) for problem in loaded.problems] == [
        f"campaigns/spring/index.zh.md, {message}"
    ]
    assert loaded.left_out == ["spring"]


def test_a_translation_with_its_own_photo_has_its_own_focus(tmp_path: Path):
    loaded = load(
        tmp_path,
        "  image: {file: photo.jpg, focus: top}\n",
        "poster:\n  image: {file: en.jpg, focus: bottom}\n",
    )
    assert loaded.problems == []
    zh, en = (loaded.campaigns["spring"][code].poster for code in ("zh", "en"))
    assert (zh.image.name, zh.focus) == ("photo.jpg", (0.5, 0.0))
    assert (en.image.name, en.focus) == ("en.jpg", (0.5, 1.0))


def test_a_translation_naming_the_same_photo_keeps_its_focus(tmp_path: Path):
    loaded = load(
        tmp_path, "  image: {file: photo.jpg, focus: top}\n", "poster:\n  image: photo.jpg\n"
    )
    assert loaded.problems == []
    assert loaded.campaigns["spring"]["en"].poster.focus == (0.5, 0.0)


def test_a_translation_naming_another_photo_alone_is_cropped_in_the_middle(tmp_path: Path):
    loaded = load(
        tmp_path, "  image: {file: photo.jpg, focus: top}\n", "poster:\n  image: en.jpg\n"
    )
    assert loaded.problems == []
    assert loaded.campaigns["spring"]["en"].poster.focus == (0.5, 0.5)


def test_a_translation_s_focus_follows_the_same_rules(tmp_path: Path):
    loaded = load(
        tmp_path, "  image: photo.jpg\n", "poster:\n  image:\n    file: en.jpg\n    focus: up\n"
    )
    assert [str(problem) for problem in loaded.problems] == [
        'campaigns/spring/index.en.md, line 7: poster.image.focus: "up" is not a focus: ' + EXPECTED
    ]
