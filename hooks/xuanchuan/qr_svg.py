"""The QR code printed in a web page's footer, as inline SVG, cached on disk.

Finding a QR code's best mask takes tens of milliseconds; with hundreds of pages that was
most of an unchanged rebuild, so each code is kept by a hash of its address.
"""

from __future__ import annotations

from pathlib import Path

from .disk_cache import cache_key, cached_bytes


def qr_svg(url: str, cache_dir: Path) -> str:
    import segno

    def make() -> bytes:
        svg = segno.make(url, error="m").svg_inline(scale=1, border=2, omitsize=True)
        return svg.encode("utf-8")

    path = cache_dir / f"{cache_key(segno.__version__, url)}.svg"
    return cached_bytes(path, make).decode("utf-8")
