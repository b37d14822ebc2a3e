"""The pages reports add to one language's site: a page per report, the news pages (every
report, newest first, a page at a time) and the Atom feed."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...campaigns.model import Campaign, Report
from ...core.links import relative_url
from ...core.strings import Translator
from ..build.language_site import LanguageSite
from ..build.planned import PlannedPage
from ..search.excerpts import opening
from ..wechat.pages import article_link, report_article
from .news_feed import NEWS, NEWS_FEED, news_feed
from .views import news_view, photo_assets, report_view

# Twenty reports a page keep a news page as light as an article on a phone.
NEWS_PAGE_SIZE = 20
FEED_SUMMARY_LENGTH = 200


def news_key(number: int) -> str:
    return NEWS if number == 1 else f"news/{number}.md"


@dataclass
class ReportPlan:
    pages: list[PlannedPage] = field(default_factory=list)
    assets: list[tuple[str, object]] = field(default_factory=list)
    feed: bytes = b""


def plan_reports(campaigns: list[Campaign], site: LanguageSite, photos: dict) -> ReportPlan:
    """A page per report, the news pages and their feed; photo copies are published by
    the language that publishes photos and shown by all."""
    plan = ReportPlan()
    by_slug = {campaign.slug: campaign for campaign in campaigns}
    reports = sorted(
        (r for c in campaigns for r in c.reports),
        key=lambda r: (r.date, r.slug, r.name),
        reverse=True,
    )
    plan.pages += [_report_page(report, by_slug[report.slug], site, photos) for report in reports]
    if site.publishes_photos:
        for campaign in campaigns:
            plan.assets.extend(photo_assets(campaign, photos))
    if not reports:
        return plan
    plan.pages += _news_pages(news_view(reports, by_slug, site.t, site.url_of), site)
    plan.feed = news_feed(
        reports, site, summary_of=lambda r: opening({}, r.body, FEED_SUMMARY_LENGTH)
    )
    return plan


def _report_page(report, campaign: Campaign, site: LanguageSite, photos: dict) -> PlannedPage:
    t, prefix, url_of = site.t, site.prefix, site.url_of
    here = prefix + url_of(report.page_key)

    def photo_url(path: str) -> str:
        return relative_url(path, here)

    article = (
        report_article(
            report,
            campaign,
            t,
            direction=site.direction,
            page_path=url_of(report.page_key),
            address=site.address_of(report.page_key),
        )
        if site.wechat_articles
        else None
    )
    view = report_view(report, campaign, t, url_of, photo_url, photos)
    view["wechat"] = article_link(article, here, prefix, report.is_fallback, t) if article else None
    return PlannedPage(
        key=report.page_key,
        title=report.title,
        fragment="partials/xc-report.html",
        context={"xc_report": view},
        source=report.folder / "reports" / report.source.name,
        is_fallback=report.is_fallback,
        in_nav=False,
        article=None if report.is_fallback else article,
    )


def _news_pages(items: list, site: LanguageSite) -> list[PlannedPage]:
    """The news: every report, newest first, NEWS_PAGE_SIZE to a page."""
    t, url_of = site.t, site.url_of
    pages = [items[i : i + NEWS_PAGE_SIZE] for i in range(0, len(items), NEWS_PAGE_SIZE)]
    return [
        PlannedPage(
            key=news_key(number),
            title=t("news.title")
            if number == 1
            else t("news.page_title", number=number, title=t("news.title")),
            template="news.html",
            searchable=False,
            in_nav=number == 1,
            context={
                "xc_news": {
                    "items": chosen,
                    "intro": t("news.intro"),
                    "feed": NEWS_FEED,
                    "feed_label": t("news.feed"),
                    "pager": _pager(number, len(pages), url_of, t),
                }
            },
        )
        for number, chosen in enumerate(pages, start=1)
    ]


def _pager(number: int, count: int, url_of, t: Translator) -> dict | None:
    if count == 1:
        return None
    return {
        "label": t("news.pages"),
        "previous": url_of(news_key(number - 1)) if number > 1 else None,
        "next": url_of(news_key(number + 1)) if number < count else None,
        "previous_label": t("news.newer"),
        "next_label": t("news.older"),
        "pages": [
            {"number": n, "url": url_of(news_key(n)), "current": n == number}
            for n in range(1, count + 1)
        ],
    }


__all__ = ["NEWS", "NEWS_FEED", "Report", "news_key", "plan_reports"]
