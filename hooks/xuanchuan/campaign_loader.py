"""Read every campaign folder, check it against the format contract and build the model.

Every problem of every campaign is collected in one pass. A campaign with any problem is
left out as a whole (in every language); the caller decides whether that fails the build.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .campaign_model import Activity, Campaign, Contact, Leaflet, Poster, Target
from .campaign_schema import (
    SLUG_HELP,
    TRANSLATABLE,
    TRANSLATABLE_INSIDE,
    campaign_fields,
    folder_name_ok,
)
from .errors import Problem, SourceError, did_you_mean
from .flow import section_titles
from .frontmatter import Document, read_document
from .images import check_image
from .pages import split_language
from .schema import ListOf, Option, Record, Report
from .settings import Settings


@dataclass
class CampaignSet:
    """All valid campaigns, each in every configured language, and the problems found."""

    campaigns: dict[str, dict[str, Campaign]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)

    def in_language(self, code: str) -> list[Campaign]:
        """Newest first: by start date, then by slug for a stable order."""
        chosen = [versions[code] for versions in self.campaigns.values()]
        return sorted(chosen, key=lambda c: (c.start, c.slug), reverse=True)


def load_campaigns(
    settings: Settings, project_dir: Path, *, include_drafts: bool = False
) -> CampaignSet:
    result = CampaignSet()
    root = project_dir / settings.campaigns_dir
    if not root.is_dir():
        return result
    schema = campaign_fields(settings.campaign_types)
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if folder.name.startswith((".", "_")):
            continue
        problems: list[Problem] = []
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


def _shown(path: Path, project_dir: Path) -> str:
    try:
        return path.relative_to(project_dir).as_posix()
    except ValueError:
        return path.as_posix()


def _load_folder(folder, settings, schema, project_dir, problems) -> dict[str, Campaign] | None:
    shown_folder = _shown(folder, project_dir)
    if not folder_name_ok(folder.name):
        problems.append(
            Problem(
                shown_folder,
                None,
                None,
                f'the folder name "{folder.name}" becomes the campaign\'s web address: '
                f"expected {SLUG_HELP}",
            )
        )
    if folder.name == "calendar" or folder.name.startswith("type-"):
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
        shown = _shown(path, project_dir)
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
    _check_image(original, data.get("poster", {}).get("image"), folder, problems)
    _check_sections(original, data, problems)
    versions = {default: _campaign(folder, default, original, data, fallback=False)}
    lenient = _optional(schema)
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
            _check_sections(document, merged, problems)
            versions[language.code] = _campaign(
                folder, language.code, document, merged, fallback=False
            )
    return versions


def _validate(document: Document, schema: Record, problems: list[Problem]) -> dict | None:
    report = Report()
    data = schema.validate(document.meta, "", report)
    for issue in report.issues:
        problems.append(
            Problem(document.path, document.line_of(issue.path), issue.path, issue.message)
        )
    return None if report.issues else data


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
    last = end or start
    for index, activity in enumerate(data.get("activities", []), start=1):
        day = activity["date"]
        if end is not None and not start <= day <= last:
            path = f"activities[{index}].date"
            problems.append(
                Problem(
                    document.path,
                    document.line_of(path),
                    path,
                    f"{day.isoformat()} is outside the campaign ({start.isoformat()} to "
                    f"{last.isoformat()}): expected a date between start and end",
                )
            )


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


def _optional(option: Option) -> Option:
    """A copy of a schema where nothing is required: a translation gives only some fields."""
    clone = copy.copy(option)
    clone.required = False
    if isinstance(clone, Record):
        clone.fields = {name: _optional(child) for name, child in option.fields.items()}
    elif isinstance(clone, ListOf):
        clone.item = _optional(option.item)
    return clone


def _translation(document, original, data, lenient, settings, problems) -> dict | None:
    """Check a translation file and merge it over the default language's data."""
    before = len(problems)
    checked = _validate(document, lenient, problems)
    if checked is None:
        return None
    default_name = settings.default.name
    merged = dict(data)
    if "poster" in merged:
        # A poster's headline and subheadline default to the page's own title and summary:
        # never to the other language's words.
        merged["poster"] = {
            k: v for k, v in merged["poster"].items() if k not in ("headline", "subheadline")
        }
    if "leaflet" in merged:
        # Sections are named by the headings of each language's own body.
        merged["leaflet"] = {k: v for k, v in merged["leaflet"].items() if k != "sections"}
    for key in document.meta:
        if key not in checked:
            continue
        if key not in TRANSLATABLE:
            _same(document, key, checked[key], data.get(key), default_name, problems)
        elif key in ("targets", "activities"):
            merged[key] = _merge_items(
                document, key, checked[key], data.get(key, []), default_name, problems
            )
        elif key in TRANSLATABLE_INSIDE:
            inside = TRANSLATABLE_INSIDE[key]
            merged[key] = dict(merged.get(key, {}))
            for name, value in checked[key].items():
                if name in inside:
                    merged[key][name] = value
                else:
                    _same(
                        document,
                        f"{key}.{name}",
                        value,
                        data.get(key, {}).get(name),
                        default_name,
                        problems,
                    )
        else:
            merged[key] = checked[key]
    return merged if len(problems) == before else None


