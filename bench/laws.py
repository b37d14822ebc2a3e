"""Search on a site carrying real laws: does the page a reader wants come among the first
three results, and how long until the first result shows — ours against plain Material with
jieba, on the same Markdown, in a real headless Chromium, over HTTP and from a folder.

The laws are LawRefBook/Laws (https://github.com/LawRefBook/Laws): Chinese laws and
regulations as Markdown without front matter. Give a clone (or its git folder) with --laws:

    git clone --depth 1 https://github.com/LawRefBook/Laws ~/Laws
    .venv/bin/python bench/laws.py --laws ~/Laws --size 300
    .venv/bin/python bench/laws.py --laws ~/Laws --size 1564

The site is the benchmark's small corpus (20 campaigns) with the project's starter campaigns
and knowledge pages, and ``--size`` laws added under content/laws/<category>/<title>.zh.md,
chosen in a fixed order: every law a query below wants, the national ones, then local
regulations (DLC/). Figures go to bench/laws-<size>.json and a table.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import unquote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_baseline, write_corpus  # noqa: E402
from run import build  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SKIPPED = ("scripts/", "案例/", "司法解释/")
LOCAL = "DLC/"  # local regulations: taken after the national ones

# A query as a reader of a legal-education site types it -> the law they want.
QUERIES = [
    ("电力设施保护", "电力设施保护条例"),
    ("高压线 保护区", "电力设施保护条例"),
    ("电力法", "电力法"),
    ("电力供应", "电力供应与使用条例"),
    ("安全生产法", "安全生产法"),
    ("试用期", "劳动合同法"),
    ("劳动合同", "劳动合同法"),
    ("工伤认定", "工伤保险条例"),
    ("农民工工资", "保障农民工工资支付条例"),
    ("拖欠 农民工 工资", "保障农民工工资支付条例"),
    ("工会", "工会法"),
    ("职业病", "职业病防治法"),
    ("消防", "消防法"),
    ("道路交通", "道路交通安全法"),
    ("未成年人保护", "未成年人保护法"),
    ("家庭暴力", "反家庭暴力法"),
    ("妇女权益", "妇女权益保障法"),
    ("老年人权益", "老年人权益保障法"),
    ("残疾人保障", "残疾人保障法"),
    ("消费者权益", "消费者权益保护法"),
    ("食品安全", "食品安全法"),
    ("产品质量", "产品质量法"),
    ("个人信息保护", "个人信息保护法"),
    ("电信诈骗", "反电信网络诈骗法"),
    ("网络安全", "网络安全法"),
    ("环境保护", "环境保护法"),
    ("大气污染", "大气污染防治法"),
    ("野生动物", "野生动物保护法"),
    ("森林", "森林法"),
    ("草原", "草原法"),
    ("土地承包", "农村土地承包法"),
    ("村民委员会", "村民委员会组织法"),
    ("居民身份证", "居民身份证法"),
    ("治安管理处罚", "治安管理处罚法"),
    ("婚姻家庭", "婚姻家庭编"),
    ("继承", "继承编"),
    ("侵权责任", "侵权责任编"),
    ("物业管理", "物业管理条例"),
    ("特种设备", "特种设备安全法"),
    ("矿山安全", "矿山安全法"),
    ("社会保险", "社会保险法"),
    ("法律援助", "法律援助法"),
    ("人民调解", "人民调解法"),
    ("义务教育", "义务教育法"),
    ("传染病", "传染病防治法"),
    ("医疗纠纷", "医疗纠纷预防和处理条例"),
    ("献血", "献血法"),
    ("农业保险", "农业保险条例"),
    # The starter campaigns and knowledge pages, added to the same site.
    ("春灌 机井", "spring-irrigation-2027"),
    ("安全生产月 进村", "safety-month-2026"),
    ("农民工返乡", "spring-festival-migrant-workers-2027"),
    ("环卫工人 驿站", "spring-festival-migrant-workers-2027"),
    ("职工体育比赛", "union-sports-2027"),
    ("送文化 工地", "send-culture-worksites-2027"),
    ("医院 普法", "hospital-legal-education-2026"),
    ("触电急救", "electric-shock-first-aid"),
    ("电线断落", "fallen-power-line"),
    ("工会 职工权益", "workers-rights-union-help"),
]
STARTER = Path(__file__).resolve().parents[1]


def law_files(source: Path) -> dict[str, str]:
    """Path in the collection -> its text, from a clone or a bare git folder."""
    git_dir = source / ".git" if (source / ".git").exists() else source
    if (git_dir / "HEAD").is_file():
        names = subprocess.run(
            [
                "git",
                "--git-dir",
                str(git_dir),
                "-c",
                "core.quotepath=off",
                "ls-tree",
                "-r",
                "--name-only",
                "HEAD",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
        names = [n for n in names if _is_law(n)]
        texts = {}
        for name in names:
            texts[name] = subprocess.run(
                ["git", "--git-dir", str(git_dir), "show", f"HEAD:{name}"],
                capture_output=True,
                check=True,
            ).stdout.decode("utf-8", "replace")
        return texts
    return {
        p.relative_to(source).as_posix(): p.read_text(encoding="utf-8", errors="replace")
        for p in sorted(source.rglob("*.md"))
        if _is_law(p.relative_to(source).as_posix())
    }


def _is_law(name: str) -> bool:
    return (
        name.endswith(".md")
        and "/" in name
        and not name.startswith(SKIPPED)
        and not name.endswith("_index.md")
    )


def title_of(name: str) -> str:
    return re.sub(r"\(.*\)$", "", name.rsplit("/", 1)[-1].removesuffix(".md")).strip()


def choose(texts: dict[str, str], size: int) -> dict[str, str]:
    """``size`` laws, one text per title (the latest), those the queries want first."""
    latest: dict[tuple[str, str], str] = {}
    for name in sorted(texts):  # dates sort: the last of a title is its latest version
        latest[(name.split("/", 1)[0], title_of(name))] = name
    wanted = {law for _, law in QUERIES}  # starter pages among them are added anyway
    ordered = sorted(
        latest.items(),
        key=lambda item: (item[0][1] not in wanted, item[1].startswith(LOCAL), item[1]),
    )
    return {f"{folder}/{title}": texts[name] for (folder, title), name in ordered[:size]}


def write_sites(work: Path, laws: dict[str, str]) -> tuple[Path, Path]:
    ours = write_corpus(work / "ours", 20, pages=10)
    for slug in sorted(p.name for p in (STARTER / "campaigns").iterdir() if p.is_dir()):
        shutil.copytree(STARTER / "campaigns" / slug, ours / "campaigns" / slug)
    shutil.copytree(
        STARTER / "content" / "knowledge", ours / "content" / "knowledge", dirs_exist_ok=True
    )
    for key, text in laws.items():
        path = ours / "content" / "laws" / f"{key}.zh.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    baseline = write_baseline(ours, work / "material")
    return ours, baseline


@contextlib.contextmanager
def served(site: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def renderer_memory_mb() -> float:
    """Resident memory of the largest of Chromium's page processes: the one showing the
    page searched, with its search worker."""
    largest = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
            if b"chromium" not in command or b"--type=renderer" not in command:
                continue
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        found = re.search(r"VmRSS:\s+(\d+) kB", status)
        largest = max(largest, int(found.group(1)) if found else 0)
    return largest / 1024


def search(page, query: str, timeout: float = 120_000) -> list[str]:
    page.click("input.md-search__input")
    # The whole query at once, as an input method gives Chinese, then the key that confirms
    # it: typed letter by letter, each prefix is a search of its own, and the first results
    # to show would be those of its first character.
    page.fill("input.md-search__input", query)
    page.keyboard.press("End")
    page.wait_for_function(
        """() => {
            const meta = document.querySelector('.md-search-result__meta');
            return meta && /\\d|No matching|没有/.test(meta.textContent);
        }""",
        timeout=timeout,
    )
    links = page.eval_on_selector_all(
        "li.md-search-result__item > a.md-search-result__link", "as => as.map(a => a.href)"
    )
    return [unquote(link) for link in links]


def law_of(link: str) -> str:
    parts = link.split("#")[0].split("?")[0].rstrip("/").rsplit("/", 2)
    last = re.sub(r"(\.zh)?(\.html)?$", "", parts[-1])
    # A campaign is its folder's index page: named by its folder.
    return parts[-2] if last == "index" and len(parts) > 1 else last


def measure(browser, base: str, home: str) -> dict:
    """Relevance over every query, and the time from opening a page to its first result."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    first = []
    for query, _ in QUERIES[:3]:
        started = time.monotonic()
        page.goto(base + home)
        search(page, query)
        first.append(time.monotonic() - started)
    memory = renderer_memory_mb()
    # The page's own JavaScript heap: from a folder, the search runs inside the page (in
    # the iframe that stands in for a worker), so its index counts here.
    session = context.new_cdp_session(page)
    session.send("Performance.enable")
    metrics = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
    heap = metrics.get("JSHeapUsedSize", 0) / 2**20
    ranks = []
    for query, wanted in QUERIES:
        page.goto(base + home)
        # A page's sections are listed under it: each page counts once, where it first shows.
        laws = list(dict.fromkeys(law_of(link) for link in search(page, query)))
        ranks.append(laws.index(wanted) + 1 if wanted in laws else None)
    context.close()
    top3 = sum(1 for rank in ranks if rank and rank <= 3)
    return {
        "first_result_seconds": round(statistics.median(first), 2),
        "renderer_mb": round(memory),
        "page_heap_mb": round(heap, 1),
        "top3_share": round(top3 / len(QUERIES), 3),
        "first_share": round(sum(1 for r in ranks if r == 1) / len(QUERIES), 3),
        "ranks": {query: rank for (query, _), rank in zip(QUERIES, ranks, strict=True)},
    }


