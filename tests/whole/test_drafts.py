"""No placeholder reaches a printer: the starter's example address stops a strict build in
the team's language; a draft build marks every print file 样稿 / DRAFT; a production build's
files never carry the mark. A failed build always ends with its problems, in Chinese."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from fixtures.sites import (
    PROJECT,
    SITE_URL,
    fixture_config,
    run_mkdocs,
    run_xuanchuan,
    starter_project,
    write_site,
)

CHINESE = re.compile(r"[\u4e00-\u9fff]")
SLUG = "spring-irrigation-2027"
TEAM = {"XUANCHUAN_LANG": ""}


@pytest.fixture(scope="module")
def starter(tmp_path_factory) -> Path:
    """A site as cloned, before ``xuanchuan init``: the starter's mkdocs.yml, one campaign."""
    root = tmp_path_factory.mktemp("clone") / "project"
    starter_project(root)
    shutil.copyfile(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    for folder in (root / "campaigns").iterdir():
        if folder.name != SLUG:
            shutil.rmtree(folder)
    return root


def last_lines(output: str, count: int = 1) -> list[str]:
    return [line for line in output.strip().splitlines() if line.strip()][-count:]


def test_the_starter_address_stops_a_strict_build_in_the_teams_language(starter, tmp_path):
    result = run_mkdocs(starter, site_dir=tmp_path / "site", env=TEAM)
    assert result.returncode == 1
    assert not (tmp_path / "site").exists()
    assert "mkdocs.yml 第 6 行: site_url: https://example.org/xuanchuan/ 是示例地址" in result.output, result.output
    assert "xuanchuan init --site-url" in result.output
    # The last words: the count, the problem again, in Chinese; no English line after them.
    lines = last_lines(result.output, 3)
    assert lines[0].startswith("生成停止：共 1 个问题")
    assert lines[1].startswith("  1. mkdocs.yml 第 6 行")
    assert lines[2] == "以上共 1 个问题，网站没有改动。"
    assert "Aborted with" not in result.output
    # Nothing was drawn for a build that could only fail.
    assert "宣传品文件" not in result.output


def test_a_draft_build_marks_every_print_file_and_a_production_build_none(starter, tmp_path):
    drafts = run_mkdocs(starter, site_dir=tmp_path / "drafts", env={**TEAM, "XUANCHUAN_DRAFT": "1"})
    assert drafts.returncode == 0, drafts.output
    printed = sorted((tmp_path / "drafts" / "campaigns").glob("*/*.pdf"))
    assert len(printed) >= 3
    for pdf in printed:
        page = PdfReader(pdf).pages[0]
        assert float(page.trimbox.width) < float(page.mediabox.width), pdf
    words = subprocess.run(["pdftotext", str(printed[0]), "-"], capture_output=True, text=True)
    assert "样稿 DRAFT" in words.stdout and "https://example.org/xuanchuan/s/" in words.stdout
    # The team's own address: the same files, unmarked.
    owned = tmp_path / "owned"
    shutil.copytree(starter, owned, symlinks=True)
    assert run_xuanchuan(owned, "init", "--site-url", SITE_URL).returncode == 0
    built = run_mkdocs(owned, site_dir=tmp_path / "production")
    assert built.returncode == 0, built.output
    for pdf in sorted((tmp_path / "production" / "campaigns").glob("*/*.pdf")):
        page = PdfReader(pdf).pages[0]
        assert page.trimbox == page.mediabox, pdf
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
        assert "样稿" not in text.stdout and "DRAFT" not in text.stdout, pdf


def test_a_non_strict_build_with_the_placeholder_warns_and_makes_drafts(starter, tmp_path):
    result = run_mkdocs(starter, site_dir=tmp_path / "site", env=TEAM, strict=False)
    assert result.returncode == 0, result.output
    assert "是示例地址" in result.output and "都印有“样稿”字样" in result.output
    poster = next((tmp_path / "site" / "campaigns").glob("*/*-poster-A4-zh.pdf"))
    page = PdfReader(poster).pages[0]
    assert float(page.trimbox.width) < float(page.mediabox.width)


@pytest.mark.parametrize(
    "address",
    [
        "javascript://example.org/%0Aalert(document.domain)//",
        "htps://www.qxdl.cn/",
        "ftp://www.qxdl.cn/",
        "https://user:pass@www.qxdl.cn/",
    ],
)
def test_an_address_no_phone_should_open_is_refused_in_any_build(tmp_path, address):
    root = write_site(tmp_path / "p", {"index.zh.md": "# 首页\n"}, fixture_config(site_url=address))
    result = run_mkdocs(root, strict=False, env=TEAM)
    assert result.returncode == 1
    assert "site_url" in result.output and CHINESE.search(last_lines(result.output)[0])
    assert not (root / "site").exists()


def test_a_failed_build_ends_with_every_problem_again_in_chinese(tmp_path):
    root = write_site(
        tmp_path / "p",
        {"index.zh.md": "# 首页\n\n[坏链接](nowhere.md)\n", "about.zh.md": "# 关于\n"},
        fixture_config(),
    )
    folder = root / "campaigns" / SLUG
    shutil.copytree(PROJECT / "campaigns" / SLUG, folder)
    source = folder / "index.zh.md"
    source.write_text(source.read_text(encoding="utf-8").replace("type: ", "typ: ", 1), "utf-8")
    result = run_mkdocs(root, env=TEAM)
    assert result.returncode == 1
    lines = last_lines(result.output, 50)
    start = next(i for i, line in enumerate(lines) if line.startswith("生成停止："))
    summary = lines[start:]
    assert re.match(r"生成停止：共 (\d+) 个问题", summary[0])
    count = int(re.match(r"生成停止：共 (\d+) 个问题", summary[0]).group(1))
    assert count >= 2
    listed = "\n".join(summary)
    assert f"campaigns/{SLUG}/index.zh.md" in listed and "typ" in listed
    assert "nowhere.md" in listed
    assert summary[-1] == f"以上共 {count} 个问题，网站没有改动。"
    assert "Aborted with" not in result.output


def test_a_mistyped_setting_in_mkdocs_yml_ends_in_chinese_too(tmp_path):
    # MkDocs refuses it before any page is read, in English; the last words are the team's.
    root = write_site(tmp_path / "p", {"index.zh.md": "# 首页\n"}, fixture_config())
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "site_urll: https://www.qxdl.cn/\n", "utf-8")
    result = run_mkdocs(root, env=TEAM)
    assert result.returncode == 1
    lines = last_lines(result.output, 3)
    assert lines[0].startswith("没有开始生成：mkdocs.yml 有 1 处写得不对"), lines
    assert "site_urll" in lines[1]
    assert lines[-1] == "请按上面的说明改好 mkdocs.yml，再重新生成。"


def test_a_wrong_site_url_is_told_in_chinese_before_mkdocs_reads_it(tmp_path):
    # MkDocs stops at a site_url without a scheme before the engine is loaded: the build
    # script asks init --check first, which says what to do in the team's language.
    root = write_site(tmp_path / "p", {"index.zh.md": "# 首页\n"}, fixture_config())
    config = root / "mkdocs.yml"
    text = re.sub(r"(?m)^site_url:.*$", "site_url: www.qxdl.cn/xuanchuan/", config.read_text("utf-8"))
    config.write_text(text, encoding="utf-8")
    done = run_xuanchuan(root, "init", "--check", env=TEAM)
    assert done.returncode == 2
    assert "前面少了 https://" in done.stderr and "https://www.qxdl.cn/xuanchuan/" in done.stderr


def test_deploy_refuses_a_draft_site(starter, tmp_path):
    site = run_mkdocs(starter, env={**TEAM, "XUANCHUAN_DRAFT": "1"})
    assert site.returncode == 0
    target = tmp_path / "host"
    done = run_xuanchuan(starter, "deploy", str(target), env=TEAM)
    assert done.returncode == 1
    assert "是示例地址" in done.stderr and "xuanchuan init" in done.stderr
    assert not target.exists()
