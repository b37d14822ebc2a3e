"""The one module that knows MkDocs: it turns MkDocs events into calls of the engine.

One ``mkdocs build`` makes every language. The default language is built first, into the
site root; at its end, the same configuration is built again once per other language into
``<code>/``, each with its own Material interface language and its own search index (so
Chinese and English results never mix). Everything is written into a staging folder that
replaces the site only when every language succeeded.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .campaign_loader import CampaignSet, load_campaigns
from .campaign_site import PlannedPage, generated_markdown, html_title, plan_campaign_site
from .disk_cache import CACHE_DIR
from .errors import Problem, SourceError
from .frontmatter import field_lines
from .links import counterpart_url, relative_url
from .pages import Catalogue, scan_pages
from .print_jobs import PrintResult
from .print_run import print_campaigns
from .qr_svg import prepare_qr_codes, qr_svg
from .search_index import compact_search_index
from .settings import Language, Settings, load_settings
from .staging import StagedOutput
from .strings import Translator
from .translation_report import format_status, translation_sources, translation_status

QR_CACHE = CACHE_DIR / "qr"
FEED_CACHE = CACHE_DIR / "feeds"
log = logging.getLogger("mkdocs.plugins.xuanchuan")

# jieba announces loading its dictionary on every build; that is noise for the team.
logging.getLogger("jieba").setLevel(logging.WARNING)


class _WarningCounter(logging.Handler):
    """Counts warnings of the whole run, so a strict build is never swapped into place."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


@dataclass
class Run:
    """One ``mkdocs build`` or one rebuild under ``mkdocs serve``, across all languages."""

    settings: Settings
    catalogue: Catalogue
    project_dir: Path
    config_file: str
    site_dir: str
    site_url: str | None
    strict: bool
    serving: bool
    staging: StagedOutput | None
    campaigns: CampaignSet
    today: dt.date
    stamp: dt.datetime
    overrides_dir: Path
    warnings: _WarningCounter = field(default_factory=_WarningCounter)
    prints: PrintResult | None = None


@dataclass
class LanguageBuild:
    """The build of one language within a run."""

    run: Run
    language: Language
    translator: Translator
    fallbacks: set[str] = field(default_factory=set)
    planned: dict[str, PlannedPage] = field(default_factory=dict)
    env: Any = None  # the theme's Jinja environment, for fragments rendered into pages

    @property
    def is_default(self) -> bool:
        return self.language == self.run.settings.default

    @property
    def prefix(self) -> str:
        return self.run.settings.prefix(self.language.code)


