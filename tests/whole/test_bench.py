"""The benchmark runs at a quick size and counts right (no timing is asserted here, only
that every figure was measured)."""

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]


def test_quick_benchmark_counts(tmp_path: Path):
    output = tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, str(PROJECT / "bench" / "run.py"), "--size", "3", "--pages", "2",
         "--rounds", "1", "--serve-edits", "1", "--workdir", str(tmp_path / "work"),
         "--json", str(output)],
        capture_output=True, text=True, timeout=600,
        # As a developer runs it: the build log is in the site's language (Chinese).
        env={key: value for key, value in os.environ.items() if key != "XUANCHUAN_LANG"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(output.read_text(encoding="utf-8"))
    runs = result["runs"]
    assert set(runs) == {"baseline", "cold", "warm", "edited"}
    # 3 campaigns x 2 languages x (A4 PDF, A3 PDF, PNG, share PNG, leaflet PDF).
    assert runs["cold"]["print_rendered"] == 30 and runs["cold"]["print_reused"] == 0
    assert runs["warm"]["print_rendered"] == 0 and runs["warm"]["print_reused"] == 30
    # The edited campaign's Chinese headline shows on its Chinese posters and share image
    # only (the leaflet shows the title); its edited report is on no print file.
    assert runs["edited"]["print_rendered"] == 4 and runs["edited"]["print_reused"] == 26
    assert runs["baseline"]["ratio"] == 1.0
    # The site part is the cold build less the time the log says print files took.
    assert 0 < runs["cold"]["site_part_seconds"] < runs["cold"]["seconds"]
    # The corpus has report photos: their web copies are made and timed in the cold build.
    assert 0 < runs["cold"]["photo_seconds"] < runs["cold"]["site_part_seconds"]
    assert all(run["seconds"] > 0 and run["peak_mb"] > 0 for run in runs.values())
    weights = result["weights"]
    assert weights["campaign_pages"] == 6
    # 5 reports a campaign, in both languages; each campaign's 2 photos in 3 widths, once.
    assert weights["report_pages"] == 30
    assert weights["report_photo_copies"] == 3 * 2 * 3
    assert weights["median_report_page_bytes"] > 0
    assert set(weights["search_index"]) == {"default", "en"}
    for index in weights["search_index"].values():
        assert 0 < index["largest_shard_bytes"] < index["bytes"]
        assert 0 < index["meta_bytes"] < index["bytes"]
    # 3 campaigns and their 5 reports each, in both languages.
    assert weights["wechat_articles"] == 3 * 6 * 2 and weights["wechat_bytes"] > 0
    assert "x baseline" in done.stdout and "cold print throughput" in done.stdout
    assert "cold site part" in done.stdout and "web copies of report photos" in done.stdout


    # Under mkdocs serve: every edit showed up (no figure is held to the target here).
    serve = result["serve"]
    assert 0 < serve["start_seconds"] <= serve["ready_seconds"] and serve["settled"]
    assert set(serve["edits"]) == {"campaign_text", "content_page", "poster_field", "report_text"}
    for edit in serve["edits"].values():
        assert edit["timeouts"] == 0 and len(edit["all"]) == 1
        assert edit["median_seconds"] > 0
        assert 0 < edit["median_detected_seconds"] <= edit["median_rebuilt_seconds"]
    assert "mkdocs serve start" in done.stdout and "save to preview" in done.stdout
    # Every edited file is as it was.
    corpus = tmp_path / "work" / "corpus"
    assert not [path for path in corpus.rglob("*.md") if "标记" in path.read_text("utf-8")]
    assert not [path for path in corpus.rglob("*.md") if "又发放了一份" in path.read_text("utf-8")]
