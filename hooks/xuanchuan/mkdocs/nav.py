"""The navigation: sections titled from their index pages, folded sections, and the
menu of a language that links some pages to the default language's."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, file_sort_key, set_exclusions
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import nest_paths

from ..site.build.languages import LanguageBuild
from ..site.build.page_fields import section_title
from ..site.pages.plain_text import as_html, plain_text_titles
from ..site.pages.untranslated import menu_with_links


def titled_sections(nav: Navigation, build: LanguageBuild) -> None:
    """Each section titled as its index page is in this language; every title plain text."""
    for section in all_sections(nav.items):
        keys = (menu_key(build, child) for child in section.children)
        index = next((key for key in keys if key.endswith("index.md")), None)
        title = section_title(build, index) if index else None
        if title:
            section.title = title
    plain_text_titles(nav.items)


class FoldedSections:
    """The sections of the navigation that show as one entry, their list's first page
    (site/pages/section_lists.py): Material writes a page's whole section into it.

    While a page inside one is made, the section shows the way down to that page, and only
    that: the reader sees where the page is, and the section's entry leads back to its list.
    """

    def __init__(self, files: Files | None = None, plan=None):
        self.index: dict[int, Page] = {}  # by id(): MkDocs' sections compare by title
        self.sections: list[Section] = []
        self.opened: list[Section] = []
        for listed in plan.lists if plan else ():
            found = files.get_file_from_path(listed.index_key)
            index = found.page if found is not None else None
            section = index.parent if index is not None else None
            if section is None:
                continue
            for key in listed.list_keys[1:]:
                # Made active with the section while they are shown, as pages of it.
                files.get_file_from_path(key).page.parent = section
            self.index[id(section)] = index
            self.sections.append(section)
            section.children = [index]

    def show(self, page: Page) -> None:
        below = page
        for section in page.ancestors:
            index = self.index.get(id(section))
            if index is not None:
                section.children = [index] if below is index else [index, below]
                self.opened.append(section)
            below = section

    def hide(self) -> None:
        for section in self.opened:
            section.children = [self.index[id(section)]]
        self.opened.clear()


def language_menu(config: MkDocsConfig, files: Files, build: LanguageBuild):
    """The ``nav`` setting of a language that leaves pages out: the team's, or the one MkDocs
    would make with those pages in it, each of them a link to the default language's page."""
    run = build.run
    default = run.settings.default.code
    linked = {
        key: (
            as_html(run.catalogue.title(key, default)),
            run.untranslated.menu_url(key, build.language.code, config.use_directory_urls),
        )
        for key in build.linked
    }
    build.use_menu_links({url: key for key, (_, url) in linked.items()})
    nav = config.nav
    if nav is None:
        placeholders = [
            File(key, config.docs_dir, config.site_dir, config.use_directory_urls)
            for key in build.linked
        ]
        # As MkDocs makes it: index pages first, folders last, each file as the team set it.
        set_exclusions([*files, *placeholders], config)
        pages = [*files.documentation_pages(), *placeholders]
        in_menu = sorted((file for file in pages if file.inclusion.is_in_nav()), key=file_sort_key)
        nav = nest_paths(file.src_uri for file in in_menu)
    return menu_with_links(nav, linked)


def menu_key(build: LanguageBuild, item) -> str:
    """The page a menu entry shows: its source name, or the page a link stands for."""
    if isinstance(item, Page):
        return item.file.src_uri
    if isinstance(item, Link):
        return build.menu_links.get(item.url, "")
    return ""


def all_sections(items):
    for item in items:
        if isinstance(item, Section):
            yield item
            yield from all_sections(item.children)
