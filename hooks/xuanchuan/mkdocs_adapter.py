"""The one module that knows MkDocs: it turns MkDocs events into calls of the engine.

One ``mkdocs build`` makes every language. The default language is built into the site
root; meanwhile, in a forked process (``OtherLanguages``), the same configuration is built
again once per other language into ``<code>/``, each with its own Material interface
language and its own search index (so Chinese and English results never mix). Everything
is written into a staging folder that replaces the site only when every language succeeded.

The work is done by plain collaborators: ``site.run`` (the inputs of one build),
``site.languages`` (one language's pages), ``site.campaign_pages`` (the pages campaigns
add), ``printing.run`` (print files), ``site.search_files`` and ``site.translation_report``.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import re
import shutil
import signal
from functools import partial
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError, ConfigurationError, PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel, file_sort_key, set_exclusions
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, nest_paths

from .core.disk_cache import CACHE_DIR, add_damaged, damage_report, take_damaged
from .core.errors import Problem, SourceError, shown_path, write_problem
from .core.failure import config_failure_summary, failure_summary
from .core.frontmatter import field_lines
from .core.log import log
from .core.messages import msg, use_language
from .core.project import Project
from .core.settings import (
    Language,
    Settings,
    load_settings,
    messages_language_in,
    messages_language_of,
)
from .core.site_address import link_address_problem, site_url_problem
from .core.source_files import is_private
from .core.strings import language_name
from .core.workers import die_with_parent
from .printing.jobs.draft_mark import draft_copy
from .printing.jobs.run import print_for_site
from .site.build.languages import LanguageBuild
from .site.build.page_cache import PageCache, PageReuse, digest, files_digest, library_versions
from .site.build.preview import Preview, PreviewFiles, watch_promptly
from .site.build.run import Run, start_run
from .site.build.template_cache import KeptTemplates
from .site.campaign_pages.plan import (
    generated_markdown,
    pages_taken,
    plan_campaign_site,
    report_photos,
)
from .site.files.body_files import shown_pictures, with_published_files
from .site.files.page_qr import MOST_PRINTABLE, prepare_qr_codes, qr_version
from .site.files.short_pages import Target, short_pages, team_short_links
from .site.files.web_photos import web_photos
from .site.files.xml_outputs import well_formed
from .site.pages.links import LanguageLinks
from .site.pages.plain_text import as_html, plain_text_titles
from .site.pages.print_footer import FooterTemplates
from .site.pages.section_lists import titles_script
from .site.pages.sources import Theme
from .site.pages.translation_report import build_report
from .site.pages.untranslated import menu_with_links, resolve_menu_links, site_root_path
from .site.reports.pages import NEWS_FEED
from .site.search.index import FOLDER as SEARCH_FOLDER
from .site.search.index import deferred_search_files, index_files, write_search_files

QR_CACHE = CACHE_DIR / "qr"
PAGE_CACHE = CACHE_DIR / "pages"
TEMPLATE_CACHE = CACHE_DIR / "templates"
# The print files a preview serves from the cache; one server per process, many rebuilds.
PREVIEW_FILES = PreviewFiles()
# The template that writes a kept page as it was (overrides/xc-kept.html).
KEPT_TEMPLATE = "xc-kept.html"
FEED_CACHE = CACHE_DIR / "feeds"
PHOTO_CACHE = CACHE_DIR / "photos"
ARTICLE_CACHE = CACHE_DIR / "wechat"
DRAFT_CACHE = CACHE_DIR / "drafts"
# What the theme and the engine write into every language's site after the files are
# copied (the search index's folder besides): a team file there would be replaced.
WRITTEN_AFTER = frozenset({"sitemap.xml", "sitemap.xml.gz", "404.html"})

# jieba announces loading its dictionary on every build; that is noise for the team.
logging.getLogger("jieba").setLevel(logging.WARNING)


class _WriteErrorEcho(logging.Filter):
    """MkDocs reports a page it could not write ("Error building page 'x': [Errno 28] ...")
    in English before the build ends; ``on_build_error`` says the same in the team's
    language, naming the file and what to do, so MkDocs's line is left out."""

    pattern = re.compile(r"Error building page '.*': \[Errno \d+\]")

    def filter(self, record):
        return not self.pattern.match(str(record.msg))


logging.getLogger("mkdocs.commands.build").addFilter(_WriteErrorEcho())


