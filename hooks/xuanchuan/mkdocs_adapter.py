"""The one module that knows MkDocs: it turns MkDocs events into calls of the engine.

One ``mkdocs build`` makes every language. The default language is built first, into the
site root; at its end, the same configuration is built again once per other language into
``<code>/``, each with its own Material interface language and its own search index (so
Chinese and English results never mix). Everything is written into a staging folder that
replaces the site only when every language succeeded.

The work is done by plain collaborators: ``site.run`` (the inputs of one build),
``site.languages`` (one language's pages), ``site.campaign_pages`` (the pages campaigns
add), ``printing.run`` (print files), ``site.search_index`` and ``site.translation_report``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .core.disk_cache import CACHE_DIR
from .core.errors import Problem, SourceError
from .core.frontmatter import field_lines
from .core.log import log
from .core.project import Project
from .core.settings import Language, Settings, load_settings
from .printing.run import print_for_site
from .site.campaign_pages import generated_markdown, plan_campaign_site
from .site.languages import LanguageBuild
from .site.page_links import LanguageLinks
from .site.page_qr import prepare_qr_codes
from .site.pages import Theme
from .site.run import Run, start_run
from .site.search_index import compact_search_index
from .site.translation_report import translation_report

QR_CACHE = CACHE_DIR / "qr"
FEED_CACHE = CACHE_DIR / "feeds"

# jieba announces loading its dictionary on every build; that is noise for the team.
logging.getLogger("jieba").setLevel(logging.WARNING)


class _WarningCounter(logging.Handler):
    """Counts the warnings of a whole run, so a strict build is never swapped into place."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


class SiteBuild:
    """MkDocs event handlers. ``hooks/xuanchuan_hooks.py`` exposes them to MkDocs."""

    def __init__(self):
        self.command: str | None = None
        self.builds: list[LanguageBuild] = []
        self.pending: Language | None = None  # the next language to build in this run
        self.warnings = _WarningCounter()

    def on_startup(self, *, command, dirty):
        self.command = command

    @event_priority(100)  # before Material's search plugin reads the interface language
    def on_config(self, config: MkDocsConfig):
        if self.pending is None:
            self.builds.clear()
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
        # Set here, not in on_config: the offline plugin decides on directory URLs after
        # us, and from a folder a link must name index.html.
        config.extra["alternate"] = build.menu("" if config.use_directory_urls else "index.html")
        kept = [
            file
            for file in files
            if not (file.is_documentation_page() and file.src_dir == config.docs_dir)
        ]
        catalogue = build.run.catalogue
        for key in sorted(catalogue.pages):
            source, _, fallback = catalogue.source(key, build.language.code)
            if fallback:
                build.fallbacks.add(key)
            kept.append(_file_reading(key, source, config))
        kept.extend(_campaign_files(config, build))
        return Files(kept)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        build = self.builds[-1]
        for section in _sections(nav.items):
            index = next(
                (
                    child.file.src_uri
                    for child in section.children
                    if isinstance(child, Page) and child.file.src_uri.endswith("index.md")
                ),
                None,
            )
            title = build.section_title(index) if index else None
            if title:
                section.title = title
        return nav

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        # Every page exists by now; draw their footer QR codes on all cores at once.
        urls = [file.page.canonical_url for file in files.documentation_pages() if file.page]
        prepare_qr_codes([url for url in urls if url], self.builds[-1].run.project_dir / QR_CACHE)
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files):
        build = self.builds[-1]
        key = page.file.src_uri
        page.meta = build.page_meta(key, page.meta)
        # The page renders next: its links are resolved from where it is.
        build.links.key, build.links.url = key, page.url
        build.links.use_directory_urls = config.use_directory_urls
        return build.page_markdown(key, markdown)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        build = self.builds[-1]
        planned = build.planned.get(page.file.src_uri)
        if planned and planned.fragment:
            # Rendered into the content, not the template, so search indexes it too.
            if build.env is None:
                build.env = config.theme.get_env()
            fragment = build.env.get_template(planned.fragment)
            html = fragment.render(**planned.context, page=page, config=config) + html
        return html

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        build = self.builds[-1]
        qr_cache = build.run.project_dir / QR_CACHE
        context.update(
            build.page_context(page.file.src_uri, page.url, page.canonical_url, qr_cache)
        )
        return context

    @event_priority(-200)  # after search and offline plugins have written their files
    def on_post_build(self, *, config: MkDocsConfig):
        build = self.builds[-1]
        size = compact_search_index(Path(config.site_dir))
        if size is not None:
            log.info(f"Search index ({build.language.code}): {size:,} bytes")
        if build.is_default:
            run = build.run
            self._build_other_languages(run)
            for line in translation_report(run.catalogue, run.settings, run.project_dir):
                log.info(f"Translations: {line}")
            logging.getLogger("mkdocs").removeHandler(self.warnings)
            if run.finish(self.warnings.count) and run.staging:
                config.site_dir = str(run.staging.final)
        self.builds.pop()

    def on_build_error(self, *, error):
        if not self.builds:
            return
        build = self.builds.pop()
        if build.is_default:
            logging.getLogger("mkdocs").removeHandler(self.warnings)
            build.run.abort()

    # -- steps -----------------------------------------------------------------------------

    def _start_run(self, config: MkDocsConfig) -> Run:
        project_dir = Path(config.config_file_path or ".").resolve().parent
        serving = self.command == "serve"
        try:
            settings = _settings_of(config)
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
                theme=_theme_of(config),
            )
        except SourceError as error:
            logging.getLogger("mkdocs").removeHandler(self.warnings)
            raise PluginError(str(error)) from None
        if serving:
            config.watch.append(str(project_dir / settings.campaigns_dir))
        config.site_dir = str(run.output_dir)
        return run

    def _build_other_languages(self, run: Run) -> None:
        for language in run.settings.languages[1:]:
            log.info(f"Building the {language.name} site ({language.code}/)")
            self.pending = language
            try:
                config = load_config(config_file=run.config_file, strict=run.strict)
                serve_url = (run.site_url or "/") if run.serving else None
                mkdocs_build(config, serve_url=serve_url)
            finally:
                self.pending = None


