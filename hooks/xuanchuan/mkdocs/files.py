"""The files of one language's site, as MkDocs lists them: which of the found files are
published, the pages read from the language's own file, the short pages and section
lists, and no team file at an address the site makes."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from ..core.errors import shown_path
from ..core.log import log
from ..core.messages import msg
from ..core.source_files import is_private
from ..site.build.languages import LanguageBuild
from ..site.campaign_pages.plan import (
    generated_markdown,
)
from ..site.files.short_pages import Target, short_pages
from ..site.pages.section_lists import titles_script
from ..site.search.index import FOLDER as SEARCH_FOLDER
from .campaign_files import campaign_files
from .file_kinds import file_reading, served_in_place
from .nav import language_menu

# What the theme and the engine write into every language's site after the files are
# copied (the search index's folder besides): a team file there would be replaced.
WRITTEN_AFTER = frozenset({"sitemap.xml", "sitemap.xml.gz", "404.html"})


def without_clashes(files: list[File], config: MkDocsConfig, build: LanguageBuild) -> list[File]:
    """The files of the site, none of the team's taking the address of one the site makes
    (a short page ``s/<code>.html``, a feed, a list): the made one is kept, as printed QR
    codes and links lead there, and the clash is reported (a strict build stops)."""
    made = {file.dest_uri for file in files if file.generated_by} | WRITTEN_AFTER
    kept = []
    for file in files:
        taken = file.dest_uri in made or file.dest_uri.startswith(SEARCH_FOLDER + "/")
        if not file.generated_by and taken:
            if build.is_default:
                source = Path(config.docs_dir, file.src_uri)
                log.warning(
                    msg(
                        "{file} has the address of a file the site makes ({address}): it is "
                        "left out of the site; rename it or move it to another folder",
                        file=shown_path(source, build.run.project_dir),
                        address=file.dest_uri,
                    )
                )
            continue
        kept.append(file)
    return kept


def short_files(config: MkDocsConfig, build: LanguageBuild, files: list[File]) -> list[File]:
    """The short pages of this language (``s/<code>.html``), one for each of its pages."""
    pages = {file.src_uri: file for file in files if file.is_documentation_page()}
    build.use_short_codes(build.run.short_links.codes(build.language.code).with_pages(pages))
    targets = {
        key: Target(build.page_title(key), file.url, build.published_address(file.url))
        for key, file in pages.items()
    }
    made = short_pages(
        build.short_codes,
        targets,
        language=build.language.code,
        direction=build.language.dir,
        t=build.translator,
    )
    return [File.generated(config, path, content=html) for path, html in made]


def section_files(config: MkDocsConfig, build: LanguageBuild, files: list[File]) -> list[File]:
    """The list pages of folders too big for every page's navigation, with their titles
    for the filter."""
    taken = {file.src_uri for file in files}
    # Only the pages this language's site has: those it links to the default language for
    # are reached from their own language's lists (and this language's search).
    left_out = set(build.linked)
    shown = sorted(key for key in build.run.catalogue.pages if key not in left_out)
    plan = build.plan_sections(shown, taken, config.use_directory_urls)
    made = []
    for listed in plan.lists:
        for key in listed.made_keys:
            planned = build.planned[key]
            file = File.generated(config, key, content=generated_markdown(planned.title))
            if not planned.in_nav:
                file.inclusion = InclusionLevel.NOT_IN_NAV
            made.append(file)
        script = titles_script(listed, config.use_directory_urls)
        made.append(File.generated(config, listed.script_key, content=script))
    return made


def published(file: File, config: MkDocsConfig) -> bool:
    """Whether a file MkDocs found goes to the site as it is.

    Pages are added back by the engine, in each language. From the content folder, editor
    leftovers and dot-files stay private. From the theme's ``custom_dir``, Material would
    copy every file that is not a template: only ``assets/`` is for readers, the rest
    (print layouts, campaign templates) is the engine's own data.
    """
    if file.src_dir == config.docs_dir:
        return not file.is_documentation_page() and not is_private(file.src_uri)
    custom_dir = config.theme.custom_dir
    if custom_dir and os.path.samefile(file.src_dir, custom_dir):
        return file.src_uri.startswith("assets/")
    return True


def language_files(files: Files, config: MkDocsConfig, build: LanguageBuild) -> list[File]:
    """The files of this language's site: the team's published files, its pages read from
    the language's own file (or the default language's), and the pages and files the
    engine adds."""
    # Material shows the language menu (partials/alternate.html) when this is set, and
    # writes <link rel="alternate"> only when it is a list: main.html writes each page's
    # own, to the same page in each language, instead of the languages' home pages.
    config.extra["alternate"] = True
    kept = [file for file in files if published(file, config)]
    catalogue = build.run.catalogue
    build.start_files(config.use_directory_urls)
    for key in sorted(catalogue.pages):
        if build.run.untranslated.linked(key, build.language.code):
            build.lead_to_default(key)
            continue
        source, _, fallback = catalogue.source(key, build.language.code)
        if fallback:
            build.show_in_default(key)
        kept.append(file_reading(key, source, config))
    kept.extend(campaign_files(config, build))
    if config.nav is None:
        # Written in mkdocs.yml, the navigation is the team's own: nothing is folded.
        kept.extend(section_files(config, build, kept))
    kept.extend(short_files(config, build, kept))
    return kept


def settled_files(kept: list[File], config: MkDocsConfig, build: LanguageBuild) -> Files:
    """The site's files as MkDocs goes on with them: no clash, a preview's served from
    where they are, and the menu of a language that leaves pages out."""
    kept = without_clashes(kept, config, build)
    if build.run.serving:
        kept = [served_in_place(file, build) for file in kept]
    files = Files(kept)
    if build.linked:
        config.nav = language_menu(config, files, build)
    return files
