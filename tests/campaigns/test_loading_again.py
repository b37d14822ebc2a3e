"""A preview server loads the campaigns again on every save: an unchanged folder gives back
the same campaigns and problems, a changed file is read again."""

from __future__ import annotations

import shutil
from pathlib import Path

from xuanchuan.campaigns.loader import load_campaigns
from xuanchuan.core.settings import load_settings

PROJECT = Path(__file__).resolve().parents[2]
SETTINGS = load_settings(None)


def project(tmp_path: Path) -> Path:
    for slug in ("spring-irrigation-2027", "safety-month-2026"):
        shutil.copytree(PROJECT / "campaigns" / slug, tmp_path / "campaigns" / slug)
    return tmp_path


def test_an_unchanged_folder_gives_the_same_campaigns_and_a_changed_one_is_read_again(tmp_path):
    root = project(tmp_path)
    first = load_campaigns(SETTINGS, root)
    second = load_campaigns(SETTINGS, root)
    for slug, versions in first.campaigns.items():
        assert second.campaigns[slug]["zh"] is versions["zh"]
    source = root / "campaigns" / "spring-irrigation-2027" / "index.zh.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("summary: ", "summary: 改过的", 1), encoding="utf-8")
    third = load_campaigns(SETTINGS, root)
    assert third.campaigns["spring-irrigation-2027"]["zh"].summary.startswith("改过的")
    assert third.campaigns["safety-month-2026"]["zh"] is first.campaigns["safety-month-2026"]["zh"]


def test_a_problem_is_reported_on_every_load(tmp_path):
    root = project(tmp_path)
    source = root / "campaigns" / "spring-irrigation-2027" / "index.zh.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("summary: ", "sumary: ", 1), encoding="utf-8")
    first = load_campaigns(SETTINGS, root)
    second = load_campaigns(SETTINGS, root)
    assert first.problems and [str(p) for p in first.problems] == [str(p) for p in second.problems]
    assert second.left_out == ["spring-irrigation-2027"]
