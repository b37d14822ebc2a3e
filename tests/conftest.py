"""Whole builds, other processes and the browser are marked slow: ``pytest -m "not slow"``
runs the fast unit tests alone. Everything in whole/ is slow; elsewhere a module or test
that builds says so with ``pytest.mark.slow``."""

from __future__ import annotations

import os

import pytest

# Messages are asserted in English, the language the code writes them in, in this process
# and in every build or command it starts; tests of the team's language (Chinese by
# default) set XUANCHUAN_LANG="" for their build to use the site's setting.
os.environ["XUANCHUAN_LANG"] = "en"


# The starter project as ``xuanchuan init`` leaves it, and its site, built once for every
# test that only reads them (once per test process).


@pytest.fixture(scope="session")
def starter(tmp_path_factory):
    from fixtures.sites import starter_project

    return starter_project(tmp_path_factory.mktemp("starter") / "project")


@pytest.fixture(scope="session")
def starter_site(tmp_path_factory, starter):
    from fixtures.sites import run_mkdocs

    result = run_mkdocs(starter, site_dir=tmp_path_factory.mktemp("starter-site") / "site")
    assert result.returncode == 0, result.output
    assert "Traceback" not in result.output
    return result.site


# The browser's fixtures, for a test module that has a ``site`` fixture (the built site):
# each test runs over HTTP and from a folder (file://), as readers open the site.


@pytest.fixture(scope="module")
def browser():
    from fixtures.browser import launched, playwright_or_skip

    with launched(playwright_or_skip()) as chromium:
        yield chromium


@pytest.fixture(scope="module")
def http_base(site):
    from fixtures.browser import served

    with served(site) as address:
        yield address


@pytest.fixture(params=["http", "file"])
def base(request, site, http_base) -> str:
    return http_base if request.param == "http" else site.as_uri() + "/"


@pytest.fixture
def visit(browser, base):
    from fixtures.browser import Visit

    opened = Visit(browser, base)
    yield opened
    opened.close()


def pytest_collection_modifyitems(items):
    from hypothesis import is_hypothesis_test

    for item in items:
        fuzzed = is_hypothesis_test(getattr(item, "obj", None))
        if "whole" in item.path.parts or item.get_closest_marker("browser") or fuzzed:
            # Fuzzing runs its hundreds of examples with the whole suite, not the quick part.
            item.add_marker(pytest.mark.slow)