def qr_versions(project: Path) -> dict:
    """The QR versions of the short addresses printed codes hold, against the pages' own
    addresses (what a code held before short addresses)."""
    import segno
    import yaml

    site_url = yaml.safe_load(
        (project / "mkdocs.yml").read_text(encoding="utf-8").split("\nhooks:")[0]
    )["site_url"]
    short = [
        f"{site_url}{p.relative_to(project / 'site').as_posix()}"
        for p in (project / "site").rglob("s/*.html")
    ]
    pages = [
        f"{site_url}{p.relative_to(project / 'site').as_posix()}"
        for p in (project / "site" / "laws").rglob("*.html")
    ]

    def version(url: str) -> int:
        from urllib.parse import quote

        return segno.make(quote(url, safe=":/"), error="m").version

    return {
        "short_max": max((version(url) for url in short), default=0),
        "page_max": max((version(url) for url in pages), default=0),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--laws", type=Path, required=True, help="a LawRefBook/Laws clone")
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--workdir", type=Path, default=Path(".cache/bench-laws").resolve())
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    laws = choose(law_files(args.laws), args.size)
    starter = {p.name for p in (STARTER / "campaigns").iterdir()} | {
        p.name.split(".")[0] for p in (STARTER / "content" / "knowledge").iterdir()
    }
    missing = sorted(
        {law for _, law in QUERIES} - {key.rsplit("/", 1)[1] for key in laws} - starter
    )
    ours, material = write_sites(args.workdir.resolve(), laws)
    builds = {"ours": build(ours), "material": build(material)}
    builds["ours_warm"] = build(ours)
    builds["material_warm"] = build(material)
    sites = {"ours": ours / "site", "material": material / "site"}
    homes = {"ours": "index.html", "material": "index.zh/"}
    result = {"laws": len(laws), "missing_laws": missing, "sites": {}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"],
        )
        for name, site in sites.items():
            with served(site) as base:
                result["sites"][name] = {"http": measure(browser, base, homes[name])}
            if name == "ours":  # plain Material searches nothing from a folder
                result["sites"][name]["file"] = measure(browser, site.as_uri() + "/", "index.html")
        browser.close()
    for name, site in sites.items():
        # Pages readers read: the short pages printed QR codes open (s/) are redirects.
        files = [p for p in site.rglob("*.html") if "s" not in p.relative_to(site).parts[:2]]
        sizes = sorted(p.stat().st_size for p in files)
        index = sum(p.stat().st_size for p in (site / "search").rglob("*") if p.is_file())
        result["sites"][name].update(
            {
                "warm_build_seconds": round(builds[f"{name}_warm"]["seconds"], 2),
                "median_page_kb": round(sizes[len(sizes) // 2] / 1024, 1),
                "search_files_mb": round(index / 2**20, 2),
                "site_mb": round(
                    sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20, 1
                ),
            }
        )
    result["qr_versions"] = qr_versions(ours)
    out = Path(__file__).with_name(f"laws-{args.size}.json")
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    ours_, material_ = result["sites"]["ours"], result["sites"]["material"]
    print(f"{len(laws)} laws (LawRefBook/Laws); queries: {len(QUERIES)}; missing: {missing}")
    print(f"{'':28}{'ours':>12}{'material':>12}")
    rows = [
        ("wanted page in top 3", ours_["http"]["top3_share"], material_["http"]["top3_share"]),
        ("wanted page first", ours_["http"]["first_share"], material_["http"]["first_share"]),
        (
            "first result, HTTP (s)",
            ours_["http"]["first_result_seconds"],
            material_["http"]["first_result_seconds"],
        ),
        ("first result, file:// (s)", ours_["file"]["first_result_seconds"], "-"),
        ("page heap, file:// (MB)", ours_["file"]["page_heap_mb"], "-"),
        ("page heap, HTTP (MB)", ours_["http"]["page_heap_mb"], material_["http"]["page_heap_mb"]),
        ("page process, HTTP (MB)", ours_["http"]["renderer_mb"], material_["http"]["renderer_mb"]),
        ("warm build (s)", ours_["warm_build_seconds"], material_["warm_build_seconds"]),
        ("median page (KB)", ours_["median_page_kb"], material_["median_page_kb"]),
        ("search files (MB)", ours_["search_files_mb"], material_["search_files_mb"]),
        ("site (MB)", ours_["site_mb"], material_["site_mb"]),
        (
            "QR version: short | own address",
            result["qr_versions"]["short_max"],
            result["qr_versions"]["page_max"],
        ),
    ]
    for label, a, b in rows:
        print(f"{label:<28}{a!s:>12}{b!s:>12}")
    print(f"(written to {out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
