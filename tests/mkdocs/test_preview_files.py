"""The address the preview's server answers at for a file a language's build serves."""

from __future__ import annotations

from fixtures.mkdocs_project import language_builds, project
from xuanchuan.mkdocs.preview_files import preview_address


def test_a_file_is_served_under_the_site_address_path_and_its_language_folder(tmp_path):
    with language_builds(project(tmp_path)) as (_, (chinese, english)):
        key = "campaigns/spring/spring-poster-A4-zh.pdf"
        assert preview_address(chinese, key) == "/xuanchuan/" + key
        assert preview_address(english, key) == "/xuanchuan/en/" + key


def test_a_site_without_an_address_serves_from_the_root(tmp_path):
    with language_builds(project(tmp_path, site_url="''")) as (_, (chinese, english)):
        assert preview_address(chinese, "search/") == "/search/"
        assert preview_address(english, "search/") == "/en/search/"
