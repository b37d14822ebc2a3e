"""How long each print file takes to draw: every poster, share image and leaflet of a project.

    .venv/bin/python bench/print_times.py                     # the repository's own campaigns
    .venv/bin/python bench/print_times.py --project PATH --rounds 5 --images DIR
    .venv/bin/python bench/print_times.py --formats banner,board,cards

The project and its campaigns are read as a build reads them, every print file is planned
against an empty temporary cache (the project's .cache/ is neither read nor written), then
each file is drawn in this process, one at a time, in every round. The median of the rounds
is reported per file, and by kind: count, median and max of those medians. The very first
file drawn also pays for loading the drawing libraries and fonts, so that one drawing is
reported on its own and left out of the medians. --formats draws banners, boards and card
decks too, whatever mkdocs.yml asks. Results are printed as a table and written
as JSON (bench/print_times.json unless --json says otherwise). --images keeps PNG pictures
of the posters and share images, to compare by eye.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The engine beside this script, not an installed copy: figures taken before and after a
# change must each time the code of their own commit.
sys.path.insert(0, str(ROOT / "hooks"))

from xuanchuan.campaigns.loader import load_campaigns  # noqa: E402
from xuanchuan.core.print_files import (  # noqa: E402
    BANNER_PDF,
    BANNER_TILES_PDF,
    BOARD_PDF,
    CARDS_PDF,
    LEAFLET_PDF,
    POSTER_PDF,
    POSTER_PNG,
    POSTER_PNG_FULL,
    SHARE_PNG,
    PrintFile,
)
from xuanchuan.mkdocs.project import read_project  # noqa: E402
from xuanchuan.printing.jobs.render import _render  # noqa: E402
from xuanchuan.printing.jobs.run import PrintRequest, plan_campaigns  # noqa: E402
from xuanchuan.printing.text.words import prepare as prepare_words  # noqa: E402

LABELS = {
    POSTER_PDF.name: "poster PDF",
    POSTER_PNG_FULL.name: "poster PNG 300 dpi",
    POSTER_PNG.name: "poster PNG",
    SHARE_PNG.name: "share PNG",
    LEAFLET_PDF.name: "leaflet PDF",
    BANNER_PDF.name: "banner PDF",
    BANNER_TILES_PDF.name: "banner tiled PDF",
    BOARD_PDF.name: "board PDF",
    CARDS_PDF.name: "card deck PDF",
}
# Told apart by size, as their times differ.
SIZED = (
    POSTER_PDF.name,
    POSTER_PNG_FULL.name,
    BANNER_PDF.name,
    BANNER_TILES_PDF.name,
    BOARD_PDF.name,
)
# The campaign whose PDFs (and share image in every language) --images also keeps.
SAMPLE = "safety-month-2026"


def kind_of(print_file: PrintFile) -> str:
    """The table's row: posters on paper are told apart by size, as their times differ."""
    sized = print_file.kind in SIZED
    return LABELS[print_file.kind] + (f" {print_file.size}" if sized else "")


def plan(project_dir: Path, cache_dir: Path, formats: tuple[str, ...] | None = None):
    project = read_project(project_dir / "mkdocs.yml")
    campaigns = load_campaigns(project.settings, project.project_dir, cache_dir=cache_dir)
    for slug in campaigns.left_out:
        print(f"warning: campaigns/{slug} is left out: run the build to see why", file=sys.stderr)
    planned = plan_campaigns(campaigns, project, PrintRequest(formats=formats), cache_dir)
    if planned.layouts is None:
        raise SystemExit("\n".join(str(problem) for problem in planned.problems))
    for problem in planned.problems:
        print(f"warning: {problem}", file=sys.stderr)
    return project, campaigns, planned.planned


def time_files(planned, rounds: int) -> tuple[dict, dict[str, list[float]]]:
    # One drawing per distinct file, as a build draws them (identical files share a job).
    jobs = {}
    for print_file, job in planned:
        jobs.setdefault(job.key, (print_file, job))
    # Loaded before drawing, as a build does before it starts its workers.
    prepare_words()
    first = None
    samples: dict[str, list[float]] = {print_file.name: [] for print_file, _ in jobs.values()}
    for _ in range(rounds):
        for print_file, job in jobs.values():
            started = time.perf_counter()
            _, error = _render(job)
            ms = (time.perf_counter() - started) * 1000
            if error:
                raise SystemExit(f"{print_file.name}: {error}")
            if first is None:
                first = {"file": print_file.name, "kind": kind_of(print_file), "ms": round(ms, 1)}
            else:
                samples[print_file.name].append(ms)
    return first, samples


