"""What reports add up to: each target's actual and the day of its last report, the
activities they mark held, drafts (left out of a build, in a preview) and the order of
reports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_report_inputs import CAMPAIGN_ZH, campaign, jpeg

from xuanchuan.campaigns.loader import load_campaigns
from xuanchuan.core.settings import load_settings


def report(day: str, title: str, *, figures: dict | None = None, **fields) -> str:
    lines = [f"title: {title}", f"date: {day}"]
    lines += [f"{name}: {value}" for name, value in fields.items()]
    if figures:
        lines.append("figures:")
        lines += [f"  {label}: {amount}" for label, amount in figures.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n正文。\n"


def write(root: Path, reports: dict[str, str], *, index: str = CAMPAIGN_ZH, slug="spring"):
    folder = root / "campaigns" / slug
    (folder / "reports" / "photos").mkdir(parents=True)
    (folder / "index.zh.md").write_text(index, encoding="utf-8")
    (folder / "reports" / "photos" / "well.jpg").write_bytes(jpeg())
    for name, text in reports.items():
        (folder / "reports" / name).write_text(text, encoding="utf-8")
    return root


def load(root: Path, *, drafts: bool = False):
    loaded = load_campaigns(load_settings(None), root, include_drafts=drafts)
    assert loaded.problems == []
    return loaded


def test_a_target_adds_up_its_reports_figures_and_knows_the_day_of_the_last(tmp_path):
    loaded = load(
        write(
            tmp_path,
            {
                "2027-03-10-well.zh.md": report("2027-03-10", "巡查", figures={"发放宣传单": 300}),
                "2027-03-12-van.zh.md": report(
                    "2027-03-12", "宣传车", figures={"发放宣传单": 450.5, "入户走访": 20}
                ),
                # The last report gives no leaflets: the leaflets' day stays the 12th.
                "2027-03-20-talk.zh.md": report("2027-03-20", "宣讲", figures={"入户走访": 30}),
                "2027-03-21-notes.zh.md": report("2027-03-21", "小结"),
            },
        )
    )
    for code in ("zh", "en"):
        leaflets, homes, satisfaction = loaded.campaigns["spring"][code].targets
        assert (leaflets.actual, leaflets.reported_on) == (750.5, dt.date(2027, 3, 12))
        assert (homes.actual, homes.reported_on) == (50, dt.date(2027, 3, 20))
        # Written by hand and given no figure: as written, with no report's day.
        assert (satisfaction.actual, satisfaction.reported_on) == (96, None)
    assert (leaflets.met, homes.met, satisfaction.met) == (False, False, True)


def test_whole_sums_stay_whole_and_fractions_are_not_blurred(tmp_path):
    loaded = load(
        write(
            tmp_path,
            {
                "2027-03-10-a.zh.md": report("2027-03-10", "一", figures={"发放宣传单": 0.1}),
                "2027-03-11-b.zh.md": report("2027-03-11", "二", figures={"发放宣传单": 0.2}),
                "2027-03-12-c.zh.md": report("2027-03-12", "三", figures={"入户走访": 2.5}),
                "2027-03-13-d.zh.md": report("2027-03-13", "四", figures={"入户走访": 197.5}),
            },
        )
    )
    leaflets, homes, _ = loaded.campaigns["spring"]["zh"].targets
    assert (leaflets.actual, homes.actual) == (0.3, 200)
    assert type(homes.actual) is int and homes.met is True


def test_a_target_no_report_counts_toward_is_left_unmeasured(tmp_path):
    loaded = load(write(tmp_path, {"2027-03-10-a.zh.md": report("2027-03-10", "一")}))
    leaflets = loaded.campaigns["spring"]["zh"].targets[0]
    assert (leaflets.actual, leaflets.reported_on, leaflets.met, leaflets.progress) == (
        None,
        None,
        None,
        None,
    )


def test_the_actual_written_by_hand_wins_over_the_figures(tmp_path):
    index = campaign(("    goal: 1000\n", "    goal: 1000\n    actual: 999\n"))
    root = write(
        tmp_path,
        {"2027-03-10-a.zh.md": report("2027-03-10", "一", figures={"发放宣传单": 5})},
        index=index,
    )
    loaded = load_campaigns(load_settings(None), root)
    assert [p.field for p in loaded.problems] == ["targets[1].actual"]
    leaflets = loaded.campaigns["spring"]["zh"].targets[0]
    assert (leaflets.actual, leaflets.reported_on) == (999, None)


def test_activities_a_report_covers_are_marked_held_by_the_first_report(tmp_path):
    loaded = load(
        write(
            tmp_path,
            {
                # By its title, by its date, and the same activity again later.
                "2027-03-10-well.zh.md": report("2027-03-10", "巡查", activity="机井巡查"),
                "2027-03-12-van.zh.md": report("2027-03-12", "宣传车", activity="流动宣传车"),
                "2027-03-20-talk.zh.md": report("2027-03-20", "宣讲", activity="2027-03-20"),
                "2027-03-21-well-again.zh.md": report("2027-03-21", "再巡查", activity="机井巡查"),
            },
        )
    )
    key = "campaigns/spring/reports/{}.md".format
    for code in ("zh", "en"):
        spring = loaded.campaigns["spring"][code]
        assert [(a.date.isoformat(), a.report) for a in spring.activities] == [
            ("2027-03-10", key("2027-03-10-well")),
            ("2027-03-12", None),  # 村委会宣讲 on the 12th: not reported
            ("2027-03-12", key("2027-03-12-van")),
            ("2027-03-20", key("2027-03-20-talk")),
        ]
        assert [r.activity.date.isoformat() for r in spring.reports] == [
            "2027-03-10",
            "2027-03-20",
            "2027-03-12",
            "2027-03-10",
        ]


def test_reports_come_newest_first_in_a_campaign_and_across_campaigns(tmp_path):
    write(
        tmp_path,
        {
            "2027-03-10-b.zh.md": report("2027-03-10", "乙"),
            "2027-03-10-a.zh.md": report("2027-03-10", "甲"),
            "2027-03-20-c.zh.md": report("2027-03-20", "丙"),
        },
    )
    write(tmp_path, {"2027-03-15-d.zh.md": report("2027-03-15", "丁")}, slug="autumn")
    loaded = load(tmp_path)
    spring = loaded.campaigns["spring"]["en"]
    assert [r.name for r in spring.reports] == ["2027-03-20-c", "2027-03-10-b", "2027-03-10-a"]
    assert [(r.slug, r.name) for r in loaded.reports("zh")] == [
        ("spring", "2027-03-20-c"),
        ("autumn", "2027-03-15-d"),
        ("spring", "2027-03-10-b"),
        ("spring", "2027-03-10-a"),
    ]


def test_a_draft_is_left_out_of_a_build_and_counts_in_a_preview(tmp_path):
    root = write(
        tmp_path,
        {
            "2027-03-10-well.zh.md": report("2027-03-10", "巡查", figures={"发放宣传单": 300}),
            "2027-03-12-van.zh.md": report(
                "2027-03-12",
                "宣传车",
                activity="流动宣传车",
                draft="true",
                figures={"发放宣传单": 200},
            ),
        },
    )
    built = load(root).campaigns["spring"]["zh"]
    assert [r.name for r in built.reports] == ["2027-03-10-well"]
    assert (built.targets[0].actual, built.targets[0].reported_on) == (300, dt.date(2027, 3, 10))
    assert all(a.report is None for a in built.activities if a.title == "流动宣传车")
    previewed = load(root, drafts=True).campaigns["spring"]["zh"]
    assert [(r.name, r.draft) for r in previewed.reports] == [
        ("2027-03-12-van", True),
        ("2027-03-10-well", False),
    ]
    assert (previewed.targets[0].actual, previewed.targets[0].reported_on) == (
        500,
        dt.date(2027, 3, 12),
    )
    van = next(a for a in previewed.activities if a.title == "流动宣传车")
    assert van.report == "campaigns/spring/reports/2027-03-12-van.md"


def test_a_campaign_ends_after_its_last_day(tmp_path):
    spring = load(write(tmp_path, {})).campaigns["spring"]["zh"]
    assert spring.reports == ()
    assert not spring.ended(dt.date(2027, 4, 30))
    assert spring.ended(dt.date(2027, 5, 1))
