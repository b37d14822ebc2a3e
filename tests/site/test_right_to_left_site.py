"""A site in Chinese, English and Uyghur, built for real: Uyghur pages are written right to
left (their HTML says so, Material's layout and the site's own styles mirror), the language
switcher joins all three languages, and Uyghur search finds Uyghur words."""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures.browser import switch
from fixtures.printing import glyph_texts, pdf_fonts
from fixtures.sites import fixture_config, page, run_mkdocs, write_site

pytestmark = pytest.mark.slow

TODAY = "2026-04-10"
UYGHUR = "ئۇيغۇرچە"

SAFE_ZH = """\
用电安全是每个家庭的大事。不要用湿手碰开关，老化的电线要及时换新。

## 有人触电时

先断电，再救人，然后叫医生。
"""

SAFE_EN = """\
Safe electricity is every family's business. Never touch a switch with wet hands, and
replace worn-out wires in time.

## When someone gets a shock

Cut the power first, then help the person and call a doctor.
"""

# "Safe electricity is every family's business. Do not touch a switch with wet hands.
# Replace worn-out wires with new ones in time. Test the home's automatic breaker once a
# month." "When someone gets a shock: first cut the power, then rescue the person and call a
# doctor."
SAFE_UG = """\
توك بىخەتەرلىكى ھەر بىر ئائىلىنىڭ ئىشى. ھۆل قول بىلەن ئالماشتۇرغۇچنى تۇتماڭ.
كونىراپ كەتكەن سىملارنى ۋاقتىدا يېڭىسىغا ئالماشتۇرۇڭ. ئۆيدىكى «ئاپتوماتىك ئۈزگۈچ»نى ھەر
ئايدا بىر قېتىم سىناپ بېقىڭ.

## توك سوققاندا

ئاۋۋال توكنى ئۈزۈڭ، ئاندىن ئادەمنى قۇتقۇزۇڭ ۋە دوختۇر چاقىرىڭ.
"""

CAMPAIGN_ZH = """\
---
title: 春灌安全用电宣传
type: safe-electricity
summary: 春灌开泵前，到机井和村里讲安全用电。
start: 2026-03-01
end: 2026-04-30
organizer: 城关供电所
places: [石卡镇, 东河村]
targets:
  - label: 机井检查覆盖率
    goal: 100
    actual: 40
    unit: "%"
activities:
  - date: 2026-03-05
    title: 机井巡查
  - date: 2026-04-20
    title: 东河村群众会
---

## 为什么要查机井

机井旁的线路容易受潮。
"""

CAMPAIGN_EN = """\
---
title: Safe electricity for spring irrigation
summary: Before the pumps start, we visit wells and villages.
---

## Why we check the wells

Wiring near wells gets damp.
"""

# "Electrical safety in spring irrigation" / "Before the water pumps start, we go to the
# wells and villages to explain electrical safety." / "Why we check the wells: the wires
# beside a well easily get damp."
CAMPAIGN_UG = """\
---
title: ئەتىيازلىق سۇغۇرۇشتا توك بىخەتەرلىكى
summary: سۇ پومپىسىنى قوزغىتىشتىن بۇرۇن قۇدۇق ۋە كەنتلەرگە بېرىپ توك بىخەتەرلىكىنى تەشۋىق قىلىمىز.
places: [شىقا بازىرى, دۇڭخې كەنتى]
---

## نېمە ئۈچۈن قۇدۇقلارنى تەكشۈرىمىز

قۇدۇق يېنىدىكى سىملار ئاسانلا نەم تارتىدۇ.
"""

