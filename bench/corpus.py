"""A synthetic but realistic corpus: campaigns with their reports, and content pages, in
Chinese and English.

The same seed gives the same corpus, byte for byte, so runs can be compared.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from xuanchuan.core.yaml_edit import set_value

PROJECT = Path(__file__).resolve().parent.parent
BENCH_SITE_URL = "https://bench.qxdl.cn/xuanchuan/"

TYPES = ["safe-electricity", "legal-education", "send-culture", "safety-month", "union-work"]
PLACES = ["石卡镇", "东河村", "西岭村", "南湾社区", "工业园区", "营业厅", "莲藕示范区", "港桥工地"]
PLACES_EN = [
    "Shika Town",
    "Donghe Village",
    "Xiling Village",
    "Nanwan Community",
    "Industrial Park",
    "Service Counter",
    "Lotus Demonstration Zone",
    "Gangqiao Site",
]
CHANNELS = ["会议", "宣传车", "标语", "板报", "宣传单", "广播", "视频", "现场咨询"]
LAWS = ["《安全生产法》", "《电力法》", "《电力设施保护条例》", "《工会法》", "《劳动合同法》"]
AUDIENCE = ["农牧民", "电力客户", "职工", "农民工", "医护人员"]
WORDS_ZH = [
    "安全",
    "用电",
    "触电",
    "急救",
    "漏电",
    "保护器",
    "线路",
    "开关",
    "检查",
    "宣传",
    "法律",
    "职工",
    "工会",
    "权益",
    "合同",
    "工资",
    "村民",
    "机井",
    "水泵",
    "春灌",
    "雨季",
    "防潮",
    "电力",
    "设施",
    "保护",
    "活动",
    "讲座",
    "咨询",
    "发放",
    "资料",
    "群众",
    "学习",
]
WORDS_EN = [
    "safety",
    "electricity",
    "electric",
    "shock",
    "first",
    "aid",
    "residual",
    "current",
    "device",
    "wiring",
    "switch",
    "inspection",
    "publicity",
    "law",
    "workers",
    "union",
    "rights",
    "contract",
    "wages",
    "villagers",
    "well",
    "pump",
    "irrigation",
    "season",
    "damp",
    "power",
    "facilities",
    "protection",
    "activity",
    "lecture",
    "advice",
    "leaflets",
    "people",
    "learning",
]


REPORTS = "reports"
REPORTS_PER_CAMPAIGN = 5
LEAFLETS, LEAFLETS_EN = "发放宣传单", "Leaflets handed out"
# Report photos: a few distinct camera-sized pictures, each campaign's reports/photos/
# holding copies of ``PHOTOS_PER_CAMPAIGN`` of them (hard links: the engine knows a photo by
# its path, so each is drawn as its own file, at no cost in disk or time to write).
PHOTOS = 10
PHOTOS_PER_CAMPAIGN = 2
PHOTO_NAMES = [f"photo-{n:02d}.jpg" for n in range(1, PHOTOS + 1)]


@dataclass(frozen=True)
class PoolPhoto:
    """A file of a campaign that is a copy of one of the shared report photos."""

    name: str


def _sentence_zh(rng: random.Random) -> str:
    return "".join(rng.choice(WORDS_ZH) for _ in range(rng.randint(6, 14))) + rng.choice("。。！；")


def _sentence_en(rng: random.Random) -> str:
    words = [rng.choice(WORDS_EN) for _ in range(rng.randint(8, 16))]
    return " ".join(words).capitalize() + "."


def _body(rng: random.Random, characters: int) -> tuple[str, str, list[str], list[str]]:
    zh, en = [], []
    headings_zh, headings_en = [], []
    length = 0
    section = 0
    while length < characters:
        section += 1
        headings_zh.append(f"第{section}部分 {rng.choice(WORDS_ZH)}{rng.choice(WORDS_ZH)}")
        headings_en.append(f"Part {section}: {rng.choice(WORDS_EN)} {rng.choice(WORDS_EN)}")
        zh.append(f"\n## {headings_zh[-1]}\n")
        en.append(f"\n## {headings_en[-1]}\n")
        for _ in range(rng.randint(2, 4)):
            paragraph_zh = "".join(_sentence_zh(rng) for _ in range(rng.randint(3, 6)))
            zh.append(paragraph_zh + "\n")
            en.append(" ".join(_sentence_en(rng) for _ in range(rng.randint(3, 6))) + "\n")
            length += len(paragraph_zh)
        if rng.random() < 0.4:
            items = [rng.choice(WORDS_ZH) + rng.choice(WORDS_ZH) for _ in range(4)]
            zh.append("\n" + "\n".join(f"- {item}" for item in items) + "\n")
            en.append("\n" + "\n".join(f"- {rng.choice(WORDS_EN)}" for _ in items) + "\n")
    return "".join(zh), "".join(en), headings_zh, headings_en


def _photo(rng: random.Random) -> bytes:
    from PIL import Image, ImageDraw

    # Wide enough for the A3 poster's photo box at 150 dpi, as a team's photo should be
    # (a smaller one is warned about on every build).
    image = Image.new("RGB", (1800, 1200), tuple(rng.randint(40, 200) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randint(0, 1600), rng.randint(0, 1000)
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        draw.rectangle((x, y, x + rng.randint(90, 450), y + rng.randint(90, 400)), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def _camera_photo(rng: random.Random) -> bytes:
    """A 2000x1500 JPEG with the texture of a photo (it costs what a photo costs to resize)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (2000, 1500), tuple(rng.randint(40, 200) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.randint(0, 1900), rng.randint(0, 1400)
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        draw.ellipse((x, y, x + rng.randint(40, 500), y + rng.randint(40, 400)), fill=colour)
    grain = Image.effect_noise((500, 375), 40).convert("RGB").resize(image.size)
    buffer = io.BytesIO()
    Image.blend(image, grain, 0.2).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def _front(data: dict) -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n"


def campaign(rng: random.Random, index: int) -> tuple[str, dict[str, str | bytes | PoolPhoto]]:
    kind = TYPES[index % len(TYPES)]
    start = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    end = start + dt.timedelta(days=rng.randint(10, 90))
    slug = f"{kind}-{start:%Y%m%d}-{index:04d}"
    activities = sorted(
        start + dt.timedelta(days=rng.randint(0, (end - start).days))
        for _ in range(rng.randint(3, 10))
    )
    places = rng.sample(range(len(PLACES)), 3)
    has_photo = index % 3 == 0
    body_zh, body_en, sections_zh, sections_en = _body(rng, rng.randint(1000, 3000))
    points = [
        rng.choice(WORDS_ZH) + rng.choice(WORDS_ZH) + rng.choice(WORDS_ZH)
        for _ in range(rng.randint(2, 5))
    ]
    zh = {
        "title": f"{rng.choice(WORDS_ZH)}{rng.choice(WORDS_ZH)}宣传活动{index}",
        "type": kind,
        "summary": _sentence_zh(rng),
        "start": start.isoformat(),
        "end": end.isoformat(),
        "organizer": rng.choice(["城关供电所", "区总工会", "县医院普法小组"]),
        "audience": rng.sample(AUDIENCE, 2),
        "places": [PLACES[i] for i in places],
        "channels": rng.sample(CHANNELS, 4),
        "laws": rng.sample(LAWS, 2),
        "targets": [
            {"label": "参与率", "goal": 95, "actual": rng.randint(60, 99), "unit": "%"},
            {"label": "覆盖率", "goal": 90, "unit": "%"},
            # Counted by the reports: their figures add up to its actual.
            {"label": LEAFLETS, "goal": rng.choice([500, 1000, 2000]), "unit": "份"},
        ],
        "activities": [
            {
                "date": day.isoformat(),
                "title": f"{rng.choice(WORDS_ZH)}{rng.choice(WORDS_ZH)}",
                "place": PLACES[places[n % 3]],
            }
            for n, day in enumerate(activities)
        ],
        "contact": {"hotline": "0000-8123456", "address": PLACES[places[0]]},
        "poster": {"subheadline": _sentence_zh(rng)[:20], "points": points},
    }
    if has_photo:
        zh["poster"]["image"] = "photo.jpg"
    # Long bodies do not fit six leaflet panels: the team picks sections, as the README says.
    zh["leaflet"] = {"sections": sections_zh[:2]}
    en = {
        "title": f"{rng.choice(WORDS_EN).capitalize()} campaign {index}",
        "summary": _sentence_en(rng),
        "places": [PLACES_EN[i] for i in places],
        "targets": [{"label": "Participation"}, {"label": "Coverage"}, {"label": LEAFLETS_EN}],
        "activities": [{"title": rng.choice(WORDS_EN)} for _ in activities],
        "poster": {
            "subheadline": _sentence_en(rng)[:40],
            "points": [rng.choice(WORDS_EN) for _ in points],
        },
        "leaflet": {"sections": sections_en[:2]},
    }
    files: dict[str, str | bytes | PoolPhoto] = {
        "index.zh.md": _front(zh) + body_zh,
        "index.en.md": _front(en) + body_en,
    }
    if has_photo:
        files["photo.jpg"] = _photo(rng)
    files.update(_reports(rng, zh, en["activities"], start, end))
    return slug, files


def _reports(rng: random.Random, zh: dict, titles_en: list[dict], start, end) -> dict:
    """``REPORTS_PER_CAMPAIGN`` reports in both languages: on the days of the schedule's
    first activities (named by their date, or their title where the date is shared), then
    on other days of the campaign; each with figures for the counted target and photos."""
    schedule = zh["activities"]
    dates = [a["date"] for a in schedule]
    titles = [a["title"] for a in schedule]
    chosen = rng.sample(PHOTO_NAMES, PHOTOS_PER_CAMPAIGN)
    files: dict[str, str | PoolPhoto] = {}
    for number in range(REPORTS_PER_CAMPAIGN):
        meta: dict = {}
        if number < len(schedule):
            activity = schedule[number]
            day = activity["date"]
            if dates.count(day) == 1:
                meta["activity"] = day
            elif titles.count(activity["title"]) == 1:
                meta["activity"] = activity["title"]
            title_en = titles_en[number]["title"]
        else:
            day = (start + dt.timedelta(days=rng.randint(0, (end - start).days))).isoformat()
            title_en = rng.choice(WORDS_EN)
        place = rng.randrange(len(PLACES))
        photos = rng.sample(chosen, rng.randint(1, len(chosen)))
        zh_meta = {
            "title": f"{rng.choice(WORDS_ZH)}{rng.choice(WORDS_ZH)}简报{number + 1}",
            "date": day,
            **meta,
            "place": PLACES[place],
            "people": rng.randint(20, 400),
            "photos": [{"file": f"photos/{name}", "caption": _sentence_zh(rng)} for name in photos],
            "figures": {LEAFLETS: rng.randint(20, 300)},
        }
        en_meta = {
            "title": f"Report {number + 1}: {title_en}",
            "place": PLACES_EN[place],
            "photos": [{"caption": _sentence_en(rng)} for _ in photos],
        }
        body_zh = "".join(_sentence_zh(rng) for _ in range(rng.randint(6, 16)))
        body_en = " ".join(_sentence_en(rng) for _ in range(rng.randint(6, 16)))
        name = f"{REPORTS}/{day}-report-{number + 1}"
        files[f"{name}.zh.md"] = _front(zh_meta) + "\n" + body_zh + "\n"
        files[f"{name}.en.md"] = _front(en_meta) + "\n" + body_en + "\n"
    for photo in chosen:
        files[f"{REPORTS}/photos/{photo}"] = PoolPhoto(photo)
    return files


def write_corpus(root: Path, campaigns: int, pages: int = 50, seed: int = 2026) -> Path:
    """A project in ``root`` with the real engine, theme and settings, and synthetic sources."""
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    (root / "content" / "knowledge").mkdir(parents=True)
    config = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    # A team's own address, as ``xuanchuan init`` writes it: the starter's placeholder
    # would make every print file a draft.
    config = set_value(config, ["site_url"], BENCH_SITE_URL)
    config = config.replace("custom_dir: overrides", f"custom_dir: {PROJECT / 'overrides'}")
    config = config.replace(
        "  - hooks/xuanchuan_hooks.py", f"  - {PROJECT / 'hooks' / 'xuanchuan_hooks.py'}"
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name in ("index", "about"):
        for code in ("zh", "en"):
            text = (PROJECT / "content" / f"{name}.{code}.md").read_text(encoding="utf-8")
            # The starter's knowledge articles are not in the corpus: their links would be
            # broken links (xuanchuan check, and deploy, refuse a site with any).
            text = re.sub(r"^- \[[^\]]*\]\(knowledge/[^)]*\).*\n", "", text, flags=re.M)
            (root / "content" / f"{name}.{code}.md").write_text(text, encoding="utf-8")
    for number in range(pages):
        body_zh, body_en, _, _ = _body(rng, rng.randint(800, 2000))
        title_zh = f"{rng.choice(WORDS_ZH)}{rng.choice(WORDS_ZH)}知识{number}"
        (root / "content" / "knowledge" / f"page-{number:03d}.zh.md").write_text(
            _front({"title": title_zh}) + f"\n# {title_zh}\n" + body_zh, encoding="utf-8"
        )
        title_en = f"Knowledge {number}: {rng.choice(WORDS_EN)}"
        (root / "content" / "knowledge" / f"page-{number:03d}.en.md").write_text(
            _front({"title": title_en}) + f"\n# {title_en}\n" + body_en, encoding="utf-8"
        )
    pool = root / ".photos"
    pool.mkdir()
    photo_rng = random.Random(seed + 1)
    for name in PHOTO_NAMES:
        (pool / name).write_bytes(_camera_photo(photo_rng))
    for index in range(campaigns):
        slug, files = campaign(rng, index)
        folder = root / "campaigns" / slug
        for name, data in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, PoolPhoto):
                os.link(pool / data.name, path)
            elif isinstance(data, bytes):
                path.write_bytes(data)
            else:
                path.write_text(data, encoding="utf-8")
    return root


def _copy(source: str, target: str) -> None:
    # Photos are linked (they are never edited); texts are copied, as the benchmark edits
    # the corpus's and must leave the baseline's as they were.
    if source.endswith(".jpg"):
        os.link(source, target)
    else:
        shutil.copy(source, target)


def write_baseline(corpus: Path, root: Path) -> Path:
    """The same Markdown as a plain Material site: same theme and jieba search, no engine."""
    if root.exists():
        shutil.rmtree(root)
    docs = root / "docs"
    shutil.copytree(corpus / "content", docs)
    for folder in sorted((corpus / "campaigns").iterdir()):
        # Reports and their photos too: Material publishes every file of its docs folder.
        shutil.copytree(folder, docs / "campaigns" / folder.name, copy_function=_copy)
    (root / "mkdocs.yml").write_text(
        "site_name: Baseline\nsite_url: https://example.org/xuanchuan/\n"
        "theme:\n  name: material\n  font: false\n  language: zh\n"
        "  features: [navigation.prune]\nplugins:\n  - search\n"
        "markdown_extensions: [admonition, attr_list, tables]\n",
        encoding="utf-8",
    )
    return root