class _ConfigProblems(logging.Handler):
    """MkDocs checks mkdocs.yml before any event and, when it refuses it, ends in English
    ("Aborted with a configuration error!"). The hooks are loaded while it checks, so this
    hears its complaints and, when the process ends without a build having started, names
    them again in the team's language as the last lines."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record):
        text = record.getMessage()
        if text.startswith("Config value '"):
            self.lines.append(text)

    def tell_at_exit(self) -> None:
        if not self.lines:
            return
        use_language(messages_language_in(_config_text()))
        import sys

        print(config_failure_summary(self.lines), file=sys.stderr)


def _config_text() -> str:
    """mkdocs.yml as written (the one ``-f`` names), or "" if it cannot be read."""
    import sys

    arguments = sys.argv[1:]
    path = "mkdocs.yml"
    for flag in ("-f", "--config-file"):
        if flag in arguments[:-1]:
            path = arguments[arguments.index(flag) + 1]
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


_CONFIG_PROBLEMS = _ConfigProblems()
logging.getLogger("mkdocs.config").addHandler(_CONFIG_PROBLEMS)
atexit.register(_CONFIG_PROBLEMS.tell_at_exit)


class _WarningCounter(logging.Handler):
    """Counts the warnings of a whole run, so a strict build is never swapped into place,
    and keeps their words, so a failed build ends by listing them again."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.count = 0
        self.lines: list[str] = []

    def emit(self, record):
        self.count += 1
        self.lines.append(record.getMessage())


