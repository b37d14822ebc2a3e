"""Read a campaign's reports (activity briefings; README.md, 活动简报) and add up what they did.

A report lives in ``campaigns/<slug>/reports/<yyyy-mm-dd>-<name>.<lang>.md``. It is checked
against its campaign: its day falls within the campaign, the activity it reports is one of
the schedule's, each figure counts toward one of the targets. A report with a mistake is
left out on its own, so one typo in a briefing never hides the campaign's page.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from ..core.declared import build
from ..core.errors import (
    Problem,
    SourceError,
    either,
    file_problem,
    shown_path,
)
from ..core.frontmatter import Document, read_document
from ..core.languages import split_language
from ..core.messages import msg
from ..core.schema import Record, record_of
from ..core.settings import Settings
from .attachments import check_body_pictures
from .model import Activity, Campaign, Figure, Report, SourcePositions
from .report_checks import (
    REPORTS,
    activity_index,
    check_day,
    check_photos,
    figure_targets,
)
from .schema import translation_schema
from .translation import merge_translation

# The file name starts with the report's day, so a folder lists the reports in order.
_FILE_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)")
_FILE_NAME_HELP = msg(
    "the day and a name in lowercase letters a-z, digits and hyphens, such as "
    "2026-06-12-village-meeting.zh.md"
)


def report_schema() -> Record:
    return record_of(Report)


@dataclass(frozen=True)
class ReportReading:
    """What the reports of every campaign of one load are read with."""

    settings: Settings
    project_dir: Path
    pictures: Path  # where the verdicts on pictures are kept
    include_drafts: bool = False


def with_reports(
    reading: ReportReading,
    folder: Path,
    versions: dict[str, Campaign],
    problems: list[Problem],
    original: Document,
) -> dict[str, Campaign]:
    """``versions`` (the campaign in each language, ``original`` its default language's
    file), each with its reports, its targets' actual amounts added up from them and its
    held activities marked."""
    settings = reading.settings
    found = _report_files(folder, settings, reading.project_dir, problems)
    reports: dict[str, list[Report]] = {code: [] for code in versions}
    for stem, files in found.items():
        before = len(problems)
        loaded = _load_report(reading, stem, files, versions, problems)
        if loaded is None or len(problems) > before:
            continue
        if loaded[settings.default.code].draft and not reading.include_drafts:
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


def _load_report(reading: ReportReading, stem, files, versions, problems):
    """The report ``stem`` in every language of its campaign; None when it cannot be built."""
    settings, default = reading.settings, reading.settings.default.code
    documents = _report_documents(reading, stem, files, problems)
    if documents is None or default not in documents:
        return None
    original = documents[default]
    schema = report_schema()
    before = len(problems)
    data, found = original.check(schema)
    problems.extend(found)
    campaign = versions[default]
    folder = campaign.folder
    checked = data if isinstance(data, dict) else {}
    check_day(original, stem, checked, campaign, problems)
    named = _Named(
        activity_index(original, checked.get("activity"), campaign, problems),
        figure_targets(original, checked.get("figures") or {}, versions, settings, problems),
    )
    check_photos(original, checked.get("photos") or [], folder, problems, reading.pictures)
    check_body_pictures(original, folder / REPORTS, problems, reading.pictures, inside=folder)
    lenient = translation_schema(schema)
    merged: dict[str, dict] = {default: checked}
    for language in settings.languages[1:]:
        document = documents.get(language.code)
        if document is None:
            continue
        own, found = document.check(lenient)
        problems.extend(found)
        check_body_pictures(document, folder / REPORTS, problems, reading.pictures, inside=folder)
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
            documents.get(code, original),
            merged.get(code, checked),
            versions[code],
            named,
            fallback=code not in merged,
        )
        for code in versions
    }


def _report_documents(reading: ReportReading, stem, files, problems) -> dict | None:
    """The report's files that can be read, by language; None without the default one."""
    default = reading.settings.default
    documents: dict[str, Document] = {}
    for code, path in files.items():
        try:
            documents[code] = read_document(path, shown_path(path, reading.project_dir))
        except SourceError as error:
            problems.extend(error.problems)
    if default.code not in files:
        some = next(iter(files.values()))
        problems.append(
            file_problem(
                shown_path(some, reading.project_dir),
                msg(
                    "has no {name}: expected the report written in {language} next to it, "
                    "with its fields in the front matter",
                    name=f"{stem}.{default.code}.md",
                    language=default.name,
                ),
            )
        )
        return None
    return documents


@dataclass(frozen=True)
class _Named:
    """What a report names in its campaign: the activity, and the targets of its figures."""

    activity: int | None
    figures: dict[int, float]


def _in_campaign(written: str) -> str:
    """A path written relative to the reports folder, relative to the campaign folder."""
    if written.startswith(("/", "\\")):
        return written
    return posixpath.normpath(posixpath.join(REPORTS, written.replace("\\", "/")))


def _report(stem, document, data, campaign: Campaign, named: _Named, *, fallback) -> Report:
    folder = campaign.folder
    report = build(
        Report,
        data,
        slug=folder.name,
        name=stem,
        language=campaign.language,
        folder=folder,
        source=Path(document.path),
        body=document.body,
        is_fallback=fallback,
        positions=SourcePositions(document.lines, document.body_line),
    )
    return dataclasses.replace(
        report,
        activity=campaign.activities[named.activity] if named.activity is not None else None,
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
            for index, amount in sorted(named.figures.items())
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
