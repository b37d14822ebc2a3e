"""Short addresses, built for real: laws under long Chinese paths, a campaign with its
posters and leaflet, every QR code read back and every short page followed to its page."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
import segno
from bs4 import BeautifulSoup

from fixtures.printing import page_picture, qr_codes, svg_qr_picture, svg_qr_version
from fixtures.sites import (
    PROJECT,
    fixture_config,
    page,
    run_bounded,
    run_mkdocs,
    short_address,
    short_pages,
    write_site,
)
from xuanchuan.core.short_links import ALPHABET, LENGTH

SITE_URL = "https://www.qxdl.cn/xuanchuan/"
SLUG = "spring-irrigation-2027"
LAW = (
    "法律法规/中华人民共和国民法典/第一编总则/第一章基本规定/"
    "第一条至第十二条的具体内容和释义以及相关案例汇编"
)
PAGES = {
    "index.zh.md": page("首页", "欢迎。"),
    "index.en.md": page("Home", "Welcome."),
    f"{LAW}.zh.md": page("民法典总则", "第一条　为了保护民事主体的合法权益……"),
    f"{LAW}.en.md": page("Civil Code: General Provisions", "Article 1 ..."),
    "法律法规/劳动法/第三章工作时间和休息休假.zh.md": page("劳动法 工作时间", "第三十六条……"),
    "knowledge/electric-shock-first-aid.zh.md": page("触电急救", "先断电。"),
}
MOST_PRINTABLE = 5


def make_project(root: Path, config: dict | None = None) -> Path:
    write_site(root, PAGES, config or fixture_config(site_url=SITE_URL))
    shutil.copytree(PROJECT / "campaigns" / SLUG, root / "campaigns" / SLUG)
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = run_mkdocs(make_project(tmp_path_factory.mktemp("short") / "project"))
    assert result.returncode == 0, result.output
    return result


def site_pages(site: Path) -> set[str]:
    """Every page MkDocs wrote, in every language (not the theme's 404, a short page or a
    page's copy for WeChat)."""
    return {
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if path.parent.name != "s"
        and path.name != "404.html"
        and "assets" not in path.parts
        and not path.name.endswith("wechat.html")
    }


def footer_svg(site: Path, relative: str) -> tuple[str, str] | None:
    """The QR code (SVG) and the text of a page's printed footer, if it has one."""
    html = BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser")
    footer = html.select_one(".xc-print-footer")
    if footer is None:
        return None
    return str(footer.select_one("svg")), footer.get_text(" ", strip=True)


def test_every_page_in_every_language_has_a_short_page_that_leads_to_it(built):
    site = built.site
    leading = short_pages(site)
    pages = site_pages(site)
    assert f"{LAW}.html" in pages and f"en/{LAW}.html" in pages
    assert sorted(leading.values()) == sorted(pages)  # one each, no more
    for short, target in leading.items():
        language = "en" if short.startswith("en/") else "zh"
        assert short == f"{'en/' if language == 'en' else ''}s/{Path(short).stem}.html"
        code = Path(short).stem
        assert len(code) == LENGTH and set(code) <= set(ALPHABET), short
        html = BeautifulSoup((site / short).read_text(encoding="utf-8"), "html.parser")
        assert html.html["lang"] == language
        assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        canonical = html.find("link", rel="canonical")["href"]
        assert canonical.isascii() and unquote(canonical) == SITE_URL + target
        refresh = html.find("meta", attrs={"http-equiv": "refresh"})["content"]
        link = html.find("a")["href"]
        assert refresh == f"0; url='{link}'" and link.startswith("../")
        # Relative, to the page's .html file: from a folder (file://) as from a server.
        assert (site / short).parent.joinpath(unquote(link)).resolve() == (site / target).resolve()


def test_printed_qr_codes_hold_the_short_address_in_a_small_code(built, tmp_path):
    site = built.site
    for prefix, code in (("", "zh"), ("en/", "en")):
        campaign = f"{prefix}campaigns/{SLUG}/index.html"
        expected = SITE_URL + short_address(site, campaign)
        folder = site / prefix / "campaigns" / SLUG
        printed = [
            folder / f"{SLUG}-poster-A4-{code}.pdf",
            folder / f"{SLUG}-poster-A3-{code}.pdf",
            folder / f"{SLUG}-leaflet-{code}.pdf",
        ]
        for pdf in printed:
            picture = page_picture(pdf, 1, tmp_path / f"{pdf.stem}.png")
            assert qr_codes(picture) == [expected], pdf.name
        assert qr_codes(folder / f"{SLUG}-poster-{code}.png") == [expected]
        # The posters draw their code with segno from that address, as it chooses.
        assert segno.make(expected, error="m").version <= MOST_PRINTABLE
        # The page's own footer holds the same address as the posters.
        svg, text = footer_svg(site, campaign)
        assert qr_codes(svg_qr_picture(svg, tmp_path / "campaign.png")) == [expected]
        assert expected in text

        law = f"{prefix}{LAW}.html"
        expected = SITE_URL + short_address(site, law)
        svg, text = footer_svg(site, law)
        assert qr_codes(svg_qr_picture(svg, tmp_path / "law.png")) == [expected]
        assert svg_qr_version(svg) <= MOST_PRINTABLE
        assert expected in text  # readable and typeable under the code
        # Before, the code held the page's own address: far too dense to print.
        assert segno.make(SITE_URL + quote(law), error="m").version > 15


def test_only_pages_that_print_the_footer_have_its_qr_code(built):
    site = built.site
    footers = {relative for relative in site_pages(site) if footer_svg(site, relative)}
    # The overview, type and calendar pages replace the content that holds the footer.
    for relative in ("campaigns/index.html", "campaigns/calendar.html", "en/campaigns/index.html"):
        assert relative in site_pages(site) and relative not in footers
    for relative in (f"{LAW}.html", f"en/{LAW}.html", "index.html", f"campaigns/{SLUG}/index.html"):
        assert relative in footers
    drawn = list((built.project / ".cache/xuanchuan/qr").glob("*.svg"))
    assert len(drawn) == len(footers)


def test_the_same_sources_give_the_same_codes_and_a_new_page_moves_none(built, tmp_path):
    again = make_project(tmp_path / "elsewhere")
    result = run_mkdocs(again)
    assert result.returncode == 0, result.output
    for short in short_pages(built.site):
        assert (again / "site" / short).read_bytes() == (built.site / short).read_bytes()
    assert short_pages(again / "site") == short_pages(built.site)

    (again / "content" / "法律法规" / "新增.zh.md").write_text(page("新增的法律"), encoding="utf-8")
    result = run_mkdocs(again)
    assert result.returncode == 0, result.output
    before, after = short_pages(built.site), short_pages(again / "site")
    assert {short: after[short] for short in before} == before
    # Written in Chinese only: the English site leads to the Chinese page and has no copy
    # of it, so no short page of its own.
    assert sorted(set(after.values()) - set(before.values())) == ["法律法规/新增.html"]


def test_without_a_site_url_nothing_prints_a_qr_code_and_short_pages_still_lead_on(tmp_path):
    config = fixture_config()
    config.pop("site_url", None)
    # Not strict: the build warns that posters can have no QR code without a site_url.
    result = run_mkdocs(make_project(tmp_path / "project", config), strict=False)
    assert result.returncode == 0, result.output
    assert "no site address is set" in result.output
    site = result.site
    assert not any(footer_svg(site, relative) for relative in site_pages(site))
    folder = site / "campaigns" / SLUG
    assert qr_codes(page_picture(folder / f"{SLUG}-poster-A4-zh.pdf", 1, tmp_path / "p.png")) == []
    short = short_address(site, f"{LAW}.html")
    html = BeautifulSoup((site / short).read_text(encoding="utf-8"), "html.parser")
    assert html.find("link", rel="canonical")["href"] == html.find("a")["href"]


def test_a_site_url_too_long_for_small_codes_is_reported(tmp_path):
    long_url = "https://www.qxdl.cn/" + "publicity-and-legal-education-of-the-county/" * 2
    config = fixture_config(site_url=long_url)
    result = run_mkdocs(make_project(tmp_path / "project", config), strict=False)
    assert result.returncode == 0, result.output
    assert f"site_url: {long_url} is long" in result.output
    short = short_address(result.site, f"campaigns/{SLUG}/index.html")
    poster = result.site / "campaigns" / SLUG / f"{SLUG}-poster-zh.png"
    assert qr_codes(poster) == [long_url + short]  # still the short address, if dense


def test_a_print_pack_prints_the_same_short_address_and_reuses_the_site_s_files(built, tmp_path):
    # The command line works the codes out from file names alone, as the build does.
    done = run_bounded(
        [sys.executable, "-m", "xuanchuan.cli", "print-pack", "--size", "A4", "-o", "pack.pdf"],
        cwd=built.project,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "(0 print files rendered" in done.stdout, done.stdout
    expected = SITE_URL + short_address(built.site, f"campaigns/{SLUG}/index.html")
    picture = page_picture(built.project / "pack.pdf", 2, tmp_path / "poster.png")
    assert qr_codes(picture) == [expected]
