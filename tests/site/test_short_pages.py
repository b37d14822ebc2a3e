"""The short pages' HTML: a page that leads on to its page, plain and safe."""

from __future__ import annotations

from bs4 import BeautifulSoup

from xuanchuan.core.short_links import ShortCodes
from xuanchuan.core.strings import Translator
from xuanchuan.site.files.short_pages import Target, short_pages

LONG = "%E6%B0%91%E6%B3%95%E5%85%B8/%E7%AC%AC%E4%B8%80%E7%BC%96.html"


def made(codes: ShortCodes, targets: dict[str, Target], code: str = "zh") -> dict:
    pages = short_pages(codes, targets, language=code, direction="ltr", t=Translator(code, ("zh",)))
    return {path: BeautifulSoup(html, "html.parser") for path, html in pages}


def test_a_short_page_leads_on_to_its_page_and_is_not_indexed():
    codes = ShortCodes("zh", {"民法典/第一编.md": "abcde"})
    target = Target("民法典 <第一编>", LONG, "https://example.org/x/" + LONG)
    page = made(codes, {"民法典/第一编.md": target})["s/abcde.html"]
    assert page.html["lang"] == "zh" and page.html["dir"] == "ltr"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url='../{LONG}'"
    assert page.find("link", rel="canonical")["href"] == "https://example.org/x/" + LONG
    link = page.find("a")
    assert link["href"] == "../" + LONG and link.get_text() == "民法典 <第一编>"
    assert page.title.get_text() == "民法典 <第一编>"


def test_without_a_site_url_the_page_itself_is_canonical_and_quotes_cannot_end_the_address():
    codes = ShortCodes("en", {"it's.md": "abcde"})
    page = made(codes, {"it's.md": Target("It's", "it's.html", None)}, "en")["s/abcde.html"]
    assert page.find("link", rel="canonical")["href"] == "../it%27s.html"
    assert (
        page.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url='../it%27s.html'"
    )
    assert page.html["lang"] == "en" and "Opening: It's" in page.get_text()


def test_a_code_several_pages_began_with_lists_them_and_pages_not_built_have_none():
    codes = ShortCodes(
        "zh",
        {"a.md": "abcdef", "b.md": "abcdeg", "draft.md": "zzzzz"},
        {"abcde": ("a.md", "b.md")},
    )
    targets = {"a.md": Target("甲", "a.html", None), "b.md": Target("乙", "b.html", None)}
    pages = made(codes, targets)
    assert set(pages) == {"s/abcdef.html", "s/abcdeg.html", "s/abcde.html"}
    listing = pages["s/abcde.html"]
    assert listing.find("meta", attrs={"http-equiv": "refresh"}) is None
    assert [a["href"] for a in listing.select("li a")] == ["../a.html", "../b.html"]
    # Only one of them built: the code leads straight to it.
    alone = made(codes, {"a.md": targets["a.md"]})["s/abcde.html"]
    assert alone.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url='../a.html'"
