"""Which files MkDocs found go to the site as they are, and files read from elsewhere."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from fixtures.mkdocs_project import config_of, project
from xuanchuan.mkdocs.cache_key import _config_texts
from xuanchuan.mkdocs.file_kinds import file_reading, link_target
from xuanchuan.mkdocs.files import published


def found(name: str, folder: str) -> File:
    return File(name, folder, "/tmp/site", False)


def test_pages_and_private_files_are_not_copied_and_theme_data_stays_out(tmp_path):
    config = config_of(project(tmp_path))
    docs, overrides = config.docs_dir, config.theme.custom_dir
    assert published(found("images/map.png", docs), config)
    assert not published(found("about.zh.md", docs), config)  # the engine adds pages
    assert not published(found(".secret/notes.txt", docs), config)
    assert not published(found("plan.docx~", docs), config)
    assert published(found("assets/stylesheets/xuanchuan.css", overrides), config)
    assert not published(found("print/layouts.yml", overrides), config)


def test_a_page_keeps_its_language_free_name_and_reads_the_language_file(tmp_path):
    config = config_of(project(tmp_path))
    source = Path(config.docs_dir) / "about.en.md"
    file = file_reading("about.md", source, config)
    assert file.src_uri == "about.md" and file.abs_src_path == str(source)
    assert file.dest_uri == "about/index.html"


def test_a_link_target_is_known_to_mkdocs_but_never_copied(tmp_path):
    config = config_of(project(tmp_path))
    original = tmp_path / "campaigns" / "photo.jpg"
    original.parent.mkdir()
    original.write_bytes(b"x")
    target = link_target("campaigns/a/photo.jpg", original, config)
    target.copy_file()
    assert not Path(target.abs_dest_path).exists()


def test_the_cache_key_reads_mkdocs_yml_and_what_it_inherits(tmp_path):
    base = tmp_path / "base.yml"
    base.write_text("theme:\n  name: material\n", encoding="utf-8")
    path = project(tmp_path, "INHERIT: base.yml\n")
    config = config_of(path)
    texts = _config_texts(config)
    assert texts == [path.read_text(encoding="utf-8"), base.read_text(encoding="utf-8")]
