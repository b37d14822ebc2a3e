"""The project as mkdocs.yml sets it: the engine's settings, the theme, the site's
addresses checked, and the project the command line works on."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, PluginError

from ..core.errors import Problem, SourceError
from ..core.log import log
from ..core.messages import msg, use_language
from ..core.project import Project
from ..core.settings import Settings, config_not_found, load_settings, messages_language_of
from ..core.site_address import link_address_problem, site_url_problem
from ..core.yaml_reader import field_lines
from ..site.build.run import Mode, Places, Run, start_run
from ..site.files.page_qr import MOST_PRINTABLE, qr_version
from ..site.files.short_pages import team_short_links
from ..site.pages.sources import Theme


def _written(config: MkDocsConfig) -> tuple[str, str]:
    """mkdocs.yml's name and its text as written, for line numbers ("" if unreadable)."""
    path = Path(config.config_file_path or "mkdocs.yml")
    try:
        return path.name, path.read_text(encoding="utf-8")
    except OSError:
        return path.name, ""


def _as_written(config: MkDocsConfig, key: str):
    """A setting as mkdocs.yml writes it: ``mkdocs serve`` replaces site_url and site_dir
    before any event sees the configuration."""
    import yaml
    from mkdocs.utils.yaml import yaml_load

    try:
        with open(config.config_file_path, "rb") as stream:
            written = yaml_load(stream)  # INHERIT and !ENV as MkDocs reads them
    except (OSError, TypeError, ValueError, yaml.YAMLError):
        return None  # MkDocs itself read it a moment ago: only a file changed since fails
    return written.get(key) if isinstance(written, dict) else None


def published_site_url(config: MkDocsConfig) -> str | None:
    """site_url as mkdocs.yml writes it, in a preview too."""
    url = _as_written(config, "site_url")
    return url if isinstance(url, str) and url.strip() else None


def built_site(config: MkDocsConfig) -> Path | None:
    """The folder ``mkdocs build`` last wrote the site into, if it holds one."""
    written = _as_written(config, "site_dir")
    project_dir = Path(config.config_file_path or ".").resolve().parent
    folder = project_dir / (written if isinstance(written, str) and written else "site")
    return folder if (folder / "index.html").is_file() else None


def check_site_address(config: MkDocsConfig, url: str | None, strict: bool) -> bool:
    """Refuse an address no phone should open; whether a build's print files are drafts:
    with a placeholder address (example.org, none at all) they would lead nowhere, so a
    strict build stops, and any other build marks them 样稿 / DRAFT and says so.

    XUANCHUAN_DRAFT=1 asks for drafts knowingly (``scripts/build.sh`` before ``init``)."""
    name, text = _written(config)
    found = site_url_problem(url, name, text)
    if found is not None and found[1]:
        raise SourceError(found[0])
    check_link_addresses(config, name, field_lines(text))
    if found is None:
        return False
    placeholder = found[0]
    if os.environ.get("XUANCHUAN_DRAFT") == "1":
        log.info(msg("Drafts: {problem}", problem=str(placeholder)))
    elif strict:
        raise SourceError(placeholder)
    else:
        log.warning(
            msg("{problem} Print files are marked as drafts until then.", problem=str(placeholder))
        )
    return True


def check_link_addresses(config: MkDocsConfig, name: str, lines: dict[str, int]) -> None:
    """The other addresses of mkdocs.yml the theme turns into links: web, e-mail or
    telephone addresses only, never one that runs script when a reader taps it."""
    found = [("repo_url", config.repo_url)]
    social = config.extra.get("social")
    if isinstance(social, list):
        found += [
            (f"extra.social[{number}].link", item.get("link"))
            for number, item in enumerate(social, start=1)
            if isinstance(item, dict)
        ]
    problems = [
        Problem(name, lines.get(key), key, problem)
        for key, value in found
        if value and (problem := link_address_problem(value)) is not None
    ]
    if problems:
        raise SourceError(problems)


