"""A year-end summary worded in one language, from the translation table: its sections as
plain text, shared by the summary page and its PDF so that both say the same.

Texts here are plain (not escaped): the page escapes them, the PDF sets them as they are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..core.formatting import format_day, format_number, format_range, type_label
from ..core.strings import Translator
from .summary import YearSummary

OVERVIEW, BY_TYPE, CAMPAIGNS, TARGETS, REPORTS, PLACES, PRINTED, ORGANIZERS = (
    "overview",
    "by-type",
    "campaigns",
    "targets",
    "reports",
    "places",
    "printed",
    "organizers",
)


@dataclass(frozen=True)
class Table:
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # The page each row is about (a campaign's page key), or None: the page links it.
    links: tuple[str | None, ...] = ()


@dataclass(frozen=True)
class TargetLine:
    label: str
    numbers: str  # "完成 80% / 目标 100%"
    share: float | None  # of the goal reached, 0..1; None when not measured
    state: str  # summary.MET and the others
    state_label: str


@dataclass(frozen=True)
class TargetGroup:
    campaign: str
    link: str  # the campaign's page key
    lines: tuple[TargetLine, ...]


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    intro: str | None = None
    table: Table | None = None
    targets: tuple[TargetGroup, ...] = ()
    items: tuple[str, ...] = ()
    empty: str | None = None  # said when the section has nothing else


@dataclass(frozen=True)
class SummaryText:
    year: int
    title: str
    organizers: str | None  # "主办单位：…"
    as_of: str | None  # said while some campaign of the year is still under way
    sections: tuple[Section, ...]


def summary_text(summary: YearSummary, t: Translator, today: dt.date) -> SummaryText:
    figures = summary.figures
    separator = t("summary.separator")
    names = summary.organizer_names
    sections = [
        _overview(figures, t),
        _by_type(figures, t),
        _campaign_list(summary, t),
        _targets(figures, t),
        _reports(figures, t),
        _places(figures, t),
    ]
    if figures.printed:
        sections.append(_printed(figures, t))
    if summary.organizers:
        sections.append(_organizers(summary, t))
    return SummaryText(
        year=summary.year,
        title=t("summary.year_title", year=summary.year),
        organizers=t("summary.organizers", names=separator.join(names)) if names else None,
        as_of=t("summary.as_of", day=format_day(today, t)) if summary.open else None,
        sections=tuple(sections),
    )


def _overview(figures, t: Translator) -> Section:
    """The year in figures."""
    return Section(
        OVERVIEW,
        t("summary.overview"),
        table=Table(
            (t("summary.item"), t("summary.count")),
            (
                (t("summary.campaigns"), str(len(figures.campaigns))),
                (t("summary.activities"), _held(figures, t)),
                (t("summary.places"), str(len(figures.places))),
                (t("summary.people"), format_number(figures.people, t)),
                (t("summary.reports"), str(figures.reports)),
                (t("summary.targets_met"), _fraction(figures.met, figures.judged, t)),
            ),
        ),
    )


def _by_type(figures, t: Translator) -> Section:
    """How many campaigns of each type."""
    return Section(
        BY_TYPE,
        t("summary.by_type"),
        table=Table(
            (t("label.type"), t("summary.count")),
            tuple((type_label(kind, t), str(count)) for kind, count in figures.by_type),
        ),
    )


def _campaign_list(summary: YearSummary, t: Translator) -> Section:
    """Each campaign of the year with its own figures."""
    return Section(
        CAMPAIGNS,
        t("summary.campaign_list"),
        table=Table(
            (
                t("summary.campaign"),
                t("label.dates"),
                t("summary.activities"),
                t("summary.people"),
                t("summary.reports"),
            ),
            tuple(
                (
                    campaign.title,
                    format_range(campaign.start, campaign.end, t),
                    _held(own, t),
                    format_number(own.people, t),
                    str(own.reports),
                )
                for campaign, own in summary.rows
            ),
            links=tuple(campaign.page_key for campaign, _ in summary.rows),
        ),
    )


def _targets(figures, t: Translator) -> Section:
    """Each campaign's targets, met or not."""
    return Section(
        TARGETS,
        t("summary.targets"),
        targets=tuple(
            TargetGroup(
                campaign.title,
                campaign.page_key,
                tuple(
                    _target_line(result, t)
                    for result in figures.targets
                    if result.campaign is campaign
                ),
            )
            for campaign in figures.campaigns
            if campaign.targets
        ),
        empty=t("summary.no_targets"),
    )


def _reports(figures, t: Translator) -> Section:
    """Every report of the year, in the order they were written."""
    reports = sorted(
        ((report, campaign) for campaign in figures.campaigns for report in campaign.reports),
        key=lambda pair: (pair[0].date, pair[0].slug, pair[0].name),
    )
    return Section(
        REPORTS,
        t("summary.reports"),
        table=Table(
            (
                t("summary.report"),
                t("report.date"),
                t("summary.campaign"),
                t("report.place"),
                t("summary.people"),
            ),
            tuple(
                (
                    report.title,
                    format_day(report.date, t),
                    campaign.title,
                    report.place or "",
                    format_number(report.people, t) if report.people is not None else "",
                )
                for report, campaign in reports
            ),
            links=tuple(report.page_key for report, _ in reports),
        )
        if reports
        else None,
        empty=t("summary.no_reports"),
    )


def _places(figures, t: Translator) -> Section:
    """Every place the year's campaigns reached."""
    return Section(
        PLACES,
        t("summary.places"),
        items=figures.places,
        empty=t("summary.no_places"),
    )


def _printed(figures, t: Translator) -> Section:
    """The print-ready files of the campaigns, by kind."""
    return Section(
        PRINTED,
        t("summary.printed"),
        intro=t("summary.printed_intro"),
        table=Table(
            (t("summary.item"), t("summary.count")),
            tuple(
                (t(f"pack.{printed.kind}", size=printed.size), str(printed.count))
                for printed in figures.printed
            ),
        ),
    )


def _organizers(summary: YearSummary, t: Translator) -> Section:
    """The figures of each organiser."""
    return Section(
        ORGANIZERS,
        t("summary.by_organizer"),
        table=Table(
            (
                t("summary.organizer"),
                t("summary.campaigns"),
                t("summary.activities"),
                t("summary.places"),
                t("summary.people"),
                t("summary.targets_met"),
            ),
            tuple(
                (
                    organizer.name or t("summary.no_organizer"),
                    str(len(organizer.figures.campaigns)),
                    _held(organizer.figures, t),
                    str(len(organizer.figures.places)),
                    format_number(organizer.figures.people, t),
                    _fraction(organizer.figures.met, organizer.figures.judged, t),
                )
                for organizer in summary.organizers
            ),
        ),
    )


def _held(figures, t: Translator) -> str:
    return _fraction(figures.held, figures.planned, t)


def _fraction(part: int, whole: int, t: Translator) -> str:
    return t("summary.fraction", part=part, whole=whole)


def _target_line(result, t: Translator) -> TargetLine:
    target = result.target
    unit = target.unit
    actual = (
        f"{t('label.actual')} {format_number(target.actual, t)}{unit}"
        if target.actual is not None
        else t("label.not_measured")
    )
    return TargetLine(
        label=target.label,
        numbers=f"{actual} / {t('label.goal')} {format_number(target.goal, t)}{unit}",
        share=target.progress,
        state=result.state,
        state_label=t(f"summary.state.{result.state}"),
    )
