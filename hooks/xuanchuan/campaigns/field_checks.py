"""The checks of a campaign file's fields beyond their types: dates in order and within
reason, activities inside the campaign and at real times, the poster's photo, the photo
design, the leaflet's sections. Each check reads only the fields that passed the schema,
so one mistake is told once, with its file and line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import Problem, did_you_mean, quoted_list
from ..core.frontmatter import Document
from ..core.images import check_image
from ..core.messages import Message, msg
from ..core.schema import MISSING, Option, Record, Report
from .sections import section_titles

# The longest campaigns are five-year plans; an end further away is a typo in the year.
MAX_YEARS = 10


@dataclass(frozen=True)
class Checked:
    """A file's fields as checked against the format contract: ``data`` holds those that
    passed (all of them when ``complete``), ``flagged`` the paths of those with a problem."""

    data: dict
    flagged: frozenset[str]
    complete: bool

    def clean(self, path: str) -> bool:
        """Whether the field at ``path`` and everything in it passed."""
        return not any(
            flagged == path or flagged.startswith((f"{path}.", f"{path}["))
            for flagged in self.flagged
        )

    def get(self, path: str):
        """The checked value at a dotted ``path``; None when absent or with a problem."""
        if not self.clean(path):
            return None
        value = self.data
        for key in path.split("."):
            value = value.get(key) if isinstance(value, dict) else None
        return value


def check_fields(document: Document, schema: Record, problems: list[Problem]) -> Checked:
    data, found = document.check(schema)
    problems.extend(found)
    return Checked(
        data if isinstance(data, dict) else {},
        frozenset(problem.field or "" for problem in found),
        not found,
    )


def _each_item(document: Document, schema: Record, path: str):
    """Each item of the list at ``path`` of the file, checked on its own, with its own path
    (``activities[2]``): an item keeps its place even when one before it has a mistake."""
    option: Option = schema
    written = document.meta
    for key in path.split("."):
        option = option.fields[key]
        written = written.get(key) if isinstance(written, dict) else None
    if not isinstance(written, list):
        return
    for index, item in enumerate(written, start=1):
        where = f"{path}[{index}]"
        value = option.item.validate(item, where, Report(written=document.written))
        if value is not MISSING:
            yield index, where, value


def check_dates(document: Document, checked: Checked, schema, problems) -> None:
    start, end = checked.get("start"), checked.get("end")
    if start is None:
        return
    wrong_end = _end_problem(start, end)
    if wrong_end:
        problems.append(document.problem("end", wrong_end))
        return
    if not checked.clean("end"):
        return  # an end written wrongly is still an end: the campaign's days are not known
    for _, where, activity in _each_item(document, schema, "activities"):
        path = f"{where}.date"
        day = activity.get("date") if checked.clean(path) else None
        wrong_day = _day_problem(day, start, end) if day is not None else None
        if wrong_day:
            problems.append(document.problem(path, wrong_day))


def _end_problem(start: dt.date, end: dt.date | None) -> Message | None:
    if end is not None and end < start:
        return msg(
            "{end} is before the start ({start}): expected an end date on or after the start",
            end=end.isoformat(),
            start=start.isoformat(),
        )
    if end is not None and end > _years_after(start, MAX_YEARS):
        return msg(
            "{end} is more than {years} years after the start ({start}): expected a "
            "campaign of at most {years} years (check the year for a typo)",
            end=end.isoformat(),
            years=MAX_YEARS,
            start=start.isoformat(),
        )
    return None


def _day_problem(day: dt.date, start: dt.date, end: dt.date | None) -> Message | None:
    """What is wrong with an activity's day, if anything."""
    if end is None and day != start:
        # Without an end the campaign is one day: its page, status and posters say so.
        return msg(
            "{day} is not the campaign's day ({start}, as it has no end): expected "
            "{start}, or an end date if the campaign lasts several days",
            day=day.isoformat(),
            start=start.isoformat(),
        )
    if end is not None and not start <= day <= end:
        return msg(
            "{day} is outside the campaign ({start} to {end}): expected a date "
            "between start and end",
            day=day.isoformat(),
            start=start.isoformat(),
            end=end.isoformat(),
        )
    return None


