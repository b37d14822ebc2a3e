"""`xuanchuan new-report`: a draft report filled in from its campaign, read back by the real
loader, and mistakes explained."""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from fixtures.sites import PROJECT, fixture_config, write_site
from xuanchuan.campaigns.loader import load_campaigns
from xuanchuan.campaigns.report_scaffold import REPORT_TEMPLATES, new_report
from xuanchuan.campaigns.scaffold import Scaffolding
from xuanchuan.core.settings import load_settings

TEMPLATES = PROJECT / "overrides" / REPORT_TEMPLATES

CAMPAIGN_ZH = """\
---
title: 安全生产月进村
type: safety-month
summary: 六月到各村讲安全用电。
start: 2026-06-01
end: 2026-06-30
targets:
  - label: 发放传单（份）
    goal: 1000
  - label: 参加率
    goal: 90
    unit: "%"
  - label: 走访村社（个）
    goal: 20
    actual: 21
  - label: "签到: 人次"
    goal: 300
activities:
  - date: 2026-06-06
    title: 集市咨询摊
    place: 城关镇集市
  - date: 2026-06-10
    title: 录像放映
    place: 东河村
  - date: 2026-06-16
    title: 安全宣传咨询日
    place: 红星社区
  - date: 2026-06-16
    title: 广播讲座
  - date: 2026-06-24
    title: 录像放映
    place: 北营村
---

正文。
"""

CAMPAIGN_EN = """\
---
title: Safety month in the villages
summary: In June we visit every village.
targets:
  - label: Leaflets handed out
  - label: Turnout
  - label: Villages visited
  - label: "Signed in: people"
activities:
  - title: The advice stall at the market, for farmers and herders
  - title: Video evening
  - title: Safety advice day
  - title: Radio talk
  - title: Video evening
---

Text.
"""


def project_with(root: Path, languages=("zh", "en")) -> Path:
    folder = root / "campaigns" / "month"
    folder.mkdir(parents=True)
    texts = {"zh": CAMPAIGN_ZH, "en": CAMPAIGN_EN}
    (folder / f"index.{languages[0]}.md").write_text(texts["zh"], encoding="utf-8")
    (folder / f"index.{languages[1]}.md").write_text(texts["en"], encoding="utf-8")
    return root


def settings_for(languages=("zh", "en")):
    names = {"zh": "中文", "en": "English"}
    return load_settings({"languages": [{"code": c, "name": names[c]} for c in languages]})


def scaffold(root: Path, day: str, *, name=None, languages=("zh", "en")) -> Path:
    where = Scaffolding(root, TEMPLATES, settings_for(languages))
    return new_report(where, "month", dt.date.fromisoformat(day), name)


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def reports(root: Path, *, drafts=True, languages=("zh", "en")):
    loaded = load_campaigns(settings_for(languages), root, include_drafts=drafts)
    assert [str(p) for p in loaded.problems] == []
    return loaded.campaigns["month"][languages[0]]


def test_a_report_on_a_scheduled_day_is_filled_in_from_the_schedule(tmp_path: Path):
    root = project_with(tmp_path)
    path = scaffold(root, "2026-06-06")
    # Named from the activity's English title, without its small words, five words at most.
    assert path.relative_to(root).as_posix() == (
        "campaigns/month/reports/2026-06-06-advice-stall-market-farmers-herders.zh.md"
    )
    fields = front_matter(path)
    assert fields == {
        "title": "集市咨询摊",
        "date": dt.date(2026, 6, 6),
        "activity": "集市咨询摊",
        "place": "城关镇集市",
        "people": None,
        "figures": None,
        "draft": True,
    }
    text = path.read_text(encoding="utf-8")
    # Every field is explained in Chinese, for someone who has never programmed.
    for field in ("title", "date", "activity", "place", "people", "photos", "figures", "draft"):
        line = next(
            i for i, ln in enumerate(text.splitlines()) if ln.lstrip("# ").startswith(field)
        )
        assert text.splitlines()[line - 1].startswith("# "), field
    # One line per target, commented out, with its unit or why it will not add up.
    assert "  # 发放传单（份）: 0\n" in text
    assert "  # 参加率: 0  # %\n" in text
    assert "  # 走访村社（个）: 0  # 活动文件里已经手写了完成数（actual），这一项不会加总\n" in text
    assert "  # '签到: 人次': 0\n" in text
    # The real loader reads it: a draft, seen in the preview only.
    campaign = reports(root)
    (report,) = campaign.reports
    assert (report.title, report.activity.date, report.place, report.draft) == (
        "集市咨询摊",
        dt.date(2026, 6, 6),
        "城关镇集市",
        True,
    )
    assert reports(root, drafts=False).reports == ()


