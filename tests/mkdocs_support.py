"""A small project whose mkdocs.yml MkDocs itself reads (no build), for the adapter's tests."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from mkdocs.config import load_config

from xuanchuan.mkdocs.project import start_site_run
from xuanchuan.site.build.languages import LanguageBuild

SITE_URL = "https://www.qxdl.cn/xuanchuan/"


# The project's own theme overrides: its templates and fragments, for a page made here.
THEME = Path(__file__).resolve().parent.parent / "overrides"


def project(
    tmp_path: Path, extra: str = "", site_url: str = SITE_URL, theme: Path | None = None
) -> Path:
    """A project in ``tmp_path``; ``theme``: the overrides folder it uses (its own, empty,
    by default)."""
    (tmp_path / "content").mkdir()
    (tmp_path / "overrides" / "assets").mkdir(parents=True)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: 安全用电宣传\n"
        f"site_url: {site_url}\n"
        "docs_dir: content\n"
        f"theme:\n  name: material\n  custom_dir: {theme or 'overrides'}\n" + extra,
        encoding="utf-8",
    )
    return config


def config_of(path: Path, **options):
    return load_config(config_file=str(path), **options)


@contextmanager
def language_builds(path: Path, **options):
    """Every language's build of the project ``path`` names, its run started as
    ``mkdocs build`` starts it (the project's build lock held, nothing drawn yet); the run
    is ended and its staging folder removed afterwards."""
    config = config_of(path, **options)
    config.plugins.on_startup(command="build", dirty=False)  # as MkDocs starts a build
    run = start_site_run(config, serving=False, dirty=False, counting=lambda: None)
    try:
        yield config, [LanguageBuild(run, language) for language in run.settings.languages]
    finally:
        run.abort()
