"""The year-end summary PDF, drawn with the project's layouts and read back: A4 pages,
numbered, fonts embedded, the figures as text, the same bytes every time, cached."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from fixtures.printing import page_size_mm, pdf_fonts, pdf_info, pdf_text
from fixtures.summaries import TODAY, write_summary_campaigns
from xuanchuan.campaigns.loader import load_campaigns
from xuanchuan.core.errors import SourceError
from xuanchuan.core.print_files import PrintResult
from xuanchuan.core.settings import load_settings
from xuanchuan.printing.jobs.summary_jobs import SummaryRequest, print_summaries
from xuanchuan.printing.layouts import load_layouts

PROJECT = Path(__file__).resolve().parents[2]
SETTINGS = load_settings(None)
DAY = dt.date.fromisoformat(TODAY)

MANY_ZH = """\
---
title: 安全用电进村第{n}站
type: safe-electricity
summary: 第{n}站。
start: 2026-05-{day:02d}
organizer: 第{n}供电所
targets:
  - label: 入户宣传
    goal: 100
    actual: {actual}
    unit: 户
---
"""


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """The summaries of the fixture project with twenty more campaigns: several pages."""
    root = write_summary_campaigns(tmp_path_factory.mktemp("summary-pdf"))
    for n in range(1, 21):
        folder = root / "campaigns" / f"village-{n}"
        folder.mkdir()
        text = MANY_ZH.format(n=n, day=min(n, 28), actual=n * 10)
        (folder / "index.zh.md").write_text(text, encoding="utf-8")
    campaigns = load_campaigns(SETTINGS, root)
    assert campaigns.problems == []
    layouts = load_layouts(PROJECT / "overrides", PROJECT)
    result = PrintResult()

    def run():
        organizations = {"zh": "河湾区宣传办", "en": "Hewan publicity office"}
        request = SummaryRequest(DAY, organizations, root / "cache")
        return print_summaries(campaigns, SETTINGS, layouts, result, request)

    assert run().problems == []
    return result, run, root


def pages_of(path: Path) -> list[str]:
    """Each page's text, spaces removed."""
    count = int(pdf_info(path)["Pages"])
    texts = []
    for number in range(1, count + 1):
        out = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        texts.append(re.sub(r"\s+", "", out))
    return texts


def test_a_pdf_per_year_and_language(printed):
    result, _, _ = printed
    assert sorted(result.summaries) == [(2025, "en"), (2025, "zh"), (2026, "en"), (2026, "zh")]
    file = result.summary(2026, "zh")
    assert file.name == "summary-2026-zh.pdf" and file.kind == "summary_pdf"
    assert file.bytes == file.path.stat().st_size


def test_every_page_is_a4_numbered_with_fonts_embedded(printed):
    path = printed[0].summary(2026, "zh").path
    count = int(pdf_info(path)["Pages"])
    assert count >= 3  # twenty-two campaigns and their targets run on
    sizes = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(count), str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert (
        re.findall(r"Page\s+\d+ size:\s+([\d.]+ x [\d.]+)", sizes) == ["595.276 x 841.89"] * count
    )
    assert page_size_mm(path) == (210.0, 297.0)
    fonts = pdf_fonts(path)
    assert fonts and all(row[-5] == "yes" for row in fonts)  # the "emb" column
    texts = pages_of(path)
    for number, text in enumerate(texts, start=1):
        assert f"第{number}页，共{count}页" in text
    # The title heads the first page; the others carry it small, with the organisation.
    assert texts[0].startswith("河湾区宣传办2026年度宣传工作总结")
    assert all(text.startswith("2026年度宣传工作总结河湾区宣传办") for text in texts[1:])


def test_the_figures_read_back_as_text(printed):
    text = pdf_text(printed[0].summary(2026, "zh").path, raw=True)
    # Campaigns, activities held of planned, places, people, reports; targets met of judged.
    assert "宣传活动22" in text
    assert "活动场次（已举办/计划）3/5" in text
    assert "覆盖地点4" in text and "参与人数430" in text and "活动简报4" in text
    assert "石卡镇一号井、东河村委会、石卡镇集市、河湾社区" in text
    assert "检查机井完成11口/目标10口已达成" in text
    assert "发放宣传单完成1,900份/目标2,000份未达成" in text
    assert "讲座完成1场/目标4场进行中" in text
    assert "第一讲2026年8月10日社区普法讲座河湾社区80" in text
    english = pdf_text(printed[0].summary(2026, "en").path, raw=True)
    assert "Activities(held/planned)3/5" in english
    assert "Wellscheckedreached11口/goal10口Met" in english


def test_drawn_again_it_is_the_same_bytes_and_an_unchanged_one_is_reused(printed):
    result, run, _ = printed
    path = result.summary(2026, "zh").path
    before = path.read_bytes()
    path.unlink()
    again = run()
    assert (again.problems, again.rendered, again.reused) == ([], 1, 3)  # only the missing one
    assert path.read_bytes() == before


def test_a_summary_layout_needs_one_flow_block_on_each_page(tmp_path):
    text = (PROJECT / "overrides/print/layouts.yml").read_text(encoding="utf-8")
    start = text.index("summary:")
    summary = text[start:]
    flow = next(line for line in summary.splitlines() if "type: flow" in line)
    broken = text[:start] + summary.replace(flow + "\n", "", 1)
    (tmp_path / "print").mkdir()
    (tmp_path / "print/layouts.yml").write_text(broken, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_layouts(tmp_path, tmp_path)
    (problem,) = caught.value.problems
    assert problem.field == "summary.pages[1].blocks"
    assert "has 0 flow blocks: expected one" in str(problem.message)
    assert problem.line == broken.splitlines().index("    - blocks:  # the first page") + 1


def test_a_character_no_font_has_in_a_target_or_a_report_place_is_named(tmp_path):
    root = write_summary_campaigns(tmp_path)
    spring = root / "campaigns" / "spring-2026"
    for path in [spring / "index.zh.md", *(spring / "reports").glob("*.zh.md")]:
        text = path.read_text(encoding="utf-8").replace("检查机井", "检查机井\U0001fae0")
        path.write_text(text.replace("place: 石卡镇集市", "place: 石卡镇集市\ue000"), "utf-8")
    campaigns = load_campaigns(SETTINGS, root)
    assert campaigns.problems == []
    layouts = load_layouts(PROJECT / "overrides", PROJECT)
    request = SummaryRequest(DAY, {}, root / "cache")
    problems = print_summaries(campaigns, SETTINGS, layouts, PrintResult(), request).problems
    shown = sorted(
        (p.path, p.line, p.field, str(p.message).split(":")[1].strip()) for p in problems
    )
    assert shown == [
        (
            "campaigns/spring-2026/index.zh.md",
            12,
            "targets[2].label",
            'no installed font has "\U0001fae0" (U+1FAE0)',
        ),
        (
            "campaigns/spring-2026/reports/2026-04-28-market.zh.md",
            4,
            "place",
            "no installed font has U+E000 (a private-use character, which only the font it "
            "was typed with shows)",
        ),
    ]
