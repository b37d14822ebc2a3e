"""A page the engine adds to a language's site, as plain data for the adapter."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..wechat.article import ArticleFile


@dataclass
class PlannedPage:
    """A page the campaigns add. ``template`` replaces the page template; ``fragment`` is
    rendered into the page's content instead, where search indexes it too."""

    key: str
    title: str
    context: dict
    template: str | None = None
    fragment: str | None = None
    source: Path | None = None  # a real file to read; None for a page made here
    is_fallback: bool = False
    in_nav: bool = True
    searchable: bool = True
    article: ArticleFile | None = None  # the page's copy for WeChat, made once it renders