class SiteBuild:
    """MkDocs event handlers. ``hooks/xuanchuan_hooks.py`` exposes them to MkDocs."""

    def __init__(self):
        self.command: str | None = None
        self.dirty = False
        self.strict = False
        self.project_dir: Path | None = None  # for messages naming files
        self.builds: list[LanguageBuild] = []
        self.pending: Language | None = None  # the next language to build in this run
        self.warnings = _WarningCounter()
        self.others: OtherLanguages | None = None  # the other languages, building meanwhile
        self.writing: str | None = None  # the page MkDocs writes next, for a write error
        self.folded = FoldedSections()  # big sections of the navigation being made

    def on_startup(self, *, command, dirty):
        self.command = command
        self.dirty = dirty

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        # MkDocs' own server stops answering after a failed rebuild (it waits for a good
        # one); guarded, it goes on serving the last good site with a notice of the problem.
        preview = Preview()
        preview.started_with(self.warnings.lines)
        server.builder = preview.guarded(server.builder)
        server.set_app(preview.with_notice(PREVIEW_FILES.wrap(server.get_app())))
        watch_promptly(server)
        return server

    @event_priority(100)  # before Material's search plugin reads the interface language
    def on_config(self, config: MkDocsConfig):
        _CONFIG_PROBLEMS.lines.clear()  # MkDocs took mkdocs.yml: its warnings did not stop it
        if self.pending is None:
            self.builds.clear()
            PREVIEW_FILES.begin()
            run = self._start_run(config)
            language = run.settings.default
        else:
            run, language = self.builds[0].run, self.pending
        build = LanguageBuild(run, language)
        self.builds.append(build)
        _configure_language(config, build)
        config.markdown_extensions.append(LanguageLinks(build.links))
        return config

    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        build = self.builds[-1]
        # Material shows the language menu (partials/alternate.html) when this is set, and
        # writes <link rel="alternate"> only when it is a list: main.html writes each page's
        # own, to the same page in each language, instead of the languages' home pages.
        config.extra["alternate"] = True
        kept = [file for file in files if _published(file, config)]
        catalogue = build.run.catalogue
        build.use_directory_urls = config.use_directory_urls
        for key in sorted(catalogue.pages):
            if build.run.untranslated.linked(key, build.language.code):
                build.linked.append(key)
                continue
            source, _, fallback = catalogue.source(key, build.language.code)
            if fallback:
                build.fallbacks.add(key)
            kept.append(_file_reading(key, source, config))
        kept.extend(_campaign_files(config, build))
        if config.nav is None:
            # Written in mkdocs.yml, the navigation is the team's own: nothing is folded.
            kept.extend(_section_files(config, build, kept))
        kept.extend(_short_files(config, build, kept))
        if build.is_default:
            # Print files are drawn: the other languages need nothing more from this one.
            self.others = OtherLanguages.start(self, build.run)
        kept = _without_clashes(kept, config, build)
        if build.run.serving:
            kept = [_served_in_place(file, build) for file in kept]
        files = Files(kept)
        if build.linked:
            config.nav = _menu_with_links(config, files, build)
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        build = self.builds[-1]
        for section in _sections(nav.items):
            keys = (_menu_key(build, child) for child in section.children)
            index = next((key for key in keys if key.endswith("index.md")), None)
            title = build.section_title(index) if index else None
            if title:
                section.title = title
        plain_text_titles(nav.items)
        # Everything each page shares is settled now; pages are made next. The whole
        # navigation is in the key, folded sections too: their pages show their way down.
        cache = PageCache(
            build.run.project_dir / PAGE_CACHE, _site_digest(config, files, nav, build)
        )
        build.reuse = PageReuse(cache)
        self.folded = FoldedSections(files, build.sections)
        return nav

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        build = self.builds[-1]
        env.bytecode_cache = KeptTemplates(build.run.project_dir / TEMPLATE_CACHE)
        # Every page is read by now and none written yet: draw the QR codes of the footers
        # about to be written, on all cores at once.
        urls = [
            context["xc_print_qr"]["url"]
            for key, context in build.contexts.items()
            if context.get("xc_print_qr") and key not in build.reuse.kept
        ]
        prepare_qr_codes(urls, build.run.project_dir / QR_CACHE)
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files):
        self.writing = None  # the page before was written
        build = self.builds[-1]
        key = page.file.src_uri
        page.meta = build.page_meta(key, page.meta)
        markdown = build.page_markdown(key, markdown)
        if build.footers is None:
            build.footers = FooterTemplates(config.theme.get_env())
        prints_footer = build.footers.prints(page.meta.get("template", "main.html"))
        context = build.page_context(key, page.url, prints_footer)
        build.contexts[key] = context
        if build.reuse.look_up(
            key, page.url, page.meta, markdown, context, needs=build.kept_needs(key)
        ):
            # Written as it was: nothing to render, nothing for search to cut into words.
            page.meta = {**page.meta, "template": KEPT_TEMPLATE, "search": {"exclude": True}}
            # Nor a Markdown converter to set up for it (MkDocs makes one per page).
            page.render = _nothing_to_render.__get__(page)
            return ""
        # The page renders next: its links are resolved from where it is.
        build.links.key, build.links.url = key, page.url
        build.links.use_directory_urls = config.use_directory_urls
        build.warnings_before = self.warnings.count
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        build = self.builds[-1]
        if page.file.src_uri in build.reuse.kept:
            return html
        if self.warnings.count != build.warnings_before:
            build.reuse.taint(page.file.src_uri)
        planned = build.planned.get(page.file.src_uri)
        if planned and planned.article:
            build.article_bodies[page.file.src_uri] = html  # the body alone, for its article
        if planned and planned.context.get("xc_pictures"):
            # The pictures and files of the body, as the site publishes them (the article
            # above embeds the originals).
            html = with_published_files(html, page.url, planned.context["xc_pictures"])
        if planned and planned.fragment:
            # Rendered into the content, not the template, so search indexes it too.
            if build.env is None:
                build.env = config.theme.get_env()
            fragment = build.env.get_template(planned.fragment)
            # base_url lets the fragment's links pass through MkDocs' own url filter.
            base_url = get_relative_url(".", page.url)
            made = fragment.render(**planned.context, page=page, config=config, base_url=base_url)
            html = made + html
        return html

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        # After Material's search plugin (plugins come before hooks): it has just indexed
        # this page, unless the page is kept.
        build = self.builds[-1]
        key = page.file.src_uri
        made = build.contexts.pop(key)
        self.folded.show(page)
        kept = build.reuse.kept.get(key)
        if kept is not None:
            context.update(made)
            context["xc_kept_output"] = kept.output
        else:
            context.update(build.with_footer_code(made, build.run.project_dir / QR_CACHE))
        search = config.plugins.get("material/search")
        if search is not None and getattr(search, "search_index", None) is not None:
            build.reuse.indexed(key, search.search_index.entries)
        build.warnings_before = self.warnings.count
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self.folded.hide()
        build = self.builds[-1]
        output = build.declare_language(output)
        output = resolve_menu_links(output, build.prefix + page.url, "")
        key = page.file.src_uri
        if self.warnings.count != build.warnings_before:
            build.reuse.taint(key)
        article = build.page_article(key, build.run.project_dir / ARTICLE_CACHE)
        extras = None
        if article is not None:
            path, made, extras = article
            if build.run.serving:
                PREVIEW_FILES.add(_preview_address(build, path), str(made))
            else:
                target = Path(config.site_dir) / path
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(made, target)
        build.reuse.finished(key, output, extras)
        self.writing = page.file.abs_dest_path
        return output

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig):
        # The theme's pages without a source (404.html) name their language too; served at
        # any address, their menus lead to the default language's site by its absolute path.
        build = self.builds[-1]
        output = resolve_menu_links(output_content, None, site_root_path(build.run.site_url))
        return build.declare_language(output)

    @event_priority(-200)  # after search and offline plugins have written their files
    def on_post_build(self, *, config: MkDocsConfig):
        build = self.builds[-1]
        sitemap = Path(config.site_dir) / "sitemap.xml"
        shown = build.prefix + "sitemap.xml"
        if sitemap.is_file() and not well_formed(sitemap.read_bytes(), shown):
            sitemap.unlink()  # MkDocs's own, from page addresses: left out, never published
        if build.reuse is not None:
            build.run.pages_used.update(build.reuse.keys.values())
            log.info(
                msg(
                    "Pages ({code}): {reused} reused from cache, {made} made",
                    code=build.language.code,
                    reused=len(build.reuse.kept),
                    made=len(build.reuse.keys) - len(build.reuse.kept),
                )
            )
        _report_linked(build)
        if build.run.serving:
            docs = deferred_search_files(Path(config.site_dir), build.linked_search_entries())
            if docs is not None:
                folder = _preview_address(build, SEARCH_FOLDER + "/")
                PREVIEW_FILES.add_made(folder, index_files, docs)
            size = None
        else:
            size = write_search_files(Path(config.site_dir), build.linked_search_entries())
        if size is not None:
            log.info(
                msg(
                    "Search index ({code}): {size} bytes",
                    code=build.language.code,
                    size=f"{size:,}",
                )
            )
        if build.is_default:
            run = build.run
            others, self.others = self.others, None
            if others is None:
                self._build_other_languages(run)
            else:
                others.finish(run, self.warnings)
            for line in build_report(run.catalogue, run.settings, run.project_dir):
                log.info(msg("Translations: {line}", line=line))
            damaged = take_damaged()
            if damaged:
                log.info(damage_report(damaged))
            logging.getLogger("mkdocs").removeHandler(self.warnings)
            finished = run.finish(self.warnings.count)
            if finished:
                PREVIEW_FILES.commit()
                if run.staging:
                    config.site_dir = str(run.staging.final)
                    # Only after a whole build: every page of every language was looked up.
                    build.reuse.cache.prune(run.pages_used, "serve" if run.serving else "build")
            self.builds.pop()
            if not finished:
                # Before MkDocs's own English "Aborted with 2 warnings in strict mode!".
                raise Abort(failure_summary(self.warnings.lines, strict=True))
            return
        self.builds.pop()

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

    # -- steps -----------------------------------------------------------------------------

    def _start_run(self, config: MkDocsConfig) -> Run:
        project_dir = Path(config.config_file_path or ".").resolve().parent
        serving = self.command == "serve"
        self.project_dir = project_dir
        self.strict = bool(config.strict)
        # A preview still leads readers to the published address (None without one: then
        # no QR code, as in a build, never one of the preview's own address).
        published = _published_site_url(config) if serving else config.site_url
        if published:
            # MkDocs put the preview's own address here; it serves under the published
            # one's path whatever this says. With the published address, preview pages are
            # the build's pages: each reuses what the other kept.
            config.site_url = published
        try:
            settings = _settings_of(config)
            draft = serving or _check_site_address(config, published, self.strict)
            # Counted from the first warning on: a campaign problem alone must stop --strict.
            self.warnings = _WarningCounter()
            logging.getLogger("mkdocs").addHandler(self.warnings)
            run = start_run(
                settings,
                project_dir=project_dir,
                docs_dir=Path(config.docs_dir),
                config_file=config.config_file_path,
                site_dir=config.site_dir,
                site_url=config.site_url,
                overrides_dir=Path(config.theme.custom_dir or project_dir / "overrides"),
                strict=bool(config.strict),
                serving=serving,
                # A dirty preview rebuilds changed pages only, in place.
                staged=not (serving and self.dirty),
                theme=_theme_of(config),
                published_url=published,
            )
            run.draft = draft
        except SourceError as error:
            logging.getLogger("mkdocs").removeHandler(self.warnings)
            raise PluginError(str(error)) from None
        _check_printed_addresses(run)
        run.site_name = config.site_name  # before a language's own replaces it
        campaigns_dir = project_dir / settings.campaigns_dir
        if serving and campaigns_dir.is_dir():  # watching a missing folder stops the server
            config.watch.append(str(campaigns_dir))
        config.site_dir = str(run.output_dir)
        return run

    def _build_other_languages(self, run: Run) -> None:
        for language in run.settings.languages[1:]:
            log.info(
                msg(
                    "Building the {name} site ({code}/)",
                    name=language_name(language.code, language.name),
                    code=language.code,
                )
            )
            self.pending = language
            try:
                config = load_config(config_file=run.config_file, strict=run.strict)
                serve_url = (run.site_url or "/") if run.serving else None
                mkdocs_build(config, serve_url=serve_url)
            finally:
                self.pending = None


