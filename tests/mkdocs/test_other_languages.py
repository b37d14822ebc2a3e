"""The other languages' build in a child process: what it reports back, and how its
failure ends the build. Each child here runs a small stand-in for the languages' build."""

from __future__ import annotations

import logging
import os
import time

import pytest
from mkdocs.exceptions import Abort, PluginError

from fixtures.mkdocs_project import language_builds, project
from xuanchuan.mkdocs.log_handlers import WarningCounter
from xuanchuan.mkdocs.other_languages import OtherLanguages

ONE_LANGUAGE = "extra:\n  xuanchuan:\n    languages:\n      - {code: zh, name: 中文}\n"


@pytest.fixture(autouse=True)
def may_fork(monkeypatch):
    """The children here run stand-ins that set no text: they are forked whatever this test
    process drew with Pango before (which alone would have it build the languages in turn)."""
    from xuanchuan.core import workers

    monkeypatch.setattr(workers, "_threads_outside_python", False)


@pytest.fixture
def warnings():
    counter = WarningCounter()
    logging.getLogger("mkdocs").addHandler(counter)
    yield counter
    logging.getLogger("mkdocs").removeHandler(counter)


def warns_and_uses_a_page(run):
    logging.getLogger("mkdocs.plugins.xuanchuan").warning("en: campaigns/a/index.en.md: 没有标题")
    run.pages_used.add("en/about")


def aborts(run):
    logging.getLogger("mkdocs.plugins.xuanchuan").warning("en: 链接不存在")
    raise Abort("Aborted with 1 warnings in strict mode!")


def breaks(run):
    raise ValueError("a page of the other language could not be read")


def test_a_site_of_one_language_starts_nothing(tmp_path, warnings):
    with language_builds(project(tmp_path, ONE_LANGUAGE)) as (_, builds):
        assert OtherLanguages.start(warns_and_uses_a_page, builds[0].run, warnings) is None


def test_a_build_that_set_text_itself_builds_the_others_in_turn(tmp_path, warnings, monkeypatch):
    # A draft build marks its print files with Pango here: a forked child setting text too
    # could wait forever on Pango's threads, which a fork does not copy.
    from xuanchuan.core import workers

    monkeypatch.setattr(workers, "_threads_outside_python", True)
    with language_builds(project(tmp_path)) as (_, builds):
        assert OtherLanguages.start(warns_and_uses_a_page, builds[0].run, warnings) is None


def test_the_childs_warnings_and_pages_are_counted_here(tmp_path, warnings):
    with language_builds(project(tmp_path)) as (_, builds):
        run = builds[0].run
        logging.getLogger("mkdocs.plugins.xuanchuan").warning("zh: 一个警告")
        others = OtherLanguages.start(warns_and_uses_a_page, run, warnings)
        others.finish(run, warnings)
        assert warnings.count == 2
        assert warnings.lines == ["zh: 一个警告", "en: campaigns/a/index.en.md: 没有标题"]
        assert "en/about" in run.pages_used


def test_a_strict_stop_in_the_child_ends_the_build_listing_every_problem(tmp_path, warnings):
    with language_builds(project(tmp_path)) as (_, builds):
        run = builds[0].run
        logging.getLogger("mkdocs.plugins.xuanchuan").warning("zh: 日期不对")
        others = OtherLanguages.start(aborts, run, warnings)
        with pytest.raises(Abort) as ended:
            others.finish(run, warnings)
        assert "zh: 日期不对" in str(ended.value)
        assert "en: 链接不存在" in str(ended.value)


def test_an_error_in_the_child_ends_the_build_naming_it(tmp_path, warnings):
    with language_builds(project(tmp_path)) as (_, builds):
        run = builds[0].run
        others = OtherLanguages.start(breaks, run, warnings)
        with pytest.raises(PluginError, match="ValueError: a page of the other language"):
            others.finish(run, warnings)


def test_a_stopped_child_is_gone(tmp_path, warnings):
    def waits(run):
        time.sleep(60)

    with language_builds(project(tmp_path)) as (_, builds):
        others = OtherLanguages.start(waits, builds[0].run, warnings)
        others.stop()
        with pytest.raises(ChildProcessError):
            os.waitpid(others.pid, 0)
