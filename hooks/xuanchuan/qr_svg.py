"""The QR code printed in a web page's footer, as inline SVG, cached on disk.

Finding a QR code's best mask takes tens of milliseconds; with hundreds of pages that was
most of an unchanged rebuild, so each code is kept by a hash of its address.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def qr_svg(url: str, cache_dir: Path) -> str:
    import segno

    key = hashlib.sha256(f"{segno.__version__}\n{url}".encode()).hexdigest()[:32]
    path = cache_dir / f"{key}.svg"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    svg = segno.make(url, error="m").svg_inline(scale=1, border=2, omitsize=True)
    cache_dir.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_text(svg, encoding="utf-8")
    os.replace(temporary, path)
    return svg
