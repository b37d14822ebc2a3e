"""MkDocs's events on the engine's SiteBuild: a run started and ended by them, and a
failure turned into the team's message instead of a traceback."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from fixtures.mkdocs_project import config_of, project
from xuanchuan.core.errors import SourceError, file_problem
from xuanchuan.mkdocs.events import SiteBuild


def started(tmp_path: Path) -> tuple[SiteBuild, object]:
    """A build's events, the configuration of the project in ``tmp_path`` taken."""
    events = SiteBuild()
    events.on_startup(command="build", dirty=False)
    if not (tmp_path / "mkdocs.yml").exists():
        project(tmp_path)
    config = config_of(tmp_path / "mkdocs.yml")
    config.plugins.on_startup(command="build", dirty=False)
    return events, events.on_config(config)


def test_the_first_configuration_starts_the_run_in_the_default_language(tmp_path):
    events, config = started(tmp_path)
    try:
        (build,) = events.builds
        assert build.is_default and build.language.code == "zh"
        assert config.theme["language"] == "zh"
        # Page links naming a language are read by the engine's Markdown extension.
        assert any(type(ext).__name__ == "LanguageLinks" for ext in config.markdown_extensions)
    finally:
        events.on_build_error(error=Abort("stopped by the test"))
    # The failed run let go of the project: another one can start.
    events.on_build_error(error=Abort("nothing running"))
    assert not events.builds
    other, _ = started(tmp_path)
    other.on_build_error(error=Abort("stopped by the test"))


def test_a_source_problem_ends_the_build_with_its_message_last(tmp_path):
    events, _ = started(tmp_path)
    problem = file_problem("campaigns/a/index.zh.md", "start: expected a date like 2027-03-01")
    with pytest.raises(Abort) as ended:
        events.on_build_error(error=SourceError(problem))
    assert "campaigns/a/index.zh.md" in str(ended.value)
    assert "start: expected a date like 2027-03-01" in str(ended.value)
    assert not events.builds


def test_a_full_disk_names_the_page_being_written(tmp_path):
    events, _ = started(tmp_path)
    events.writing = str(tmp_path / "site" / "about" / "index.html")
    with pytest.raises(Abort) as ended:
        events.on_build_error(error=OSError(errno.ENOSPC, "No space left on device"))
    assert "site/about/index.html" in str(ended.value)
    assert "No space left on device" in str(ended.value)
    assert "previous site is left as it was" in str(ended.value)


def test_an_abort_already_said_passes_through(tmp_path):
    events, _ = started(tmp_path)
    assert events.on_build_error(error=Abort("Aborted with 1 warnings")) is None
    assert not events.builds