PAGES = {
    "index.zh.md": page("首页"),
    "index.en.md": page("Home"),
    "index.ug.md": page("باش بەت"),
    "knowledge/safe.zh.md": page("家庭安全用电", SAFE_ZH),
    "knowledge/safe.en.md": page("Safe electricity at home", SAFE_EN),
    "knowledge/safe.ug.md": page("ئۆيدە توك ئىشلىتىش بىخەتەرلىكى", SAFE_UG),
    "knowledge/wells.zh.md": page("机井用电", "机井的开关箱要防雨。"),
}


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    config = fixture_config()
    settings = config["extra"]["xuanchuan"]
    settings["languages"].append({"code": "ug", "name": UYGHUR})
    settings["print"] = {"poster_sizes": ["A4"]}
    # The page not yet in Uyghur is copied into the Uyghur site: these tests read how the
    # copy's Chinese text and notice sit in a page written right to left.
    settings["untranslated_pages"] = "copy"
    root = write_site(tmp_path_factory.mktemp("rtl") / "project", PAGES, config)
    folder = root / "campaigns" / "spring-2026"
    folder.mkdir(parents=True)
    for code, text in {"zh": CAMPAIGN_ZH, "en": CAMPAIGN_EN, "ug": CAMPAIGN_UG}.items():
        (folder / f"index.{code}.md").write_text(text, encoding="utf-8")
    result = run_mkdocs(root, env={"XUANCHUAN_TODAY": TODAY})
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def site(build) -> Path:
    return build.site


def html_root(build, relative: str) -> tuple[str | None, str | None, str | None]:
    document = build.html(relative)
    return document.html.get("lang"), document.html.get("dir"), document.body.get("dir")


PAGES_OF_EVERY_KIND = [
    "index.html",
    "knowledge/safe.html",
    "knowledge/wells.html",
    "campaigns/index.html",
    "campaigns/spring-2026/index.html",
    "campaigns/calendar.html",
    "404.html",
]


@pytest.mark.parametrize("relative", PAGES_OF_EVERY_KIND)
def test_each_page_names_its_language_and_direction(build, relative):
    assert html_root(build, relative) == ("zh", "ltr", "ltr")
    assert html_root(build, "en/" + relative) == ("en", "ltr", "ltr")
    assert html_root(build, "ug/" + relative) == ("ug", "rtl", "rtl")


def test_the_build_says_which_interface_texts_show_in_the_team_language(build):
    # Uyghur has no catalog: its pages fall back to Chinese, the site's first language.
    assert "have no 'ug' translation and show in Chinese" in build.output
    assert "Material for MkDocs has no interface texts for 'ug': its buttons show in Chinese" in (
        build.output
    )


def resolved(build, relative: str, href: str) -> Path:
    return ((build.site / relative).parent / href).resolve()


@pytest.mark.parametrize("relative", ["knowledge/safe.html", "campaigns/spring-2026/index.html"])
def test_the_language_switcher_joins_all_three_languages(build, relative):
    pages = {"zh": relative, "en": "en/" + relative, "ug": "ug/" + relative}
    expected = {code: (build.site / path).resolve() for code, path in pages.items()}
    for shown in pages.values():
        document = build.html(shown)
        menu = {
            link["hreflang"]: resolved(build, shown, link["href"])
            for link in document.select("a.xc-alternate")
        }
        heads = {
            link["hreflang"]: resolved(build, shown, link["href"])
            for link in document.find_all("link", rel="alternate", hreflang=True)
        }
        assert menu == heads == expected, shown
    names = [link.get_text(strip=True) for link in build.html(relative).select("a.xc-alternate")]
    assert names == ["中文", "English", UYGHUR]


def test_a_page_not_yet_in_uyghur_keeps_its_original_direction(build):
    document = build.html("ug/knowledge/wells.html")
    original = document.select_one("article div[lang='zh']")
    assert original is not None and original.get("dir") == "ltr"
    assert "机井的开关箱要防雨" in original.get_text()
    # In Chinese, the language Uyghur's missing texts fall back to.
    assert document.select_one(".xc-untranslated .admonition-title").get_text() == (
        "本页暂无维吾尔文版"
    )


def test_the_uyghur_campaign_page_is_in_uyghur_with_the_team_languages_labels(build):
    document = build.html("ug/campaigns/spring-2026/index.html")
    assert document.select_one("article h1").get_text(strip=True) == (
        "ئەتىيازلىق سۇغۇرۇشتا توك بىخەتەرلىكى"
    )
    labels = [term.get_text(strip=True) for term in document.select(".xc-facts dt")]
    # No Uyghur catalog yet: the labels fall back to Chinese, like Material's buttons; the
    # dates are Uyghur's own, from CLDR.
    assert labels[:2] == ["类型", "时间"]
    assert "مارت 1 – ئاپرېل 30، 2026" in document.select_one(".xc-facts").get_text()