class SiteBuild:
    """MkDocs event handlers. ``hooks/xuanchuan_hooks.py`` exposes them to MkDocs."""

    def __init__(self):
        self.command: str | None = None
        self.builds: list[LanguageBuild] = []
        self.pending: Language | None = None

    # -- events ---------------------------------------------------------------------------

    def on_startup(self, *, command, dirty):
        self.command = command

    @event_priority(100)  # before Material's search plugin reads the interface language
    def on_config(self, config: MkDocsConfig):
        try:
            if self.pending is None:
                self.builds.clear()
                run = self._start_run(config)
                language = run.settings.default
            else:
                run, language = self.builds[0].run, self.pending
        except SourceError as error:
            raise PluginError(str(error)) from None
        build = LanguageBuild(run, language, Translator(language.code, run.settings.default.code))
        self.builds.append(build)
        self._configure_language(config, build)
        return config

    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        build = self.builds[-1]
        self._set_language_menu(config, build)
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
        kept.extend(self._campaign_files(config, build))
        return Files(kept)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        build = self.builds[-1]
        for section in _sections(nav.items):
            title = self._section_title(section, build)
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
        planned = build.planned.get(page.file.src_uri)
        if planned:
            # Material prints page titles as HTML (in <title>, the header, the h1 and the
            # search results); a campaign's title is the team's plain text.
            page.meta["title"] = html_title(planned.title)
        if planned and planned.template:
            page.meta["template"] = planned.template
        if planned and not planned.searchable:
            page.meta["search"] = {"exclude": True}
        if page.file.src_uri in build.fallbacks:
            # A page shown in the default language stays out of this language's search.
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        build = self.builds[-1]
        planned = build.planned.get(page.file.src_uri)
        if planned and planned.fragment:
            if build.env is None:
                build.env = config.theme.get_env()
            fragment = build.env.get_template(planned.fragment)
            html = fragment.render(**planned.context, page=page, config=config) + html
        return html

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        build = self.builds[-1]
        settings = build.run.settings
        context["xc_alternates"] = [
            {
                "code": language.code,
                "name": language.name,
                "url": counterpart_url(page.url, build.prefix, settings.prefix(language.code)),
                "current": language == build.language,
            }
            for language in settings.languages
        ]
        planned = build.planned.get(page.file.src_uri)
        if planned:
            context.update(planned.context)
        context["xc_print_qr"] = _print_qr(
            page.canonical_url, build.translator, build.run.project_dir / QR_CACHE
        )
        context["xc_notice"] = None
        if page.file.src_uri in build.fallbacks:
            t = build.translator
            default = settings.default
            values = {
                "language": t.language_name(build.language.code, build.language.name),
                "original": t.language_name(default.code, default.name),
            }
            context["xc_notice"] = {
                "title": t("untranslated.title", **values),
                "body": t("untranslated.body", **values),
                "content_lang": default.code,
            }
        return context

    @event_priority(-200)  # after search and offline plugins have written their files
    def on_post_build(self, *, config: MkDocsConfig):
        build = self.builds[-1]
        size = compact_search_index(Path(config.site_dir))
        if size is not None:
            log.info(f"Search index ({build.language.code}): {size:,} bytes")
        if build.is_default:
            self._build_other_languages(build.run)
            self._report_translations(build.run)
            self._finish_run(build.run, config)
        self.builds.pop()

    def on_build_error(self, *, error):
        if not self.builds:
            return
        build = self.builds.pop()
        if build.is_default:
            logging.getLogger("mkdocs").removeHandler(build.run.warnings)
            if build.run.staging:
                build.run.staging.abort()

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        return server

    # -- helpers ---------------------------------------------------------------------------

    def _start_run(self, config: MkDocsConfig) -> Run:
        project_dir = Path(config.config_file_path or ".").resolve().parent
        settings = _settings_of(config)
        catalogue = scan_pages(Path(config.docs_dir), settings, project_dir)
        _pin_build_date(
            project_dir,
            [path for page in catalogue.pages.values() for path in page.files.values()]
            + sorted((project_dir / settings.campaigns_dir).glob("*/*")),
        )
        serving = self.command == "serve"
        # Counted from the first warning on: a campaign problem alone must stop --strict.
        warnings = _WarningCounter()
        logging.getLogger("mkdocs").addHandler(warnings)
        campaigns = load_campaigns(settings, project_dir, include_drafts=serving)
        _report_campaign_problems(campaigns, catalogue)
        if serving:
            config.watch.append(str(project_dir / settings.campaigns_dir))
        staging = None if serving else StagedOutput(config.site_dir)
        run = Run(
            settings=settings,
            catalogue=catalogue,
            project_dir=project_dir,
            config_file=config.config_file_path,
            site_dir=config.site_dir,
            site_url=config.site_url,
            strict=bool(config.strict),
            serving=serving,
            staging=staging,
            campaigns=campaigns,
            today=_today(settings.timezone),
            stamp=_stamp(),
            overrides_dir=Path(config.theme.custom_dir or project_dir / "overrides"),
            warnings=warnings,
        )
        if staging:
            config.site_dir = str(staging.begin())
        return run

    def _configure_language(self, config: MkDocsConfig, build: LanguageBuild) -> None:
        code = build.language.code
        if not build.is_default:
            root = build.run.staging.staging if build.run.staging else Path(build.run.site_dir)
            config.site_dir = str(Path(root) / code)
            if build.run.site_url:
                config.site_url = build.run.site_url.rstrip("/") + f"/{code}/"
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

    def _campaign_files(self, config: MkDocsConfig, build: LanguageBuild) -> list[File]:
        run = build.run
        if run.prints is None:
            run.prints = self._render_print_files(config, run)
        code = build.language.code
        plan = plan_campaign_site(
            run.campaigns,
            code=build.language.code,
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
                file = File.generated(
                    config, planned.key, content=generated_markdown(planned.title)
                )
            if not planned.in_nav:
                file.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(file)
        for key, path in plan.assets:
            files.append(_file_reading(key, path, config))
        files.append(File.generated(config, "calendar.ics", content=plan.feed))
        return files

    def _render_print_files(self, config: MkDocsConfig, run: Run) -> PrintResult:
        """Posters and share images of every campaign in every language, once per run.

        Runs in the default language's on_files: only then are the site's URLs settled
        (the offline plugin changes them after on_config), and the QR codes need them.
        """
        if not run.settings.print.enabled or not run.campaigns.campaigns:
            return PrintResult()
        if not run.site_url:
            log.warning(
                "mkdocs.yml: site_url: is not set: expected the address the site is "
                "published at (https://…/), so the QR codes on posters can point to it"
            )
        printed = print_campaigns(
            run.campaigns,
            settings=run.settings,
            project_dir=run.project_dir,
            overrides_dir=run.overrides_dir,
            site_url=run.site_url,
            use_directory_urls=config.use_directory_urls,
        )
        result = printed.result
        for problem in printed.problems:
            log.warning(str(problem))
        log.info(
            f"Print files: {result.rendered} rendered, {result.reused} reused from cache, "
            f"{result.seconds:.1f} s"
        )
        return result

    def _set_language_menu(self, config: MkDocsConfig, build: LanguageBuild) -> None:
        """Material's menu and head links to each language's home page.

        Set here, not in on_config, because the offline plugin decides on directory URLs
        after us; from a folder, a link must name index.html.
        """
        home = "" if config.use_directory_urls else "index.html"
        settings = build.run.settings
        config.extra["alternate"] = [
            {
                "name": language.name,
                "lang": language.code,
                "link": relative_url(settings.prefix(language.code) + home, build.prefix),
            }
            for language in settings.languages
        ]

    def _section_title(self, section: Section, build: LanguageBuild) -> str | None:
        for child in section.children:
            if isinstance(child, Page) and child.file.src_uri.endswith("index.md"):
                key = child.file.src_uri
                if key in build.planned:
                    return html_title(build.planned[key].title)
                if key in build.run.catalogue.pages:
                    _, document, _ = build.run.catalogue.source(key, build.language.code)
                    return document.meta.get("title")
        return None

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

    def _report_translations(self, run: Run) -> None:
        sources = translation_sources(run.catalogue, run.project_dir / run.settings.campaigns_dir)
        statuses = translation_status(sources, run.settings, run.project_dir)
        for line in format_status(statuses, len(sources)):
            log.info(f"Translations: {line}")

    def _finish_run(self, run: Run, config: MkDocsConfig) -> None:
        logging.getLogger("mkdocs").removeHandler(run.warnings)
        if run.staging is None:
            return
        if run.strict and run.warnings.count:
            # MkDocs aborts right after this event; the previous site stays in place.
            run.staging.abort()
            return
        run.staging.commit()
        config.site_dir = str(run.staging.final)


def _print_qr(url: str | None, t: Translator, cache_dir: Path) -> dict | None:
    """The page's QR code for its printed footer (shown only on paper)."""
    if not url:
        return None
    return {"svg": qr_svg(url, cache_dir), "url": url, "caption": t("print.scan")}


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


def _report_campaign_problems(campaigns: CampaignSet, catalogue: Catalogue) -> None:
    """Warnings, not errors: without --strict the rest of the site still builds."""
    for problem in campaigns.problems:
        log.warning(str(problem))
    if campaigns.left_out:
        log.warning(
            "Left out of the site because of the problems above: "
            + ", ".join(f"campaigns/{slug}" for slug in campaigns.left_out)
        )
    for slug in campaigns.campaigns:
        key = f"campaigns/{slug}/index.md"
        if key in catalogue.pages:
            log.warning(
                f"content/{key[:-3]}.*.md and campaigns/{slug}/ both make the page "
                f"campaigns/{slug}/: expected one of them only"
            )


def _today(timezone: str) -> dt.date:
    """The build date in the team's time zone; XUANCHUAN_TODAY fixes it (for tests)."""
    fixed = os.environ.get("XUANCHUAN_TODAY")
    if fixed:
        return dt.date.fromisoformat(fixed)
    return dt.datetime.now(ZoneInfo(timezone)).date()


def _stamp() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _sections(items):
    for item in items:
        if isinstance(item, Section):
            yield item
            yield from _sections(item.children)


def _pin_build_date(project_dir: Path, sources: list[Path]) -> None:
    """Date the build by its sources, so the same sources give byte-identical files.

    MkDocs writes the build date into sitemap.xml(.gz) and the calendar feeds carry a
    time stamp; SOURCE_DATE_EPOCH is the standard way to fix both. An explicit value
    wins; then the last commit; outside git, the newest source file.
    """
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    try:
        stamp = subprocess.run(
            ["git", "-C", str(project_dir), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        stamp = ""
    if not stamp.isdigit() and sources:
        stamp = str(int(max(path.stat().st_mtime for path in sources)))
    if stamp.isdigit():
        os.environ["SOURCE_DATE_EPOCH"] = stamp


@dataclass
class Project:
    """A site's settings and folders, for commands outside a build."""

    settings: Settings
    project_dir: Path
    docs_dir: Path
    overrides_dir: Path
    site_url: str | None = None
    use_directory_urls: bool = False

    def catalogue(self) -> Catalogue:
        return scan_pages(self.docs_dir, self.settings, self.project_dir)


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
