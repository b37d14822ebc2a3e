"""MkDocs's events, each handed to the module that does its work.

One ``mkdocs build`` makes every language. The default language is built into the site
root; meanwhile, in a forked process (``other_languages.py``), the same configuration is
built again once per other language into ``<code>/``, each with its own Material interface
language and its own search index (so Chinese and English results never mix). Everything
is written into a staging folder that replaces the site only when every language succeeded.
See ARCHITECTURE.md for the life of one build.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError, PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..core.disk_cache import CACHE_DIR
from ..core.errors import SourceError, write_problem
from ..core.failure import failure_summary
from ..core.languages import Language
from ..core.log import log
from ..site.build.early_preview import EarlyPreview
from ..site.build.languages import LanguageBuild
from ..site.build.page_cache import PageCache, PageReuse
from ..site.build.page_fields import declare_language
from ..site.build.template_cache import KeptTemplates
from ..site.files.page_qr import prepare_qr_codes
from ..site.pages.links import LanguageLinks
from ..site.pages.untranslated import resolve_menu_links, site_root_path
from . import pages
from .cache_key import site_digest
from .early import start_early_preview
from .files import language_files, settled_files
from .finish import finish_language, finish_run
from .languages import configure_language
from .log_handlers import CONFIG_PROBLEMS, WarningCounter
from .material_search import skip_chinese_segmentation
from .nav import FoldedSections, titled_sections
from .other_languages import OtherLanguages, build_other_languages
from .preview_files import PREVIEW_FILES
from .preview_server import preview_server
from .project import start_site_run
from .quick_render import QuickRender

PAGE_CACHE = CACHE_DIR / "pages"
TEMPLATE_CACHE = CACHE_DIR / "templates"


class SiteBuild:
    """MkDocs event handlers. ``hooks/xuanchuan_hooks.py`` exposes them to MkDocs."""

    def __init__(self):
        self.command: str | None = None
        self.dirty = False
        self.strict = False
        self.project_dir: Path | None = None  # for messages naming files
        self.builds: list[LanguageBuild] = []
        self.pending: Language | None = None  # the next language to build in this run
        self.warnings = WarningCounter()
        self.others: OtherLanguages | None = None  # the other languages, building meanwhile
        self.writing: str | None = None  # the page MkDocs writes next, for a write error
        self.folded = FoldedSections()  # big sections of the navigation being made
        self.early: EarlyPreview | None = None  # answers until the preview's server opens
        self.serving = False  # the preview's own server is open
        self.quick = QuickRender()  # a preview's saved pages, shown before the whole site

    def _stop_early_preview(self) -> None:
        early, self.early = self.early, None
        if early is not None:
            early.stop()

    on_shutdown = _stop_early_preview

    def on_startup(self, *, command, dirty):
        self.command, self.dirty = command, dirty

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        self._stop_early_preview()  # its address is the server's, opened next
        self.serving = True
        return preview_server(server, config, self.warnings.lines, self.quick)

    @contextmanager
    def _working_on(self, build: LanguageBuild):
        """The events work on ``build`` again (a preview's quick pages, after its run)."""
        self.builds.append(build)
        yield  # an error ends the quick pages, and the run that follows clears the list
        self.builds.pop()

    @event_priority(100)  # before Material's search plugin reads the interface language
    def on_config(self, config: MkDocsConfig):
        CONFIG_PROBLEMS.lines.clear()  # MkDocs took mkdocs.yml: its warnings did not stop it
        skip_chinese_segmentation()
        if self.command == "serve" and not self.serving and self.early is None:
            self.early = start_early_preview(config)
        if self.pending is None:
            self.builds.clear()
            PREVIEW_FILES.begin()
            run = self._start_run(config)
            language = run.settings.default
        else:
            run, language = self.builds[0].run, self.pending
        build = LanguageBuild(run, language)
        self.builds.append(build)
        configure_language(config, build)
        config.markdown_extensions.append(LanguageLinks(build.links))
        return config

    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        build = self.builds[-1]
        kept = language_files(files, config, build)
        if build.is_default:
            # Print files are drawn: the other languages need nothing more from this one.
            self.others = OtherLanguages.start(
                self._build_other_languages, build.run, self.warnings
            )
        return settled_files(kept, config, build)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        build = self.builds[-1]
        titled_sections(nav, build)
        # Everything each page shares is settled now; pages are made next. The whole
        # navigation is in the key, folded sections too: their pages show their way down.
        if build.is_default:
            self.quick.listed(files, nav)
        key = site_digest(config, files, nav, build)
        cache = PageCache(build.run.project_dir / PAGE_CACHE, key, remember=build.run.serving)
        build.start_pages(PageReuse(cache))
        self.folded = FoldedSections(files, build.sections)
        return nav

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        build = self.builds[-1]
        env.bytecode_cache = KeptTemplates(build.run.project_dir / TEMPLATE_CACHE)
        if build.is_default:
            self.quick.themed(env)
        # Every page is read by now and none written yet: draw the QR codes of the footers
        # about to be written, on all cores at once.
        urls = [
            context["xc_print_qr"]["url"]
            for key, context in build.contexts.items()
            if context.get("xc_print_qr") and key not in build.reuse.kept
        ]
        prepare_qr_codes(urls, build.run.project_dir / pages.QR_CACHE)
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files):
        self.writing = None  # the page before was written
        return pages.page_markdown(self.builds[-1], page, markdown, config, self.warnings.count)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        build = self.builds[-1]
        if page.file.src_uri in build.reuse.kept:
            return html
        if self.warnings.count != build.warnings_before:
            build.reuse.taint(page.file.src_uri)
        return pages.page_content(build, page, html, config)

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        # After Material's search plugin (plugins come before hooks): it has just indexed
        # this page, unless the page is kept.
        build = self.builds[-1]
        self.folded.show(page)
        context = pages.page_context(build, page, context, config)
        build.count_from(self.warnings.count)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self.folded.hide()
        build = self.builds[-1]
        if self.warnings.count != build.warnings_before:
            build.reuse.taint(page.file.src_uri)
        output = pages.finished_page(build, page, output, config)
        self.writing = page.file.abs_dest_path
        return output

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig):
        # The theme's pages without a source (404.html) name their language too; served at
        # any address, their menus lead to the default language's site by its absolute path.
        build = self.builds[-1]
        output = resolve_menu_links(output_content, None, site_root_path(build.run.site_url))
        return declare_language(build, output)

    @event_priority(-200)  # after search and offline plugins have written their files
    def on_post_build(self, *, config: MkDocsConfig):
        # Left in the list until its run is over: a failure before ends it (on_build_error).
        build = self.builds[-1]
        finish_language(build, config)
        if build.is_default:
            others, self.others = self.others, None
            if others is None:
                self._build_other_languages(build.run)
            else:
                others.finish(build.run, self.warnings)
        self.builds.pop()
        if build.is_default:
            finish_run(build, config, self.warnings)
            if build.run.serving:
                self.quick.built(config, build, self._working_on)
            # The first site is made: MkDocs opens its server on the address next (with
            # --no-livereload too, which has no on_serve).
            self._stop_early_preview()

    @event_priority(-100)  # last: it may end the build with a message instead of a traceback
    def on_build_error(self, *, error):
        others, self.others = self.others, None
        if others is not None:
            others.stop()
        if self.builds:
            build = self.builds.pop()
            if build.is_default:
                logging.getLogger("mkdocs").removeHandler(self.warnings)
                build.run.abort()
        if isinstance(error, Abort):
            return  # already the last words (on_post_build), or the other languages' own
        if isinstance(error, SourceError | OSError | BuildError):
            # A full disk, a read-only folder: the team's to fix, so no traceback.
            if isinstance(error, OSError):
                if not error.filename and self.writing:
                    # MkDocs's write of a page names no file: it is the page just made.
                    error.filename = self.writing
                error = write_problem(error, self.project_dir)
            log.error(str(error))
            problems = [*self.warnings.lines, str(error)]
            raise Abort(failure_summary(problems, strict=self.strict)) from None

    def _start_run(self, config: MkDocsConfig):
        self.project_dir = Path(config.config_file_path or ".").resolve().parent
        self.strict = bool(config.strict)
        try:
            return start_site_run(
                config, serving=self.command == "serve", dirty=self.dirty, counting=self._count
            )
        except PluginError:
            logging.getLogger("mkdocs").removeHandler(self.warnings)
            raise

    def _count(self) -> None:
        # Counted from the first warning on: a campaign problem alone must stop --strict.
        self.warnings = WarningCounter()
        logging.getLogger("mkdocs").addHandler(self.warnings)

    def _build_other_languages(self, run) -> None:
        build_other_languages(run, self._pending)

    def _pending(self, language: Language | None) -> None:
        self.pending = language
