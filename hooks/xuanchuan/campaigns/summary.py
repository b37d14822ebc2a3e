"""The figures of the year-end summary (README.md, 年度总结), per language and year, and per
organizer when a year's campaigns name several.

A campaign counts, whole, in the year it starts: the campaigns overview lists it under
that year, and one running over New Year is counted once instead of being split in two.
Its activities, reports and targets count with it.

- activities planned: the campaign's schedule; held: those a report covers;
- places reached: the distinct places of its reports and held activities;
- people reached: the attendance its reports give;
- targets: each one's goal and amount, judged met or not once the campaign has ended
  (still "in progress" before);
- printed materials: the print-ready files each campaign gets (posters per size and
  leaflets), in this language.

Places are told apart by their names in the default language, so every language's summary
counts the same places; each is shown in the language's own words. Everything here is
plain data: pages and print files word it from the translation table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..core.print_files import LEAFLET_PDF, POSTER_PDF, PrintFile
from ..core.settings import POSTER_SIZES
from .model import Campaign, CampaignSet, Target

MET, NOT_MET, IN_PROGRESS, NOT_MEASURED = "met", "not-met", "in-progress", "not-measured"
# Once a campaign has ended, its targets are judged.
JUDGED = (MET, NOT_MET, NOT_MEASURED)


@dataclass(frozen=True)
class TargetResult:
    campaign: Campaign
    target: Target
    state: str  # MET, NOT_MET, IN_PROGRESS or NOT_MEASURED


@dataclass(frozen=True)
class Printed:
    """How many print-ready files of one kind (and paper size) the campaigns got."""

    kind: str  # a name in core.print_files.KINDS
    size: str  # "" for a kind printed on one paper only (the leaflet)
    count: int


@dataclass(frozen=True)
class Figures:
    """The figures of a set of campaigns (a year, an organizer's, or one campaign)."""

    campaigns: tuple[Campaign, ...]  # oldest first
    by_type: tuple[tuple[str, int], ...]  # (type, how many), in the configured order
    planned: int
    held: int
    places: tuple[str, ...]  # in this language, first reached first
    people: int
    reports: int
    targets: tuple[TargetResult, ...]
    printed: tuple[Printed, ...]

    @property
    def met(self) -> int:
        return sum(result.state == MET for result in self.targets)

    @property
    def judged(self) -> int:
        """Targets of campaigns that have ended: those the year is assessed on."""
        return sum(result.state in JUDGED for result in self.targets)


@dataclass(frozen=True)
class Organizer:
    name: str | None  # None: the campaigns that name no organizer
    figures: Figures


@dataclass(frozen=True)
class YearSummary:
    year: int
    language: str
    figures: Figures
    rows: tuple[tuple[Campaign, Figures], ...]  # each campaign with its own figures
    organizers: tuple[Organizer, ...]  # empty unless the campaigns name several
    open: bool  # some campaign has not ended yet: the figures may still grow

    @property
    def organizer_names(self) -> tuple[str, ...]:
        """The organizers the year's campaigns name, in this language."""
        names = []
        for campaign in self.figures.campaigns:
            if campaign.organizer and campaign.organizer not in names:
                names.append(campaign.organizer)
        return tuple(names)


PrintFiles = Callable[[Campaign], list[PrintFile]]


def year_summaries(
    campaigns: CampaignSet,
    code: str,
    *,
    default: str,
    types: tuple[str, ...],
    today: dt.date,
    print_files: PrintFiles = lambda campaign: [],
) -> list[YearSummary]:
    """A summary for each year that has campaigns, newest year first, in language ``code``
    (``default`` is the default language, whose names tell places apart)."""
    pairs = sorted(
        ((versions[code], versions[default]) for versions in campaigns.campaigns.values()),
        key=lambda pair: (pair[0].start, pair[0].slug),
    )
    years: dict[int, list[tuple[Campaign, Campaign]]] = {}
    for pair in pairs:
        years.setdefault(pair[0].start.year, []).append(pair)

    def figures(chosen):
        return _figures(chosen, types, today, print_files)

    summaries = []
    for year, chosen in sorted(years.items(), reverse=True):
        summaries.append(
            YearSummary(
                year=year,
                language=code,
                figures=figures(chosen),
                rows=tuple((pair[0], figures([pair])) for pair in chosen),
                organizers=tuple(
                    Organizer(name, figures(members)) for name, members in _by_organizer(chosen)
                ),
                open=any(not campaign.ended(today) for campaign, _ in chosen),
            )
        )
    return summaries


def _by_organizer(pairs) -> list[tuple[str | None, list]]:
    """The campaigns by organizer (told apart by the default language's name), when they
    name more than one; those naming none come last, together."""
    groups: dict[str | None, list] = {}
    for pair in pairs:
        groups.setdefault(pair[1].organizer, []).append(pair)
    if len(groups) < 2:
        return []
    named = sorted(key for key in groups if key is not None)
    order = named + ([None] if None in groups else [])
    # Shown in this language: the name its first campaign gives.
    return [(groups[key][0][0].organizer if key else None, groups[key]) for key in order]


def _figures(pairs, types, today, print_files) -> Figures:
    campaigns = tuple(campaign for campaign, _ in pairs)
    present = {campaign.type for campaign in campaigns}
    order = [kind for kind in types if kind in present] + sorted(present - set(types))
    return Figures(
        campaigns=campaigns,
        by_type=tuple((kind, sum(c.type == kind for c in campaigns)) for kind in order),
        planned=sum(len(campaign.activities) for campaign in campaigns),
        held=sum(activity.report is not None for c in campaigns for activity in c.activities),
        places=_places(pairs),
        people=sum(report.people or 0 for c in campaigns for report in c.reports),
        reports=sum(len(campaign.reports) for campaign in campaigns),
        targets=tuple(
            TargetResult(campaign, target, _state(campaign, target, today))
            for campaign in campaigns
            for target in campaign.targets
        ),
        printed=_printed(campaigns, print_files),
    )


def _places(pairs) -> tuple[str, ...]:
    """Where reports and held activities took place, each place once, first reached first."""
    found = []  # (day, name in the default language, name in this language)
    for campaign, default in pairs:
        # Activities are in the same order in every language (by date and time).
        for activity, original in zip(campaign.activities, default.activities, strict=False):
            if activity.report is not None and original.place:
                found.append((activity.date, original.place, activity.place or original.place))
        originals = {report.name: report for report in default.reports}
        for report in campaign.reports:
            original = originals.get(report.name, report)
            if original.place:
                found.append((report.date, original.place, report.place or original.place))
    shown: dict[str, str] = {}
    for _, key, name in sorted(found):
        shown.setdefault(key, name)
    return tuple(shown.values())


def _state(campaign: Campaign, target: Target, today: dt.date) -> str:
    if not campaign.ended(today):
        return IN_PROGRESS
    if target.met is None:
        return NOT_MEASURED
    return MET if target.met else NOT_MET


def _printed(campaigns, print_files: PrintFiles) -> tuple[Printed, ...]:
    counts: dict[tuple[str, str], int] = {}
    for campaign in campaigns:
        for file in print_files(campaign):
            if file.kind == POSTER_PDF.name:
                key = (file.kind, file.size)
            elif file.kind == LEAFLET_PDF.name:
                key = (file.kind, "")
            else:
                continue  # pictures for screens and chat groups are not printed
            counts[key] = counts.get(key, 0) + 1

    def order(key):
        kind, size = key
        return (kind != POSTER_PDF.name, POSTER_SIZES.index(size) if size in POSTER_SIZES else 0)

    return tuple(
        Printed(kind, size, counts[kind, size]) for kind, size in sorted(counts, key=order)
    )
