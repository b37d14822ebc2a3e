"""The bad-report catalogue: each mistake a team can make in an activity report, and what it
is told, in Chinese, as the team reads it (file, line, field, what was expected).

Every case is a campaign with a good report and the case's files. A report with a mistake
is left out on its own: the campaign and its other reports still build.
"""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from xuanchuan.campaigns.loader import load_campaigns
from xuanchuan.core.messages import use_language
from xuanchuan.core.settings import load_settings

CAMPAIGN_ZH = """\
---
title: 春灌安全用电
type: safe-electricity
summary: 开泵前讲安全用电。
start: 2027-03-01
end: 2027-04-30
targets:
  - label: 发放宣传单
    goal: 1000
    unit: 份
  - label: 入户走访
    goal: 200
    unit: 户
  - label: 群众满意率
    goal: 95
    actual: 96
    unit: "%"
activities:
  - date: 2027-03-10
    title: 机井巡查
  - date: 2027-03-12
    title: 村委会宣讲
  - date: 2027-03-12
    title: 流动宣传车
  - date: 2027-03-20
    title: 村委会宣讲
poster:
  points: [先断电再救人]
---

开泵前先检查线路。
"""

CAMPAIGN_EN = """\
---
title: Safe electricity for spring irrigation
summary: Before the pumps start.
targets:
  - label: Leaflets handed out
    unit: copies
  - label: Homes visited
    unit: homes
  - label: Satisfaction
activities:
  - title: Well inspection
  - title: Village talk
  - title: Publicity van
  - title: Village talk
---

Check the wiring before the pumps start.
"""

# Line 2 title, 3 date, 4 activity, 5 place, 6 people, 7 photos, 8 file, 9 caption,
# 10 figures, 11 the figure, 14 the body.
REPORT_ZH = """\
---
title: 机井巡查结束
date: 2027-03-10
activity: 机井巡查
place: 城关村
people: 40
photos:
  - file: photos/well.jpg
    caption: 查看机井线路
figures:
  发放宣传单: 300
---

巡查了十口机井，发放宣传单三百份。
"""

# Line 2 title, 3 place, 4 photos, 5 caption, 8 the body.
REPORT_EN = """\
---
title: Well inspection done
place: Chengguan Village
photos:
  - caption: Checking the wiring at a well
---

Ten wells checked, three hundred leaflets handed out.
"""

OTHER_ZH = """\
---
title: 村委会宣讲
date: 2027-03-20
activity: 2027-03-20
people: 60
figures:
  入户走访: 25
---

在村委会讲了安全用电。
"""

ZH = "reports/2027-03-10-well.zh.md"
EN = "reports/2027-03-10-well.en.md"
# How the team sees the two files' places in messages.
Z = "campaigns/spring/" + ZH
E = "campaigns/spring/" + EN


def zh(*edits: tuple[str, str], text: str = REPORT_ZH) -> str:
    """The good report with some text replaced (each replacement must apply)."""
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def en(*edits: tuple[str, str]) -> str:
    return zh(*edits, text=REPORT_EN)


def campaign(*edits: tuple[str, str]) -> str:
    return zh(*edits, text=CAMPAIGN_ZH)


def without(text: str, field: str) -> str:
    """``text`` without the front matter field ``field`` and the lines indented under it."""
    kept, inside = [], False
    for line in text.split("\n"):
        if line.startswith(f"{field}:"):
            inside = True
        elif not (inside and line.startswith(" ")):
            inside = False
            kept.append(line)
    return "\n".join(kept)


def jpeg(colour: str = "green") -> bytes:
    out = BytesIO()
    Image.new("RGB", (64, 48), colour).save(out, "JPEG")
    return out.getvalue()


def write_project(root: Path, files: dict) -> Path:
    """The campaign "spring" with its good report, then ``files`` (paths in its folder)."""
    folder = root / "campaigns" / "spring"
    written = {
        "index.zh.md": CAMPAIGN_ZH,
        "index.en.md": CAMPAIGN_EN,
        "reports/photos/well.jpg": jpeg(),
        "reports/2027-03-20-village-talk.zh.md": OTHER_ZH,
        **files,
    }
    for name, content in written.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root


