"""`xuanchuan print-pack`: one PDF for the print shop, with a cover listing what is inside."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from fixtures.printing import pdf_text
from fixtures.sites import fixture_config, page, run_bounded, write_site

# Every test here builds a site or runs the command line in another process.
pytestmark = pytest.mark.slow

SITE_URL = "https://www.qxdl.cn/union/"
# How the cover tells the shop to finish each item, without a bleed.
POSTER_A3 = "按实际大小（100%）印在A3纸上，不用裁切"
LEAFLET = "按实际大小双面印在A4纸上（沿短边翻转），再折成三折：先把封面对面的一折向里折，再把封面折在外面"


def campaign(title: str, kind: str, start: str, end: str, places: str, headline: str) -> str:
    return f"""\
---
title: {title}
type: {kind}
summary: {title}的宣传。
start: {start}
end: {end}
places: [{places}]
poster:
  headline: {headline}
  points: [注意安全]
---

## 内容

正文。
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = write_site(tmp_path_factory.mktemp("pack") / "project",
                      {"index.zh.md": page("首页"), "index.en.md": page("Home")},
                      fixture_config(site_url=SITE_URL))
    files = {
        "shika-june": campaign("石卡镇安全生产月", "safety-month", "2027-06-01", "2027-06-30",
                               "石卡镇, 东河村", "六月查隐患"),
        "shika-march": campaign("石卡镇春灌用电", "safe-electricity", "2027-03-01",
                                "2027-04-15", "石卡镇", "春灌先查线"),
        "river-june": campaign("河湾区送文化", "send-culture", "2027-06-10", "2027-06-20",
                               "工业园区", "文化进园区"),
        "shika-may": campaign("石卡镇五一拔河赛", "union-work", "2027-05-25", "2027-06-02",
                              "石卡镇文化站", "五一拔河赛"),
    }
    for slug, text in files.items():
        folder = root / "campaigns" / slug
        folder.mkdir(parents=True)
        (folder / "index.zh.md").write_text(text, encoding="utf-8")
    return root


def pack(project: Path, *args: str) -> subprocess.CompletedProcess:
    return run_bounded([sys.executable, "-m", "xuanchuan.cli", "print-pack", *args],
                          cwd=project, capture_output=True, text=True)


