"""What every page of a language's site depends on: the key of the page cache."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..site.build.page_cache import digest, files_digest, library_versions
from ..site.build.page_fields import page_meta


def site_digest(config: MkDocsConfig, files: Files, nav: Navigation, build) -> str:
    """What every page of this language's site depends on (see site/build/page_cache.py)."""
    search = config.plugins.get("material/search")
    return digest(
        _config_texts(config),
        {
            "site_url": config.site_url,
            "site_name": config.site_name,
            "site_description": config.site_description,
            "use_directory_urls": config.use_directory_urls,
            "theme": [config.theme.name, config.theme["language"], config.theme["direction"]],
            "separator": search.config.separator if search is not None else None,
            "language": build.language.code,
        },
        # The installed themes' own templates change with their versions, below.
        files_digest(
            [Path(folder) for folder in config.theme.dirs if "site-packages" not in folder],
            ("*.html",),
        ),
        files_digest([Path(__file__).parent.parent], ("*.py", "*.yml", "*.txt", "*.po", "*.pot")),
        library_versions(),
        # Print files are no page's link target (the download box lists them, from the
        # page's own context); a preview serves them from the cache instead of the site.
        sorted(
            (file.src_uri, file.dest_uri) for file in files if file.src_uri not in build.print_files
        ),
        _nav_outline(nav.items, build),
        build.sections.outline() if build.sections else None,
    )


def _config_texts(config: MkDocsConfig) -> list[str]:
    """mkdocs.yml as written, and the file it inherits from: objects MkDocs makes of it
    (plugins, functions) have no stable text."""
    texts, path = [], config.config_file_path
    for _ in range(8):
        if not path:
            break
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError:
            break
        texts.append(text)
        inherited = re.search(r"^INHERIT:\s*['\"]?([^'\"\n]+)", text, re.MULTILINE)
        path = str(Path(path).parent / inherited[1].strip()) if inherited else None
    return texts


def _nav_outline(items, build) -> list:
    """The navigation as every page shows it: sections, pages and links, with titles."""
    outline = []
    for item in items:
        if isinstance(item, Section):
            outline.append(["section", item.title, _nav_outline(item.children, build)])
        elif isinstance(item, Page):
            title = page_meta(build, item.file.src_uri, {}).get("title") or item.title
            outline.append(["page", item.file.src_uri, item.url, title])
        else:
            outline.append(["link", getattr(item, "title", None), getattr(item, "url", None)])
    return outline
