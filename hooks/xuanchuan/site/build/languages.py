"""The build of one language within a run: where it goes, how its pages link to the other
languages, and what a page shown in another language tells the reader."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from ...campaigns.model import Campaign
from ...core.languages import Language
from ...core.short_links import ShortCodes
from ...core.strings import Translator
from ..pages.links import PageLinks
from ..pages.print_footer import FooterTemplates
from ..pages.section_lists import SectionPlan, plan_sections
from ..wechat.article import article_file
from .language_site import LanguageSite
from .page_cache import PageReuse
from .planned import PlannedPage
from .run import Run

# What a kept page keeps to make its article again: its body, as rendered.
ARTICLE_BODY = "article_body"


# The longest search the search box takes (xc-search.js reads no more of a query either):
# a law's full title is under 60 characters; a pasted page would keep the search busy.
SEARCH_QUERY_LIMIT = 200


@dataclass
class LanguageBuild:
    run: Run
    language: Language
    translator: Translator = field(init=False)
    fallbacks: set[str] = field(default_factory=set)  # pages shown in the default language
    planned: dict[str, PlannedPage] = field(default_factory=dict)  # pages campaigns add
    env: Any = None  # the theme's template environment, for fragments rendered into pages
    links: PageLinks = field(init=False)  # links naming a page in a language
    reuse: PageReuse | None = None  # pages kept from earlier builds
    contexts: dict[str, dict] = field(default_factory=dict)  # what each page's template gets
    warnings_before: int = 0  # the run's warnings when the page being made began
    print_files: set[str] = field(default_factory=set)  # site paths of drawn print files
    # Every page's short code; set once the pages campaigns add are planned.
    short_codes: ShortCodes | None = None
    footers: FooterTemplates | None = None  # which templates print a footer
    sections: SectionPlan | None = None  # folders listed on pages of their own
    # Pages this language's site leaves out, its menus, links and search leading to the
    # default language's page instead (site/pages/untranslated.py).
    linked: list[str] = field(default_factory=list)
    menu_links: dict[str, str] = field(default_factory=dict)  # menu address -> page
    use_directory_urls: bool = False
    article_bodies: dict[str, str] = field(default_factory=dict)  # rendered, for articles

    def __post_init__(self):
        settings = self.run.settings
        self.translator = settings.translator(self.language.code)
        self.links = PageLinks(
            self.language.code,
            settings.codes,
            settings.prefix,
            self.is_page,
            untranslated=self.run.untranslated,
        )

    # -- what the adapter tells a language's build, as MkDocs goes ---------------------------

    def start_files(self, use_directory_urls: bool) -> None:
        """The site's files are being listed: its addresses are settled."""
        self.use_directory_urls = use_directory_urls
        self.links.use_directory_urls = use_directory_urls

    def lead_to_default(self, key: str) -> None:
        """Page ``key`` is left out: menus, links and search lead to the default language's."""
        self.linked.append(key)

    def show_in_default(self, key: str) -> None:
        """The page ``key`` shows the default language's text, with a notice."""
        self.fallbacks.add(key)

    def read_again(self) -> None:
        """The run's campaigns were read again: what was drawn from them is forgotten."""
        self.__dict__.pop("campaign_pages", None)

    def add_planned(self, planned: PlannedPage) -> None:
        """A page the engine adds to this language's site."""
        self.planned[planned.key] = planned
        if planned.is_fallback:
            self.fallbacks.add(planned.key)

    def add_print_file(self, key: str) -> None:
        """``key`` is a drawn print file: no page links to it by its address."""
        self.print_files.add(key)

    def use_short_codes(self, codes: ShortCodes) -> None:
        self.short_codes = codes

    def use_menu_links(self, links: dict[str, str]) -> None:
        """The menu's links to the default language's pages: address -> page."""
        self.menu_links = links

    def start_pages(self, reuse) -> None:
        """Every page is listed and the navigation made; pages are made next."""
        self.reuse = reuse

    def keep_context(self, key: str, context: dict) -> None:
        self.contexts[key] = context

    def take_context(self, key: str) -> dict:
        return self.contexts.pop(key)

    def start_page(self, key: str, url: str, warnings: int) -> None:
        """Page ``key`` renders next, at ``url``, after ``warnings``; its links start there."""
        self.links.key, self.links.url = key, url
        self.warnings_before = warnings

    def count_from(self, warnings: int) -> None:
        """A warning after the run's ``warnings`` so far belongs to the page being made."""
        self.warnings_before = warnings

    def keep_article_body(self, key: str, html: str) -> None:
        self.article_bodies[key] = html

    def footer_templates(self, make_env, folder: Path | None = None) -> FooterTemplates:
        """Which templates print a footer, asked once of the theme's environment
        (``make_env()`` makes it), the verdicts kept in ``folder``."""
        if self.footers is None:
            self.footers = FooterTemplates(make_env(), folder)
        return self.footers

    def fragment(self, name: str, make_env):
        """The template ``name`` rendered into a page's content, from the theme's
        environment, made once by ``make_env()`` and kept."""
        if self.env is None:
            self.env = make_env()
        return self.env.get_template(name)

    def language_site(self, author: str, cache_dir: Path) -> LanguageSite:
        """What the plans of this language's pages need, once its addresses are settled."""
        run, code = self.run, self.language.code
        return LanguageSite(
            code=code,
            t=self.translator,
            today=run.today,
            stamp=run.stamp,
            timezone=run.settings.timezone,
            types=run.settings.campaign_types,
            use_directory_urls=self.use_directory_urls,
            site_url=run.published_address(code),
            prefix=self.prefix,
            default_code=run.settings.default.code,
            direction=self.language.dir,
            author=author,
            publishes_photos=self.is_default,
            wechat_articles=run.settings.wechat_articles,
            cache_dir=cache_dir,
        )

    def is_page(self, key: str) -> bool:
        return key in self.run.catalogue.pages or key in self.planned

    @property
    def is_default(self) -> bool:
        return self.language == self.run.settings.default

    @property
    def prefix(self) -> str:
        return self.run.settings.prefix(self.language.code)

    @property
    def site_dir(self) -> Path:
        return self.run.output_dir / self.prefix

    @cached_property
    def campaign_pages(self) -> dict[str, Campaign]:
        """The campaigns of this language by page key."""
        return {c.page_key: c for c in self.run.campaigns.in_language(self.language.code)}

    def plan_sections(
        self, shown: list[str], taken: set[str], use_directory_urls: bool
    ) -> SectionPlan:
        """Which folders of the team's pages ``shown`` fold into lists, with their list
        pages; ``taken`` are the site's files, which a list page must not replace."""
        settings = self.run.settings
        self.use_directory_urls = use_directory_urls
        self.sections = plan_sections(
            shown,
            self.page_title,
            limit=settings.nav_section_limit,
            page_size=settings.nav_section_page_size,
            taken=taken,
        )
        for section in self.sections.lists:
            for number, key in enumerate(section.list_keys, 1):
                if key not in section.made_keys:
                    continue
                self.planned[key] = PlannedPage(
                    key=key,
                    title=section.page_title(number, self.translator),
                    context={},
                    # Later list pages are reached from the first, not from the navigation.
                    in_nav=number == 1,
                    searchable=False,
                )
        return self.sections

    def page_title(self, key: str) -> str:
        """A page's title (plain text), as the engine gives it to MkDocs."""
        if key in self.planned:
            return self.planned[key].title
        return self.run.catalogue.title(key, self.language.code)

    def page_article(self, key: str, cache_dir: Path) -> tuple[str, Path, dict] | None:
        """The article of page ``key``, once the page is made: its path in this language's
        site, the kept file to publish there, and what the page keeps to make it again."""
        planned = self.planned.get(key)
        if planned is None or planned.article is None:
            return None
        kept = self.reuse.kept.get(key) if self.reuse is not None else None
        body = kept.extras[ARTICLE_BODY] if kept is not None else self.article_bodies.pop(key, "")
        made = article_file(replace(planned.article.article, body=body), cache_dir)
        return planned.article.path, made, {ARTICLE_BODY: body}

    def short_address(self, key: str) -> str | None:
        """The published short address of the page ``key``: what its QR codes hold."""
        code = self.short_codes.code(key) if self.short_codes else None
        return self.run.short_address(self.language.code, code)

    def published_address(self, url: str) -> str | None:
        """The address readers will use for the page at ``url``."""
        return self.run.published_address(self.language.code, url)
