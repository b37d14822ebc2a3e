"""The files campaigns add to each language's site, as MkDocs gets them."""

from __future__ import annotations

from pathlib import Path

from icalendar import Calendar
from mkdocs.structure.files import InclusionLevel

from fixtures.campaigns import WELL_INSPECTION, spring, spring_en, write_campaign
from fixtures.mkdocs_project import SITE_URL, language_builds, project
from xuanchuan.mkdocs.campaign_files import _printed_address, campaign_files

NO_PRINT = "extra:\n  xuanchuan:\n    print: {enabled: false}\n"


def campaign_project(tmp_path: Path) -> Path:
    path = project(tmp_path, NO_PRINT)
    files = {"zh": spring(activities=[WELL_INSPECTION]), "en": spring_en()}
    write_campaign(tmp_path, "spring-2026", files)
    return path


def test_each_language_gets_the_campaign_page_from_its_own_file_and_the_lists(tmp_path):
    with language_builds(campaign_project(tmp_path)) as (config, builds):
        for build, code in zip(builds, ("zh", "en"), strict=True):
            build.start_files(config.use_directory_urls)
            files = {file.src_uri: file for file in campaign_files(config, build)}
            page = files["campaigns/spring-2026/index.md"]
            # The page reads the language's own file, and stays out of the menu.
            assert page.abs_src_path == str(tmp_path / f"campaigns/spring-2026/index.{code}.md")
            assert page.inclusion == InclusionLevel.NOT_IN_NAV
            assert files["campaigns/index.md"].inclusion.is_in_nav()
            assert "campaigns/calendar/2026-03.md" in files
            assert "summary/2026/index.md" in files
            calendar = Calendar.from_ical(files["calendar.ics"].content_bytes)
            days = [event.decoded("dtstart") for event in calendar.walk("VEVENT")]
            assert [day.isoformat() for day in days] == ["2026-03-05"]


def test_nothing_to_print_adds_no_print_files(tmp_path):
    with language_builds(campaign_project(tmp_path)) as (config, (chinese, _)):
        chinese.start_files(config.use_directory_urls)
        names = [file.src_uri for file in campaign_files(config, chinese)]
        assert not [name for name in names if name.endswith((".pdf", ".png"))]


def test_a_print_file_leads_to_its_campaign_short_address_and_a_summary_home(tmp_path):
    with language_builds(campaign_project(tmp_path)) as (config, builds):
        for build, home in zip(builds, (SITE_URL, SITE_URL + "en/"), strict=True):
            build.start_files(config.use_directory_urls)
            campaign_files(config, build)
            poster = _printed_address(build, "campaigns/spring-2026/spring-2026-poster-A4.pdf")
            assert poster.startswith(home + "s/") and poster.endswith(".html")
            assert _printed_address(build, "summary/2026/summary-2026-zh.pdf") == home
