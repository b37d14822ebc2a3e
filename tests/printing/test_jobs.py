"""Planning print files: a file is drawn again only when something it shows changed."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from xuanchuan.campaigns.loader import load_campaigns
from xuanchuan.core.disk_cache import store_file
from xuanchuan.core.settings import load_settings
from xuanchuan.core.strings import Translator
from xuanchuan.printing.jobs.plan import PrintChoices, plan_print_files
from xuanchuan.printing.layouts import load_layouts

PROJECT = Path(__file__).resolve().parents[2]
SLUG = "spring-irrigation-2027"


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    settings = load_settings(None)
    campaigns = load_campaigns(settings, PROJECT)
    campaigns.campaigns = {SLUG: campaigns.campaigns[SLUG]}
    layouts = load_layouts(PROJECT / "overrides", PROJECT)
    return settings, campaigns, layouts, tmp_path_factory.mktemp("print")


def keys(setup, campaigns=None, qr_address=None):
    settings, loaded, layouts, cache = setup
    planned, problems = plan_print_files(
        campaigns or loaded,
        translators={code: Translator(code, ("zh",)) for code in settings.codes},
        layouts=layouts,
        qr_address=qr_address or (lambda campaign: f"https://example.org/{campaign.language}/"),
        cache_dir=cache,
        choices=PrintChoices(sizes=("A4", "A3"), full_resolution=False),
    )
    assert problems == []
    return {(f.language, f.kind, f.size): f.path.name for f, _ in planned}


def test_every_file_is_planned_once_with_a_job_when_not_cached(setup):
    planned = keys(setup)
    assert sorted({kind for _, kind, _ in planned}) == [
        "leaflet_pdf", "poster_pdf", "poster_png", "share_png"
    ]
    assert len(planned) == 2 * 5  # per language: 2 poster sizes, poster PNG, share, leaflet


def test_the_same_campaign_gives_the_same_keys(setup):
    assert keys(setup) == keys(setup)


def test_a_changed_point_redraws_the_posters_not_the_share_image(setup):
    before = keys(setup)
    loaded = setup[1]
    zh = loaded.campaigns[SLUG]["zh"]
    edited = dataclasses.replace(
        zh, poster=dataclasses.replace(zh.poster, points=zh.poster.points + ("新的一条",))
    )
    changed = dataclasses.replace(loaded, campaigns={SLUG: {**loaded.campaigns[SLUG], "zh": edited}})
    after = keys(setup, changed)
    differs = {key for key in before if before[key] != after[key]}
    assert differs == {("zh", "poster_pdf", "A4"), ("zh", "poster_pdf", "A3"),
                       ("zh", "poster_png", ""), ("zh", "leaflet_pdf", "A4-landscape")}


def test_a_new_qr_address_redraws_what_prints_the_code_not_the_share_image(setup):
    before = keys(setup)
    after = keys(setup, qr_address=lambda campaign: f"https://example.org/{campaign.language}/s/abcde.html")
    assert {key for key in before if before[key] != after[key]} == {
        (code, kind, size)
        for code in ("zh", "en")
        for kind, size in (("poster_pdf", "A4"), ("poster_pdf", "A3"), ("poster_png", ""),
                           ("leaflet_pdf", "A4-landscape"))
    }


def test_a_file_lost_from_the_cache_is_drawn_again_though_its_campaign_is_unchanged(setup):
    # Planned twice with the very same campaign (a preview's rebuild reuses the plan): the
    # second time a file that was drawn meanwhile has no job, one deleted since has one.
    settings, loaded, layouts, cache = setup

    def plan():
        planned, _ = plan_print_files(
            loaded,
            translators={code: Translator(code, ("zh",)) for code in settings.codes},
            layouts=layouts,
            qr_address=lambda campaign: f"https://example.org/{campaign.language}/",
            cache_dir=cache,
            choices=PrintChoices(sizes=("A4",), full_resolution=False),
        )
        return planned

    first = plan()
    assert all(job is not None for _, job in first)
    for print_file, _ in first:
        store_file(print_file.path, b"drawn")
    assert all(job is None for _, job in plan())
    first[0][0].path.unlink()
    again = plan()
    assert again[0][1] is not None and all(job is None for _, job in again[1:])


def test_a_bleed_gives_the_pdfs_names_and_cache_files_of_their_own(setup):
    settings, loaded, layouts, cache = setup

    def plan(bleed):
        planned, problems = plan_print_files(
            loaded,
            translators={code: Translator(code, ("zh",)) for code in settings.codes},
            layouts=layouts,
            qr_address=lambda campaign: f"https://example.org/{campaign.language}/",
            cache_dir=cache,
            choices=PrintChoices(sizes=("A4", "A3"), full_resolution=False, bleed=bleed),
        )
        assert problems == []
        return {(f.language, f.kind, f.size): (f.name, f.path.name) for f, _ in planned}

    plain, shop = plan(0), plan(3)
    assert plain.keys() == shop.keys()
    assert shop[("zh", "poster_pdf", "A3")][0] == f"{SLUG}-poster-A3-bleed3mm-zh.pdf"
    assert shop[("en", "leaflet_pdf", "A4-landscape")][0] == f"{SLUG}-leaflet-bleed3mm-en.pdf"
    assert plain[("zh", "poster_pdf", "A3")][0] == f"{SLUG}-poster-A3-zh.pdf"
    assert plan(2.5)[("zh", "poster_pdf", "A4")][0] == f"{SLUG}-poster-A4-bleed2.5mm-zh.pdf"
    # The PDFs are other files, in the site and in the cache; pictures for screens are not.
    differ = {key for key in plain if plain[key][1] != shop[key][1]}
    assert differ == {key for key in plain if key[1] in ("poster_pdf", "leaflet_pdf")}
    assert all(plain[key][0] != shop[key][0] for key in differ)
    assert all(plain[key] == shop[key] for key in plain if key not in differ)
