"""Read a campaign's reports (activity briefings; README.md, 活动简报) and add up what they did.

A report lives in ``campaigns/<slug>/reports/<yyyy-mm-dd>-<name>.<lang>.md``. It is checked
against its campaign: its day falls within the campaign, the activity it reports is one of
the schedule's, each figure counts toward one of the targets. A report with a mistake is
left out on its own, so one typo in a briefing never hides the campaign's page.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath
import re
from pathlib import Path

from ..core.declared import build
from ..core.errors import (
    Problem,
    SourceError,
    did_you_mean,
    either,
    file_problem,
    quoted_list,
    shown_path,
)
from ..core.frontmatter import Document, read_document
from ..core.images import check_image
from ..core.languages import split_language
from ..core.messages import Message, msg
from ..core.schema import Record, record_of
from ..core.settings import Settings
from .attachments import check_body_pictures
from .model import Activity, Campaign, Figure, Report, SourcePositions
from .schema import translation_schema
from .translation import merge_translation

REPORTS = "reports"
# The file name starts with the report's day, so a folder lists the reports in order.
_FILE_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)")
_FILE_NAME_HELP = msg(
    "the day and a name in lowercase letters a-z, digits and hyphens, such as "
    "2026-06-12-village-meeting.zh.md"
)


def report_schema() -> Record:
    return record_of(Report)


def with_reports(
    folder: Path,
    versions: dict[str, Campaign],
    settings: Settings,
    project_dir: Path,
    problems: list[Problem],
    *,
    include_drafts: bool,
    pictures: Path,
    original: Document,
) -> dict[str, Campaign]:
    """``versions`` (the campaign in each language, ``original`` its default language's
    file), each with its reports, its targets' actual amounts added up from them and its
    held activities marked."""
    found = _report_files(folder, settings, project_dir, problems)
    reports: dict[str, list[Report]] = {code: [] for code in versions}
    for stem, files in found.items():
        before = len(problems)
        loaded = _load_report(
            stem, files, folder, versions, settings, project_dir, problems, pictures
        )
        if loaded is None or len(problems) > before:
            continue
        if loaded[settings.default.code].draft and not include_drafts:
            continue
        for code, report in loaded.items():
            reports[code].append(report)
    _check_by_hand(
        original, versions[settings.default.code], reports[settings.default.code], problems
    )
    return {code: _summed(campaign, reports[code]) for code, campaign in versions.items()}


def _check_by_hand(original: Document, campaign: Campaign, reports, problems) -> None:
    """A target whose actual is written by hand does not count its reports' figures: the
    team is told, at the actual, rather than left wondering why the total stays still.
    The reports stay in the site: what they say happened did happen."""
    for index, target in enumerate(campaign.targets):
        if target.actual is None:
            continue
        amounts = [f.amount for r in reports for f in r.figures if f.target == index]
        if not amounts:
            continue
        problems.append(
            original.problem(
                f"targets[{index + 1}].actual",
                msg(
                    'is written by hand ({actual}), so the figures reports give "{label}" '
                    "({total} in all) are not counted: expected one or the other (remove "
                    "actual to add up the reports' figures, or the figures from the reports)",
                    actual=_tidy(target.actual),
                    label=target.label,
                    total=_tidy(sum(amounts)),
                ),
            )
        )


def _report_files(folder, settings, project_dir, problems) -> dict[str, dict[str, Path]]:
    """The report files of ``folder`` by name (without language), each by language code."""
    root = folder / REPORTS
    if not root.is_dir():
        return {}
    found: dict[str, dict[str, Path]] = {}
    for path in sorted(root.iterdir()):
        if not path.name.endswith(".md") or path.name.startswith("."):
            continue
        shown = shown_path(path, project_dir)
        name, code = split_language(path.name)
        stem = name[: -len(".md")]
        if code is None or code not in settings.codes:
            files = either([f"{stem}.{c}.md" for c in settings.codes])
            problems.append(
                file_problem(
                    shown,
                    msg(
                        "a report's file name ends with its language: expected {files}", files=files
                    )
                    if code is None
                    else msg(
                        'unknown language code "{code}" in the file name: expected {files}',
                        code=code,
                        files=files,
                    ),
                )
            )
            continue
        if not _FILE_NAME.fullmatch(stem):
            problems.append(
                file_problem(
                    shown,
                    msg(
                        'the file name "{name}" becomes the report\'s web address: expected {rule}',
                        name=path.name,
                        rule=_FILE_NAME_HELP,
                    ),
                )
            )
            continue
        found.setdefault(stem, {})[code] = path
    return found


def _load_report(stem, files, folder, versions, settings, project_dir, problems, pictures):
    default = settings.default.code
    documents: dict[str, Document] = {}
    for code, path in files.items():
        try:
            documents[code] = read_document(path, shown_path(path, project_dir))
        except SourceError as error:
            problems.extend(error.problems)
    if default not in files:
        some = next(iter(files.values()))
        problems.append(
            file_problem(
                shown_path(some, project_dir),
                msg(
                    "has no {name}: expected the report written in {language} next to it, "
                    "with its fields in the front matter",
                    name=f"{stem}.{default}.md",
                    language=settings.default.name,
                ),
            )
        )
        return None
    if default not in documents:
        return None
    original = documents[default]
    schema = report_schema()
    before = len(problems)
    data, found = original.check(schema)
    problems.extend(found)
    campaign = versions[default]
    checked = data if isinstance(data, dict) else {}
    _check_day(original, stem, checked, campaign, problems)
    activity = _activity_index(original, checked.get("activity"), campaign, problems)
    figures = _figure_targets(original, checked.get("figures") or {}, versions, settings, problems)
    _check_photos(original, checked.get("photos") or [], folder, problems, pictures)
    check_body_pictures(original, folder / REPORTS, problems, pictures, inside=folder)
    lenient = translation_schema(schema)
    merged: dict[str, dict] = {default: checked}
    for language in settings.languages[1:]:
        document = documents.get(language.code)
        if document is None:
            continue
        own, found = document.check(lenient)
        problems.extend(found)
        check_body_pictures(document, folder / REPORTS, problems, pictures, inside=folder)
        if found or len(problems) > before:
            continue

        def contradiction(path, message, document=document):
            problems.append(Problem(document.path, document.line_of(path), path, message))

        merged[language.code] = merge_translation(
            lenient, checked, own, settings.default.name, contradiction
        )
    if len(problems) > before:
        return None
    return {
        code: _report(
            stem,
            code,
            documents.get(code, original),
            merged.get(code, checked),
            campaign=versions[code],
            folder=folder,
            activity=activity,
            figures=figures,
            fallback=code not in merged,
        )
        for code in versions
    }


def _check_day(document: Document, stem: str, data: dict, campaign: Campaign, problems) -> None:
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


def _activity_index(document, written, campaign: Campaign, problems) -> int | None:
    """Which of the campaign's activities a report names, by its date or its title."""
    if written is None:
        return None
    schedule = campaign.activities
    titles = [a.title for a in schedule]
    if isinstance(written, dt.date):
        same_day = [i for i, a in enumerate(schedule) if a.date == written]
        if len(same_day) == 1:
            return same_day[0]
        if not same_day:
            days = quoted_list(sorted({a.date.isoformat() for a in schedule}))
            problems.append(
                document.problem(
                    "activity",
                    msg(
                        "the schedule has no activity on {day}: expected a date or title of "
                        "the campaign's activities: {known}",
                        day=written.isoformat(),
                        known=days or msg("none (the campaign has no activities)"),
                    ),
                )
            )
            return None
        problems.append(
            document.problem(
                "activity",
                msg(
                    "the schedule has {count} activities on {day}: expected the title of the "
                    "one reported: {known}",
                    count=len(same_day),
                    day=written.isoformat(),
                    known=quoted_list([schedule[i].title for i in same_day]),
                ),
            )
        )
        return None
    matches = [i for i, title in enumerate(titles) if title == written]
    if len(matches) == 1:
        return matches[0]
    if matches:
        problems.append(
            document.problem(
                "activity",
                msg(
                    '"{title}" is on the schedule {count} times: expected the date of the one '
                    "reported: {known}",
                    title=written,
                    count=len(matches),
                    known=quoted_list([schedule[i].date.isoformat() for i in matches]),
                ),
            )
        )
        return None
    problems.append(
        document.problem(
            "activity",
            msg(
                '"{title}" is not an activity of the campaign{hint}: expected a date or title '
                "of its activities: {known}",
                title=written,
                hint=did_you_mean(written, titles),
                known=quoted_list(titles) or msg("none (the campaign has no activities)"),
            ),
        )
    )
    return None


