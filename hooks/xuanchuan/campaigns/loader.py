"""Read every campaign folder, check it against the format contract and build the model.

Every problem of every campaign is collected in one pass. A campaign with any problem is
left out as a whole (in every language); the caller decides whether that fails the build.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from ..core.declared import build
from ..core.disk_cache import CACHE_DIR
from ..core.errors import (
    Problem,
    SourceError,
    either,
    file_problem,
    shown_path,
)
from ..core.frontmatter import Document, read_document
from ..core.languages import split_language
from ..core.messages import Message, msg
from ..core.schema import Record
from ..core.settings import MAX_SLUG_LENGTH, SLUG_HELP, Settings
from ..core.source_files import links_leaving
from .attachments import check_body_pictures
from .field_checks import (
    Checked,
    check_activities,
    check_dates,
    check_fields,
    check_photo,
    check_photo_design,
    check_sections,
    file_of,
    same_photo_same_focus,
)
from .model import Campaign, CampaignSet, SourcePositions
from .poster_options import CENTER
from .reports import REPORTS, ReportReading, with_reports
from .schema import campaign_schema, folder_name_ok, folder_name_reserved, translation_schema
from .translation import merge_translation


def load_campaigns(
    settings: Settings,
    project_dir: Path,
    *,
    include_drafts: bool = False,
    cache_dir: Path | None = None,
) -> CampaignSet:
    """``cache_dir`` keeps the verdicts on pictures (default: the project's cache)."""
    result = CampaignSet()
    run = _LoadRun(
        settings,
        campaign_schema(settings.campaign_types),
        project_dir,
        include_drafts,
        (cache_dir or project_dir / CACHE_DIR) / "pictures",
    )
    for folder in campaign_folders(settings, project_dir):
        problems: list[Problem] = links_leaving(folder, project_dir)
        if problems:
            # Nothing is read through a link out of the project.
            result.problems.extend(problems)
            result.left_out.append(folder.name)
            continue
        report_problems: list[Problem] = []
        versions = run.load_again(folder, problems, report_problems)
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


@dataclass(frozen=True)
class _LoadRun:
    """What every campaign folder of one load is read with."""

    settings: Settings
    schema: Record
    project_dir: Path
    drafts: bool  # whether drafts are wanted (their reports are read then)
    pictures: Path  # where the verdicts on pictures are kept

    def load_again(self, folder: Path, problems: list, report_problems: list):
        """``load``, or what it gave for the same files and settings in this process.

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
            return self.load(folder, problems, report_problems)
        key = (repr(self.settings), str(self.project_dir), str(folder), files, self.drafts,
               str(self.pictures))  # fmt: skip
        if key not in _LOADED:
            found: list[Problem] = []
            in_reports: list[Problem] = []
            versions = self.load(folder, found, in_reports)
            if len(_LOADED) >= _MAX_LOADED:
                _LOADED.clear()
            _LOADED[key] = (versions, tuple(found), tuple(in_reports))
        versions, found, in_reports = _LOADED[key]
        problems.extend(found)
        report_problems.extend(in_reports)
        return versions

    def load(self, folder: Path, problems: list, report_problems: list):
        """The campaign of ``folder`` in every language, with its reports; None when it
        cannot be built (``problems`` says why)."""
        shown_folder = shown_path(folder, self.project_dir)
        problems += _folder_name_problems(folder.name, shown_folder)
        documents = _documents(folder, self.settings, self.project_dir, problems)
        default = self.settings.default
        if default.code not in documents:
            if not any(p.path.startswith(shown_folder + "/index.") for p in problems):
                problems.append(_no_default_file(shown_folder, default.code, default.name))
            return None
        original = documents[default.code]
        checked = self._checked_original(folder, original, problems)
        versions = {}
        if checked.complete:
            versions[default.code] = _campaign(
                folder, default.code, original, checked.data, fallback=False
            )
        versions |= self._translations(folder, documents, original, checked, problems)
        if not checked.complete or problems:
            return None
        versions = {code: _with_site_defaults(c, self.settings) for code, c in versions.items()}
        reading = ReportReading(self.settings, self.project_dir, self.pictures, self.drafts)
        return with_reports(reading, folder, versions, report_problems, original)

    def _checked_original(self, folder: Path, original: Document, problems: list) -> Checked:
        checked = check_fields(original, self.schema, problems)
        # Whatever else is wrong with the file, each field that passed is checked further: a
        # missing photo is listed alongside a misspelt field, not after it is corrected.
        check_dates(original, checked, self.schema, problems)
        check_activities(original, checked, self.schema, problems)
        image = file_of(checked.get("poster.image"))
        check_photo(original, image, folder, problems, self.pictures)
        check_photo_design(original, checked, problems)
        check_body_pictures(original, folder, problems, self.pictures)
        check_sections(original, checked, self.schema, problems)
        return checked

    def _translations(self, folder, documents, original, checked, problems) -> dict:
        """Each other language's campaign: its translation merged over the original, or the
        original itself where there is no translation file."""
        versions = {}
        lenient = translation_schema(self.schema)
        for language in self.settings.languages[1:]:
            document = documents.get(language.code)
            if document is None:
                if checked.complete:
                    versions[language.code] = _campaign(
                        folder, language.code, original, checked.data, fallback=True
                    )
                continue
            own = check_fields(document, lenient, problems)
            image = file_of(own.get("poster.image"))
            if image is not None and image != file_of(checked.get("poster.image")):
                check_photo(document, image, folder, problems, self.pictures)
            check_body_pictures(document, folder, problems, self.pictures)
            check_sections(document, own, lenient, problems)
            # A translation is compared with the original only when both are complete: a
            # field the original lacks through a mistake is not a contradiction.
            if checked.complete and own.complete:
                merged = _translation(
                    document, own.data, checked.data, lenient, self.settings, problems
                )
                if merged is not None:
                    merged = same_photo_same_focus(merged, checked.data)
                    versions[language.code] = _campaign(
                        folder, language.code, document, merged, fallback=False
                    )
        return versions


def _folder_name_problems(name: str, shown_folder: str) -> list[Problem]:
    """What is wrong with a campaign folder's name, which becomes its web address."""
    problems = []
    if len(name) > MAX_SLUG_LENGTH:
        problems.append(
            file_problem(
                shown_folder,
                msg(
                    "the folder name is {length} characters long: expected at most {limit} (it "
                    "becomes the campaign's web address and part of the names of its print files)",
                    length=len(name),
                    limit=MAX_SLUG_LENGTH,
                ),
            )
        )
    elif not folder_name_ok(name):
        problems.append(
            file_problem(
                shown_folder,
                msg(
                    'the folder name "{name}" becomes the campaign\'s web address: expected {rule}',
                    name=name,
                    rule=SLUG_HELP,
                ),
            )
        )
    if folder_name_reserved(name):
        problems.append(
            file_problem(
                shown_folder,
                msg(
                    'the folder name "{name}" is taken by a page the site makes itself (the '
                    "calendar and the type pages): expected another name",
                    name=name,
                ),
            )
        )
    return problems


def _documents(folder: Path, settings: Settings, project_dir: Path, problems: list) -> dict:
    """The folder's campaign files that can be read, by language."""
    documents: dict[str, Document] = {}
    expected = either([f"index.{c}.md" for c in settings.codes])
    for path in sorted(folder.iterdir()):
        if not path.name.endswith(".md"):
            continue
        shown = shown_path(path, project_dir)
        name, code = split_language(path.name)
        if name != "index.md" or code is None:
            unexpected = msg("unexpected Markdown file: expected {files}", files=expected)
            problems.append(file_problem(shown, unexpected))
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
    return documents


def _no_default_file(shown_folder: str, code: str, name: str) -> Problem:
    return file_problem(
        shown_folder,
        msg(
            "has no index.{code}.md: expected the campaign written in {language}, with its "
            "fields in the front matter",
            code=code,
            language=name,
        ),
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
