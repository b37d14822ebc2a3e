"""Print a set of campaigns: load the layouts, plan every file, render what is not cached.

Shared by the site build and the print-pack command, so both hold the same files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .campaign_loader import CampaignSet
from .campaign_site import page_url as campaign_page_url
from .disk_cache import CACHE_DIR
from .errors import Problem, SourceError
from .print_jobs import PrintResult, plan_print_files, render_print_files
from .print_layout import Layouts, customise_layouts, load_layouts
from .settings import Settings
from .strings import Translator


@dataclass
class PrintRun:
    result: PrintResult
    problems: list[Problem]
    layouts: Layouts | None


def print_campaigns(
    campaigns: CampaignSet,
    *,
    settings: Settings,
    project_dir: Path,
    overrides_dir: Path,
    site_url: str | None,
    use_directory_urls: bool,
    sizes: tuple[str, ...] | None = None,
    leaflets: bool | None = None,
) -> PrintRun:
    cache_dir = project_dir / CACHE_DIR / "print"
    try:
        layouts = load_layouts(overrides_dir, project_dir)
        layouts = customise_layouts(layouts, settings.print, project_dir, cache_dir)
    except SourceError as error:
        return PrintRun(PrintResult(), list(error.problems), None)

    def page_url(campaign):
        if not site_url:
            return None
        return (
            site_url.rstrip("/")
            + "/"
            + settings.prefix(campaign.language)
            + campaign_page_url(campaign.page_key, use_directory_urls)
        )

    planned, problems = plan_print_files(
        campaigns,
        translators={
            language.code: Translator(language.code, settings.default.code)
            for language in settings.languages
        },
        layouts=layouts,
        sizes=sizes or settings.print.poster_sizes,
        full_resolution=settings.print.full_resolution_png,
        leaflets=settings.print.leaflets if leaflets is None else leaflets,
        page_url=page_url,
        cache_dir=cache_dir,
    )
    result = render_print_files(planned, campaigns)
    return PrintRun(result, problems + result.problems, layouts)