class FoldedSections:
    """The sections of the navigation that show as one entry, their list's first page
    (site/section_lists.py): Material writes a page's whole section into it.

    While a page inside one is made, the section shows the way down to that page, and only
    that: the reader sees where the page is, and the section's entry leads back to its list.
    """

    def __init__(self, files: Files | None = None, plan=None):
        self.index: dict[int, Page] = {}  # by id(): MkDocs' sections compare by title
        self.sections: list[Section] = []
        self.opened: list[Section] = []
        for listed in plan.lists if plan else ():
            found = files.get_file_from_path(listed.index_key)
            index = found.page if found is not None else None
            section = index.parent if index is not None else None
            if section is None:
                continue
            for key in listed.list_keys[1:]:
                # Made active with the section while they are shown, as pages of it.
                files.get_file_from_path(key).page.parent = section
            self.index[id(section)] = index
            self.sections.append(section)
            section.children = [index]

    def show(self, page: Page) -> None:
        below = page
        for section in page.ancestors:
            index = self.index.get(id(section))
            if index is not None:
                section.children = [index] if below is index else [index, below]
                self.opened.append(section)
            below = section

    def hide(self) -> None:
        for section in self.opened:
            section.children = [self.index[id(section)]]
        self.opened.clear()


class OtherLanguages:
    """The other languages' sites, built in a forked process while this one builds the
    default language's: on two cores a cold build's site part takes nearly half as long.

    The child builds exactly as the build would have in turn (``_build_other_languages``),
    writing into the same staging folder, and reports back what the parent needs to finish
    the run: its warnings (for --strict), the kept pages it used, and how it failed.
    """

    def __init__(self, pid: int, reader: int):
        self.pid, self.reader = pid, reader

    @classmethod
    def start(cls, site: SiteBuild, run: Run) -> OtherLanguages | None:
        if len(run.settings.languages) < 2 or not hasattr(os, "fork"):
            return None
        reader, writer = os.pipe()
        for handler in logging.getLogger().handlers + logging.getLogger("mkdocs").handlers:
            handler.flush()
        parent = os.getpid()
        pid = os.fork()
        if pid:
            os.close(writer)
            return cls(pid, reader)
        die_with_parent(parent)
        os.close(reader)
        # What this process adds is handed over at the end; the parent counts its own.
        PREVIEW_FILES.begin()
        take_damaged()
        outcome: dict = {"failure": None}
        before, told = site.warnings.count, len(site.warnings.lines)
        try:
            site._build_other_languages(run)
        except Abort as error:
            outcome["failure"] = ["abort", str(error)]
        except BaseException as error:  # reported by the parent, which ends the build
            outcome["failure"] = ["error", f"{type(error).__name__}: {error}"]
        outcome["warnings"] = site.warnings.count - before
        outcome["lines"] = site.warnings.lines[told:]
        outcome["pages"] = sorted(run.pages_used)
        outcome["preview"] = PREVIEW_FILES.taken() if run.serving else None
        outcome["damaged"] = take_damaged()
        for handler in logging.getLogger().handlers + logging.getLogger("mkdocs").handlers:
            handler.flush()
        with os.fdopen(writer, "w", encoding="utf-8") as stream:
            json.dump(outcome, stream)
        os._exit(0)

    def finish(self, run: Run, warnings: _WarningCounter) -> None:
        """Wait for the other languages; count their warnings in ``warnings``. Their
        failure ends this build, listing this language's problems and theirs."""
        with os.fdopen(self.reader, encoding="utf-8") as stream:
            text = stream.read()
        _, status = os.waitpid(self.pid, 0)
        try:
            outcome = json.loads(text)
        except ValueError:
            outcome = {"failure": ["error", f"the build of the other languages ended ({status})"]}
        run.pages_used.update(outcome.get("pages", ()))
        if outcome.get("preview"):
            PREVIEW_FILES.take(outcome["preview"])
        add_damaged(int(outcome.get("damaged", 0)))
        warnings.count += int(outcome.get("warnings", 0))
        warnings.lines += [str(line) for line in outcome.get("lines", ())]
        failure = outcome.get("failure")
        if failure:
            kind, message = failure
            if kind == "abort":
                raise Abort(failure_summary(warnings.lines, strict=run.strict))
            raise PluginError(message)

    def stop(self) -> None:
        """This build failed first: the other languages' build is of no use."""
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        os.close(self.reader)


