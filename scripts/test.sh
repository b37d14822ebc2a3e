#!/usr/bin/env bash
# Install what is needed, test tools included, then lint every source folder and run the
# whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
echo "» ruff: hooks tests bench scripts"
.venv/bin/ruff check hooks tests bench scripts
export NO_MKDOCS_2_WARNING=1
# Every build a test runs is a new Python process: with compiled modules kept (in the
# __pycache__ folders git ignores) it starts without compiling the engine again.
unset PYTHONDONTWRITEBYTECODE
# One test process a core; a module's tests stay in one process, so a site a module builds
# once for its tests is built once.
exec .venv/bin/python -m pytest -n auto --dist loadfile "$@"
