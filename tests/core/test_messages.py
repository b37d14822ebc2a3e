"""Every message the engine gives the team is in the gettext catalogs, in Chinese too."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel.messages.pofile import read_po

from xuanchuan.core.catalogs import LOCALE_DIR, missing
from xuanchuan.core.errors import Problem, SourceError
from xuanchuan.core.messages import msg, use_language

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import update_catalogs  # noqa: E402


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text))


def catalogs() -> list[Path]:
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))


def test_the_catalogs_are_up_to_date_with_the_code():
    # A message added or reworded in the code without running scripts/update_catalogs.py.
    stale = [p.name for p in update_catalogs.update(write=False)]
    assert stale == [], "run scripts/update_catalogs.py"


def test_every_message_and_text_has_its_chinese_wording():
    assert missing("messages", "zh") == []
    assert missing("site", "zh") == []


def test_a_message_not_in_code_order_is_found_by_the_extraction(tmp_path):
    package = tmp_path / "xuanchuan"
    package.mkdir()
    (package / "a.py").write_text(
        'x = msg("one {a}", a=1)\ny = msg("{count} file", "{count} files", count=2)\n'
    )
    assert update_catalogs.messages_in_code(package, root=tmp_path) == {
        "one {a}": (None, ["xuanchuan/a.py"]),
        "{count} file": ("{count} files", ["xuanchuan/a.py"]),
    }


def test_translations_keep_every_placeholder():
    wrong = []
    for path in catalogs():
        with path.open("rb") as stream:
            for message in read_po(stream):
                ids = message.id if isinstance(message.id, tuple) else (message.id,)
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                wrong += [
                    f"{path.parent.parent.name}: {ids[0]}"
                    for text in strings
                    if text and not _fits(text, ids, message.auto_comments)
                ]
    assert wrong == []


def _fits(text: str, ids: tuple[str, ...], comments: list[str]) -> bool:
    """A translation uses the placeholders of its English, or those its comment offers."""
    offered = set().union(*(placeholders(part) for part in (*ids, *comments)))
    return placeholders(ids[-1]) <= placeholders(text) | {"count"} and placeholders(text) <= offered


def test_a_message_that_counts_takes_the_languages_plural(monkeypatch):
    monkeypatch.delenv("XUANCHUAN_LANG")
    one, two = (msg("{count} problem:", "{count} problems:", count=n) for n in (1, 2))
    try:
        use_language("en")
        assert str(one) == "1 problem:"
        assert str(two) == "2 problems:"
        use_language("zh")
        assert str(one) == "共 1 个问题："
        assert str(two) == "共 2 个问题："
    finally:
        use_language("en")


def test_a_message_is_hashed_by_its_words_whatever_the_language(monkeypatch):
    monkeypatch.delenv("XUANCHUAN_LANG")
    message = msg("already exists: expected a new name for a new campaign")
    try:
        use_language("zh")
        in_chinese = hash(message)
        use_language("en")
        assert hash(message) == in_chinese
    finally:
        use_language("en")


def test_a_language_without_messages_falls_back_along_its_chain(monkeypatch):
    monkeypatch.delenv("XUANCHUAN_LANG")
    message = msg("already exists: expected a new name for a new campaign")
    try:
        use_language("ug", ("zh",))
        assert str(message) == "已经存在：新活动请另起一个名字"
        use_language("ug")
        assert str(message) == "already exists: expected a new name for a new campaign"
    finally:
        use_language("en")


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
