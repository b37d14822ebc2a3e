"""Invisible and rare characters in print: what copied text hides is printed as nothing or a
plain space; what no font has is reported at the field and line it is written on, once.

Posters and leaflets are planned and drawn in this process (printing.jobs) and read back
with pdftotext.
"""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xuanchuan.campaigns.loader import load_campaigns
from xuanchuan.core.print_files import PrintFile
from xuanchuan.core.settings import load_settings
from xuanchuan.core.strings import Translator
from xuanchuan.printing.jobs.pack_cover import cover_pdf
from xuanchuan.printing.jobs.pack_selection import Entry, Selection
from xuanchuan.printing.jobs.plan import PrintChoices, plan_print_files
from xuanchuan.printing.jobs.render import render_print_files
from xuanchuan.printing.layouts import load_layouts
from xuanchuan.printing.text.characters import printable_text

PROJECT = Path(__file__).resolve().parents[2]
SETTINGS = load_settings(None)
LAYOUTS = load_layouts(PROJECT / "overrides", PROJECT)
ZH = "campaigns/odd/index.zh.md"
EN = "campaigns/odd/index.en.md"
ADVICE = (
    ": replace it (an emoji with words, a rare hanzi with a common one or pinyin), or install "
    "a font that has it and name it in overrides/print/layouts.yml (fallback_fonts)"
)
FONT = "cannot be printed: no installed font has "


# -- the text as print sets it ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        # What the shaper needs or the team typed on purpose stays.
        pytest.param("春灌\u200b用电", "春灌\u200b用电", id="zero-width space"),
        pytest.param("\u200e安全\u200f第一", "\u200e安全\u200f第一", id="direction marks"),
        pytest.param("\u202b法\u2067律\u2069\u202c", "\u202b法\u2067律\u2069\u202c",
                     id="embeddings and isolates"),
        pytest.param("a\u200db\u200cc\u2060d", "a\u200db\u200cc\u2060d", id="joiners and word joiner"),
        pytest.param("Elec\u00adtricity", "Elec\u00adtricity", id="soft hyphen"),
        pytest.param("a\u00a0b\u3000c\u2002d\u2003e\u2009f\u200ag\u202fh\u205fi",
                     "a\u00a0b c d e f g\u202fh i", id="other spaces; no-break spaces stay"),
        pytest.param("电话\t12345", "电话 12345", id="tab"),
        pytest.param("safety\u2028first\u2029now", "safety first now",
                     id="line and paragraph separators between words"),
        pytest.param("安全\u2028第一\u2029二", "安全第一二",
                     id="line and paragraph separators between hanzi"),
        pytest.param("a\x00\x07\x1b\x7f\x80\x9fb\x85c", "ab c", id="control characters"),
        pytest.param("安\ufe00全\U000e0100\u2764\ufe0f", "安\ufe00全\U000e0100\u2764\ufe0f",
                     id="variation selectors"),
        pytest.param("安全\u200b\r\n 第一", "安全\u200b第一", id="wrapped Chinese line after a mark"),
        pytest.param("Cafe\u0301 x\u0301", "Caf\u00e9 x\u0301", id="accents typed apart"),
        pytest.param("\uf9d1\u5341", "\u516d\u5341", id="compatibility ideograph"),
        pytest.param("Safety first: 95598 (24 h).", "Safety first: 95598 (24 h).",
                     id="plain text unchanged"),
        pytest.param("\U0001f600\U00020000\ue000\ud800", "\U0001f600\U00020000\ue000\ud800",
                     id="what no font has is kept, to be reported"),
    ],
)
def test_printable_text(text, printed):
    assert printable_text(text) == printed


# -- posters and leaflets, drawn and read back ------------------------------------------------