def _merge_items(document, key, items, originals, default_name, problems) -> list[dict]:
    if len(items) != len(originals):
        problems.append(
            Problem(
                document.path,
                document.line_of(key),
                key,
                f"has {len(items)} items but the {default_name} file has {len(originals)}: "
                f"expected the same {key} in the same order, translated",
            )
        )
        return list(originals)
    merged = []
    for index, (item, original) in enumerate(zip(items, originals, strict=True), start=1):
        combined = dict(original)
        for name, value in item.items():
            if name in TRANSLATABLE_INSIDE[key]:
                combined[name] = value
            else:
                _same(
                    document,
                    f"{key}[{index}].{name}",
                    value,
                    original.get(name),
                    default_name,
                    problems,
                )
        merged.append(combined)
    return merged


def _same(document, path, value, original, default_name, problems) -> None:
    if value != original:
        problems.append(
            Problem(
                document.path,
                document.line_of(path),
                path,
                f"{_show(value)} contradicts the {default_name} file, which says "
                f"{_show(original)}: expected the same value, or leave the field out of "
                "the translation",
            )
        )


def _show(value: Any) -> str:
    if value is None:
        return "nothing"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return f'"{value}"' if isinstance(value, str) else str(value)


def _campaign(folder: Path, code: str, document: Document, data: dict, *, fallback) -> Campaign:
    poster = data.get("poster")
    contact = data.get("contact") or {}
    return Campaign(
        slug=folder.name,
        language=code,
        type=data["type"],
        title=data["title"],
        summary=data["summary"],
        start=data["start"],
        end=data.get("end"),
        folder=folder,
        source=Path(document.path),
        body=document.body,
        organizer=data.get("organizer"),
        audience=tuple(data.get("audience", ())),
        places=tuple(data.get("places", ())),
        channels=tuple(data.get("channels", ())),
        laws=tuple(data.get("laws", ())),
        targets=tuple(
            Target(t["label"], t["goal"], t.get("actual"), t.get("unit", ""))
            for t in data.get("targets", ())
        ),
        activities=tuple(
            sorted(
                (
                    Activity(a["date"], a["title"], a.get("place"), a.get("time"))
                    for a in data.get("activities", ())
                ),
                key=lambda a: (a.date, a.start_time or ""),
            )
        ),
        contact=Contact(contact.get("hotline"), contact.get("address")),
        poster=(
            Poster(
                headline=poster.get("headline") or data["title"],
                subheadline=poster.get("subheadline"),
                points=tuple(poster.get("points", ())),
                image=(folder / poster["image"]) if poster.get("image") else None,
                sizes=tuple(poster.get("sizes", ())),
            )
            if poster
            else None
        ),
        leaflet=Leaflet(
            sections=tuple((data.get("leaflet") or {}).get("sections", ())),
            fold_guides=bool((data.get("leaflet") or {}).get("fold_guides", False)),
        ),
        tags=tuple(data.get("tags", ())),
        draft=bool(data.get("draft", False)),
        is_fallback=fallback,
    )
