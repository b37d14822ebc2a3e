"""Whole builds of fixture sites with mistakes in them: clear messages, no half-written site."""

from pathlib import Path

import pytest

from fixtures.sites import fixture_config, page, run_mkdocs, tree_digest, write_site

GOOD = {
    "index.zh.md": page("首页", "欢迎。"),
    "index.en.md": page("Home", "Welcome."),
    "about.zh.md": page("关于", "关于本站。"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A project that built once, so a later failed build must leave its site alone."""
    root = write_site(tmp_path_factory.mktemp("errors") / "project", GOOD)
    result = run_mkdocs(root)
    assert result.returncode == 0, result.output
    return root


def rebuild_with(root: Path, pages: dict[str, str], config: dict | None = None):
    write_site(root, pages, config)
    sources = tree_digest(root / "content")
    site = tree_digest(root / "site")
    result = run_mkdocs(root)
    assert result.returncode == 1, result.output
    assert "Traceback" not in result.output
    assert tree_digest(root / "site") == site, "a failed build changed the site"
    assert not (root / "site.partial").exists()
    assert tree_digest(root / "content") == sources, "the build changed the sources"
    return result.output


def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("ERROR")]


def test_broken_front_matter_fails_with_file_line_and_fix(tmp_path: Path):
    root = write_site(tmp_path / "p", GOOD)
    assert run_mkdocs(root).returncode == 0
    output = rebuild_with(root, {"about.zh.md": "---\ntitle: 关于\ndescription: 注意: 断电\n---\n"})
    assert error_lines(output) == [
        "ERROR   -  content/about.zh.md, line 3: the front matter is not valid YAML (mapping "
        'values are not allowed here): expected one "name: value" per line; put a value '
        'containing ": " in quotes'
    ]


def test_unknown_language_code_fails(tmp_path: Path):
    root = write_site(tmp_path / "p", GOOD)
    assert run_mkdocs(root).returncode == 0
    output = rebuild_with(root, {"about.fr.md": page("À propos")})
    assert error_lines(output) == [
        'ERROR   -  content/about.fr.md: unknown language code "fr" in the file name: expected '
        'one of "zh", "en" (the languages listed in mkdocs.yml under extra.xuanchuan.languages)'
    ]


def test_all_problems_are_listed_in_one_build(tmp_path: Path):
    root = write_site(tmp_path / "p", GOOD)
    assert run_mkdocs(root).returncode == 0
    output = rebuild_with(
        root, {"a.zh.md": "---\ntitle: [x]\n---\n", "b.zh.md": "---\ntitle: b\n\t- x\n---\n"}
    )
    assert "ERROR   -  2 problems:" in output
    assert "  - content/a.zh.md, line 2: title: expected a text, got a list" in output
    assert "  - content/b.zh.md, line 3: the front matter is not valid YAML" in output


def test_misconfigured_languages_fail_with_the_setting_named(tmp_path: Path):
    root = write_site(tmp_path / "p", GOOD)
    assert run_mkdocs(root).returncode == 0
    config = fixture_config()
    config["extra"]["xuanchuan"] = {"languages": [{"code": "zh", "nmae": "中文"}]}
    output = rebuild_with(root, {}, config)
    assert error_lines(output) == [
        "ERROR   -  2 problems:",
    ]
    line = next(
        number
        for number, text in enumerate((root / "mkdocs.yml").read_text().splitlines(), start=1)
        if "nmae:" in text
    )
    assert (
        f'  - mkdocs.yml, line {line}: extra.xuanchuan.languages[1].nmae: unknown field (did you mean "name"?);'
        " known fields: code, name, site_name, site_description, direction" in output
    )
    assert f"  - mkdocs.yml, line {line - 1}: extra.xuanchuan.languages[1].name: is required: expected a text" in output


def test_a_strict_warning_keeps_the_previous_site(tmp_path: Path):
    root = write_site(tmp_path / "p", GOOD)
    assert run_mkdocs(root).returncode == 0
    output = rebuild_with(root, {"about.zh.md": page("关于", "[坏链接](missing.md)")})
    assert "missing.md" in output
    assert "The build stopped: 1 problem" in output


def test_a_mistake_in_a_translation_also_keeps_the_previous_site(tmp_path: Path):
    # The English site is built after the Chinese one: its failure must not leave a mix.
    root = write_site(tmp_path / "p", GOOD)
    assert run_mkdocs(root).returncode == 0
    output = rebuild_with(root, {"about.en.md": page("About", "[broken](nowhere.md)")})
    assert "nowhere.md" in output
    # The English site is built in a process of its own: its end is the build's.
    assert "The build stopped: 1 problem" in output


def test_a_third_language_is_a_configuration_change(tmp_path: Path):
    config = fixture_config()
    config["extra"]["xuanchuan"]["languages"].append({"code": "bo", "name": "བོད་ཡིག"})
    root = write_site(tmp_path / "p", {**GOOD, "about.bo.md": page("Bo about")}, config)
    result = run_mkdocs(root)
    assert result.returncode == 0, result.output
    about = result.html("bo/about.html")
    assert about.select_one("article h1").get_text(strip=True).rstrip("¶") == "Bo about"
    links = {a["hreflang"]: a["href"] for a in about.select("a.xc-alternate")}
    # The English site has no about page (not translated): its entry leads to its home page.
    assert links == {"zh": "../about.html", "en": "../en/index.html", "bo": "about.html"}
    # The home page has no Tibetan text yet: shown in Chinese, with the notice.
    assert result.html("bo/index.html").select(".xc-untranslated")
    assert (result.site / "bo" / "search" / "search_index.json").is_file()
