"""`xuanchuan new-campaign`: a valid campaign of each type from its starter template."""

import subprocess
import sys
from pathlib import Path

import pytest

from fixtures.sites import PROJECT, fixture_config, write_site
from xuanchuan.campaigns.loader import load_campaigns
from xuanchuan.core.settings import DEFAULT_CAMPAIGN_TYPES, load_settings

# Every test here builds a site or runs the command line in another process.
pytestmark = pytest.mark.slow


def new_campaign(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "xuanchuan.cli", "new-campaign", *args],
        cwd=root, capture_output=True, text=True,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    config = fixture_config()
    return write_site(tmp_path / "p", {"index.zh.md": "---\ntitle: 首页\n---\n"}, config)


@pytest.mark.parametrize("kind", DEFAULT_CAMPAIGN_TYPES)
def test_every_type_makes_a_valid_campaign_in_both_languages(project: Path, kind: str):
    done = new_campaign(project, f"new-{kind}", "--type", kind, "--start", "2027-03-01")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:2] == [
        f"created campaigns/new-{kind}/index.zh.md",
        f"created campaigns/new-{kind}/index.en.md",
    ]
    loaded = load_campaigns(load_settings(None), project, include_drafts=True)
    assert [str(p) for p in loaded.problems] == []
    zh = loaded.campaigns[f"new-{kind}"]["zh"]
    # A new campaign stays a draft, seen in the preview only, until the team publishes it.
    assert zh.draft
    assert f"new-{kind}" not in load_campaigns(load_settings(None), project).campaigns
    assert (zh.type, zh.start.isoformat(), zh.last_day.isoformat()) == (
        kind, "2027-03-01", "2027-03-31")
    assert not loaded.campaigns[f"new-{kind}"]["en"].is_fallback
    text = (project / "campaigns" / f"new-{kind}" / "index.zh.md").read_text(encoding="utf-8")
    # Every field is explained in Chinese for someone who has never programmed.
    assert text.count("\n#") >= 10


def test_templates_live_in_overrides_as_data():
    for kind in DEFAULT_CAMPAIGN_TYPES:
        for code in ("zh", "en"):
            assert (PROJECT / "overrides" / "campaign-templates" / f"{kind}.{code}.md").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Spring 2027", "--type", "union-work"],
         'Error: campaigns/Spring 2027: "Spring 2027" cannot be used: expected lowercase letters '
         "a-z, digits and single hyphens, such as spring-irrigation-2026"),
        (["spring-2027", "--type", "safe-electric"],
         'Error: campaigns/spring-2027: type: unknown type "safe-electric" (did you mean '
         '"safe-electricity"?): expected one of safe-electricity, legal-education, send-culture, '
         "safety-month, union-work"),
        (["spring-2027", "--type", "union-work", "--start", "2027-03-01", "--end", "2027-02-01"],
         "Error: campaigns/spring-2027: end: 2027-02-01 is before the start (2027-03-01): "
         "expected a later date"),
    ],
)
def test_mistakes_are_explained(project: Path, args, message):
    done = new_campaign(project, *args)
    assert done.returncode == 1
    assert done.stderr.strip() == message
    assert not (project / "campaigns").exists() or not any((project / "campaigns").iterdir())


def test_an_existing_campaign_is_never_overwritten(project: Path):
    assert new_campaign(project, "dup", "--type", "union-work").returncode == 0
    before = (project / "campaigns" / "dup" / "index.zh.md").read_bytes()
    done = new_campaign(project, "dup", "--type", "safety-month")
    assert done.stderr.strip() == (
        "Error: campaigns/dup: already exists: expected a new name for a new campaign"
    )
    assert (project / "campaigns" / "dup" / "index.zh.md").read_bytes() == before