def _menu_with_links(config: MkDocsConfig, files: Files, build: LanguageBuild):
    """The ``nav`` setting of a language that leaves pages out: the team's, or the one MkDocs
    would make with those pages in it, each of them a link to the default language's page."""
    run = build.run
    default = run.settings.default.code
    linked = {
        key: (
            as_html(run.catalogue.title(key, default)),
            run.untranslated.menu_url(key, build.language.code, config.use_directory_urls),
        )
        for key in build.linked
    }
    build.menu_links = {url: key for key, (_, url) in linked.items()}
    nav = config.nav
    if nav is None:
        placeholders = [
            File(key, config.docs_dir, config.site_dir, config.use_directory_urls)
            for key in build.linked
        ]
        # As MkDocs makes it: index pages first, folders last, each file as the team set it.
        set_exclusions([*files, *placeholders], config)
        pages = [*files.documentation_pages(), *placeholders]
        in_menu = sorted((file for file in pages if file.inclusion.is_in_nav()), key=file_sort_key)
        nav = nest_paths(file.src_uri for file in in_menu)
    return menu_with_links(nav, linked)


def _without_clashes(files: list[File], config: MkDocsConfig, build: LanguageBuild) -> list[File]:
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


def _menu_key(build: LanguageBuild, item) -> str:
    """The page a menu entry shows: its source name, or the page a link stands for."""
    if isinstance(item, Page):
        return item.file.src_uri
    if isinstance(item, Link):
        return build.menu_links.get(item.url, "")
    return ""


