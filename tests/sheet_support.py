"""Read imposed sheets back: the lines a PDF page strokes (crop marks), the cells they mark,
and the text inside a region of a page."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

MM = 72 / 25.4


def stroked_lines(path: Path, page: int) -> list[tuple[float, float, float, float]]:
    """Every straight line the page strokes, in mm from its top left: (x0, y0, x1, y1).

    Read from the page's own content stream (pypdf), following the transformations (q, Q,
    cm) in force when the path was stroked."""
    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    reader = PdfReader(str(path))
    pdf_page = reader.pages[page - 1]
    height = float(pdf_page.mediabox.height)
    operations = ContentStream(pdf_page.get_contents(), reader).operations
    matrix, saved = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), []
    path_points: list[list[tuple[float, float]]] = []
    found = []

    def apply(m, x, y):
        a, b, c, d, e, f = m
        return a * x + c * y + e, b * x + d * y + f

    for operands, operator in operations:
        op = operator.decode() if isinstance(operator, bytes) else operator
        values = [float(v) for v in operands] if op in ("cm", "m", "l", "re") else []
        if op == "q":
            saved.append(matrix)
        elif op == "Q":
            matrix = saved.pop()
        elif op == "cm":
            a, b, c, d, e, f = values
            m = matrix
            matrix = (
                a * m[0] + b * m[2], a * m[1] + b * m[3],
                c * m[0] + d * m[2], c * m[1] + d * m[3],
                e * m[0] + f * m[2] + m[4], e * m[1] + f * m[3] + m[5],
            )  # fmt: skip
        elif op == "m":
            path_points.append([apply(matrix, *values)])
        elif op == "l" and path_points:
            path_points[-1].append(apply(matrix, *values))
        elif op in ("S", "s"):
            for points in path_points:
                for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
                    found.append((x0 / MM, (height - y0) / MM, x1 / MM, (height - y1) / MM))
            path_points = []
        elif op in ("f", "F", "f*", "n", "B", "B*", "b", "b*", "W n"):
            path_points = []
    return found


def marked_cells(lines) -> list[tuple[float, float, float, float]]:
    """The trims the crop marks stand for: each vertical mark's x and each horizontal mark's
    y, paired into edges (left, right; top, bottom), give the cells (left, top, right,
    bottom), row by row."""
    xs = sorted({round(x0, 2) for x0, y0, x1, y1 in lines if abs(x0 - x1) < 1e-6})
    ys = sorted({round(y0, 2) for x0, y0, x1, y1 in lines if abs(y0 - y1) < 1e-6})
    columns = list(zip(xs[::2], xs[1::2], strict=True))
    rows = list(zip(ys[::2], ys[1::2], strict=True))
    return [(left, top, right, bottom) for top, bottom in rows for left, right in columns]


def inside(line, cell) -> bool:
    """Whether an axis-aligned line runs through the inside of a cell (not just its edge)."""
    x0, y0, x1, y1 = line
    left, top, right, bottom = cell
    low_x, high_x = sorted((x0, x1))
    low_y, high_y = sorted((y0, y1))
    across = min(high_x, right) - max(low_x, left)
    down = min(high_y, bottom) - max(low_y, top)
    if abs(x0 - x1) < 1e-6:
        return left < x0 < right and down > 0
    return top < y0 < bottom and across > 0


def region_text(path: Path, page: int, cell) -> str:
    """The text inside a region of a page (mm from its top left), spaces removed."""
    left, top, right, bottom = cell
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-x", str(round(left * MM)),
         "-y", str(round(top * MM)), "-W", str(round((right - left) * MM)),
         "-H", str(round((bottom - top) * MM)), str(path), "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return re.sub(r"\s+", "", out.stdout)
