"""Text set by the real engine (Pango on a cairo surface): where lines break, how even they
are, kerning, and what is kept whole. Breaks are checked against rules written here, not
against the engine's own notion of them."""

from __future__ import annotations

import re

import cairocffi
import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xuanchuan.printing.text.pango import Breaks, Face, Typesetter
from xuanchuan.printing.text.words import kept_ranges

REGULAR = Face("Noto Sans CJK SC")
BOLD = Face("Noto Sans CJK SC", True)
SIZE = 10.0  # a Chinese character is 10 wide
# No line starts with closing punctuation or ends with opening punctuation (GB/T 15834).
NO_LINE_START = set("，。、；：？！」』）》〉】〕〗〙〛｝］”’…,.;:?!)]}")
NO_LINE_END = set("「『（《〈【〔〖〘〚｛［“‘([{")
LATIN_WORD = re.compile(r"[A-Za-z0-9]+")


@pytest.fixture(scope="module")
def typesetter():
    surface = cairocffi.ImageSurface(cairocffi.FORMAT_RGB24, 10, 10)
    return Typesetter(cairocffi.Context(surface), "zh")


def lines_of(typesetter, text, width, **options) -> list[str]:
    face = options.pop("face", REGULAR)
    paragraph = typesetter.paragraph(text, face, SIZE, width, breaks=Breaks(**options))
    return [line.text.strip() for line in paragraph.lines]


TEXTS = [
    "发现有人触电，先断电再救人。不要用手直接拉！拨打120或95598。",
    "春灌前请检查机井线路：开关箱要防雨、防潮；漏电保护器每月试跳一次。",
    "使用Residual Current Device（漏电保护器），保护家人安全。",
    "《电力法》《电力设施保护条例》规定：不得在电力线路下方建房、种树。",
    "“安全第一，预防为主”——这是安全生产月的主题。",
    "Safety month: check wires, test the RCD, call 95598 (24 hours).",
    "工会热线12351，法律援助12348，急救120，报警110。",
]


def check_rules(typesetter, text: str, lines: list[str], width: float) -> None:
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    if not typesetter.paragraph(text, REGULAR, SIZE, width).fits():
        return  # a word wider than the line, split between letters: no rule holds there
    for index, line in enumerate(lines):
        if index > 0:
            assert line[0] not in NO_LINE_START, (lines, index)
        if index < len(lines) - 1:
            assert line[-1] not in NO_LINE_END, (lines, index)
    for word in LATIN_WORD.findall(text):
        if typesetter.paragraph(word, REGULAR, SIZE).width <= width:
            assert any(word in line for line in lines), (word, lines)
    if len(lines) > 1 and re.fullmatch(r"[\u4e00-\u9fff]", lines[-1]):
        pytest.fail(f"a single character alone on the last line: {lines}")


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("chars", [3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 17, 20, 25, 40])
def test_rules_hold_at_every_width(typesetter, text, chars):
    width = chars * SIZE
    lines = lines_of(typesetter, text, width, split_words=True)
    check_rules(typesetter, text, lines, width)
    paragraph = typesetter.paragraph(text, REGULAR, SIZE, width, breaks=Breaks(split_words=True))
    assert paragraph.fits()


def test_closing_punctuation_never_starts_a_line(typesetter):
    assert lines_of(typesetter, "先断电再救人。", 6 * SIZE) == ["先断电再", "救人。"]
    assert lines_of(typesetter, "请阅读《电力法》", 4 * SIZE) == ["请阅读", "《电", "力法》"]


def test_no_single_character_last_line(typesetter):
    assert lines_of(typesetter, "先断电再救人好", 6 * SIZE) == ["先断电再救", "人好"]


def test_latin_words_stay_whole_and_a_word_wider_than_the_line_is_split_only_if_asked(typesetter):
    assert lines_of(typesetter, "Call 95598 now", 30) == ["Call", "95598", "now"]
    whole = typesetter.paragraph("Electrification", REGULAR, SIZE, 30)
    assert len(whole.lines) == 1 and not whole.fits()
    split = lines_of(typesetter, "Electrification", 30, split_words=True)
    assert len(split) > 1 and "".join(split) == "Electrification"


def test_an_accent_typed_apart_stays_with_its_letter(typesetter):
    text = "a\u0301b\u0301c\u0301d\u0301e\u0301f\u0301"
    for line in lines_of(typesetter, text, 12, split_words=True):
        assert line[0] != "\u0301"


@pytest.mark.parametrize("text", ["人 ：", "注意 ！", "电 」", "「 电", "（ 注", "call 95598 !"])
def test_a_mark_typed_after_a_space_stays_with_its_word(typesetter, text):
    lines = [line for line in lines_of(typesetter, text, 4, split_words=True) if line]
    assert all(line.strip()[0] not in NO_LINE_START for line in lines[1:]), lines
    assert all(line.strip()[-1] not in NO_LINE_END for line in lines[:-1]), lines


