"""Big sections: a folder with too many pages for every page's navigation gets a list instead.

Material for MkDocs writes the whole list of a page's section into the page: a folder of
683 laws put 717 links into each of them, most of each page's weight. A folder whose own
list (its pages, each subfolder counting as one entry) is longer than the team's
``nav_section_limit`` shows in the navigation as one entry leading to its list: every page
inside it, subfolders included, in the navigation's order, cut into list pages of
``nav_section_page_size``, with a title filter that needs no server.

The list's first page is the folder's own ``index`` page when the team wrote one (its text,
then the list), else a page made here titled as the folder; the others are made here too
(``index-2``, ``index-3``...). The titles for the filter are a small script beside them,
loaded by a ``<script>`` element when the reader first filters: a page opened from a folder
(file://) may not ``fetch()`` a file next to it, but it may run one.

Plain data for the adapter, which folds the navigation (see ``mkdocs/nav.py``).
"""

from __future__ import annotations

import json
import posixpath
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from markupsafe import escape

from ...core.errors import Problem, SourceError
from ...core.links import href_path, page_url, relative_url
from ...core.messages import msg
from ...core.strings import Translator
from .sources import title_from_name

# The script with every title of a list, beside its pages.
TITLES_SCRIPT = "index-titles.js"
# The filter's own code, shared by every list.
FILTER_SCRIPT = "assets/javascripts/xuanchuan-lists.js"
# Page numbers shown around the current one in a list's pager; the first and last always.
PAGER_REACH = 2


def is_index(key: str) -> bool:
    """Whether ``key`` is its folder's index page, as MkDocs sees it (README counts too)."""
    return posixpath.splitext(posixpath.basename(key))[0] in ("index", "README")


def nav_order(key: str) -> tuple:
    """Where MkDocs puts a page in the navigation it makes from folders: a folder's pages,
    its index first, before its subfolders; by name within each (``file_sort_key``)."""
    parts = tuple(key.split("/"))
    return (parts[:-1], not is_index(key), parts[-1])


def folder_of(key: str) -> str:
    """The folder a page is listed in: its own, or for an index page the folder above."""
    folder = posixpath.dirname(key)
    return posixpath.dirname(folder) if is_index(key) and folder else folder


def folded_folders(keys: Iterable[str], limit: int) -> list[str]:
    """The folders whose own navigation list would be longer than ``limit`` entries.

    ``keys`` are the pages the navigation shows. An entry is a page (not the folder's index,
    which the folder's own entry leads to) or a subfolder. The site's top level is no
    section: it is never folded.
    """
    entries: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        parts = key.split("/")
        if len(parts) > 1 and not is_index(key):
            entries["/".join(parts[:-1])].add(key)
        for depth in range(1, len(parts) - 1):
            entries["/".join(parts[:depth])].add("/".join(parts[: depth + 1]) + "/")
    return sorted(folder for folder, found in entries.items() if len(found) > limit)


@dataclass(frozen=True)
class Listed:
    """A page in a list: its key, title (plain text) and the subfolders it lies in."""

    key: str
    title: str
    where: tuple[str, ...] = ()


