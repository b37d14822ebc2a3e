"""The site's pages across languages: which file serves each page in each language.

Pages may come from elsewhere: a Markdown file without front matter takes its title from
its first "# " heading, else from its file name, as MkDocs does. The fields Material for
MkDocs reads (``search``, ``hide``, ``template``, ``icon``, ``status``) are checked against
what Material and the theme offer, so a mistake is a message, not a traceback.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ...core.errors import Problem, SourceError, either, file_problem, quoted_list, shown_path
from ...core.frontmatter import Document, read_document
from ...core.languages import split_language
from ...core.messages import Message, msg
from ...core.schema import MISSING, Bool, Choice, Number, Record, Text
from ...core.schema_lists import ListOf
from ...core.settings import Settings

# What Material for MkDocs can hide on a page (its templates test for these words).
HIDE = ("navigation", "toc", "footer", "path", "tags", "feedback")
# Templates that need what only their own pages have: the pages campaigns add
# (site/campaign_pages/plan.py), a page kept from an earlier build (site/build/page_cache.py) and
# Material's blog posts (its blog plugin).
NOT_FOR_PAGES = (
    "xc-kept.html",
    "calendar.html",
    "calendar-month.html",
    "news.html",
    "campaigns-index.html",
    "campaigns-type.html",
    "summary-index.html",
    "summary-year.html",
    "blog-post.html",
)
_ICON_NAME = re.compile(r"[\w-]+(?:/[\w-]+)+")


@dataclass(frozen=True)
class Theme:
    """What the theme offers a page: its template folders, the custom folder first, and
    the statuses listed in mkdocs.yml under ``extra.status``."""

    dirs: tuple[Path, ...] = ()
    statuses: tuple[str, ...] = ()

    def templates(self) -> list[str]:
        """The page templates a page may name."""
        found = {path.name for folder in self.dirs for path in folder.glob("*.html")}
        return sorted(found - set(NOT_FOR_PAGES))

    def has_icon(self, name: str) -> bool:
        # Material includes ".icons/<name>.svg" from the theme folders.
        return _ICON_NAME.fullmatch(name) is not None and any(
            (folder / ".icons" / f"{name}.svg").is_file() for folder in self.dirs
        )


class _Icon(Text):
    def __init__(self, theme: Theme):
        super().__init__()
        self.theme = theme

    def validate(self, value, path, report):
        name = super().validate(value, path, report)
        if isinstance(name, str) and not self.theme.has_icon(name):
            report.add(
                path,
                msg(
                    '"{name}" is not an icon of the theme: expected a name such as '
                    '"material/home", the file .icons/<name>.svg of Material or of overrides/',
                    name=name,
                ),
            )
        return name


class _Status(Choice):
    def validate(self, value, path, report):
        if self.choices:
            return super().validate(value, path, report)
        report.add(
            path,
            msg(
                '"{value}" cannot be shown: expected a status listed in mkdocs.yml under '
                "extra.status first (such as new: Recently added), or no status",
                value=value,
            ),
        )
        return MISSING


class _Search(Record):
    expected = msg('search settings such as "exclude: true" or "boost: 2"')


def page_fields(theme: Theme | None = None) -> Record:
    """The front matter a page may have; with a theme, names it must offer are checked."""
    return Record(
        {
            # Without a title, the first "# " heading or the file name gives it (as in MkDocs).
            "title": Text(allow_empty=False),
            "description": Text(),
            "tags": ListOf(Text()),
            # Understood by Material for MkDocs; listed so that typos elsewhere are still caught.
            "subtitle": Text(),
            "hide": ListOf(Choice(HIDE)),
            "search": _Search({"exclude": Bool(), "boost": Number(minimum=0, maximum=1000)}),
            "template": Choice(theme.templates()) if theme else Text(),
            "icon": _Icon(theme) if theme else Text(),
            "status": _Status(theme.statuses) if theme else Text(),
            "order": Number(),
            "draft": Bool(),
        }
    )


PAGE_FIELDS = page_fields()


@dataclass
class Page:
    """One page of the site (``key`` such as ``knowledge/first-aid.md``) in every language."""

    key: str
    documents: dict[str, Document] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)
    # The front matter as checked: what the theme is given, whatever MkDocs read itself.
    fields: dict[str, dict] = field(default_factory=dict)


@dataclass
class Catalogue:
    settings: Settings
    pages: dict[str, Page]

    def source(self, key: str, code: str) -> tuple[Path, Document, bool]:
        """The file for a page in a language, falling back to the default language.

        Returns the file, its document and whether it is a fallback.
        """
        page = self.pages[key]
        shown = self._serving(page, code)
        return page.files[shown], page.documents[shown], shown != code

    def fields(self, key: str, code: str) -> dict:
        """The checked front matter of the file that serves a page in a language."""
        page = self.pages[key]
        return page.fields[self._serving(page, code)]

    def _serving(self, page: Page, code: str) -> str:
        """The language whose file serves ``page`` in ``code``: its own, else the default."""
        return code if code in page.files else self.settings.default.code

    def title(self, key: str, code: str) -> str:
        """A page's title in a language, as MkDocs gives it."""
        _, document, _ = self.source(key, code)
        return page_title(self.fields(key, code), document.body, key)

    def missing(self, code: str) -> list[str]:
        return sorted(key for key, page in self.pages.items() if code not in page.files)


