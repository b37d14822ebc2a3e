"""The end of a language's build: its sitemap read back, its search files written, and,
for the default language, the whole run finished and put in place."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from ..core.disk_cache import damage_report, take_damaged
from ..core.failure import failure_summary
from ..core.log import log
from ..core.messages import msg
from ..site.build.language_notices import linked_search_entries
from ..site.build.languages import LanguageBuild
from ..site.files.xml_outputs import well_formed
from ..site.pages.translation_report import build_report
from ..site.search.index import FOLDER as SEARCH_FOLDER
from ..site.search.index import deferred_search_files, index_files, write_search_files
from .languages import report_linked
from .log_handlers import WarningCounter
from .preview_files import PREVIEW_FILES, preview_address


def finish_language(build: LanguageBuild, config: MkDocsConfig) -> None:
    """What every language's site gets once its pages are written."""
    sitemap = Path(config.site_dir) / "sitemap.xml"
    shown = build.prefix + "sitemap.xml"
    if sitemap.is_file() and not well_formed(sitemap.read_bytes(), shown):
        sitemap.unlink()  # MkDocs's own, from page addresses: left out, never published
    if build.reuse is not None:
        build.run.used_pages(build.reuse.keys.values())
        log.info(
            msg(
                "Pages ({code}): {reused} reused from cache, {made} made",
                code=build.language.code,
                reused=len(build.reuse.kept),
                made=len(build.reuse.keys) - len(build.reuse.kept),
            )
        )
    report_linked(build)
    _search_files(build, config)


def _search_files(build: LanguageBuild, config: MkDocsConfig) -> None:
    if build.run.serving:
        docs = deferred_search_files(Path(config.site_dir), linked_search_entries(build))
        if docs is not None:
            folder = preview_address(build, SEARCH_FOLDER + "/")
            PREVIEW_FILES.add_made(folder, index_files, docs)
        size = None
    else:
        size = write_search_files(Path(config.site_dir), linked_search_entries(build))
    if size is not None:
        log.info(
            msg("Search index ({code}): {size} bytes", code=build.language.code, size=f"{size:,}")
        )


def finish_run(build: LanguageBuild, config: MkDocsConfig, warnings: WarningCounter) -> None:
    """Every language is built: report, and put the new site in place unless --strict met
    a warning, which ends the build with the problems listed again."""
    run = build.run
    for line in build_report(run.catalogue, run.settings, run.project_dir):
        log.info(msg("Translations: {line}", line=line))
    damaged = take_damaged()
    if damaged:
        log.info(damage_report(damaged))
    logging.getLogger("mkdocs").removeHandler(warnings)
    if not run.finish(warnings.count):
        # Before MkDocs's own English "Aborted with 2 warnings in strict mode!".
        raise Abort(failure_summary(warnings.lines, strict=True))
    PREVIEW_FILES.commit()
    if run.staging:
        config.site_dir = str(run.staging.final)
        # Only after a whole build: every page of every language was looked up.
        build.reuse.cache.prune(run.pages_used, "serve" if run.serving else "build")