def _configure_language(config: MkDocsConfig, build: LanguageBuild) -> None:
    code = build.language.code
    if not build.is_default:
        config.site_dir = str(build.site_dir)
        config.site_url = build.run.language_site_url(code)
    # Material's interface (search box, buttons) and search defaults follow this.
    config.theme["language"] = code
    if not any(
        Path(d, "partials", "languages", f"{code}.html").is_file() for d in config.theme.dirs
    ):
        log.info(
            f"Material for MkDocs has no interface texts for '{code}': its buttons show in "
            f"English. Add overrides/partials/languages/{code}.html to translate them."
        )
        config.theme["language"] = "en"
    if build.language.site_name:
        config.site_name = build.language.site_name
    if build.language.site_description:
        config.site_description = build.language.site_description


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
            run.site_url,
            config.use_directory_urls,
        )
        run.prints = print_for_site(run.campaigns, project)
    code = build.language.code
    plan = plan_campaign_site(
        run.campaigns,
        code=code,
        types=run.settings.campaign_types,
        t=build.translator,
        today=run.today,
        use_directory_urls=config.use_directory_urls,
        site_url=config.site_url,
        timezone=run.settings.timezone,
        stamp=run.stamp,
        print_files=lambda campaign: run.prints.for_campaign(campaign.slug, code),
        cache_dir=run.project_dir / FEED_CACHE,
    )
    files = []
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
    for key, path in plan.assets:
        files.append(_file_reading(key, path, config))
    files.append(File.generated(config, "calendar.ics", content=plan.feed))
    return files


def _settings_of(config: MkDocsConfig) -> Settings:
    """The engine's settings, with mkdocs.yml line numbers for any problem."""
    path = Path(config.config_file_path or "mkdocs.yml")
    try:
        lines = field_lines(path.read_text(encoding="utf-8"))
    except OSError:
        lines = {}
    return load_settings(config.extra.get("xuanchuan"), path.name, lines)


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
            Problem(str(config_file), None, None, "not found: expected the site's mkdocs.yml")
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
    )
