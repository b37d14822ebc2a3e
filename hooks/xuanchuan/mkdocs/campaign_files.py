"""The pages and files campaigns add to a language's site, print files drawn once per run."""

from __future__ import annotations

import os
from functools import partial
from html import unescape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

from ..campaigns.model import CampaignSet
from ..core.disk_cache import CACHE_DIR
from ..core.log import log
from ..core.project import Project
from ..printing.jobs.draft_mark import draft_copy
from ..printing.jobs.run import print_for_site
from ..site.build.language_site import DrawnFiles
from ..site.build.languages import LanguageBuild
from ..site.build.run import Run
from ..site.campaign_pages.plan import (
    generated_markdown,
    pages_taken,
    plan_campaign_site,
    report_photos,
)
from ..site.files.body_files import shown_pictures
from ..site.files.web_photos import web_photos
from ..site.files.xml_outputs import well_formed
from ..site.reports.pages import NEWS_FEED
from .file_kinds import file_reading, link_target
from .preview_files import PREVIEW_FILES, preview_address

FEED_CACHE = CACHE_DIR / "feeds"
PHOTO_CACHE = CACHE_DIR / "photos"
DRAFT_CACHE = CACHE_DIR / "drafts"


def campaign_files(config: MkDocsConfig, build: LanguageBuild) -> list[File]:
    """The pages and files the campaigns add to this language's site."""
    run = build.run
    if run.prints is None:
        _draw_print_files(config, run)
    plan = campaign_plan(config, build, run.campaigns)
    if build.is_default:
        for message in pages_taken(plan.pages, run.catalogue.pages):
            log.warning(message)
    files = []
    for planned in plan.pages:
        build.add_planned(planned)
        if planned.source is not None:
            file = file_reading(planned.key, planned.source, config)
        else:
            file = File.generated(config, planned.key, content=generated_markdown(planned.title))
        if not planned.in_nav:
            file.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(file)
    files.extend(asset_files(plan.assets, config, build))
    files.extend(link_target(key, path, config) for key, path in plan.link_targets)
    files.append(File.generated(config, "calendar.ics", content=plan.feed))
    if plan.news_feed and well_formed(plan.news_feed, build.prefix + NEWS_FEED):
        files.append(File.generated(config, NEWS_FEED, content=plan.news_feed))
    return files


def campaign_plan(config: MkDocsConfig, build: LanguageBuild, campaigns: CampaignSet):
    """What ``campaigns`` add to this language's site, once the run's print files are drawn."""
    run, code = build.run, build.language.code
    site = build.language_site(unescape(str(config.site_name)), run.project_dir / FEED_CACHE)
    drawn = DrawnFiles(
        print_files=lambda campaign: run.prints.for_campaign(campaign.slug, code),
        summary_files=lambda year: run.prints.summary(year, code),
        photos=run.photos or {},
    )
    return plan_campaign_site(campaigns, site, drawn)


def _draw_print_files(config: MkDocsConfig, run: Run) -> None:
    """Drawn in the default language's on_files, once per run: only then are the site's
    URLs settled (the offline plugin changes them after on_config), and the QR codes need
    them."""
    prints = print_for_site(
        run.campaigns,
        project_of(config, run),
        today=run.today,
        organizations={code: run.organization_of(code) for code in run.settings.codes},
    )
    # Report photos, and the pictures campaign and report bodies show.
    shown = report_photos(run.campaigns) + shown_pictures(run.campaigns)
    run.use_prints(prints, web_photos(shown, run.project_dir / PHOTO_CACHE))


def project_of(config: MkDocsConfig, run: Run) -> Project:
    """The project as print files see it."""
    return Project(
        run.settings,
        run.project_dir,
        Path(config.docs_dir),
        run.overrides_dir,
        run.published_url,
        config.use_directory_urls,
        run.short_links,
    )


def asset_files(assets, config: MkDocsConfig, build: LanguageBuild) -> list[File]:
    """Print files, photos and attachments: a drawn print file is a draft in a preview
    (served from the cache, marked when first asked for) and in a draft build."""
    run = build.run
    # Drawn files' paths are made from the project's folder, as written: no need to resolve.
    cache = run.project_dir / CACHE_DIR
    files = []
    for key, path in assets:
        drawn = Path(os.path.abspath(path)).is_relative_to(cache)
        if drawn:
            build.add_print_file(key)
        marked = partial(
            draft_copy, url=_printed_address(build, key), cache_dir=run.project_dir / DRAFT_CACHE
        )
        if drawn and run.serving:
            PREVIEW_FILES.add_marked(preview_address(build, key), str(path), marked)
        elif drawn and run.draft:
            files.append(file_reading(key, marked(path), config))
        else:
            files.append(file_reading(key, path, config))
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
