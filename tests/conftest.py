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


def pytest_collection_modifyitems(items):
    for item in items:
        if "whole" in item.path.parts or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)
