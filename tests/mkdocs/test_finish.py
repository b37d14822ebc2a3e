"""The end of a language's build and of the run, on a run started for real."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from fixtures.mkdocs_project import language_builds, project
from xuanchuan.mkdocs.finish import finish_language, finish_run
from xuanchuan.mkdocs.log_handlers import WarningCounter

SEARCH_INDEX = {
    "config": {"lang": ["zh"], "separator": "[\\s]+"},
    "docs": [{"location": "", "title": "首页", "text": "安全用电 人人有责"}],
}


def written_site(config) -> Path:
    site = Path(config.site_dir)
    (site / "search").mkdir(parents=True)
    (site / "search" / "search_index.json").write_text(json.dumps(SEARCH_INDEX), "utf-8")
    return site


def test_a_broken_sitemap_is_left_out_and_the_search_index_is_split(tmp_path, caplog):
    with language_builds(project(tmp_path)) as (config, (chinese, _)):
        site = written_site(config)
        (site / "sitemap.xml").write_text("<urlset><url><loc>a & b</loc></url>", "utf-8")
        with caplog.at_level(logging.INFO, logger="mkdocs.plugins.xuanchuan"):
            finish_language(chinese, config)
        assert not (site / "sitemap.xml").exists()
        assert any((site / "search" / "xc").iterdir())
        settings = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
        assert settings["docs"] == []  # the pages' text is in the split index only
        assert "Search index (zh):" in caplog.text


def test_a_good_sitemap_stays(tmp_path):
    sitemap = '<?xml version="1.0"?><urlset><url><loc>https://a.cn/</loc></url></urlset>'
    with language_builds(project(tmp_path)) as (config, (chinese, _)):
        site = written_site(config)
        (site / "sitemap.xml").write_text(sitemap, "utf-8")
        finish_language(chinese, config)
        assert (site / "sitemap.xml").read_text("utf-8") == sitemap


def test_a_strict_run_with_a_warning_ends_listing_it_and_keeps_the_old_site(tmp_path):
    path = project(tmp_path)
    old_site = tmp_path / "site"
    old_site.mkdir()
    (old_site / "index.html").write_text("old", "utf-8")
    with language_builds(path, strict=True) as (config, (chinese, _)):
        warnings = WarningCounter()
        logging.getLogger("mkdocs").addHandler(warnings)
        logging.getLogger("mkdocs.plugins.xuanchuan").warning("content/a.zh.md:3: 日期不对")
        with pytest.raises(Abort) as ended:
            finish_run(chinese, config, warnings)
        assert "content/a.zh.md:3: 日期不对" in str(ended.value)
        assert warnings not in logging.getLogger("mkdocs").handlers
    assert (old_site / "index.html").read_text("utf-8") == "old"
