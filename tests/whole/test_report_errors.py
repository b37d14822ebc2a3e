"""Report mistakes in a whole build: a bad report fails --strict with its message and is
left out of a normal build on its own; a draft stays out of the build and shows in the
preview; a picture in a report's body is published; a target no report measures is neither
met nor missed. (tests/whole/test_report_site.py has the reports' pages themselves.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from fixtures.preview import serving, wait_for
from fixtures.sites import fixture_config, page, run_mkdocs, write_site

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
  - label: 检查机井
    goal: 50
    unit: 口
activities:
  - date: 2027-03-10
    title: 机井巡查
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
  - label: Homes visited
  - label: Wells checked
activities:
  - title: Well inspection
  - title: Publicity van
  - title: Village talk
---
"""

REPORTS = {
    "2027-03-10-well.zh.md": """\
---
title: 机井巡查结束
date: 2027-03-10
activity: 机井巡查
people: 40
photos:
  - file: photos/well.jpg
    caption: 查看机井线路
figures:
  发放宣传单: 300
---

巡查了十口机井。

![泵房](photos/pump.jpg)
""",
    "2027-03-10-well.en.md": """\
---
title: Well inspection done
photos:
  - caption: Checking the wiring at a well
---

Ten wells checked.

![Pump house](photos/pump.jpg)
""",
    "2027-03-20-talk.zh.md": """\
---
title: 村委会宣讲会
date: 2027-03-20
activity: 2027-03-20
figures:
  发放宣传单: 150
  入户走访: 25
---

在村委会讲了安全用电。
""",
    "2027-03-12-van.zh.md": """\
---
title: 宣传车进村（草稿）
date: 2027-03-12
activity: 流动宣传车
draft: true
figures:
  发放宣传单: 1000
---

草稿。
""",
    "2027-03-11-broken.zh.md": """\
---
title: 写错的简报
date: 2027-03-11
people: 很多
---
""",
}
TODAY = "2027-05-01"
BAD_REPORT_ZH = (
    "WARNING -  campaigns/spring/reports/2027-03-11-broken.zh.md 第 4 行: people: 应为一个整数，"
    "实际是文字“很多”"
)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    config = fixture_config(site_url="https://www.qxdl.cn/")
    config["extra"]["xuanchuan"]["print"] = {"enabled": False}
    root = write_site(
        tmp_path_factory.mktemp("reports") / "project",
        {"index.zh.md": page("首页", "欢迎。"), "index.en.md": page("Home", "Welcome.")},
        config,
    )
    folder = root / "campaigns" / "spring"
    (folder / "reports" / "photos").mkdir(parents=True)
    (folder / "index.zh.md").write_text(CAMPAIGN_ZH, encoding="utf-8")
    (folder / "index.en.md").write_text(CAMPAIGN_EN, encoding="utf-8")
    for name, text in REPORTS.items():
        (folder / "reports" / name).write_text(text, encoding="utf-8")
    Image.new("RGB", (900, 600), "green").save(folder / "reports" / "photos" / "well.jpg")
    Image.new("RGB", (300, 200), "blue").save(folder / "reports" / "photos" / "pump.jpg")
    return root


@pytest.fixture(scope="module")
def built(project: Path):
    result = run_mkdocs(
        project, strict=False, env={"XUANCHUAN_TODAY": TODAY}, site_dir=project / "lenient"
    )
    assert result.returncode == 0, result.output
    return result


def test_strict_build_fails_on_the_bad_report_with_its_message_in_chinese(project: Path):
    site = project / "strict"
    result = run_mkdocs(
        project, env={"XUANCHUAN_TODAY": TODAY, "XUANCHUAN_LANG": ""}, site_dir=site
    )
    assert result.returncode == 1
    warnings = [line for line in result.output.splitlines() if line.startswith("WARNING")]
    assert warnings == [
        BAD_REPORT_ZH,
        "WARNING -  以上问题所在的简报没有放进网站（所属活动照常放进）："
        "campaigns/spring/reports/2027-03-11-broken",
    ]
    assert "Traceback" not in result.output
    assert not site.exists()