def _figure_targets(document, figures: dict, versions, settings, problems) -> dict[int, float]:
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


# A share of a whole (participation, satisfaction) is measured, never the sum of reports.
PERCENT = ("%", "％")


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


def _check_photos(document, photos: list, folder: Path, problems, pictures) -> None:
    for index, photo in enumerate(photos, start=1):
        written = photo.get("file")
        if written is None:
            continue
        message = check_image(folder / REPORTS, written, pictures, inside=folder)
        if message:
            problems.append(document.problem(f"photos[{index}].file", message))


def _in_campaign(written: str) -> str:
    """A path written relative to the reports folder, relative to the campaign folder."""
    if written.startswith(("/", "\\")):
        return written
    return posixpath.normpath(posixpath.join(REPORTS, written.replace("\\", "/")))


def _report(stem, code, document, data, *, campaign, folder, activity, figures, fallback):
    report = build(
        Report,
        data,
        slug=folder.name,
        name=stem,
        language=code,
        folder=folder,
        source=Path(document.path),
        body=document.body,
        is_fallback=fallback,
        positions=SourcePositions(document.lines, document.body_line),
    )
    return dataclasses.replace(
        report,
        activity=campaign.activities[activity] if activity is not None else None,
        photos=tuple(
            dataclasses.replace(photo, file=folder / _in_campaign(str(photo.file)))
            for photo in report.photos
        ),
        figures=tuple(
            Figure(
                label=campaign.targets[index].label,
                amount=amount,
                unit=campaign.targets[index].unit,
                target=index,
            )
            for index, amount in sorted(figures.items())
        ),
    )


