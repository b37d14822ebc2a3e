"""A page as an official-account article: the body rebuilt from an allow-list with inline
styles, pictures resized and embedded, the page's QR code at the end."""

from __future__ import annotations

import base64
import io
import random
import re
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from fixtures.printing import qr_codes
from xuanchuan.site.wechat.article import Article, wechat_article
from xuanchuan.site.wechat.body import article_body
from xuanchuan.site.wechat.pictures import article_picture

SITE = "https://example.org/union/"
PAGE = SITE + "campaigns/spring/index.html"

# What the article may hold, and the only attributes an element keeps.
ALLOWED = {
    "h1", "h2", "h3", "h4", "p", "ul", "ol", "li", "blockquote", "pre", "code", "section", "table",
    "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "img", "a", "br", "hr", "strong",
    "em", "span", "sup", "sub",
}  # fmt: skip
ATTRIBUTES = {"style", "href", "src", "alt", "width", "height", "colspan", "rowspan", "start"}
UNSTYLED = {"br", "thead", "tbody", "tfoot", "tr"}


def body(html: str, address: str | None = PAGE, pictures: dict | None = None) -> BeautifulSoup:
    from urllib.parse import urljoin

    def link(href: str) -> str | None:
        if href.startswith("#") or address is None:
            return None
        return urljoin(address, href)

    made = article_body(html, link=link, picture=lambda src: (pictures or {}).get(src))
    return BeautifulSoup(made, "html.parser")


def assert_only_allowed(document: BeautifulSoup) -> None:
    for element in document.find_all(True):
        assert element.name in ALLOWED, element
        assert set(element.attrs) <= ATTRIBUTES, element
        if element.name not in UNSTYLED:
            assert element.get("style"), element
        for name in ("href", "src"):
            if element.get(name):
                assert re.match(r"(https?:|mailto:|tel:|data:image/)", element[name]), element


def test_scripts_frames_forms_and_handlers_are_left_out():
    document = body(
        """<p onclick="steal()" class="lead" id="top">开头<script>alert(1)</script></p>
        <iframe src="https://example.com/video"></iframe>
        <form action="https://example.com"><input name="q" value="填表"><button>提交</button></form>
        <style>p { color: red }</style><link rel="stylesheet" href="x.css">
        <object data="x.swf"></object><embed src="x.swf"><svg><circle r="1"/></svg>
        <noscript>无脚本</noscript><template><p>模板</p></template><!-- 注释 -->
        <p><a href="javascript:alert(1)">链接一</a> <a href=" JaVaScRiPt:alert(1)">链接二</a>
        <a href="java&#9;script:alert(1)">链接三</a> <a href="data:text/html,x">链接四</a>
        <a href="vbscript:x">链接五</a></p>
        <img src="x" onerror="alert(1)" alt="图">"""
    )
    assert_only_allowed(document)
    text = document.get_text()
    for gone in ("alert", "填表", "提交", "color: red", "无脚本", "模板", "注释"):
        assert gone not in text
    assert "开头" in text
    assert [a.get_text() for a in document.find_all("a")] == []  # their text alone stays
    for words in ("链接一", "链接二", "链接三", "链接四", "链接五"):
        assert words in text
    assert "图" in text  # a picture it cannot embed leaves its description