def test_uncommented_figures_add_up_to_the_targets(tmp_path: Path):
    root = project_with(tmp_path)
    path = scaffold(root, "2026-06-06", name="market")
    text = path.read_text(encoding="utf-8")
    text = text.replace("  # 发放传单（份）: 0", "  发放传单（份）: 350")
    text = text.replace("  # '签到: 人次': 0", "  '签到: 人次': 42")
    path.write_text(text.replace("draft: true", "draft: false"), encoding="utf-8")
    campaign = reports(root, drafts=False)
    assert [(t.label, t.actual) for t in campaign.targets] == [
        ("发放传单（份）", 350),
        ("参加率", None),
        ("走访村社（个）", 21),
        ("签到: 人次", 42),
    ]
    assert campaign.activities[0].report == "campaigns/month/reports/2026-06-06-market.md"
    # The next report's lines: a target its reports add up takes more figures, with no note.
    text = scaffold(root, "2026-06-10").read_text(encoding="utf-8")
    assert "  # 发放传单（份）: 0\n" in text
    assert "  # 走访村社（个）: 0  # 活动文件里已经手写了完成数（actual），这一项不会加总\n" in text


def test_a_day_without_an_activity_lists_the_nearest_ones(tmp_path: Path):
    root = project_with(tmp_path)
    path = scaffold(root, "2026-06-12")
    assert path.name == "2026-06-12-report.zh.md"
    fields = front_matter(path)
    assert (fields["title"], fields["activity"], fields["place"]) == ("6月12日活动简报", None, None)
    text = path.read_text(encoding="utf-8")
    listed = [ln for ln in text.splitlines() if ln.startswith("#   2026-")]
    assert listed == [
        "#   2026-06-06 集市咨询摊",
        "#   2026-06-10 录像放映",
        "#   2026-06-16 安全宣传咨询日",
        "#   2026-06-16 广播讲座",
        "#   2026-06-24 录像放映",
    ]
    assert "activity:\n" in text and "place:\n" in text
    (report,) = reports(root).reports
    assert report.activity is None


def test_an_activity_whose_title_is_repeated_is_named_by_its_date(tmp_path: Path):
    root = project_with(tmp_path)
    path = scaffold(root, "2026-06-24")
    assert front_matter(path)["activity"] == dt.date(2026, 6, 24)
    (report,) = reports(root).reports
    assert (report.activity.title, report.activity.place) == ("录像放映", "北营村")


def test_a_day_with_two_activities_takes_the_first_and_lists_the_other(tmp_path: Path):
    root = project_with(tmp_path)
    path = scaffold(root, "2026-06-16")
    assert path.name == "2026-06-16-safety-advice-day.zh.md"
    assert front_matter(path)["activity"] == "安全宣传咨询日"
    assert "#   2026-06-16 广播讲座\nactivity: 安全宣传咨询日\n" in path.read_text(encoding="utf-8")


def test_a_site_in_english_first_gets_the_english_template(tmp_path: Path):
    root = project_with(tmp_path, languages=("en", "zh"))
    path = scaffold(root, "2026-06-12", languages=("en", "zh"))
    assert path.name == "2026-06-12-report.en.md"
    assert front_matter(path)["title"] == "Activity report, 6/12"
    assert "# Title: shown on the report's page" in path.read_text(encoding="utf-8")
    (report,) = reports(root, languages=("en", "zh")).reports
    assert report.draft


