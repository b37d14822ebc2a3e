"""Web-sized copies of the photos pages show: a phone on a rural connection downloads a
480 px copy, not the 5 MB original a camera or a print shop wants.

Each photo gets JPEG copies at the widths in ``WIDTHS`` that are not wider than itself,
drawn once and kept in the cache. A copy is found again by the original's identity (its
path, size, modification time and inode, which change whenever it is written) and trusted
only while its bytes are those recorded for it. Pages list the copies in ``srcset``; print
files keep using the original.
"""

from __future__ import annotations

import io
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from ...core.disk_cache import cache_key, intact_file, keep, read_kept, store_file
from ...core.log import log
from ...core.messages import msg
from ...core.workers import worker_pool

# A phone, a phone at twice the pixels or a tablet, a desktop column.
WIDTHS = (480, 960, 1600)
_QUALITY = 80
# Raise when copies are drawn differently.
_VERSION = "2"
# Drawing in other processes pays off only beyond a few photos.
_POOL_FROM = 8


@dataclass(frozen=True)
class WebCopy:
    width: int
    height: int
    path: Path  # in the cache


@dataclass(frozen=True)
class WebPhoto:
    original: Path
    copies: tuple[WebCopy, ...]  # narrowest first

    @property
    def width(self) -> int:
        return self.copies[-1].width

    @property
    def height(self) -> int:
        return self.copies[-1].height

    def published_name(self, copy: WebCopy) -> str:
        """The copy's file name on the site, next to where the original would be."""
        return f"{self.original.stem}-{copy.width}w.jpg"


def web_photos(originals: list[Path], cache_dir: Path) -> dict[Path, WebPhoto]:
    """Each original with its web copies, drawing those not in the cache yet."""
    started = time.monotonic()
    found: dict[Path, WebPhoto] = {}
    missing: list[tuple[Path, str]] = []
    for original in sorted(set(originals)):
        key = _identity_key(original)
        photo = _kept(original, key, cache_dir)
        if photo is None:
            missing.append((original, key))
        else:
            found[original] = photo
    if len(missing) >= _POOL_FROM and (os.cpu_count() or 1) > 1:
        with worker_pool(min(len(missing), os.cpu_count() or 1)) as pool:
            drawn = list(pool.map(_draw, [(o, k, cache_dir) for o, k in missing], chunksize=4))
    else:
        drawn = [_draw((o, k, cache_dir)) for o, k in missing]
    for (original, _), photo in zip(missing, drawn, strict=True):
        found[original] = photo
    if found:
        log.info(
            msg(
                "Photos: {made} made into web copies, {reused} reused from cache, {seconds} s",
                made=len(missing),
                reused=len(found) - len(missing),
                seconds=f"{time.monotonic() - started:.1f}",
            )
        )
    return found


def _identity_key(original: Path) -> str:
    facts = original.stat()
    return cache_key(
        "web-photo",
        _VERSION,
        str(original.resolve()),
        str(facts.st_size),
        str(facts.st_mtime_ns),
        str(facts.st_ino),
        ",".join(map(str, WIDTHS)),
    )


def _kept(original: Path, key: str, cache_dir: Path) -> WebPhoto | None:
    record = read_kept(cache_dir / f"{key}.json")
    if record is None:
        return None
    copies = tuple(WebCopy(w, h, cache_dir / name) for w, h, name in json.loads(record))
    if not copies or not all(intact_file(copy.path) for copy in copies):
        return None
    return WebPhoto(original, copies)


def _draw(job: tuple[Path, str, Path]) -> WebPhoto:
    original, key, cache_dir = job
    from PIL import Image, ImageOps

    with Image.open(original) as image:
        image.seek(0)  # the first frame of an animation
        # A JPEG is decoded at the smallest scale that still covers the widest copy.
        image.draft("RGB", (WIDTHS[-1], WIDTHS[-1] * 4))
        picture = ImageOps.exif_transpose(image)
        picture.load()
    if picture.mode in ("RGBA", "LA", "P"):
        picture = picture.convert("RGBA")
        flat = Image.new("RGB", picture.size, (255, 255, 255))
        flat.paste(picture, mask=picture.getchannel("A"))
        picture = flat
    elif picture.mode != "RGB":
        picture = picture.convert("RGB")
    widths = [w for w in WIDTHS if w < picture.width] + [min(picture.width, WIDTHS[-1])]
    copies = []
    # Widest first, each copy made from the one before it: a third less time than making
    # every copy from the original, with no difference to see at these sizes.
    source = picture
    for width in sorted(set(widths), reverse=True):
        height = max(1, round(picture.height * width / picture.width))
        if width != source.width:
            source = source.resize((width, height), Image.LANCZOS)
        out = io.BytesIO()
        # No EXIF, no time: the same photo gives the same bytes.
        source.save(out, "JPEG", quality=_QUALITY, optimize=True, progressive=True)
        path = cache_dir / f"{key}-{width}.jpg"
        store_file(path, out.getvalue())
        copies.insert(0, WebCopy(width, height, path))
    keep(
        cache_dir / f"{key}.json",
        json.dumps([[c.width, c.height, c.path.name] for c in copies]).encode("ascii"),
    )
    return WebPhoto(original, tuple(copies))
