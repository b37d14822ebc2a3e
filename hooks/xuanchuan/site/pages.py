"""The site's pages across languages: which file serves each page in each language."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import Problem, SourceError, shown_path
from ..core.frontmatter import Document, read_document
from ..core.schema import Bool, ListOf, Number, Option, Record, Text
from ..core.settings import Settings, split_language


class _Any(Option):
    """A field Material for MkDocs understands; passed through as written."""

    expected = "a value"

    def validate(self, value, path, report):
        return value


PAGE_FIELDS = Record(
    {
        "title": Text(required=True),
        "description": Text(),
        "tags": ListOf(Text()),
        # Understood by Material for MkDocs; listed so that typos elsewhere are still caught.
        "subtitle": Text(),
        "hide": ListOf(Text()),
        "search": _Any(),
        "template": Text(),
        "icon": Text(),
        "status": Text(),
        "order": Number(),
        "draft": Bool(),
    }
)


@dataclass
class Page:
    """One page of the site (``key`` such as ``knowledge/first-aid.md``) in every language."""

    key: str
    documents: dict[str, Document] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)


@dataclass
class Catalogue:
    settings: Settings
    pages: dict[str, Page]

    def source(self, key: str, code: str) -> tuple[Path, Document, bool]:
        """The file for a page in a language, falling back to the default language.

        Returns the file, its document and whether it is a fallback.
        """
        page = self.pages[key]
        if code in page.files:
            return page.files[code], page.documents[code], False
        default = self.settings.default.code
        return page.files[default], page.documents[default], True

    def missing(self, code: str) -> list[str]:
        return sorted(key for key, page in self.pages.items() if code not in page.files)


def scan_pages(docs_dir: Path, settings: Settings, project_dir: Path) -> Catalogue:
    """Read every Markdown page under ``docs_dir``; raise one error listing every problem."""
    problems: list[Problem] = []
    pages: dict[str, Page] = {}
    codes = settings.codes
    for path in sorted(_markdown_files(docs_dir)):
        relative = path.relative_to(docs_dir).as_posix()
        shown = shown_path(path, project_dir)
        key, code = split_language(relative)
        if code is None:
            example = relative[: -len(".md")]
            problems.append(
                Problem(
                    shown,
                    None,
                    None,
                    "the file name has no language code: expected "
                    + " or ".join(f"{example}.{c}.md" for c in codes),
                )
            )
            continue
        if code not in codes:
            problems.append(
                Problem(
                    shown,
                    None,
                    None,
                    f'unknown language code "{code}" in the file name: expected one of '
                    + ", ".join(f'"{c}"' for c in codes)
                    + " (the languages listed in mkdocs.yml under extra.xuanchuan.languages)",
                )
            )
            continue
        try:
            document = read_document(path, shown)
        except SourceError as error:
            problems.extend(error.problems)
            continue
        problems.extend(check_page_fields(document))
        page = pages.setdefault(key, Page(key))
        page.documents[code] = document
        page.files[code] = path
    default = settings.default.code
    for key, page in sorted(pages.items()):
        if default not in page.files:
            first = next(iter(page.files.values()))
            problems.append(
                Problem(
                    shown_path(first, project_dir),
                    None,
                    None,
                    f"has no {settings.default.name} version: expected "
                    f"{shown_path(docs_dir / key, project_dir)[: -len('.md')]}.{default}.md, "
                    "the default language's page that other languages fall back to",
                )
            )
    if problems:
        raise SourceError(problems)
    return Catalogue(settings, pages)


def check_page_fields(document: Document) -> list[Problem]:
    return document.check(PAGE_FIELDS)[1]


def _markdown_files(docs_dir: Path):
    for root, dirs, files in os.walk(docs_dir):
        dirs[:] = [d for d in dirs if not d.startswith((".", "_"))]
        for name in files:
            if name.endswith(".md") and not name.startswith("."):
                yield Path(root) / name
