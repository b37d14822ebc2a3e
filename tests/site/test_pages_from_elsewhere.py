"""Content pages written elsewhere: no front matter, Material's own fields, i18n-style links.

A page without front matter takes its title from its first "# " heading, else from its file
name, as MkDocs does. The fields Material for MkDocs reads are checked against what Material
and the theme offer, each mistake with its exact message; a broken file adds no false
message about its translations. Links naming a page in a language (``about.en.md``) lead to
that page in that language.
"""

from __future__ import annotations

from pathlib import Path

import material
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fixtures.sites import write_content as write
from xuanchuan.core.errors import SourceError
from xuanchuan.core.settings import load_settings
from xuanchuan.site.pages.links import PageLinks
from xuanchuan.site.pages.sources import (
    Theme,
    first_heading,
    page_fields,
    scan_pages,
    title_from_name,
)

PROJECT = Path(__file__).resolve().parents[2]
SETTINGS = load_settings(None)
THEME = Theme((PROJECT / "overrides", Path(material.__file__).parent / "templates"))
TEMPLATES = '"404.html", "base.html", "blog.html", "main.html", "redirect.html"'


def scan(tmp_path: Path, files: dict[str, str], theme: Theme = THEME):
    home = {"index.zh.md": "---\ntitle: 首页\n---\n"}
    return scan_pages(write(tmp_path, {**home, **files}), SETTINGS, tmp_path, theme)


def problems(tmp_path: Path, files: dict[str, str], theme: Theme = THEME) -> list[str]:
    with pytest.raises(SourceError) as caught:
        scan(tmp_path, files, theme)
    return [str(problem) for problem in caught.value.problems]


def about(*lines: str) -> dict[str, str]:
    return {"about.zh.md": "---\ntitle: 关于\n" + "".join(f"{line}\n" for line in lines) + "---\n"}


# -- titles as MkDocs gives them ------------------------------------------------------------


@pytest.mark.parametrize(
    ("files", "key", "title"),
    [
        ({"about.zh.md": "我们是谁。\n"}, "about.md", "About"),
        ({"about.zh.md": "# 关于我们\n\n正文。\n"}, "about.md", "关于我们"),
        ({"about.zh.md": "前言。\n\n# 关于我们 #\n"}, "about.md", "关于我们"),
        ({"about.zh.md": "# 关于我们 {#about}\n"}, "about.md", "关于我们"),
        ({"about.zh.md": "```\n# 不是标题\n```\n\n# 是标题\n"}, "about.md", "是标题"),
        ({"about.zh.md": "关于我们\n====\n\n正文。\n"}, "about.md", "关于我们"),
        ({"about.zh.md": "```\n不是标题\n===\n```\n正文。\n"}, "about.md", "About"),
        ({"first-aid_steps.zh.md": "正文。\n"}, "first-aid_steps.md", "First aid steps"),
        ({"FAQ-list.zh.md": "正文。\n"}, "FAQ-list.md", "FAQ list"),
        ({"knowledge/index.zh.md": "正文。\n"}, "knowledge/index.md", "Knowledge"),
        ({"about.zh.md": "---\ntitle: 1.50\n---\n# 别的\n"}, "about.md", "1.50"),
    ],
    ids=["file-name", "heading", "heading-after-text", "heading-with-id", "heading-in-code",
         "underlined-heading", "underlined-in-code",
         "name-with-dashes", "name-with-capitals", "folder-index", "number-as-written"],
)
def test_a_page_without_a_title_takes_its_heading_or_its_name(tmp_path, files, key, title):
    assert scan(tmp_path, files).title(key, "zh") == title


def test_the_home_page_without_a_title_is_home():
    assert title_from_name("index.md") == "Home"
    assert first_heading("正文\n## 二级\n") is None


def test_a_translation_without_a_title_takes_its_own_heading(tmp_path: Path):
    catalogue = scan(tmp_path, {"about.zh.md": "# 关于\n", "about.en.md": "# About us\n"})
    assert (catalogue.title("about.md", "zh"), catalogue.title("about.md", "en")) == (
        "关于", "About us")


def test_a_title_written_empty_is_a_mistake(tmp_path: Path):
    assert problems(tmp_path, {"about.zh.md": '---\ntitle: ""\n---\n'}) == [
        "content/about.zh.md, line 2: title: expected a text, got an empty value"
    ]


