"""One campaign page made by the adapter's page steps, in each language, with the project's
own theme: the fragment above the body, the template's context, the page naming its
language and its official-account article written next to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation

from fixtures.campaigns import WELL_INSPECTION, spring, spring_en, write_campaign
from fixtures.mkdocs_project import THEME, language_builds, project
from xuanchuan.mkdocs import pages
from xuanchuan.mkdocs.files import language_files, settled_files
from xuanchuan.mkdocs.languages import configure_language
from xuanchuan.site.build.page_cache import PageCache, PageReuse

KEY = "campaigns/spring-2026/index.md"
MATERIAL_PAGE = '<!doctype html>\n<html lang="en" class="no-js"><head></head><body dir="ltr">{}</body></html>'


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, dict]:
    root = tmp_path_factory.mktemp("pages")
    path = project(root, "extra:\n  xuanchuan:\n    print: {enabled: false}\n", theme=THEME)
    (root / "content" / "index.zh.md").write_text("# 首页\n", encoding="utf-8")
    files = {
        "zh": spring("## 机井\n\n机井旁的线路容易受潮。", activities=[WELL_INSPECTION]),
        "en": spring_en("## Wells\n\nWiring near wells gets damp."),
    }
    write_campaign(root, "spring-2026", files)
    made = {}
    with language_builds(path) as (config, builds):
        for build in builds:
            configure_language(config, build)
            found = language_files(get_files(config), config, build)
            files = settled_files(found, config, build)
            get_navigation(files, config)  # makes the pages
            page = files.get_file_from_path(KEY).page
            page.read_source(config)
            build.start_pages(PageReuse(PageCache(root / ".cache" / "pages", "test")))
            markdown = pages.page_markdown(build, page, page.markdown, config, 0)
            body = f"<p>{markdown.strip().splitlines()[-1]}</p>"
            content = pages.page_content(build, page, body, config)
            context = pages.page_context(build, page, {}, config)
            output = pages.finished_page(build, page, MATERIAL_PAGE.format(content), config)
            article = Path(config.site_dir, "campaigns/spring-2026/wechat.html")
            made[build.language.code] = {
                "markdown": markdown,
                "content": content,
                "context": context,
                "output": output,
                "article": article.read_text(encoding="utf-8"),
            }
    return made


def test_the_page_renders_its_own_languages_body(made):
    assert "机井旁的线路容易受潮。" in made["zh"]["markdown"]
    assert "Wiring near wells gets damp." in made["en"]["markdown"]
    assert "title:" not in made["zh"]["markdown"]  # the fields are the engine's to show


def test_the_campaign_fragment_comes_before_the_body_in_the_language(made):
    chinese, english = made["zh"]["content"], made["en"]["content"]
    assert chinese.index("xc-campaign") < chinese.index("机井旁的线路容易受潮。")
    assert "2026年3月1日至4月30日" in chinese
    assert "Safe electricity use" in english and "Wiring near wells" in english


def test_the_template_gets_the_campaign_and_its_footer_code(made):
    for code in ("zh", "en"):
        context = made[code]["context"]
        assert "xc_campaign" in context
        assert context["xc_print_qr"]["url"].endswith(".html")


def test_the_page_names_its_language_and_its_article_is_written_beside_it(made):
    assert '<html lang="zh" dir="ltr" class="no-js">' in made["zh"]["output"]
    assert '<html lang="en" dir="ltr" class="no-js">' in made["en"]["output"]
    assert "机井旁的线路容易受潮。" in made["zh"]["article"]
    assert "Wiring near wells gets damp." in made["en"]["article"]
    assert "春灌安全用电宣传" in made["zh"]["article"]
