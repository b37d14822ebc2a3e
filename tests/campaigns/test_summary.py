"""The year-end summary's figures, from real campaign folders read by the loader."""

from __future__ import annotations

import datetime as dt

import pytest

from fixtures.summaries import EXPECTED_2026, TODAY, write_summary_campaigns
from xuanchuan.campaigns.loader import load_campaigns
from xuanchuan.campaigns.summary import (
    IN_PROGRESS,
    MET,
    NOT_MEASURED,
    NOT_MET,
    year_summaries,
)
from xuanchuan.campaigns.summary_text import summary_text
from xuanchuan.core.print_files import LEAFLET_PDF, POSTER_PDF, POSTER_PNG, PrintFile
from xuanchuan.core.settings import DEFAULT_CAMPAIGN_TYPES, load_settings
from xuanchuan.core.strings import Translator

SETTINGS = load_settings(None)
DAY = dt.date.fromisoformat(TODAY)


@pytest.fixture(scope="module")
def campaigns(tmp_path_factory):
    root = write_summary_campaigns(tmp_path_factory.mktemp("summary"))
    loaded = load_campaigns(SETTINGS, root)
    assert loaded.problems == []
    return loaded


def summaries(campaigns, code="zh", today=DAY, print_files=lambda campaign: []):
    return year_summaries(
        campaigns,
        code,
        default="zh",
        types=DEFAULT_CAMPAIGN_TYPES,
        today=today,
        print_files=print_files,
    )


def test_one_summary_per_year_with_campaigns_newest_first(campaigns):
    assert [s.year for s in summaries(campaigns)] == [2026, 2025]


def test_the_year_figures_add_up_the_reports(campaigns):
    year = summaries(campaigns)[0]
    figures = year.figures
    assert len(figures.campaigns) == EXPECTED_2026["campaigns"]
    assert (figures.planned, figures.held) == (EXPECTED_2026["planned"], EXPECTED_2026["held"])
    assert list(figures.places) == EXPECTED_2026["places"]
    assert figures.people == EXPECTED_2026["people"]
    assert figures.reports == EXPECTED_2026["reports"]
    assert (figures.met, figures.judged) == (EXPECTED_2026["met"], EXPECTED_2026["judged"])
    assert figures.by_type == (("safe-electricity", 1), ("legal-education", 1))
    # Oldest first, as a year is told.
    assert [c.slug for c in figures.campaigns] == ["spring-2026", "law-2026"]


def test_targets_are_judged_once_their_campaign_has_ended(campaigns):
    results = {
        (r.campaign.slug, r.target.label): (r.target.actual, r.state)
        for r in summaries(campaigns)[0].figures.targets
    }
    assert results == {
        ("spring-2026", "发放宣传单"): (1900, NOT_MET),
        ("spring-2026", "检查机井"): (11, MET),
        ("law-2026", "讲座"): (1, IN_PROGRESS),
    }
    # The day the law campaign ends, its one lecture of four is judged.
    later = summaries(campaigns, today=dt.date(2027, 1, 1))[0]
    states = {r.target.label: r.state for r in later.figures.targets}
    assert states["讲座"] == NOT_MET
    assert not later.open and summaries(campaigns)[0].open


def test_a_target_nobody_measured_is_said_so_once_ended(tmp_path):
    root = write_summary_campaigns(tmp_path)
    spring = root / "campaigns" / "spring-2026"
    for report in (spring / "reports").iterdir():
        report.unlink()
    loaded = load_campaigns(SETTINGS, root)
    states = {r.target.label: r.state for r in summaries(loaded)[0].figures.targets}
    assert states["发放宣传单"] == NOT_MEASURED


def test_each_campaign_has_its_own_row(campaigns):
    rows = {
        c.slug: (f.planned, f.held, f.people, f.reports) for c, f in summaries(campaigns)[0].rows
    }
    assert rows == {"spring-2026": (3, 2, 350, 3), "law-2026": (2, 1, 80, 1)}


def test_several_organizers_each_get_their_figures(campaigns):
    year = summaries(campaigns)[0]
    organizers = {
        o.name: (len(o.figures.campaigns), o.figures.held, o.figures.people)
        for o in year.organizers
    }
    assert organizers == {"城关供电所": (1, 2, 350), "河湾区司法所": (1, 1, 80)}
    # One organizer (or none) in a year: nothing to break down.
    assert summaries(campaigns)[1].organizers == ()


def test_places_are_counted_alike_in_every_language(campaigns):
    chinese, english = summaries(campaigns)[0], summaries(campaigns, "en")[0]
    assert len(english.figures.places) == len(chinese.figures.places) == 4
    # Shown in the language's own words where the campaign or report gives them.
    assert english.figures.places[:2] == ("Shika well no. 1", "Donghe village office")
    assert english.organizer_names == ("Chengguan power-supply station", "河湾区司法所")


def test_printed_materials_count_the_print_files_per_kind(campaigns):
    def files(campaign):
        made = [
            PrintFile(campaign.slug, "zh", POSTER_PDF.name, size, "x.pdf", None, 1)
            for size in ("A3", "A4")
        ]
        made.append(PrintFile(campaign.slug, "zh", POSTER_PNG.name, "", "x.png", None, 1))
        made.append(PrintFile(campaign.slug, "zh", LEAFLET_PDF.name, "A4-landscape", "x", None, 1))
        return made

    printed = summaries(campaigns, print_files=files)[0].figures.printed
    assert [(p.kind, p.size, p.count) for p in printed] == [
        ("poster_pdf", "A4", 2),
        ("poster_pdf", "A3", 2),
        ("leaflet_pdf", "", 2),
    ]


def test_the_sections_are_worded_in_each_language(campaigns):
    zh = summary_text(summaries(campaigns)[0], Translator("zh", ("zh",)), DAY)
    en = summary_text(summaries(campaigns, "en")[0], Translator("en", ("zh",)), DAY)
    assert zh.title == "2026年度宣传工作总结" and en.title == "Year-end summary 2026"
    assert zh.as_of == "统计截至2026年9月1日，部分活动尚未结束。"
    overview = dict(zh.sections[0].table.rows)
    assert overview["活动场次（已举办/计划）"] == "3/5"
    assert overview["参与人数"] == "430"
    assert dict(en.sections[0].table.rows)["Activities (held / planned)"] == "3 / 5"
    targets = next(s for s in zh.sections if s.id == "targets")
    line = targets.targets[0].lines[0]
    assert (line.label, line.numbers, line.state_label) == (
        "发放宣传单",
        "完成 1,900份 / 目标 2,000份",
        "未达成",
    )
    assert [s.id for s in zh.sections] == [
        "overview",
        "by-type",
        "campaigns",
        "targets",
        "reports",
        "places",
        "organizers",
    ]
    reports = next(s for s in zh.sections if s.id == "reports").table
    assert [row[0] for row in reports.rows] == [
        "机井巡查完成",
        "东河村群众会",
        "石卡镇集市宣传",
        "第一讲",
    ]
    assert reports.links[0] == "campaigns/spring-2026/reports/2026-03-05-wells.md"
