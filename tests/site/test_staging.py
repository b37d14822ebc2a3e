"""The site swap on real folders: interrupted swaps finished or undone, the team's own files
in the site folder kept, one build at a time."""

from __future__ import annotations

from pathlib import Path

import pytest

from xuanchuan.core.build_lock import hold_build_lock
from xuanchuan.core.errors import SourceError
from xuanchuan.site.build.staging import StagedOutput


def folder(path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(text)
    return path


def contents(path: Path) -> dict[str, str]:
    return {p.relative_to(path).as_posix(): p.read_text() for p in path.rglob("*") if p.is_file()}


def test_killed_between_the_renames_the_previous_site_is_put_back(tmp_path: Path):
    folder(tmp_path / "site.previous", {"index.html": "old"})
    folder(tmp_path / "site.partial", {"index.html": "half"})
    StagedOutput(tmp_path / "site", tmp_path).recover()
    assert contents(tmp_path / "site") == {"index.html": "old"}
    assert not (tmp_path / "site.previous").exists()


def test_killed_after_the_renames_the_swap_is_finished_with_the_kept_files(tmp_path: Path):
    folder(tmp_path / "site", {"index.html": "new"})
    folder(tmp_path / "site.previous", {"index.html": "old", ".git/HEAD": "ref", "CNAME": "x.org"})
    StagedOutput(tmp_path / "site", tmp_path).recover()
    assert contents(tmp_path / "site") == {"index.html": "new", ".git/HEAD": "ref", "CNAME": "x.org"}
    assert not (tmp_path / "site.previous").exists()


def test_a_swap_keeps_dot_files_and_cname_unless_the_new_site_brings_its_own(tmp_path: Path):
    folder(tmp_path / "site", {"index.html": "old", "old.html": "gone", ".nojekyll": "",
                               ".htaccess": "old rules", "CNAME": "old.org"})
    staged = StagedOutput(tmp_path / "site", tmp_path)
    folder(staged.begin(), {"index.html": "new", ".htaccess": "new rules"})
    staged.commit()
    assert contents(tmp_path / "site") == {
        "index.html": "new", ".htaccess": "new rules", ".nojekyll": "", "CNAME": "old.org"
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_file_where_the_site_belongs_is_refused_and_kept(tmp_path: Path):
    (tmp_path / "public").write_text("notes")
    with pytest.raises(SourceError) as raised:
        StagedOutput(tmp_path / "public", tmp_path).begin()
    assert str(raised.value) == (
        "public: is a file, not a folder: expected the folder the site is built into; move "
        "the file away or choose another folder with site_dir in mkdocs.yml"
    )
    assert (tmp_path / "public").read_text() == "notes"


def test_a_second_build_lock_is_refused_until_the_first_is_released(tmp_path: Path):
    first = hold_build_lock(tmp_path)
    with pytest.raises(SourceError) as raised:
        hold_build_lock(tmp_path)
    assert str(raised.value) == (
        ".cache/xuanchuan/build.lock: another build is running in this project (mkdocs build "
        "or mkdocs serve): wait for it to finish, then build again"
    )
    first.release()
    hold_build_lock(tmp_path).release()
