"""`xuanchuan print-pack` asked for the impossible: one clear message, exit 1 or 2, no
traceback and nothing left behind. Every request here fails before anything is drawn."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from fixtures.sites import fixture_config, page, write_site
from xuanchuan.cli import main
from xuanchuan.core.errors import SourceError
from xuanchuan.printing.jobs.pack import write_pack

CAMPAIGN = """\
---
title: 石卡镇安全生产月
type: safety-month
summary: 六月查隐患。
start: 2027-06-01
end: 2027-06-30
places: [石卡镇]
---

正文。
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = write_site(
        tmp_path_factory.mktemp("misuse") / "project",
        {"index.zh.md": page("首页"), "index.en.md": page("Home")},
        fixture_config(),
    )
    folder = root / "campaigns" / "shika-june"
    folder.mkdir(parents=True)
    (folder / "index.zh.md").write_text(CAMPAIGN, encoding="utf-8")
    (root / "notes.txt").write_text("the team's notes\n", encoding="utf-8")
    (root / "a-file").write_text("", encoding="utf-8")
    (root / "out").mkdir()
    (root / ".cache" / "xuanchuan").mkdir(parents=True, exist_ok=True)
    return root


def pack(project: Path, monkeypatch, capsys, *args: str) -> tuple[int, str]:
    """Exit code and stderr of the command run in the project folder."""
    monkeypatch.chdir(project)
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    try:
        code = main(["print-pack", *args])
    except SystemExit as stop:  # argparse's own errors
        code = stop.code
    after = sorted(p.relative_to(project) for p in project.rglob("*") if ".cache" not in p.parts)
    assert after == [p for p in before if ".cache" not in p.parts], "a file was left behind"
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--month", "9999-12"], 1,
         "Error: print-pack: nothing to print: no campaign matches dates 9999-12-01 to "
         "9999-12-31, language zh: expected a selection that includes at least one campaign "
         "(try fewer limits)"),
        (["--month", "2027-06", "--from", "2027-06-03"], 1,
         "Error: print-pack: --month: cannot be combined with --from: expected either --month "
         "or --from/--to"),
        (["--month", "2027-06", "--from", "2027-06-03", "--to", "2027-06-09"], 1,
         "Error: print-pack: --month: cannot be combined with --from and --to: expected either "
         "--month or --from/--to"),
        (["--place", ""], 1,
         "Error: print-pack: --place: is empty: expected the name of a village, town or "
         "counter, or no --place to print every place"),
        (["--place", "  "], 1,
         "Error: print-pack: --place: is empty: expected the name of a village, town or "
         "counter, or no --place to print every place"),
        (["--size", ""], 1,
         'Error: print-pack: --size: unknown paper size "": expected one of A4, A3, A2, '
         "A4-landscape, A3-landscape, A2-landscape"),
        (["--language", ""], 1,
         'Error: print-pack: --language: unknown language "": expected one of zh, en'),
        (["--month", "2027-13"], 2,
         'xuanchuan print-pack: error: argument --month: "2027-13" is not a month: expected '
         "YYYY-MM"),
        (["--from", "2027-02-30"], 2,
         'xuanchuan print-pack: error: argument --from: "2027-02-30" is not a date: expected '
         "YYYY-MM-DD"),
        (["-o", "nowhere/pack.pdf"], 1,
         'Error: print-pack: --output: the folder "nowhere" does not exist: expected an '
         "existing folder; create it first, or write the pack elsewhere"),
        (["-o", "a-file/pack.pdf"], 1,
         'Error: print-pack: --output: the folder "a-file" does not exist: expected an '
         "existing folder; create it first, or write the pack elsewhere"),
        (["-o", "out"], 1,
         'Error: print-pack: --output: "out" is a folder: expected the name of the PDF file to '
         "write, such as out/print-pack.pdf"),
        (["-o", ""], 1,
         'Error: print-pack: --output: "." is a folder: expected the name of the PDF file to '
         "write, such as print-pack.pdf"),
        (["-o", "mkdocs.yml"], 1,
         'Error: print-pack: --output: "mkdocs.yml" exists and is not a PDF: expected a new '
         "file name, or an earlier print pack to replace (nothing was overwritten)"),
        (["-o", "notes.txt"], 1,
         'Error: print-pack: --output: "notes.txt" exists and is not a PDF: expected a new '
         "file name, or an earlier print pack to replace (nothing was overwritten)"),
        (["-o", "content/index.zh.md"], 1,
         "Error: print-pack: --output: \"content/index.zh.md\" is among the site's pages "
         "(content/): expected a place outside the site's sources, such as print-pack.pdf in "
         "the project folder"),
        (["-o", "campaigns/shika-june/pack.pdf"], 1,
         'Error: print-pack: --output: "campaigns/shika-june/pack.pdf" is among the campaigns '
         "(campaigns/): expected a place outside the site's sources, such as print-pack.pdf "
         "in the project folder"),
        (["-o", ".cache/xuanchuan/pack.pdf"], 1,
         'Error: print-pack: --output: ".cache/xuanchuan/pack.pdf" is among the build cache '
         "(.cache/): expected a place outside the site's sources, such as print-pack.pdf in "
         "the project folder"),
        (["--copies", "lots"], 1,
         'Error: print-pack: --copies: "lots" is not a number of copies: expected a whole number '
         "from 1 to 100,000, such as 20, or posters=50,leaflets=500"),
        (["--copies", "posters=0"], 1,
         'Error: print-pack: --copies: "posters=0" is not a number of copies: expected a whole '
         "number from 1 to 100,000, such as 20, or posters=50,leaflets=500"),
        (["--copies", "poster=50"], 1,
         'Error: print-pack: --copies: unknown kind "poster" (did you mean "posters"?): expected '
         "one of posters, leaflets, banners, boards, cards"),
        # An "=" with no kind before it names no kind: not a number for every item.
        (["--copies", "=20"], 1,
         'Error: print-pack: --copies: unknown kind "": expected one of posters, leaflets, '
         "banners, boards, cards"),
        (["--only", "posters", "--copies", "20,leaflets=500"], 1,
         "Error: print-pack: --copies: names leaflets, which this pack leaves out (--only "
         "posters): expected copies of what the pack holds"),
        (["--copies", "posters=5,posters=6"], 1,
         "Error: print-pack: --copies: names posters twice: expected each kind once"),
        (["--copies", "20,30"], 1,
         "Error: print-pack: --copies: gives two numbers for every item (20 and 30): expected "
         "one, and kind=number for the others"),
        (["--copies", "20,"], 1,
         "Error: print-pack: --copies: has an empty item: expected numbers of copies such as 20, "
         "or posters=50,leaflets=500"),
        (["--bleed", "12"], 1,
         "Error: print-pack: --bleed: expected the bleed in millimetres, from 0 (none) to 10 "
         "(print shops usually ask for 3), got 12"),
        (["--bleed", "-1"], 1,
         "Error: print-pack: --bleed: expected the bleed in millimetres, from 0 (none) to 10 "
         "(print shops usually ask for 3), got -1"),
        (["--bleed", "3mm"], 2,
         'xuanchuan print-pack: error: argument --bleed: "3mm" is not a number: expected the '
         "bleed in millimetres, such as 3"),
        (["--bleed", "inf"], 2,
         'xuanchuan print-pack: error: argument --bleed: "inf" is not a number: expected the '
         "bleed in millimetres, such as 3"),
    ],
    ids=[
        "month-9999-12", "month-and-from", "month-and-from-to", "empty-place", "blank-place",
        "empty-size", "empty-language", "month-13", "february-30", "missing-folder",
        "folder-is-a-file", "output-is-a-folder", "empty-output", "output-is-mkdocs-yml",
        "output-is-a-text-file", "output-is-a-page", "output-in-campaigns", "output-in-cache",
        "copies-not-a-number", "copies-zero", "copies-unknown-kind", "copies-no-kind",
        "copies-left-out",
        "copies-twice", "copies-two-numbers", "copies-empty-item", "bleed-too-wide",
        "bleed-negative", "bleed-with-unit", "bleed-infinite",
    ],
)
def test_misuse_is_explained(project: Path, monkeypatch, capsys, args, code, message):
    assert pack(project, monkeypatch, capsys, *args) == (code, message)
    assert (project / "notes.txt").read_text(encoding="utf-8") == "the team's notes\n"


def test_a_full_disk_leaves_no_half_written_pack(tmp_path: Path):
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("needs root to mount a small tmpfs")
    try:
        (disk / "ballast").write_bytes(b"\0" * 40_000)
        with pytest.raises(SourceError) as raised:
            write_pack(b"%PDF-1.7\n" + b"\0" * 60_000, disk / "pack.pdf")
        assert str(raised.value) == (
            f'print-pack: --output: cannot write "{disk}/pack.pdf" (No space left on device): '
            "expected a writable folder with free space"
        )
        assert sorted(p.name for p in disk.iterdir()) == ["ballast"]
    finally:
        subprocess.run(["umount", str(disk)], check=True)
