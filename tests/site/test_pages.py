from pathlib import Path

import pytest

from fixtures.sites import write_content as write
from xuanchuan.core.errors import SourceError
from xuanchuan.core.settings import load_settings
from xuanchuan.site.pages.sources import scan_pages, split_language

SETTINGS = load_settings(None)


def scan_problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    with pytest.raises(SourceError) as caught:
        scan_pages(write(tmp_path, files), SETTINGS, tmp_path)
    return [str(problem) for problem in caught.value.problems]


def test_split_language():
    assert split_language("about.en.md") == ("about.md", "en")
    assert split_language("knowledge/index.zh.md") == ("knowledge/index.md", "zh")
    assert split_language("about.md") == ("about.md", None)


def test_pages_group_their_languages_and_fall_back(tmp_path: Path):
    docs = write(
        tmp_path,
        {
            "index.zh.md": "---\ntitle: 首页\n---\n",
            "index.en.md": "---\ntitle: Home\n---\n",
            "k/pumps.zh.md": "---\ntitle: 水泵\n---\n",
        },
    )
    catalogue = scan_pages(docs, SETTINGS, tmp_path)
    assert sorted(catalogue.pages) == ["index.md", "k/pumps.md"]
    assert catalogue.missing("en") == ["k/pumps.md"]
    path, document, fallback = catalogue.source("k/pumps.md", "en")
    assert (path.name, document.meta["title"], fallback) == ("pumps.zh.md", "水泵", True)
    assert catalogue.source("index.md", "en")[2] is False


def test_unknown_language_code(tmp_path: Path):
    assert scan_problems(
        tmp_path, {"index.zh.md": "---\ntitle: 首页\n---\n", "index.fr.md": "---\ntitle: x\n---\n"}
    ) == [
        'content/index.fr.md: unknown language code "fr" in the file name: expected one of '
        '"zh", "en" (the languages listed in mkdocs.yml under extra.xuanchuan.languages)'
    ]


def test_file_without_language_code(tmp_path: Path):
    assert scan_problems(tmp_path, {"about.md": "# About\n"}) == [
        "content/about.md: the file name has no language code: expected about.zh.md or about.en.md"
    ]


def test_translation_without_original(tmp_path: Path):
    assert scan_problems(tmp_path, {"about.en.md": "---\ntitle: About\n---\n"}) == [
        "content/about.en.md: has no 中文 version: expected content/about.zh.md, "
        "the default language's page that other languages fall back to"
    ]


def test_every_problem_of_every_page_is_reported(tmp_path: Path):
    assert scan_problems(
        tmp_path,
        {
            "a.zh.md": "---\ntitle: [1, 2]\ntitel: x\n---\n",
            "b.zh.md": "---\ndescription: 没有标题\nhide: [navigaton]\n---\n",
        },
    ) == [
        "content/a.zh.md, line 2: title: expected a text, got a list",
        'content/a.zh.md, line 3: titel: unknown field (did you mean "title"?); known fields: '
        "title, description, tags, subtitle, hide, search, template, icon, status, order, draft",
        'content/b.zh.md, line 3: hide[1]: expected one of "navigation", "toc", "footer", '
        '"path", "tags", "feedback", got the text "navigaton" (did you mean "navigation"?)',
    ]
