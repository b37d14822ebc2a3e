"""Material's search plugin still lists every section, without cutting Chinese into words:
the site's own index pairs characters, so the cutting (and jieba's dictionary) is unused."""

import json
import subprocess
import sys

import pytest

from fixtures.sites import fixture_config, page, write_site

pytestmark = pytest.mark.slow

BUILD_THEN_TELL = """
import json, sys
from mkdocs.__main__ import cli
cli.main(["build", "--strict"], standalone_mode=False)
import jieba
print(json.dumps({"loaded": jieba.dt.initialized}))
"""


def test_a_build_lists_chinese_sections_whole_without_loading_a_segmenter(tmp_path):
    text = "农村用电要注意电力设施保护条例的规定。"
    root = write_site(
        tmp_path / "site",
        {"index.zh.md": page("安全用电", text), "index.en.md": page("Safe use", "Safety.")},
        config=fixture_config(print_files=False),
    )
    done = subprocess.run(
        [sys.executable, "-c", BUILD_THEN_TELL],
        cwd=root, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"loaded": False}
    # The site's index still has the section, its text as written and every pair of
    # characters (施保 spans two words), made from what Material listed.
    index = root / "site" / "search" / "xc"
    assert text in (index / "d0.js").read_text(encoding="utf-8")
    assert '"施保"' in (index / "s0.js").read_text(encoding="utf-8")