def test_the_theme_gets_the_fields_as_checked(tmp_path: Path):
    catalogue = scan(tmp_path, {"about.zh.md": "---\ntitle: 0123\nsearch:\n  boost: 2\n---\n"})
    assert catalogue.fields("about.md", "zh") == {"title": "0123", "search": {"boost": 2}}
    assert catalogue.fields("about.md", "en") == catalogue.fields("about.md", "zh")


# -- what Material reads --------------------------------------------------------------------

SEARCH = 'expected search settings such as "exclude: true" or "boost: 2"'
HIDE = '"navigation", "toc", "footer", "path", "tags", "feedback"'
ICON = ('expected a name such as "material/home", the file .icons/<name>.svg of Material or '
        "of overrides/")
STATUS = ("expected a status listed in mkdocs.yml under extra.status first (such as new: "
          "Recently added), or no status")

CASES = [
    ("search-yes", about("search: true"),
     [f"content/about.zh.md, line 3: search: {SEARCH}, got true (yes/no)"]),
    ("search-text", about("search: exclude"),
     [f'content/about.zh.md, line 3: search: {SEARCH}, got the text "exclude"']),
    ("search-misspelt", about("search:", "  exlude: true"),
     ['content/about.zh.md, line 4: search.exlude: unknown field (did you mean "exclude"?); '
      "known fields: exclude, boost"]),
    ("search-boost-negative", about("search: {boost: -3}"),
     ["content/about.zh.md, line 3: search.boost: expected a number of at least 0, got -3"]),
    ("template-misspelt", about("template: mian.html"),
     [f'content/about.zh.md, line 3: template: expected one of {TEMPLATES}, got the text '
      '"mian.html" (did you mean "main.html"?)']),
    ("template-of-the-calendar", about("template: calendar.html"),
     [f'content/about.zh.md, line 3: template: expected one of {TEMPLATES}, got the text '
      '"calendar.html" (did you mean "main.html"?)']),
    ("template-outside-the-theme", about("template: ../../../etc/passwd"),
     [f'content/about.zh.md, line 3: template: expected one of {TEMPLATES}, got the text '
      '"../../../etc/passwd"']),
    ("icon-missing", about("icon: material/no-such-icon"),
     [f'content/about.zh.md, line 3: icon: "material/no-such-icon" is not an icon of the '
      f"theme: {ICON}"]),
    ("icon-outside-the-theme", about("icon: ../../../../etc/hostname"),
     [f'content/about.zh.md, line 3: icon: "../../../../etc/hostname" is not an icon of the '
      f"theme: {ICON}"]),
    ("status-not-listed", about("status: new"),
     [f'content/about.zh.md, line 3: status: "new" cannot be shown: {STATUS}']),
    ("hide-misspelt", about("hide: [navigaton, toc]"),
     [f'content/about.zh.md, line 3: hide[1]: expected one of {HIDE}, got the text "navigaton" '
      '(did you mean "navigation"?)']),
    ("hide-a-text", about("hide: toc"),
     [f"content/about.zh.md, line 3: hide: expected a list of values, each one of {HIDE}, got "
      'the text "toc"']),
    ("order-infinite", about("order: .inf"),
     ['content/about.zh.md, line 3: order: expected a number, got ".inf", which is not a '
      "number"]),
    ("title-of-thousands-of-digits", {"about.zh.md": "---\ntitle: " + "1" * 5000 + "\n---\n"},
     ["content/about.zh.md, line 2: title: the number 111111111111… is 5,000 characters long: "
      "expected at most 30 (put a code or long number in quotes to keep it as text)"]),
    ("description-of-a-whole-page", about("description: " + "说" * 1200),
     ["content/about.zh.md, line 3: description: is 1,200 characters long: expected at most "
      "1,000"]),
]


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_field_material_reads_gets_its_exact_message(tmp_path: Path, files, expected):
    assert problems(tmp_path, files) == expected


def test_what_material_offers_is_accepted(tmp_path: Path):
    theme = Theme(THEME.dirs, statuses=("new", "deprecated"))
    catalogue = scan(tmp_path, about(
        "search: {exclude: true}", "template: main.html", "icon: material/home",
        "status: new", "hide: [navigation, toc]"), theme)
    assert catalogue.fields("about.md", "zh")["icon"] == "material/home"


def test_a_status_not_listed_names_the_listed_ones(tmp_path: Path):
    theme = Theme(THEME.dirs, statuses=("new", "deprecated"))
    assert problems(tmp_path, about("status: neu"), theme) == [
        'content/about.zh.md, line 3: status: expected one of "new", "deprecated", got the '
        'text "neu" (did you mean "new"?)'
    ]