def check_printed_addresses(run: Run) -> None:
    """A long site_url makes every printed QR code dense, however short its page's code."""
    longest = run.longest_short_address()
    version = qr_version(longest) if longest else 0
    if version > MOST_PRINTABLE:
        log.warning(
            msg(
                "mkdocs.yml: site_url: {url} is long: printed QR codes hold up to {address} "
                "and need version {version} (more than {most}): such a dense code is hard to "
                "scan at the size posters print it. Publish the site at a shorter address if "
                "you can.",
                url=run.published_url,
                address=longest,
                version=version,
                most=MOST_PRINTABLE,
            )
        )


def theme_of(config: MkDocsConfig) -> Theme:
    """The template folders (overrides first) and the statuses a page may name."""
    statuses = config.extra.get("status")
    return Theme(
        tuple(Path(folder) for folder in config.theme.dirs),
        tuple(statuses) if isinstance(statuses, dict) else (),
    )


def settings_of(config: MkDocsConfig) -> Settings:
    """The engine's settings, with mkdocs.yml line numbers for any problem."""
    name, text = _written(config)
    raw = config.extra.get("xuanchuan")
    # Even a problem in the settings themselves is told in the team's language.
    use_language(messages_language_of(raw))
    settings = load_settings(raw, name, field_lines(text))
    use_language(settings.messages)
    return settings


def read_project(config_file: Path) -> Project:
    if not config_file.is_file():
        raise config_not_found(config_file)
    try:
        config = load_config(config_file=str(config_file))
    except ConfigurationError as error:
        raise SourceError(Problem(str(config_file), None, None, str(error))) from None
    project_dir = config_file.resolve().parent
    settings = settings_of(config)
    overrides = config.theme.custom_dir or str(project_dir / "overrides")
    # Material's offline plugin turns directory URLs off when the site is built.
    offline = config.plugins.get("material/offline")
    directory_urls = config.use_directory_urls and not (
        offline is not None and offline.config.get("enabled", True)
    )
    return Project(
        settings,
        project_dir,
        Path(config.docs_dir),
        Path(overrides),
        site_url=config.site_url,
        use_directory_urls=directory_urls,
        short_links=team_short_links(settings, Path(config.docs_dir), project_dir),
    )


def start_site_run(config: MkDocsConfig, *, serving: bool, dirty: bool, counting) -> Run:
    """The run of one ``mkdocs build`` or preview rebuild, its inputs read and checked;
    ``counting()`` starts counting warnings once the settings are read, so that a campaign
    problem alone stops --strict."""
    project_dir = Path(config.config_file_path or ".").resolve().parent
    # A preview still leads readers to the published address (None without one: then
    # no QR code, as in a build, never one of the preview's own address).
    published = published_site_url(config) if serving else config.site_url
    if published:
        # MkDocs put the preview's own address here; it serves under the published
        # one's path whatever this says. With the published address, preview pages are
        # the build's pages: each reuses what the other kept.
        config.site_url = published
    try:
        settings = settings_of(config)
        draft = serving or check_site_address(config, published, bool(config.strict))
        counting()
        places = Places(
            project_dir=project_dir,
            docs_dir=Path(config.docs_dir),
            overrides_dir=Path(config.theme.custom_dir or project_dir / "overrides"),
            config_file=config.config_file_path,
            site_dir=config.site_dir,
            theme=theme_of(config),
        )
        mode = Mode(
            strict=bool(config.strict),
            serving=serving,
            site_url=config.site_url,
            published_url=published,
            staged=not (serving and dirty),
            draft=draft,
            site_name=config.site_name,  # before a language's own replaces it
        )
        run = start_run(settings, places, mode)
    except SourceError as error:
        raise PluginError(str(error)) from None
    check_printed_addresses(run)
    campaigns_dir = project_dir / settings.campaigns_dir
    if serving and campaigns_dir.is_dir():  # watching a missing folder stops the server
        config.watch.append(str(campaigns_dir))
    config.site_dir = str(run.output_dir)
    return run
