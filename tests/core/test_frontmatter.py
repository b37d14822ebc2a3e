from pathlib import Path

import pytest

from xuanchuan.core.errors import SourceError
from xuanchuan.core.frontmatter import parse_document, read_document


def problems(text: str) -> list[str]:
    with pytest.raises(SourceError) as caught:
        parse_document(text, "content/a.zh.md")
    return [str(problem) for problem in caught.value.problems]


def test_fields_body_and_lines_are_read():
    document = parse_document(
        "---\ntitle: 触电急救\ntags:\n  - 安全\n  - 急救\n---\n\n# 触电急救\n", "content/a.zh.md"
    )
    assert document.meta == {"title": "触电急救", "tags": ["安全", "急救"]}
    assert document.body == "\n# 触电急救\n"
    assert document.body_line == 7
    assert document.line_of("title") == 2
    assert document.line_of("tags[2]") == 5
    assert document.line_of("tags[2].label") == 5


def test_page_without_front_matter_is_all_body():
    document = parse_document("# Title\n", "content/a.en.md")
    assert document.meta == {} and document.body == "# Title\n"


def test_colon_inside_a_value_names_the_line_and_the_fix():
    assert problems("---\ntitle: ok\ndescription: 注意: 先断电\n---\n") == [
        "content/a.zh.md, line 3: the front matter is not valid YAML (mapping values are not "
        'allowed here): expected one "name: value" per line; put a value containing ": " in quotes'
    ]


def test_tab_indentation_is_explained():
    (message,) = problems("---\ntitle: ok\ntags:\n\t- a\n---\n")
    assert message.startswith("content/a.zh.md, line 4: the front matter is not valid YAML (")
    assert message.endswith("expected spaces for indentation: YAML does not allow tab characters")


def test_unclosed_quote():
    (message,) = problems('---\ntitle: "触电急救\n---\n\nbody\n')
    assert message.startswith("content/a.zh.md, line ")
    assert "the front matter is not valid YAML" in message


def test_front_matter_never_closed():
    assert problems("---\ntitle: x\n\n# x\n") == [
        'content/a.zh.md, line 1: the front matter opened with "---" on line 1 is never '
        'closed: expected a second "---" line after the fields'
    ]


def test_front_matter_that_is_a_list():
    assert problems("---\n- a\n- b\n---\n") == [
        'content/a.zh.md, line 2: the front matter must be "name: value" lines, got a list'
    ]


def test_field_written_twice():
    assert problems("---\ntitle: a\ntitle: b\n---\n") == [
        "content/a.zh.md, line 3: title: is written twice: expected it once"
    ]


def test_bom_and_crlf_are_accepted(tmp_path: Path):
    source = tmp_path / "a.zh.md"
    source.write_bytes("\ufeff---\r\ntitle: 标题\r\n---\r\n\r\n正文\r\n".encode())
    document = read_document(source, "content/a.zh.md")
    assert document.meta == {"title": "标题"}
    assert document.body == "\n正文\n"


def test_file_not_in_utf8(tmp_path: Path):
    source = tmp_path / "a.zh.md"
    source.write_bytes("---\ntitle: 标题\n---\n".encode("gbk"))
    with pytest.raises(SourceError) as caught:
        read_document(source, "content/a.zh.md")
    assert str(caught.value) == (
        "content/a.zh.md, line 2: is not UTF-8 text: expected the file to be saved as UTF-8 "
        "(in most editors: Save as… > Encoding > UTF-8)"
    )