def load(root: Path):
    return load_campaigns(load_settings(None), root)


@pytest.fixture
def in_chinese(monkeypatch):
    """Messages worded as the team reads them: in the site's language, Chinese."""
    monkeypatch.delenv("XUANCHUAN_LANG")
    use_language("zh")
    yield
    use_language("en")


CASES = [
    (
        "broken-yaml",
        {ZH: zh(("title: 机井巡查结束", 'title: "机井巡查结束'))},
        [
            f'{Z} 第 2 行: 开头两行“---”之间的字段写法有误（这个值开头的 " 没有配对的结尾）：文字应在同一行以 " 结束',
        ],
    ),
    (
        "tab-indent",
        {ZH: zh(("  发放宣传单: 300", "\t发放宣传单: 300"))},
        [
            f"{Z} 第 11 行: 开头两行“---”之间的字段写法有误（found character '\\t' that cannot start any token）：缩进请用空格：YAML 不允许用 Tab 键缩进",
        ],
    ),
    (
        "not-utf-8",
        {ZH: REPORT_ZH.encode("gbk")},
        [
            f"{Z} 第 2 行: 不是 UTF-8 编码的文字：请把文件保存为 UTF-8 编码（多数编辑器里：另存为… > 编码 > UTF-8）",
        ],
    ),
    (
        "unknown-field",
        {ZH: zh(("photos:", "photo:"))},
        [
            f"{Z} 第 7 行: photo: 没有这个字段（是不是“photos”？）；可用的字段有：title, date, activity, place, people, photos, figures, draft",
        ],
    ),
    (
        "title-missing",
        {ZH: zh(("title: 机井巡查结束\n", ""))},
        [
            f"{Z}: title: 必须填写：应为一段文字",
        ],
    ),
    (
        "date-missing",
        {ZH: zh(("date: 2027-03-10\n", ""))},
        [
            f"{Z}: date: 必须填写：应为写成 YYYY-MM-DD 的日期（例如 2026-06-01）",
        ],
    ),
    (
        "people-fraction",
        {ZH: zh(("people: 40", "people: 3.5"))},
        [
            f"{Z} 第 6 行: people: 应为一个整数，实际是数字 3.5",
        ],
    ),
    (
        "people-in-words",
        {ZH: zh(("people: 40", "people: many"))},
        [
            f"{Z} 第 6 行: people: 应为一个整数，实际是文字“many”",
        ],
    ),
    (
        "people-with-unit",
        {ZH: zh(("people: 40", "people: 40人"))},
        [
            f"{Z} 第 6 行: people: 应为一个整数，实际是文字“40人”：只写数字本身，不加分隔符、单位或引号：40",
        ],
    ),
    (
        "people-negative",
        {ZH: zh(("people: 40", "people: -3"))},
        [
            f"{Z} 第 6 行: people: 应为不小于 0 的数字，实际是 -3",
        ],
    ),
    (
        "date-in-chinese",
        {ZH: zh(("date: 2027-03-10", "date: 6月6日"))},
        [
            f"{Z} 第 3 行: date: 应为写成 YYYY-MM-DD 的日期（例如 2026-06-01），实际是文字“6月6日”",
        ],
    ),
    (
        "date-impossible",
        {ZH: zh(("date: 2027-03-10", "date: 2027-02-30"))},
        [
            f"{Z} 第 3 行: date: “2027-02-30”不是真实存在的日期（这个月没有这一天）：应为写成 YYYY-MM-DD 的日期（例如 2026-06-01）",
        ],
    ),
    (
        "date-with-time",
        {ZH: zh(("date: 2027-03-10", "date: 2027-03-10 9:30"))},
        [
            f"{Z} 第 3 行: date: “2027-03-10 9:30”是日期加时间：这里只写日期，例如 2027-03-10（活动的具体时间写在 time 字段里）",
        ],
    ),
    (
        "draft-not-yes-or-no",
        {ZH: zh(("people: 40", "people: 40\ndraft: 是"))},
        [
            f"{Z} 第 7 行: draft: 应为true 或 false，实际是文字“是”",
        ],
    ),
    (
        "figures-a-list",
        {ZH: zh(("  发放宣传单: 300", "  - 发放宣传单: 300"))},
        [
            f"{Z} 第 10 行: figures: 应为“名称: 数值”形式的若干行，每个数值应为一个数字，实际是一个列表",
        ],
    ),
    (
        "figure-negative",
        {ZH: zh(("发放宣传单: 300", "发放宣传单: -50"))},
        [
            f"{Z} 第 11 行: figures.发放宣传单: 应为不小于 0 的数字，实际是 -50",
        ],
    ),
    (
        "figure-in-words",
        {ZH: zh(("发放宣传单: 300", "发放宣传单: 三百"))},
        [
            f"{Z} 第 11 行: figures.发放宣传单: 应为一个数字，实际是文字“三百”",
        ],
    ),
    (
        "figure-with-separator",
        {ZH: zh(("发放宣传单: 300", "发放宣传单: 1,200"))},
        [
            f"{Z} 第 11 行: figures.发放宣传单: 应为一个数字，实际是文字“1,200”：只写数字本身，不加分隔符、单位或引号：1200",
        ],
    ),
    (
        "figure-with-unit",
        {ZH: zh(("发放宣传单: 300", "发放宣传单: 300份"))},
        [
            f"{Z} 第 11 行: figures.发放宣传单: 应为一个数字，实际是文字“300份”：只写数字本身，不加分隔符、单位或引号：300",
        ],
    ),
    (
        "figure-a-group",
        {ZH: zh(("发放宣传单: 300", "发放宣传单:\n    amount: 300"))},
        [
            f"{Z} 第 11 行: figures.发放宣传单: 应为一个数字，实际是一组字段",
        ],
    ),
    (
        "figure-unknown-label",
        {ZH: zh(("发放宣传单: 300", "发宣传单: 300"))},
        [
            f"{Z} 第 11 行: figures.发宣传单: “发宣传单”不是本活动的目标（是不是“发放宣传单”？）：应为某个目标的名称（label）：“发放宣传单”、“入户走访”、“群众满意率”",
        ],
    ),
    (
        "figure-label-in-english",
        {ZH: zh(("发放宣传单: 300", "Leaflets handed out: 300"))},
        [
            f"{Z} 第 11 行: figures.Leaflets handed out: “Leaflets handed out”是这个目标的English名称：应写中文名称“发放宣传单”",
        ],
    ),
    (
        "figure-full-width-colon",
        {ZH: zh(("发放宣传单: 300", "发放宣传单：300"))},
        [
            f"{Z} 第 10 行: figures: “发放宣传单：300”被当成了一整段文字，而不是名称和数值：两者之间应为英文冒号“:”加一个空格，例如“发放宣传单: 300”，每行一项",
        ],
    ),
    (
        "figure-full-width-colon-among-others",
        {ZH: zh(("  发放宣传单: 300", "  发放宣传单: 300\n  入户走访：20"))},
        [
            f"{Z} 第 12 行: 入户走访: 字段名“入户走访”后面用了中文冒号“：”，应改为英文冒号“:”再加一个空格（输入法切换到英文标点后再输入）",
        ],
    ),
    (
        "figure-no-space-after-colon",
        {ZH: zh(("发放宣传单: 300", "发放宣传单:300"))},
        [
            f"{Z} 第 10 行: figures: “发放宣传单:300”被当成了一整段文字，而不是名称和数值：两者之间应为英文冒号“:”加一个空格，例如“发放宣传单: 300”，每行一项",
        ],
    ),
    (
        "figure-for-a-share",
        {ZH: zh(("发放宣传单: 300", "群众满意率: 90"))},
        [
            f"{Z} 第 11 行: figures.群众满意率: “群众满意率”是百分比，不能把各篇简报的数字相加：这里不要写它，请在活动文件的目标（targets）里手工填写 actual",
        ],
    ),
    (
        "figures-campaign-without-targets",
        {
            "index.zh.md": without(CAMPAIGN_ZH, "targets"),
            "index.en.md": without(CAMPAIGN_EN, "targets"),
            "reports/2027-03-20-village-talk.zh.md": without(OTHER_ZH, "figures"),
            ZH: REPORT_ZH,
        },
        [
            f"{Z} 第 11 行: figures.发放宣传单: “发放宣传单”不是本活动的目标：应为某个目标的名称（label）：无（本活动没有写目标 targets）",
        ],
    ),
    (
        "activity-unknown-title",
        {ZH: zh(("activity: 机井巡查", "activity: 机井检查"))},
        [
            f"{Z} 第 4 行: activity: “机井检查”不是本活动安排中的活动（是不是“机井巡查”？）：应为活动安排中的日期或活动名称：“机井巡查”、“村委会宣讲”、“流动宣传车”、“村委会宣讲”",
        ],
    ),
    (
        "activity-none-that-day",
        {ZH: zh(("activity: 机井巡查", "activity: 2027-03-11"))},
        [
            f"{Z} 第 4 行: activity: 活动安排里没有 2027-03-11 的活动：应为活动安排中的日期或活动名称：“2027-03-10”、“2027-03-12”、“2027-03-20”",
        ],
    ),
    (
        "activity-two-that-day",
        {ZH: zh(("activity: 机井巡查", "activity: 2027-03-12"))},
        [
            f"{Z} 第 4 行: activity: 活动安排里 2027-03-12 有 2 项活动：请写明报道的是哪一项的名称：“村委会宣讲”、“流动宣传车”",
        ],
    ),
    (
        "activity-title-twice",
        {ZH: zh(("activity: 机井巡查", "activity: 村委会宣讲"))},
        [
            f"{Z} 第 4 行: activity: 活动安排里有 2 项“村委会宣讲”：请写明报道的是哪一天的：“2027-03-12”、“2027-03-20”",
        ],
    ),
    (
        "activity-yes",
        {ZH: zh(("activity: 机井巡查", "activity: true"))},
        [
            f"{Z} 第 4 行: activity: 应为一个日期（YYYY-MM-DD）或活动安排中某项活动的名称，实际是true（表示是/否）",
        ],
    ),
    (
        "activity-impossible-date",
        {ZH: zh(("activity: 机井巡查", "activity: 2027-02-30"))},
        [
            f"{Z} 第 4 行: activity: “2027-02-30”不是真实存在的日期（这个月没有这一天）：应为写成 YYYY-MM-DD 的日期（例如 2026-06-01）",
        ],
    ),
    (
        "date-outside-the-campaign",
        {
            "reports/2027-05-10-well.zh.md": zh(
                ("date: 2027-03-10", "date: 2027-05-10"), ("activity: 机井巡查\n", "")
            )
        },
        [
            "campaigns/spring/reports/2027-05-10-well.zh.md 第 3 行: date: 2027-05-10 不在活动期间（2027-03-01 至 2027-04-30）：应为本活动期间的某一天",
        ],
    ),
    (
        "date-not-the-file-name-day",
        {ZH: zh(("date: 2027-03-10", "date: 2027-03-11"))},
        [
            f"{Z} 第 3 行: date: 2027-03-11 与文件名开头的日期（2027-03-10）不同：两处应为同一天（改文件名，或改正日期）",
        ],
    ),
    (
        "name-capitals",
        {"reports/2027-03-10-Well.zh.md": REPORT_ZH},
        [
            "campaigns/spring/reports/2027-03-10-Well.zh.md: 文件名“2027-03-10-Well.zh.md”会成为简报的网址：应为日期加名称，名称用小写英文字母 a-z、数字和连字符，例如 2026-06-12-village-meeting.zh.md",
        ],
    ),
    (
        "name-spaces",
        {"reports/2027-03-10-well inspection.zh.md": REPORT_ZH},
        [
            "campaigns/spring/reports/2027-03-10-well inspection.zh.md: 文件名“2027-03-10-well inspection.zh.md”会成为简报的网址：应为日期加名称，名称用小写英文字母 a-z、数字和连字符，例如 2026-06-12-village-meeting.zh.md",
        ],
    ),
    (
        "name-chinese",
        {"reports/2027-03-10-机井巡查.zh.md": REPORT_ZH},
        [
            "campaigns/spring/reports/2027-03-10-机井巡查.zh.md: 文件名“2027-03-10-机井巡查.zh.md”会成为简报的网址：应为日期加名称，名称用小写英文字母 a-z、数字和连字符，例如 2026-06-12-village-meeting.zh.md",
        ],
    ),
    (
        "name-without-day",
        {"reports/well.zh.md": REPORT_ZH},
        [
            "campaigns/spring/reports/well.zh.md: 文件名“well.zh.md”会成为简报的网址：应为日期加名称，名称用小写英文字母 a-z、数字和连字符，例如 2026-06-12-village-meeting.zh.md",
        ],
    ),
    (
        "name-day-written-otherwise",
        {"reports/2027.3.10-well.zh.md": REPORT_ZH},
        [
            "campaigns/spring/reports/2027.3.10-well.zh.md: 文件名“2027.3.10-well.zh.md”会成为简报的网址：应为日期加名称，名称用小写英文字母 a-z、数字和连字符，例如 2026-06-12-village-meeting.zh.md",
        ],
    ),
    (
        "name-without-language",
        {"reports/2027-03-10-well.md": REPORT_ZH},
        [
            "campaigns/spring/reports/2027-03-10-well.md: 简报的文件名要以语言代码结尾：应为 2027-03-10-well.zh.md 或 2027-03-10-well.en.md",
        ],
    ),
    (
        "name-unknown-language",
        {"reports/2027-03-10-well.fr.md": REPORT_ZH},
        [
            "campaigns/spring/reports/2027-03-10-well.fr.md: 文件名里的语言代码“fr”不认识：文件名应为 2027-03-10-well.zh.md 或 2027-03-10-well.en.md",
        ],
    ),
    (
        "name-language-in-capitals",
        {"reports/2027-03-10-well.ZH.md": REPORT_ZH},
        [
            "campaigns/spring/reports/2027-03-10-well.ZH.md: 文件名里的语言代码“ZH”不认识：文件名应为 2027-03-10-well.zh.md 或 2027-03-10-well.en.md",
        ],
    ),
    (
        "translation-alone",
        {EN: REPORT_EN},
        [
            f"{E}: 缺少 2027-03-10-well.zh.md：应在同一文件夹里有用中文写的简报，开头写好各项字段",
        ],
    ),
    (
        "translation-another-date",
        {ZH: REPORT_ZH, EN: en(("title: Well", "date: 2027-03-11\ntitle: Well"))},
        [
            f"{E} 第 2 行: date: 2027-03-11 和中文文件不一致，那里写的是 2027-03-10：应写成一样的，或者在译文里不写这一项",
        ],
    ),
    (
        "translation-another-figure",
        {ZH: REPORT_ZH, EN: en(("photos:", "figures:\n  发放宣传单: 200\nphotos:"))},
        [
            f"{E} 第 4 行: figures: “发放宣传单: 200” 和中文文件不一致，那里写的是 “发放宣传单: 300”：应写成一样的，或者在译文里不写这一项",
        ],
    ),
    (
        "translation-figure-in-english",
        {ZH: REPORT_ZH, EN: en(("photos:", "figures:\n  Leaflets handed out: 300\nphotos:"))},
        [
            f"{E} 第 4 行: figures: “Leaflets handed out: 300” 和中文文件不一致，那里写的是 “发放宣传单: 300”：应写成一样的，或者在译文里不写这一项",
        ],
    ),
    (
        "translation-another-activity",
        {ZH: REPORT_ZH, EN: en(("photos:", "activity: Well inspection\nphotos:"))},
        [
            f"{E} 第 4 行: activity: “Well inspection” 和中文文件不一致，那里写的是 “机井巡查”：应写成一样的，或者在译文里不写这一项",
        ],
    ),
    (
        "translation-another-photo",
        {ZH: REPORT_ZH, EN: en(("  - caption", "  - file: photos/well-en.jpg\n    caption"))},
        [
            f"{E} 第 5 行: photos[1].file: “photos/well-en.jpg” 和中文文件不一致，那里写的是 “photos/well.jpg”：应写成一样的，或者在译文里不写这一项",
        ],
    ),
    (
        "translation-more-photos",
        {
            ZH: REPORT_ZH,
            EN: en(
                (
                    "  - caption: Checking the wiring at a well",
                    "  - caption: Checking the wiring at a well\n  - caption: The pump house",
                )
            ),
        },
        [
            f"{E} 第 4 行: photos: 有 2 项，但中文文件里有 1 项：photos 应与原文条数相同、顺序相同，只翻译文字",
        ],
    ),
    (
        "translation-unknown-field",
        {ZH: REPORT_ZH, EN: en(("place:", "plaec:"))},
        [
            f"{E} 第 3 行: plaec: 没有这个字段（是不是“place”？）；可用的字段有：title, date, activity, place, people, photos, figures, draft",
        ],
    ),
    (
        "translation-broken-yaml",
        {ZH: REPORT_ZH, EN: en(("title: Well inspection done", "title: 'Well inspection done"))},
        [
            f"{E} 第 2 行: 开头两行“---”之间的字段写法有误（这个值开头的 ' 没有配对的结尾）：文字应在同一行以 ' 结束",
        ],
    ),
    (
        "photo-missing",
        {ZH: zh(("photos/well.jpg", "photos/wel.jpg"))},
        [
            f"{Z} 第 8 行: photos[1].file: “photos/wel.jpg”不存在（是不是“photos/well.jpg”？）：spring/reports/ 里应有这个图片文件",
        ],
    ),
    (
        "photo-other-capitals",
        {ZH: zh(("photos/well.jpg", "photos/Well.JPG"))},
        [
            f"{Z} 第 8 行: photos[1].file: “photos/Well.JPG”不存在（是不是“photos/well.jpg”？）：spring/reports/ 里应有这个图片文件",
        ],
    ),
    (
        "photo-outside-the-campaign",
        {ZH: zh(("photos/well.jpg", "../../autumn/reports/photos/well.jpg"))},
        [
            f"{Z} 第 8 行: photos[1].file: “../../autumn/reports/photos/well.jpg”在活动文件夹外面：图片应放在 spring/ 里",
        ],
    ),
    (
        "photo-absolute",
        {ZH: zh(("photos/well.jpg", "/home/team/photos/well.jpg"))},
        [
            f"{Z} 第 8 行: photos[1].file: “/home/team/photos/well.jpg”是绝对路径：应写相对于 spring/reports/（简报文件所在的文件夹）的路径，例如 photos/photo.jpg",
        ],
    ),
    (
        "photo-not-an-image",
        {
            ZH: zh(("photos/well.jpg", "photos/notes.jpg")),
            "reports/photos/notes.jpg": "巡查记录".encode(),
        },
        [
            f"{Z} 第 8 行: photos[1].file: “photos/notes.jpg”不是图片：应为 JPEG 或 PNG 照片",
        ],
    ),
    (
        "photo-without-file",
        {ZH: zh(("  - file: photos/well.jpg\n    caption", "  - caption"))},
        [
            f"{Z} 第 8 行: photos[1].file: 必须填写：应为一段文字",
        ],
    ),
    (
        "photo-bare-file-name",
        {ZH: zh(("  - file: photos/well.jpg\n    caption: 查看机井线路", "  - photos/well.jpg"))},
        [
            f"{Z} 第 8 行: photos[1]: “photos/well.jpg”只写了文件名：应写成“- file: photos/well.jpg”，下一行可以加“caption:”说明",
        ],
    ),
    (
        "photos-one-file-name",
        {
            ZH: zh(
                (
                    "photos:\n  - file: photos/well.jpg\n    caption: 查看机井线路",
                    "photos: photos/well.jpg",
                )
            )
        },
        [
            f"{Z} 第 7 行: photos: “photos/well.jpg”只写了文件名：应写成“- file: photos/well.jpg”，下一行可以加“caption:”说明",
        ],
    ),
    (
        "body-picture-missing",
        {ZH: REPORT_ZH + "\n![机井](photos/pump.jpg)\n"},
        [
            f"{Z} 第 16 行: “photos/pump.jpg”不存在：spring/reports/ 里应有这个图片文件",
        ],
    ),
    (
        "body-picture-missing-in-translation",
        {ZH: REPORT_ZH, EN: REPORT_EN + "\n![Well](photos/pump.jpg)\n"},
        [
            f"{E} 第 10 行: “photos/pump.jpg”不存在：spring/reports/ 里应有这个图片文件",
        ],
    ),
    (
        "several-mistakes-at-once",
        {
            ZH: zh(
                ("photos:", "photo:"),
                ("date: 2027-03-10", "date: 2027-05-10"),
                ("发放宣传单: 300", "发宣传单: 300"),
                ("activity: 机井巡查", "activity: 机井检查"),
            )
        },
        [
            f"{Z} 第 3 行: date: 2027-05-10 不在活动期间（2027-03-01 至 2027-04-30）：应为本活动期间的某一天",
            f"{Z} 第 3 行: date: 2027-05-10 与文件名开头的日期（2027-03-10）不同：两处应为同一天（改文件名，或改正日期）",
            f"{Z} 第 4 行: activity: “机井检查”不是本活动安排中的活动（是不是“机井巡查”？）：应为活动安排中的日期或活动名称：“机井巡查”、“村委会宣讲”、“流动宣传车”、“村委会宣讲”",
            f"{Z} 第 7 行: photo: 没有这个字段（是不是“photos”？）；可用的字段有：title, date, activity, place, people, photos, figures, draft",
            f"{Z} 第 11 行: figures.发宣传单: “发宣传单”不是本活动的目标（是不是“发放宣传单”？）：应为某个目标的名称（label）：“发放宣传单”、“入户走访”、“群众满意率”",
        ],
    ),
    (
        "activity-campaign-without-activities",
        {
            "index.zh.md": without(CAMPAIGN_ZH, "activities"),
            "index.en.md": without(CAMPAIGN_EN, "activities"),
            "reports/2027-03-20-village-talk.zh.md": without(OTHER_ZH, "activity"),
            ZH: REPORT_ZH,
        },
        [
            f"{Z} 第 4 行: activity: “机井巡查”不是本活动安排中的活动：应为活动安排中的日期或活动名称：无（本活动没有写活动安排）",
        ],
    ),
]


