"""Whole builds, other processes and the browser are marked slow: ``pytest -m "not slow"``
runs the fast unit tests alone. Everything in whole/ is slow; elsewhere a module or test
that builds says so with ``pytest.mark.slow``."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(items):
    for item in items:
        if "whole" in item.path.parts or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)
