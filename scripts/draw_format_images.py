"""Draw the README's pictures of the banner, the display board and the card deck from the
starter content, in Chinese, into docs-images/: the safety month's banner and deck (it gives
a slogan and card tips of its own), the spring irrigation's board (it has a photo).

    .venv/bin/python scripts/draw_format_images.py

The files are drawn into a temporary cache, as print-times does: the project's own cache
and site are left alone.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from xuanchuan.campaigns.loader import load_campaigns  # noqa: E402
from xuanchuan.campaigns.model import CampaignSet  # noqa: E402
from xuanchuan.mkdocs.project import read_project  # noqa: E402
from xuanchuan.printing.jobs.render import _render  # noqa: E402
from xuanchuan.printing.jobs.run import PrintRequest, plan_campaigns  # noqa: E402
from xuanchuan.printing.text.words import prepare  # noqa: E402

# The campaign each format is shown with.
SLUGS = {
    "banner": "safety-month-2026",
    "board": "spring-irrigation-2027",
    "cards": "safety-month-2026",
}
OUT = ROOT / "docs-images"


def pages(pdf: Path, dpi: float, first: int, last: int, folder: Path) -> list[Image.Image]:
    folder.mkdir(exist_ok=True)
    stem = folder / f"{pdf.stem}-{first}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(first), "-l", str(last), "-png",
                    str(pdf), str(stem)], check=True)  # fmt: skip
    drawn = sorted(
        folder.glob(f"{pdf.stem}-{first}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1])
    )
    return [Image.open(path).convert("RGB") for path in drawn]


def side_by_side(images: list[Image.Image], gap: int = 24) -> Image.Image:
    height = max(image.height for image in images)
    width = sum(image.width for image in images) + gap * (len(images) + 1)
    canvas = Image.new("RGB", (width, height + 2 * gap), "#e0e0e0")
    x = gap
    for image in images:
        canvas.paste(image, (x, gap))
        x += image.width + gap
    return canvas


def main() -> int:
    project = read_project(ROOT / "mkdocs.yml")
    with tempfile.TemporaryDirectory(prefix="format-images-") as temporary:
        folder = Path(temporary)
        campaigns = load_campaigns(project.settings, project.project_dir, cache_dir=folder)
        prepare()
        drawn = {}
        for name, slug in SLUGS.items():
            one = CampaignSet({slug: campaigns.campaigns[slug]})
            plan = plan_campaigns(one, project, PrintRequest(formats=(name,)), folder)
            for print_file, job in plan.planned:
                if job is not None and job.drawer != "poster" and print_file.language == "zh":
                    _, error = _render(job)
                    if error:
                        raise SystemExit(error)
                    drawn[print_file.kind] = Path(job.target)
        # The banner whole; under it its tiled print, sheet by sheet as laid out to be
        # glued (the rows and columns a little apart), and one sheet larger.
        (banner,) = pages(drawn["banner_pdf"], 6, 1, 1, folder)
        from xuanchuan.printing.formats.imposition import tiles

        tiling = tiles((5000, 700), (210, 297))
        sheets = pages(drawn["banner_tiles_pdf"], 5, 1, len(tiling.tiles), folder / "small")
        gap = 3
        step_x, step_y = sheets[0].width + gap, sheets[0].height + gap
        laid = Image.new("RGB", (tiling.columns * step_x, tiling.rows * step_y), "#e0e0e0")
        for tile, sheet in zip(tiling.tiles, sheets, strict=True):
            laid.paste(sheet, ((tile.column - 1) * step_x, (tile.row - 1) * step_y))
        middle = next(t for t in tiling.tiles if (t.row, t.column) == (2, 4))
        (one,) = pages(drawn["banner_tiles_pdf"], 40, middle.number, middle.number, folder)
        width = max(banner.width, laid.width + one.width + 24)
        height = banner.height + max(laid.height, one.height) + 36
        canvas = Image.new("RGB", (width, height), "#e0e0e0")
        canvas.paste(banner, ((width - banner.width) // 2, 12))
        canvas.paste(laid, (12, banner.height + 24))
        canvas.paste(one, (width - one.width - 12, banner.height + 24))
        canvas.save(OUT / "format-banner.png", optimize=True)
        (board,) = pages(drawn["board_pdf"], 16, 1, 1, folder)
        board.save(OUT / "format-board.png", optimize=True)
        sheets = pages(drawn["cards_pdf"], 55, 1, 2, folder)
        cards = side_by_side(sheets)  # the first sheet: its fronts, then its backs
        cards.save(OUT / "format-cards.png", optimize=True)
    for name in ("format-banner.png", "format-board.png", "format-cards.png"):
        print(OUT / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
