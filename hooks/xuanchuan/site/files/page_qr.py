"""The QR code printed in a web page's footer, as inline SVG (or a PNG picture), cached on
disk.

Finding a QR code's best mask takes tens of milliseconds; with hundreds of pages that was
most of an unchanged rebuild, so each code is kept by a hash of its address, and a first
build draws the missing ones on every core before the pages are rendered.
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path

from ...core.disk_cache import absent, add_damaged, cache_key, cached_bytes, take_damaged
from ...core.workers import worker_pool

# The densest QR code (37 modules a side) printed codes may be: at the 25 mm a printed page
# gives its code, a module is still over half a millimetre, which any phone reads.
MOST_PRINTABLE = 5
# Below this many codes per core, starting worker processes costs more than it saves.
_CODES_PER_WORKER = 4


def qr_svg(url: str, cache_dir: Path) -> str:
    import segno

    def make() -> bytes:
        svg = segno.make(url, error="m").svg_inline(scale=1, border=2, omitsize=True)
        return svg.encode("utf-8")

    return cached_bytes(_path(url, cache_dir), make).decode("utf-8")


def qr_png(url: str, cache_dir: Path | None, scale: int = 8) -> bytes:
    """The same code as a PNG picture, ``scale`` pixels a module: for pages that carry
    their pictures inside them (an article pasted into WeChat keeps no inline SVG). Kept
    in ``cache_dir`` unless it is None."""
    import io

    import segno

    def make() -> bytes:
        out = io.BytesIO()
        segno.make(url, error="m").save(out, kind="png", scale=scale, border=2)
        return out.getvalue()

    if cache_dir is None:
        return make()
    key = cache_key(segno.__version__, f"png-{scale}", url)
    return cached_bytes(cache_dir / f"{key}.png", make)


def qr_version(url: str) -> int:
    """The QR version (size: 21 + 4 x version modules a side) that holds ``url``."""
    import segno

    return segno.make(url, error="m").version


def prepare_qr_codes(urls, cache_dir: Path, workers: int | None = None) -> int:
    """Draw, in parallel, the codes of ``urls`` not kept yet; how many were drawn."""
    missing = sorted({url for url in urls if absent(_path(url, cache_dir))})
    workers = min(workers or os.cpu_count() or 1, len(missing) // _CODES_PER_WORKER)
    if workers < 2:
        return 0  # the few missing ones are drawn as their pages render
    with worker_pool(workers) as pool:
        chunk = max(1, len(missing) // (workers * 4))
        found = pool.map(partial(_draw, cache_dir=cache_dir), missing, chunksize=chunk)
        add_damaged(sum(found))
    return len(missing)


def _draw(url: str, cache_dir: Path) -> int:
    """Runs in a worker: keep one code; how many damaged entries it found on the way."""
    qr_svg(url, cache_dir)
    return take_damaged()


def _path(url: str, cache_dir: Path) -> Path:
    import segno

    return cache_dir / f"{cache_key(segno.__version__, url)}.svg"
