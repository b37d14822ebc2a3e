"""What never leaves the team's folders: editor leftovers, dot-files, and links that lead out
of the project (each reported by name)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from xuanchuan.core.errors import SourceError
from xuanchuan.core.settings import load_settings
from xuanchuan.core.source_files import is_private, links_leaving
from xuanchuan.site.build.run import Mode, Places, start_run

PRIVATE = [
    "about.zh.md~", "#about.zh.md#", ".#about.zh.md", "about.zh.md.bak", ".about.zh.md.swp",
    "notes.swo", "export.tmp", "~$plan.docx", ".~lock.plan.docx#", "knowledge/Thumbs.db",
    "desktop.ini", ".DS_Store", "patch.orig", "patch.rej", ".env", ".git/config",
    "images/.cache/a.png",
]
PUBLIC = ["images/well.jpg", "forms/form.pdf", "plan.docx", "a~b.png", "tmp/photo.png",
          "knowledge/first-aid.png"]


@pytest.mark.parametrize("relative", PRIVATE)
def test_leftovers_and_dot_files_stay_private(relative):
    assert is_private(relative)


@pytest.mark.parametrize("relative", PUBLIC)
def test_files_a_page_may_link_to_are_published(relative):
    assert not is_private(relative)


def outside_and_project(tmp_path: Path) -> tuple[Path, Path]:
    outside, project = tmp_path / "outside", tmp_path / "project"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.txt").write_text("secret", encoding="utf-8")
    (project / "content" / "images").mkdir(parents=True)
    (project / "content" / "images" / "well.jpg").write_bytes(b"jpg")
    return outside, project


def message(shown: str, target: Path) -> str:
    return (f"{shown}: is a link to {target}, outside the project: expected the file or "
            "folder itself inside the project (copy it here instead of linking to it)")


def test_links_out_of_the_project_are_named_one_by_one(tmp_path: Path):
    outside, project = outside_and_project(tmp_path)
    content = project / "content"
    os.symlink(outside / "secret.txt", content / "secret.txt")
    os.symlink(outside / "folder", content / "images" / "more")
    os.symlink(outside / "gone.txt", content / "dangling.txt")
    os.symlink("images/well.jpg", content / "same-photo.jpg")  # inside: fine
    os.symlink(project / "mkdocs.yml", content / "settings.yml")  # inside: fine
    found = [str(p) for p in links_leaving(content, project)]
    assert found == [
        message("content/dangling.txt", outside.resolve() / "gone.txt"),
        message("content/images/more", outside.resolve() / "folder"),
        message("content/secret.txt", outside.resolve() / "secret.txt"),
    ]


def test_a_content_folder_that_is_a_link_out_of_the_project_is_named_alone(tmp_path: Path):
    outside, project = outside_and_project(tmp_path)
    (outside / "folder" / "inner").symlink_to(outside / "secret.txt")
    os.symlink(outside / "folder", project / "content" / "linked")
    assert [str(p) for p in links_leaving(project / "content" / "linked", project)] == [
        message("content/linked", outside.resolve() / "folder")]


def test_a_build_with_a_link_out_of_the_project_stops_before_reading_anything(tmp_path):
    outside, project = outside_and_project(tmp_path)
    os.symlink(outside / "secret.txt", project / "content" / "about.zh.md")
    with pytest.raises(SourceError) as raised:
        places = Places(project, project / "content", project / "overrides",
                        str(project / "mkdocs.yml"), str(project / "site"))
        start_run(load_settings(None), places, Mode(strict=False, serving=False, site_url=None))
    assert str(raised.value) == message("content/about.zh.md", outside.resolve() / "secret.txt")
    assert not (project / "site").exists()
