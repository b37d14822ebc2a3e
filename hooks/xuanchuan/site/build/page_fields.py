"""What MkDocs is given of a page of a language's build: its Markdown as the engine read
it, its front matter as the engine checked it, and the titles of navigation sections."""

from __future__ import annotations

from ..pages.plain_text import as_html, plain_text_meta
from .language_notices import with_language
from .languages import ARTICLE_BODY, LanguageBuild


def page_markdown(build: LanguageBuild, key: str, markdown: str) -> str:
    """The body MkDocs renders: the file as the engine read it.

    MkDocs splits front matter with a YAML of its own, and takes the first lines of a
    file without front matter as fields when they look like "Name: value": a page from
    elsewhere would show its front matter as text, or lose its first line.
    """
    if key in build.run.catalogue.pages:
        return build.run.catalogue.source(key, build.language.code)[1].body
    campaign = build.campaign_pages.get(key)
    return campaign.body if campaign else markdown


def page_meta(build: LanguageBuild, key: str, meta: dict) -> dict:
    """A page's front matter with what the engine decides about it.

    A content page gets its fields as the engine checked them (texts as written, no
    field Material cannot use), not MkDocs' own reading of the same lines.
    """
    if key in build.run.catalogue.pages:
        meta = build.run.catalogue.fields(key, build.language.code)
        if not meta.get("title"):
            # Decided here, not by MkDocs from the file name or heading: a name such as
            # "x<img onerror=…>.zh.md" is text in every menu and tab, never markup.
            meta = {**meta, "title": build.run.catalogue.title(key, build.language.code)}
    meta = plain_text_meta(meta)
    planned = build.planned.get(key)
    if planned:
        meta["title"] = as_html(planned.title)
        if planned.template:
            meta["template"] = planned.template
        if not planned.searchable:
            meta["search"] = {"exclude": True}
    if key in build.fallbacks:
        # A page shown in the default language stays out of this language's search.
        meta["search"] = {**(meta.get("search") or {}), "exclude": True}
    return meta


def section_title(build: LanguageBuild, index_key: str) -> str | None:
    """The title of a navigation section, from its index page in this language."""
    if index_key in build.planned:
        return as_html(build.planned[index_key].title)
    if index_key in build.run.catalogue.pages:
        return as_html(build.run.catalogue.title(index_key, build.language.code))
    return None


def kept_needs(build: LanguageBuild, key: str) -> tuple[str, ...]:
    """What a kept page must have kept to be written as it was: the body of a page with an
    article, which is made again whenever its pictures change."""
    planned = build.planned.get(key)
    return (ARTICLE_BODY,) if planned is not None and planned.article else ()


def declare_language(build: LanguageBuild, page: str) -> str:
    """A rendered page, its ``<html>`` naming the build's language and its direction.

    Material names its interface language there, English for a language it has no texts
    for, and puts the direction on ``<body>`` only; browsers, screen readers and search
    engines read both from ``<html>``.
    """
    return with_language(page, build.language.code, build.language.dir)
