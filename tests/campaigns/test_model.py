"""The campaign model declares every front matter field once; the schema is read from it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from xuanchuan.campaigns.model import Campaign
from xuanchuan.campaigns.schema import campaign_schema, translation_schema
from xuanchuan.core.schema import MISSING, Report, Text, build, declare, field_names

# DESIGN §3, plus the leaflet's fields: the contract the team writes to.
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