def _summed(campaign: Campaign, reports: list[Report]) -> Campaign:
    """The campaign with its reports (newest first), each target's actual added up from
    them unless written by hand, and each activity a report covers marked held."""
    if not reports:
        return campaign
    newest_first = tuple(sorted(reports, key=lambda r: (r.date, r.name), reverse=True))
    targets = []
    for index, target in enumerate(campaign.targets):
        counted = [(r.date, f.amount) for r in newest_first for f in r.figures if f.target == index]
        if target.actual is not None or not counted:
            targets.append(target)
            continue
        targets.append(
            dataclasses.replace(
                target,
                actual=_tidy(sum(amount for _, amount in counted)),
                reported_on=max(day for day, _ in counted),
            )
        )
    first_report: dict[Activity, str] = {}
    for report in reversed(newest_first):
        if report.activity is not None:
            first_report.setdefault(report.activity, report.page_key)
    return dataclasses.replace(
        campaign,
        reports=newest_first,
        targets=tuple(targets),
        activities=tuple(
            dataclasses.replace(a, report=first_report[a]) if a in first_report else a
            for a in campaign.activities
        ),
    )


def _tidy(amount: float) -> float:
    # Whole amounts stay whole (1200, not 1200.0) on pages and in summaries.
    return int(amount) if float(amount).is_integer() else round(amount, 6)


__all__ = ["REPORTS", "report_schema", "with_reports"]
