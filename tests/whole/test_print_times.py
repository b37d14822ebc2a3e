"""The print-times script draws every kind of print file once and times each (no timing is
asserted beyond being there)."""

import json
import shutil
import sys
from pathlib import Path

from fixtures.sites import PROJECT, page, run_bounded, write_site

SAMPLE = "safety-month-2026"


def test_print_times_of_one_campaign(tmp_path: Path):
    project = write_site(tmp_path / "project", {"index.zh.md": page("首页")}, own_print_cache=True)
    shutil.copytree(PROJECT / "campaigns" / SAMPLE, project / "campaigns" / SAMPLE)
    output = tmp_path / "times.json"
    images = tmp_path / "images"
    done = run_bounded(
        [sys.executable, str(PROJECT / "bench" / "print_times.py"), "--project", str(project),
         "--rounds", "1", "--json", str(output), "--images", str(images)],
        capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(output.read_text(encoding="utf-8"))
    kinds = result["kinds"]
    assert set(kinds) == {"poster PDF A4", "poster PDF A3", "poster PNG", "share PNG", "leaflet PDF"}
    for row in kinds.values():
        assert row["files"] >= 1 and 0 < row["median_ms"] <= row["max_ms"]
    # 2 languages x 5 files; the first drawing is reported alone, not among the medians.
    assert result["first_file"]["ms"] > 0
    assert result["total"]["files"] == 9 and result["total"]["ms"] > 0
    assert "poster PNG" in done.stdout and "first file" in done.stdout
    assert sorted(path.name for path in images.iterdir()) == [
        f"{SAMPLE}-leaflet-zh.png", f"{SAMPLE}-poster-A4-zh.png", f"{SAMPLE}-poster-zh.png",
        f"{SAMPLE}-share-en.png", f"{SAMPLE}-share-zh.png",
    ]
    # Drawn in a temporary cache: the project's own is left alone.
    assert not (project / ".cache").exists()
