"""What the engine's templates show on a page of a language's build besides the page
itself: the other languages, the notices, the search limits, the home page's blocks, the
section lists, and the footer only paper shows."""

from __future__ import annotations

from pathlib import Path

from ...core.links import href_path, page_url, relative_url
from ..campaign_pages.home import HomeLinks, home_view
from ..files.page_qr import qr_svg
from ..pages.section_lists import back_view, list_view
from ..pages.untranslated import HOME, link_from
from .language_notices import alternates, notice, reader_notice
from .languages import SEARCH_QUERY_LIMIT, LanguageBuild


def page_context(build: LanguageBuild, key: str, url: str, prints_footer: bool) -> dict:
    """What the engine's templates show on a page, besides the page itbuild.

    The footer only paper shows holds the page's short address, as text and, drawn as
    the page is written (``with_footer_code``), as a QR code; only a page whose template
    prints it (``prints_footer``) has one."""
    context: dict = {"xc_alternates": alternates(build, key, url)}
    planned = build.planned.get(key)
    if planned:
        context.update(planned.context)
    short = build.short_address(key) if prints_footer else None
    context["xc_print_qr"] = (
        {"url": short, "caption": build.translator("print.scan")} if short else None
    )
    context["xc_notice"] = notice(build) if key in build.fallbacks else None
    context["xc_search_cut"] = build.translator("search.cut", count=SEARCH_QUERY_LIMIT)
    context["xc_search_limit"] = SEARCH_QUERY_LIMIT
    context["xc_home"] = home(build, url) if key == HOME else None
    context.update(section_context(build, key))
    # Readers of other languages led here: each their notice, shown by the page's script.
    context["xc_reader_notices"] = [
        reader_notice(build, code) for code in build.run.untranslated.readers(key)
    ]
    return context


def section_context(build: LanguageBuild, key: str) -> dict:
    """A list page's list, or the way back to its list for a page of a folded folder."""
    section = build.sections.list_of(key) if build.sections else None
    if section is None:
        return {"xc_section_list": None, "xc_section_back": None}
    t, urls = build.translator, build.use_directory_urls
    if key in section.list_keys:
        number = section.list_keys.index(key) + 1
        return {"xc_section_list": list_view(section, number, t, urls), "xc_section_back": None}
    back = back_view(section, key, t, urls) if section.shows(key) else None
    return {"xc_section_list": None, "xc_section_back": back}


def home(build: LanguageBuild, url: str) -> dict:
    """What the home page (at ``url``) shows under the team's text: what is on."""
    code, prints = build.language.code, build.run.prints
    return home_view(
        build.run.campaigns.in_language(code),
        build.run.campaigns.reports(code),
        t=build.translator,
        today=build.run.today,
        links=HomeLinks(
            href=lambda key: href(build, key, url),
            title_of=build.page_title,
            print_files=lambda c: prints.for_campaign(c.slug, code) if prints else [],
        ),
    )


def href(build: LanguageBuild, key: str, url: str) -> str | None:
    """The link from the page at ``url`` to the page ``key``: in this language's site,
    or the default language's page where this language leads there; None for a page
    this build does not make, so that nothing links to a missing page."""
    if not build.is_page(key):
        return None
    code = build.language.code
    if build.run.untranslated.linked(key, code):
        address = build.run.untranslated.address(key, code, build.use_directory_urls)
        return link_from(build.prefix + url, address)
    return href_path(relative_url(page_url(key, build.use_directory_urls), url))


def with_footer_code(context: dict, qr_cache: Path) -> dict:
    """``context`` with its footer's QR code drawn (kept in ``qr_cache``)."""
    footer = context.get("xc_print_qr")
    if not footer:
        return context
    return {**context, "xc_print_qr": {**footer, "svg": qr_svg(footer["url"], qr_cache)}}
