"""The project as mkdocs.yml sets it, read by MkDocs and checked by the adapter."""

from __future__ import annotations

import pytest

from fixtures.mkdocs_project import SITE_URL, config_of, project
from xuanchuan.core.errors import SourceError
from xuanchuan.mkdocs.project import (
    check_link_addresses,
    published_site_url,
    read_project,
    settings_of,
    theme_of,
)


def test_the_published_address_is_the_one_written_even_when_the_preview_replaced_it(tmp_path):
    config = config_of(project(tmp_path))
    config.site_url = "http://127.0.0.1:8000/"  # what mkdocs serve does before any event
    assert published_site_url(config) == SITE_URL


def test_a_site_without_an_address_has_none(tmp_path):
    config = config_of(project(tmp_path, site_url="''"))
    assert published_site_url(config) is None


def test_a_link_that_runs_script_is_refused_with_its_line(tmp_path):
    # MkDocs checks repo_url itself; the theme's social links are the adapter's to check.
    path = project(tmp_path, "extra:\n  social:\n    - link: javascript:alert(1)\n")
    config = config_of(path)
    with pytest.raises(SourceError) as raised:
        check_link_addresses(config, "mkdocs.yml", {"extra.social[1].link": 9})
    text = str(raised.value)
    assert "mkdocs.yml, line 9" in text and "extra.social[1].link" in text, text


def test_web_mail_and_phone_links_are_kept(tmp_path):
    extra = (
        "repo_url: https://gitee.com/qxdl/xuanchuan\n"
        "extra:\n  social:\n    - link: mailto:pufa@qxdl.cn\n    - link: tel:0851-12345678\n"
    )
    config = config_of(project(tmp_path, extra))
    check_link_addresses(config, "mkdocs.yml", {})


def test_settings_problems_name_the_field_and_its_line_in_mkdocs_yml(tmp_path):
    extra = "extra:\n  xuanchuan:\n    languages: 12\n"
    config = config_of(project(tmp_path, extra))
    with pytest.raises(SourceError) as raised:
        settings_of(config)
    text = str(raised.value)
    assert "mkdocs.yml, line 9" in text and "extra.xuanchuan.languages" in text, text


def test_the_theme_lists_the_team_templates_first(tmp_path):
    extra = "extra:\n  status:\n    new: 新\n    deprecated: 旧\n"
    config = config_of(project(tmp_path, extra))
    theme = theme_of(config)
    assert theme.dirs[0] == (tmp_path / "overrides").resolve() or theme.dirs[0].name == "overrides"
    assert theme.statuses == ("new", "deprecated")


def test_the_command_line_reads_the_same_project(tmp_path):
    found = read_project(project(tmp_path))
    assert found.site_url == SITE_URL
    assert found.project_dir == tmp_path.resolve()
    assert found.docs_dir.name == "content"


def test_a_missing_mkdocs_yml_is_named(tmp_path):
    with pytest.raises(SourceError) as raised:
        read_project(tmp_path / "mkdocs.yml")
    assert "mkdocs.yml" in str(raised.value)
