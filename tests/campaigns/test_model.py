"""The campaign model declares every front matter field once; the schema is read from it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from xuanchuan.campaigns.model import Campaign
from xuanchuan.campaigns.schema import campaign_schema, translation_schema
from xuanchuan.core.declared import build, declare, field_names
from xuanchuan.core.schema import MISSING, Report, Text

# The campaign fields README.md describes, plus the leaflet's fields: the contract the team writes to.
CONTRACT = {
    "title", "type", "summary", "start", "end", "organizer", "audience", "places",
    "channels", "laws", "targets", "activities", "contact", "poster", "leaflet", "banner",
    "cards", "tags", "draft",
}


def test_the_schema_has_exactly_the_contract_fields():
    assert set(campaign_schema(("a",)).fields) == CONTRACT


def test_the_fields_a_translation_words_itself():
    schema = campaign_schema(("a",))
    own = {name for name, option in schema.fields.items() if option.translatable}
    assert own == {
        "title", "summary", "organizer", "audience", "places", "channels", "laws", "banner", "cards"
    }
    # A banner's slogan and a deck's tips are worded by each language, never borrowed.
    assert not schema.fields["banner"].inherited and not schema.fields["cards"].inherited
    assert schema.fields["poster"].fields["headline"].inherited is False
    assert schema.fields["leaflet"].fields["sections"].inherited is False
    assert schema.fields["contact"].fields["address"].translatable
    assert not schema.fields["contact"].fields["hotline"].translatable


def test_types_come_from_the_settings():
    report = Report()
    campaign_schema(("x", "y")).fields["type"].validate("z", "type", report)
    assert report.issues[0].message == 'expected one of "x", "y", got the text "z"'


def test_a_translation_schema_requires_nothing_and_fills_nothing_in():
    lenient = translation_schema(campaign_schema(("a",)))
    report = Report()
    data = lenient.validate({"leaflet": {"sections": ["A"]}}, "", report)
    assert report.issues == []
    assert data == {"leaflet": {"sections": ["A"]}}  # no fold_guides: false, no draft: false
    assert all(option.default is MISSING for option in lenient.fields.values())


def test_adding_a_field_is_one_declaration():
    @dataclasses.dataclass(frozen=True, kw_only=True)
    class WithWard(Campaign):
        ward: str | None = declare(Text(translatable=True))

    from xuanchuan.core.schema import record_of

    schema = record_of(WithWard)
    assert "ward" in schema.fields and schema.fields["ward"].translatable
    report = Report()
    data = schema.validate(
        {"title": "T", "type": "", "summary": "S", "start": "2026-06-01", "ward": "东区"},
        "",
        report,
    )
    made = build(WithWard, data, slug="s", language="zh", folder=Path("."), source=Path("x"), body="")
    assert made.ward == "东区" and made.start == dt.date(2026, 6, 1) and made.audience == ()


def test_every_field_name_is_known_to_tools():
    names = field_names(campaign_schema(("a",)))
    assert {"hotline", "headline", "points", "goal", "unit", "fold_guides", "sections"} <= names


POINTS_ZH = """\
---
title: 安全月
type: safety-month
summary: 六月讲安全用电。
start: 2026-06-01
poster:
  layout: pictograms
  points:
    - 人人讲安全
    - text: 有人触电，先断电
      icon: material/flash-off
    - {text: 电线下面不放风筝, icon: material/kite}
