"""Hostile and unlucky inputs against the newer surfaces: the team's files never replaced by
what the site makes, whatever their names."""

from __future__ import annotations

import pytest

from fixtures.sites import fixture_config, page, run_mkdocs, write_site

TEAM = {"XUANCHUAN_LANG": ""}


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    config = fixture_config()
    config["extra"]["xuanchuan"]["print"] = {"enabled": False}
    root = write_site(
        tmp_path_factory.mktemp("clash") / "p",
        {"index.zh.md": page("首页", "欢迎。"), "about.zh.md": page("关于", "我们。")},
        config,
    )
    first = run_mkdocs(root)
    assert first.returncode == 0, first.output
    return root, sorted(path.name for path in (first.site / "s").glob("*.html"))


@pytest.mark.parametrize(
    "name",
    ["s/{code}", "calendar.ics", "sitemap.xml", "sitemap.xml.gz", "404.html", "search/xc/meta.js"],
)
def test_a_team_file_at_an_address_the_site_makes_is_reported_not_replaced(small, name, tmp_path):
    root, codes = small
    name = name.format(code=codes[0])
    team_file = root / "content" / name
    team_file.parent.mkdir(parents=True, exist_ok=True)
    team_file.write_bytes(b"<p>the team's own file</p>")
    try:
        strict = run_mkdocs(root, env=TEAM, site_dir=tmp_path / "strict")
        assert strict.returncode == 1
        assert f"content/{name} 和网站自动生成的文件用了同一个地址（{name}）" in strict.output
        assert not (tmp_path / "strict").exists()
        lenient = run_mkdocs(root, env=TEAM, site_dir=tmp_path / "site", strict=False)
        assert lenient.returncode == 0, lenient.output
        published = tmp_path / "site" / name
        assert published.is_file() and b"the team's own file" not in published.read_bytes()
        assert team_file.read_bytes() == b"<p>the team's own file</p>"  # the source untouched
    finally:
        team_file.unlink()


@pytest.mark.parametrize(
    "shape",
    ["content-loop", "content-dangling", "content-folder-loop", "poster-outside", "logo-outside",
     "overrides-outside"],
)
def test_links_that_loop_dangle_or_leave_are_named_like_any_bad_link(tmp_path, shape):
    import shutil

    from fixtures.sites import PROJECT

    config = fixture_config()
    config["extra"]["xuanchuan"]["print"] = {"enabled": False}
    root = write_site(tmp_path / "p", {"index.zh.md": page("首页", "欢迎。")}, config)
    content, outside = root / "content", tmp_path / "outside.png"
    shutil.copyfile(PROJECT / "campaigns/spring-irrigation-2027/photo.jpg", outside)
    slug = "spring-irrigation-2027"
    if shape == "content-loop":
        (content / "a.zh.md").symlink_to(content / "b.zh.md")
        (content / "b.zh.md").symlink_to(content / "a.zh.md")
        named = "content/a.zh.md"
    elif shape == "content-dangling":
        (content / "gone.png").symlink_to(tmp_path / "nothing-here.png")
        named = "content/gone.png"
    elif shape == "content-folder-loop":
        (content / "laws").mkdir()
        (content / "laws" / "again").symlink_to(content / "laws")
        (content / "laws" / "x").symlink_to(content / "laws" / "x")
        named = "content/laws/x"
    elif shape == "poster-outside":
        shutil.copytree(PROJECT / "campaigns" / slug, root / "campaigns" / slug)
        picture = root / "campaigns" / slug / "photo.jpg"
        picture.unlink()
        picture.symlink_to(outside)
        named = f"campaigns/{slug}/photo.jpg"
    elif shape == "logo-outside":
        (root / "logo.png").symlink_to(outside)
        config["extra"]["xuanchuan"]["print"] = {"logo": "logo.png"}
        write_site(root, {}, config)
        shutil.copytree(PROJECT / "campaigns" / slug, root / "campaigns" / slug)
        named = "logo.png"
    else:
        overrides = root / "overrides"
        shutil.copytree(PROJECT / "overrides", overrides)
        (overrides / "assets" / "secret.png").symlink_to(outside)
        config["theme"]["custom_dir"] = str(overrides)
        write_site(root, {}, config)
        named = "overrides/assets/secret.png"
    result = run_mkdocs(root, env=TEAM)
    assert result.returncode == 1
    assert "Traceback" not in result.output and "RuntimeError" not in result.output
    assert named in result.output, result.output[-3000:]
    assert not (root / "site").exists()


