"""One build of the whole site, across its languages: the inputs, read and checked once,
and the folder the build writes into.

``mkdocs build`` builds the default language and then each other one; all of them share
one ``Run``, so pages, campaigns and print files are read, checked and drawn only once.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from zoneinfo import ZoneInfo

from filelock import FileLock

from ...campaigns.loader import load_campaigns
from ...campaigns.model import CampaignSet
from ...core.build_lock import hold_build_lock
from ...core.disk_cache import take_damaged
from ...core.errors import SourceError
from ...core.links import address
from ...core.log import log
from ...core.messages import msg
from ...core.print_files import PrintResult
from ...core.settings import Settings
from ...core.short_links import ShortLinks, short_path
from ...core.source_files import links_leaving
from ..files.short_pages import team_short_links
from ..pages.sources import Catalogue, Theme, scan_pages
from ..pages.untranslated import Untranslated
from .staging import StagedOutput


@dataclass
class Run:
    settings: Settings
    catalogue: Catalogue
    campaigns: CampaignSet
    project_dir: Path
    config_file: str
    site_dir: str
    site_url: str | None  # where MkDocs serves the site: the preview's own address in serve
    overrides_dir: Path
    strict: bool
    serving: bool
    staging: StagedOutput | None
    today: dt.date
    stamp: dt.datetime
    short_links: ShortLinks  # the codes of the pages the team writes, in every language
    lock: FileLock | None = None
    prints: PrintResult | None = None
    photos: dict | None = None  # each report photo's web copies (site/files/web_photos.py)
    # The address the site is published at (site_url in mkdocs.yml), in a preview too: QR
    # codes, feeds and posters lead there, so a printed preview poster reaches the real
    # page and a preview reuses the build's cached print files.
    published_url: str | None = None
    pages_used: set[str] = field(default_factory=set)  # kept-page keys of this run's pages
    site_name: str = ""  # as mkdocs.yml writes it: each language's own may replace it
    # Print files are drafts (a preview, or a build without the team's own address): each
    # carries a 样稿 / DRAFT mark outside its trim, naming where its QR code leads.
    draft: bool = False

    def read_again(self, catalogue: Catalogue, campaigns: CampaignSet) -> None:
        """Pages and campaigns read again after a save (a preview's quick pages)."""
        self.catalogue, self.campaigns = catalogue, campaigns
        self.__dict__.pop("untranslated", None)

    def use_prints(self, prints: PrintResult, photos: dict) -> None:
        """The run's print files, drawn once, and the web copies of the photos pages show."""
        self.prints, self.photos = prints, photos

    def used_pages(self, keys) -> None:
        """Kept-page keys a language's site used: the cache keeps them, prunes the rest."""
        self.pages_used.update(keys)

    def organization_of(self, code: str) -> str:
        """Who signs the print files of language ``code``: the organisation's full name in
        the default language (``xuanchuan init --name``), else the site's name."""
        if self.settings.organization and code == self.settings.default.code:
            return self.settings.organization
        return self.site_name_of(code)

    def site_name_of(self, code: str) -> str:
        """The site's name in language ``code``, as plain text."""
        return self.settings.language(code).site_name or self.site_name

    @property
    def output_dir(self) -> Path:
        """Where this build writes: the staging folder, or the site itself (a dirty preview)."""
        return self.staging.staging if self.staging else Path(self.site_dir)

    @cached_property
    def untranslated(self) -> Untranslated:
        """Which pages a language leads to the default language's page for."""
        return Untranslated(self.catalogue, self.settings.untranslated_pages)

    def language_site_url(self, code: str) -> str | None:
        return address(self.site_url, self.settings.prefix(code))

    def published_address(self, code: str, path: str = "") -> str | None:
        """Where readers find ``path`` (relative to language ``code``'s site) once published."""
        return address(self.published_url, self.settings.prefix(code) + path)

    def short_address(self, code: str, short_code: str | None) -> str | None:
        """The published short address (what printed QR codes hold) of ``short_code`` in
        language ``code``; None without a site_url or a code."""
        return self.published_address(code, short_path(short_code)) if short_code else None

    def longest_short_address(self) -> str | None:
        """The longest address a printed QR code of this site holds."""
        found = [
            self.short_address(code, short)
            for code in self.settings.codes
            for short in self.short_links.codes(code).codes.values()
        ]
        return max(filter(None, found), key=len, default=None)

    def finish(self, warnings: int) -> bool:
        """Put the new site in place, unless --strict met a warning; whether it was."""
        try:
            if self.staging is None:
                return True
            if self.strict and warnings:
                # MkDocs stops right after; the previous site stays in place.
                self.staging.abort()
                return False
            self.staging.commit()
            return True
        finally:
            self.release()

    def abort(self) -> None:
        try:
            if self.staging:
                self.staging.abort()
        finally:
            self.release()

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None


@dataclass(frozen=True)
class Places:
    """Where a build reads and writes, as mkdocs.yml sets it."""

    project_dir: Path
    docs_dir: Path
    overrides_dir: Path
    config_file: str
    site_dir: str
    theme: Theme | None = None


@dataclass(frozen=True)
class Mode:
    """How a build runs: the command, its options and the site's addresses."""

    strict: bool
    serving: bool
    site_url: str | None  # where MkDocs serves the site: the preview's own address in serve
    published_url: str | None = None  # the published address, in a preview too
    staged: bool = True  # a dirty preview rebuilds changed pages only, in place
    draft: bool = False
    site_name: str = ""


def start_run(settings: Settings, places: Places, mode: Mode) -> Run:
    """Read and check every page and campaign; report campaign problems as warnings.

    Holds the project's build lock from here until ``finish`` or ``abort``.
    """
    lock = hold_build_lock(places.project_dir)
    staging = StagedOutput(places.site_dir, places.project_dir) if mode.staged else None
    try:
        if staging:
            staging.recover()
        return _read_inputs(settings, places, mode, staging, lock)
    except BaseException:
        lock.release()
        raise


def _read_inputs(settings: Settings, places: Places, mode: Mode, staging, lock) -> Run:
    take_damaged()  # counted afresh for this run (a preview server runs many)
    project_dir, docs_dir = places.project_dir, places.docs_dir
    # Nothing is read through a link that leaves the project.
    leaving = links_leaving(docs_dir, project_dir) + links_leaving(
        places.overrides_dir, project_dir
    )
    if leaving:
        raise SourceError(leaving)
    catalogue = scan_pages(docs_dir, settings, project_dir, places.theme)
    pin_build_date(
        project_dir,
        [path for page in catalogue.pages.values() for path in page.files.values()]
        + sorted((project_dir / settings.campaigns_dir).glob("*/*"))
        + sorted((project_dir / settings.campaigns_dir).glob("*/reports/*")),
    )
    campaigns = load_campaigns(settings, project_dir, include_drafts=mode.serving)
    report_campaign_problems(campaigns, catalogue)
    if staging:
        staging.begin()
    return Run(
        settings=settings,
        catalogue=catalogue,
        campaigns=campaigns,
        project_dir=project_dir,
        config_file=places.config_file,
        site_dir=places.site_dir,
        site_url=mode.site_url,
        overrides_dir=places.overrides_dir,
        strict=mode.strict,
        serving=mode.serving,
        staging=staging,
        today=build_today(settings.timezone),
        stamp=build_stamp(),
        short_links=team_short_links(settings, docs_dir, project_dir),
        lock=lock,
        published_url=mode.published_url if mode.serving else mode.site_url,
        site_name=mode.site_name,
        draft=mode.draft,
    )


def report_campaign_problems(campaigns: CampaignSet, catalogue: Catalogue) -> None:
    """Warnings, not errors: without --strict the rest of the site still builds."""
    for problem in campaigns.problems:
        log.warning(str(problem))
    if campaigns.left_out:
        folders = ", ".join(f"campaigns/{slug}" for slug in campaigns.left_out)
        log.warning(
            msg("Left out of the site because of the problems above: {folders}", folders=folders)
        )
    if campaigns.left_out_reports:
        log.warning(
            msg(
                "Reports left out of the site because of the problems above (their campaigns "
                "are in it): {reports}",
                reports=", ".join(campaigns.left_out_reports),
            )
        )
    for slug in campaigns.campaigns:
        key = f"campaigns/{slug}/index.md"
        if key in catalogue.pages:
            log.warning(
                msg(
                    "content/{page}.*.md and campaigns/{slug}/ both make the page "
                    "campaigns/{slug}/: expected one of them only",
                    page=key[:-3],
                    slug=slug,
                )
            )


def build_today(timezone: str) -> dt.date:
    """The build date in the team's time zone; XUANCHUAN_TODAY fixes it (for tests)."""
    fixed = os.environ.get("XUANCHUAN_TODAY")
    if fixed:
        return dt.date.fromisoformat(fixed)
    return dt.datetime.now(ZoneInfo(timezone)).date()


def build_stamp() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


# Whether SOURCE_DATE_EPOCH is this process's own (set by pin_build_date), not given.
_pinned_here = False


def pin_build_date(project_dir: Path, sources: list[Path]) -> None:
    """Date the build by its sources, so the same sources give byte-identical files.

    MkDocs writes the build date into sitemap.xml(.gz) and the calendar feeds carry a
    time stamp; SOURCE_DATE_EPOCH is the standard way to fix both. An explicit value
    wins; then the last commit; outside git, the newest source file. A preview dates each
    rebuild afresh, as a preview started on the same sources would.
    """
    global _pinned_here
    if "SOURCE_DATE_EPOCH" in os.environ and not _pinned_here:
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
        _pinned_here = True
