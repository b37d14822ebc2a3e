"""Campaign files with several mistakes at once: every one is listed in the same build.

A misspelt field must not hide a missing photo, a section the body lacks or a date outside
the campaign: each case below asserts the whole list of messages, nothing missing, nothing
twice, and nothing said about a value that could not be read.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_campaign_inputs import GOOD_EN, GOOD_ZH, en, png, write_case, zh

from xuanchuan.campaigns.loader import load_campaigns
from xuanchuan.core.messages import use_language
from xuanchuan.core.settings import load_settings

KNOWN_FIELDS = (
    "known fields: title, type, summary, start, end, organizer, audience, places, channels, "
    "laws, targets, activities, contact, poster, leaflet, banner, cards, tags, draft"
)
WITH_PHOTO = ("  points: [先断电再救人]", "  points: [先断电再救人]\n  image: photo.jpg")
SECOND_SECTION = ("机井旁的线路容易受潮。\n", "机井旁的线路容易受潮。\n\n## 安全须知\n\n先断电。\n")

# (case id, {file name: text or bytes}, expected messages; "F" stands for the file's path)
CASES = [
    (
        "misspelt-field-and-missing-photo",
        {"index.zh.md": zh(("organizer: 城关供电所", "organiser: 城关供电所"), WITH_PHOTO)},
        [
            'F.zh.md, line 7: organiser: unknown field (did you mean "organizer"?); '
            + KNOWN_FIELDS,
            'F.zh.md, line 19: poster.image: "photo.jpg" does not exist: expected an image file '
            "in c-case/",
        ],
    ),
    (
        "unknown-type-and-end-before-start",
        {
            "index.zh.md": zh(
                ("type: safe-electricity", "type: safe-electric"),
                ("end: 2027-04-30", "end: 2027-02-01"),
            )
        },
        [
            'F.zh.md, line 3: type: expected one of "safe-electricity", "legal-education", '
            '"send-culture", "safety-month", "union-work", got the text "safe-electric" (did '
            'you mean "safe-electricity"?)',
            "F.zh.md, line 6: end: 2027-02-01 is before the start (2027-03-01): expected an end "
            "date on or after the start",
        ],
    ),
    (
        "bad-time-and-activity-outside-the-campaign",
        {
            "index.zh.md": zh(
                ('time: "9:00-11:30"', 'time: "25:00"'),
                ("  - date: 2027-03-10", "  - date: 2027-05-10"),
            )
        },
        [
            "F.zh.md, line 14: activities[1].date: 2027-05-10 is outside the campaign "
            "(2027-03-01 to 2027-04-30): expected a date between start and end",
            'F.zh.md, line 16: activities[1].time: "25:00" is not allowed here: expected a time '
            'such as "9:30" or a span such as "9:00-11:30"',
        ],
    ),
    (
        "missing-summary-and-sections-the-body-lacks",
        {
            "index.zh.md": zh(
                ("summary: 开泵前讲安全用电。\n", ""),
                ("poster:", "leaflet:\n  sections: [正文, 安全需知, 办法, 办法]\nposter:"),
                SECOND_SECTION,
            )
        },
        [
            "F.zh.md: summary: is required: expected a text",
            'F.zh.md, line 17: leaflet.sections[2]: "安全需知" is not a section of this file '
            '(did you mean "安全须知"?): expected one of its ## headings: "正文", "安全须知"',
            'F.zh.md, line 17: leaflet.sections[3]: "办法" is not a section of this file: '
            'expected one of its ## headings: "正文", "安全须知"',
            'F.zh.md, line 17: leaflet.sections[4]: "办法" is listed twice (also item 3): '
            "expected each once",
        ],
    ),
    (
        "title-a-list-and-a-missing-body-picture-and-a-bad-photo",
        {
            "index.zh.md": zh(("title: 春灌安全用电", "title: [春灌]"), WITH_PHOTO)
            + "\n![机井](pics/well.jpg)\n",
            "photo.jpg": "这不是图片".encode(),
        },
        [
            "F.zh.md, line 2: title: expected a text, got a list",
            'F.zh.md, line 19: poster.image: "photo.jpg" is not an image: expected a JPEG or '
            "PNG photo",
            'F.zh.md, line 26: "pics/well.jpg" does not exist: expected an image file in c-case/',
        ],
    ),
    (
        "empty-title-and-repeated-activities",
        {
            "index.zh.md": zh(
                ('    time: "9:00-11:30"', '    time: "11:30-9:00"'),
                ("title: 春灌安全用电", 'title: ""'),
                (
                    "poster:",
                    "  - date: 2027-03-10\n    title: 机井巡查\n    time: 11:30\n"
                    "  - date: 2027-03-11\n    title: 巡查\n    place: [村委会]\n"
                    "  - date: 2027-03-11\n    title: 巡查\nposter:",
                ),
            )
        },
        [
            "F.zh.md, line 2: title: expected a text, got an empty value",
            'F.zh.md, line 16: activities[1].time: "11:30-9:00" does not end after it starts: '
            'expected an end later the same day, such as "9:00-11:30" (past midnight, end at '
            '"23:59")',
            "F.zh.md, line 17: activities[2]: is the same activity as activities[1] (same date, "
            "start time and title): expected each activity once",
            "F.zh.md, line 22: activities[3].place: expected a text, got a list",
            "F.zh.md, line 23: activities[4]: is the same activity as activities[3] (same date, "
            "start time and title): expected each activity once",
        ],
    ),
    (
        # With no readable start or end, the campaign's days are unknown: its activities'
        # dates are neither right nor wrong yet.
        "start-and-end-unreadable-say-nothing-of-activity-dates",
        {
            "index.zh.md": zh(
                ("start: 2027-03-01", "start: 三月初"),
                ("end: 2027-04-30", "end: 2027-13-01"),
                ("  - date: 2027-03-10", "  - date: 2027-05-10"),
            )
        },
        [
            "F.zh.md, line 5: start: expected a date written as YYYY-MM-DD (for example "
            '2026-06-01), got the text "三月初"',
            'F.zh.md, line 6: end: "2027-13-01" is not a real date (month must be in 1..12): '
            "expected a date written as YYYY-MM-DD (for example 2026-06-01)",
        ],
    ),
    (
        "end-unreadable-says-nothing-of-a-one-day-campaign",
        {
            "index.zh.md": zh(
                ("end: 2027-04-30", "end: 2027-04-31"),
                ("  - date: 2027-03-10", "  - date: 2027-03-12"),
            )
        },
        [
            'F.zh.md, line 6: end: "2027-04-31" is not a real date (day is out of range for '
            "month): expected a date written as YYYY-MM-DD (for example 2026-06-01)",
        ],
    ),
    (
        "mistakes-in-both-languages",
        {
            "index.zh.md": zh(("title: 春灌安全用电", "title: [春灌]")),
            "index.en.md": en(("summary:", "sumary:"), ("## Body", "## Body\n\n![](x.png)")),
        },
        [
            'F.en.md, line 3: sumary: unknown field (did you mean "summary"?); ' + KNOWN_FIELDS,
            'F.en.md, line 12: "x.png" does not exist: expected an image file in c-case/',
            "F.zh.md, line 2: title: expected a text, got a list",
        ],
    ),
    (
        "translation-contradiction-and-its-own-photo-and-sections",
        {
            "index.zh.md": GOOD_ZH,
            "index.en.md": en(
                ("summary:", "type: union-work\nsummary:"),
                ("---\n\n", "poster:\n  image: photo-en.jpg\nleaflet:\n  sections: [Bdy]\n---\n\n"),
            ),
        },
        [
            'F.en.md, line 3: type: "union-work" contradicts the 中文 file, which says '
            '"safe-electricity": expected the same value, or leave the field out of the '
            "translation",
            'F.en.md, line 10: poster.image: "photo-en.jpg" does not exist: expected an image '
            "file in c-case/",
            'F.en.md, line 12: leaflet.sections[1]: "Bdy" is not a section of this file (did '
            'you mean "Body"?): expected one of its ## headings: "Body"',
        ],
    ),
]


def load_case(root: Path, files: dict):
    write_case(root, "c-good", {"index.zh.md": GOOD_ZH, "index.en.md": GOOD_EN, "p.png": png()})
    write_case(root, "c-case", files)
    return load_campaigns(load_settings(None), root)


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_every_mistake_of_a_file_is_listed_once(tmp_path: Path, files, expected):
    loaded = load_case(tmp_path, files)
    shown = [str(problem).replace("campaigns/c-case/index", "F") for problem in loaded.problems]
    assert shown == expected
    assert sorted(loaded.campaigns) == ["c-good"]
    assert loaded.left_out == ["c-case"]


def test_the_catalogue_is_long_enough():
    assert len(CASES) >= 5
    assert all(len(case[2]) >= 2 for case in CASES if "unreadable" not in case[0])


def test_the_team_reads_these_mistakes_in_chinese(tmp_path: Path, monkeypatch):
    files = {
        "index.zh.md": zh(
            ("end: 2027-04-30", "end: 2027-02-01"),
            ("poster:", "leaflet:\n  sections: [安全需知]\nposter:"),
            SECOND_SECTION,
        )
    }
    loaded = load_case(tmp_path, files)
    write_case(tmp_path, "c-only-english", {"index.en.md": GOOD_EN})
    only_english = load_campaigns(load_settings(None), tmp_path).problems[-1]
    monkeypatch.delenv("XUANCHUAN_LANG")
    try:
        use_language("zh")
        assert [str(problem) for problem in loaded.problems] == [
            "campaigns/c-case/index.zh.md 第 6 行: end: 2027-02-01 早于开始日期（2027-03-01）："
            "结束日期不能早于开始日期",
            "campaigns/c-case/index.zh.md 第 18 行: leaflet.sections[1]: “安全需知”不是这个文件"
            "里的一节（是不是“安全须知”？）：应为正文里的某个 ## 小标题：“正文”、“安全须知”",
        ]
        assert str(only_english) == (
            "campaigns/c-only-english: 缺少 index.zh.md：应有用中文写的活动文件，开头写好各项信息"
        )
    finally:
        use_language("en")
