"""Read every campaign folder, check it against the format contract and build the model.

Every problem of every campaign is collected in one pass. A campaign with any problem is
left out as a whole (in every language); the caller decides whether that fails the build.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from ..core.errors import Problem, SourceError, did_you_mean, shown_path
from ..core.frontmatter import Document, read_document
from ..core.images import check_image
from ..core.schema import Record, build
from ..core.settings import MAX_SLUG_LENGTH, SLUG_HELP, Settings, split_language
from ..core.source_files import links_leaving
from .attachments import check_body_pictures
from .model import Campaign, CampaignSet
from .schema import campaign_schema, folder_name_ok, folder_name_reserved, translation_schema
from .sections import section_titles
from .translation import merge_translation

# The longest campaigns are five-year plans; an end further away is a typo in the year.
MAX_YEARS = 10


def load_campaigns(
    settings: Settings, project_dir: Path, *, include_drafts: bool = False
) -> CampaignSet:
    result = CampaignSet()
    root = project_dir / settings.campaigns_dir
    if not root.is_dir():
        return result
    schema = campaign_schema(settings.campaign_types)
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if folder.name.startswith((".", "_")):
            continue
        problems: list[Problem] = links_leaving(folder, project_dir)
        if problems:
            # Nothing is read through a link out of the project.
            result.problems.extend(problems)
            result.left_out.append(folder.name)
            continue
        versions = _load_folder(folder, settings, schema, project_dir, problems)
        if problems:
            result.problems.extend(problems)
            result.left_out.append(folder.name)
            continue
        if versions is None:
            continue
        if versions[settings.default.code].draft and not include_drafts:
            continue
        result.campaigns[folder.name] = versions
    result.problems.sort()
    return result


def _load_folder(folder, settings, schema, project_dir, problems) -> dict[str, Campaign] | None:
    shown_folder = shown_path(folder, project_dir)
    if len(folder.name) > MAX_SLUG_LENGTH:
        problems.append(
            Problem(
                shown_folder,
                None,
                None,
                f"the folder name is {len(folder.name)} characters long: expected at most "
                f"{MAX_SLUG_LENGTH} (it becomes the campaign's web address and part of the "
                "names of its print files)",
            )
        )
    elif not folder_name_ok(folder.name):
        problems.append(
            Problem(
                shown_folder,
                None,
                None,
                f'the folder name "{folder.name}" becomes the campaign\'s web address: '
                f"expected {SLUG_HELP}",
            )
        )
    if folder_name_reserved(folder.name):
        problems.append(
            Problem(
                shown_folder,
                None,
                None,
                f'the folder name "{folder.name}" is taken by a page the site makes itself '
                "(the calendar and the type pages): expected another name",
            )
        )
    documents: dict[str, Document] = {}
    for path in sorted(folder.iterdir()):
        if not path.name.endswith(".md"):
            continue
        shown = shown_path(path, project_dir)
        name, code = split_language(path.name)
        expected = " or ".join(f"index.{c}.md" for c in settings.codes)
        if name != "index.md" or code is None:
            problems.append(
                Problem(shown, None, None, f"unexpected Markdown file: expected {expected}")
            )
            continue
        if code not in settings.codes:
            problems.append(
                Problem(
                    shown,
                    None,
                    None,
                    f'unknown language code "{code}" in the file name: expected {expected}',
                )
            )
            continue
        try:
            documents[code] = read_document(path, shown)
        except SourceError as error:
            problems.extend(error.problems)
    default = settings.default.code
    if default not in documents:
        if not any(p.path.startswith(shown_folder + "/index.") for p in problems):
            problems.append(
                Problem(
                    shown_folder,
                    None,
                    None,
                    f"has no index.{default}.md: expected the campaign written in "
                    f"{settings.default.name}, with its fields in the front matter",
                )
            )
        return None
    original = documents[default]
    data = _validate(original, schema, problems)
    if data is None:
        return None
    _check_dates(original, data, problems)
    _check_activities(original, data, problems)
    _check_image(original, data.get("poster", {}).get("image"), folder, problems)
    check_body_pictures(original, folder, problems)
    _check_sections(original, data, problems)
    versions = {default: _campaign(folder, default, original, data, fallback=False)}
    lenient = translation_schema(schema)
    for language in settings.languages[1:]:
        document = documents.get(language.code)
        if document is None:
            versions[language.code] = _campaign(
                folder, language.code, original, data, fallback=True
            )
            continue
        merged = _translation(document, original, data, lenient, settings, problems)
        if merged is not None:
            image = (merged.get("poster") or {}).get("image")
            if image != data.get("poster", {}).get("image"):
                _check_image(document, image, folder, problems)
            check_body_pictures(document, folder, problems)
            _check_sections(document, merged, problems)
            versions[language.code] = _campaign(
                folder, language.code, document, merged, fallback=False
            )
    return versions


def _validate(document: Document, schema: Record, problems: list[Problem]) -> dict | None:
    data, found = document.check(schema)
    problems.extend(found)
    return None if found else data


def _check_dates(document: Document, data: dict, problems: list[Problem]) -> None:
    start, end = data["start"], data.get("end")
    if end is not None and end < start:
        problems.append(
            Problem(
                document.path,
                document.line_of("end"),
                "end",
                f"{end.isoformat()} is before the start ({start.isoformat()}): "
                "expected an end date on or after the start",
            )
        )
        return
    if end is not None and end > _years_after(start, MAX_YEARS):
        problems.append(
            Problem(
                document.path,
                document.line_of("end"),
                "end",
                f"{end.isoformat()} is more than {MAX_YEARS} years after the start "
                f"({start.isoformat()}): expected a campaign of at most {MAX_YEARS} years "
                "(check the year for a typo)",
            )
        )
        return
    for index, activity in enumerate(data.get("activities", []), start=1):
        day = activity["date"]
        path = f"activities[{index}].date"
        line = document.line_of(path)
        if end is None and day != start:
            # Without an end the campaign is one day: its page, status and posters say so.
            problems.append(
                Problem(
                    document.path,
                    line,
                    path,
                    f"{day.isoformat()} is not the campaign's day ({start.isoformat()}, as it "
                    f"has no end): expected {start.isoformat()}, or an end date if the campaign "
                    "lasts several days",
                )
            )
        elif end is not None and not start <= day <= end:
            problems.append(
                Problem(
                    document.path,
                    line,
                    path,
                    f"{day.isoformat()} is outside the campaign ({start.isoformat()} to "
                    f"{end.isoformat()}): expected a date between start and end",
                )
            )


def _years_after(day: dt.date, years: int) -> dt.date:
    # 29 February has no match in most years: the 28th is the same length of campaign.
    return day.replace(year=day.year + years, day=min(day.day, 28) if day.month == 2 else day.day)


def _check_activities(document: Document, data: dict, problems: list[Problem]) -> None:
    """Each activity once, and each time span ending after it starts."""
    first_of: dict[tuple, int] = {}
    for index, activity in enumerate(data.get("activities", []), start=1):
        time = activity.get("time")
        if time and "-" in time:
            begin, end = (_minutes(part) for part in time.split("-"))
            if end <= begin:
                path = f"activities[{index}].time"
                problems.append(
                    Problem(
                        document.path,
                        document.line_of(path),
                        path,
                        f'"{time}" does not end after it starts: expected an end later '
                        'the same day, such as "9:00-11:30" (past midnight, end at "23:59")',
                    )
                )
        same = (activity["date"], _minutes(time.split("-")[0]) if time else None, activity["title"])
        if same in first_of:
            path = f"activities[{index}]"
            problems.append(
                Problem(
                    document.path,
                    document.line_of(path),
                    path,
                    f"is the same activity as activities[{first_of[same]}] (same date, start time "
                    "and title): expected each activity once",
                )
            )
        first_of.setdefault(same, index)


def _minutes(clock: str) -> int:
    hours, minutes = clock.strip().split(":")
    return int(hours) * 60 + int(minutes)


def _check_image(document: Document, image: str | None, folder: Path, problems) -> None:
    if image is None:
        return
    message = check_image(folder, image)
    if message:
        problems.append(
            Problem(document.path, document.line_of("poster.image"), "poster.image", message)
        )


def _check_sections(document: Document, data: dict, problems: list[Problem]) -> None:
    """Each section a leaflet picks must be a ``##`` heading of this language's body."""
    chosen = (data.get("leaflet") or {}).get("sections") or []
    titles = section_titles(document.body)
    for index, name in enumerate(chosen, start=1):
        if name not in titles:
            path = f"leaflet.sections[{index}]"
            known = ", ".join(f'"{t}"' for t in titles) or 'none (add "## " headings)'
            problems.append(
                Problem(
                    document.path,
                    document.line_of(path),
                    path,
                    f'"{name}" is not a section of this file{did_you_mean(name, titles)}: '
                    f"expected one of its ## headings: {known}",
                )
            )


def _translation(document, original, data, lenient, settings, problems) -> dict | None:
    """Check a translation file and merge it over the default language's data."""
    before = len(problems)
    checked = _validate(document, lenient, problems)
    if checked is None:
        return None

    def contradiction(path: str, message: str) -> None:
        problems.append(Problem(document.path, document.line_of(path), path, message))

    merged = merge_translation(lenient, data, checked, settings.default.name, contradiction)
    return merged if len(problems) == before else None


def _campaign(folder: Path, code: str, document: Document, data: dict, *, fallback) -> Campaign:
    campaign = build(
        Campaign,
        data,
        slug=folder.name,
        language=code,
        folder=folder,
        source=Path(document.path),
        body=document.body,
        is_fallback=fallback,
    )
    changes: dict = {
        "activities": tuple(sorted(campaign.activities, key=lambda a: (a.date, a.start_time or "")))
    }
    if campaign.poster:
        changes["poster"] = dataclasses.replace(
            campaign.poster,
            headline=campaign.poster.headline or campaign.title,
            image=folder / campaign.poster.image if campaign.poster.image else None,
        )
    return dataclasses.replace(campaign, **changes)