@pytest.mark.parametrize(
    ("files", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_each_mistake_gets_its_exact_message(tmp_path: Path, in_chinese, files, expected):
    loaded = load(write_project(tmp_path, files))
    assert [str(problem) for problem in loaded.problems] == expected
    # The report is left out on its own: the campaign and its other report are there.
    assert loaded.left_out == []
    assert len(loaded.left_out_reports) == 1
    assert loaded.left_out_reports[0].startswith("campaigns/spring/reports/")
    for code in ("zh", "en"):
        reports = loaded.campaigns["spring"][code].reports
        assert [report.name for report in reports] == ["2027-03-20-village-talk"]


def test_the_catalogue_is_long_enough():
    assert len(CASES) >= 50
    assert len({case[0] for case in CASES}) == len(CASES)


def test_the_good_report_is_read_whole_in_both_languages(tmp_path: Path):
    loaded = load(write_project(tmp_path, {ZH: REPORT_ZH, EN: REPORT_EN}))
    assert loaded.problems == []
    folder = tmp_path / "campaigns" / "spring"
    zh_report, en_report = (
        next(r for r in loaded.campaigns["spring"][code].reports if r.name == "2027-03-10-well")
        for code in ("zh", "en")
    )
    assert (zh_report.title, en_report.title) == ("机井巡查结束", "Well inspection done")
    assert (zh_report.place, en_report.place) == ("城关村", "Chengguan Village")
    assert zh_report.date == en_report.date == dt.date(2027, 3, 10)
    assert zh_report.people == en_report.people == 40
    # The activity and the figures in each language's own words.
    assert (zh_report.activity.title, en_report.activity.title) == ("机井巡查", "Well inspection")
    assert [(f.label, f.amount, f.unit, f.target) for f in en_report.figures] == [
        ("Leaflets handed out", 300, "copies", 0)
    ]
    assert [(f.label, f.unit) for f in zh_report.figures] == [("发放宣传单", "份")]
    assert [(p.file, p.caption) for p in en_report.photos] == [
        (folder / "reports" / "photos" / "well.jpg", "Checking the wiring at a well")
    ]
    assert zh_report.photos[0].caption == "查看机井线路"
    assert (zh_report.is_fallback, en_report.is_fallback) == (False, False)
    assert en_report.page_key == "campaigns/spring/reports/2027-03-10-well.md"
    other = loaded.campaigns["spring"]["en"].reports[0]
    assert (other.name, other.is_fallback, other.title) == (
        "2027-03-20-village-talk",
        True,
        "村委会宣讲",
    )


def test_photos_and_pictures_may_be_anywhere_in_the_campaign_folder(tmp_path: Path):
    report = zh(("photos/well.jpg", "../poster.jpg")) + "\n![泵房](../pump.jpg)\n"
    files = {ZH: report, "poster.jpg": jpeg("red"), "pump.jpg": jpeg("blue")}
    loaded = load(write_project(tmp_path, files))
    assert loaded.problems == []
    well = loaded.campaigns["spring"]["zh"].reports[-1]
    assert [p.file for p in well.photos] == [tmp_path / "campaigns" / "spring" / "poster.jpg"]


def test_a_figure_for_an_actual_written_by_hand_is_a_warning_and_the_report_stays(
    tmp_path: Path, in_chinese
):
    by_hand = campaign(("    goal: 1000\n", "    goal: 1000\n    actual: 800\n"))
    loaded = load(write_project(tmp_path, {"index.zh.md": by_hand, ZH: REPORT_ZH}))
    assert [str(problem) for problem in loaded.problems] == [
        "campaigns/spring/index.zh.md 第 10 行: targets[1].actual: 已手工填写（800），所以简报里给"
        "“发放宣传单”的数字（共 300）没有计入：两者只用一种（删去 actual 即按简报数字累计，或者删去"
        "简报里的这些数字）"
    ]
    assert loaded.left_out_reports == []
    spring = loaded.campaigns["spring"]["zh"]
    assert [r.name for r in spring.reports] == ["2027-03-20-village-talk", "2027-03-10-well"]
    assert (spring.targets[0].actual, spring.targets[0].reported_on) == (800, None)
    # The other target still adds up its reports.
    assert (spring.targets[1].actual, spring.targets[1].reported_on) == (25, dt.date(2027, 3, 20))


def test_every_bad_report_is_left_out_and_only_it(tmp_path: Path):
    files = {
        ZH: zh(("people: 40", "people: 很多")),
        "reports/2027-03-12-van.zh.md": zh(
            ("date: 2027-03-10", "date: 2027-03-12"), ("activity: 机井巡查", "activity: 流动宣传车")
        ),
        "reports/2027-03-12-talk.zh.md": zh(
            ("date: 2027-03-10", "date: 2027-03-12"), ("activity: 机井巡查", "activity: 宣讲")
        ),
        "reports/2027-04-01-Notes.zh.md": REPORT_ZH,
    }
    loaded = load(write_project(tmp_path, files))
    assert [(p.path.rsplit("/", 1)[1], p.line, p.field) for p in loaded.problems] == [
        ("2027-03-10-well.zh.md", 6, "people"),
        ("2027-03-12-talk.zh.md", 4, "activity"),
        ("2027-04-01-Notes.zh.md", None, None),
    ]
    reports = loaded.campaigns["spring"]["zh"].reports
    assert [r.name for r in reports] == ["2027-03-20-village-talk", "2027-03-12-van"]
    assert loaded.left_out_reports == [
        "campaigns/spring/reports/2027-03-10-well",
        "campaigns/spring/reports/2027-03-12-talk",
        "campaigns/spring/reports/2027-04-01-Notes",
    ]


def test_a_campaign_with_a_mistake_is_left_out_with_its_reports_unread(tmp_path: Path):
    files = {
        "index.zh.md": campaign(("end: 2027-04-30", "end: 2027-02-01")),
        ZH: zh(("photos:", "photo:")),
    }
    loaded = load(write_project(tmp_path, files))
    # The report is checked against its campaign: once the campaign is right.
    assert [str(problem) for problem in loaded.problems] == [
        "campaigns/spring/index.zh.md, line 6: end: 2027-02-01 is before the start (2027-03-01): "
        "expected an end date on or after the start"
    ]
    assert loaded.left_out == ["spring"]
