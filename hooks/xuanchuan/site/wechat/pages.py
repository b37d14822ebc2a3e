"""Which pages get an official-account article (site/wechat/article.py), and what each shows besides
its body: a campaign's dates, places, organizer and summary; a report's day, place,
attendance, figures, campaign and photos."""

from __future__ import annotations

import posixpath
from pathlib import Path

from ...campaigns.attachments import body_references
from ...campaigns.model import Campaign, Report
from ...core.formatting import format_day, format_number, format_range
from ...core.links import path_within, relative_url
from ...core.strings import Translator
from .article import Article, ArticleFile

# A campaign's article sits beside its page; a report's beside the report's file.
CAMPAIGN_ARTICLE = "wechat.html"
REPORT_ARTICLE_SUFFIX = ".wechat.html"


def campaign_article(
    campaign: Campaign,
    t: Translator,
    *,
    direction: str,
    page_path: str,
    address: str | None,
    published: list[Path],
) -> ArticleFile:
    """``published`` are the campaign's files the site publishes: those its body shows."""
    lines = [_line(t, t("label.dates"), format_range(campaign.start, campaign.end, t))]
    if campaign.places:
        lines.append(_line(t, t("label.places"), t("wechat.separator").join(campaign.places)))
    if campaign.organizer:
        lines.append(_line(t, t("label.organizer"), campaign.organizer))
    files = tuple((_site_path(campaign, path), path) for path in published)
    return ArticleFile(
        f"campaigns/{campaign.slug}/{CAMPAIGN_ARTICLE}",
        _article(
            t,
            campaign,
            {"direction": direction, "page_path": page_path, "address": address},
            title=campaign.title,
            lines=tuple(lines),
            files=files,
            lead=campaign.summary,
        ),
    )


def report_article(
    report: Report,
    campaign: Campaign,
    t: Translator,
    *,
    direction: str,
    page_path: str,
    address: str | None,
) -> ArticleFile:
    lines = [_line(t, t("report.date"), format_day(report.date, t))]
    if report.place:
        lines.append(_line(t, t("report.place"), report.place))
    if report.people:
        lines.append(t("report.people", count=report.people))
    if report.figures:
        done = (
            f"{figure.label} {format_number(figure.amount, t)}{figure.unit}"
            for figure in report.figures
        )
        lines.append(_line(t, t("report.figures"), t("wechat.separator").join(done)))
    lines.append(_line(t, t("report.campaign"), campaign.title))
    if campaign.organizer:
        lines.append(_line(t, t("label.organizer"), campaign.organizer))
    files = tuple((_site_path(campaign, path), path) for path in _report_files(report))
    photos = tuple((photo.file, photo.caption) for photo in report.photos)
    return ArticleFile(
        f"campaigns/{report.slug}/reports/{report.name}{REPORT_ARTICLE_SUFFIX}",
        _article(
            t,
            campaign,
            {"direction": direction, "page_path": page_path, "address": address},
            title=report.title,
            lines=tuple(lines),
            files=files,
            photos=photos,
        ),
    )


def article_link(
    article: ArticleFile, here: str, prefix: str, is_fallback: bool, t: Translator
) -> dict:
    """The link to ``article`` on its page (at ``here``, within the whole site), for the
    page's template. A page shown in the default language for want of a translation
    (``is_fallback``) has no article of its own: it links to the default language's."""
    target = article.path if is_fallback else prefix + article.path
    return {
        "url": relative_url(target, here),
        "label": t("wechat.link"),
        "note": t("wechat.link_note"),
    }


def _article(t: Translator, campaign: Campaign, where: dict, **shown) -> Article:
    """The article of a page ``where`` it is (its direction, path and published address),
    showing ``shown`` (its title, lines, files and lead or photos)."""
    return Article(
        language=campaign.language,
        body="",  # the page's own, once it is rendered
        hint=t("wechat.hint"),
        qr_caption=t("wechat.scan"),
        **where,
        **shown,
    )


def _line(t: Translator, label: str, value: str) -> str:
    return t("wechat.line", label=label, value=value)


def _site_path(campaign: Campaign, path: Path) -> str:
    inside = path_within(path, campaign.folder)
    return f"campaigns/{campaign.slug}/{inside}"


def _report_files(report: Report) -> list[Path]:
    """The files of the campaign folder a report's body refers to (written relative to the
    reports folder), as the page shows them."""
    base = report.folder.resolve()
    found = set()
    for reference in body_references(report.body):
        relative = posixpath.normpath(f"reports/{reference.target}")
        path = report.folder / relative
        if path.is_file() and path.resolve().is_relative_to(base):
            found.add(report.folder / relative)
    return sorted(found)
