"""Posters break their headlines between words and keep the campaign's names whole
(the rules themselves are tested on the engine in test_typesetting.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from xuanchuan.printing.content import PosterContent
from xuanchuan.printing.drawing import Style
from xuanchuan.printing.formats.poster import render_pdf
from xuanchuan.printing.layouts import load_layouts
from xuanchuan.printing.text.words import kept_ranges

PROJECT = Path(__file__).resolve().parents[2]


def test_the_a4_poster_headline_breaks_between_words(tmp_path):
    layouts = load_layouts(PROJECT / "overrides", PROJECT)
    style = Style(
        layouts.colours_for("safety-month"),
        {"regular": ("Noto Sans CJK SC", False), "bold": ("Noto Sans CJK SC", True)},
    )
    content = PosterContent(kind="safety-month", headline="安全生产月 石卡用电保平安")
    pdf = tmp_path / "poster.pdf"
    pdf.write_bytes(render_pdf(layouts.formats["poster-portrait"], style, content, "A4"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines[:2] == ["安全生产月", "石卡用电保平安"]


def test_a_campaign_keeps_its_names_and_chosen_phrases_whole(tmp_path):
    import dataclasses

    from xuanchuan.campaigns.loader import load_campaigns
    from xuanchuan.core.settings import load_settings
    from xuanchuan.core.strings import Translator
    from xuanchuan.printing.jobs.plan import PrintChoices, plan_print_files

    settings = load_settings(None)
    campaigns = load_campaigns(settings, PROJECT)
    slug = "spring-irrigation-2027"
    campaigns.campaigns = {slug: campaigns.campaigns[slug]}
    zh = campaigns.campaigns[slug]["zh"]
    kept = dataclasses.replace(zh, poster=dataclasses.replace(zh.poster, keep=("用电保平安",)))
    campaigns.campaigns[slug] = {**campaigns.campaigns[slug], "zh": kept}
    planned, _ = plan_print_files(
        campaigns,
        translators={code: Translator(code, ("zh",)) for code in settings.codes},
        layouts=load_layouts(PROJECT / "overrides", PROJECT),
        qr_address=lambda campaign: "https://example.org/",
        cache_dir=tmp_path,
        choices=PrintChoices(sizes=("A4",), full_resolution=False),
    )
    phrases = {f.language: job.content["phrases"] for f, job in planned if job}
    assert "用电保平安" in phrases["zh"] and "用电保平安" not in phrases["en"]
    assert set(zh.places) <= set(phrases["zh"]) and zh.organizer in phrases["zh"]
    assert "安全用电" in phrases["zh"] and "Safe electricity use" in phrases["en"]
    assert (2, 7) in kept_ranges("石卡用电保平安", phrases["zh"])