def page_sizes(path: Path) -> list[tuple[float, float]]:
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(path)], capture_output=True,
                         text=True, check=True).stdout
    return [tuple(round(float(v) * 25.4 / 72) for v in m)
            for m in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", out)]


def page_text(path: Path, number: int) -> str:
    out = subprocess.run(["pdftotext", "-raw", "-f", str(number), "-l", str(number), str(path),
                          "-"],
                         capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)


def test_everything_for_one_place_in_june_in_a3(project: Path):
    done = pack(project, "--place", "石卡镇", "--month", "2027-06", "--size", "A3",
                "--language", "zh", "-o", "june.pdf")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("wrote june.pdf: 4 items from 2 campaigns, 7 pages")
    path = project / "june.pdf"
    # Cover (A4), then by start date: the May-June campaign, then the June one;
    # each poster (A3 portrait) followed by its leaflet (A4 landscape, two sides).
    assert page_sizes(path) == [(210, 297), (297, 420), (297, 210), (297, 210),
                                (297, 420), (297, 210), (297, 210)]
    cover = page_text(path, 1)
    assert cover.startswith("印刷清单共4份，7页地点：石卡镇日期：2027年6月1日至30日海报尺寸：A3")
    # Under each item, how the shop finishes it.
    assert cover.endswith(
        f"1.石卡镇五一拔河赛海报A3·2027年5月25日至6月2日第2页{POSTER_A3}"
        f"2.石卡镇五一拔河赛三折页（A4双面）·2027年5月25日至6月2日第3–4页{LEAFLET}"
        f"3.石卡镇安全生产月海报A3·2027年6月1日至30日第5页{POSTER_A3}"
        f"4.石卡镇安全生产月三折页（A4双面）·2027年6月1日至30日第6–7页{LEAFLET}")
    assert "河湾区送文化" not in cover and "春灌" not in cover
    assert "五一拔河赛" in page_text(path, 2)
    assert "六月查隐患" in page_text(path, 5)


def test_the_same_selection_gives_the_same_bytes(project: Path):
    for name in ("a.pdf", "b.pdf"):
        assert pack(project, "--type", "safe-electricity", "-o", name).returncode == 0
    assert (project / "a.pdf").read_bytes() == (project / "b.pdf").read_bytes()
    assert pdf_text(project / "a.pdf").startswith("印刷清单共2份，4页类型：安全用电海报尺寸：A4")


def test_posters_only_in_english(project: Path):
    done = pack(project, "--only", "posters", "--language", "en", "--month", "2027-06",
                "-o", "en.pdf")
    assert done.returncode == 0, done.stderr
    cover = page_text(project / "en.pdf", 1)
    assert cover.startswith("Printpack3items,4pagesDates:June1–30,2027Postersize:A4")
    assert page_sizes(project / "en.pdf") == [(210, 297)] * 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--place", "石卡"],
         None),
        (["--place", "石卡真"],
         'Error: print-pack: --place: no campaign takes place in "石卡真" (did you mean "石卡镇"?): '
         "expected one of the places campaigns name: 东河村, 工业园区, 石卡镇, 石卡镇文化站"),
        (["--place", "工业园区", "--month", "2027-03"],
         'Error: print-pack: nothing to print: no campaign matches place "工业园区", dates '
         "2027-03-01 to 2027-03-31, language zh: expected a selection that includes at least "
         "one campaign (try fewer limits)"),
        (["--language", "fr"],
         'Error: print-pack: --language: unknown language "fr": expected one of zh, en'),
        (["--from", "2027-06-30", "--to", "2027-06-01"],
         "Error: print-pack: --to: 2027-06-01 is before --from (2027-06-30): expected a later "
         "date"),
    ],
)
def test_selections_that_cannot_be_printed_are_explained(project: Path, args, message):
    done = pack(project, *args, "-o", "x.pdf")
    if message is None:  # part of a place name is enough
        assert done.returncode == 0, done.stderr
        return
    assert done.returncode == 1
    assert done.stderr.strip() == message
    assert not (project / "x.pdf.partial").exists()


def test_duplex_pack_starts_every_item_on_the_front_of_a_sheet(project: Path):
    done = pack(project, "--place", "石卡镇", "--month", "2027-06", "--size", "A3",
                "--language", "zh", "--duplex", "-o", "duplex.pdf")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("wrote duplex.pdf: 4 items from 2 campaigns, 10 pages")
    path = project / "duplex.pdf"
    # Cover | blank, poster | blank, leaflet front + back | poster, blank | leaflet.
    # A blank page is the back of the page before it: it takes that page's size.
    assert page_sizes(path) == [(210, 297), (210, 297), (297, 420), (297, 420), (297, 210),
                                (297, 210), (297, 420), (297, 420), (297, 210), (297, 210)]
    assert [n for n in range(1, 11) if not page_text(path, n)] == [2, 4, 8]
    cover = page_text(path, 1)
    assert "双面打印：每份从新的一张纸开始，必要处留有空白页" in cover
    assert cover.endswith(
        f"1.石卡镇五一拔河赛海报A3·2027年5月25日至6月2日第3页{POSTER_A3}"
        f"2.石卡镇五一拔河赛三折页（A4双面）·2027年5月25日至6月2日第5–6页{LEAFLET}"
        f"3.石卡镇安全生产月海报A3·2027年6月1日至30日第7页{POSTER_A3}"
        f"4.石卡镇安全生产月三折页（A4双面）·2027年6月1日至30日第9–10页{LEAFLET}")
    assert "五一拔河赛" in page_text(path, 3) and "六月查隐患" in page_text(path, 7)


def boxes(path: Path) -> list[tuple]:
    """Each page's MediaBox, TrimBox and BleedBox in mm, to the hundredth (no box: None)."""
    from pypdf import PdfReader

    def mm(page, name):
        if name not in page:
            return None
        return tuple(round(float(v) * 25.4 / 72, 2) for v in page[name])

    return [tuple(mm(page, name) for name in ("/MediaBox", "/TrimBox", "/BleedBox"))
            for page in PdfReader(path).pages]


