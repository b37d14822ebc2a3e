"""Each language's configuration: its folder and address, Material's interface
language and direction, and what the build tells the team about it."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..core.log import log
from ..core.messages import msg
from ..core.strings import language_name
from ..site.build.languages import LanguageBuild
from ..site.pages.plain_text import as_html


def configure_language(config: MkDocsConfig, build: LanguageBuild) -> None:
    code = build.language.code
    if not build.is_default:
        config.site_dir = str(build.site_dir)
        config.site_url = build.run.language_site_url(code)
    _use_material_language(config, build)
    # Material mirrors its layout (menus, sidebars, icons) for "rtl".
    config.theme["direction"] = build.language.dir
    _report_untranslated_texts(build)
    # The site's name and description are plain text; Material prints them as HTML.
    config.site_name = as_html(build.language.site_name or config.site_name)
    description = build.language.site_description or config.site_description
    config.site_description = as_html(description) if description else description


def _use_material_language(config: MkDocsConfig, build: LanguageBuild) -> None:
    """Material's interface (search box, buttons) and search defaults in the language, or
    in the first of its fallback languages Material has, as the engine's own texts do."""
    chain = (*build.translator.chain, "en")
    theme_dirs = config.theme.dirs
    known = [
        code
        for code in chain
        if any(Path(d, "partials", "languages", f"{code}.html").is_file() for d in theme_dirs)
    ]
    config.theme["language"] = known[0]
    if known[0] != chain[0]:
        log.info(
            msg(
                "Material for MkDocs has no interface texts for '{code}': its buttons show in "
                "{fallback}. Add overrides/partials/languages/{code}.html to translate them.",
                code=chain[0],
                fallback=language_name(known[0], known[0]),
            )
        )


def _report_untranslated_texts(build: LanguageBuild) -> None:
    missing = build.translator.untranslated()
    if missing:
        shown_in = build.translator.shown_instead
        log.info(
            msg(
                "{count} of the site's own texts (menus, campaign labels) have no '{code}' "
                "translation and show in {fallback}. To translate them, translate "
                "hooks/xuanchuan/locale/{code}/LC_MESSAGES/site.po with Poedit or another "
                "gettext tool (hooks/xuanchuan/locale/README.md says how to start it).",
                count=len(missing),
                code=build.language.code,
                fallback=language_name(shown_in, shown_in),
            )
        )


def report_linked(build: LanguageBuild) -> None:
    if build.linked:
        default = build.run.settings.default
        log.info(
            msg(
                "Pages ({code}): {count} not translated, linked to the {language} pages instead",
                code=build.language.code,
                count=len(build.linked),
                language=language_name(default.code, default.name),
            )
        )