def test_an_icon_of_the_teams_own_overrides(tmp_path: Path):
    icons = tmp_path / "overrides" / ".icons" / "xc"
    icons.mkdir(parents=True)
    (icons / "pump.svg").write_text("<svg/>", encoding="utf-8")
    theme = Theme((tmp_path / "overrides", *THEME.dirs))
    assert scan(tmp_path, about("icon: xc/pump"), theme).fields("about.md", "zh")["icon"] == (
        "xc/pump")


# -- a broken file is one problem, not several ----------------------------------------------


def test_a_broken_original_adds_no_message_about_its_translation(tmp_path: Path):
    assert problems(tmp_path, {
        "about.zh.md": "---\ntitle: [关于\n---\n", "about.en.md": "---\ntitle: About\n---\n",
    }) == [
        "content/about.zh.md, line 3: the front matter is not valid YAML (expected ',' or ']', "
        "but got '<stream end>'): expected \"name: value\" lines between the two \"---\" lines"
    ]


def test_a_translation_without_any_original_is_still_reported(tmp_path: Path):
    assert problems(tmp_path, {"about.en.md": "# About\n"}) == [
        "content/about.en.md: has no 中文 version: expected content/about.zh.md, the default "
        "language's page that other languages fall back to"
    ]


# -- links naming a page in a language ------------------------------------------------------

PAGES = {"index.md", "about.md", "knowledge/first-aid.md", "knowledge/index.md"}


def links(language: str, key: str, url: str, directory_urls: bool = False) -> PageLinks:
    return PageLinks(language, SETTINGS.codes, SETTINGS.prefix, PAGES.__contains__, key, url,
                     directory_urls)


@pytest.mark.parametrize(
    ("language", "key", "url", "href", "expected"),
    [
        ("zh", "about.md", "about.html", "index.zh.md", ("index.md", None)),
        ("zh", "about.md", "about.html", "about.en.md", ("about.md", "en/about.html")),
        ("en", "about.md", "about.html", "about.zh.md", ("about.md", "../about.html")),
        ("en", "about.md", "about.html", "index.en.md", ("index.md", None)),
        ("zh", "knowledge/first-aid.md", "knowledge/first-aid.html", "../about.en.md#who",
         ("../about.md#who", "../en/about.html#who")),
        ("en", "knowledge/first-aid.md", "knowledge/first-aid.html", "index.zh.md?x=1",
         ("index.md?x=1", "../../knowledge/index.html?x=1")),
        ("zh", "index.md", "index.html", "knowledge/first-aid.en.md",
         ("knowledge/first-aid.md", "en/knowledge/first-aid.html")),
        ("en", "index.md", "index.html", "knowledge/first-aid.%7A%68.md",
         ("knowledge/first-aid.md", "../knowledge/first-aid.html")),
    ],
)
def test_a_link_names_the_page_in_its_language(language, key, url, href, expected):
    assert links(language, key, url).rewrite(href) == expected


def test_with_directory_addresses():
    assert links("zh", "about.md", "about/", True).rewrite("knowledge/index.en.md") == (
        "knowledge/index.md", "../en/knowledge/")


@pytest.mark.parametrize(
    "href",
    ["about.md", "about.fr.md", "missing.en.md", "../../outside.en.md", "https://x.org/a.en.md",
     "/about.en.md", "#about.en.md", "about.en.txt", "mailto:a.en.md", ""],
)
def test_other_links_are_left_to_mkdocs(href):
    assert links("zh", "about.md", "about.html").rewrite(href) is None


# -- anything at all ------------------------------------------------------------------------

FIELDS = sorted(page_fields().fields) + ["exclude", "boost", "titel"]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(), st.text(max_size=20),
    st.sampled_from(["main.html", "material/home", "navigation", "../x", "new", "", " "]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.sampled_from(FIELDS), inner, max_size=3)),
    max_leaves=10,
)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(FIELDS), values, max_size=6), st.text(max_size=40))
def test_random_front_matter_on_a_page_is_a_page_or_clear_problems(tmp_path, meta, body):
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body if meta else body
    try:
        catalogue = scan(tmp_path, {"about.zh.md": text})
    except SourceError as error:
        assert all(p.path == "content/about.zh.md" and p.message for p in error.problems)
    else:
        assert isinstance(catalogue.title("about.md", "en"), str)
