"""A team that writes Chinese reads the build's messages in Chinese, and English on request."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from fixtures.sites import fixture_config, page, run_mkdocs, write_site

MISTAKES = """\
---
title: 春灌安全用电
type: safe-electricity
summary: 开泵前讲安全用电。
start: 2027-03-01
end: 2027-02-01
organiser: 城关供电所
poster:
  points: [先断电再救人]
  image: village-meeting.jpg
---

正文。
"""

FULL_WIDTH = """\
---
title: 电力设施保护
type: legal-education
summary： 讲电力设施保护条例。
start: 2027-06-01
---
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    config = fixture_config(site_url="https://www.qxdl.cn/union/")
    config["extra"]["xuanchuan"]["print"] = {"enabled": False}
    root = write_site(
        tmp_path_factory.mktemp("zh") / "p",
        {"index.zh.md": page("首页"), "index.en.md": page("Home")},
        config,
    )
    for slug, text in (("spring", MISTAKES), ("law", FULL_WIDTH)):
        (root / "campaigns" / slug).mkdir(parents=True)
        (root / "campaigns" / slug / "index.zh.md").write_text(text, encoding="utf-8")
    Image.new("RGB", (40, 30), "red").save(root / "campaigns/spring/Village-Meeting.jpg")
    return root


def warnings(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("WARNING")]


def test_every_problem_is_told_in_chinese_by_default(project: Path):
    result = run_mkdocs(project, env={"XUANCHUAN_LANG": ""})
    assert result.returncode == 1
    assert warnings(result.output) == [
        "WARNING -  campaigns/law/index.zh.md 第 4 行: summary: 字段名“summary”后面用了中文冒号“：”，"
        "应改为英文冒号“:”再加一个空格（输入法切换到英文标点后再输入）",
        "WARNING -  campaigns/spring/index.zh.md 第 6 行: end: 2027-02-01 早于开始日期（2027-03-01）："
        "结束日期不能早于开始日期",
        "WARNING -  campaigns/spring/index.zh.md 第 7 行: organiser: 没有这个字段（是不是“organizer”？）；"
        "可用的字段有：title, type, summary, start, end, organizer, audience, places, channels, "
        "laws, targets, activities, contact, poster, leaflet, banner, cards, tags, draft",
        "WARNING -  campaigns/spring/index.zh.md 第 10 行: poster.image: “village-meeting.jpg”不存在"
        "（是不是“Village-Meeting.jpg”？）：spring/ 里应有这个图片文件",
        "WARNING -  以上问题所在的活动没有放进网站：campaigns/law, campaigns/spring",
    ]


def test_english_on_request(project: Path):
    result = run_mkdocs(project, env={"XUANCHUAN_LANG": "en"})
    assert warnings(result.output)[1] == (
        "WARNING -  campaigns/spring/index.zh.md, line 6: end: 2027-02-01 is before the start "
        "(2027-03-01): expected an end date on or after the start"
    )
