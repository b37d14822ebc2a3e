"""The short pages of one language's site (``s/<code>.html``, see core/short_links.py):
each a few hundred bytes of plain HTML that sends the reader on to its page.

No theme, no script: a meta refresh works on every phone browser, from any static host and
from a folder, and the link to the page is there for a browser that does not follow it.
Search engines are told to keep the page itself (its canonical address), not the short one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...campaigns.loader import campaign_folders
from ...campaigns.model import page_key
from ...core.settings import Settings
from ...core.short_links import ShortCodes, ShortLinks, short_path
from ...core.strings import Translator
from ..pages.plain_text import as_html
from ..pages.sources import page_keys


def team_short_links(settings: Settings, docs_dir: Path, project_dir: Path) -> ShortLinks:
    """The short codes of the pages the team writes, from file and folder names alone."""
    campaigns = {page_key(folder.name) for folder in campaign_folders(settings, project_dir)}
    return ShortLinks(page_keys(docs_dir, settings) | campaigns)


@dataclass(frozen=True)
class Target:
    """A page a short page leads to."""

    title: str  # plain text
    url: str  # as MkDocs links it, relative to the language's site root
    canonical: str | None  # its published address (None without site_url)


def short_pages(
    codes: ShortCodes, targets: dict[str, Target], *, language: str, direction: str, t: Translator
) -> list[tuple[str, str]]:
    """(path in the language's site, HTML) of every short page: one per page in
    ``targets`` (a page without one, such as a draft in a build, has none), and a page
    listing the pages that share a code."""
    made = []
    for key, code in sorted(codes.codes.items(), key=lambda item: item[1]):
        if key in targets:
            made.append((short_path(code), _redirect(targets[key], language, direction, t)))
    for code, keys in sorted(codes.shared.items()):
        listed = [targets[key] for key in keys if key in targets]
        if len(listed) == 1:
            made.append((short_path(code), _redirect(listed[0], language, direction, t)))
        elif listed:
            made.append((short_path(code), _choice(listed, language, direction, t)))
    return made


def _href(target: Target) -> str:
    """The link from ``s/<code>.html`` to the page, quotes encoded so it may stand in a
    meta refresh's ``url='…'``."""
    url = "" if target.url in (".", "./") else target.url
    return as_html(("../" + url).replace("'", "%27"))


def _redirect(target: Target, language: str, direction: str, t: Translator) -> str:
    href = _href(target)
    canonical = as_html(target.canonical) if target.canonical else href
    title = as_html(target.title)
    return _document(
        language,
        direction,
        title,
        f'<link rel="canonical" href="{canonical}">\n'
        f'<meta http-equiv="refresh" content="0; url=\'{href}\'">\n',
        f'<p>{as_html(t("short.opening"))}<a href="{href}">{title}</a></p>\n',
    )


def _choice(targets: list[Target], language: str, direction: str, t: Translator) -> str:
    items = "".join(
        f'<li><a href="{_href(target)}">{as_html(target.title)}</a></li>\n' for target in targets
    )
    return _document(
        language,
        direction,
        as_html(t("short.several")),
        "",
        f"<p>{as_html(t('short.several'))}</p>\n<ul>\n{items}</ul>\n",
    )


def _document(language: str, direction: str, title: str, head: str, body: str) -> str:
    return (
        "<!doctype html>\n"
        f'<html lang="{as_html(language)}" dir="{as_html(direction)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>{title}</title>\n"
        f"{head}"
        "</head>\n"
        f"<body>\n{body}</body>\n"
        "</html>\n"
    )