@dataclass
class SectionList:
    """The list of one folded folder in one language."""

    folder: str
    title: str  # plain text
    entries: list[Listed]
    page_size: int
    index_key: str  # the folder's index page: the list's first page
    own_index: bool  # the team wrote it

    @property
    def page_count(self) -> int:
        return max(1, -(-len(self.entries) // self.page_size))

    def list_key(self, number: int) -> str:
        """The key of list page ``number`` (from 1)."""
        return self.index_key if number == 1 else f"{self.folder}/index-{number}.md"

    @property
    def list_keys(self) -> list[str]:
        return [self.list_key(number) for number in range(1, self.page_count + 1)]

    @property
    def made_keys(self) -> list[str]:
        """The list pages made here: all but a first page the team wrote."""
        return self.list_keys[1:] if self.own_index else self.list_keys

    @property
    def script_key(self) -> str:
        return f"{self.folder}/{TITLES_SCRIPT}"

    def shows(self, key: str) -> bool:
        return key in self._positions

    def number_of(self, key: str) -> int:
        """The list page that shows page ``key``."""
        return self._positions[key] // self.page_size + 1

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {entry.key: position for position, entry in enumerate(self.entries)}

    def page_title(self, number: int, t: Translator) -> str:
        if number == 1:
            return self.title
        return t("sections.page_title", section=self.title, page=number, pages=self.page_count)


@dataclass
class SectionPlan:
    """Every folded folder of one language's site."""

    lists: list[SectionList]

    def list_of(self, key: str) -> SectionList | None:
        """The innermost folded folder that lists ``key`` (a page or a list page)."""
        found = None
        for section in self.lists:
            if key in section.list_keys:
                return section
            if key.startswith(section.folder + "/") and (
                found is None or len(section.folder) > len(found.folder)
            ):
                found = section
        return found

    def outline(self) -> list:
        """What the plan changes on every page: which folders fold, into how many pages."""
        return [[s.folder, s.title, s.page_count, s.own_index] for s in self.lists]


def plan_sections(
    keys: Iterable[str],
    title_of: Callable[[str], str],
    *,
    limit: int,
    page_size: int,
    taken: Iterable[str] = (),
) -> SectionPlan:
    """The lists of the folders to fold, given the team's pages.

    ``title_of`` gives the title of such a page; ``taken`` are the site's other files
    (pages the engine makes, pictures...), which the list pages and scripts must not replace.
    A folder whose index page the engine makes for another purpose (the campaigns overview,
    with a template of its own) is not folded.
    """
    shown = set(keys)
    taken = set(taken)
    made_elsewhere = taken - shown
    folded = [
        folder
        for folder in folded_folders(shown, limit)
        if not {f"{folder}/index.md", f"{folder}/README.md"} & made_elsewhere
    ]
    titles = {key: title_of(key) for key in shown}
    for folder in folded:
        # A folder without an index page is listed by its name, as MkDocs titles it.
        if f"{folder}/README.md" not in shown:
            titles.setdefault(f"{folder}/index.md", title_from_name(f"{folder}/index.md"))
    ordered = sorted(titles, key=nav_order)

    def index_of(folder: str) -> str:
        readme = f"{folder}/README.md"
        return (
            readme
            if readme in titles and f"{folder}/index.md" not in shown
            else f"{folder}/index.md"
        )

    def folder_title(folder: str) -> str:
        return titles.get(index_of(folder)) or title_from_name(f"{folder}/index.md")

    lists = []
    for folder in folded:
        inside = [key for key in ordered if key.startswith(folder + "/")]
        own = index_of(folder)
        entries = []
        for key in inside:
            if key == own:
                continue
            between = folder_of(key)[len(folder) + 1 :]
            steps = between.split("/") if between else []
            where = tuple(
                folder_title("/".join([folder, *steps[: depth + 1]])) for depth in range(len(steps))
            )
            entries.append(Listed(key, titles[key], where))
        lists.append(
            SectionList(folder, folder_title(folder), entries, page_size, own, own in shown)
        )
    _check_names(lists, taken)
    return SectionPlan(lists)


def _check_names(lists: list[SectionList], taken: set[str]) -> None:
    problems = []
    for section in lists:
        for key in [*section.made_keys, section.script_key]:
            if key in taken:
                problems.append(
                    Problem(
                        f"content/{key}",
                        None,
                        None,
                        msg(
                            "has the name the engine gives page lists of the folder "
                            "content/{folder}/, which has too many pages for the navigation: "
                            "rename this file",
                            folder=section.folder,
                        ),
                    )
                )
    if problems:
        raise SourceError(problems)


# -- what the templates show -------------------------------------------------------------


def list_view(section: SectionList, number: int, t: Translator, use_directory_urls: bool) -> dict:
    """List page ``number`` of a folded folder: its share of the titles, the pager and the
    filter over them all."""
    here = page_url(section.list_key(number), use_directory_urls)
    start = (number - 1) * section.page_size
    shown = section.entries[start : start + section.page_size]

    def link(key: str) -> str:
        return escape(href_path(relative_url(page_url(key, use_directory_urls), here)))

    def page_link(page: int) -> dict:
        return {"number": page, "href": link(section.list_key(page)), "current": page == number}

    count = section.page_count
    return {
        "count": t("sections.count", count=len(section.entries)),
        "page_of": t("sections.page_of", page=number, pages=count) if count > 1 else None,
        "start": start + 1,
        "items": [
            {
                "title": escape(entry.title),
                "href": link(entry.key),
                "where": escape(" / ".join(entry.where)) if entry.where else None,
            }
            for entry in shown
        ],
        "pager": _pager(number, count, page_link) if count > 1 else None,
        "previous": page_link(number - 1) if number > 1 else None,
        "next": page_link(number + 1) if number < count else None,
        "labels": {
            "pages": t("sections.pages"),
            "previous": t("sections.previous"),
            "next": t("sections.next"),
        },
        "filter": {
            "label": t("sections.filter"),
            "hint": t("sections.filter_hint"),
            "script": escape(href_path(relative_url(section.script_key, here))),
            # From this list page to the folder, where the script's links start.
            "base": escape(relative_url(section.folder + "/", here)),
            "found": t("sections.found", count="{count}"),
            "first": t("sections.found_first", count="{count}", shown="{shown}"),
            "none": t("sections.none_found"),
            "loading": t("sections.loading"),
        },
    }


def _pager(number: int, count: int, page_link) -> list[dict | None]:
    """Page links: the first, the last and those near the current one; None for a gap."""
    wanted = {1, count, *range(number - PAGER_REACH, number + PAGER_REACH + 1)}
    pages: list[dict | None] = []
    for page in range(1, count + 1):
        if page in wanted:
            pages.append(page_link(page))
        elif pages and pages[-1] is not None:
            pages.append(None)
    return pages


def back_view(section: SectionList, key: str, t: Translator, use_directory_urls: bool) -> dict:
    """The link from a page of a folded folder back to the list page that shows it."""
    target = page_url(section.list_key(section.number_of(key)), use_directory_urls)
    here = page_url(key, use_directory_urls)
    return {
        "href": escape(href_path(relative_url(target, here))),
        "label": t("sections.back", section=escape(section.title)),
    }


def titles_script(section: SectionList, use_directory_urls: bool) -> str:
    """Every title of a list with its link from the folder, for the filter: a script that
    hands them over when run (a file:// page may run a file beside it, not fetch it)."""
    folder = section.folder + "/"
    rows = [
        [
            entry.title,
            href_path(relative_url(page_url(entry.key, use_directory_urls), folder)),
            " / ".join(entry.where),
        ]
        for entry in section.entries
    ]
    data = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    return f"window.xcListTitles&&window.xcListTitles({data});\n"