def test_text_that_looks_like_markup_stays_text():
    made = article_body(
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 5 &gt; 3</p>",
        link=lambda href: None,
        picture=lambda src: None,
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 5 &gt; 3" in made
    assert "<script" not in made


def test_attributes_never_break_out_of_their_quotes():
    document = body(
        '<p><a href="https://example.org/?a=&quot;onmouseover=&quot;x">链接</a></p>'
        '<table><tr><td colspan="2&quot; onclick=&quot;x">格</td></tr></table>'
    )
    assert_only_allowed(document)
    assert document.a["href"] == 'https://example.org/?a="onmouseover="x'
    assert "colspan" not in document.td.attrs


def test_headings_lose_their_permalinks_and_take_inline_styles():
    document = body(
        '<h1 id="a">大标题<a class="headerlink" href="#a" title="Permanent link">&para;</a></h1>'
        '<h2 id="b">标题<a class="headerlink" href="#b">&para;</a></h2><h3>小标题</h3>'
        "<h6>最小</h6>"
    )
    assert_only_allowed(document)
    assert "¶" not in document.get_text()
    # The article's own title is its one h1.
    assert [h.name for h in document.find_all(re.compile("^h"))] == ["h2", "h2", "h3", "h4"]
    assert "font-size:20px" in document.h2["style"]


def test_admonitions_and_details_become_plain_boxes():
    document = body(
        '<div class="admonition warning"><p class="admonition-title">注意</p>'
        "<p>先断电再救人。</p></div>"
        '<details class="tip"><summary>小窍门</summary><p>漏电保护器每月试跳。</p></details>'
        '<div class="admonition note"><p>没有标题的提示。</p></div>'
    )
    assert_only_allowed(document)
    boxes = document.find_all("section", recursive=False)
    assert len(boxes) == 3
    warning, tip, note = boxes
    assert "border-left:4px solid #bf360c" in warning["style"]
    assert warning.p.get_text() == "注意" and "font-weight:bold" in warning.p["style"]
    assert tip.p.get_text() == "小窍门" and "漏电保护器每月试跳。" in tip.get_text()
    assert "border-left:4px solid #1565c0" in note["style"]
    assert note.p.get_text() == "没有标题的提示。" and "font-weight:bold" not in note.p["style"]


def contrast(first: str, second: str) -> float:
    def luminance(colour: str) -> float:
        values = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        values = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
        return 0.2126 * values[0] + 0.7152 * values[1] + 0.0722 * values[2]

    light, dark = sorted([luminance(first), luminance(second)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("kind", ["note", "abstract", "info", "tip", "success", "question",
                                  "warning", "failure", "danger", "bug", "example", "quote"])  # fmt: skip
def test_every_kind_of_box_is_readable(kind):
    document = body(
        f'<div class="admonition {kind}"><p class="admonition-title">标题</p><p>正文</p></div>'
    )
    box = document.section
    background = re.search(r"background:(#[0-9a-f]{6})", box["style"]).group(1)
    title = re.search(r"color:(#[0-9a-f]{6})", box.p["style"]).group(1)
    text = re.search(r"color:(#[0-9a-f]{6})", box.find_all("p")[1]["style"]).group(1)
    assert contrast(title, background) >= 4.5 and contrast(text, background) >= 4.5


def test_links_lead_to_the_published_site_or_stay_text():
    html = (
        '<p><a href="../../knowledge/first-aid.html">急救</a> '
        '<a href="#targets">目标</a> <a href="https://www.gov.cn/">政府网</a> '
        '<a href="tel:95598">95598</a> <a href="poster.pdf">海报</a></p>'
    )
    document = body(html)
    links = {a.get_text(): a["href"] for a in document.find_all("a")}
    assert links == {
        "急救": SITE + "knowledge/first-aid.html",
        "政府网": "https://www.gov.cn/",
        "95598": "tel:95598",
        "海报": SITE + "campaigns/spring/poster.pdf",
    }
    assert "目标" in document.get_text()
    unpublished = body(html, address=None)
    assert {a.get_text() for a in unpublished.find_all("a")} == set()
    assert "急救" in unpublished.get_text() and "海报" in unpublished.get_text()


def test_tables_keep_their_alignment_and_spans():
    document = body(
        '<table><thead><tr><th style="text-align: center;">项目</th><th>数</th></tr></thead>'
        '<tbody><tr><td style="text-align: right;" class="x">1</td>'
        '<td colspan="2" rowspan="x">二</td></tr></tbody></table>'
    )
    assert_only_allowed(document)
    assert document.table.parent.name == "section"  # scrolls sideways on a phone
    assert document.th["style"].endswith("text-align:center;")
    assert document.td["style"].endswith("text-align:right;")
    spanned = document.find_all("td")[1]
    assert spanned["colspan"] == "2" and "rowspan" not in spanned.attrs


def test_lists_code_quotes_and_inline_styles():
    document = body(
        '<ol start="3"><li>一<ul><li>甲</li></ul></li></ol>'
        '<blockquote><p>引文</p></blockquote><pre><code class="language-text">a  b\n c</code></pre>'
        "<p><strong>粗</strong><b>也粗</b><em>斜</em><del>删</del><mark>亮</mark><code>x</code>"
        '<span class="twemoji">字</span><sup>1</sup></p>'
    )
    assert_only_allowed(document)
    assert document.ol["start"] == "3"
    assert "padding-left:1.5em" in document.ol.li.ul["style"]  # nested: indented less
    assert document.pre.code.get_text() == "a  b\n c"
    assert "white-space:pre-wrap" in document.pre["style"]
    styled = document.find_all("p")[-1]
    assert [s.name for s in styled.find_all(True)] == [
        "strong", "strong", "em", "span", "span", "code", "sup",
    ]  # fmt: skip
    assert "字" in styled.get_text()  # a span with no look of its own gives up its tag


def test_unclosed_and_stray_tags_give_well_formed_html():
    made = article_body(
        "<p>一<b>二<i>三</p></b><p>四</div><li>五<li>六<td>七",
        link=lambda href: None,
        picture=lambda src: None,
    )
    assert made.count("<p ") == made.count("</p>") == 2
    assert made.count("<strong ") == made.count("</strong>")
    assert made.count("<em ") == made.count("</em>")
    assert BeautifulSoup(made, "html.parser").get_text() == "一二三四五六七"


tags = st.sampled_from(
    ["p", "div", "a", "img", "script", "style", "iframe", "table", "td", "tr", "li", "ul",
     "b", "svg", "form", "textarea", "title", "details", "summary", "h2", "span", "pre"]
)  # fmt: skip
attributes = st.sampled_from(
    ['', ' class="admonition note"', ' onclick="x()"', ' href="javascript:x()"', ' href="/a"',
     ' src="data:text/html,x"', ' style="background:url(http://x)"', ' href="#top"',
     ' colspan="3"', ' id="x"', " href='http://e.org/\"x'"]
)  # fmt: skip
pieces = st.one_of(
    st.builds(lambda t, a: f"<{t}{a}>", tags, attributes),
    st.builds(lambda t: f"</{t}>", tags),
    st.sampled_from(
        [
            "文字",
            "&lt;",
            "&amp;",
            "<!--",
            "-->",
            "<![CDATA[x]]>",
            "<!x>",
            "<",
            ">",
            '"',
            "'",
            "&",
            "\n",
            "<?x?>",
            "</",
            "<a b='",
        ]
    ),  # fmt: skip
)


@settings(max_examples=300, deadline=None)
@given(st.lists(pieces, max_size=40))
def test_whatever_the_body_holds_only_allowed_markup_comes_out(parts):
    html = "".join(parts)
    made = article_body(
        html,
        link=lambda href: SITE + href if not href.startswith("#") else None,
        picture=lambda src: None,
    )
    document = BeautifulSoup(made, "html.parser")
    assert_only_allowed(document)
    # Written well formed: read again, the same markup.
    assert str(BeautifulSoup(str(document), "html.parser")) == str(document)


# -- pictures --------------------------------------------------------------------------------


def photo(path: Path, size=(3000, 2000), orientation: int | None = None) -> Path:
    """A photo-like picture: smooth gradients, noise, thousands of colours."""
    width, height = size
    noise = Image.frombytes("L", size, random.Random(width * height).randbytes(width * height))
    channels = [Image.radial_gradient("L").resize(size), Image.linear_gradient("L").resize(size)]
    image = Image.merge("RGB", [*channels, Image.blend(channels[0], noise, 0.5)])
    image.paste((200, 30, 30), (0, 0, width // 3, height // 10))  # a red band, top left
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    image.save(path, "JPEG", quality=92, exif=exif.tobytes())
    return path


def drawing(path: Path, size=(1600, 900)) -> Path:
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    image.paste((0, 90, 200, 255), (100, 100, 800, 500))
    image.save(path, "PNG")
    return path


def test_a_photo_becomes_a_jpeg_1080_wide_turned_upright(tmp_path):
    # Taken with the phone turned: the camera stored it on its side, with orientation 6.
    picture = article_picture(photo(tmp_path / "photo.jpg", orientation=6))
    assert picture.kind == "jpeg"
    shown = Image.open(io.BytesIO(picture.data))
    assert shown.format == "JPEG"
    # Turned upright it is 2000 x 3000: at most 1080 wide, the same proportions.
    assert (picture.width, picture.height) == shown.size == (1080, 1620)
    assert not shown.getexif()  # no camera data (and no place it was taken) goes out
    # The red band, top left as taken, is top right once turned upright.
    red, green, _ = shown.convert("RGB").getpixel((1070, 10))
    assert red > 150 and green < 100


def test_a_drawing_stays_a_png_with_its_transparency(tmp_path):
    picture = article_picture(drawing(tmp_path / "map.png"))
    assert picture.kind == "png"
    shown = Image.open(io.BytesIO(picture.data))
    assert shown.format == "PNG" and shown.size == (1080, 608)
    assert shown.convert("RGBA").getpixel((2, 2))[3] == 0


def test_a_photo_saved_as_png_becomes_a_jpeg_and_a_small_picture_keeps_its_size(tmp_path):
    source = tmp_path / "photo.png"
    Image.open(photo(tmp_path / "p.jpg", size=(800, 600))).save(source)
    picture = article_picture(source)
    assert picture.kind == "jpeg" and (picture.width, picture.height) == (800, 600)


def test_pictures_are_the_same_bytes_every_time_and_kept_by_the_file(tmp_path):
    source = photo(tmp_path / "photo.jpg")
    first = article_picture(source, tmp_path / "cache")
    assert first == article_picture(source) == article_picture(source, tmp_path / "cache")
    assert len(list((tmp_path / "cache").glob("*.bin"))) == 1
    photo(source, size=(1200, 800))  # replaced by another photo of the same name
    assert article_picture(source, tmp_path / "cache").width == 1080
    assert article_picture(source, tmp_path / "cache").height == 720


def test_a_file_that_is_no_picture_is_left_out(tmp_path):
    (tmp_path / "notes.jpg").write_text("not a photo")
    assert article_picture(tmp_path / "notes.jpg") is None
    assert article_picture(tmp_path / "missing.jpg", tmp_path / "cache") is None


# -- the whole file --------------------------------------------------------------------------


def article(tmp_path: Path, **changes) -> Article:
    fields = dict(
        language="zh",
        direction="ltr",
        title="春灌安全用电<宣传>",
        lines=("时间：2026年3月1日至4月30日", "主办单位：城关供电所"),
        body='<h2 id="x">为什么<a class="headerlink" href="#x">&para;</a></h2>'
        '<p><img src="photo.jpg" alt="机井"></p><p><img src="https://example.com/x.png" alt="外图"></p>',
        page_path="campaigns/spring/index.html",
        address=PAGE,
        files=(("campaigns/spring/photo.jpg", photo(tmp_path / "photo.jpg")),),
        lead="春灌开泵前，到机井和村里讲安全用电。",
        photos=((drawing(tmp_path / "map.png"), "宣传路线"),),
        hint="按 Ctrl+A 全选",
        qr_caption="扫码查看原文",
    )
    fields.update(changes)
    return Article(**fields)


def pictures(document: BeautifulSoup) -> list[Image.Image]:
    found = []
    for img in document.find_all("img"):
        kind, data = re.match(r"data:image/(png|jpeg);base64,(.*)", img["src"]).groups()
        found.append(Image.open(io.BytesIO(base64.b64decode(data))))
    return found


def test_the_file_holds_everything_inline_and_ends_with_the_pages_qr_code(tmp_path):
    made = wechat_article(article(tmp_path), tmp_path / "cache")
    document = BeautifulSoup(made.decode("utf-8"), "html.parser")
    assert not document.find_all(["style", "script", "link", "iframe"])
    assert not document.find_all(attrs={"class": True}) and not document.find_all(id=True)
    assert document.html["lang"] == "zh" and document.title.get_text() == "春灌安全用电<宣传>"
    hint = document.find(attrs={"data-xc-hint": True})
    assert hint.get_text() == "按 Ctrl+A 全选" and "user-select:none" in hint["style"]
    shown = document.find(attrs={"data-xc-article": True})
    assert hint not in shown.descendants
    assert shown.h1.get_text() == "春灌安全用电<宣传>"
    texts = [p.get_text() for p in shown.find_all("p")]
    assert texts[:3] == ["时间：2026年3月1日至4月30日", "主办单位：城关供电所",
                         "春灌开泵前，到机井和村里讲安全用电。"]  # fmt: skip
    assert "外图" in shown.get_text()  # a picture from elsewhere: its description
    photo_, route, code = pictures(shown)
    assert photo_.format == "JPEG" and photo_.size == (1080, 720)
    assert route.format == "PNG" and "宣传路线" in texts
    # Last, the page's QR code, shown a whole number of pixels a module, and its caption.
    last = shown.find_all("img")[-1]
    assert int(last["width"]) * 2 == code.size[0]
    assert texts[-2:] == ["扫码查看原文", PAGE]
    code.save(tmp_path / "code.png")
    assert qr_codes(tmp_path / "code.png") == [PAGE]


def test_without_a_published_address_there_is_no_qr_code_and_no_link(tmp_path):
    made = wechat_article(
        article(tmp_path, address=None, body='<p><a href="../x.html">别页</a></p>'),
        tmp_path / "cache",
    ).decode("utf-8")
    document = BeautifulSoup(made, "html.parser")
    assert not document.find_all("a")
    assert "扫码查看原文" not in made and "别页" in made
    assert len(document.find_all("img")) == 1  # the route drawing alone


def test_the_file_is_the_same_bytes_every_time_and_kept(tmp_path):
    made = article(tmp_path)
    first = wechat_article(made, tmp_path / "cache")
    assert first == wechat_article(made, tmp_path / "cache")
    assert first == wechat_article(made, tmp_path / "other-cache")
    assert first == wechat_article(made)
    assert first == wechat_article(article(tmp_path), tmp_path / "cache")  # files written again
    assert len(list((tmp_path / "cache").glob("*/*.html"))) == 2
    changed = wechat_article(replace(made, title="另一个标题"), tmp_path / "cache")
    assert changed != first and len(list((tmp_path / "cache").glob("*/*.html"))) == 3


def test_a_changed_picture_makes_the_file_again(tmp_path):
    first = wechat_article(article(tmp_path), tmp_path / "cache")
    source = tmp_path / "photo.jpg"
    again = article(tmp_path)  # writes the photo again, the same
    assert wechat_article(again, tmp_path / "cache") == first
    photo(source, size=(1500, 1500))
    changed = BeautifulSoup(
        wechat_article(again, tmp_path / "cache").decode("utf-8"), "html.parser"
    )
    assert pictures(changed)[0].size == (1080, 1080)


def test_a_right_to_left_article_has_its_edges_on_the_right(tmp_path):
    made = wechat_article(
        article(tmp_path, language="ug", direction="rtl", body="<h2>ماۋزۇ</h2>"), None
    ).decode("utf-8")
    document = BeautifulSoup(made, "html.parser")
    assert document.html["dir"] == "rtl"
    assert "border-right:4px solid" in document.h2["style"]
    assert "border-left" not in document.h2["style"]


@pytest.mark.parametrize("address", [PAGE, None])
def test_every_element_of_the_article_is_styled_inline(tmp_path, address):
    made = wechat_article(article(tmp_path, address=address), tmp_path / "cache")
    shown = BeautifulSoup(made.decode("utf-8"), "html.parser").find(attrs={"data-xc-article": True})
    assert_only_allowed(BeautifulSoup(shown.decode_contents(), "html.parser"))
    assert shown.find_all(["h1"]) and shown.h1["style"]
