"""Create a new campaign folder from the starter template of its type."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from string import Template

from ..core.errors import Problem, SourceError, did_you_mean, file_problem
from ..core.messages import msg
from ..core.schema import Date
from ..core.settings import MAX_SLUG_LENGTH, SLUG_HELP, Settings
from .schema import folder_name_ok

TEMPLATES = "campaign-templates"


@dataclass(frozen=True)
class Scaffolding:
    """Where new campaigns and reports are written, and the starter templates they come from."""

    project_dir: Path
    templates_dir: Path
    settings: Settings


def new_campaign(
    where: Scaffolding, slug: str, kind: str, start: dt.date, end: dt.date | None = None
) -> list[Path]:
    """Write ``campaigns/<slug>/index.<lang>.md`` for every language that has a template.

    Dates are filled in: the campaign lasts a month unless ``end`` is given, with two
    example activities inside it.
    """
    settings = where.settings
    folder = where.project_dir / settings.campaigns_dir / slug
    shown = f"{settings.campaigns_dir}/{slug}"
    _check_name(slug, shown)
    _check_dates(start, end, shown)
    # A month, unless that runs past the last day a campaign can have.
    end = end or min(start + dt.timedelta(days=30), Date.LATEST)
    problem = _type_problem(kind, settings) or _order_problem(start, end)
    if problem is not None:
        raise SourceError(Problem(shown, None, *problem))
    if folder.exists():
        taken = msg("already exists: expected a new name for a new campaign")
        raise SourceError(Problem(shown, None, None, taken))
    values = {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "day1": min(start + dt.timedelta(days=2), end).isoformat(),
        "day2": min(start + dt.timedelta(days=14), end).isoformat(),
    }
    texts = {}
    for language in settings.languages:
        template = where.templates_dir / f"{kind}.{language.code}.md"
        if template.is_file():
            texts[language.code] = Template(template.read_text(encoding="utf-8")).substitute(values)
    if settings.default.code not in texts:
        raise SourceError(
            file_problem(
                str(where.templates_dir / f"{kind}.{settings.default.code}.md"),
                msg("not found: expected a starter template for this campaign type"),
            )
        )
    folder.mkdir(parents=True)
    written = []
    for code, text in texts.items():
        path = folder / f"index.{code}.md"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _check_name(slug: str, shown: str) -> None:
    if len(slug) > MAX_SLUG_LENGTH:
        raise SourceError(
            file_problem(
                shown,
                msg(
                    "the name is {length} characters long: expected at most {limit} (it becomes "
                    "the campaign's web address and part of the names of its print files)",
                    length=len(slug),
                    limit=MAX_SLUG_LENGTH,
                ),
            )
        )
    if not folder_name_ok(slug):
        raise SourceError(
            file_problem(
                shown, msg('"{slug}" cannot be used: expected {rule}', slug=slug, rule=SLUG_HELP)
            )
        )


def _check_dates(start: dt.date, end: dt.date | None, shown: str) -> None:
    for name, day in (("start", start), ("end", end)):
        if day is not None and not Date.EARLIEST <= day <= Date.LATEST:
            raise SourceError(
                Problem(
                    shown,
                    None,
                    name,
                    msg(
                        "{day} is outside the years {first} to {last}: expected a date in those "
                        "years (check the year for a typo)",
                        day=day.isoformat(),
                        first=Date.EARLIEST.year,
                        last=Date.LATEST.year,
                    ),
                )
            )


def _type_problem(kind: str, settings: Settings) -> tuple | None:
    if kind in settings.campaign_types:
        return None
    return (
        "type",
        msg(
            'unknown type "{kind}"{hint}: expected one of {choices}',
            kind=kind,
            hint=did_you_mean(kind, settings.campaign_types),
            choices=", ".join(settings.campaign_types),
        ),
    )


def _order_problem(start: dt.date, end: dt.date) -> tuple | None:
    if end >= start:
        return None
    return (
        "end",
        msg("{end} is before the start ({start}): expected a later date", end=end, start=start),
    )