CHARS = st.sampled_from(
    list("电安全用触断救人工会法律热线")
    + list("，。、；：？！「」（）《》")
    + list("abcXYZ0129 -%")
)


@settings(max_examples=200, deadline=None)
@given(st.text(CHARS, min_size=1, max_size=60), st.floats(min_value=20, max_value=300))
def test_random_text_keeps_the_rules(typesetter, text, width):
    if not text.strip():
        return
    lines = lines_of(typesetter, text, width, split_words=True)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    if not typesetter.paragraph(text, REGULAR, SIZE, width).fits():
        return  # a word wider than the line, split between letters: no rule holds there
    for index, line in enumerate(lines[1:], start=1):
        # A run of closing marks longer than a line has nowhere else to go.
        assert line[0] not in NO_LINE_START or set(lines[index - 1]) <= NO_LINE_START | {" "}


# -- headlines: whole words, even lines ----------------------------------------------------

HEADLINES = [
    "安全生产月 石卡用电保平安",
    "春灌开泵前，先查漏电保护器",
    "五一职工运动会报名开始啦",
    "送文化进工地：戏曲演出和电影放映",
    "农民工返乡服务站为你提供免费热水和休息室",
    "普法宣传进医院：劳动合同法和医疗纠纷预防处理条例",
    "发现有人触电，先断电再救人",
    "漏电保护器每月试跳一次，坏了马上换",
    "牧区冬季取暖用电安全提示",
    "拖欠工资找工会，法律援助不收费",
]


def word_boundaries(text: str) -> set[int]:
    """Where jieba (as the site's search uses it) says words begin and end."""
    ends, position = {0}, 0
    for word in jieba.cut(text, HMM=True):
        position += len(word)
        ends.add(position)
    return ends


@pytest.mark.parametrize("headline", HEADLINES)
def test_a_headline_never_breaks_inside_a_word_at_any_width(typesetter, headline):
    allowed = word_boundaries(headline)
    for chars in range(4, len(headline) + 1):
        lines = lines_of(typesetter, headline, chars * SIZE, face=BOLD, words=True)
        position = 0
        for line in lines[:-1]:
            position = headline.index(line, position) + len(line)
            assert position in allowed or headline[position] == " ", (chars, lines)
        check_rules(typesetter, headline, lines, chars * SIZE)


def test_the_campaign_names_stay_whole(typesetter):
    text = "欢迎到石卡镇供电所营业厅咨询"
    for chars in (9, 10, 11, 12):
        lines = lines_of(
            typesetter, text, chars * SIZE, words=True, phrases=("石卡镇供电所营业厅",)
        )
        assert any("石卡镇供电所营业厅" in line for line in lines), (chars, lines)
    assert (0, 7) in kept_ranges("用电保平安进石卡", ("用电保平安进石卡"[:7],))


def test_kerning_and_ligatures_are_on_in_english(typesetter):
    for pair in ("AV", "To", "Wa"):
        together = typesetter.paragraph(pair, REGULAR, 100).width
        apart = sum(typesetter.paragraph(letter, REGULAR, 100).width for letter in pair)
        assert together < apart - 1, pair


def test_a_no_break_space_or_word_joiner_typed_by_the_team_keeps_words_together(typesetter):
    for joiner in ("\u00a0", "\u2060"):
        text = f"请拨打供电服务热线{joiner}95598"
        for chars in range(6, 12):
            lines = lines_of(typesetter, text, chars * SIZE, split_words=False)
            assert any(f"线{joiner}95598" in line for line in lines), lines


def test_letters_keep_their_exact_places_at_small_sizes_in_millimetres(typesetter):
    # A leaflet's text is about 2.7 mm tall: positions rounded to whole units (Pango's
    # default) would space ten characters 30 mm apart instead of 27.
    paragraph = typesetter.paragraph("开关箱要有门和锁了吗", REGULAR, 2.7)
    assert paragraph.width == pytest.approx(27.0, abs=0.01)


# The process's first font map reads fontconfig's setup in a thread; with no font cache yet
# (a new machine, a CI runner) that takes long enough for a drawing worker to be forked
# while it runs. Only the forking thread is copied into the worker, which then waited
# forever for the reading to finish. A process that has made a font map now forks no
# worker: it draws itself.


@pytest.mark.slow
def test_a_worker_forked_while_fonts_are_being_found_draws(tmp_path):
    from fixtures.printing import run_script

    (tmp_path / "cache").mkdir()
    (tmp_path / "fonts.conf").write_text(
        '<?xml version="1.0"?><fontconfig><dir>/usr/share/fonts</dir>'
        f'<cachedir>{tmp_path / "cache"}</cachedir>'
        '<include ignore_missing="yes">/etc/fonts/conf.d</include></fontconfig>',
        encoding="utf-8",
    )
    done = run_script("forks_while_fonts_load.py", env={"FONTCONFIG_FILE": str(tmp_path / "fonts.conf")})
    assert done.returncode == 0 and done.stdout.strip() == "drawn here", done.stderr
