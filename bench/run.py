"""The benchmark: a plain Material build against ours (cold, warm, one campaign edited).

    .venv/bin/python bench/run.py               # 200 campaigns x 2 languages, 3 rounds
    .venv/bin/python bench/run.py --size 20     # a quick run

Runs are interleaved (baseline, cold, warm, edited: a campaign's poster headline and one
of its reports; then again) and the median of the
rounds is reported, with ratios to the baseline. Results are printed as a table and written
as JSON (bench/results.json unless --json says otherwise). Then `mkdocs serve` is started
and timed: its start, and save to preview for edits to a campaign's text, a content page and
a poster field (--serve-edits of each, --no-serve to skip).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import serve  # noqa: E402
from corpus import LEAFLETS, write_baseline, write_corpus  # noqa: E402


def environment() -> dict:
    # The figures are read from the build log, in the English it is written in (the team
    # reads it in the site's language).
    return {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": "1767225600",
        "XUANCHUAN_LANG": "en",
    }


def build(project: Path) -> dict:
    """One `mkdocs build` in a child process: wall time, peak memory and its log."""
    env = environment()
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = process.stdout.read()
    # wait4 gives this build's own peak memory (the largest of its processes' own peaks is
    # close to it: print workers are forked from it and draw one file at a time).
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - started
    if process.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{output[-3000:]}")
    peak_kb = usage.ru_maxrss
    rendered = re.search(r"Print files: (\d+) rendered, (\d+) reused", output)
    return {
        "seconds": seconds,
        "peak_mb": peak_kb / 1024,
        "rendered": int(rendered.group(1)) if rendered else 0,
        "reused": int(rendered.group(2)) if rendered else 0,
        "log": output,
    }


def edit_one_campaign(corpus: Path) -> dict[Path, str]:
    """The edits of the "edited" build: one campaign's poster headline, and one of its
    reports (a sentence more, and one more leaflet, which its campaign's target adds up).
    Returns each edited file's text before, to put back."""
    folder = sorted((corpus / "campaigns").iterdir())[0]
    campaign = folder / "index.zh.md"
    report = sorted((folder / "reports").glob("*.zh.md"))[0]
    originals = {path: path.read_text(encoding="utf-8") for path in (campaign, report)}
    campaign.write_text(
        originals[campaign].replace("poster:\n", "poster:\n  headline: 已修改的标题\n", 1),
        encoding="utf-8",
    )
    one_more = re.sub(
        rf"(\n  {LEAFLETS}: )(\d+)\n", lambda m: f"{m[1]}{int(m[2]) + 1}\n", originals[report]
    )
    assert one_more != originals[report], report
    report.write_text(one_more + "\n又发放了一份宣传单。\n", encoding="utf-8")
    return originals


def weights(site: Path) -> dict:
    pages = [p for p in site.rglob("campaigns/*/index.html")]
    sizes = sorted(p.stat().st_size for p in pages)
    # The official-account articles beside the pages (*.wechat.html) are not pages.
    reports = sorted(
        p.stat().st_size
        for p in site.rglob("campaigns/*/reports/*.html")
        if not p.name.endswith(".wechat.html")
    )
    indexes = {}
    for folder in sorted(site.rglob("search/xc")):
        where = folder.parent.parent.relative_to(site).as_posix()
        files = {p.name: p.stat().st_size for p in folder.iterdir() if p.is_file()}
        shards = [size for name, size in files.items() if name.startswith("s")]
        indexes["default" if where == "." else where] = {
            "bytes": sum(files.values()),
            "files": len(files),
            "meta_bytes": files.get("meta.js", 0),
            "largest_shard_bytes": max(shards, default=0),
        }
    articles = [p.stat().st_size for p in site.rglob("*wechat.html")]
    return {
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "campaign_pages": len(pages),
        "median_campaign_page_bytes": statistics.median(sizes) if sizes else 0,
        "report_pages": len(reports),
        "median_report_page_bytes": statistics.median(reports) if reports else 0,
        "report_photo_copies": len(list(site.glob("campaigns/*/reports/photos/*w.jpg"))),
        "search_index": indexes,
        "wechat_articles": len(articles),
        "wechat_bytes": sum(articles),
    }


def run(size: int, pages: int, rounds: int, workdir: Path, serve_edits: int = 0) -> dict:
    corpus = write_corpus(workdir / "corpus", size, pages)
    baseline = write_baseline(corpus, workdir / "baseline")
    runs: dict[str, list[dict]] = {"baseline": [], "cold": [], "warm": [], "edited": []}
    for _ in range(rounds):
        runs["baseline"].append(build(baseline))
        shutil.rmtree(corpus / ".cache", ignore_errors=True)
        shutil.rmtree(corpus / "site", ignore_errors=True)
        runs["cold"].append(build(corpus))
        runs["warm"].append(build(corpus))
        originals = edit_one_campaign(corpus)
        runs["edited"].append(build(corpus))
        for path, text in originals.items():
            path.write_text(text, encoding="utf-8")
    base = statistics.median(r["seconds"] for r in runs["baseline"])
    summary = {}
    for name, results in runs.items():
        seconds = statistics.median(r["seconds"] for r in results)
        summary[name] = {
            "seconds": round(seconds, 3),
            "ratio": round(seconds / base, 3),
            "peak_mb": round(max(r["peak_mb"] for r in results), 1),
            "print_rendered": results[-1]["rendered"],
            "print_reused": results[-1]["reused"],
        }
    cold = summary["cold"]
    cold["print_files_per_second"] = round(
        cold["print_rendered"] / max(_print_seconds(runs["cold"][-1]["log"]), 1e-6), 1
    )
    # The cold build without the time spent drawing print files: the site part.
    site_part = statistics.median(r["seconds"] - _print_seconds(r["log"]) for r in runs["cold"])
    cold["site_part_seconds"] = round(site_part, 3)
    cold["site_part_ratio"] = round(site_part / base, 3)
    photos = statistics.median(_photo_seconds(r["log"]) for r in runs["cold"])
    cold["photo_seconds"] = round(photos, 3)
    # Build once more to measure what a deploy would carry.
    build(corpus)
    result = {
        "size": {"campaigns": size, "pages_per_language": pages, "rounds": rounds},
        "runs": summary,
        "weights": weights(corpus / "site"),
        "cpu_count": os.cpu_count(),
    }
    if serve_edits:
        # Last, with the caches warm: a writer previews a project that has been built before.
        result["serve"] = serve.measure(corpus, environment(), serve_edits, workdir / "serve.log")
    return result


def _print_seconds(log: str) -> float:
    match = re.search(r"Print files: \d+ rendered, \d+ reused from cache, ([\d.]+) s", log)
    return float(match.group(1)) if match else 0.0


def _photo_seconds(log: str) -> float:
    """The time the build spent making (or finding) the web copies of photos."""
    pattern = r"Photos: \d+ made into web copies, \d+ reused from cache, ([\d.]+) s"
    match = re.search(pattern, log)
    return float(match.group(1)) if match else 0.0


def table(result: dict) -> str:
    lines = [
        f"Corpus: {result['size']['campaigns']} campaigns x 2 languages, "
        f"{result['size']['pages_per_language']} pages per language, median of "
        f"{result['size']['rounds']} rounds, {result['cpu_count']} cores",
        "",
        f"{'run':<10}{'seconds':>10}{'x baseline':>12}{'peak MB':>10}{'rendered':>10}{'reused':>8}",
    ]
    for name, run_ in result["runs"].items():
        lines.append(
            f"{name:<10}{run_['seconds']:>10.2f}{run_['ratio']:>12.2f}{run_['peak_mb']:>10.0f}"
            f"{run_['print_rendered']:>10}{run_['print_reused']:>8}"
        )
    weights_ = result["weights"]
    lines += [
        "",
        f"cold print throughput: {result['runs']['cold']['print_files_per_second']} files/s",
        f"cold site part (cold minus drawing print files): "
        f"{result['runs']['cold']['site_part_seconds']:.2f} s, "
        f"{result['runs']['cold']['site_part_ratio']:.2f} x baseline, of which web copies of "
        f"photos {result['runs']['cold']['photo_seconds']:.2f} s",
        f"site: {weights_['site_bytes'] / 1e6:.1f} MB; median campaign page: "
        f"{weights_['median_campaign_page_bytes'] / 1024:.1f} KB of HTML",
        f"reports: {weights_['report_pages']} pages, median "
        f"{weights_['median_report_page_bytes'] / 1024:.1f} KB of HTML; "
        f"{weights_['report_photo_copies']} web copies of report photos",
    ]
    lines.append(
        f"WeChat articles: {weights_['wechat_articles']}, "
        f"{weights_['wechat_bytes'] / 1e6:.1f} MB of the site"
    )
    for language, index in weights_["search_index"].items():
        lines.append(
            f"search index {language}: {index['bytes'] / 1024:.0f} KB in {index['files']} "
            f"files; a search loads {index['meta_bytes'] / 1024:.0f} KB, then shards of at "
            f"most {index['largest_shard_bytes'] / 1024:.0f} KB"
        )
    if "serve" in result:
        lines += serve.table_lines(result["serve"], result["runs"]["warm"]["seconds"])
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=200, help="campaigns (default 200)")
    parser.add_argument("--pages", type=int, default=50, help="content pages per language")
    parser.add_argument("--rounds", type=int, default=3, help="repetitions (median reported)")
    parser.add_argument("--workdir", type=Path, default=Path(".cache/bench"))
    parser.add_argument("--json", type=Path, default=Path(__file__).with_name("results.json"))
    parser.add_argument(
        "--serve-edits", type=int, default=3, help="edits of each kind under mkdocs serve"
    )
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve part")
    args = parser.parse_args(argv)
    serve_edits = 0 if args.no_serve else args.serve_edits
    result = run(args.size, args.pages, args.rounds, args.workdir.resolve(), serve_edits)
    print(table(result))
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
