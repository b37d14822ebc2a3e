"""Random report front matter never produces a traceback: only reports or clear problems;
and any valid set of reports reads back as written, its figures summed into the targets."""

from __future__ import annotations

import datetime as dt
import math
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_report_inputs import jpeg

from xuanchuan.campaigns.loader import load_campaigns
from xuanchuan.campaigns.reports import report_schema
from xuanchuan.core.declared import field_names
from xuanchuan.core.errors import Problem
from xuanchuan.core.settings import load_settings

SETTINGS = load_settings(None)
LABELS = ["发放宣传单", "入户走访", "检查机井"]
TITLES = ["机井巡查", "村委会宣讲", "流动宣传车"]
START, END = dt.date(2027, 3, 1), dt.date(2027, 3, 31)
# Every field a report knows, the campaign's labels and titles, and a few slips.
FIELDS = sorted(field_names(report_schema())) + LABELS + ["photo", "Title", "", "发放宣传单："]

CAMPAIGN = {
    "title": "春灌安全用电",
    "type": "safe-electricity",
    "summary": "讲安全用电。",
    "start": START.isoformat(),
    "end": END.isoformat(),
    "targets": [{"label": label, "goal": 1000, "unit": "份"} for label in LABELS],
    "activities": [
        {"date": f"2027-03-{day:02d}", "title": title}
        for day, title in zip((5, 12, 20), TITLES, strict=True)
    ],
    "poster": {"points": ["断电"]},
}
CAMPAIGN_EN = {
    "title": "Spring irrigation",
    "targets": [{"label": f"Target {n}"} for n in range(len(LABELS))],
}

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
    st.sampled_from(
        [
            "2027-03-05",
            "2027-03-12",
            "2027-02-30",
            "机井巡查",
            "村委会",
            "photos/well.jpg",
            "../x.jpg",
            "/etc/passwd",
            "photos/",
            "1,200",
            "300份",
            "发放宣传单：300",
            "\t",
            "---",
        ]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=6),
        st.dictionaries(st.sampled_from(FIELDS), inner, max_size=5),
    ),
    max_leaves=20,
)
front_matter = st.dictionaries(st.sampled_from(FIELDS), values, max_size=10)

VALID = {
    "title": "机井巡查结束",
    "date": "2027-03-05",
    "activity": "机井巡查",
    "people": 40,
    "photos": [{"file": "photos/well.jpg", "caption": "查看线路"}],
    "figures": {"发放宣传单": 300},
}
NAME = "2027-03-05-well"
PHOTO = jpeg()


def text_of(meta: dict) -> bytes:
    dumped = yaml.safe_dump(meta, allow_unicode=True, default_flow_style=False)
    return f"---\n{dumped}---\n\n正文\n".encode()


def load(reports: dict[str, bytes], *, drafts: bool = False):
    root = Path(tempfile.mkdtemp())
    try:
        folder = root / "campaigns" / "fuzz"
        (folder / "reports" / "photos").mkdir(parents=True)
        (folder / "index.zh.md").write_bytes(text_of(CAMPAIGN))
        (folder / "index.en.md").write_bytes(text_of(CAMPAIGN_EN))
        (folder / "reports" / "photos" / "well.jpg").write_bytes(PHOTO)
        for name, data in reports.items():
            (folder / "reports" / name).write_bytes(data)
        return load_campaigns(SETTINGS, root, include_drafts=drafts)
    finally:
        shutil.rmtree(root)


def check(result, name: str = NAME) -> None:
    """The campaign is always there; the report is in it, or the team is told why not."""
    assert all(isinstance(problem, Problem) for problem in result.problems)
    assert all(
        problem.message and problem.path.startswith("campaigns/fuzz/reports/")
        for problem in result.problems
    )
    assert result.left_out == []
    versions = result.campaigns["fuzz"]
    names = {code: [r.name for r in versions[code].reports] for code in SETTINGS.codes}
    present = names[SETTINGS.default.code] == [name]
    assert present != bool(result.problems) or (not result.problems and names["zh"] == [])
    assert all(found == names["zh"] for found in names.values())
    # Whatever the reports were, every target's sum is a number or unmeasured.
    for target in versions["zh"].targets:
        assert target.actual is None or (math.isfinite(target.actual) and target.actual >= 0)


FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FUZZ
@given(front_matter)
def test_random_fields_in_a_report(meta):
    result = load({f"{NAME}.zh.md": text_of(meta)}, drafts=True)
    check(result)


@FUZZ
@given(front_matter)
def test_random_fields_in_a_translation(meta):
    result = load({f"{NAME}.zh.md": text_of(VALID), f"{NAME}.en.md": text_of(meta)})
    check(result)


@FUZZ
@given(st.dictionaries(st.sampled_from(list(VALID)), values, max_size=3))
def test_a_valid_report_with_random_changes(changes):
    check(load({f"{NAME}.zh.md": text_of({**VALID, **changes})}, drafts=True))


@FUZZ
@given(st.binary(max_size=300), st.integers(0, 400))
def test_random_bytes_anywhere_in_a_report(noise, position):
    original = text_of(VALID)
    position = min(position, len(original))
    check(load({f"{NAME}.zh.md": original[:position] + noise + original[position:]}))


# Characters a file name can hold on every system the team uses, and some it should not.
name_characters = st.sampled_from(list("abz09-_.  AZ机井") + ["\u3000", "é"])
stems = st.one_of(st.just(NAME), st.text(name_characters, min_size=1, max_size=24))
endings = st.sampled_from([".zh.md", ".en.md", ".md", ".fr.md", ".ZH.md", ".zh.markdown", ""])


@FUZZ
@given(stems, endings)
def test_random_file_names_in_the_reports_folder(stem, ending):
    name = stem + ending
    assume(name not in (".", "..", "photos"))
    result = load({name: text_of(VALID)})
    assert all(isinstance(problem, Problem) for problem in result.problems)
    assert result.left_out == []
    found = [r.name for r in result.campaigns["fuzz"]["zh"].reports]
    if name.endswith(".md") and not name.startswith("."):
        assert bool(found) != bool(result.problems)
    else:  # not a report: another kind of file, or a hidden one
        assert (found, result.problems) == ([], [])
    if found:
        assert (found, ending) == ([stem], ".zh.md")


days = st.dates(START, END)
amounts = st.one_of(st.integers(0, 10**6), st.decimals(0, 10**4, places=2).map(float))
reports = st.lists(
    st.fixed_dictionaries(
        {
            "date": days,
            "slug": st.text(st.sampled_from("abcxyz019"), min_size=1, max_size=8),
            "title": st.text(
                st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=40
            )
            .map(str.strip)
            .filter(bool),
            "figures": st.dictionaries(st.sampled_from(LABELS), amounts, max_size=3),
            "activity": st.one_of(st.none(), st.sampled_from(TITLES)),
            "people": st.one_of(st.none(), st.integers(0, 10**6)),
        }
    ),
    max_size=8,
    unique_by=lambda r: (r["date"], r["slug"]),
)


@FUZZ
@given(reports)
def test_valid_reports_read_back_and_add_up(written):
    files = {}
    for report in written:
        meta = {"title": report["title"], "date": report["date"].isoformat()}
        for key in ("figures", "activity", "people"):
            if report[key] not in (None, {}):
                meta[key] = report[key]
        files[f"{report['date']}-{report['slug']}.zh.md"] = text_of(meta)
    result = load(files)
    assert result.problems == []
    spring = result.campaigns["fuzz"]["zh"]
    newest_first = sorted(written, key=lambda r: (r["date"], r["slug"]), reverse=True)
    assert [(r.date, r.name, r.title, r.people) for r in spring.reports] == [
        (r["date"], f"{r['date']}-{r['slug']}", r["title"], r["people"]) for r in newest_first
    ]
    for read, report in zip(spring.reports, newest_first, strict=True):
        assert {f.label: f.amount for f in read.figures} == report["figures"]
        assert (read.activity.title if read.activity else None) == report["activity"]
    for index, target in enumerate(spring.targets):
        counted = [r for r in written if LABELS[index] in r["figures"]]
        if not counted:
            assert (target.actual, target.reported_on) == (None, None)
            continue
        assert math.isclose(target.actual, sum(r["figures"][LABELS[index]] for r in counted))
        assert target.reported_on == max(r["date"] for r in counted)
    english = result.campaigns["fuzz"]["en"]
    assert [t.actual for t in english.targets] == [t.actual for t in spring.targets]
