"""Values that are well formed but make no sense: each case gets its exact message.

A time that ends before it starts, a goal of infinity, a date in the year 9999, an activity
on a day the campaign does not have, a folder name too long for a file name: the schema and
the loader refuse each with the file, the line and the field, and the campaign is left out.
Well-formed values that merely look odd (a CR-only file, a hotline 0123, a large count) are
read exactly as written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_campaign_inputs import GOOD_EN, GOOD_ZH, en, write_case, zh

from xuanchuan.campaigns.loader import load_campaigns
from xuanchuan.campaigns.scaffold import Scaffolding, new_campaign
from xuanchuan.core.errors import SourceError
from xuanchuan.core.settings import MAX_SLUG_LENGTH, load_settings
from xuanchuan.core.strings import Translator
from xuanchuan.site.campaign_pages.views import campaign_view

SETTINGS = load_settings(None)
YEARS_HINT = "expected a date in those years (check the year for a typo)"
LONG_NAME = "a" * 245


def activity(date: str, title: str = "机井巡查", time: str = "9:00-11:30") -> str:
    return f'  - date: {date}\n    title: {title}\n    time: "{time}"\n'


# (case id, folder name, {file name: text}, expected messages)
CASES = [
    ("time-ends-before-it-starts", "v-time-backwards",
     {"index.zh.md": zh(('time: "9:00-11:30"', 'time: "9:00-8:00"'))},
     ['campaigns/v-time-backwards/index.zh.md, line 16: activities[1].time: "9:00-8:00" does '
      'not end after it starts: expected an end later the same day, such as "9:00-11:30" (past '
      'midnight, end at "23:59")']),
    ("time-ends-when-it-starts", "v-time-empty",
     {"index.zh.md": zh(('time: "9:00-11:30"', 'time: "14:30 - 14:30"'))},
     ['campaigns/v-time-empty/index.zh.md, line 16: activities[1].time: "14:30 - 14:30" does '
      'not end after it starts: expected an end later the same day, such as "9:00-11:30" (past '
      'midnight, end at "23:59")']),
    ("goal-not-a-number", "v-goal-nan",
     {"index.zh.md": zh(("goal: 100", "goal: .nan"))},
     ['campaigns/v-goal-nan/index.zh.md, line 11: targets[1].goal: expected a number, got '
      '".nan", which is not a number']),
    ("goal-infinite", "v-goal-inf",
     {"index.zh.md": zh(("goal: 100", "goal: .inf"))},
     ['campaigns/v-goal-inf/index.zh.md, line 11: targets[1].goal: expected a number, got '
      '".inf", which is not a number']),
    ("actual-minus-infinity", "v-actual-minus-inf",
     {"index.zh.md": zh(('    unit: "%"', '    actual: -.inf\n    unit: "%"'))},
     ['campaigns/v-actual-minus-inf/index.zh.md, line 12: targets[1].actual: expected a '
      'number, got "-.inf", which is not a number']),
    ("goal-overflowing-to-infinity", "v-goal-overflow",
     {"index.zh.md": zh(("goal: 100", "goal: 1.0e+999"))},
     ['campaigns/v-goal-overflow/index.zh.md, line 11: targets[1].goal: expected a number, got '
      '"1.0e+999", which is not a number']),
    ("goal-absurdly-large", "v-goal-huge",
     {"index.zh.md": zh(("goal: 100", "goal: 1.0e+300"))},
     ["campaigns/v-goal-huge/index.zh.md, line 11: targets[1].goal: expected a number of at "
      "most 1,000,000,000, got 1.0e+300"]),
    ("goal-of-thousands-of-digits", "v-goal-digits",
     {"index.zh.md": zh(("goal: 100", "goal: " + "7" * 4000))},
     ["campaigns/v-goal-digits/index.zh.md, line 11: targets[1].goal: the number 777777777777… "
      "is 4,000 characters long: expected at most 30 (put a code or long number in quotes to "
      "keep it as text)"]),
    ("activity-before-a-one-day-campaign", "v-no-end-before",
     {"index.zh.md": zh(("end: 2027-04-30\n", ""), ("  - date: 2027-03-10", "  - date: 2027-02-27"))},
     ["campaigns/v-no-end-before/index.zh.md, line 13: activities[1].date: 2027-02-27 is not "
      "the campaign's day (2027-03-01, as it has no end): expected 2027-03-01, or an end date "
      "if the campaign lasts several days"]),
    ("activity-after-a-one-day-campaign", "v-no-end-after",
     {"index.zh.md": zh(("end: 2027-04-30\n", ""), ("  - date: 2027-03-10", "  - date: 2027-03-02"))},
     ["campaigns/v-no-end-after/index.zh.md, line 13: activities[1].date: 2027-03-02 is not the "
      "campaign's day (2027-03-01, as it has no end): expected 2027-03-01, or an end date if "
      "the campaign lasts several days"]),
    ("year-9999", "v-year-9999",
     {"index.zh.md": zh(("end: 2027-04-30", "end: 9999-12-31"),
                        ("  - date: 2027-03-10", "  - date: 9999-12-31"))},
     [f"campaigns/v-year-9999/index.zh.md, line 6: end: 9999-12-31 is outside the years 1900 "
      f"to 2099: {YEARS_HINT}",
      f"campaigns/v-year-9999/index.zh.md, line 14: activities[1].date: 9999-12-31 is outside "
      f"the years 1900 to 2099: {YEARS_HINT}"]),
    ("year-1", "v-year-1",
     {"index.zh.md": zh(("start: 2027-03-01", "start: 0001-01-01"))},
     [f"campaigns/v-year-1/index.zh.md, line 5: start: 0001-01-01 is outside the years 1900 to "
      f"2099: {YEARS_HINT}"]),
    ("year-typed-wrong", "v-year-typo",
     {"index.zh.md": zh(("end: 2027-04-30", "end: 2207-04-30"))},
     [f"campaigns/v-year-typo/index.zh.md, line 6: end: 2207-04-30 is outside the years 1900 to "
      f"2099: {YEARS_HINT}"]),
    ("end-decades-after-start", "v-end-far",
     {"index.zh.md": zh(("end: 2027-04-30", "end: 2037-03-02"))},
     ["campaigns/v-end-far/index.zh.md, line 6: end: 2037-03-02 is more than 10 years after the "
      "start (2027-03-01): expected a campaign of at most 10 years (check the year for a "
      "typo)"]),
    ("date-time-with-a-time-zone", "v-date-time-zone",
     {"index.zh.md": zh(("start: 2027-03-01", "start: 2027-03-01T09:00:00+08:00"))},
     ['campaigns/v-date-time-zone/index.zh.md, line 5: start: "2027-03-01T09:00:00+08:00" is a '
      "date and a time: expected the date alone, such as 2027-03-01 (an activity's hours go in "
      "its time field)"]),
    ("date-time-for-an-activity", "v-date-time",
     {"index.zh.md": zh(("  - date: 2027-03-10", "  - date: 2027-03-10 9:00"))},
     ['campaigns/v-date-time/index.zh.md, line 14: activities[1].date: "2027-03-10 9:00" is a '
      "date and a time: expected the date alone, such as 2027-03-10 (an activity's hours go in "
      "its time field)"]),
    ("timestamp-tag", "v-timestamp-tag",
     {"index.zh.md": zh(("start: 2027-03-01", "start: !!timestamp 2027-03-01T09:00:00+08:00"))},
     ['campaigns/v-timestamp-tag/index.zh.md, line 5: start: the tag "!!timestamp" is not '
      'allowed here: expected the value alone, such as 2026-06-01, 100 or "a text in quotes"']),
    ("folder-name-too-long", LONG_NAME,
     {"index.zh.md": GOOD_ZH},
     [f"campaigns/{LONG_NAME}: the folder name is 245 characters long: expected at most 64 (it "
      "becomes the campaign's web address and part of the names of its print files)"]),
    ("same-activity-twice", "v-activity-twice",
     {"index.zh.md": zh(("activities:\n", "activities:\n" + activity("2027-03-10", time="09:00")))},
     ["campaigns/v-activity-twice/index.zh.md, line 17: activities[2]: is the same activity as "
      "activities[1] (same date, start time and title): expected each activity once"]),
    ("empty-item-in-a-list", "v-empty-item",
     {"index.zh.md": zh(("audience: [农牧民]", 'audience: [农牧民, ""]'))},
     ["campaigns/v-empty-item/index.zh.md, line 8: audience[2]: expected a text, got an empty "
      "value"]),
    ("blank-item-in-a-list", "v-blank-item",
     {"index.zh.md": zh(("points: [先断电再救人]", 'points: ["   ", 先断电再救人]'))},
     ["campaigns/v-blank-item/index.zh.md, line 18: poster.points[1]: expected a text, got an "
      "empty value"]),
    ("item-listed-twice", "v-item-twice",
     {"index.zh.md": zh(("audience: [农牧民]", "audience: [农牧民, 村干部, 农牧民]"))},
     ['campaigns/v-item-twice/index.zh.md, line 8: audience[3]: "农牧民" is listed twice (also '
      "item 1): expected each once"]),
    ("poster-size-twice", "v-size-twice",
     {"index.zh.md": zh(("  points: [先断电再救人]", "  points: [先断电再救人]\n  sizes: [A4, A3, A4]"))},
     ['campaigns/v-size-twice/index.zh.md, line 19: poster.sizes[3]: "A4" is listed twice (also '
      "item 1): expected each once"]),
    ("title-of-a-paragraph", "v-long-title",
     {"index.zh.md": zh(("title: 春灌安全用电", "title: " + "春灌" * 150))},
     ["campaigns/v-long-title/index.zh.md, line 2: title: is 300 characters long: expected at "
      "most 200"]),
    ("text-of-a-whole-page", "v-long-place",
     {"index.zh.md": zh(("    time: ", "    place: " + "村" * 1001 + "\n    time: "))},
     ["campaigns/v-long-place/index.zh.md, line 16: activities[1].place: is 1,001 characters "
      "long: expected at most 1,000"]),
    ("too-many-tags", "v-many-tags",
     {"index.zh.md": zh(("poster:", "tags: [" + ", ".join(f"t{n}" for n in range(31)) + "]\nposter:"))},
     ["campaigns/v-many-tags/index.zh.md, line 17: tags: expected 0 to 30 items, got 31"]),
    ("blank-title-in-a-translation", "v-translation-blank-title",
     {"index.zh.md": GOOD_ZH,
      "index.en.md": en(("title: Safe electricity for spring irrigation", 'title: "   "'))},
     ["campaigns/v-translation-blank-title/index.en.md, line 2: title: expected a text, got an "
      "empty value"]),
    ("empty-item-in-a-translation", "v-translation-empty",
     {"index.zh.md": GOOD_ZH,
      "index.en.md": en(("summary: Before the pumps start.",
                         'summary: Before the pumps start.\naudience: [""]'))},
     ["campaigns/v-translation-empty/index.en.md, line 4: audience[1]: expected a text, got an "
      "empty value"]),
]


@pytest.mark.parametrize(
    ("folder", "files", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_each_senseless_value_gets_its_exact_message(tmp_path: Path, folder, files, expected):
    write_case(tmp_path, "c-good", {"index.zh.md": GOOD_ZH})
    write_case(tmp_path, folder, files)
    loaded = load_campaigns(SETTINGS, tmp_path)
    assert [str(problem) for problem in loaded.problems] == expected
    assert sorted(loaded.campaigns) == ["c-good"]
    assert loaded.left_out == [folder]


def test_the_catalogue_has_its_cases_once():
    assert len(CASES) >= 25
    assert len({case[1] for case in CASES}) == len(CASES)


# -- odd but right: read exactly as written ---------------------------------------------------


def load_one(tmp_path: Path, files: dict, folder: str = "ok"):
    write_case(tmp_path, folder, files)
    loaded = load_campaigns(SETTINGS, tmp_path)
    assert [str(problem) for problem in loaded.problems] == []
    return loaded.campaigns[folder]


def test_a_file_with_old_mac_line_ends_loads_like_any_other(tmp_path: Path):
    plain = load_one(tmp_path, {"index.zh.md": GOOD_ZH, "index.en.md": GOOD_EN}, "plain")
    mac = load_one(tmp_path / "mac", {"index.zh.md": GOOD_ZH.replace("\n", "\r"),
                                      "index.en.md": GOOD_EN.replace("\n", "\r")})
    for code in ("zh", "en"):
        assert (mac[code].title, mac[code].summary, mac[code].activities, mac[code].body) == (
            plain[code].title, plain[code].summary, plain[code].activities, plain[code].body)


def test_a_folder_name_at_the_limit_is_fine(tmp_path: Path):
    name = "a" * MAX_SLUG_LENGTH
    assert load_one(tmp_path, {"index.zh.md": GOOD_ZH}, name)["zh"].slug == name


def test_numbers_in_text_fields_keep_their_digits(tmp_path: Path):
    campaign = load_one(tmp_path, {"index.zh.md": zh(
        ("organizer: 城关供电所", "organizer: 城关供电所\ncontact:\n  hotline: 0123"),
        ("    title: 机井巡查", "    title: 1.50"),
    )})["zh"]
    # Unquoted, YAML reads 0123 as the octal number 83 and 1.50 as 1.5.
    assert (campaign.contact.hotline, campaign.activities[0].title) == ("0123", "1.50")


def test_the_last_day_of_the_last_year_is_a_date_like_any_other(tmp_path: Path):
    campaign = load_one(tmp_path, {"index.zh.md": zh(
        ("start: 2027-03-01", "start: 2099-12-01"), ("end: 2027-04-30", "end: 2099-12-31"),
        ("  - date: 2027-03-10", "  - date: 2099-12-31"),
    )})["zh"]
    assert campaign.activities[0].date == dt.date(2099, 12, 31)


def test_a_zero_goal_and_a_goal_beyond_reach_are_fine(tmp_path: Path):
    campaign = load_one(tmp_path, {"index.zh.md": zh(
        ("goal: 100", "goal: 0"),
        ("activities:", "  - label: 发放资料\n    goal: 1000000000\n    actual: 1234567\nactivities:"),
    )})["zh"]
    assert [(t.goal, t.actual, t.progress) for t in campaign.targets] == [
        (0, None, None), (1_000_000_000, 1_234_567, 0.001234567)]


def test_large_counts_are_shown_as_people_write_them(tmp_path: Path):
    campaign = load_one(tmp_path, {"index.zh.md": zh(
        ("    goal: 100\n", "    goal: 1234567\n    actual: 99.5\n"))})["zh"]
    view = campaign_view(campaign, Translator("zh", ("zh",)), dt.date(2027, 3, 10))
    # Grouped as Chinese writes it (CLDR), never 1.23457e+06.
    assert "1,234,567" in view["targets"][0]["goal"]
    assert "99.5" in view["targets"][0]["actual"]


def test_a_campaign_type_too_long_for_a_file_name_is_refused_in_the_settings():
    with pytest.raises(SourceError) as caught:
        load_settings({"campaign_types": ["t" * 65]})
    assert str(caught.value) == (
        "mkdocs.yml: extra.xuanchuan.campaign_types[1]: is 65 characters long: expected at "
        "most 64"
    )


def test_a_translation_may_repeat_words_two_originals_share(tmp_path: Path):
    campaign = load_one(tmp_path, {
        "index.zh.md": zh(("audience: [农牧民]", "audience: [农民, 牧民]")),
        "index.en.md": en(("summary: Before the pumps start.",
                           "summary: Before the pumps start.\naudience: [Farmers, Farmers]")),
    })
    assert campaign["en"].audience == ("Farmers", "Farmers")


# -- a new campaign is made with values that make sense -------------------------------------


TEMPLATES = Path(__file__).resolve().parents[2] / "overrides" / "campaign-templates"


def make(tmp_path: Path, slug: str, start: dt.date, end: dt.date | None = None) -> list[str]:
    try:
        where = Scaffolding(tmp_path, TEMPLATES, SETTINGS)
        written = new_campaign(where, slug, "safe-electricity", start, end)
    except SourceError as error:
        return [str(problem) for problem in error.problems]
    return [path.name for path in written]


def test_a_new_campaign_with_a_name_too_long_for_a_file_name(tmp_path: Path):
    assert make(tmp_path, "a" * 65, dt.date(2027, 3, 1)) == [
        f"campaigns/{'a' * 65}: the name is 65 characters long: expected at most 64 (it becomes "
        "the campaign's web address and part of the names of its print files)"
    ]


def test_a_new_campaign_in_the_year_9999(tmp_path: Path):
    assert make(tmp_path, "far", dt.date(9999, 12, 31)) == [
        f"campaigns/far: start: 9999-12-31 is outside the years 1900 to 2099: {YEARS_HINT}"
    ]


def test_a_new_campaign_on_the_last_days_ends_on_the_last_day(tmp_path: Path):
    assert make(tmp_path, "last", dt.date(2099, 12, 20)) == ["index.zh.md", "index.en.md"]
    loaded = load_campaigns(SETTINGS, tmp_path, include_drafts=True)
    assert [str(p) for p in loaded.problems] == []
    assert loaded.campaigns["last"]["zh"].end == dt.date(2099, 12, 31)


def test_the_organisations_hotline_and_name_fill_what_a_campaign_leaves_out(tmp_path: Path):
    settings = load_settings({"organization": "城关区总工会", "hotline": "95598"})
    bare = zh(("organizer: 城关供电所\n", ""))
    write_case(tmp_path, "bare", {"index.zh.md": bare, "index.en.md": GOOD_EN})
    own = zh(("organizer: 城关供电所", "organizer: 石卡镇供电所\ncontact:\n  hotline: '0991-1234567'"))
    write_case(tmp_path, "own", {"index.zh.md": own})
    loaded = load_campaigns(settings, tmp_path).campaigns
    bare, english = loaded["bare"]["zh"], loaded["bare"]["en"]
    assert (bare.organizer, bare.contact.hotline) == ("城关区总工会", "95598")
    # The hotline is a number in every language; the name is the default language's own.
    assert english.contact.hotline == "95598" and english.organizer is None
    mine = loaded["own"]["zh"]
    assert (mine.organizer, mine.contact.hotline) == ("石卡镇供电所", "0991-1234567")
    assert loaded["own"]["en"].organizer == "石卡镇供电所"  # no translation: the original's


@pytest.mark.parametrize(
    "count,said",
    [(13, "expected 0 to 12 items, got 13"), (10_000, "characters long: expected at most")],
)
def test_a_campaign_with_too_many_targets_is_told_so(tmp_path: Path, count, said):
    targets = "targets:\n" + "".join(f"  - label: 目标{n}\n    goal: 1\n" for n in range(count))
    old = 'targets:\n  - label: 机井检查\n    goal: 100\n    unit: "%"\n'
    write_case(tmp_path, "many", {"index.zh.md": zh((old, targets))})
    loaded = load_campaigns(SETTINGS, tmp_path)
    assert loaded.left_out == ["many"]
    assert any(said in str(problem) for problem in loaded.problems), loaded.problems
