"""Start a new activity report from the report template, filled in from its campaign."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from string import Template

import yaml

from ..core.errors import Problem, SourceError, did_you_mean, file_problem, shown_path
from ..core.messages import msg
from ..core.settings import SLUG_HELP, Settings
from .loader import campaign_folders, load_campaigns
from .model import Activity, Campaign
from .report_checks import REPORTS, outside_campaign
from .scaffold import Scaffolding
from .schema import folder_name_ok

REPORT_TEMPLATES = "report-templates"
DEFAULT_NAME = "report"
# Activities listed as a hint when the day has none: enough to find the right one.
NEAREST = 8
# A name made from an activity's title stays short: it is part of the report's address.
NAME_WORDS = 5
_SMALL_WORDS = {"a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "with"}


def new_report(where: Scaffolding, slug: str, day: dt.date, name: str | None = None) -> Path:
    """Write ``campaigns/<slug>/reports/<day>-<name>.<lang>.md`` in the default language.

    It is a draft, with the activity scheduled on ``day`` (if any) as its title, activity
    and place, and one commented-out figure per target of the campaign.
    """
    project_dir, templates_dir, settings = where.project_dir, where.templates_dir, where.settings
    campaign, versions = _campaign(project_dir, settings, slug)
    where = f"{settings.campaigns_dir}/{slug}/{REPORTS}"
    outside = outside_campaign(day, campaign)
    if outside:
        raise SourceError(Problem(where, None, "--date", outside))
    that_day = [i for i, a in enumerate(campaign.activities) if a.date == day]
    chosen = that_day[0] if that_day else None
    if name is None:
        name = _name_from(versions, chosen, settings) if chosen is not None else DEFAULT_NAME
    elif name.startswith(f"{day.isoformat()}-"):
        # The day is in the file name already; written twice it would only be longer.
        name = name[len(day.isoformat()) + 1 :]
    if not folder_name_ok(name):
        raise SourceError(
            Problem(
                where,
                None,
                "--name",
                msg('"{slug}" cannot be used: expected {rule}', slug=name, rule=SLUG_HELP),
            )
        )
    code = settings.default.code
    stem = f"{day.isoformat()}-{name}"
    folder = project_dir / settings.campaigns_dir / slug / REPORTS
    path = folder / f"{stem}.{code}.md"
    taken = sorted(folder.glob(f"{stem}.*.md")) if folder.is_dir() else []
    if taken:
        raise SourceError(
            file_problem(
                shown_path(taken[0], project_dir),
                msg(
                    "already exists: expected another name for another report on this day (--name)"
                ),
            )
        )
    template = templates_dir / f"report.{code}.md"
    if not template.is_file():
        raise SourceError(
            file_problem(
                shown_path(template, project_dir),
                msg("not found: expected the starter template of a report in this language"),
            )
        )
    text = Template(template.read_text(encoding="utf-8")).substitute(
        _values(campaign, chosen, that_day, day, code)
    )
    # A field left empty is written "place:", not "place: " with a space no one can see.
    text = "".join(line.rstrip() + "\n" for line in text.splitlines())
    folder.mkdir(parents=True, exist_ok=True)
    # "x" refuses a file that appeared since the check above.
    with path.open("x", encoding="utf-8") as stream:
        stream.write(text)
    return path


def report_day(text: str, settings: Settings, slug: str) -> dt.date:
    """The day given on the command line, checked once messages speak the team's language."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise SourceError(
            Problem(
                f"{settings.campaigns_dir}/{slug}/{REPORTS}",
                None,
                "--date",
                msg('"{text}" is not a date: expected YYYY-MM-DD', text=text),
            )
        ) from None


def _campaign(project_dir: Path, settings: Settings, slug: str):
    """The campaign in the default language, and in every language."""
    known = [folder.name for folder in campaign_folders(settings, project_dir)]
    where = f"{settings.campaigns_dir}/{slug}"
    if slug not in known:
        raise SourceError(
            file_problem(
                where,
                msg(
                    "no such campaign{hint}: expected the name of a folder in {folder}/",
                    hint=did_you_mean(slug, known),
                    folder=settings.campaigns_dir,
                ),
            )
        )
    loaded = load_campaigns(settings, project_dir, include_drafts=True)
    if slug not in loaded.campaigns:
        # Its own mistakes, so the team sees what to fix before writing about it.
        own = [p for p in loaded.problems if p.path.startswith(f"{where}/")]
        raise SourceError(
            own
            or file_problem(
                where, msg("cannot be read: expected a campaign without mistakes (run the build)")
            )
        )
    versions = loaded.campaigns[slug]
    return versions[settings.default.code], versions


def _values(campaign: Campaign, chosen, that_day, day: dt.date, code: str) -> dict[str, str]:
    activity = campaign.activities[chosen] if chosen is not None else None
    if activity is not None:
        title = activity.title
        hint = [campaign.activities[i] for i in that_day[1:]]
    else:
        title = msg("Activity report, {month}/{day}", month=day.month, day=day.day).render(code)
        hint = sorted(
            campaign.activities, key=lambda a: (abs((a.date - day).days), a.date, a.title)
        )[:NEAREST]
        hint.sort(key=lambda a: a.date)
    return {
        "title": _scalar(title),
        "date": day.isoformat(),
        "schedule": "".join(f"#   {a.date.isoformat()} {a.title}\n" for a in hint),
        "activity": _scalar(_reference(campaign, activity)) if activity else "",
        "place": _scalar(activity.place) if activity and activity.place else "",
        "figures": _figures(campaign, code),
    }


def _reference(campaign: Campaign, activity: Activity) -> str | dt.date:
    """The activity's title, as the team reads it; its date when another has that title."""
    titles = [a.title for a in campaign.activities]
    return activity.title if titles.count(activity.title) == 1 else activity.date


def _figures(campaign: Campaign, code: str) -> str:
    if not campaign.targets:
        return "  # " + msg("the campaign has no targets: nothing to count").render(code)
    lines = []
    for target in campaign.targets:
        line = f"  # {_pair(target.label, 0)}"
        notes = [target.unit] if target.unit else []
        if target.actual is not None and target.reported_on is None:
            notes.append(msg("set by hand in the campaign file: not added up").render(code))
        if notes:
            line += "  # " + "; ".join(notes)
        lines.append(line)
    return "\n".join(lines)


def _name_from(versions: dict[str, Campaign], index: int, settings: Settings) -> str:
    """A file name from the activity's title in a language that spells it in letters a-z
    (a Chinese title gives none), translations first, else ``DEFAULT_NAME``."""
    for language in (*settings.languages[1:], settings.languages[0]):
        campaign = versions.get(language.code)
        if campaign is None or campaign.is_fallback:
            continue
        words = re.findall(r"[a-z0-9]+", campaign.activities[index].title.lower())
        kept = [w for w in words if w not in _SMALL_WORDS][:NAME_WORDS]
        if kept:
            return "-".join(kept)
    return DEFAULT_NAME


def _scalar(value) -> str:
    """``value`` written as YAML would read it back the same (quoted when needed)."""
    return yaml.safe_dump(value, allow_unicode=True, width=10**6).removesuffix("\n...\n").strip()


def _pair(key: str, value) -> str:
    return yaml.safe_dump({key: value}, allow_unicode=True, width=10**6).strip()