def test_a_print_shop_pack_has_bleed_crop_marks_copies_and_blank_backs_of_the_right_size(
    project: Path,
):
    done = pack(project, "--place", "石卡镇", "--month", "2027-06", "--size", "A3",
                "--language", "zh", "--duplex", "--bleed", "3", "--copies", "20,leaflets=500",
                "-o", "shop.pdf")
    assert done.returncode == 0, done.stderr
    path = project / "shop.pdf"
    # 3 mm of bleed and 8 mm for the marks on every side of the paper.
    cover = ((0, 0, 210, 297), None, None)
    poster = ((0, 0, 319, 442), (11, 11, 308, 431), (8, 8, 311, 434))
    leaflet = ((0, 0, 319, 232), (11, 11, 308, 221), (8, 8, 311, 224))
    # Cover | its blank back, poster | the poster's blank back, leaflet | poster, blank | leaflet.
    assert boxes(path) == [cover, cover, poster, poster, leaflet, leaflet, poster, poster,
                           leaflet, leaflet]
    assert [n for n in range(1, 11) if not page_text(path, n)] == [2, 4, 8]
    text = page_text(path, 1)
    assert "海报尺寸：A3出血3毫米，四角有裁切线双面打印" in text
    assert text.endswith(
        "1.石卡镇五一拔河赛印20份海报A3·2027年5月25日至6月2日第3页"
        "印在比A3大的纸上，沿四角的裁切线裁成A3"
        "2.石卡镇五一拔河赛印500份三折页（A4双面）·2027年5月25日至6月2日第5–6页"
        "双面印在比A4大的纸上，沿裁切线裁成A4，再对准上下的虚线折线标记折成三折：先把封面对面的一折"
        "向里折，再把封面折在外面"
        "3.石卡镇安全生产月印20份海报A3·2027年6月1日至30日第7页"
        "印在比A3大的纸上，沿四角的裁切线裁成A3"
        "4.石卡镇安全生产月印500份三折页（A4双面）·2027年6月1日至30日第9–10页"
        "双面印在比A4大的纸上，沿裁切线裁成A4，再对准上下的虚线折线标记折成三折：先把封面对面的一折"
        "向里折，再把封面折在外面")
    assert "六月查隐患" in page_text(path, 7)
    again = pack(project, "--place", "石卡镇", "--month", "2027-06", "--size", "A3",
                 "--language", "zh", "--duplex", "--bleed", "3", "--copies", "20,leaflets=500",
                 "-o", "shop-again.pdf")
    assert again.returncode == 0, again.stderr
    assert (project / "shop-again.pdf").read_bytes() == path.read_bytes()


def test_copies_for_posters_alone_show_on_the_posters_in_english(project: Path):
    done = pack(project, "--language", "en", "--month", "2027-06", "--type", "union-work",
                "--copies", "posters=50", "-o", "copies-en.pdf")
    assert done.returncode == 0, done.stderr
    cover = page_text(project / "copies-en.pdf", 1)
    assert "1.石卡镇五一拔河赛50copiesPosterA4·" in cover
    assert "Printatactualsize(100%)onA4paper;nocutting" in cover
    assert "2.石卡镇五一拔河赛Tri-foldleaflet" in cover  # no number said: none shown
    assert "copies" not in cover.split("2.石卡镇五一拔河赛")[1]
    assert boxes(project / "copies-en.pdf")[1][1] is None  # no bleed asked for: no trim box


def test_a_pack_for_a_site_without_its_own_address_is_a_draft_or_stops(project: Path, tmp_path):
    import shutil

    draft = tmp_path / "draft"
    shutil.copytree(project, draft, ignore=shutil.ignore_patterns(".cache", "site"))
    config = draft / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(SITE_URL, "https://example.org/union/"), "utf-8")
    made = pack(draft, "--place", "东河村", "--only", "posters", "-o", str(tmp_path / "d.pdf"))
    assert made.returncode == 0, made.stderr
    assert "https://example.org/union/ is a placeholder" in made.stderr
    assert "every page of the pack is marked as a draft" in made.stderr
    text = subprocess.run(["pdftotext", str(tmp_path / "d.pdf"), "-"], capture_output=True,
                          text=True).stdout
    assert "样稿 DRAFT" in text
    strict = pack(draft, "--place", "东河村", "--strict", "-o", str(tmp_path / "s.pdf"))
    assert strict.returncode == 1 and "site_url" in strict.stderr
    assert not (tmp_path / "s.pdf").exists()
