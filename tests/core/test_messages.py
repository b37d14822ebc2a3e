"""Every message the engine gives the team is in the message table, in Chinese too."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

from xuanchuan.core.errors import Problem, SourceError
from xuanchuan.core.messages import TABLE_FILE, msg, use_language

PACKAGE = Path(__file__).resolve().parents[2] / "hooks" / "xuanchuan"
TABLE = yaml.safe_load(TABLE_FILE.read_text(encoding="utf-8"))


def templates_in_code() -> dict[str, str]:
    """Each msg("...") template, with where it is written."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "msg":
                first = node.args[0]
                where = f"{path.relative_to(PACKAGE)}:{node.lineno}"
                assert isinstance(first, ast.Constant), f"{where}: a template is one literal"
                found[first.value] = where
    return found


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text))


def test_every_message_has_its_chinese_wording():
    missing = [
        f"{where}: {t}" for t, where in templates_in_code().items() if "zh" not in TABLE.get(t, {})
    ]
    assert missing == []


def test_translations_keep_every_placeholder():
    wrong = [
        template
        for template, languages in TABLE.items()
        for text in languages.values()
        if placeholders(text) != placeholders(template)
    ]
    assert wrong == []


def test_the_table_has_no_message_the_code_no_longer_gives():
    assert sorted(set(TABLE) - set(templates_in_code())) == []


def test_messages_are_worded_when_shown_in_the_chosen_language(monkeypatch):
    problem = Problem(
        "a.md",
        3,
        "end",
        msg(
            "{end} is before the start ({start}): expected a later date",
            end="2026-01-01",
            start="2026-02-01",
        ),
    )
    error = SourceError(
        [
            problem,
            Problem(
                "b.md", None, None, msg("already exists: expected a new name for a new campaign")
            ),
        ]
    )
    monkeypatch.delenv("XUANCHUAN_LANG")
    try:
        use_language("zh")
        assert str(error) == (
            "共 2 个问题：\n"
            "  - a.md 第 3 行: end: 2026-01-01 早于开始日期（2026-02-01）：结束日期应在开始之后\n"
            "  - b.md: 已经存在：新活动请另起一个名字"
        )
    finally:
        use_language("en")
    assert (
        str(problem)
        == "a.md, line 3: end: 2026-01-01 is before the start (2026-02-01): expected a later date"
    )