@pytest.mark.parametrize(
    "key,value",
    [
        ("repo_url", "javascript://example.org/%0Aalert(document.domain)//"),
        ("social", "javascript://x.cn/%0Aalert(1)"),
        ("social", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
    ],
)
def test_a_link_in_mkdocs_yml_that_would_run_script_is_refused(tmp_path, key, value):
    config = fixture_config()
    if key == "social":
        config["extra"]["social"] = [{"icon": "fontawesome/brands/weixin", "link": value}]
    else:
        config[key] = value
    root = write_site(tmp_path / "p", {"index.zh.md": page("首页", "欢迎。")}, config)
    result = run_mkdocs(root, env=TEAM, strict=False)
    assert result.returncode == 1
    assert ("repo_url" if key == "repo_url" else "extra.social[1].link") in result.output
    assert "不是网址" in result.output
    assert not (root / "site").exists()


def test_ctrl_c_while_drawing_never_leaves_a_damaged_file_trusted(tmp_path):
    """Timing-dependent, so tried several times at different moments of the drawing."""
    import os
    import random
    import shutil
    import signal
    import subprocess
    import sys

    from pypdf import PdfReader

    from fixtures.sites import PROJECT
    from xuanchuan.core.disk_cache import intact_file
    from xuanchuan.printing.jobs.render import complete_file

    # Its own cache: the build is stopped while drawing into it, over and over.
    root = write_site(
        tmp_path / "p", {"index.zh.md": page("首页", "欢迎。")}, fixture_config(), own_print_cache=True
    )
    for slug in ("spring-irrigation-2027", "safety-month-2026", "union-sports-2027"):
        shutil.copytree(PROJECT / "campaigns" / slug, root / "campaigns" / slug)
    moments = random.Random(2026)
    for _ in range(5):
        build = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build"], cwd=root, start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )  # fmt: skip
        try:
            build.wait(timeout=moments.uniform(1.0, 4.0))
        except subprocess.TimeoutExpired:
            os.killpg(build.pid, signal.SIGINT)  # Ctrl-C reaches the terminal's whole group
            build.wait(timeout=60)
        for drawn in (root / ".cache" / "xuanchuan" / "print").glob("*.p[dn][fg]"):
            if intact_file(drawn):  # trusted: then whole
                assert complete_file(drawn.read_bytes(), drawn.suffix[1:]), drawn
    result = run_mkdocs(root)
    assert result.returncode == 0, result.output
    for pdf in sorted(result.site.rglob("*.pdf")):
        assert complete_file(pdf.read_bytes(), "pdf") and len(PdfReader(pdf).pages) >= 1, pdf


def test_a_nul_or_esc_pasted_into_a_report_is_refused_and_the_feed_stays_readable(tmp_path):
    import shutil

    import feedparser

    from fixtures.sites import PROJECT

    slug = "hospital-legal-education-2026"
    config = fixture_config()
    config["extra"]["xuanchuan"]["print"] = {"enabled": False}
    root = write_site(tmp_path / "p", {"index.zh.md": page("首页", "欢迎。")}, config)
    shutil.copytree(PROJECT / "campaigns" / slug, root / "campaigns" / slug)
    report = root / "campaigns" / slug / "reports" / "2026-03-13-civil-code-lecture.zh.md"
    text = report.read_text(encoding="utf-8")
    lines = text.splitlines()
    after_front_matter = [n for n, line in enumerate(lines) if line == "---"][1]
    body = next(n for n, line in enumerate(lines) if n > after_front_matter and line.strip())
    lines[body] += " 粘贴\x00进来的\x1b[31m字"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    strict = run_mkdocs(root, env={"XUANCHUAN_TODAY": "2026-12-01", **TEAM})
    assert strict.returncode == 1
    shown = f"campaigns/{slug}/reports/2026-03-13-civil-code-lecture.zh.md 第 {body + 1} 行"
    assert shown in strict.output and "U+0000" in strict.output
    lenient = run_mkdocs(root, env={"XUANCHUAN_TODAY": "2026-12-01", **TEAM}, strict=False)
    assert lenient.returncode == 0, lenient.output
    feed = (lenient.site / "news.xml").read_bytes()
    assert b"\x00" not in feed and b"\x1b" not in feed
    assert not feedparser.parse(feed).bozo
    for page_file in lenient.site.rglob("*.html"):
        assert b"\x00" not in page_file.read_bytes(), page_file
