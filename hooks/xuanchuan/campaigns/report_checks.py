"""What a report names, checked against its campaign: its day within the campaign and
matching its file name, the activity it reports (by date or title), the targets its figures
count towards, and its photos."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..core.errors import did_you_mean, quoted_list
from ..core.frontmatter import Document
from ..core.images import check_image
from ..core.messages import Message, msg
from .model import Campaign

REPORTS = "reports"
# A share of a whole (participation, satisfaction) is measured, never the sum of reports.
PERCENT = ("%", "％")


def check_day(document: Document, stem: str, data: dict, campaign: Campaign, problems) -> None:
    day = data.get("date")
    if day is None:
        return
    outside = outside_campaign(day, campaign)
    if outside:
        problems.append(document.problem("date", outside))
    named = stem[:10]
    if named != day.isoformat():
        problems.append(
            document.problem(
                "date",
                msg(
                    "{day} is not the day the file name starts with ({named}): expected the "
                    "same day in both (rename the file, or correct the date)",
                    day=day.isoformat(),
                    named=named,
                ),
            )
        )


def outside_campaign(day: dt.date, campaign: Campaign) -> Message | None:
    """Why a report cannot be dated ``day``, or None when the campaign was on."""
    if campaign.start <= day <= campaign.last_day:
        return None
    return msg(
        "{day} is outside the campaign ({start} to {end}): expected the day of an activity of "
        "the campaign",
        day=day.isoformat(),
        start=campaign.start.isoformat(),
        end=campaign.last_day.isoformat(),
    )


def activity_index(document, written, campaign: Campaign, problems) -> int | None:
    """Which of the campaign's activities a report names, by its date or its title."""
    if written is None:
        return None
    found = (_by_day if isinstance(written, dt.date) else _by_title)(written, campaign.activities)
    if isinstance(found, int):
        return found
    problems.append(document.problem("activity", found))
    return None


def _by_day(day: dt.date, schedule) -> int | Message:
    same_day = [i for i, a in enumerate(schedule) if a.date == day]
    if len(same_day) == 1:
        return same_day[0]
    if not same_day:
        days = quoted_list(sorted({a.date.isoformat() for a in schedule}))
        return msg(
            "the schedule has no activity on {day}: expected a date or title of "
            "the campaign's activities: {known}",
            day=day.isoformat(),
            known=days or msg("none (the campaign has no activities)"),
        )
    return msg(
        "the schedule has {count} activities on {day}: expected the title of the "
        "one reported: {known}",
        count=len(same_day),
        day=day.isoformat(),
        known=quoted_list([schedule[i].title for i in same_day]),
    )


def _by_title(title: str, schedule) -> int | Message:
    titles = [a.title for a in schedule]
    matches = [i for i, each in enumerate(titles) if each == title]
    if len(matches) == 1:
        return matches[0]
    if matches:
        return msg(
            '"{title}" is on the schedule {count} times: expected the date of the one '
            "reported: {known}",
            title=title,
            count=len(matches),
            known=quoted_list([schedule[i].date.isoformat() for i in matches]),
        )
    return msg(
        '"{title}" is not an activity of the campaign{hint}: expected a date or title '
        "of its activities: {known}",
        title=title,
        hint=did_you_mean(title, titles),
        known=quoted_list(titles) or msg("none (the campaign has no activities)"),
    )


def figure_targets(document, figures: dict, versions, settings, problems) -> dict[int, float]:
    """Each figure's target, by its place in the campaign's targets."""
    campaign = versions[settings.default.code]
    labels = [t.label for t in campaign.targets]
    counted: dict[int, float] = {}
    for label, amount in figures.items():
        if label in labels:
            index = labels.index(label)
            if campaign.targets[index].unit.strip() in PERCENT:
                problems.append(
                    document.problem(
                        f"figures.{label}",
                        msg(
                            '"{label}" is a share in %, which reports cannot add up: expected '
                            "no figure for it here, and its actual written by hand in the "
                            "campaign's targets",
                            label=label,
                        ),
                    )
                )
                continue
            counted[index] = amount
            continue
        problems.append(
            document.problem(f"figures.{label}", _not_a_target(label, labels, versions, settings))
        )
    return counted


def _not_a_target(label: str, labels: list[str], versions, settings):
    # A label copied from the translation: the figures are written once, in the default
    # language's words, and shown in each language with that language's label.
    for language in settings.languages[1:]:
        translated = [t.label for t in versions[language.code].targets]
        if label in translated and label not in labels:
            return msg(
                '"{label}" is the target\'s label in {language}: expected its label in '
                '{default}, "{original}"',
                label=label,
                language=language.name,
                default=settings.default.name,
                original=labels[translated.index(label)],
            )
    return msg(
        '"{label}" is not a target of the campaign{hint}: expected the label of one '
        "of its targets: {known}",
        label=label,
        hint=did_you_mean(label, labels),
        known=quoted_list(labels) or msg("none (the campaign has no targets)"),
    )


def check_photos(document, photos: list, folder: Path, problems, pictures) -> None:
    for index, photo in enumerate(photos, start=1):
        written = photo.get("file")
        if written is None:
            continue
        message = check_image(folder / REPORTS, written, pictures, inside=folder)
        if message:
            problems.append(document.problem(f"photos[{index}].file", message))
