"""Checks on the images a campaign uses: present, inside its folder, really a whole picture.

A photo is opened with limits: only the formats a web page and a poster can show, at most
``MAX_BYTES`` on disk and ``MAX_PIXELS`` once decoded (a few hundred bytes can claim a
picture that needs gigabytes of memory), and its pixels are decoded once so that a
half-copied file is found here, with its name, rather than as a grey band on a poster.
"""

from __future__ import annotations

import difflib
import json
import posixpath
import warnings
from pathlib import Path

from .disk_cache import cache_key, cached_bytes
from .messages import Message, msg

MAX_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000
FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
# A JPEG is decoded at an eighth of its size: every byte is still read (a cut-off file is
# still found), in a fraction of the time and memory.
_JPEG_DRAFT_SCALE = 8


# Raise when the checks of a picture's content change.
_CHECK_VERSION = "1"


def check_image(
    folder: Path, relative: str, cache_dir: Path | None = None, *, inside: Path | None = None
) -> Message | None:
    """What is wrong with ``relative`` (a path from ``folder``) as an image, or None.

    The picture must stay inside ``inside``, ``folder`` itself unless said otherwise (a
    report's photos are written from its reports/ folder and may be anywhere in its
    campaign's folder). With ``cache_dir``, the verdict on a file's content is kept there
    by the file's identity (size, modification time, inode): decoding every photo of every
    campaign on every build, preview rebuilds included, costs tens of milliseconds a photo.
    """
    found = _location_problem(folder, relative, folder if inside is None else inside)
    if found or cache_dir is None:
        return found or _content_problem(folder / relative, relative)
    path = folder / relative
    facts = path.stat()
    key = cache_key(
        "image-check",
        _CHECK_VERSION,
        str(path.resolve()),
        relative,
        str(facts.st_size),
        str(facts.st_mtime_ns),
        str(facts.st_ino),
    )
    verdict = cached_bytes(
        cache_dir / f"{key}.json", lambda: _as_json(_content_problem(path, relative))
    )
    return _from_json(verdict)


def _as_json(problem: Message | None) -> bytes:
    # The message is kept unworded, so it is shown in whatever language is chosen later.
    data = (
        None
        if problem is None
        else {"template": problem.template, "plural": problem.plural, "values": problem.values}
    )
    return json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _from_json(data: bytes) -> Message | None:
    found = json.loads(data)
    if found is None:
        return None
    return Message(found["template"], found.get("plural"), found["values"])


def _location_problem(folder: Path, relative: str, inside: Path) -> Message | None:
    # Named from the folder the picture must stay in: "meeting/" or "meeting/reports/".
    below = folder.relative_to(inside).as_posix()
    shown = inside.name if below == "." else f"{inside.name}/{below}"
    if Path(relative).is_absolute() or relative.startswith(("/", "\\")):
        if folder != inside:
            return msg(
                '"{picture}" is an absolute path: expected a path relative to {folder}/, '
                "where the file is, such as photos/photo.jpg",
                picture=relative,
                folder=shown,
            )
        return msg(
            '"{picture}" is an absolute path: expected a path relative to the campaign '
            "folder, such as photo.jpg",
            picture=relative,
        )
    written = posixpath.normpath(posixpath.join(below, relative.replace("\\", "/")))
    if written == ".." or written.startswith("../"):
        return msg(
            '"{picture}" is outside the campaign folder: expected the image to be inside {folder}/',
            picture=relative,
            folder=inside.name,
        )
    path = folder / relative
    try:
        path.resolve()
    except RuntimeError:  # Python's word for a loop of links
        return msg(
            '"{picture}" is a link that leads round in a loop: expected the picture itself',
            picture=relative,
        )
    if not path.is_file():
        return msg(
            '"{picture}" does not exist{hint}: expected an image file in {folder}/',
            picture=relative,
            hint=_same_but_for_case(folder, relative),
            folder=shown,
        )
    if not path.resolve().is_relative_to(inside.resolve()):
        return msg(
            '"{picture}" is a link to a file outside {folder}/: expected the picture itself '
            "in the folder (copy it there instead of linking to it)",
            picture=relative,
            folder=inside.name,
        )
    return None


def _same_but_for_case(folder: Path, relative: str) -> Message | str:
    """A hint for a name typed with other capitals: phones and Windows ignore case, the web
    server does not."""
    wanted = folder / relative
    try:
        names = [e.name for e in wanted.parent.iterdir() if not e.name.endswith(".md")]
    except OSError:
        return ""
    same = [name for name in names if name.lower() == wanted.name.lower()]
    close = same or difflib.get_close_matches(wanted.name, names, n=1, cutoff=0.6)
    if not close:
        return ""
    # Named as the file wrote it, folders included: "photos/well.jpg", not "well.jpg".
    where = posixpath.dirname(relative.replace("\\", "/"))
    return msg(' (did you mean "{close}"?)', close=posixpath.join(where, close[0]))


def _content_problem(path: Path, relative: str) -> Message | None:
    size = path.stat().st_size
    if size > MAX_BYTES:
        return msg(
            '"{picture}" is {size} MB: expected an image of at most {limit} MB (a photo from '
            "a phone is usually 2-5 MB)",
            picture=relative,
            size=f"{size / 1048576:.0f}",
            limit=MAX_BYTES // 1048576,
        )
    if _is_svg(path):
        return msg(
            '"{picture}" is an SVG drawing: expected a JPEG or PNG photo (export the drawing '
            "as PNG)",
            picture=relative,
        )
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # Between Pillow's warning limit and its error limit: reported just below.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path, formats=FORMATS) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    return msg(
                        '"{picture}" is {width}x{height} pixels: expected at most {limit} '
                        "million pixels",
                        picture=relative,
                        width=width,
                        height=height,
                        limit=MAX_PIXELS // 1_000_000,
                    )
                if not _decodes(image):
                    return msg(
                        '"{picture}" is damaged or cut short (perhaps it was not copied '
                        "completely): expected the whole picture: copy it again from the "
                        "original",
                        picture=relative,
                    )
    except Image.DecompressionBombError:
        return msg(
            '"{picture}" claims to be a picture of hundreds of millions of pixels (a damaged '
            "or deliberately made file): expected a photo of at most {limit} million pixels",
            picture=relative,
            limit=MAX_PIXELS // 1_000_000,
        )
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return msg('"{picture}" is not an image: expected a JPEG or PNG photo', picture=relative)
    return None


def _decodes(image) -> bool:
    """Whether every pixel of ``image`` can be decoded (ImageFile.LOAD_TRUNCATED_IMAGES is
    left False, so a file that ends early fails here)."""
    if image.format == "JPEG":
        width, height = image.size
        image.draft("RGB", (width // _JPEG_DRAFT_SCALE, height // _JPEG_DRAFT_SCALE))
    try:
        image.load()
    # Pillow's decoders raise several kinds of errors for damaged data; each means the same
    # to the team: the file is not a whole picture.
    except Exception:
        return False
    return True


def _is_svg(path: Path) -> bool:
    if path.suffix.lower() in (".svg", ".svgz"):
        return True
    with path.open("rb") as stream:
        head = stream.read(1024).lower()
    return b"<svg" in head or (head.lstrip().startswith(b"<?xml") and b"svg" in head)
