"""Files as MkDocs lists them: a file read from another place than its name says, a file
pages link to that the site does not publish, and a preview's files served in place."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from ..site.build.languages import LanguageBuild
from .preview_files import PREVIEW_FILES, preview_address


class _LinkTarget(File):
    """A file pages link to that this language's site does not publish: MkDocs checks the
    links against it, and the pages are given the published file (site/files/body_files.py).
    In a preview, also a file the preview's server answers for from where it is."""

    def copy_file(self, dirty: bool = False) -> None:
        pass


def served_in_place(file: File, build: LanguageBuild) -> File:
    """In a preview, a file copied as it is (the theme's scripts and styles, the team's
    pictures and attachments) is served from where it is instead, and one made in memory
    (a page's short page, a feed) from memory: a rebuild writes a whole new site, and
    writing thousands of unchanged files was a good part of its wait."""
    if file.is_documentation_page():
        return file
    if file.generated_by:
        PREVIEW_FILES.add_content(preview_address(build, file.dest_uri), file.content_bytes)
    elif file.abs_src_path:
        PREVIEW_FILES.add(preview_address(build, file.dest_uri), file.abs_src_path)
    else:
        return file
    served = _LinkTarget(
        file.src_uri,
        file.src_dir,
        file.dest_dir,
        file.use_directory_urls,
        dest_uri=file.dest_uri,
        inclusion=file.inclusion,
    )
    served.abs_src_path = file.abs_src_path
    return served


def link_target(key: str, source: Path, config: MkDocsConfig) -> File:
    file = _LinkTarget(key, config.docs_dir, config.site_dir, config.use_directory_urls)
    file.abs_src_path = str(source)
    return file


def file_reading(key: str, source: Path, config: MkDocsConfig) -> File:
    """A file of the site named ``key`` whose content is read from ``source``.

    Pages keep their language-free name (links such as `about.md` work in every language)
    but read the language's own file.
    """
    file = File(key, config.docs_dir, config.site_dir, config.use_directory_urls)
    file.abs_src_path = str(source)
    return file
