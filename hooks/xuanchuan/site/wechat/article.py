"""A page as an official-account article: one HTML file the team opens, copies and pastes
into WeChat's editor.

The editor keeps only what an element carries itself: no style sheet, script or font
reaches it, and pictures from other sites are dropped. So the file holds everything
inside it: every look in ``style`` attributes (``wechat_body.py``), every picture as a
``data:`` address at most 1080 pixels wide (``wechat_pictures.py``), and at the end the
page's QR code, for readers to open the page itself.

Above the article, one line tells the team how to copy it. The browser leaves it out of
what is selected and copied (``user-select: none``), so "select all, copy" takes the
article alone; the article also stands apart on its white sheet, for copying part of it.

The file is kept on disk by everything it is made from, so an unchanged rebuild neither
makes nor reads it: a build copies it into the site, a preview serves it from the cache.
"""

from __future__ import annotations

import base64
import hashlib
import json
import posixpath
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from ...core.disk_cache import cache_key, intact_file, store_file
from ..files.page_qr import qr_png
from .body import FONTS, MUTED, TEXT, Embedded, article_body
from .pictures import Picture, article_picture, file_identity

# The width of an article in WeChat's editor and on a computer screen.
SHEET_WIDTH = 677
# Pixels a module in the picture; shown at half that, a whole number of pixels a module,
# so the code stays sharp on ordinary screens and on phones' denser ones.
QR_SCALE = 8
_WEB = ("http", "https", "mailto", "tel")


@dataclass(frozen=True)
class Article:
    """Everything one article shows, in one language."""

    language: str
    direction: str  # "ltr" or "rtl"
    title: str  # plain text, like every text here but ``body``
    lines: tuple[str, ...]  # under the title: dates, place, organizer
    body: str  # the page's rendered body: HTML, raw HTML of the team's included
    page_path: str  # the page's address within its language's site (campaigns/x/index.html)
    address: str | None  # the page's published address; None: no QR code, links as text
    # Files the body may show, by their path within the language's site.
    files: tuple[tuple[str, Path], ...] = ()
    lead: str | None = None  # a sentence or two before the body
    photos: tuple[tuple[Path, str | None], ...] = ()  # shown after the body, with captions
    hint: str = ""  # the line for the team above the article
    qr_caption: str = ""


@dataclass(frozen=True)
class ArticleFile:
    """The article file of a page: where it goes in the language's site, and what it
    shows, but for the body, which the page gives once it is rendered."""

    path: str
    article: Article


def wechat_article(article: Article, cache_dir: Path | None = None) -> bytes:
    """The article's file (UTF-8 HTML). With ``cache_dir``, it is kept there, and so are
    its pictures and QR code, by everything each is made from."""
    if cache_dir is None:
        return _document(article, None).encode("utf-8")
    return article_file(article, cache_dir).read_bytes()


def article_file(article: Article, cache_dir: Path) -> Path:
    """Where the article's file is kept in ``cache_dir``, made unless a build made it
    before and it is whole.

    The site publishes the file as it is, as print files are: a build copies it, a preview
    serves it from here. Its pictures make it large, and reading every article back to
    check it would be most of an unchanged rebuild; the record beside it says whether the
    file is as it was made without reading it (``intact_file``).
    """
    key = cache_key("wechat-article", _code_version(), json.dumps(_inputs(article)))
    path = cache_dir / key[:2] / f"{key}.html"
    if not intact_file(path):
        store_file(path, _document(article, cache_dir).encode("utf-8"))
    return path


def _inputs(article: Article) -> list:
    """What the file is made from: the article, and the identity of each picture file."""
    import PIL
    import segno

    files = [(path, str(file), file_identity(file)) for path, file in article.files]
    photos = [(str(file), caption, file_identity(file)) for file, caption in article.photos]
    fields = [
        article.language,
        article.direction,
        article.title,
        list(article.lines),
        article.body,
        article.page_path,
        article.address,
        article.lead,
        article.hint,
        article.qr_caption,
    ]
    return [fields, files, photos, PIL.__version__, segno.__version__, QR_SCALE]


@cache
def _code_version() -> str:
    """The making of an article is part of its key: its three modules, as they are."""
    digest = hashlib.sha256()
    for name in ("article.py", "body.py", "pictures.py"):
        digest.update(Path(__file__).with_name(name).read_bytes())
    return digest.hexdigest()