def test_a_bad_report_leaves_out_only_itself(built):
    assert "2027-03-11-broken.zh.md, line 4: people: expected a whole number" in built.output
    assert (
        "Reports left out of the site because of the problems above (their campaigns are in "
        "it): campaigns/spring/reports/2027-03-11-broken"
    ) in built.output
    site = built.site
    for prefix in ("", "en/"):
        reports = site / prefix / "campaigns" / "spring" / "reports"
        assert (site / prefix / "campaigns" / "spring" / "index.html").is_file()
        # Each good report's page and its copy for WeChat; nothing of the bad one. The talk
        # has no English: its English page links to the Chinese copy, made once.
        assert sorted(p.name for p in reports.glob("*.html")) == [
            "2027-03-10-well.html",
            "2027-03-10-well.wechat.html",
            "2027-03-20-talk.html",
            *(["2027-03-20-talk.wechat.html"] if not prefix else []),
        ]
        talk = built.html(f"{prefix}campaigns/spring/reports/2027-03-20-talk.html")
        link = talk.select_one(".xc-wechat a")["href"]
        assert (reports / link).resolve() == (site / reports.relative_to(site / prefix) /
                                              "2027-03-20-talk.wechat.html").resolve()
        news = built.html(f"{prefix}news/index.html")
        assert [a["href"] for a in news.select("main a[href*='reports/']")] == [
            "../campaigns/spring/reports/2027-03-20-talk.html",
            "../campaigns/spring/reports/2027-03-10-well.html",
        ]


def test_a_report_page_shows_its_body_picture_and_photos(built):
    html = built.html("en/campaigns/spring/reports/2027-03-10-well.html")
    assert html.select_one("h1").get_text(strip=True) == "Well inspection done"
    body_picture = html.select_one("img[alt='Pump house']")
    assert (built.site / "en/campaigns/spring/reports" / body_picture["src"]).is_file()
    gallery = html.select_one(".xc-gallery img")
    assert gallery["alt"] == "Checking the wiring at a well"
    assert (built.site / "en/campaigns/spring/reports" / gallery["src"]).resolve().is_file()
    figures = [li.get_text(" ", strip=True) for li in html.select(".xc-figures li")]
    assert figures == ["Leaflets handed out 300份"]


def test_a_target_no_report_measures_is_neither_met_nor_missed(built):
    # The draft's 1000 leaflets are not counted: 300 + 150.
    for prefix, targets in (
        (
            "",
            [
                "发放宣传单 完成 450份 / 目标 1,000份 截至2027年3月20日简报 未达成",
                "入户走访 完成 25户 / 目标 200户 截至2027年3月20日简报 未达成",
                "检查机井 尚未统计 / 目标 50口",
            ],
        ),
        (
            "en/",
            [
                "Leaflets handed out reached 450份 / goal 1,000份 as of the report of March 20, "
                "2027 Not met",
                "Homes visited reached 25户 / goal 200户 as of the report of March 20, 2027 Not met",
                "Wells checked not measured yet / goal 50口",
            ],
        ),
    ):
        html = built.html(f"{prefix}campaigns/spring/index.html")
        assert [t.get_text(" ", strip=True) for t in html.select(".xc-target")] == targets


def test_a_draft_report_shows_in_the_preview_only(built, project: Path, tmp_path: Path):
    assert not (built.site / "campaigns/spring/reports/2027-03-12-van.html").exists()
    with serving(project, tmp_path / "serve.log") as (process, url):
        page_url = url + "campaigns/spring/reports/2027-03-12-van.html"
        html = wait_for(
            page_url,
            lambda text: "宣传车进村" in text,
            "the draft",
            process,
            tmp_path / "serve.log",
        )
        assert "草稿。" in html
        campaign = wait_for(
            url + "campaigns/spring/index.html",
            lambda text: "xc-done" in text,
            "the page",
            process,
            tmp_path / "serve.log",
        )
        assert "reports/2027-03-12-van.html" in campaign
    assert not (built.site / "campaigns/spring/reports/2027-03-12-van.html").exists()
