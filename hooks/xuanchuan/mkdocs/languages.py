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
    _use_material_language(config, code)
    # Material mirrors its layout (menus, sidebars, icons) for "rtl".
    config.theme["direction"] = build.language.dir
    _report_untranslated_texts(build)
    # The site's name and description are plain text; Material prints them as HTML.
    config.site_name = as_html(build.language.site_name or config.site_name)
    description = build.language.site_description or config.site_description
    config.site_description = as_html(description) if description else description


def _use_material_language(config: MkDocsConfig, code: str) -> None:
    """Material's interface (search box, buttons) and search defaults in ``code``."""
    config.theme["language"] = code
    if not any(
        Path(d, "partials", "languages", f"{code}.html").is_file() for d in config.theme.dirs
    ):
        log.info(
            msg(
                "Material for MkDocs has no interface texts for '{code}': its buttons show in "
                "English. Add overrides/partials/languages/{code}.html to translate them.",
                code=code,
            )
        )
        config.theme["language"] = "en"


def _report_untranslated_texts(build: LanguageBuild) -> None:
    missing = build.translator.untranslated()
    if missing:
        log.info(
            msg(
                "{count} of the site's own texts (menus, campaign labels, dates) have no "
                "'{code}' translation and show in English. To translate them, add a "
                "'{code}:' line to each text in hooks/xuanchuan/core/strings.yml.",
                count=len(missing),
                code=build.language.code,
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