def quoted(text: str) -> str:
    """A YAML double-quoted text; what YAML may not hold raw is escaped."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif char.isprintable():
            out.append(char)
        else:
            out.append(f"\\x{code:02x}" if code < 0x100 else
                       f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def campaign_file(
    *,
    title="安全生产月",
    summary="六月集中宣传《安全生产法》。",
    organizer="县应急管理局",
    address="县政府广场",
    headline="人人讲安全",
    points=("人人讲安全", "个个会应急"),
    activities=(("2026-06-20", "咨询日", "广场"), ("2026-06-05", "启动仪式", "礼堂")),
    body="## 内容\n\n正文。\n",
) -> str:
    lines = [
        "---",
        f"title: {quoted(title)}",  # line 2
        "type: safety-month",
        f"summary: {quoted(summary)}",  # 4
        "start: 2026-06-01",
        "end: 2026-06-30",
        f"organizer: {quoted(organizer)}",  # 7
        "contact:",
        "  hotline: 0000-8123456",
        f"  address: {quoted(address)}",  # 10
        "activities:",
    ]
    for date, name, place in activities:  # 12-14, 15-17
        lines += [f"  - date: {date}", f"    title: {quoted(name)}", f"    place: {quoted(place)}"]
    lines += ["poster:", f"  headline: {quoted(headline)}", "  points:"]  # 18-20
    lines += [f"    - {quoted(point)}" for point in points]  # 21, 22
    lines += ["  sizes: [A4]", "---", "", body]  # body from line 26
    return "\n".join(lines)


def translation_file(**fields: str) -> str:
    written = "".join(f"{name}: {quoted(text)}\n" for name, text in fields.items())
    return f"---\n{written}---\n\n## Contents\n\nText.\n"


def project(tmp_path: Path, zh: str, en: str | None = None) -> Path:
    folder = tmp_path / "campaigns" / "odd"
    folder.mkdir(parents=True)
    (folder / "index.zh.md").write_text(zh, encoding="utf-8")
    if en is not None:
        (folder / "index.en.md").write_text(en, encoding="utf-8")
    return tmp_path


def plan(root: Path, campaigns=None, sizes=("A4",)):
    campaigns = campaigns or load_campaigns(SETTINGS, root)
    assert campaigns.problems == []
    planned, problems = plan_print_files(
        campaigns,
        translators={code: Translator(code, ("zh",)) for code in SETTINGS.codes},
        layouts=LAYOUTS,
        qr_address=lambda campaign: f"https://example.org/{campaign.language}/",
        cache_dir=root / ".cache",
        choices=PrintChoices(sizes=sizes, full_resolution=False),
    )
    return campaigns, planned, problems


def problems_of(root: Path, sizes=("A4",)) -> list[str]:
    return [str(problem) for problem in plan(root, sizes=sizes)[2]]


def printed(root: Path, kind: str, language: str = "zh") -> str:
    """The text of one drawn print file, as pdftotext reads it (lines kept)."""
    campaigns, planned, problems = plan(root)
    assert problems == []
    chosen = [(f, job) for f, job in planned if f.kind == kind and f.language == language]
    result = render_print_files(chosen, campaigns, workers=1)
    assert result.problems == []
    pdf = chosen[0][0].path
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return out.stdout


def test_invisible_characters_in_a_headline_print_as_nothing(tmp_path):
    root = project(tmp_path, campaign_file(headline="\u200e春灌\u200b用电\u200f\u2060第一\u200d"))
    assert "春灌用电第一" in printed(root, "poster_pdf").splitlines()


def test_every_kind_of_space_in_the_points_prints_as_a_space(tmp_path):
    points = ("Test\u00a0the\u2009RCD", "Keep\u3000dry\tand\u202fsafe")
    root = project(tmp_path, campaign_file(points=points))
    lines = printed(root, "poster_pdf").splitlines()
    assert "Test the RCD" in lines
    assert "Keep dry and safe" in lines


def test_separators_controls_and_a_byte_order_mark_in_the_contact_lines(tmp_path):
    address = "\ufeff县政府\u2028广场\x07 2\u00a0号\x1b"
    root = project(tmp_path, campaign_file(address=address))
    assert "县政府广场 2 号" in printed(root, "poster_pdf").splitlines()


def test_a_soft_hyphen_prints_no_hyphen(tmp_path):
    root = project(tmp_path, campaign_file(headline="Safe elec\u00adtricity"))
    text = printed(root, "poster_pdf")
    assert "Safe electricity" in text.splitlines()
    assert "\u00ad" not in text


def test_accents_typed_apart_print_on_their_letter(tmp_path):
    root = project(tmp_path, campaign_file(headline="Cafe\u0301 x\u0301"))
    assert "Caf\u00e9 x\u0301" in printed(root, "poster_pdf").splitlines()


def test_invisible_characters_in_the_leaflet_body_and_schedule(tmp_path):
    body = (
        "## 内容\n\n春灌\u200b用电&#8203;安全&nbsp;第一\ufeff。\n\n"
        "| 时间 | 地点 |\n|---|---|\n| 9:00\u00a0上午 | 村\u200d委会 |\n"
    )
    activities = (("2026-06-05", "启动\u2060仪式", "礼\u200f堂"),)
    root = project(tmp_path, campaign_file(body=body, activities=activities))
    text = "".join(printed(root, "leaflet_pdf").split())
    assert "春灌用电安全第一。" in text
    assert "9:00上午" in text and "村委会" in text
    assert "启动仪式·礼堂" in text


def test_a_print_pack_cover_lists_the_title_without_its_invisible_characters(tmp_path):
    root = project(tmp_path, campaign_file(title="\u200b安全\u00ad生产月\u200f"))
    campaign = load_campaigns(SETTINGS, root).campaigns["odd"]["zh"]
    poster = PrintFile("odd", "zh", "poster_pdf", "A4", "odd-poster-A4-zh.pdf", tmp_path / "x.pdf", 0)
    entry = Entry(campaign, poster, "A4 海报", 1, first_page=2)
    colours = {"primary": "#b71c1c", "on_primary": "#ffffff", "text": "#000000", "muted": "#666666"}
    fonts = {"regular": ("Noto Sans CJK SC", False), "bold": ("Noto Sans CJK SC", True)}
    cover = tmp_path / "cover.pdf"
    cover.write_bytes(cover_pdf([entry], Selection("zh"), Translator("zh", ("zh",)), fonts, colours, 2))
    out = subprocess.run(["pdftotext", str(cover), "-"], capture_output=True, text=True, check=True)
    assert "安全生产月" in out.stdout.splitlines()


# -- what no font has ------------------------------------------------------------------------


def test_an_emoji_in_the_title_is_reported_once_at_the_title(tmp_path):
    # The title is printed as the headline too, in both languages, on every size.
    root = project(tmp_path, campaign_file(title="安全生产月\U0001fae0", headline="安全生产月\U0001fae0"))
    assert problems_of(root, sizes=("A4", "A3")) == [
        f'{ZH}, line 2: title: {FONT}"\U0001fae0" (U+1FAE0){ADVICE}'
    ]


def test_an_emoji_in_a_point_names_the_point(tmp_path):
    root = project(tmp_path, campaign_file(points=("人人讲安全", "个个会应急\U0001fae1")))
    assert problems_of(root) == [
        f'{ZH}, line 22: poster.points[2]: {FONT}"\U0001fae1" (U+1FAE1){ADVICE}'
    ]


def test_a_rare_hanzi_in_the_body_names_the_body_and_its_line(tmp_path):
    root = project(tmp_path, campaign_file(body="## 内容\n\n正文。\n\n姓名：王\U00020000。\n"))
    assert problems_of(root) == [f'{ZH}, line 30: body: {FONT}"\U00020000" (U+20000){ADVICE}']


def test_a_character_written_as_an_entity_in_the_body_is_found_on_its_line(tmp_path):
    root = project(tmp_path, campaign_file(body="## 内容\n\n正文&#x1FAE0;。\n"))
    assert problems_of(root) == [f'{ZH}, line 28: body: {FONT}"\U0001fae0" (U+1FAE0){ADVICE}']


def test_a_private_use_character_is_named_by_its_code_point(tmp_path):
    root = project(tmp_path, campaign_file(summary="六月\ue000宣传"))
    assert problems_of(root) == [
        f"{ZH}, line 4: summary: {FONT}U+E000 (a private-use character, which only the font "
        f"it was typed with shows){ADVICE}"
    ]


def test_a_damaged_character_is_named_without_printing_it(tmp_path):
    root = project(tmp_path, campaign_file(headline="安全\ud800第一"))
    (message,) = problems_of(root)
    assert message == f"{ZH}, line 19: poster.headline: {FONT}U+D800 (half of a damaged character){ADVICE}"
    message.encode("utf-8")  # it can be written to any log


def test_an_accent_the_font_lacks_is_named_by_its_code_point(tmp_path):
    root = project(tmp_path, campaign_file(headline="Bx\u1dfa"))
    assert problems_of(root) == [
        f"{ZH}, line 19: poster.headline: {FONT}U+1DFA (an accent or mark over the character "
        f"before it){ADVICE}"
    ]


def test_an_activity_is_numbered_as_in_the_file_although_sorted_by_date(tmp_path):
    # The second activity in the file is the first by date.
    activities = (("2026-06-20", "咨询日", "广场"), ("2026-06-05", "启动仪式\U0001f389", "礼堂"))
    root = project(tmp_path, campaign_file(activities=activities))
    assert problems_of(root) == [
        f'{ZH}, line 16: activities[2].title: {FONT}"\U0001f389" (U+1F389){ADVICE}'
    ]


def test_an_emoji_sequence_names_its_emoji_not_its_joiners(tmp_path):
    root = project(tmp_path, campaign_file(organizer="\U0001f468\u200d\U0001f469\ufe0f"))
    assert problems_of(root) == [
        f'{ZH}, line 7: organizer: {FONT}"\U0001f468" (U+1F468), "\U0001f469" (U+1F469)'
        f"{ADVICE}"
    ]


def test_a_character_in_two_fields_is_reported_at_the_first(tmp_path):
    root = project(
        tmp_path,
        campaign_file(summary="六月\U0001fae0", points=("人人讲安全\U0001fae0", "个个\U0001fae1")),
    )
    assert problems_of(root) == [
        f'{ZH}, line 4: summary: {FONT}"\U0001fae0" (U+1FAE0){ADVICE}',
        f'{ZH}, line 22: poster.points[2]: {FONT}"\U0001fae1" (U+1FAE1){ADVICE}',
    ]


def test_more_than_five_characters_are_counted(tmp_path):
    emoji = "".join(chr(0x1FAE0 + n) for n in range(7))
    root = project(tmp_path, campaign_file(headline=f"安全{emoji}"))
    shown = ", ".join(f'"{chr(0x1FAE0 + n)}" (U+{0x1FAE0 + n:X})' for n in range(5))
    assert problems_of(root) == [
        f"{ZH}, line 19: poster.headline: {FONT}{shown} and 2 more{ADVICE}"
    ]


def test_a_translation_reports_what_it_words_itself_in_its_own_file(tmp_path):
    en = translation_file(title="Safety month \U0001f6a7", summary="Safety law in June.")
    root = project(tmp_path, campaign_file(), en)
    assert problems_of(root) == [f'{EN}, line 2: title: {FONT}"\U0001f6a7" (U+1F6A7){ADVICE}']


def test_what_a_translation_inherits_is_reported_in_the_default_file_only(tmp_path):
    en = translation_file(title="Safety month", summary="Safety law in June.")
    root = project(tmp_path, campaign_file(organizer="县应急管理局\U0001f6a8"), en)
    assert problems_of(root) == [f'{ZH}, line 7: organizer: {FONT}"\U0001f6a8" (U+1F6A8){ADVICE}']


# -- random text -----------------------------------------------------------------------------

# Every Unicode category, lone surrogates included (YAML's "\ud800" gives one), mixed with
# what print sets or drops, so that many examples are drawn; a Markdown file is read as
# UTF-8, so a body never holds a surrogate.
SETTABLE = st.sampled_from(list("安全第一，。《》 ab1-\u200b\u200f\u00ad\u00a0\u3000\t\n\u2028\u0301\ufe0f"))
HANZI = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
ANY = st.text(
    st.one_of(st.characters(codec=None, exclude_categories=()), SETTABLE, HANZI), max_size=12
)
BODY = st.text(st.one_of(st.characters(exclude_categories=("Cs",)), SETTABLE, HANZI), max_size=60)


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    root = project(tmp_path_factory.mktemp("random"), campaign_file())
    campaigns = load_campaigns(SETTINGS, root)
    return root, campaigns


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(title=ANY, headline=ANY, point=ANY, address=ANY, activity=ANY, body=BODY)
def test_random_text_gives_a_poster_or_a_clear_problem(
    base, title, headline, point, address, activity, body
):
    root, loaded = base
    zh = loaded.campaigns["odd"]["zh"]
    changed = dataclasses.replace(
        zh,
        title=title or "标题",
        body=body,
        poster=dataclasses.replace(zh.poster, headline=headline, points=(point or "要点", "二")),
        contact=dataclasses.replace(zh.contact, address=address),
        activities=(dataclasses.replace(zh.activities[0], title=activity or "活动"),),
    )
    campaigns = dataclasses.replace(loaded, campaigns={"odd": {"zh": changed}})
    _, planned, problems = plan(root, campaigns)
    chosen = [(f, job) for f, job in planned if f.kind in ("poster_pdf", "leaflet_pdf")]
    result = render_print_files(chosen, campaigns, workers=1)
    for problem in problems + result.problems:
        assert problem.path == ZH and problem.field and problem.message
        str(problem).encode("utf-8")  # no damaged character reaches the log
    if not problems:
        drawn = {f.kind for files in result.files.values() for f in files}
        assert drawn == {"poster_pdf", "leaflet_pdf"} or result.problems
