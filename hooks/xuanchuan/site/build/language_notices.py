"""What a page tells readers of other languages: links to the same page in every
language, the notice on a page not yet translated, search entries for the pages a language
leads to the default language's, and the language and direction on ``<html>``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...core.languages import Language
from ...core.links import counterpart_url, page_url, relative_url
from ...core.strings import Translator
from ..pages.plain_text import as_html
from ..pages.untranslated import HOME, link_from
from ..search.excerpts import opening
from ..search.index import page_in_another_language

if TYPE_CHECKING:
    from .languages import LanguageBuild

# The page's own start tag, right after the doctype: never text that only looks like one.
_HTML_START = re.compile(r"\A(\s*<!doctype html>\s*)<html\b([^>]*)>", re.IGNORECASE)
_LANG_AND_DIR = re.compile(r"""\s(?:lang|dir)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*)""", re.IGNORECASE)


def alternates(build: LanguageBuild, key: str, url: str) -> list[dict]:
    """Links to the same page in every language; to a language's home page where the
    language leads to the default language's page instead (``exists`` is then false)."""
    settings = build.run.settings
    alternates = []
    for language in settings.languages:
        prefix = settings.prefix(language.code)
        exists = not build.run.untranslated.linked(key, language.code)
        alternates.append(
            {
                "code": language.code,
                "name": as_html(language.name),
                "url": counterpart_url(url, build.prefix, prefix)
                if exists
                else relative_url(
                    prefix + page_url(HOME, build.use_directory_urls), build.prefix + url
                ),
                "current": language == build.language,
                "exists": exists,
            }
        )
    return alternates


def notice(build: LanguageBuild) -> dict:
    """The notice on a page not yet translated into this language."""
    default = build.run.settings.default
    return {
        **_notice_texts(build.translator, build.language, default),
        "content_lang": default.code,
        "content_dir": default.dir,
    }


def reader_notice(build: LanguageBuild, code: str) -> dict:
    """The notice for readers of ``code`` led to this default-language page."""
    settings = build.run.settings
    language = settings.language(code)
    t = settings.translator(code)
    return {"code": code, **_notice_texts(t, language, settings.default)}


def linked_search_entries(build: LanguageBuild) -> list[dict]:
    """Search entries of this language for the pages it leads to the default language's
    page for: the original's title and opening, labelled with its language."""
    catalogue, untranslated = build.run.catalogue, build.run.untranslated
    default = build.run.settings.default
    t = build.translator
    label = t("untranslated.search_label", original=t.language_name(default.code, default.name))
    entries = []
    for key in build.linked:
        fields = catalogue.fields(key, default.code)
        if (fields.get("search") or {}).get("exclude"):
            continue
        _, document, _ = catalogue.source(key, default.code)
        address = untranslated.address(key, build.language.code, build.use_directory_urls)
        entries.append(
            page_in_another_language(
                link_from(build.prefix, address),
                catalogue.title(key, default.code),
                opening(fields, document.body),
                label,
            )
        )
    return entries


def _notice_texts(t: Translator, language: Language, default: Language) -> dict:
    values = {
        "language": as_html(t.language_name(language.code, language.name)),
        "original": as_html(t.language_name(default.code, default.name)),
    }
    return {"title": t("untranslated.title", **values), "body": t("untranslated.body", **values)}


def with_language(page: str, code: str, direction: str) -> str:
    """``page`` with ``lang`` and ``dir`` set on its ``<html>`` start tag, the other
    attributes kept; a text that does not start as an HTML page is left as it is."""
    match = _HTML_START.match(page)
    if match is None:
        return page
    others = _LANG_AND_DIR.sub("", match.group(2))
    tag = f'<html lang="{as_html(code)}" dir="{as_html(direction)}"{others}>'
    return match.group(1) + tag + page[match.end() :]
