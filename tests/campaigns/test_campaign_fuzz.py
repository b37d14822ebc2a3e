"""Random front matter never produces a traceback: only a campaign or clear problems."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xuanchuan.campaigns.loader import load_campaigns
from xuanchuan.campaigns.schema import campaign_schema
from xuanchuan.core.declared import field_names
from xuanchuan.core.errors import Problem
from xuanchuan.core.settings import load_settings

SETTINGS = load_settings(None)
# Every field the format knows, at any depth (read from the schema), and a few typos.
FIELDS = sorted(field_names(campaign_schema(SETTINGS.campaign_types))) + ["titel", "Title", ""]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
    st.sampled_from(["safe-electricity", "union-work", "2026-02-30", "9:30", "25:99",
                     "../x.png", "/etc/passwd", "photo.jpg", "A4", "<script>", "\t", "---"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=8),
        st.dictionaries(st.sampled_from(FIELDS), inner, max_size=6),
    ),
    max_leaves=25,
)
front_matter = st.dictionaries(st.sampled_from(FIELDS), values, max_size=12)

VALID = {
    "title": "春灌", "type": "safe-electricity", "summary": "讲安全用电。",
    "start": "2027-03-01", "end": "2027-03-31",
    "activities": [{"date": "2027-03-05", "title": "巡查"}], "poster": {"points": ["断电"]},
}


def load(files: dict[str, bytes]):
    root = Path(tempfile.mkdtemp())
    try:
        folder = root / "campaigns" / "fuzz"
        folder.mkdir(parents=True)
        for name, data in files.items():
            (folder / name).write_bytes(data)
        return load_campaigns(SETTINGS, root)
    finally:
        shutil.rmtree(root)


def text_of(meta: dict) -> bytes:
    dumped = yaml.safe_dump(meta, allow_unicode=True, default_flow_style=False)
    return f"---\n{dumped}---\n\n正文\n".encode()


def check(result) -> None:
    assert all(isinstance(problem, Problem) for problem in result.problems)
    assert all(problem.message and problem.path.startswith("campaigns/fuzz")
               for problem in result.problems)
    # Either the campaign is there in every language, or the team is told why not.
    assert ("fuzz" in result.campaigns) != bool(result.problems) or (
        not result.problems and result.campaigns == {})
    if "fuzz" in result.campaigns:
        assert set(result.campaigns["fuzz"]) == set(SETTINGS.codes)


FUZZ = settings(max_examples=100, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FUZZ
@given(front_matter)
def test_random_fields_in_the_default_language(meta):
    check(load({"index.zh.md": text_of(meta)}))


@FUZZ
@given(front_matter)
def test_random_fields_in_a_translation(meta):
    check(load({"index.zh.md": text_of(VALID), "index.en.md": text_of(meta)}))


@FUZZ
@given(st.dictionaries(st.sampled_from(list(VALID)), values, max_size=3))
def test_a_valid_campaign_with_random_changes(changes):
    check(load({"index.zh.md": text_of({**VALID, **changes})}))


@FUZZ
@given(st.binary(max_size=300), st.integers(0, 400))
def test_random_bytes_anywhere_in_the_file(noise, position):
    original = text_of(VALID)
    position = min(position, len(original))
    check(load({"index.zh.md": original[:position] + noise + original[position:]}))