---
"""

POINTS_EN = """\
---
title: Safety month
summary: Safe electricity in June.
poster:
  points: [Safety is everyone's job, "Shock? Cut the power first", {text: No kites under power lines}]
---
"""


def test_points_are_texts_and_their_icons_are_kept_by_position(tmp_path):
    from xuanchuan.campaigns.loader import load_campaigns
    from xuanchuan.core.settings import load_settings

    folder = tmp_path / "campaigns" / "month"
    folder.mkdir(parents=True)
    (folder / "index.zh.md").write_text(POINTS_ZH, encoding="utf-8")
    (folder / "index.en.md").write_text(POINTS_EN, encoding="utf-8")
    loaded = load_campaigns(load_settings(None), tmp_path)
    assert loaded.problems == []
    zh, en = (loaded.campaigns["month"][code].poster for code in ("zh", "en"))
    # Everything that reads the points (leaflets, the site) reads texts.
    assert zh.points == ("人人讲安全", "有人触电，先断电", "电线下面不放风筝")
    assert zh.icons == (None, "material/flash-off", "material/kite")
    # A translation words the points; the icons and the design are the original's.
    assert en.points == ("Safety is everyone's job", "Shock? Cut the power first",
                         "No kites under power lines")
    assert en.icons == zh.icons
    assert en.layout == zh.layout == "pictograms"


PRINTED_ZH = """\
---
title: 安全月
type: safety-month
summary: 六月讲安全用电。
start: 2026-06-01
end: 2026-06-30
organizer: 供电所
places: [东村]
laws: [《电力法》]
activities:
  - {date: 2026-06-12, title: 现场咨询, place: 东村, time: "9:00-11:00"}
  - {date: 2026-06-03, title: 入户讲解}
contact: {hotline: "95598", address: 镇政府旁}
poster:
  subheadline: 安全用电
  points: [先断电, {text: 不放风筝, icon: material/kite}]
banner: 安全用电进万家
cards: [电线下不钓鱼]
tags: [用电]
---
"""


def test_printed_fields_come_from_the_declarations_and_defaults_are_written_once(tmp_path):
    from xuanchuan.campaigns.loader import load_campaigns
    from xuanchuan.core.declared import printed_values
    from xuanchuan.core.settings import load_settings

    folder = tmp_path / "campaigns" / "month"
    folder.mkdir(parents=True)
    (folder / "index.zh.md").write_text(PRINTED_ZH, encoding="utf-8")
    loaded = load_campaigns(load_settings(None), tmp_path)
    assert loaded.problems == []
    campaign = loaded.campaigns["month"]["zh"]
    # Places, tags and the type are never printed as written; the activities are in date
    # order in the model and named by it.
    assert list(printed_values(campaign)) == [
        ("title", "安全月"),
        ("summary", "六月讲安全用电。"),
        ("organizer", "供电所"),
        ("laws[1]", "《电力法》"),
        ("activities[1].title", "入户讲解"),
        ("activities[2].title", "现场咨询"),
        ("activities[2].place", "东村"),
        ("activities[2].time", "9:00-11:00"),
        ("contact.hotline", "95598"),
        ("contact.address", "镇政府旁"),
        ("poster.subheadline", "安全用电"),
        ("poster.points[1]", "先断电"),
        ("poster.points[2]", "不放风筝"),
        ("banner", "安全用电进万家"),
        ("cards[1]", "电线下不钓鱼"),
    ]
    # No headline written: the poster leads with the title, the banner with its slogan.
    assert campaign.poster.headline is None and campaign.headline == "安全月"
    assert campaign.subheadline == "安全用电" and campaign.slogan == "安全用电进万家"
    bare = dataclasses.replace(campaign, poster=None, banner=None)
    assert (bare.headline, bare.subheadline, bare.slogan) == ("安全月", "六月讲安全用电。", "安全月")


def test_each_value_keeps_its_file_and_line_as_the_file_numbers_it(tmp_path):
    from xuanchuan.campaigns.loader import load_campaigns
    from xuanchuan.core.settings import load_settings

    folder = tmp_path / "campaigns" / "month"
    folder.mkdir(parents=True)
    (folder / "index.zh.md").write_text(PRINTED_ZH + "\n正文第一行。\n\n安全第一。\n", encoding="utf-8")
    campaign = load_campaigns(load_settings(None), tmp_path).campaigns["month"]["zh"]
    (folder / "index.zh.md").unlink()  # nothing reads the file again
    where = campaign.positions
    assert [a.title for a in campaign.activities] == ["入户讲解", "现场咨询"]
    # The model's second activity is the file's first, on line 11.
    assert where.path("activities[2].place") == "activities[1].place"
    assert where.line_of("activities[2].place") == 11 and where.line_of("activities[1]") == 12
    assert where.wrote("contact.hotline") and where.line_of("contact.hotline") == 13
    assert not where.wrote("poster.headline")  # the title stands in for it
    assert where.line_of("poster.headline") == 14  # the nearest field written: poster
    assert where.body_line_of(campaign.body, lambda line: "安全第一" in line) == 24