def test_the_uyghur_search_index_holds_uyghur_pages_only(site):
    from xuanchuan.site.search.index import read_search_files

    index = read_search_files(site / "ug")
    locations = {doc["location"].split("#")[0] for doc in index}
    assert "knowledge/safe.html" in locations
    assert "knowledge/wells.html" not in locations  # shown in Chinese: not a Uyghur page
    terms = set().union(*(doc["terms"] for doc in index))
    # Words are told apart at Arabic punctuation too («», ، ؟): «توك» is the word توك.
    assert "ئاپتوماتىك" in terms and "防雨" not in terms


# -- in the browser ------------------------------------------------------------------------


BOXES = """() => {
  const box = selector => document.querySelector(selector).getBoundingClientRect();
  const content = box(".md-content"), sidebar = box(".md-sidebar--primary");
  return {direction: getComputedStyle(document.querySelector("article")).direction,
          contentLeft: content.left, sidebarLeft: sidebar.left, sidebarWidth: sidebar.width};
}"""


@pytest.mark.browser
@pytest.mark.parametrize(
    ("relative", "direction"),
    [("ug/knowledge/safe.html", "rtl"), ("knowledge/safe.html", "ltr")],
)
def test_material_mirrors_its_layout_for_uyghur(visit, relative, direction):
    visit.open(relative)
    boxes = visit.page.evaluate(BOXES)
    assert boxes["direction"] == direction
    assert boxes["sidebarWidth"] > 0, "the navigation sidebar shows at this width"
    if direction == "rtl":
        assert boxes["sidebarLeft"] > boxes["contentLeft"], boxes
    else:
        assert boxes["sidebarLeft"] < boxes["contentLeft"], boxes


# Where a campaign page's parts start, as seen against its heading: in a language written
# right to left, from the right.
MIRRORED = """() => {
  const box = selector => document.querySelector(selector).getBoundingClientRect();
  const heading = box("article h1"), bar = box(".xc-bar"), fill = box(".xc-bar__fill");
  const label = box(".xc-target__label bdi"), term = box(".xc-facts dt"), fact = box(".xc-facts dd");
  const near = (a, b) => Math.abs(a - b) < 1;
  return {
    barFilledFrom: near(fill.right, bar.right) && !near(fill.left, bar.left) ? "right"
      : near(fill.left, bar.left) && !near(fill.right, bar.right) ? "left" : "?",
    targetsStartAt: near(label.right, heading.right) ? "right"
      : near(label.left, heading.left) ? "left" : "?",
    labelsAre: term.right > fact.right ? "right" : "left",
  };
}"""


@pytest.mark.browser
@pytest.mark.parametrize(
    ("relative", "side"),
    [
        ("ug/campaigns/spring-2026/index.html", "right"),
        ("campaigns/spring-2026/index.html", "left"),
    ],
)
def test_the_campaign_page_mirrors_its_bars_lists_and_facts(visit, relative, side):
    visit.open(relative)
    assert visit.page.evaluate(MIRRORED) == {
        "barFilledFrom": side,
        "targetsStartAt": side,
        "labelsAre": side,
    }


EDGES = """() => {
  const card = getComputedStyle(document.querySelector("li.xc-card"));
  return [card.borderLeftWidth, card.borderRightWidth];
}"""


@pytest.mark.browser
def test_campaign_cards_and_month_arrows_face_the_reading_direction(visit):
    visit.open("ug/campaigns/index.html")
    left, right = visit.page.evaluate(EDGES)
    assert left == "0px" and right != "0px"
    visit.open("campaigns/index.html")
    left, right = visit.page.evaluate(EDGES)
    assert left != "0px" and right == "0px"
    arrow = "() => getComputedStyle(document.querySelector('a[rel=prev] .xc-arrow')).transform"
    visit.open("ug/campaigns/calendar/2026-04.html")
    assert visit.page.evaluate(arrow) == "matrix(-1, 0, 0, 1, 0, 0)"
    visit.open("campaigns/calendar/2026-04.html")
    assert visit.page.evaluate(arrow) == "none"


DIRECTIONS = """selectors => Object.fromEntries(selectors.map(
  selector => [selector, getComputedStyle(document.querySelector(selector)).direction]))"""


