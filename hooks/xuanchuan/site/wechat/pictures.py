"""Pictures as an official-account article carries them: at most 1080 pixels wide (what
WeChat shows on the widest phone screens), turned upright, without their camera data,
embedded in the page as ``data:`` addresses.

Photos become JPEG; drawings (few colours, or transparent parts) stay PNG, whose sharp
edges JPEG would blur. The same file always gives the same bytes, and the result is kept
on disk by the file's identity: resizing a phone photo takes a tenth of a second.
"""

from __future__ import annotations

import base64
import io
import json
import math
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from ...core.disk_cache import cache_key, cached_bytes
from ...core.images import FORMATS, MAX_PIXELS

MAX_WIDTH = 1080
JPEG_QUALITY = 85
# More distinct colours than this, with nothing transparent, is a photo saved as PNG.
_DRAWING_COLOURS = 1024
# The EXIF tag saying how a photo was taken, and its values for a camera turned sideways.
_ORIENTATION = 0x0112
_TURNED = (5, 6, 7, 8)
# Raise when how a picture is made changes.
_VERSION = "1"


@dataclass(frozen=True)
class Picture:
    data: bytes
    kind: str  # "jpeg" or "png"
    width: int
    height: int

    @property
    def address(self) -> str:
        """The picture as a ``data:`` address for ``<img src>``."""
        return f"data:image/{self.kind};base64," + base64.b64encode(self.data).decode("ascii")


def file_identity(path: Path) -> list:
    """What changes when the file at ``path`` does (size, modification time, inode),
    without reading it; [] for a file that is not there."""
    try:
        facts = path.stat()
    except OSError:
        return []
    # The inode tells the file apart, however the path reaches it: no need to resolve.
    return [os.path.abspath(path), facts.st_size, facts.st_mtime_ns, facts.st_ino]


def article_picture(path: Path, cache_dir: Path | None = None) -> Picture | None:
    """``path`` made ready for an article; None when it cannot be read as a picture (the
    campaign's checks have told the team already)."""
    if cache_dir is None:
        return _made(path)
    identity = file_identity(path)
    if not identity:
        return None
    import PIL

    key = cache_key("wechat-picture", _VERSION, PIL.__version__, json.dumps(identity))
    kept = cached_bytes(cache_dir / f"{key}.bin", lambda: _pack(_made(path)))
    return _unpack(kept)


def _made(path: Path) -> Picture | None:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path, formats=FORMATS) as opened:
                if opened.width * opened.height > MAX_PIXELS:
                    return None
                if opened.format == "JPEG":
                    # Decoded at the smallest scale still wide enough once turned upright
                    # (a photo taken with the phone turned is stored on its side): faster.
                    width, height = opened.size
                    turned = opened.getexif().get(_ORIENTATION, 1) in _TURNED
                    upright_width = height if turned else width
                    if upright_width > MAX_WIDTH:
                        scale = MAX_WIDTH / upright_width
                        wanted = (math.ceil(width * scale), math.ceil(height * scale))
                        opened.draft("RGB", wanted)
                is_jpeg = opened.format == "JPEG"
                image = ImageOps.exif_transpose(opened)
                image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    drawing = not is_jpeg and _is_drawing(image)
    image = _rgb(image, keep_alpha=drawing)
    if image.width > MAX_WIDTH:
        height = max(1, round(image.height * MAX_WIDTH / image.width))
        image = image.resize((MAX_WIDTH, height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if drawing:
        image.save(out, format="PNG", optimize=True)
    else:
        image.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return Picture(out.getvalue(), "png" if drawing else "jpeg", image.width, image.height)


def _is_drawing(image) -> bool:
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        alpha = image.convert("RGBA").getchannel("A")
        if alpha.getextrema()[0] < 255:
            return True
    return image.getcolors(_DRAWING_COLOURS) is not None


def _rgb(image, keep_alpha: bool):
    """``image`` in a mode JPEG or PNG writes as it shows (palette, 16-bit, CMYK made RGB)."""
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if keep_alpha and has_alpha:
        return image.convert("RGBA")
    if has_alpha:
        # Nothing transparent is left to keep: laid on white, as the article's page is.
        from PIL import Image

        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return image if image.mode in ("RGB", "L") else image.convert("RGB")


def _pack(picture: Picture | None) -> bytes:
    if picture is None:
        return b"{}"
    head = json.dumps({"kind": picture.kind, "width": picture.width, "height": picture.height})
    return head.encode("ascii") + b"\n" + picture.data


def _unpack(kept: bytes) -> Picture | None:
    head, _, data = kept.partition(b"\n")
    facts = json.loads(head)
    if not facts:
        return None
    return Picture(data, facts["kind"], facts["width"], facts["height"])