def _years_after(day: dt.date, years: int) -> dt.date:
    # 29 February has no match in most years: the 28th is the same length of campaign.
    return day.replace(year=day.year + years, day=min(day.day, 28) if day.month == 2 else day.day)


def check_activities(document: Document, checked: Checked, schema, problems) -> None:
    """Each activity once, and each time span ending after it starts."""
    first_of: dict[tuple, int] = {}
    for index, where, activity in _each_item(document, schema, "activities"):
        time = activity.get("time") if checked.clean(f"{where}.time") else None
        if time and "-" in time:
            begin, end = (_minutes(part) for part in time.split("-"))
            if end <= begin:
                path = f"{where}.time"
                problems.append(
                    document.problem(
                        path,
                        msg(
                            '"{time}" does not end after it starts: expected an end later the '
                            'same day, such as "9:00-11:30" (past midnight, end at "23:59")',
                            time=time,
                        ),
                    )
                )
        # What makes an activity the same as another: compared only once it is right.
        if not all(checked.clean(f"{where}.{key}") for key in ("date", "time", "title")):
            continue
        if "date" not in activity or "title" not in activity:
            continue
        same = (activity["date"], _minutes(time.split("-")[0]) if time else None, activity["title"])
        if same in first_of:
            problems.append(
                document.problem(
                    where,
                    msg(
                        "is the same activity as activities[{first}] (same date, start time and "
                        "title): expected each activity once",
                        first=first_of[same],
                    ),
                )
            )
        first_of.setdefault(same, index)


def _minutes(clock: str) -> int:
    hours, minutes = clock.strip().split(":")
    return int(hours) * 60 + int(minutes)


def check_photo(document: Document, image: str | None, folder: Path, problems, cache_dir) -> None:
    if image is None:
        return
    message = check_image(folder, image, cache_dir)
    if message:
        path = image_field(document.lines)
        problems.append(Problem(document.path, document.line_of(path), path, message))


def image_field(lines) -> str:
    """Where a file names its poster photo: ``poster.image``, or ``poster.image.file``
    when it gives the photo's focus too."""
    return "poster.image.file" if "poster.image.file" in lines else "poster.image"


def file_of(image: dict | None) -> str | None:
    return image["file"] if image else None


def same_photo_same_focus(merged: dict, original: dict) -> dict:
    """A translation that names the default language's photo without a focus of its own
    crops it as the default language does: the subject of a photo is in the same place
    whatever the language of the poster."""
    image = (merged.get("poster") or {}).get("image")
    first = (original.get("poster") or {}).get("image")
    if image and first and image["focus"] is None and image["file"] == first["file"]:
        poster = {**merged["poster"], "image": {**image, "focus": first["focus"]}}
        return {**merged, "poster": poster}
    return merged


def check_photo_design(document: Document, checked: Checked, problems) -> None:
    """A campaign that asks for the photo-led poster has a photo. (A type's design chosen
    in mkdocs.yml is a preference: a campaign of it without a photo gets the headline
    design instead.)"""
    if checked.get("poster.layout") != "photo" or not checked.clean("poster.image"):
        return
    if not checked.get("poster.image"):
        problems.append(
            document.problem(
                "poster.layout",
                msg(
                    'is "photo", a design made around the campaign\'s photo, but there is no '
                    "poster.image: expected poster.image naming a photo in the campaign "
                    'folder, or the "headline" or "pictograms" design'
                ),
            )
        )


def check_sections(document: Document, checked: Checked, schema, problems) -> None:
    """Each section a leaflet picks must be a ``##`` heading of this language's body."""
    titles = section_titles(document.body)
    for _, path, name in _each_item(document, schema, "leaflet.sections"):
        if name in titles or not checked.clean(path):
            continue
        known = quoted_list(titles) or msg('none (add "## " headings)')
        problems.append(
            document.problem(
                path,
                msg(
                    '"{name}" is not a section of this file{hint}: expected one of its ## '
                    "headings: {known}",
                    name=name,
                    hint=did_you_mean(name, titles),
                    known=known,
                ),
            )
        )
