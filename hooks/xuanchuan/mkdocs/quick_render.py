"""A preview shows a saved page at once: before the whole site is rebuilt, the pages made
from the saved files are made again on their own and shown.

A rebuild makes every page of every language; at a few hundred campaigns that is seconds
after each save, most of it for pages the save did not touch. When a save only changes
the text of existing pages in the team's language (a content page, a campaign, a report),
those pages are made again from the last rebuild's site (its navigation, theme and kept
pages), written over their old copies and shown; the whole rebuild follows as before and
has the last word: if it makes any of those pages otherwise (a title the navigation shows,
a list that counts reports), the browser reloads once more, and if it fails, their old
copies are put back. Anything else saved (a file added, removed or renamed, mkdocs.yml,
the theme, a layout, a translation) waits for the whole rebuild, as before.

It reaches into MkDocs's page building (``_populate_page``, ``_build_page``) and its
server's epochs, which MkDocs 1.6 (pinned) does not offer otherwise; the preview truth test
and the quick-render tests fail if a later MkDocs changes them.
"""

from __future__ import annotations

import contextlib
import logging
import os
import posixpath
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from ..campaigns.loader import load_campaigns
from ..campaigns.model import CampaignSet, page_key
from ..core.errors import SourceError
from ..core.languages import split_language
from ..core.log import log
from ..core.messages import msg
from ..printing.jobs.run import print_campaigns
from ..site.build.languages import LanguageBuild
from ..site.build.preview import ReportedLines
from ..site.pages.sources import scan_pages
from .campaign_files import asset_files, campaign_plan, project_of
from .project import theme_of


@dataclass
class ShownSite:
    """The default language's site as the preview last built it, and what making one of
    its pages again needs: MkDocs's configuration, files, navigation and theme, the
    language's build, the folder the server answers from, and how to make the events
    work on that build (``current``)."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: object
    build: LanguageBuild
    folder: Path
    current: Callable[[LanguageBuild], contextlib.AbstractContextManager]


@dataclass
class Shown:
    """Pages made quickly and shown: their files, what they held before and now."""

    written: dict[Path, bytes] = field(default_factory=dict)
    before: dict[Path, bytes | None] = field(default_factory=dict)
    campaigns: set[str] = field(default_factory=set)  # the saved campaigns' folders


class QuickRender:
    """What was saved since the last rebuild, and the pages made from it at once."""

    def __init__(self) -> None:
        self.site: ShownSite | None = None
        self._lock = threading.Lock()
        self._changed: set[str] = set()
        self._moved = False  # a file added, removed or renamed: the site's shape changed
        self._listed: tuple[Files, Navigation] | None = None
        self._env = None

    def listed(self, files: Files, nav: Navigation) -> None:
        """The default language's files and navigation, as its pages are about to be made."""
        self._listed = (files, nav)

    def themed(self, env) -> None:
        """The theme's templates the default language's pages are made with."""
        self._env = env

    def built(self, config: MkDocsConfig, build: LanguageBuild, current) -> None:
        """A rebuild has put the site in place: the default language's ``build``, made with
        ``config``; ``current(build)`` has the events work on it again."""
        files, nav = self._listed
        self.site = ShownSite(
            config, files, nav, self._env, build, Path(config.site_dir), current
        )

    def saw(self, path: str, moved: bool = False) -> None:
        """The watcher's news (its thread): ``path`` was written, or made, removed or
        renamed (``moved``)."""
        with self._lock:
            self._changed.add(os.path.abspath(path))
            self._moved = self._moved or moved

    def _take(self) -> tuple[set[str], bool]:
        with self._lock:
            changed, moved = self._changed, self._moved
            self._changed, self._moved = set(), False
        return changed, moved

    def around(self, rebuild: Callable, show: Callable[[], None], reload: Callable[[], None]):
        """``rebuild`` preceded by the quick pages: ``show()`` lets the server answer with
        them; ``reload()`` has browsers load again what the rebuild then made otherwise."""

        def run(*args, **kwargs):
            changed, moved = self._take()
            site, self.site = self.site, None  # a rebuild's site is only good until the next
            self._listed = self._env = None
            log.debug("Saved since the last rebuild: %s%s", sorted(changed), " (moved)" * moved)
            shown = None if moved or site is None else _quickly(site, changed)
            if shown is not None:
                show()
                _draw_quickly(site, shown.campaigns)
            site = None  # the last rebuild's objects are not kept through the next one
            try:
                rebuild(*args, **kwargs)
            except BaseException:
                if shown is not None:
                    _put_back(shown)
                    reload()
                raise
            if shown is not None and any(
                _read(path) != data for path, data in shown.written.items()
            ):
                reload()

        return run


