"""Create a new campaign folder from the starter template of its type."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from string import Template

from ..core.errors import Problem, SourceError, did_you_mean, file_problem
from ..core.messages import msg
from ..core.schema import Date
from ..core.settings import MAX_SLUG_LENGTH, SLUG_HELP, Settings
from .schema import folder_name_ok

TEMPLATES = "campaign-templates"


def new_campaign(
    *,
    project_dir: Path,
    templates_dir: Path,
    settings: Settings,
    slug: str,
    kind: str,
    start: dt.date,
    end: dt.date | None = None,
) -> list[Path]:
    """Write ``campaigns/<slug>/index.<lang>.md`` for every language that has a template.

    Dates are filled in: the campaign lasts a month unless ``end`` is given, with two
    example activities inside it.
    """
    folder = project_dir / settings.campaigns_dir / slug
    where = f"{settings.campaigns_dir}/{slug}"
    if len(slug) > MAX_SLUG_LENGTH:
        raise SourceError(
            file_problem(
                where,
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
                where,
                msg('"{slug}" cannot be used: expected {rule}', slug=slug, rule=SLUG_HELP),
            )
        )
    for name, day in (("start", start), ("end", end)):
        if day is not None and not Date.EARLIEST <= day <= Date.LATEST:
            raise SourceError(
                Problem(
                    where,
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
    # A month, unless that runs past the last day a campaign can have.
    end = end or min(start + dt.timedelta(days=30), Date.LATEST)
    if kind not in settings.campaign_types:
        choices = ", ".join(settings.campaign_types)
        raise SourceError(
            Problem(
                where,
                None,
                "type",
                msg(
                    'unknown type "{kind}"{hint}: expected one of {choices}',
                    kind=kind,
                    hint=did_you_mean(kind, settings.campaign_types),
                    choices=choices,
                ),
            )
        )
    if end < start:
        raise SourceError(
            Problem(
                where,
                None,
                "end",
                msg(
                    "{end} is before the start ({start}): expected a later date",
                    end=end,
                    start=start,
                ),
            )
        )
    if folder.exists():
        raise SourceError(
            Problem(
                where, None, None, msg("already exists: expected a new name for a new campaign")
            )
        )
    values = {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "day1": min(start + dt.timedelta(days=2), end).isoformat(),
        "day2": min(start + dt.timedelta(days=14), end).isoformat(),
    }
    texts = {}
    for language in settings.languages:
        template = templates_dir / f"{kind}.{language.code}.md"
        if template.is_file():
            texts[language.code] = Template(template.read_text(encoding="utf-8")).substitute(values)
    if settings.default.code not in texts:
        raise SourceError(
            file_problem(
                str(templates_dir / f"{kind}.{settings.default.code}.md"),
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