@pytest.mark.browser
@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        (
            "ug/campaigns/spring-2026/index.html",
            {
                # Uyghur, as the page
                "article h1": "rtl",
                ".xc-campaign__summary": "rtl",
                ".xc-facts li bdi": "rtl",  # a place, translated
                # Uyghur dates (CLDR), and the Chinese organizer and activities the
                # translation does not repeat
                ".xc-facts bdi": "rtl",
                ".xc-target__numbers bdi": "ltr",
                ".xc-activity time bdi": "rtl",
                ".xc-activity__title bdi": "ltr",
            },
        ),
        (
            "ug/knowledge/wells.html",
            {".xc-untranslated p[dir]": "ltr", "article div[lang='zh'] p": "ltr"},
        ),
    ],
)
def test_texts_in_another_language_read_in_their_own_direction(visit, relative, expected):
    visit.open(relative)
    assert visit.page.evaluate(DIRECTIONS, list(expected)) == expected


@pytest.mark.browser
@pytest.mark.parametrize(
    "word",
    [
        "بىخەتەرلىكى",  # "safety", in the title and the text
        "سىملارنى",  # "the wires", after a blank
        "ئاپتوماتىك",  # "automatic", only ever after an opening «
        "دوختۇر",  # "doctor", in the second section
    ],
)
def test_uyghur_search_finds_the_uyghur_page(visit, word):
    visit.open("ug/index.html")
    results = visit.search(word)
    assert any(result.startswith("ug/knowledge/safe.html") for result in results), results
    assert all(result.startswith("ug/") for result in results), results
    assert visit.outside_requests() == []


@pytest.mark.browser
def test_chinese_search_does_not_offer_uyghur_pages(visit):
    visit.open("index.html")
    results = visit.search("用电")
    assert "knowledge/safe.html" in results
    assert all(not result.startswith(("ug/", "en/")) for result in results), results


@pytest.mark.browser
def test_the_switcher_leads_from_chinese_to_uyghur_and_back(visit):
    visit.open("knowledge/safe.html")
    switch(visit.page, "ug")
    assert visit.relative(visit.page.url) == "ug/knowledge/safe.html"
    html = visit.page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ug", "rtl")
    switch(visit.page, "en")
    assert visit.relative(visit.page.url) == "en/knowledge/safe.html"
    switch(visit.page, "zh")
    assert visit.relative(visit.page.url) == "knowledge/safe.html"
    assert visit.outside_requests() == []


# -- posters and leaflets in Uyghur ----------------------------------------------------------


def test_the_uyghur_posters_and_leaflet_are_shaped_from_an_arabic_font(site):
    folder = site / "ug" / "campaigns" / "spring-2026"
    names = sorted(path.name for path in folder.glob("spring-2026-*-ug.*"))
    assert names == [
        "spring-2026-leaflet-ug.pdf",
        "spring-2026-poster-A4-ug.pdf",
        "spring-2026-poster-ug.png",
        "spring-2026-share-ug.png",
    ]
    for pdf in ("spring-2026-poster-A4-ug.pdf", "spring-2026-leaflet-ug.pdf"):
        fonts = [row[0] for row in pdf_fonts(folder / pdf)]
        assert any("NotoSansArabic" in name for name in fonts), (pdf, fonts)
        arabic = [
            t
            for name, texts in glyph_texts(folder / pdf).items()
            if "Arabic" in name
            for t in texts
        ]
        # Joined letters: one letter drawn in several forms (start, middle, end of a word).
        assert any(arabic.count(letter) > 1 for letter in set(arabic) if len(letter) == 1), arabic


def test_the_uyghur_poster_headline_starts_at_the_right(site):
    import re
    import subprocess

    pdf = site / "ug" / "campaigns" / "spring-2026" / "spring-2026-poster-A4-ug.pdf"
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True)
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"', boxes.stdout)
    mm = 25.4 / 72
    # The headline block of the A4 layout spans 14-196 mm across and 22-74 mm down.
    headline = [(float(a) * mm, float(b) * mm) for a, y, b in words if 22 <= float(y) * mm <= 74]
    assert headline
    assert abs(max(b for _, b in headline) - 196) < 3
    assert min(a for a, _ in headline) > 30