def _report_linked(build: LanguageBuild) -> None:
    if build.linked:
        default = build.run.settings.default
        log.info(
            msg(
                "Pages ({code}): {count} not translated, linked to the {language} pages instead",
                code=build.language.code,
                count=len(build.linked),
                language=language_name(default.code, default.name),
            )
        )


def _nothing_to_render(page: Page, config: MkDocsConfig, files: Files) -> None:
    page.content = ""


def _site_digest(config: MkDocsConfig, files: Files, nav: Navigation, build) -> str:
    """What every page of this language's site depends on (see site/page_cache.py)."""
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
        files_digest([Path(__file__).parent], ("*.py", "*.yml", "*.txt")),
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
            title = build.page_meta(item.file.src_uri, {}).get("title") or item.title
            outline.append(["page", item.file.src_uri, item.url, title])
        else:
            outline.append(["link", getattr(item, "title", None), getattr(item, "url", None)])
    return outline


def _published_site_url(config: MkDocsConfig) -> str | None:
    """site_url as mkdocs.yml writes it: ``mkdocs serve`` replaces it with the preview's
    own address before any event sees the configuration."""
    import yaml
    from mkdocs.utils.yaml import yaml_load

    try:
        with open(config.config_file_path, "rb") as stream:
            written = yaml_load(stream)  # INHERIT and !ENV as MkDocs reads them
    except (OSError, TypeError, ValueError, yaml.YAMLError):
        return None  # MkDocs itself read it a moment ago: only a file changed since fails
    url = written.get("site_url") if isinstance(written, dict) else None
    return url if isinstance(url, str) and url.strip() else None


def _check_site_address(config: MkDocsConfig, url: str | None, strict: bool) -> bool:
    """Refuse an address no phone should open; whether a build's print files are drafts:
    with a placeholder address (example.org, none at all) they would lead nowhere, so a
    strict build stops, and any other build marks them 样稿 / DRAFT and says so.

    XUANCHUAN_DRAFT=1 asks for drafts knowingly (``scripts/build.sh`` before ``init``)."""
    path = Path(config.config_file_path or "mkdocs.yml")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        text = ""
    found = site_url_problem(url, path.name, text)
    if found is not None and found[1]:
        raise SourceError(found[0])
    _check_link_addresses(config, path.name, field_lines(text))
    if found is None:
        return False
    placeholder = found[0]
    if os.environ.get("XUANCHUAN_DRAFT") == "1":
        log.info(msg("Drafts: {problem}", problem=str(placeholder)))
    elif strict:
        raise SourceError(placeholder)
    else:
        log.warning(
            msg("{problem} Print files are marked as drafts until then.", problem=str(placeholder))
        )
    return True


def _check_link_addresses(config: MkDocsConfig, name: str, lines: dict[str, int]) -> None:
    """The other addresses of mkdocs.yml the theme turns into links: web, e-mail or
    telephone addresses only, never one that runs script when a reader taps it."""
    found = [("repo_url", config.repo_url)]
    social = config.extra.get("social")
    if isinstance(social, list):
        found += [
            (f"extra.social[{number}].link", item.get("link"))
            for number, item in enumerate(social, start=1)
            if isinstance(item, dict)
        ]
    problems = [
        Problem(name, lines.get(key), key, problem)
        for key, value in found
        if value and (problem := link_address_problem(value)) is not None
    ]
    if problems:
        raise SourceError(problems)


def _check_printed_addresses(run: Run) -> None:
    """A long site_url makes every printed QR code dense, however short its page's code."""
    longest = run.longest_short_address()
    version = qr_version(longest) if longest else 0
    if version > MOST_PRINTABLE:
        log.warning(
            msg(
                "mkdocs.yml: site_url: {url} is long: printed QR codes hold up to {address} "
                "and need version {version} (more than {most}): such a dense code is hard to "
                "scan at the size posters print it. Publish the site at a shorter address if "
                "you can.",
                url=run.published_url,
                address=longest,
                version=version,
                most=MOST_PRINTABLE,
            )
        )