def _quickly(site: ShownSite, changed: set[str]) -> Shown | None:
    """The pages made from the ``changed`` files, made again and written in place; None
    when the save is not only text of the team's language, or anything went wrong."""
    keys = _saved_pages(site, changed)
    log.debug("Pages made from them: %s", keys)
    if not keys:
        return None
    warned = ReportedLines()
    logging.getLogger("mkdocs").addHandler(warned)
    shown = Shown()
    try:
        shown.campaigns = _read_again(site, keys)
        with site.current(site.build):
            for key in keys:
                _make_again(site, key, shown)
    except Exception:  # noqa: BLE001 - whatever it was, the whole rebuild tells it
        log.debug("Quick preview of a save failed", exc_info=True)
        _put_back(shown)
        return None
    finally:
        logging.getLogger("mkdocs").removeHandler(warned)
    if warned.lines:
        log.debug("Quick preview of a save warned: %s", warned.lines)
        _put_back(shown)  # the rebuild tells the warning and decides what to show
        return None
    log.info(
        msg(
            "Preview: the saved page is shown; the whole site follows",
            "Preview: the {count} saved pages are shown; the whole site follows",
            count=len(keys),
        )
    )
    return shown


def _saved_pages(site: ShownSite, changed: set[str]) -> list[str]:
    """The page of each changed file, when every one is the team's language's text of an
    existing content page, campaign or report; [] otherwise."""
    run, build = site.build.run, site.build
    code = run.settings.default.code
    docs_dir = Path(site.config.docs_dir).resolve()
    # Campaign and report pages by the file they are read from (absolute, as the watcher
    # names them: the project's folder is resolved).
    sources = {
        str(planned.source): key for key, planned in build.planned.items() if planned.source
    }
    keys = []
    for path in sorted(changed):
        where = Path(path).resolve()
        if where.is_relative_to(docs_dir):
            key, language = split_language(where.relative_to(docs_dir).as_posix())
            page = run.catalogue.pages.get(key)
            if page is None or language != code or page.files[code].resolve() != where:
                return []
        elif path in sources:
            key = sources[path]
        else:
            return []
        keys.append(key)
    return keys


def _read_again(site: ShownSite, keys: list[str]) -> set[str]:
    """The saved files read again into the build: content pages, and the campaigns whose
    own files changed, planned again (their page and their reports' pages); which those
    campaigns are."""
    build, run = site.build, site.build.run
    # The saved pages exist already: which are the team's pages is known before reading.
    slugs = {key.split("/")[1] for key in keys if key not in run.catalogue.pages}
    catalogue = run.catalogue
    if len(slugs) < len(keys):
        catalogue = scan_pages(
            Path(site.config.docs_dir), run.settings, run.project_dir, theme_of(site.config)
        )
    campaigns = run.campaigns
    if slugs:
        campaigns = load_campaigns(run.settings, run.project_dir, include_drafts=run.serving)
        changed = campaigns.problems != run.campaigns.problems
        if changed or any(slug not in campaigns.campaigns for slug in slugs):
            raise SourceError(campaigns.problems)  # the rebuild tells them
    run.read_again(catalogue, campaigns)
    build.read_again()
    for slug in slugs:
        for planned in _campaign_pages(site, campaigns, slug):
            build.add_planned(planned)
    return slugs


def _draw_quickly(site: ShownSite, slugs: set[str]) -> None:
    """The saved campaigns' print files, drawn now (those whose content changed) and
    served in place of the old ones: a poster's PDF follows its page within a second or
    two. Their problems are the whole rebuild's to tell."""
    build, run = site.build, site.build.run
    if not slugs or run.prints is None:
        return
    alone = CampaignSet(campaigns={slug: run.campaigns.campaigns[slug] for slug in slugs})
    try:
        printed = print_campaigns(alone, project_of(site.config, run))
    except Exception:  # noqa: BLE001 - the whole rebuild draws them again and tells
        log.debug("Quick drawing of a save failed", exc_info=True)
        return
    code = build.language.code
    for slug in slugs:
        assets = [
            (f"campaigns/{slug}/{drawn.name}", drawn.path)
            for drawn in printed.result.for_campaign(slug, code)
        ]
        asset_files(assets, site.config, build)


def _campaign_pages(site: ShownSite, campaigns: CampaignSet, slug: str):
    """The pages of one campaign, planned as the whole site plans them."""
    alone = CampaignSet(campaigns={slug: campaigns.campaigns[slug]})
    plan = campaign_plan(site.config, site.build, alone)
    # Its pages' addresses, whatever folder the team keeps campaigns in.
    folder = posixpath.dirname(page_key(slug)) + "/"
    return [planned for planned in plan.pages if planned.key.startswith(folder)]


def _make_again(site: ShownSite, key: str, shown: Shown) -> None:
    """Page ``key`` made again as MkDocs makes it, and written over its copy in place."""
    file = site.files.get_file_from_path(key)
    page = file.page
    # A page kept last time was given nothing to render (pages.page_markdown).
    page.__dict__.pop("render", None)
    target = site.folder / file.dest_uri
    making = target.with_name(f".{target.name}.quick")
    doc_files = site.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
    # Written beside the served copy, then moved over it: a reader never gets half a page.
    file.abs_dest_path = str(making)
    try:
        _populate_page(page, site.config, site.files)
        _build_page(page, site.config, doc_files, site.nav, site.env)
    finally:
        file.abs_dest_path = str(target)
    shown.before[target] = _read(target)
    os.replace(making, target)
    shown.written[target] = _read(target)


def _put_back(shown: Shown) -> None:
    for target, data in shown.before.items():
        if data is None:
            target.unlink(missing_ok=True)
        else:
            temporary = target.with_name(f".{target.name}.back")
            temporary.write_bytes(data)
            os.replace(temporary, target)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
