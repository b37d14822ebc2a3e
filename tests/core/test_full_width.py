"""What a Chinese input method types instead of YAML's marks ("：", "　", "－", “ ”) is
reported on its own line, in words the team can act on; the same marks inside a value are
text and fine."""

from __future__ import annotations

import pytest

from xuanchuan.core.errors import SourceError
from xuanchuan.core.frontmatter import parse_document
from xuanchuan.core.messages import use_language

PATH = "content/a.zh.md"
SPACE = "\u3000"  # the full-width space, invisible in an editor


def problems(fields: str) -> list[tuple[int, str | None, str]]:
    with pytest.raises(SourceError) as caught:
        parse_document(f"---\n{fields}---\n\n正文\n", PATH)
    return [(p.line, p.field, str(p.message)) for p in caught.value.problems]


def meta(fields: str) -> dict:
    return parse_document(f"---\n{fields}---\n\n正文\n", PATH).meta


def colon(name: str) -> str:
    return (
        f'a full-width colon "：" follows the field name "{name}": expected an ASCII colon ":" '
        "followed by a space"
    )


def marker(mark: str) -> str:
    return (
        f'"{mark}" is not a list marker: expected an ASCII hyphen "-" followed by a space '
        "before each item"
    )


def chinese_quotes(mark: str) -> str:
    return (
        "the value is in Chinese quotes “…”, which YAML does not read as quotes, and it "
        f'holds "{mark}": expected ASCII quotes "…" around it'
    )


INDENTED = f'a full-width space "{SPACE}" indents this line: expected ASCII spaces for indentation'


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        # Before the YAML was read first, this was reported on line 4 ("could not find ':'").
        (
            "title: 春灌\nsummary： 开泵前讲安全用电。\nplace: 泵站\n",
            [(3, "summary", colon("summary"))],
        ),
        # ...and this was read as a text, the whole front matter one value.
        ("title：春灌\n", [(2, "title", colon("title"))]),
        ("title ：春灌\n", [(2, "title", colon("title"))]),
        # A line indented under another goes on its text: "春灌 summary：…" without a word.
        ("title: 春灌\n  summary：讲安全用电\n", [(3, "summary", colon("summary"))]),
        (
            "activities:\n  - title：春灌\n    date: 2026-03-01\n",
            [(3, "title", colon("title"))],
        ),
        (
            "start：2026-03-01\nend：2026-03-31\n",
            [(2, "start", colon("start")), (3, "end", colon("end"))],
        ),
        (
            "title:春灌\nplace: 泵站\n",
            [
                (
                    2,
                    "title",
                    'no space follows the colon after the field name "title": expected ":" '
                    "followed by a space, then the value",
                )
            ],
        ),
        (
            f"title:{SPACE}春灌\nplace: 泵站\n",
            [
                (
                    2,
                    "title",
                    f'a full-width space "{SPACE}" follows the colon after the field name '
                    '"title": expected an ASCII space after ":"',
                )
            ],
        ),
        (f"title: 春灌\n{SPACE}{SPACE}summary: 讲安全用电\n", [(3, "summary", INDENTED)]),
        (f"targets:\n{SPACE}{SPACE}- 村民\n", [(3, None, INDENTED)]),
        (
            "targets:\n  － 村民\n  － 学生\n",
            [(3, "targets", marker("－")), (4, "targets", marker("－"))],
        ),
        ("targets:\n  - 村民\n  —— 学生\n", [(4, "targets", marker("——"))]),
        ("targets:\n— 村民\n", [(3, "targets", marker("—"))]),
        (
            "activities:\n  - title: 开泵前\n    date: 2026-03-01\n  －title: 开泵后\n",
            [(5, "activities", marker("－"))],
        ),
        (
            "targets:\n  -村民\n",
            [
                (
                    3,
                    "targets",
                    'no space follows the hyphen "-" before this item: expected "-" followed '
                    "by a space",
                )
            ],
        ),
        ("summary: “注意: 先断电”\n", [(2, "summary", chinese_quotes(": "))]),
        # With " #" the rest of the line would be a comment: "“第" and nothing more.
        ("title: 春灌\nsummary: “第 #1 号通知”\n", [(3, "summary", chinese_quotes(" #"))]),
        ("targets:\n  - “村民: 种粮大户”\n", [(3, "targets", chinese_quotes(": "))]),
    ],
)
def test_marks_typed_in_chinese_mode_are_reported_on_their_line(fields, expected):
    assert problems(fields) == expected


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        # Full-width marks inside a value are text.
        ("summary: 注意：先断电\n", {"summary": "注意：先断电"}),
        ("summary: “注意：先断电”\n", {"summary": "“注意：先断电”"}),
        ("title: “春灌”宣传月\n", {"title": "“春灌”宣传月"}),
        ('summary: "注意: 先断电"\n', {"summary": "注意: 先断电"}),
        ("summary: '注意: 先断电'\n", {"summary": "注意: 先断电"}),
        (f"title: 春灌{SPACE}宣传\n", {"title": f"春灌{SPACE}宣传"}),
        (
            "time: 9:30\nlink: https://example.org/a\n",
            {"time": "9:30", "link": "https://example.org/a"},
        ),
        ("targets:\n  - 村民\n  - 学生\n", {"targets": ["村民", "学生"]}),
        # A dash that goes on a text is text, not a list.
        (
            "summary: 安全用电，人人有责\n  ——国家电网\n",
            {"summary": "安全用电，人人有责 ——国家电网"},
        ),
        # A block of text is text, whatever its lines look like.
        (
            f"summary: |\n  WiFi：见公告栏\n  {SPACE}{SPACE}第二段\n  － 一\nplace: 泵站\n",
            {"summary": f"WiFi：见公告栏\n{SPACE}{SPACE}第二段\n－ 一\n", "place": "泵站"},
        ),
        (
            "activities:\n  - summary: >\n      WiFi：见公告栏\n    title: 开泵前\n",
            {"activities": [{"summary": "WiFi：见公告栏\n", "title": "开泵前"}]},
        ),
        # So is a quoted value running on over several lines.
        (
            'summary: "第一行\n  WiFi：见公告栏"\nplace: 泵站\n',
            {"summary": "第一行 WiFi：见公告栏", "place": "泵站"},
        ),
        # Comments say what they like.
        ("# 标题：春灌\ntitle: 春灌  # 备注：x\n", {"title": "春灌"}),
    ],
)
def test_full_width_marks_inside_values_are_text(fields, expected):
    assert meta(fields) == expected


