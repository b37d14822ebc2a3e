"""Read print files back with poppler and zbar: pages, paper, fonts, text, QR codes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

MM = 72 / 25.4


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return dict(line.split(":", 1) for line in out.stdout.splitlines() if ":" in line)


def page_size_mm(path: Path) -> tuple[float, float]:
    match = re.match(r"\s*([\d.]+) x ([\d.]+) pts", pdf_info(path)["Page size"])
    return tuple(round(float(v) * 25.4 / 72, 1) for v in match.groups())


def pdf_fonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return [line.split() for line in out.stdout.splitlines()[2:]]


def pdf_text(path: Path, *, raw: bool = False) -> str:
    """The text of a PDF, spaces removed; ``raw`` in the order it was drawn, not by where
    it stands (a label over a bar, then the bar's numbers to its right)."""
    options = ["-raw"] if raw else []
    out = subprocess.run(
        ["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True
    )
    return re.sub(r"\s+", "", out.stdout)


def qr_codes(path: Path) -> list[str]:
    # QR codes only: zbar's one-dimensional decoders now and then read a letter out of a
    # row of text or a striped photo.
    out = subprocess.run(
        ["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", str(path)],
        capture_output=True,
        text=True,
    )
    return out.stdout.split()


def svg_qr_picture(svg: str, target: Path, scale: int = 8) -> Path:
    """A page footer's QR code (segno's inline SVG: one path of unit-high strokes, "M x y",
    "m dx dy", "h length") drawn as a PNG that zbar reads."""
    from PIL import Image, ImageDraw

    width, height = map(int, re.search(r'viewBox="0 0 (\d+) (\d+)"', svg, re.I).groups())
    image = Image.new("L", (width * scale, height * scale), 255)
    draw = ImageDraw.Draw(image)
    x = y = 0.0
    for command, first, second in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", svg):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:
            end = x + float(first)
            box = [x * scale, (y - 0.5) * scale, end * scale - 1, (y + 0.5) * scale - 1]
            draw.rectangle(box, fill=0)
            x = end
    image.save(target)
    return target


def svg_qr_version(svg: str, border: int = 2) -> int:
    """The version of a footer's QR code, from its size: 17 + 4 x version modules a side."""
    side = int(re.search(r'viewBox="0 0 (\d+) ', svg, re.I).group(1)) - 2 * border
    return (side - 17) // 4


def panel_text(path: Path, page: int, left_mm: float, width_mm: float, height_mm: float) -> str:
    """The text inside one vertical strip of a page, in reading order, spaces removed."""
    out = subprocess.run(
        [
            "pdftotext",
            "-f",
            str(page),
            "-l",
            str(page),
            "-x",
            str(round(left_mm * MM)),
            "-y",
            "0",
            "-W",
            str(round(width_mm * MM)),
            "-H",
            str(round(height_mm * MM)),
            str(path),
            "-",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return re.sub(r"\s+", "", out.stdout)


def page_picture(path: Path, page: int, target: Path, dpi: int = 150, smooth: bool = True) -> Path:
    """One page of a PDF as a PNG file, for QR codes and looking at pixels. Not ``smooth``:
    every pixel is either ink or paper, with no grey edges (hairlines become one pixel)."""
    stem = target.with_suffix("")
    sharp = [] if smooth else ["-aa", "no", "-aaVector", "no"]
    subprocess.run(
        [
            "pdftoppm",
            "-f",
            str(page),
            "-l",
            str(page),
            "-r",
            str(dpi),
            "-png",
            "-singlefile",
            *sharp,
            str(path),
            str(stem),
        ],
        check=True,
    )
    return stem.with_suffix(".png")


def glyph_texts(path: Path) -> dict[str, list[str]]:
    """For each embedded font, the text each of its glyphs stands for (its ToUnicode map).

    Shaped text shows here: a joined Arabic letter is drawn by several glyphs (its forms),
    a Tibetan stack by one glyph standing for several characters. Text drawn glyph by
    character, unshaped, maps each glyph to one character and each character to one glyph.
    """
    from pypdf import PdfReader

    found: dict[str, list[str]] = {}
    for page in PdfReader(str(path)).pages:
        fonts = page["/Resources"].get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            if "/ToUnicode" not in font:
                continue
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            texts = found.setdefault(str(font["/BaseFont"]), [])
            for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
                for _, target in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
                    texts.append(bytes.fromhex(target).decode("utf-16-be"))
    return found


def embedded_outlines(path: Path) -> dict[str, dict[str, list | Exception]]:
    """For each embedded CFF font, each glyph's outline as fontTools draws it, by the text
    the glyph stands for; an exception where the glyph cannot be drawn (a damaged subset)."""
    import io

    from fontTools.cffLib import CFFFontSet
    from fontTools.pens.recordingPen import RecordingPen
    from pypdf import PdfReader

    found: dict[str, dict[str, list | Exception]] = {}
    for page in PdfReader(str(path)).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            if "/DescendantFonts" not in font or "/ToUnicode" not in font:
                continue
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            if "/FontFile3" not in descriptor:
                continue
            cff = CFFFontSet()
            cff.decompile(io.BytesIO(descriptor["/FontFile3"].get_object().get_data()), None)
            top = cff[cff.fontNames[0]]
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            texts = {
                int(code, 16): bytes.fromhex(target).decode("utf-16-be")
                for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S)
                for code, target in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block)
            }
            outlines = found.setdefault(str(font["/BaseFont"]), {})
            for name in top.charset[1:]:
                pen = RecordingPen()
                try:
                    top.CharStrings[name].draw(pen)
                    outline: list | Exception = pen.value
                except Exception as error:  # what a damaged charstring raises varies
                    outline = error
                outlines[texts.get(int(name.removeprefix("cid")), name)] = outline
    return found


def run_script(name: str, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """A script of tests/fixtures/scripts run in a process of its own with the engine
    importable (what it tests can hang a process: a timeout ends it)."""
    script = Path(__file__).parent / "fixtures" / "scripts" / name
    hooks = Path(__file__).resolve().parent.parent / "hooks"
    return subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(hooks), **(env or {})},
    )  # fmt: skip