def _configure_language(config: MkDocsConfig, build: LanguageBuild) -> None:
    code = build.language.code
    if not build.is_default:
        config.site_dir = str(build.site_dir)
        config.site_url = build.run.language_site_url(code)
    _use_material_language(config, code)
    # Material mirrors its layout (menus, sidebars, icons) for "rtl".
    config.theme["direction"] = build.language.dir
    _report_untranslated_texts(build)
    # The site's name and description are plain text; Material prints them as HTML.
    config.site_name = as_html(build.language.site_name or config.site_name)
    description = build.language.site_description or config.site_description
    config.site_description = as_html(description) if description else description


def _use_material_language(config: MkDocsConfig, code: str) -> None:
    """Material's interface (search box, buttons) and search defaults in ``code``."""
    config.theme["language"] = code
    if not any(
        Path(d, "partials", "languages", f"{code}.html").is_file() for d in config.theme.dirs
    ):
        log.info(
            msg(
                "Material for MkDocs has no interface texts for '{code}': its buttons show in "
                "English. Add overrides/partials/languages/{code}.html to translate them.",
                code=code,
            )
        )
        config.theme["language"] = "en"


def _report_untranslated_texts(build: LanguageBuild) -> None:
    missing = build.translator.untranslated()
    if missing:
        log.info(
            msg(
                "{count} of the site's own texts (menus, campaign labels, dates) have no "
                "'{code}' translation and show in English. To translate them, add a "
                "'{code}:' line to each text in hooks/xuanchuan/core/strings.yml.",
                count=len(missing),
                code=build.language.code,
            )
        )


def _theme_of(config: MkDocsConfig) -> Theme:
    """The template folders (overrides first) and the statuses a page may name."""
    statuses = config.extra.get("status")
    return Theme(
        tuple(Path(folder) for folder in config.theme.dirs),
        tuple(statuses) if isinstance(statuses, dict) else (),
    )


def _campaign_files(config: MkDocsConfig, build: LanguageBuild) -> list[File]:
    run = build.run
    if run.prints is None:
        # Drawn in the default language's on_files, once per run: only then are the
        # site's URLs settled (the offline plugin changes them after on_config), and the
        # QR codes need them.
        project = Project(
            run.settings,
            run.project_dir,
            Path(config.docs_dir),
            run.overrides_dir,
            run.published_url,
            config.use_directory_urls,
            run.short_links,
        )
        run.prints = print_for_site(
            run.campaigns,
            project,
            today=run.today,
            organizations={code: run.organization_of(code) for code in run.settings.codes},
        )
        # Report photos, and the pictures campaign and report bodies show.
        shown = report_photos(run.campaigns) + shown_pictures(run.campaigns)
        run.photos = web_photos(shown, run.project_dir / PHOTO_CACHE)
    code = build.language.code
    plan = plan_campaign_site(
        run.campaigns,
        code=code,
        types=run.settings.campaign_types,
        t=build.translator,
        today=run.today,
        use_directory_urls=config.use_directory_urls,
        site_url=run.published_address(code),
        timezone=run.settings.timezone,
        stamp=run.stamp,
        print_files=lambda campaign: run.prints.for_campaign(campaign.slug, code),
        summary_files=lambda year: run.prints.summary(year, code),
        cache_dir=run.project_dir / FEED_CACHE,
        prefix=build.prefix,
        photos=run.photos,
        publishes_photos=build.is_default,
        author=unescape(str(config.site_name)),
        direction=build.language.dir,
        wechat_articles=run.settings.wechat_articles,
    )
    files = []
    if build.is_default:
        for message in pages_taken(plan.pages, run.catalogue.pages):
            log.warning(message)
    for planned in plan.pages:
        build.planned[planned.key] = planned
        if planned.is_fallback:
            build.fallbacks.add(planned.key)
        if planned.source is not None:
            file = _file_reading(planned.key, planned.source, config)
        else:
            file = File.generated(config, planned.key, content=generated_markdown(planned.title))
        if not planned.in_nav:
            file.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(file)
    # Drawn files' paths are made from the project's folder, as written: no need to resolve.
    cache = build.run.project_dir / CACHE_DIR
    for key, path in plan.assets:
        drawn = Path(os.path.abspath(path)).is_relative_to(cache)
        if drawn:
            build.print_files.add(key)
        marked = partial(
            draft_copy, url=_printed_address(build, key), cache_dir=run.project_dir / DRAFT_CACHE
        )
        if drawn and build.run.serving:
            # Served from the cache by the preview's server, not copied (site/preview.py),
            # as a draft: marked when first asked for.
            PREVIEW_FILES.add_marked(_preview_address(build, key), str(path), marked)
        elif drawn and build.run.draft:
            files.append(_file_reading(key, marked(path), config))
        else:
            files.append(_file_reading(key, path, config))
    for key, path in plan.link_targets:
        files.append(_link_target(key, path, config))
    files.append(File.generated(config, "calendar.ics", content=plan.feed))
    if plan.news_feed and well_formed(plan.news_feed, build.prefix + NEWS_FEED):
        files.append(File.generated(config, NEWS_FEED, content=plan.news_feed))
    return files


