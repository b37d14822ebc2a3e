"""A failed build's last words."""

from __future__ import annotations

from xuanchuan.core.failure import failure_summary
from xuanchuan.core.messages import use_language


def test_a_failed_build_ends_with_its_problems_in_the_teams_language(monkeypatch):
    monkeypatch.delenv("XUANCHUAN_LANG")
    use_language("zh")
    try:
        text = failure_summary(
            ["a.md, line 2: title: x", "b.md: 空", "a.md, line 2: title: x", "Doc file 'x.md' ..."],
            strict=True,
        )
    finally:
        use_language("en")
    lines = text.splitlines()
    assert lines[0].startswith("生成停止：共 3 个问题")
    assert lines[1:4] == ["  1. a.md, line 2: title: x", "  2. b.md: 空", "  3. Doc file 'x.md' ..."]
    assert lines[-1] == "以上共 3 个问题，网站没有改动。"