def test_templates_live_in_overrides_as_data():
    assert sorted(p.name for p in TEMPLATES.iterdir()) == ["report.en.md", "report.zh.md"]


def new_report_command(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "xuanchuan.cli", "new-report", *args],
        cwd=root,
        capture_output=True,
        text=True,
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = write_site(tmp_path / "p", {"index.zh.md": "---\ntitle: 首页\n---\n"}, fixture_config())
    return project_with(root)


@pytest.mark.slow
def test_the_command_writes_the_report_and_says_what_next(site: Path):
    done = new_report_command(site, "month", "--date", "2026-06-10", "--name", "donghe")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "created campaigns/month/reports/2026-06-10-donghe.zh.md",
        "next: write the report, put its photos in campaigns/month/reports/photos, then preview "
        "with: .venv/bin/mkdocs serve",
    ]
    assert front_matter(site / "campaigns/month/reports/2026-06-10-donghe.zh.md")["activity"] == (
        dt.date(2026, 6, 10)
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["mnoth", "--date", "2026-06-06"],
            'Error: campaigns/mnoth: no such campaign (did you mean "month"?): expected the '
            "name of a folder in campaigns/",
        ),
        (
            ["month", "--date", "2026-06-31"],
            'Error: campaigns/month/reports: --date: "2026-06-31" is not a date: expected '
            "YYYY-MM-DD",
        ),
        (
            ["month", "--date", "2026-07-02"],
            "Error: campaigns/month/reports: --date: 2026-07-02 is outside the campaign "
            "(2026-06-01 to 2026-06-30): expected the day of an activity of the campaign",
        ),
        (
            ["month", "--date", "2026-06-06", "--name", "Market Day"],
            'Error: campaigns/month/reports: --name: "Market Day" cannot be used: expected '
            "lowercase letters a-z, digits and single hyphens, such as spring-irrigation-2026",
        ),
    ],
)
def test_mistakes_are_explained_and_nothing_is_written(site: Path, args, message):
    done = new_report_command(site, *args)
    assert (done.returncode, done.stderr.strip()) == (1, message)
    assert not (site / "campaigns/month/reports").exists()


@pytest.mark.slow
def test_mistakes_are_explained_in_chinese_for_a_chinese_site(site: Path):
    done = subprocess.run(
        [sys.executable, "-m", "xuanchuan.cli", "new-report", "month", "--date", "2026-07-02"],
        cwd=site,
        capture_output=True,
        text=True,
        env={**os.environ, "XUANCHUAN_LANG": ""},
    )
    assert done.stderr.strip() == (
        "出错：campaigns/month/reports: --date: 2026-07-02 不在活动期间（2026-06-01 至 "
        "2026-06-30）：应为本活动期间的某一天"
    )


@pytest.mark.slow
def test_an_existing_report_is_never_overwritten(site: Path):
    assert new_report_command(site, "month", "--date", "2026-06-06").returncode == 0
    (written,) = (site / "campaigns/month/reports").iterdir()
    written.write_text(written.read_text(encoding="utf-8") + "\n写好的正文。\n", encoding="utf-8")
    before = written.read_bytes()
    done = new_report_command(site, "month", "--date", "2026-06-06")
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"Error: campaigns/month/reports/{written.name}: already exists: expected another name "
        "for another report on this day (--name)"
    )
    assert written.read_bytes() == before
    # A translation alone takes the name too: the new file would become its original.
    translation = written.with_name("2026-06-10-donghe.en.md")
    translation.write_text("---\ntitle: Donghe\n---\n", encoding="utf-8")
    done = new_report_command(site, "month", "--date", "2026-06-10", "--name", "donghe")
    assert "2026-06-10-donghe.en.md: already exists" in done.stderr
    assert not written.with_name("2026-06-10-donghe.zh.md").exists()
