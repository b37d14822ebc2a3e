"""One page as MkDocs makes it: the body and fields the engine gives it, a page kept from an
earlier build written as it was, fragments rendered into the content, the template's context
and the page's official-account article."""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..core.disk_cache import CACHE_DIR
from ..site.build.languages import LanguageBuild
from ..site.build.page_context import page_context as context_of
from ..site.build.page_context import with_footer_code
from ..site.build.page_fields import declare_language, kept_needs, page_meta
from ..site.build.page_fields import page_markdown as markdown_of
from ..site.files.body_files import with_published_files
from ..site.pages.untranslated import resolve_menu_links
from .preview_files import PREVIEW_FILES, preview_address

QR_CACHE = CACHE_DIR / "qr"
ARTICLE_CACHE = CACHE_DIR / "wechat"
FOOTER_CACHE = CACHE_DIR / "templates"
# The template that writes a kept page as it was (overrides/xc-kept.html).
KEPT_TEMPLATE = "xc-kept.html"


def page_markdown(
    build: LanguageBuild, page: Page, markdown: str, config: MkDocsConfig, warnings: int
) -> str:
    """The Markdown MkDocs renders for ``page``: none for a page kept as it was."""
    key = page.file.src_uri
    page.meta = page_meta(build, key, page.meta)
    markdown = markdown_of(build, key, markdown)
    footers = build.footer_templates(config.theme.get_env, build.run.project_dir / FOOTER_CACHE)
    prints_footer = footers.prints(page.meta.get("template", "main.html"))
    context = context_of(build, key, page.url, prints_footer)
    build.keep_context(key, context)
    if build.reuse.look_up(
        key, page.url, page.meta, markdown, context, needs=kept_needs(build, key)
    ):
        # Written as it was: nothing to render, nothing for search to cut into words.
        page.meta = {**page.meta, "template": KEPT_TEMPLATE, "search": {"exclude": True}}
        # Nor a Markdown converter to set up for it (MkDocs makes one per page).
        page.render = _nothing_to_render.__get__(page)
        return ""
    build.start_page(key, page.url, warnings)
    return markdown


def page_content(build: LanguageBuild, page: Page, html: str, config: MkDocsConfig) -> str:
    """The page's content with the pictures it publishes and the fragment it shows."""
    key = page.file.src_uri
    planned = build.planned.get(key)
    if planned and planned.article:
        build.keep_article_body(key, html)  # the body alone, for its article
    if planned and planned.context.get("xc_pictures"):
        # The pictures and files of the body, as the site publishes them (the article
        # above embeds the originals).
        html = with_published_files(html, page.url, planned.context["xc_pictures"])
    if planned and planned.fragment:
        # Rendered into the content, not the template, so search indexes it too.
        fragment = build.fragment(planned.fragment, config.theme.get_env)
        # base_url lets the fragment's links pass through MkDocs' own url filter.
        base_url = get_relative_url(".", page.url)
        made = fragment.render(**planned.context, page=page, config=config, base_url=base_url)
        html = made + html
    return html


def page_context(build: LanguageBuild, page: Page, context: dict, config: MkDocsConfig) -> dict:
    """The template's context with what the engine's templates show on the page."""
    key = page.file.src_uri
    made = build.take_context(key)
    kept = build.reuse.kept.get(key)
    if kept is not None:
        context.update(made)
        context["xc_kept_output"] = kept.output
    else:
        context.update(with_footer_code(made, build.run.project_dir / QR_CACHE))
    search = config.plugins.get("material/search")
    if search is not None and getattr(search, "search_index", None) is not None:
        build.reuse.indexed(key, search.search_index.entries)
    return context


def finished_page(build: LanguageBuild, page: Page, output: str, config: MkDocsConfig) -> str:
    """The written page, naming its language; its article published next to it."""
    output = declare_language(build, output)
    output = resolve_menu_links(output, build.prefix + page.url, "")
    key = page.file.src_uri
    article = build.page_article(key, build.run.project_dir / ARTICLE_CACHE)
    extras = None
    if article is not None:
        path, made, extras = article
        if build.run.serving:
            PREVIEW_FILES.add(preview_address(build, path), str(made))
        else:
            target = Path(config.site_dir) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(made, target)
    build.reuse.finished(key, output, extras)
    return output


def _nothing_to_render(page: Page, config: MkDocsConfig, files: Files) -> None:
    page.content = ""
