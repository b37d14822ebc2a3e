"""Which pages and files the campaigns add to one language's site.

Plain data for the adapter: page keys (language-free source names), templates and what
each template shows, plus the campaign images to copy and the calendar feed.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from ...campaigns.loader import CampaignSet
from ...campaigns.model import Campaign
from ...campaigns.summary import year_summaries
from ...campaigns.summary_text import summary_text
from ...core.messages import Message, msg
from ...core.print_files import SHARE_PNG
from ..build.language_site import DrawnFiles, LanguageSite
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
    campaigns: CampaignSet, site: LanguageSite, drawn: DrawnFiles | None = None
) -> CampaignPlan:
    drawn = drawn or DrawnFiles()
    chosen = campaigns.in_language(site.code)
    plan = CampaignPlan()
    # What the bodies of each campaign, in every language, and of its reports refer to.
    referred = {
        campaign.slug: body_files(campaigns.campaigns[campaign.slug].values(), drawn.photos)
        for campaign in chosen
    }
    for campaign in chosen:
        _plan_campaign(plan, campaign, site, drawn.print_files(campaign), referred[campaign.slug])
    plan.pages.extend(_listing_pages(chosen, site))
    _plan_reports(plan, chosen, site, drawn, referred)
    _plan_summaries(plan, campaigns, site, drawn)
    plan.feed = calendar_feed(chosen, site)
    return plan


def _plan_campaign(
    plan: CampaignPlan, campaign: Campaign, site: LanguageSite, files: list, referred: list
) -> None:
    """A campaign's page, its print files and the files its body refers to."""
    t, prefix = site.t, site.prefix
    here = site.url_of(campaign.page_key)
    page_link = site.address_of(campaign.page_key)
    view = campaign_view(campaign, t, site.today)
    view["downloads"] = downloads_view(files, t)
    view["timeline"] = timeline_view(campaign, t, site.url_of)
    for shown, activity in zip(view["activities"], campaign.activities, strict=True):
        shown["report_url"] = site.url_of(activity.report) if activity.report else None
    results = target_results(campaign, t, site.today)
    for target, result in zip(view["targets"], results, strict=True):
        target.update(result)
    article = None
    if site.wechat_articles:
        # The originals the article embeds: the pages show their web copies.
        published = [file.original for file in referred]
        article = campaign_article(
            campaign, t, direction=site.direction, page_path=here, address=page_link,
            published=published,
        )  # fmt: skip
    view["wechat"] = (
        article_link(article, prefix + here, prefix, campaign.is_fallback, t) if article else None
    )
    share = next((f.name for f in files if f.kind == SHARE_PNG.name), None)
    context = {
        "xc_campaign": view,
        "xc_share": {
            "image": page_link.rsplit("/", 1)[0] + "/" + share,
            "title": campaign.title,
            "description": campaign.summary,
        }
        if share and page_link
        else None,
        "xc_pictures": pictures_view(referred, prefix + here, site.publishes_photos),
    }
    plan.pages.append(
        PlannedPage(
            key=campaign.page_key,
            title=campaign.title,
            fragment="partials/xc-campaign.html",
            context=context,
            source=_source_file(campaign),
            is_fallback=campaign.is_fallback,
            in_nav=False,
            article=None if campaign.is_fallback else article,
        )
    )
    for print_file in files:
        plan.assets.append((f"campaigns/{campaign.slug}/{print_file.name}", print_file.path))
    if site.publishes_photos:
        plan.assets.extend(published_assets(referred))
    plan.link_targets.extend(link_targets(referred, site.publishes_photos))


def _listing_pages(chosen: list[Campaign], site: LanguageSite) -> list[PlannedPage]:
    """The overview, the calendar with a page per month, and a page per campaign type."""
    t, today, url_of = site.t, site.today, site.url_of

    def campaign_url(campaign: Campaign) -> str:
        return url_of(campaign.page_key)

    def month_url(year: int, month: int) -> str:
        return url_of(calendar_month_key(year, month))

    overview = overview_view(
        chosen, site.types, t, today, campaign_url, lambda kind: url_of(type_key(kind))
    )
    calendar = calendar_view(chosen, t, today, campaign_url, FEED, month_url)
    pages = [
        PlannedPage(
            key=OVERVIEW,
            title=t("campaigns.title"),
            template="campaigns-index.html",
            searchable=False,
            context={"xc_overview": overview},
        ),
        PlannedPage(
            key=CALENDAR,
            title=t("calendar.title"),
            template="calendar.html",
            searchable=False,
            context={"xc_calendar": calendar},
        ),
    ]
    months = calendar_month_views(chosen, t, campaign_url, url_of(CALENDAR), month_url)
    for year, month, view in months:
        pages.append(
            PlannedPage(
                key=calendar_month_key(year, month),
                title=f"{view['title']} · {t('calendar.title')}",
                template="calendar-month.html",
                searchable=False,
                in_nav=False,
                context={"xc_calendar_month": view},
            )
        )
    for kind in site.types:
        pages.append(
            PlannedPage(
                key=type_key(kind),
                title=type_label(kind, t),
                template="campaigns-type.html",
                searchable=False,
                context={"xc_type_page": type_page_view(chosen, kind, t, today, campaign_url)},
            )
        )
    return pages


def _plan_reports(
    plan: CampaignPlan, chosen: list[Campaign], site: LanguageSite, drawn: DrawnFiles, referred
) -> None:
    """Report pages, each showing the pictures its campaign's bodies refer to, and news."""
    reports = plan_reports(chosen, site, drawn.photos)
    reported = {r.page_key: r.slug for c in chosen for r in c.reports}
    shown: dict[tuple[str, str], dict] = {}
    for planned in reports.pages:
        if planned.key in reported:
            here = site.prefix + site.url_of(planned.key)
            slug = reported[planned.key]
            # Addresses depend on the page's folder only, which a campaign's reports share.
            folder = (slug, here if here.endswith("/") else posixpath.dirname(here))
            if folder not in shown:
                shown[folder] = pictures_view(referred[slug], here, site.publishes_photos)
            planned.context["xc_pictures"] = shown[folder]
    plan.pages.extend(reports.pages)
    plan.assets.extend(reports.assets)
    plan.news_feed = reports.feed


def _plan_summaries(
    plan: CampaignPlan, campaigns: CampaignSet, site: LanguageSite, drawn: DrawnFiles
) -> None:
    """The year-end summaries: a list of the years, and a page per year with its PDF."""
    t, today, url_of = site.t, site.today, site.url_of
    summaries = year_summaries(
        campaigns, site.code, default=site.default_code or site.code, types=site.types, today=today,
        print_files=drawn.print_files,
    )  # fmt: skip
    if not summaries:
        return
    index = summary_index_view(summaries, t, url_of, drawn.summary_files)
    plan.pages.append(
        PlannedPage(
            key=SUMMARY_INDEX,
            title=t("summary.title"),
            template="summary-index.html",
            searchable=False,
            context={"xc_summary_index": index},
        )
    )
    for summary in summaries:
        text = summary_text(summary, t, today)
        pdf = drawn.summary_files(summary.year)
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
