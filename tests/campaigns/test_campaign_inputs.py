"""The bad-input catalogue: each mistake a team can make in a campaign, and what it is told.

Every case is a campaign folder. Each is checked on its own for its exact message, then all
of them go into one site together with good campaigns: ``--strict`` lists every problem in
one build and writes nothing; a normal build leaves the bad campaigns out and the rest of
the site is complete.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from fixtures.sites import fixture_config, page, run_bounded, write_site
from xuanchuan.campaigns.loader import load_campaigns
from xuanchuan.core.settings import load_settings

GOOD_ZH = """\
---
title: 春灌安全用电
type: safe-electricity
summary: 开泵前讲安全用电。
start: 2027-03-01
end: 2027-04-30
organizer: 城关供电所
audience: [农牧民]
targets:
  - label: 机井检查
    goal: 100
    unit: "%"
activities:
  - date: 2027-03-10
    title: 机井巡查
    time: "9:00-11:30"
poster:
  points: [先断电再救人]
---

## 正文

机井旁的线路容易受潮。
"""

GOOD_EN = """\
---
title: Safe electricity for spring irrigation
summary: Before the pumps start.
targets:
  - label: Wells checked
activities:
  - title: Well inspection
---

## Body
"""


def zh(*edits: tuple[str, str]) -> str:
    """The good Chinese file with some text replaced (each replacement must apply)."""
    text = GOOD_ZH
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def en(*edits: tuple[str, str]) -> str:
    text = GOOD_EN
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def png(width: int = 40, height: int = 30) -> bytes:
    from io import BytesIO

    out = BytesIO()
    Image.new("L", (width, height), 200).save(out, "PNG")
    return out.getvalue()


def huge_png() -> bytes:
    return png(8000, 6000)


# (case id, folder name, {file name: text or bytes}, expected messages)
CASES = [
    ("broken-yaml", "c-broken-yaml",
     {"index.zh.md": zh(("summary: 开泵前讲安全用电。", 'summary: "开泵前讲安全用电。'))},
     ['campaigns/c-broken-yaml/index.zh.md, line 4: the front matter is not valid YAML (the " '
      'that opens this value is never closed): expected the text to end with " on the same '
      "line"]),
    ("tab-indent", "c-tab",
     {"index.zh.md": zh(("    goal: 100", "\tgoal: 100"))},
     ["campaigns/c-tab/index.zh.md, line 11: the front matter is not valid YAML "
      "(found character '\\t' that cannot start any token): expected spaces for "
      "indentation: YAML does not allow tab characters"]),
    ("unclosed-front-matter", "c-unclosed",
     {"index.zh.md": zh(("poster:\n  points: [先断电再救人]\n---\n", "poster:\n  points: [先断电再救人]\n"))},
     ['campaigns/c-unclosed/index.zh.md, line 1: the front matter opened with "---" on line 1 '
      'is never closed: expected a second "---" line after the fields']),
    ("front-matter-a-list", "c-list",
     {"index.zh.md": "---\n- title: 春灌\n- type: safe-electricity\n---\n"},
     ['campaigns/c-list/index.zh.md, line 2: the front matter must be "name: value" lines, '
      "got a list"]),
    ("value-with-colon", "c-colon",
     {"index.zh.md": zh(("summary: 开泵前讲安全用电。", "summary: 注意: 开泵前讲安全用电。"))},
     ["campaigns/c-colon/index.zh.md, line 4: the front matter is not valid YAML "
      "(mapping values are not allowed here): expected one \"name: value\" per line; put a "
      'value containing ": " in quotes']),
    ("number-as-text", "c-goal-text",
     {"index.zh.md": zh(("goal: 100", "goal: 一百"))},
     ['campaigns/c-goal-text/index.zh.md, line 11: targets[1].goal: expected a number, '
      'got the text "一百"']),
    ("negative-number", "c-goal-negative",
     {"index.zh.md": zh(("goal: 100", "goal: -5"))},
     ["campaigns/c-goal-negative/index.zh.md, line 11: targets[1].goal: expected a number of "
      "at least 0, got -5"]),
    ("list-as-text", "c-audience-text",
     {"index.zh.md": zh(("audience: [农牧民]", "audience:\n  农牧民: 全体"))},
     ["campaigns/c-audience-text/index.zh.md, line 8: audience: expected a list of texts, "
      "got a group of fields"]),
    ("text-as-list", "c-title-list",
     {"index.zh.md": zh(("title: 春灌安全用电", "title: [春灌, 安全用电]"))},
     ["campaigns/c-title-list/index.zh.md, line 2: title: expected a text, got a list"]),
    ("unknown-field", "c-unknown-field",
     {"index.zh.md": zh(("organizer: 城关供电所", "organiser: 城关供电所"))},
     ['campaigns/c-unknown-field/index.zh.md, line 7: organiser: unknown field (did you mean '
      '"organizer"?); known fields: title, type, summary, start, end, organizer, audience, '
      "places, channels, laws, targets, activities, contact, poster, leaflet, banner, cards, tags, draft"]),
    ("unknown-nested-field", "c-unknown-nested",
     {"index.zh.md": zh(("  points: [先断电再救人]", "  points: [先断电再救人]\n  headlien: 春灌"))},
     ['campaigns/c-unknown-nested/index.zh.md, line 19: poster.headlien: unknown field (did '
      'you mean "headline"?); known fields: headline, subheadline, points, image, layout, sizes, keep']),
    ("field-twice", "c-twice",
     {"index.zh.md": zh(("organizer: 城关供电所", "organizer: 城关供电所\ntitle: 又一个标题"))},
     ["campaigns/c-twice/index.zh.md, line 8: title: is written twice: expected it once"]),
    ("bad-slug", "Spring_2027",
     {"index.zh.md": GOOD_ZH},
     ['campaigns/Spring_2027: the folder name "Spring_2027" becomes the campaign\'s web '
      "address: expected lowercase letters a-z, digits and single hyphens, such as "
      "spring-irrigation-2026"]),
    ("slug-taken-by-the-site", "calendar",
     {"index.zh.md": GOOD_ZH},
     ['campaigns/calendar: the folder name "calendar" is taken by a page the site makes '
      "itself (the calendar and the type pages): expected another name"]),
    ("unknown-type", "c-unknown-type",
     {"index.zh.md": zh(("type: safe-electricity", "type: safe-electric"))},
     ['campaigns/c-unknown-type/index.zh.md, line 3: type: expected one of "safe-electricity", '
      '"legal-education", "send-culture", "safety-month", "union-work", got the text '
      '"safe-electric" (did you mean "safe-electricity"?)']),
    ("end-before-start", "c-end-before-start",
     {"index.zh.md": zh(("end: 2027-04-30", "end: 2027-02-01"))},
     ["campaigns/c-end-before-start/index.zh.md, line 6: end: 2027-02-01 is before the start "
      "(2027-03-01): expected an end date on or after the start"]),
    ("impossible-date", "c-impossible-date",
     {"index.zh.md": zh(("start: 2027-03-01", "start: 2027-02-30"))},
     ['campaigns/c-impossible-date/index.zh.md, line 5: start: "2027-02-30" is not a real date '
      "(day is out of range for month): expected a date written as YYYY-MM-DD (for "
      "example 2026-06-01)"]),
    ("date-in-words", "c-date-words",
     {"index.zh.md": zh(("start: 2027-03-01", "start: 三月初"))},
     ['campaigns/c-date-words/index.zh.md, line 5: start: expected a date written as '
      'YYYY-MM-DD (for example 2026-06-01), got the text "三月初"']),
    ("activity-outside-the-campaign", "c-activity-outside",
     {"index.zh.md": zh(("  - date: 2027-03-10", "  - date: 2027-05-10"))},
     ["campaigns/c-activity-outside/index.zh.md, line 14: activities[1].date: 2027-05-10 is "
      "outside the campaign (2027-03-01 to 2027-04-30): expected a date between start and "
      "end"]),
    ("bad-time", "c-bad-time",
     {"index.zh.md": zh(('time: "9:00-11:30"', 'time: "25:00"'))},
     ['campaigns/c-bad-time/index.zh.md, line 16: activities[1].time: "25:00" is not allowed '
      'here: expected a time such as "9:30" or a span such as "9:00-11:30"']),
    ("missing-required", "c-missing-summary",
     {"index.zh.md": zh(("summary: 开泵前讲安全用电。\n", ""))},
     ["campaigns/c-missing-summary/index.zh.md: summary: is required: expected a text"]),
    ("empty-required", "c-empty-title",
     {"index.zh.md": zh(("title: 春灌安全用电", 'title: ""'))},
     ["campaigns/c-empty-title/index.zh.md, line 2: title: expected a text, got an empty "
      "value"]),
    ("too-many-points", "c-seven-points",
     {"index.zh.md": zh(("points: [先断电再救人]", "points: [一, 二, 三, 四, 五, 六, 七]"))},
     ["campaigns/c-seven-points/index.zh.md, line 18: poster.points: expected 1 to 6 items, "
      "got 7"]),
    ("no-points", "c-no-points",
     {"index.zh.md": zh(("points: [先断电再救人]", "points: []"))},
     ["campaigns/c-no-points/index.zh.md, line 18: poster.points: expected 1 to 6 items, "
      "got 0"]),
    ("unknown-size", "c-unknown-size",
     {"index.zh.md": zh(("  points: [先断电再救人]", "  points: [先断电再救人]\n  sizes: [A5]"))},
     ['campaigns/c-unknown-size/index.zh.md, line 19: poster.sizes[1]: expected one of "A4", '
      '"A3", "A2", "A4-landscape", "A3-landscape", "A2-landscape", got the text "A5"']),
    ("not-yes-or-no", "c-draft-maybe",
     {"index.zh.md": zh(("poster:", "draft: 也许\nposter:"))},
     ['campaigns/c-draft-maybe/index.zh.md, line 17: draft: expected true or false, got the '
      'text "也许"']),
    ("image-missing", "c-image-missing",
     {"index.zh.md": zh(("  points: [先断电再救人]", "  points: [先断电再救人]\n  image: photo.jpg"))},
     ['campaigns/c-image-missing/index.zh.md, line 19: poster.image: "photo.jpg" does not exist: '
      "expected an image file in c-image-missing/"]),
    ("image-outside", "c-image-outside",
     {"index.zh.md": zh(("  points: [先断电再救人]",
                         "  points: [先断电再救人]\n  image: ../c-good/photo.png"))},
     ['campaigns/c-image-outside/index.zh.md, line 19: poster.image: "../c-good/photo.png" is '
      "outside the campaign folder: expected the image to be inside c-image-outside/"]),
    ("image-absolute", "c-image-absolute",
     {"index.zh.md": zh(("  points: [先断电再救人]", "  points: [先断电再救人]\n  image: /etc/hosts"))},
     ['campaigns/c-image-absolute/index.zh.md, line 19: poster.image: "/etc/hosts" is an '
      "absolute path: expected a path relative to the campaign folder, such as photo.jpg"]),
    ("image-not-an-image", "c-image-text",
     {"index.zh.md": zh(("  points: [先断电再救人]", "  points: [先断电再救人]\n  image: photo.jpg")),
      "photo.jpg": "这不是图片".encode()},
     ['campaigns/c-image-text/index.zh.md, line 19: poster.image: "photo.jpg" is not an image: '
      "expected a JPEG or PNG photo"]),
    ("image-too-large", "c-image-huge",
     {"index.zh.md": zh(("  points: [先断电再救人]", "  points: [先断电再救人]\n  image: huge.png")),
      "huge.png": huge_png},
     ['campaigns/c-image-huge/index.zh.md, line 19: poster.image: "huge.png" is 8000x6000 '
      "pixels: expected at most 40 million pixels"]),
    ("not-utf-8", "c-gbk",
     {"index.zh.md": GOOD_ZH.encode("gbk")},
     ["campaigns/c-gbk/index.zh.md, line 2: is not UTF-8 text: expected the file to be saved "
      "as UTF-8 (in most editors: Save as… > Encoding > UTF-8)"]),
    ("unexpected-file", "c-readme",
     {"index.zh.md": GOOD_ZH, "readme.md": "# notes\n"},
     ["campaigns/c-readme/readme.md: unexpected Markdown file: expected index.zh.md or "
      "index.en.md"]),
    ("unknown-language", "c-french",
     {"index.zh.md": GOOD_ZH, "index.fr.md": GOOD_EN},
     ['campaigns/c-french/index.fr.md: unknown language code "fr" in the file name: expected '
      "index.zh.md or index.en.md"]),
    ("no-default-language-file", "c-only-english",
     {"index.en.md": GOOD_EN},
     ["campaigns/c-only-english: has no index.zh.md: expected the campaign written in 中文, "
      "with its fields in the front matter"]),
    ("translation-contradicts-type", "c-contradict-type",
     {"index.zh.md": GOOD_ZH, "index.en.md": en(("summary:", "type: union-work\nsummary:"))},
     ['campaigns/c-contradict-type/index.en.md, line 3: type: "union-work" contradicts the 中文 '
      'file, which says "safe-electricity": expected the same value, or leave the field out '
      "of the translation"]),
    ("translation-contradicts-date", "c-contradict-date",
     {"index.zh.md": GOOD_ZH,
      "index.en.md": en(("  - title: Well inspection", "  - title: Well inspection\n    date: 2027-03-11"))},
     ['campaigns/c-contradict-date/index.en.md, line 8: activities[1].date: 2027-03-11 '
      "contradicts the 中文 file, which says 2027-03-10: expected the same value, or leave the "
      "field out of the translation"]),
    ("translation-item-count", "c-translation-count",
     {"index.zh.md": GOOD_ZH,
      "index.en.md": en(("  - title: Well inspection", "  - title: Well inspection\n  - title: Extra"))},
     ["campaigns/c-translation-count/index.en.md, line 6: activities: has 2 items but the 中文 "
      "file has 1: expected the same activities in the same order, translated"]),
    ("icon-name-shape", "c-icon-shape",
     {"index.zh.md": zh(("points: [先断电再救人]",
                         "points:\n    - text: 先断电再救人\n      icon: Flash Alert"))},
     ['campaigns/c-icon-shape/index.zh.md, line 20: poster.points[1].icon: "Flash Alert" is not '
      'allowed here: expected an icon name such as "material/flash-alert"']),
    ("point-without-text", "c-point-no-text",
     {"index.zh.md": zh(("points: [先断电再救人]", "points:\n    - icon: material/flash-alert"))},
     ["campaigns/c-point-no-text/index.zh.md, line 19: poster.points[1].text: is required: "
      "expected a text"]),
    ("point-twice-once-with-icon", "c-point-twice",
     {"index.zh.md": zh(("points: [先断电再救人]",
                         "points:\n    - 先断电再救人\n    - {text: 先断电再救人, icon: material/flash-off}"))},
     ['campaigns/c-point-twice/index.zh.md, line 20: poster.points[2]: "先断电再救人" is listed '
      "twice (also item 1): expected each once"]),
    ("unknown-poster-design", "c-design",
     {"index.zh.md": zh(("  points: [先断电再救人]", "  points: [先断电再救人]\n  layout: pictogram"))},
     ['campaigns/c-design/index.zh.md, line 19: poster.layout: expected one of "headline", '
      '"photo", "pictograms", got the text "pictogram" (did you mean "pictograms"?)']),
    ("photo-design-without-photo", "c-photo-design",
     {"index.zh.md": zh(("  points: [先断电再救人]", "  points: [先断电再救人]\n  layout: photo"))},
     ['campaigns/c-photo-design/index.zh.md, line 19: poster.layout: is "photo", a design made '
      "around the campaign's photo, but there is no poster.image: expected poster.image naming "
      'a photo in the campaign folder, or the "headline" or "pictograms" design']),
    ("translation-changes-icon", "c-translation-icon",
     {"index.zh.md": zh(("points: [先断电再救人]",
                         "points:\n    - {text: 先断电再救人, icon: material/flash-off}")),
      "index.en.md": en(("---\n\n", "poster:\n  points:\n    - {text: Cut the power, "
                                       "icon: material/flash}\n---\n\n"))},
     ['campaigns/c-translation-icon/index.en.md, line 10: poster.points[1].icon: '
      '"material/flash" contradicts the 中文 file, which says "material/flash-off": expected the '
      "same value, or leave the field out of the translation"]),
    ("translation-point-count", "c-translation-points",
     {"index.zh.md": GOOD_ZH,
      "index.en.md": en(("---\n\n", "poster:\n  points: [Cut the power, Then help]\n---\n\n"))},
     ["campaigns/c-translation-points/index.en.md, line 9: poster.points: has 2 items but the "
      "中文 file has 1: expected the same poster.points in the same order, translated"]),
    ("translation-unknown-field", "c-translation-typo",
     {"index.zh.md": GOOD_ZH, "index.en.md": en(("summary:", "sumary:"))},
     ['campaigns/c-translation-typo/index.en.md, line 3: sumary: unknown field (did you mean '
      '"summary"?); known fields: title, type, summary, start, end, organizer, audience, '
      "places, channels, laws, targets, activities, contact, poster, leaflet, banner, cards, tags, draft"]),
    ("translation-broken-yaml", "c-translation-yaml",
     {"index.zh.md": GOOD_ZH, "index.en.md": en(("summary: Before", "summary: 'Before"))},
     ["campaigns/c-translation-yaml/index.en.md, line 3: the front matter is not valid YAML "
      "(the ' that opens this value is never closed): expected the text to end with ' on the "
      "same line"]),
]


def write_case(root: Path, folder: str, files: dict) -> None:
    target = root / "campaigns" / folder
    target.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        content = content() if callable(content) else content
        data = content.encode("utf-8") if isinstance(content, str) else content
        (target / name).write_bytes(data)


@pytest.mark.parametrize(
    ("folder", "files", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_each_mistake_gets_its_exact_message(tmp_path: Path, folder, files, expected):
    write_case(tmp_path, "c-good", {"index.zh.md": GOOD_ZH, "photo.png": png()})
    write_case(tmp_path, folder, files)
    loaded = load_campaigns(load_settings(None), tmp_path)
    assert [str(problem) for problem in loaded.problems] == expected
    assert sorted(loaded.campaigns) == ["c-good"]
    assert loaded.left_out == [folder]


def test_the_catalogue_is_long_enough():
    assert len(CASES) >= 25
    assert len({case[1] for case in CASES}) == len(CASES)


# Not mistakes: files saved by common Windows editors must load exactly like the others.
@pytest.mark.parametrize(
    "transform",
    [
        lambda text: "\ufeff" + text,
        lambda text: text.replace("\n", "\r\n"),
        lambda text: "\ufeff" + text.replace("\n", "\r\n"),
    ],
    ids=["bom", "crlf", "bom-and-crlf"],
)
def test_bom_and_crlf_files_load_like_any_other(tmp_path: Path, transform):
    write_case(tmp_path, "plain", {"index.zh.md": GOOD_ZH, "index.en.md": GOOD_EN})
    write_case(tmp_path, "windows", {"index.zh.md": transform(GOOD_ZH),
                                     "index.en.md": transform(GOOD_EN)})
    loaded = load_campaigns(load_settings(None), tmp_path)
    assert loaded.problems == []
    for code in ("zh", "en"):
        plain, windows = loaded.campaigns["plain"][code], loaded.campaigns["windows"][code]
        assert (windows.title, windows.summary, windows.activities, windows.body) == (
            plain.title, plain.summary, plain.activities, plain.body)


def test_line_numbers_hold_in_a_crlf_file(tmp_path: Path):
    text = zh(("goal: 100", "goal: 一百")).replace("\n", "\r\n")
    write_case(tmp_path, "crlf", {"index.zh.md": "\ufeff" + text})
    loaded = load_campaigns(load_settings(None), tmp_path)
    assert [str(problem) for problem in loaded.problems] == [
        'campaigns/crlf/index.zh.md, line 11: targets[1].goal: expected a number, '
        'got the text "一百"'
    ]


HOSTILE_ZH = zh(
    ("title: 春灌安全用电", 'title: "<script>alert(1)</script>春灌"'),
    ("organizer: 城关供电所", 'organizer: "<b>城关</b> & 供电所"'),
)


@pytest.fixture(scope="module")
def catalogue_site(tmp_path_factory) -> Path:
    config = fixture_config(site_url="https://www.qxdl.cn/")
    config["extra"]["xuanchuan"]["print"] = {"enabled": False}
    root = write_site(
        tmp_path_factory.mktemp("catalogue") / "project",
        {"index.zh.md": page("首页", "欢迎。"), "index.en.md": page("Home", "Welcome."),
         "about.zh.md": page("关于", "我们是谁。")},
        config,
    )
    write_case(root, "c-good", {"index.zh.md": GOOD_ZH, "index.en.md": GOOD_EN,
                                "photo.png": png()})
    write_case(root, "c-hostile", {"index.zh.md": HOSTILE_ZH})
    for _, folder, files, _ in CASES:
        write_case(root, folder, files)
    return root


def build(root: Path, *args: str) -> subprocess.CompletedProcess:
    return run_bounded(
        [sys.executable, "-m", "mkdocs", "build", *args],
        cwd=root, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "XUANCHUAN_TODAY": "2027-01-01"},
    )


@pytest.mark.slow
def test_strict_build_lists_every_problem_at_once_and_writes_nothing(catalogue_site: Path):
    done = build(catalogue_site, "--strict", "--site-dir", str(catalogue_site / "strict-site"))
    assert done.returncode == 1
    output = done.stdout + done.stderr
    for _, _, _, expected in CASES:
        for message in expected:
            assert message in output
    assert "Traceback" not in output
    assert not (catalogue_site / "strict-site").exists()


@pytest.mark.slow
def test_normal_build_leaves_bad_campaigns_out_and_builds_the_rest(catalogue_site: Path):
    site = catalogue_site / "lenient-site"
    done = build(catalogue_site, "--site-dir", str(site))
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "Traceback" not in output
    for _, folder, _, _ in CASES:
        assert f"campaigns/{folder}" in output.split("Left out of the site")[1]
        # (campaigns/calendar/ itself holds the calendar's month pages, never a campaign.)
        assert not (site / "campaigns" / folder / "index.html").exists()
        assert not (site / "en" / "campaigns" / folder / "index.html").exists()
    # (about.md is in Chinese only: the English site leads to the Chinese page.)
    for page_path in ("index.html", "about.html", "en/index.html",
                      "campaigns/c-good/index.html", "en/campaigns/c-good/index.html",
                      "campaigns/index.html", "calendar.ics", "en/calendar.ics"):
        assert (site / page_path).is_file(), page_path
    overview = (site / "campaigns" / "index.html").read_text(encoding="utf-8")
    assert "c-good/index.html" in overview and "c-broken-yaml" not in overview


@pytest.mark.slow
def test_html_in_a_field_is_shown_as_text_never_run(catalogue_site: Path):
    site = catalogue_site / "lenient-site"
    if not site.exists():
        build(catalogue_site, "--site-dir", str(site))
    html = (site / "campaigns" / "c-hostile" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "</script>春灌" not in html
    search = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<script>" not in search
    assert "&lt;script&gt;alert(1)&lt;/script&gt;春灌" in html
    assert "<b>城关</b>" not in html
    assert "&lt;b&gt;城关&lt;/b&gt; &amp; 供电所" in html