def test_a_line_is_reported_once_and_every_such_line_at_once():
    assert problems("title：春灌\nsummary: “注意: 先断电”\ntargets:\n  － 村民\n") == [
        (2, "title", colon("title")),
        (3, "summary", chinese_quotes(": ")),
        (5, "targets", marker("－")),
    ]


def test_the_messages_are_in_chinese(monkeypatch):
    monkeypatch.delenv("XUANCHUAN_LANG", raising=False)
    try:
        use_language("zh")
        fields = "title: 春灌\nsummary： 开泵前讲安全用电。\ntargets:\n  － 村民\n"
        assert problems(fields) == [
            (
                3,
                "summary",
                "字段名“summary”后面用了中文冒号“：”，应改为英文冒号“:”再加一个空格"
                "（输入法切换到英文标点后再输入）",
            ),
            (5, "targets", "“－”不能当列表每项的开头：每一项前面应为英文减号“-”再加一个空格"),
        ]
        assert problems("summary: “注意: 先断电”\n") == [
            (
                2,
                "summary",
                "这个值用的是中文引号“…”，YAML 不把它当作引号，而值里有“: ”："
                '请改用英文双引号 "…" 把值括起来',
            )
        ]
        assert problems(f"{SPACE}title: 春灌\n") == [
            (
                2,
                "title",
                f"这一行用全角空格“{SPACE}”缩进：缩进应使用半角空格"
                "（输入法切换到半角后再输入，一般按 Shift+空格 切换）",
            )
        ]
    finally:
        use_language("en")