def _document(article: Article, cache_dir: Path | None) -> str:
    pictures = None if cache_dir is None else cache_dir / "pictures"
    files = dict(article.files)

    def picture(src: str) -> Embedded | None:
        path = _local_file(src, article.page_path, files)
        return _embedded(article_picture(path, pictures)) if path else None

    body = article_body(
        article.body,
        link=lambda href: _link(href, article.address),
        picture=picture,
        direction=article.direction,
    )
    start = "right" if article.direction == "rtl" else "left"
    parts = [
        f'<h1 style="margin:0 0 .6em;font-size:22px;line-height:1.4;font-weight:bold;'
        f'color:#1a1a1a;text-align:{start};">{escape(article.title)}</h1>'
    ]
    if article.lines:
        lines = "".join(
            f'<p style="margin:0;font-size:14px;line-height:1.8;color:{MUTED};">{escape(line)}</p>'
            for line in article.lines
        )
        parts.append(
            '<section style="margin:0 0 1.2em;padding:0 0 .8em;'
            f'border-bottom:1px solid #e5e5e5;">{lines}</section>'
        )
    if article.lead:
        parts.append(
            '<p style="margin:0 0 1.2em;padding:.8em 1em;background:#f5f5f5;border-radius:4px;'
            f'font-size:15px;line-height:1.8;color:{MUTED};">{escape(article.lead)}</p>'
        )
    parts.append(body)
    for path, caption in article.photos:
        shown = _embedded(article_picture(path, pictures))
        if shown is None:
            continue
        words = (
            f'<p style="margin:.4em 0 0;font-size:14px;line-height:1.6;color:{MUTED};'
            f'text-align:center;">{escape(caption)}</p>'
            if caption
            else ""
        )
        parts.append(
            '<section style="margin:1em 0;text-align:center;">'
            f'<img src="{shown.src}" alt="{escape(caption or "")}" width="{shown.width}" '
            f'height="{shown.height}" style="display:block;max-width:100%;height:auto;'
            f'margin:0 auto;">{words}</section>'
        )
    if article.address:
        parts.append(_qr_block(article, cache_dir))
    return _page(article, "".join(parts))


def _qr_block(article: Article, cache_dir: Path | None) -> str:
    """The page's QR code, with the page's address under it for those reading on a
    computer."""
    png = qr_png(article.address, cache_dir and cache_dir / "qr", QR_SCALE)
    src = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    shown = int.from_bytes(png[16:20], "big") // 2  # the width in the PNG's header
    return (
        '<section style="margin:2em 0 0;padding:1.2em 0 0;border-top:1px solid #e5e5e5;'
        'text-align:center;">'
        f'<img src="{src}" alt="{escape(article.qr_caption)}" width="{shown}" '
        f'height="{shown}" style="display:block;width:{shown}px;height:{shown}px;'
        'margin:0 auto;">'
        f'<p style="margin:.4em 0 0;font-size:14px;line-height:1.6;color:{MUTED};'
        f'text-align:center;">{escape(article.qr_caption)}</p>'
        f'<p style="margin:0;font-size:14px;line-height:1.6;color:{MUTED};text-align:center;'
        f'word-break:break-all;">{escape(article.address)}</p>'
        "</section>"
    )


def _page(article: Article, content: str) -> str:
    language, direction = escape(article.language), escape(article.direction)
    return (
        "<!doctype html>\n"
        f'<html lang="{language}" dir="{direction}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # A copy of a page, for the team: search engines keep to the page itself.
        '<meta name="robots" content="noindex">\n'
        f"<title>{escape(article.title)}</title>\n</head>\n"
        '<body style="margin:0;padding:0 0 24px;background:#ececec;">\n'
        '<p data-xc-hint style="user-select:none;-webkit-user-select:none;margin:0;'
        "padding:10px 16px;background:#fff8e1;color:#4e342e;font-family:" + FONTS + ";"
        'font-size:14px;line-height:1.6;text-align:center;">' + escape(article.hint) + "</p>\n"
        f'<div style="max-width:{SHEET_WIDTH}px;margin:16px auto 0;padding:24px 20px;'
        'background:#ffffff;box-sizing:border-box;">\n'
        f'<section data-xc-article style="font-family:{FONTS};font-size:16px;line-height:1.8;'
        f'color:{TEXT};overflow-wrap:break-word;">' + content + "</section>\n"
        "</div>\n</body>\n</html>\n"
    )


def _embedded(picture: Picture | None) -> Embedded | None:
    return None if picture is None else Embedded(picture.address, picture.width, picture.height)


def _local_file(src: str, page_path: str, files: dict[str, Path]) -> Path | None:
    """The file a picture's address names, among ``files``; None for any other address."""
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), unquote(parts.path)))
    return files.get(path)


def _link(href: str, address: str | None) -> str | None:
    """Where a link of the body leads from the article: web, mail and telephone addresses
    as they are, the site's own pages at their published address; None (its text alone)
    for a link within the page, or to the site when it has no published address."""
    parts = urlsplit(href)
    if parts.scheme:
        return href if parts.scheme.lower() in _WEB else None
    if parts.netloc:
        return "https:" + href  # written without its scheme ("//example.org/...")
    if not parts.path or address is None:
        return None
    return urljoin(address, href)
