"""MkDocs hook entry points. Thin on purpose: the work is done in the ``xuanchuan`` package."""

from xuanchuan.mkdocs.events import SiteBuild

_site = SiteBuild()

on_startup = _site.on_startup
on_config = _site.on_config
on_files = _site.on_files
on_nav = _site.on_nav
on_env = _site.on_env
on_page_markdown = _site.on_page_markdown
on_page_content = _site.on_page_content
on_page_context = _site.on_page_context
on_post_page = _site.on_post_page
on_post_template = _site.on_post_template
on_post_build = _site.on_post_build
on_build_error = _site.on_build_error
on_serve = _site.on_serve
on_shutdown = _site.on_shutdown