def _printed_address(build: LanguageBuild, key: str) -> str | None:
    """Where the QR code of the print file ``key`` leads: its campaign page's short
    address, or the language's home for a file of no campaign (a year's summary)."""
    run, code = build.run, build.language.code
    parts = key.split("/")
    if len(parts) > 2 and parts[0] == "campaigns":
        page = f"campaigns/{parts[1]}/index.md"
        short = run.short_address(code, run.short_links.codes(code).code(page))
        if short:
            return short
    return run.published_address(code)


def _preview_address(build: LanguageBuild, key: str) -> str:
    """The address the preview's server answers at for the file ``key`` of ``build``."""
    return urlsplit(build.run.site_url or "/").path.rstrip("/") + "/" + build.prefix + key


def _short_files(config: MkDocsConfig, build: LanguageBuild, files: list[File]) -> list[File]:
    """The short pages of this language (``s/<code>.html``), one for each of its pages."""
    pages = {file.src_uri: file for file in files if file.is_documentation_page()}
    build.short_codes = build.run.short_links.codes(build.language.code).with_pages(pages)
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


def _section_files(config: MkDocsConfig, build: LanguageBuild, files: list[File]) -> list[File]:
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


def _published(file: File, config: MkDocsConfig) -> bool:
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


def _settings_of(config: MkDocsConfig) -> Settings:
    """The engine's settings, with mkdocs.yml line numbers for any problem."""
    path = Path(config.config_file_path or "mkdocs.yml")
    try:
        lines = field_lines(path.read_text(encoding="utf-8"))
    except OSError:
        lines = {}
    raw = config.extra.get("xuanchuan")
    # Even a problem in the settings themselves is told in the team's language.
    use_language(messages_language_of(raw))
    settings = load_settings(raw, path.name, lines)
    use_language(settings.messages)
    return settings


class _LinkTarget(File):
    """A file pages link to that this language's site does not publish: MkDocs checks the
    links against it, and the pages are given the published file (site/body_files.py).
    In a preview, also a file the preview's server answers for from where it is."""

    def copy_file(self, dirty: bool = False) -> None:
        pass


def _served_in_place(file: File, build: LanguageBuild) -> File:
    """In a preview, a file copied as it is (the theme's scripts and styles, the team's
    pictures and attachments) is served from where it is instead, and one made in memory
    (a page's short page, a feed) from memory: a rebuild writes a whole new site, and
    writing thousands of unchanged files was a good part of its wait."""
    if file.is_documentation_page():
        return file
    if file.generated_by:
        PREVIEW_FILES.add_content(_preview_address(build, file.dest_uri), file.content_bytes)
    elif file.abs_src_path:
        PREVIEW_FILES.add(_preview_address(build, file.dest_uri), file.abs_src_path)
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


def _link_target(key: str, source: Path, config: MkDocsConfig) -> File:
    file = _LinkTarget(key, config.docs_dir, config.site_dir, config.use_directory_urls)
    file.abs_src_path = str(source)
    return file


def _file_reading(key: str, source: Path, config: MkDocsConfig) -> File:
    """A file of the site named ``key`` whose content is read from ``source``.

    Pages keep their language-free name (links such as `about.md` work in every language)
    but read the language's own file.
    """
    file = File(key, config.docs_dir, config.site_dir, config.use_directory_urls)
    file.abs_src_path = str(source)
    return file


def _sections(items):
    for item in items:
        if isinstance(item, Section):
            yield item
            yield from _sections(item.children)


def read_project(config_file: Path) -> Project:
    if not config_file.is_file():
        raise SourceError(
            Problem(str(config_file), None, None, msg("not found: expected the site's mkdocs.yml"))
        )
    try:
        config = load_config(config_file=str(config_file))
    except ConfigurationError as error:
        raise SourceError(Problem(str(config_file), None, None, str(error))) from None
    project_dir = config_file.resolve().parent
    settings = _settings_of(config)
    overrides = config.theme.custom_dir or str(project_dir / "overrides")
    # Material's offline plugin turns directory URLs off when the site is built.
    offline = config.plugins.get("material/offline")
    directory_urls = config.use_directory_urls and not (
        offline is not None and offline.config.get("enabled", True)
    )
    return Project(
        settings,
        project_dir,
        Path(config.docs_dir),
        Path(overrides),
        site_url=config.site_url,
        use_directory_urls=directory_urls,
        short_links=team_short_links(settings, Path(config.docs_dir), project_dir),
    )
