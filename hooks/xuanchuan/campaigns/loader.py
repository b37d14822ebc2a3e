"""Read every campaign folder, check it against the format contract and build the model.

Every problem of every campaign is collected in one pass. A campaign with any problem is
left out as a whole (in every language); the caller decides whether that fails the build.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..core.declared import build
from ..core.disk_cache import CACHE_DIR
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
from ..core.schema import MISSING, Option, Record, Report
from ..core.settings import MAX_SLUG_LENGTH, SLUG_HELP, Settings
from ..core.source_files import links_leaving
from .attachments import check_body_pictures
from .model import CENTER, Campaign, CampaignSet, SourcePositions
from .reports import REPORTS, with_reports
from .schema import campaign_schema, folder_name_ok, folder_name_reserved, translation_schema
from .sections import section_titles
from .translation import merge_translation

# The longest campaigns are five-year plans; an end further away is a typo in the year.
MAX_YEARS = 10


def load_campaigns(
    settings: Settings,
    project_dir: Path,
    *,
    include_drafts: bool = False,
    cache_dir: Path | None = None,
) -> CampaignSet:
    """``cache_dir`` keeps the verdicts on pictures (default: the project's cache)."""
    result = CampaignSet()
    pictures = (cache_dir or project_dir / CACHE_DIR) / "pictures"
    schema = campaign_schema(settings.campaign_types)
    for folder in campaign_folders(settings, project_dir):
        problems: list[Problem] = links_leaving(folder, project_dir)
        if problems:
            # Nothing is read through a link out of the project.
            result.problems.extend(problems)
            result.left_out.append(folder.name)
            continue
        report_problems: list[Problem] = []
        versions = _load_folder_again(
            folder,
            settings,
            schema,
            project_dir,
            problems,
            report_problems,
            include_drafts,
            pictures,
        )
        # A report with a mistake is left out on its own: the campaign still builds.
        result.problems.extend(report_problems)
        result.left_out_reports.extend(_reports_left_out(report_problems, folder, project_dir))
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


def _reports_left_out(problems: list[Problem], folder: Path, project_dir: Path) -> list[str]:
    """The reports the problems are about: each of them is left out (a problem in the
    campaign's own file, about its reports' figures, leaves none out)."""
    inside = f"{shown_path(folder / REPORTS, project_dir)}/"
    found = {
        split_language(problem.path)[0].removesuffix(".md")
        for problem in problems
        if problem.path.startswith(inside)
    }
    return sorted(found)


def campaign_folders(settings: Settings, project_dir: Path) -> list[Path]:
    """Every folder that holds a campaign, whether or not it can be read or is a draft."""
    root = project_dir / settings.campaigns_dir
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


# A preview server loads every campaign again on each save; a folder whose files did not
# change gives the same campaigns (the model is frozen) and the same problems.
_LOADED: dict[tuple, tuple] = {}
_MAX_LOADED = 4096


def _load_folder_again(
    folder, settings, schema, project_dir, problems, report_problems, drafts, pictures
):
    """``_load_folder``, or what it gave for the same files and settings in this process.

    A file is the same when its name, size, inode, modification and change times are:
    writing or touching a file moves its change time, which no program can set back."""
    try:
        files = tuple(
            (
                path.relative_to(folder).as_posix(),
                found.st_size,
                found.st_ino,
                found.st_mtime_ns,
                found.st_ctime_ns,
            )
            for path in sorted(folder.rglob("*"))
            for found in [path.lstat()]
        )
    except OSError:
        return _load_folder(
            folder, settings, schema, project_dir, problems, report_problems, drafts, pictures
        )
    key = (repr(settings), str(project_dir), str(folder), files, drafts, str(pictures))
    if key not in _LOADED:
        found: list[Problem] = []
        in_reports: list[Problem] = []
        versions = _load_folder(
            folder, settings, schema, project_dir, found, in_reports, drafts, pictures
        )
        if len(_LOADED) >= _MAX_LOADED:
            _LOADED.clear()
        _LOADED[key] = (versions, tuple(found), tuple(in_reports))
    versions, found, in_reports = _LOADED[key]
    problems.extend(found)
    report_problems.extend(in_reports)
    return versions


def _load_folder(
    folder, settings, schema, project_dir, problems, report_problems, drafts, pictures
) -> dict[str, Campaign] | None:
    shown_folder = shown_path(folder, project_dir)
    if len(folder.name) > MAX_SLUG_LENGTH:
        problems.append(
            file_problem(
                shown_folder,
                msg(
                    "the folder name is {length} characters long: expected at most {limit} (it "
                    "becomes the campaign's web address and part of the names of its print files)",
                    length=len(folder.name),
                    limit=MAX_SLUG_LENGTH,
                ),
            )
        )
    elif not folder_name_ok(folder.name):
        problems.append(
            file_problem(
                shown_folder,
                msg(
                    'the folder name "{name}" becomes the campaign\'s web address: expected {rule}',
                    name=folder.name,
                    rule=SLUG_HELP,
                ),
            )
        )
    if folder_name_reserved(folder.name):
        problems.append(
            file_problem(
                shown_folder,
                msg(
                    'the folder name "{name}" is taken by a page the site makes itself (the '
                    "calendar and the type pages): expected another name",
                    name=folder.name,
                ),
            )
        )
    documents: dict[str, Document] = {}
    for path in sorted(folder.iterdir()):
        if not path.name.endswith(".md"):
            continue
        shown = shown_path(path, project_dir)
        name, code = split_language(path.name)
        expected = either([f"index.{c}.md" for c in settings.codes])
        if name != "index.md" or code is None:
            problems.append(
                file_problem(
                    shown,
                    msg("unexpected Markdown file: expected {files}", files=expected),
                )
            )
            continue
        if code not in settings.codes:
            problems.append(
                file_problem(
                    shown,
                    msg(
                        'unknown language code "{code}" in the file name: expected {files}',
                        code=code,
                        files=expected,
                    ),
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
                file_problem(
                    shown_folder,
                    msg(
                        "has no index.{code}.md: expected the campaign written in {language}, "
                        "with its fields in the front matter",
                        code=default,
                        language=settings.default.name,
                    ),
                )
            )
        return None
    original = documents[default]
    checked = _check(original, schema, problems)
    # Whatever else is wrong with the file, each field that passed is checked further: a
    # missing photo is listed alongside a misspelt field, not after it is corrected.
    _check_dates(original, checked, schema, problems)
    _check_activities(original, checked, schema, problems)
    _check_image(original, _file_of(checked.get("poster.image")), folder, problems, pictures)
    _check_photo_design(original, checked, problems)
    check_body_pictures(original, folder, problems, pictures)
    _check_sections(original, checked, schema, problems)
    versions = {}
    if checked.complete:
        versions[default] = _campaign(folder, default, original, checked.data, fallback=False)
    lenient = translation_schema(schema)
    for language in settings.languages[1:]:
        document = documents.get(language.code)
        if document is None:
            if checked.complete:
                versions[language.code] = _campaign(
                    folder, language.code, original, checked.data, fallback=True
                )
            continue
        own = _check(document, lenient, problems)
        image = _file_of(own.get("poster.image"))
        if image is not None and image != _file_of(checked.get("poster.image")):
            _check_image(document, image, folder, problems, pictures)
        check_body_pictures(document, folder, problems, pictures)
        _check_sections(document, own, lenient, problems)
        # A translation is compared with the original only when both are complete: a
        # field the original lacks through a mistake is not a contradiction.
        if checked.complete and own.complete:
            merged = _translation(document, own.data, checked.data, lenient, settings, problems)
            if merged is not None:
                merged = _same_photo_same_focus(merged, checked.data)
                versions[language.code] = _campaign(
                    folder, language.code, document, merged, fallback=False
                )
    if not checked.complete or problems:
        return None
    versions = {code: _with_site_defaults(c, settings) for code, c in versions.items()}
    return with_reports(
        folder,
        versions,
        settings,
        project_dir,
        report_problems,
        include_drafts=drafts,
        pictures=pictures,
        original=original,
    )


@dataclass(frozen=True)
class _Checked:
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


def _check(document: Document, schema: Record, problems: list[Problem]) -> _Checked:
    data, found = document.check(schema)
    problems.extend(found)
    return _Checked(
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


def _check_dates(document: Document, checked: _Checked, schema, problems) -> None:
    start, end = checked.get("start"), checked.get("end")
    if start is None:
        return
    if end is not None and end < start:
        problems.append(
            document.problem(
                "end",
                msg(
                    "{end} is before the start ({start}): expected an end date on or after the "
                    "start",
                    end=end.isoformat(),
                    start=start.isoformat(),
                ),
            )
        )
        return
    if end is not None and end > _years_after(start, MAX_YEARS):
        problems.append(
            document.problem(
                "end",
                msg(
                    "{end} is more than {years} years after the start ({start}): expected a "
                    "campaign of at most {years} years (check the year for a typo)",
                    end=end.isoformat(),
                    years=MAX_YEARS,
                    start=start.isoformat(),
                ),
            )
        )
        return
    if not checked.clean("end"):
        return  # an end written wrongly is still an end: the campaign's days are not known
    for _, where, activity in _each_item(document, schema, "activities"):
        path = f"{where}.date"
        day = activity.get("date") if checked.clean(path) else None
        if day is None:
            continue
        if end is None and day != start:
            # Without an end the campaign is one day: its page, status and posters say so.
            problems.append(
                document.problem(
                    path,
                    msg(
                        "{day} is not the campaign's day ({start}, as it has no end): expected "
                        "{start}, or an end date if the campaign lasts several days",
                        day=day.isoformat(),
                        start=start.isoformat(),
                    ),
                )
            )
        elif end is not None and not start <= day <= end:
            problems.append(
                document.problem(
                    path,
                    msg(
                        "{day} is outside the campaign ({start} to {end}): expected a date "
                        "between start and end",
                        day=day.isoformat(),
                        start=start.isoformat(),
                        end=end.isoformat(),
                    ),
                )
            )


def _years_after(day: dt.date, years: int) -> dt.date:
    # 29 February has no match in most years: the 28th is the same length of campaign.
    return day.replace(year=day.year + years, day=min(day.day, 28) if day.month == 2 else day.day)


def _check_activities(document: Document, checked: _Checked, schema, problems) -> None:
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


def _check_image(document: Document, image: str | None, folder: Path, problems, cache_dir) -> None:
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


def _file_of(image: dict | None) -> str | None:
    return image["file"] if image else None


def _same_photo_same_focus(merged: dict, original: dict) -> dict:
    """A translation that names the default language's photo without a focus of its own
    crops it as the default language does: the subject of a photo is in the same place
    whatever the language of the poster."""
    image = (merged.get("poster") or {}).get("image")
    first = (original.get("poster") or {}).get("image")
    if image and first and image["focus"] is None and image["file"] == first["file"]:
        poster = {**merged["poster"], "image": {**image, "focus": first["focus"]}}
        return {**merged, "poster": poster}
    return merged


def _check_photo_design(document: Document, checked: _Checked, problems) -> None:
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


def _check_sections(document: Document, checked: _Checked, schema, problems) -> None:
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


def _translation(document, checked, data, lenient, settings, problems) -> dict | None:
    """Merge a checked translation over the default language's data; None if they
    contradict each other."""
    before = len(problems)

    def contradiction(path: str, message: Message) -> None:
        problems.append(Problem(document.path, document.line_of(path), path, message))

    merged = merge_translation(lenient, data, checked, settings.default.name, contradiction)
    return merged if len(problems) == before else None


def _with_site_defaults(campaign: Campaign, settings: Settings) -> Campaign:
    """The organisation's hotline and name (``xuanchuan init``) where a campaign gives none:
    every poster and leaflet then says whom to call and who speaks."""
    changes: dict = {}
    if settings.hotline and not campaign.contact.hotline:
        changes["contact"] = dataclasses.replace(campaign.contact, hotline=settings.hotline)
    is_default = campaign.language == settings.default.code or campaign.is_fallback
    if settings.organization and not campaign.organizer and is_default:
        changes["organizer"] = settings.organization
    return dataclasses.replace(campaign, **changes) if changes else campaign


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
    # Activities by date in the model; each keeps its place in the file for its messages.
    written = campaign.activities
    order = sorted(
        range(len(written)), key=lambda i: (written[i].date, written[i].start_time or "")
    )
    changes: dict = {
        "activities": tuple(written[i] for i in order),
        "positions": SourcePositions(
            document.lines, document.body_line, {"activities": tuple(i + 1 for i in order)}
        ),
    }
    if campaign.poster:
        # Checked as {"file": ..., "focus": ...} (model.PosterImage).
        image = campaign.poster.image
        changes["poster"] = dataclasses.replace(
            campaign.poster,
            image=folder / image["file"] if image else None,
            focus=(image["focus"] or CENTER) if image else CENTER,
        )
    return dataclasses.replace(campaign, **changes)
