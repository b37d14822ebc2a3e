"""Which pages and files the campaigns add to one language's site.

Plain data for the adapter: page keys (language-free source names), templates and what
each template shows, plus the campaign images to copy and the calendar feed.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ...campaigns.loader import CampaignSet
from ...campaigns.model import Campaign
from ...campaigns.summary import year_summaries
from ...campaigns.summary_text import summary_text
from ...core.links import address, page_url
from ...core.messages import Message, msg
from ...core.print_files import SHARE_PNG, PrintFile
from ...core.strings import Translator
from ..build.planned import PlannedPage
from ..files.body_files import body_files, link_targets, pictures_view, published_assets
from ..reports.calendar_feed import calendar_feed
from ..reports.pages import plan_reports
from ..reports.summary_pages import (
    SUMMARY_INDEX,
    summary_file_path,
    summary_index_view,
    summary_key,
    summary_year_view,
)
from ..reports.views import target_results, timeline_view
from ..wechat.pages import article_link, campaign_article
from .views import (
    calendar_month_views,
    calendar_view,
    campaign_view,
    downloads_view,
    overview_view,
    type_label,
    type_page_view,
)

OVERVIEW = "campaigns/index.md"
CALENDAR = "campaigns/calendar.md"
FEED = "calendar.ics"


def calendar_month_key(year: int, month: int) -> str:
    return f"campaigns/calendar/{year:04d}-{month:02d}.md"


def type_key(kind: str) -> str:
    return f"campaigns/type-{kind}.md"


@dataclass
class CampaignPlan:
    pages: list[PlannedPage] = field(default_factory=list)
    assets: list[tuple[str, Path]] = field(default_factory=list)
    # Originals the pages link to that this language's site does not publish (site/
    # body_files.py): (site path, file).
    link_targets: list[tuple[str, Path]] = field(default_factory=list)
    feed: bytes = b""
    news_feed: bytes = b""


def plan_campaign_site(
    campaigns: CampaignSet,
    *,
    code: str,
    types: tuple[str, ...],
    t: Translator,
    today: dt.date,
    use_directory_urls: bool,
    site_url: str | None,
    timezone: str,
    stamp: dt.datetime,
    print_files=lambda campaign: [],
    summary_files: Callable[[int], PrintFile | None] = lambda year: None,
    cache_dir: Path | None = None,
    prefix: str = "",
    photos: dict | None = None,
    publishes_photos: bool = True,
    author: str = "",
    direction: str = "ltr",
    wechat_articles: bool = True,
) -> CampaignPlan:
    chosen = campaigns.in_language(code)
    plan = CampaignPlan()
    photos = photos or {}
    # What the bodies of each campaign, in every language, and of its reports refer to.
    referred = {
        campaign.slug: body_files(campaigns.campaigns[campaign.slug].values(), photos)
        for campaign in chosen
    }

    def url_of(campaign: Campaign) -> str:
        return page_url(campaign.page_key, use_directory_urls)

    def absolute_url(campaign: Campaign) -> str | None:
        return address(site_url, url_of(campaign))

    def key_url(key: str) -> str:
        return page_url(key, use_directory_urls)

    for campaign in chosen:
        files = print_files(campaign)
        # The originals the article embeds: the pages show their web copies.
        published = [file.original for file in referred[campaign.slug]]
        view = campaign_view(campaign, t, today)
        view["downloads"] = downloads_view(files, t)
        view["timeline"] = timeline_view(campaign, t, key_url)
        for shown, activity in zip(view["activities"], campaign.activities, strict=True):
            shown["report_url"] = key_url(activity.report) if activity.report else None
        for target, result in zip(view["targets"], target_results(campaign, t, today), strict=True):
            target.update(result)
        share = next((f.name for f in files if f.kind == SHARE_PNG.name), None)
        page_link = absolute_url(campaign)
        article = (
            campaign_article(
                campaign,
                t,
                direction=direction,
                page_path=url_of(campaign),
                address=page_link,
                published=published,
            )
            if wechat_articles
            else None
        )
        view["wechat"] = (
            article_link(article, prefix + url_of(campaign), prefix, campaign.is_fallback, t)
            if article
            else None
        )
        plan.pages.append(
            PlannedPage(
                key=campaign.page_key,
                title=campaign.title,
                fragment="partials/xc-campaign.html",
                context={
                    "xc_campaign": view,
                    "xc_share": {
                        "image": page_link.rsplit("/", 1)[0] + "/" + share,
                        "title": campaign.title,
                        "description": campaign.summary,
                    }
                    if share and page_link
                    else None,
                    "xc_pictures": pictures_view(
                        referred[campaign.slug], prefix + url_of(campaign), publishes_photos
                    ),
                },
                source=_source_file(campaign),
                is_fallback=campaign.is_fallback,
                in_nav=False,
                article=None if campaign.is_fallback else article,
            )
        )
        for print_file in files:
            plan.assets.append((f"campaigns/{campaign.slug}/{print_file.name}", print_file.path))
        if publishes_photos:
            plan.assets.extend(published_assets(referred[campaign.slug]))
        plan.link_targets.extend(link_targets(referred[campaign.slug], publishes_photos))
    plan.pages.append(
        PlannedPage(
            key=OVERVIEW,
            title=t("campaigns.title"),
            template="campaigns-index.html",
            searchable=False,
            context={
                "xc_overview": overview_view(
                    chosen,
                    types,
                    t,
                    today,
                    url_of,
                    lambda kind: page_url(type_key(kind), use_directory_urls),
                )
            },
        )
    )

    def month_url(year: int, month: int) -> str:
        return page_url(calendar_month_key(year, month), use_directory_urls)

    plan.pages.append(
        PlannedPage(
            key=CALENDAR,
            title=t("calendar.title"),
            template="calendar.html",
            searchable=False,
            context={"xc_calendar": calendar_view(chosen, t, today, url_of, FEED, month_url)},
        )
    )
    calendar_url = page_url(CALENDAR, use_directory_urls)
    for year, month, view in calendar_month_views(chosen, t, url_of, calendar_url, month_url):
        plan.pages.append(
            PlannedPage(
                key=calendar_month_key(year, month),
                title=f"{view['title']} · {t('calendar.title')}",
                template="calendar-month.html",
                searchable=False,
                in_nav=False,
                context={"xc_calendar_month": view},
            )
        )
    for kind in types:
        plan.pages.append(
            PlannedPage(
                key=type_key(kind),
                title=type_label(kind, t),
                template="campaigns-type.html",
                searchable=False,
                context={"xc_type_page": type_page_view(chosen, kind, t, today, url_of)},
            )
        )
    reports = plan_reports(
        chosen,
        code=code,
        direction=direction,
        prefix=prefix,
        publishes_photos=publishes_photos,
        photos=photos,
        t=t,
        use_directory_urls=use_directory_urls,
        site_url=site_url,
        timezone=timezone,
        author=author,
        wechat_articles=wechat_articles,
    )
    reported = {r.page_key: r.slug for c in chosen for r in c.reports}
    shown: dict[tuple[str, str], dict] = {}
    for planned in reports.pages:
        if planned.key in reported:
            here = prefix + key_url(planned.key)
            slug = reported[planned.key]
            # Addresses depend on the page's folder only, which a campaign's reports share.
            folder = (slug, here if here.endswith("/") else posixpath.dirname(here))
            if folder not in shown:
                shown[folder] = pictures_view(referred[slug], here, publishes_photos)
            planned.context["xc_pictures"] = shown[folder]
    plan.pages.extend(reports.pages)
    plan.assets.extend(reports.assets)
    plan.news_feed = reports.feed
    _plan_summaries(plan, campaigns, code, types, t, today, use_directory_urls, print_files,
                    summary_files)  # fmt: skip
    plan.feed = calendar_feed(
        chosen,
        name=t("calendar.title"),
        language=code,
        timezone=timezone,
        stamp=stamp,
        page_url=absolute_url,
        cache_dir=cache_dir,
    )
    return plan


def _plan_summaries(
    plan, campaigns, code, types, t, today, use_directory_urls, print_files, summary_files
) -> None:
    """The year-end summaries: a list of the years, and a page per year with its PDF."""
    summaries = year_summaries(
        campaigns, code, default=t.default, types=types, today=today, print_files=print_files
    )
    if not summaries:
        return

    def url_of(key: str) -> str:
        return page_url(key, use_directory_urls)

    plan.pages.append(
        PlannedPage(
            key=SUMMARY_INDEX,
            title=t("summary.title"),
            template="summary-index.html",
            searchable=False,
            context={"xc_summary_index": summary_index_view(summaries, t, url_of, summary_files)},
        )
    )
    for summary in summaries:
        text = summary_text(summary, t, today)
        pdf = summary_files(summary.year)
        plan.pages.append(
            PlannedPage(
                key=summary_key(summary.year),
                title=text.title,
                template="summary-year.html",
                searchable=False,
                in_nav=False,
                context={"xc_summary": summary_year_view(text, t, url_of, pdf)},
            )
        )
        if pdf is not None:
            plan.assets.append((summary_file_path(summary.year, pdf), pdf.path))


def pages_taken(planned: list[PlannedPage], team_pages) -> list[Message]:
    """A page the team wrote at an address the engine makes a page at (news/, campaigns/
    calendar...) would be silently replaced: each is a problem to rename."""
    return [
        msg(
            "content/{page}.*.md is at the address of a page the site makes itself ({url}): "
            "expected another name (rename the file or its folder)",
            page=page.key[: -len(".md")],
            url=page.key[: -len(".md")].removesuffix("index"),
        )
        for page in planned
        if page.key in team_pages and page.source is None
    ]


def report_photos(campaigns: CampaignSet) -> list[Path]:
    """Every photo of every report (the same files in every language)."""
    return [
        photo.file
        for versions in campaigns.campaigns.values()
        for campaign in versions.values()
        for report in campaign.reports
        for photo in report.photos
    ]


def _source_file(campaign: Campaign) -> Path:
    """The file MkDocs reads for the page body: the language's own, or the original."""
    return campaign.folder / Path(campaign.source).name


def generated_markdown(title: str) -> str:
    """The source of a page the engine makes: the template draws everything else."""
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n"
