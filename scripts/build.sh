#!/usr/bin/env bash
# Install what is needed, then build the whole site, posters included, into site/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict "$@"
echo "» the site is in $(pwd)/site (open site/index.html, or upload the folder)"
