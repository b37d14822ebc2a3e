"""Chinese line breaking over many widths, with mixed Chinese, English and punctuation."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xuanchuan.printing.linebreak import (
    NO_LINE_END,
    NO_LINE_START,
    break_lines,
    line_width,
    tokenize,
)


def measure(unit: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in unit)


TEXTS = [
    "发现有人触电，先断电再救人。不要用手直接拉！拨打120或95598。",
    "春灌前请检查机井线路：开关箱要防雨、防潮；漏电保护器每月试跳一次。",
    "使用Residual Current Device（漏电保护器），保护家人安全。",
    "《电力法》《电力设施保护条例》规定：不得在电力线路下方建房、种树。",
    "“安全第一，预防为主”——这是安全生产月的主题。",
    "Safety month: check wires, test the RCD, call 95598 (24 hours).",
    "工会热线12351，法律援助12348，急救120，报警110。",
]


def check_rules(text: str, lines: list[str], width: float) -> None:
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for index, line in enumerate(lines):
        assert line == line.strip()
        if index > 0:
            assert line[0] not in NO_LINE_START, (lines, index)
        if index < len(lines) - 1:
            assert line[-1] not in NO_LINE_END, (lines, index)
        units = tokenize(line)
        if len(units) > 1:
            # Closing marks may hang past the edge when there is no other way.
            assert line_width(line.rstrip("".join(NO_LINE_START)) or line, measure) <= width + 1e-9, (lines, index)
    words = [u for u in tokenize(text) if len(u) > 1 and u != " "]
    for word in words:
        if measure(word) <= width:
            assert any(word in line for line in lines), (word, lines)
    if len(lines) > 1 and len(lines[-1]) == 1:
        # Allowed only when carrying a character down would break another rule.
        previous = lines[-2]
        assert len(previous) <= 2 or previous[-1] in NO_LINE_START or previous[-2] in NO_LINE_END


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("width", [3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 17, 20, 25, 40])
def test_rules_hold_at_every_width(text, width):
    check_rules(text, break_lines(text, width, measure), width)


def test_closing_punctuation_never_starts_a_line():
    assert break_lines("先断电再救人。", 6, measure) == ["先断电再救", "人。"]
    assert break_lines("不要用手拉！！", 5, measure) == ["不要用手", "拉！！"]


def test_opening_punctuation_never_ends_a_line():
    assert break_lines("请阅读《电力法》", 4, measure) == ["请阅读", "《电力", "法》"]


def test_no_single_character_last_line():
    assert break_lines("先断电再救人好", 6, measure) == ["先断电再救", "人好"]


def test_latin_words_stay_whole_and_spaces_vanish_at_breaks():
    assert break_lines("Call 95598 now", 4, measure) == ["Call", "95598", "now"]


def test_a_word_wider_than_the_line_is_split_rather_than_lost():
    lines = break_lines("Electrification", 3, measure)
    assert "".join(lines) == "Electrification"
    assert all(line_width(line, measure) <= 3 for line in lines)


CHARS = st.sampled_from(list("电安全用触断救人工会法律热线") + list("，。、；：？！「」（）《》“”")
                        + list("abcXYZ0129 -%"))


@settings(max_examples=300, deadline=None)
@given(st.text(CHARS, min_size=1, max_size=60), st.floats(min_value=2, max_value=30))
def test_random_text_keeps_the_rules(text, width):
    if not text.strip():
        return
    lines = break_lines(text, width, measure)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for index, line in enumerate(lines):
        if index > 0:
            assert line[0] not in NO_LINE_START or all(c in NO_LINE_START for c in lines[index - 1][-1:] + line[:1]) or len(lines[index - 1]) == 0
        body = line.rstrip("".join(NO_LINE_START) + " ")
        if len(tokenize(body)) > 1:
            assert line_width(body, measure) <= width + 1e-9
