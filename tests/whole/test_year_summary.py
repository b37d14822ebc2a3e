"""The year-end summary, built for real: pages per year and language parsed as HTML, their
PDFs read back, a second build byte for byte, and a phone-sized browser."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from fixtures.printing import page_size_mm, pdf_fonts, pdf_info, pdf_text
from fixtures.sites import fixture_config, page, run_mkdocs, tree_digest, write_site
from fixtures.summaries import EXPECTED_2026, TODAY, write_summary_campaigns

ENV = {"XUANCHUAN_TODAY": TODAY}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = write_site(
        tmp_path_factory.mktemp("year-summary") / "project",
        {"index.zh.md": page("首页"), "index.en.md": page("Home")},
        fixture_config(),
        own_print_cache=True,  # a test removes the summaries from it
    )
    return write_summary_campaigns(root)


@pytest.fixture(scope="module")
def site(project) -> Path:
    result = run_mkdocs(project, env=ENV)
    assert result.returncode == 0, result.output
    return result.site


def read(site: Path, relative: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser")


def words(element) -> str:
    return " ".join(element.get_text(" ", strip=True).split())


def table(section) -> list[list[str]]:
    return [[words(cell) for cell in row.select("th, td")] for row in section.select("tr")]


def resolve(site: Path, relative: str, href: str) -> Path:
    return ((site / relative).parent / href).resolve()


def test_only_years_with_campaigns_have_a_summary(site: Path):
    for prefix in ("", "en/"):
        years = sorted(p.name for p in (site / prefix / "summary").iterdir() if p.is_dir())
        assert years == ["2025", "2026"]
    doc = read(site, "summary/index.html")
    assert [words(a) for a in doc.select(".xc-summary-years .xc-card__title")] == [
        "2026年度宣传工作总结",
        "2025年度宣传工作总结",
    ]
    for link in doc.select(".xc-summary-years a"):
        assert resolve(site, "summary/index.html", link["href"]).is_file(), link["href"]
    # The list of summaries is in the site's navigation.
    home = read(site, "index.html")
    assert any(a["href"] == "summary/index.html" for a in home.select("nav.md-nav a[href]"))


def test_the_year_page_gives_the_figures_worked_out_by_hand(site: Path):
    doc = read(site, "summary/2026/index.html")
    assert words(doc.select_one("article h1")) == "2026年度宣传工作总结"
    assert "主办单位：城关供电所、河湾区司法所" in words(doc.select_one("article"))
    assert "统计截至2026年9月1日" in words(doc.select_one(".xc-summary__as-of"))
    overview = dict(table(doc.select_one("#xc-summary-overview"))[1:])
    expected = EXPECTED_2026
    assert overview == {
        "宣传活动": str(expected["campaigns"]),
        "活动场次（已举办/计划）": f"{expected['held']}/{expected['planned']}",
        "覆盖地点": str(len(expected["places"])),
        "参与人数": str(expected["people"]),
        "活动简报": str(expected["reports"]),
        "工作目标（已达成/已结束活动的目标）": f"{expected['met']}/{expected['judged']}",
    }
    assert table(doc.select_one("#xc-summary-by-type")) == [
        ["类型", "数量"],
        ["安全用电", "1"],
        ["普法宣传", "1"],
    ]
    campaigns = table(doc.select_one("#xc-summary-campaigns"))
    assert campaigns[1:] == [
        ["春灌安全用电宣传", "2026年3月1日至4月30日", "2/3", "350", "3"],
        ["社区普法讲座", "2026年8月1日至12月31日", "1/2", "80", "1"],
    ]
    link = doc.select_one("#xc-summary-campaigns td a")["href"]
    assert (
        resolve(site, "summary/2026/index.html", link)
        == (site / "campaigns/spring-2026/index.html").resolve()
    )
    assert table(doc.select_one("#xc-summary-reports"))[1:] == [
        ["机井巡查完成", "2026年3月5日", "春灌安全用电宣传", "", "30"],
        ["东河村群众会", "2026年4月20日", "春灌安全用电宣传", "东河村委会", "120"],
        ["石卡镇集市宣传", "2026年4月28日", "春灌安全用电宣传", "石卡镇集市", "200"],
        ["第一讲", "2026年8月10日", "社区普法讲座", "河湾社区", "80"],
    ]
    link = doc.select_one("#xc-summary-reports td a")["href"]
    assert (
        resolve(site, "summary/2026/index.html", link)
        == (site / "campaigns/spring-2026/reports/2026-03-05-wells.html").resolve()
    )
    places = [words(li) for li in doc.select("#xc-summary-places li")]
    assert places == expected["places"]
    assert table(doc.select_one("#xc-summary-printed"))[1:] == [
        ["海报 A4", "2"],
        ["海报 A3", "2"],
        ["三折页（A4 双面）", "2"],
    ]
    assert table(doc.select_one("#xc-summary-organizers"))[1:] == [
        ["城关供电所", "1", "2/3", "3", "350", "1/2"],
        ["河湾区司法所", "1", "1/2", "1", "80", "0/0"],
    ]


def test_targets_show_met_and_not_met_for_an_ended_campaign(site: Path):
    doc = read(site, "summary/2026/index.html")
    targets = {
        words(li.select_one(".xc-target__label")): (
            li["data-state"],
            words(li.select_one(".xc-result")),
            words(li.select_one(".xc-target__numbers")),
            li.select_one(".xc-bar").get("aria-valuenow"),
        )
        for li in doc.select("#xc-summary-targets .xc-target")
    }
    assert targets == {
        "发放宣传单": ("not-met", "未达成", "完成 1,900份 / 目标 2,000份", "95"),
        "检查机井": ("met", "已达成", "完成 11口 / 目标 10口", "100"),
        "讲座": ("in-progress", "进行中", "完成 1场 / 目标 4场", "25"),
    }


def test_the_english_page_words_the_same_figures(site: Path):
    doc = read(site, "en/summary/2026/index.html")
    assert doc.html["lang"] == "en"
    assert words(doc.select_one("article h1")) == "Year-end summary 2026"
    overview = dict(table(doc.select_one("#xc-summary-overview"))[1:])
    assert overview["Activities (held / planned)"] == "3 / 5"
    assert overview["People reached"] == "430"
    places = [words(li) for li in doc.select("#xc-summary-places li")]
    assert places == ["Shika well no. 1", "Donghe village office", "石卡镇集市", "河湾社区"]
    states = [words(s) for s in doc.select("#xc-summary-targets .xc-result")]
    assert states == ["Not met", "Met", "In progress"]


def test_a_year_of_one_organizer_has_no_breakdown_and_says_it_set_no_targets(site: Path):
    doc = read(site, "summary/2025/index.html")
    assert doc.select_one("#xc-summary-organizers") is None
    assert words(doc.select_one("#xc-summary-targets p")) == "本年度的活动没有设定工作目标。"
    assert words(doc.select_one("#xc-summary-reports p")) == "本年度还没有活动简报。"
    assert doc.select_one(".xc-summary__as-of") is None  # the year is over


def test_the_pdf_lies_next_to_its_page_and_reads_back(site: Path):
    for prefix, code in (("", "zh"), ("en/", "en")):
        relative = f"{prefix}summary/2026/index.html"
        link = read(site, relative).select_one(".xc-summary__pdf a")
        assert link["href"] == f"summary-2026-{code}.pdf"
        path = resolve(site, relative, link["href"])
        assert path.is_file()
        assert page_size_mm(path) == (210.0, 297.0)
        assert int(pdf_info(path)["Pages"]) >= 1
        assert all(row[-5] == "yes" for row in pdf_fonts(path))
    text = pdf_text(site / "summary/2026/summary-2026-zh.pdf", raw=True)
    assert text.startswith("Fixture2026年度宣传工作总结主办单位：城关供电所、河湾区司法所")
    assert "活动场次（已举办/计划）3/5" in text and "参与人数430" in text
    assert "检查机井完成11口/目标10口已达成" in text
    assert "发放宣传单完成1,900份/目标2,000份未达成" in text
    assert "海报A42海报A32三折页（A4双面）2" in text
    assert re.search(r"第1页，共\d页", text)


def test_a_second_build_gives_the_same_bytes(site: Path, project: Path):
    first = tree_digest(site)
    # The summaries are drawn again, not taken from the cache.
    drawn = {hashlib.sha256(path.read_bytes()).hexdigest() for path in site.rglob("summary-*.pdf")}
    assert len(drawn) == 4
    removed = 0
    for path in (project / ".cache" / "xuanchuan" / "print").glob("*.pdf"):
        if hashlib.sha256(path.read_bytes()).hexdigest() in drawn:
            path.unlink()
            removed += 1
    assert removed == 4
    again = run_mkdocs(project, env=ENV)
    assert again.returncode == 0, again.output
    # Counted apart from the campaigns' own print files, which were all reused.
    assert "Year-end summaries: 4 rendered, 0 reused from cache" in again.output
    assert "Print files: 0 rendered," in again.output
    assert tree_digest(again.site) == first


def test_no_campaigns_no_summary(tmp_path: Path):
    config = fixture_config()
    config["extra"]["xuanchuan"]["print"] = {"enabled": False}
    root = write_site(tmp_path / "project", {"index.zh.md": page("首页")}, config)
    result = run_mkdocs(root, env=ENV)
    assert result.returncode == 0, result.output
    assert not (result.site / "summary").exists()
    assert not (result.site / "en" / "summary").exists()


@pytest.mark.browser
def test_the_tables_fit_a_phone(visit):
    visit.page.set_viewport_size({"width": 360, "height": 740})
    visit.open("summary/2026/index.html")
    # Nothing wider than the screen: each row is a card of labelled lines.
    assert visit.page.evaluate("document.documentElement.scrollWidth") <= 360
    label = visit.page.evaluate(
        """getComputedStyle(document.querySelector('#xc-summary-campaigns td:nth-child(3)'),
                            '::before').content"""
    )
    assert label == '"活动场次（已举办/计划）"'
    # The first report gives no place: on a phone its row has no empty "place" line.
    shown = visit.page.evaluate(
        """[...document.querySelectorAll('#xc-summary-reports tbody tr:first-child td')]
            .map(td => getComputedStyle(td).display)"""
    )
    assert shown == ["block", "flex", "flex", "none", "flex"]
    assert visit.outside_requests() == []