def scan_pages(
    docs_dir: Path, settings: Settings, project_dir: Path, theme: Theme | None = None
) -> Catalogue:
    """Read every Markdown page under ``docs_dir``; raise one error listing every problem."""
    problems: list[Problem] = []
    pages: dict[str, Page] = {}
    unreadable: set[str] = set()  # pages whose default-language file has a problem
    schema = page_fields(theme)
    codes = settings.codes
    for path in sorted(_markdown_files(docs_dir)):
        relative = path.relative_to(docs_dir).as_posix()
        shown = shown_path(path, project_dir)
        key, code = split_language(relative)
        wrong = _language_problem(relative, code, codes)
        if wrong is not None:
            problems.append(file_problem(shown, wrong))
            continue
        try:
            document = read_document(path, shown)
        except SourceError as error:
            problems.extend(error.problems)
            if code == settings.default.code:
                unreadable.add(key)
            continue
        checked, found = document.check(schema)
        problems.extend(found)
        page = pages.setdefault(key, Page(key))
        page.documents[code] = document
        page.files[code] = path
        page.fields[code] = checked
    problems += _without_default(pages, unreadable, settings, docs_dir, project_dir)
    if problems:
        raise SourceError(problems)
    return Catalogue(settings, pages)


def _language_problem(relative: str, code: str | None, codes) -> Message | None:
    """What is wrong with the language code in a page's file name, if anything."""
    if code is None:
        example = relative[: -len(".md")]
        return msg(
            "the file name has no language code: expected {files}",
            files=either([f"{example}.{c}.md" for c in codes]),
        )
    if code not in codes:
        return msg(
            'unknown language code "{code}" in the file name: expected one of '
            "{codes} (the languages listed in mkdocs.yml under "
            "extra.xuanchuan.languages)",
            code=code,
            codes=quoted_list(list(codes)),
        )
    return None


def _without_default(pages, unreadable, settings: Settings, docs_dir, project_dir) -> list:
    """A problem for each page with no file in the default language (one that cannot be
    read is reported already, not as missing)."""
    default, problems = settings.default.code, []
    for key, page in sorted(pages.items()):
        if default not in page.files and key not in unreadable:
            first = next(iter(page.files.values()))
            problems.append(
                file_problem(
                    shown_path(first, project_dir),
                    msg(
                        "has no {language} version: expected {file}, the default language's "
                        "page that other languages fall back to",
                        language=settings.default.name,
                        file=f"{shown_path(docs_dir / key, project_dir)[: -len('.md')]}"
                        f".{default}.md",
                    ),
                )
            )
    return problems


def page_keys(docs_dir: Path, settings: Settings) -> set[str]:
    """The pages ``docs_dir`` holds, from their file names alone (nothing is read)."""
    keys = set()
    for path in _markdown_files(docs_dir):
        key, code = split_language(path.relative_to(docs_dir).as_posix())
        if code in settings.codes:
            keys.add(key)
    return keys


def check_page_fields(document: Document, theme: Theme | None = None) -> list[Problem]:
    return document.check(page_fields(theme))[1]


_HEADING = re.compile(r"#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*(?:\{[^}]*\})?[ \t]*")
_UNDERLINE = re.compile(r"[ ]{0,3}=+[ \t]*")  # a heading written "Title" over "====="
_ATTRIBUTES = re.compile(r"[ \t]*\{[^}]*\}[ \t]*$")
_FENCE = re.compile(r"[ ]{0,3}(```|~~~)")


def page_title(fields: dict, body: str, key: str) -> str:
    """The front matter's title, else the first "# " heading, else the file's name."""
    return fields.get("title") or first_heading(body) or title_from_name(key)


def first_heading(body: str) -> str | None:
    """The text of the first level-one heading outside code blocks."""
    fence = None
    previous = ""
    for line in body.split("\n"):
        opening = _FENCE.match(line)
        if opening:
            fence = None if fence == opening.group(1) else fence or opening.group(1)
        elif not fence:
            match = _HEADING.fullmatch(line)
            if match:
                return match.group(1).strip()
            if previous.strip() and _UNDERLINE.fullmatch(line):
                return _ATTRIBUTES.sub("", previous).strip()
        previous = "" if fence or opening else line
    return None


def title_from_name(key: str) -> str:
    """MkDocs' title for a page without one: its file (or folder, for an index) name."""
    stem = Path(key).stem
    if stem in ("index", "README"):
        parent = Path(key).parent.name
        if not parent:
            return "Home"
        stem = parent
    title = stem.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def _markdown_files(docs_dir: Path):
    for root, dirs, files in os.walk(docs_dir):
        dirs[:] = [d for d in dirs if not d.startswith((".", "_"))]
        for name in files:
            if name.endswith(".md") and not name.startswith("."):
                yield Path(root) / name