def summary(planned, first: dict, samples: dict[str, list[float]], rounds: int) -> dict:
    files = {}
    sizes: dict[str, list[float]] = {}
    # Rows in the order a campaign's files come (posters by size, then PNGs, leaflet).
    kinds: dict[str, list[float]] = {kind_of(print_file): [] for print_file, _ in planned}
    for print_file, _ in planned:
        times = samples.get(print_file.name)
        if not times:  # the first file, with --rounds 1; or a duplicate, drawn once
            continue
        median = statistics.median(times)
        kb = round(print_file.path.stat().st_size / 1024, 1)
        files[print_file.name] = {"kind": kind_of(print_file), "median_ms": round(median, 1),
                                  "kb": kb}  # fmt: skip
        kinds.setdefault(kind_of(print_file), []).append(median)
        sizes.setdefault(kind_of(print_file), []).append(kb)
    return {
        "rounds": rounds,
        "first_file": first,
        "kinds": {
            kind: {
                "files": len(times),
                "median_ms": round(statistics.median(times), 1),
                "max_ms": round(max(times), 1),
                "total_ms": round(sum(times), 1),
                "median_kb": round(statistics.median(sizes[kind]), 1),
            }
            for kind, times in kinds.items()
            if times
        },
        "total": {
            "files": len(files),
            "ms": round(sum(file["median_ms"] for file in files.values()), 1),
        },
        "files": files,
    }


def table(result: dict) -> str:
    lines = [
        f"Print files of {result['project']}: {result['campaigns']} campaigns, drawn one at a "
        f"time in one process; median of rounds: {result['rounds']}",
        "",
        f"{'kind':<28}{'files':>6}{'median ms':>11}{'max ms':>9}{'total ms':>10}{'median KB':>11}",
    ]
    for kind, row in result["kinds"].items():
        lines.append(
            f"{kind:<28}{row['files']:>6}{row['median_ms']:>11.1f}{row['max_ms']:>9.1f}"
            f"{row['total_ms']:>10.1f}{row['median_kb']:>11.1f}"
        )
    total = result["total"]
    lines.append(f"{'total':<28}{total['files']:>6}{'':>11}{'':>9}{total['ms']:>10.1f}")
    first = result["first_file"]
    if first:
        lines += [
            "",
            f"first file: {first['file']} ({first['kind']}): {first['ms']:.1f} ms, with "
            "the loading of libraries and fonts (not in the medians)",
        ]
    return "\n".join(lines)


def save_images(planned, default: str, folder: Path) -> list[Path]:
    """The posters and share images in the default language, the sample's share image in
    every language, and its A4 poster and leaflet as pictures of their first page."""
    folder.mkdir(parents=True, exist_ok=True)
    files = [print_file for print_file, _ in planned]
    slugs = {print_file.slug for print_file in files}
    sample = SAMPLE if SAMPLE in slugs else min(slugs)
    saved = []
    for print_file in files:
        screen = print_file.kind in (POSTER_PNG.name, SHARE_PNG.name)
        if (screen and print_file.language == default) or (
            print_file.kind == SHARE_PNG.name and print_file.slug == sample
        ):
            saved.append(Path(shutil.copyfile(print_file.path, folder / print_file.name)))
    mine = [f for f in files if f.slug == sample and f.language == default]
    posters = [f for f in mine if f.kind == POSTER_PDF.name]
    pdfs = [next((f for f in posters if f.size == "A4"), posters[0])]
    pdfs += [f for f in mine if f.kind == LEAFLET_PDF.name]
    for pdf in pdfs:
        stem = folder / Path(pdf.name).stem
        command = ["pdftoppm", "-r", "60", "-png", "-singlefile", str(pdf.path), str(stem)]
        subprocess.run(command, check=True)
        saved.append(stem.with_suffix(".png"))
    return saved


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--project", type=Path, default=ROOT, help="folder of mkdocs.yml")
    parser.add_argument("--rounds", type=int, default=3, help="repetitions (median reported)")
    parser.add_argument("--json", type=Path, default=Path(__file__).with_name("print_times.json"))
    parser.add_argument("--images", type=Path, help="folder to copy PNG pictures of files into")
    parser.add_argument(
        "--formats",
        type=lambda text: tuple(part.strip() for part in text.split(",") if part.strip()),
        help="banner,board,cards: draw these too (default: as mkdocs.yml says)",
    )
    args = parser.parse_args(argv)
    project_dir = args.project.resolve()
    with tempfile.TemporaryDirectory(prefix="print-times-") as cache:
        project, campaigns, planned = plan(project_dir, Path(cache), args.formats)
        if not planned:
            raise SystemExit(f"{project_dir}: no print files to draw")
        first, samples = time_files(planned, max(1, args.rounds))
        result = {
            "project": str(project_dir),
            "campaigns": len(campaigns.campaigns),
            **summary(planned, first, samples, max(1, args.rounds)),
        }
        if args.images:
            saved = save_images(planned, project.settings.default.code, args.images)
            result["images"] = [str(path) for path in saved]
    print(table(result))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
