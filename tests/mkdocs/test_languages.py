"""Each language's configuration as the adapter sets it on MkDocs's own configuration."""

from __future__ import annotations

import logging

from fixtures.mkdocs_project import SITE_URL, language_builds, project
from xuanchuan.mkdocs.languages import configure_language, report_linked

UYGHUR = """
extra:
  xuanchuan:
    languages:
      - code: zh
        name: 中文
      - code: en
        name: English
        site_name: Safe <electricity> & you
      - code: ug
        name: ئۇيغۇرچە
        fallback: [zh]
"""


def test_the_default_language_stays_at_the_root_in_its_own_interface(tmp_path):
    with language_builds(project(tmp_path)) as (config, builds):
        site_dir = config.site_dir
        configure_language(config, builds[0])
        assert config.site_dir == site_dir
        assert config.site_url == SITE_URL
        assert config.theme["language"] == "zh"
        assert config.theme["direction"] == "ltr"
        assert config.site_name == "安全用电宣传"


def test_another_language_builds_into_its_folder_at_its_address(tmp_path):
    with language_builds(project(tmp_path, UYGHUR)) as (config, builds):
        configure_language(config, builds[1])
        assert config.site_dir == str(builds[1].site_dir)
        assert config.site_url == SITE_URL + "en/"
        assert config.theme["language"] == "en"
        # Its own name, written as plain text, is printed by Material as HTML.
        assert config.site_name == "Safe &lt;electricity&gt; &amp; you"


def test_a_language_material_lacks_uses_its_fallback_laid_out_right_to_left(tmp_path, caplog):
    with language_builds(project(tmp_path, UYGHUR)) as (config, builds):
        with caplog.at_level(logging.INFO, logger="mkdocs.plugins.xuanchuan"):
            configure_language(config, builds[2])
        # Its fallback is the team's language, not English.
        assert config.theme["language"] == "zh"
        assert config.theme["direction"] == "rtl"
        assert config.site_url == SITE_URL + "ug/"
        assert "Material for MkDocs has no interface texts for 'ug'" in caplog.text
        assert "overrides/partials/languages/ug.html" in caplog.text


def test_pages_linked_to_the_default_language_are_counted(tmp_path, caplog):
    with language_builds(project(tmp_path)) as (_, builds):
        with caplog.at_level(logging.INFO, logger="mkdocs.plugins.xuanchuan"):
            report_linked(builds[1])
            assert caplog.text == ""  # nothing linked, nothing said
            builds[1].linked.extend(["about.md", "help/index.md"])
            report_linked(builds[1])
        assert "Pages (en): 2 not translated, linked to the Chinese pages instead" in caplog.text
