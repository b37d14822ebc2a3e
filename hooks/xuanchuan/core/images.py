"""Checks on the images a campaign uses: present, inside its folder, really an image."""

from __future__ import annotations

from pathlib import Path

MAX_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000
FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def check_image(folder: Path, relative: str) -> str | None:
    """What is wrong with ``relative`` (a path inside ``folder``) as an image, or None."""
    if Path(relative).is_absolute() or relative.startswith(("/", "\\")):
        return (
            f'"{relative}" is an absolute path: expected a path relative to the campaign '
            f"folder, such as photo.jpg"
        )
    base = folder.resolve()
    path = (folder / relative).resolve()
    if not path.is_relative_to(base):
        return (
            f'"{relative}" is outside the campaign folder: expected the image to be inside '
            f"{folder.name}/"
        )
    if not path.is_file():
        return f'"{relative}" does not exist: expected an image file in {folder.name}/'
    size = path.stat().st_size
    if size > MAX_BYTES:
        return (
            f'"{relative}" is {size / 1048576:.0f} MB: expected an image of at most '
            f"{MAX_BYTES // 1048576} MB (a photo from a phone is usually 2-5 MB)"
        )
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            kind, (width, height) = image.format, image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError):
        return f'"{relative}" is not an image: expected a JPEG or PNG photo'
    if kind not in FORMATS:
        return f'"{relative}" is a {kind} image: expected JPEG, PNG, WebP or GIF'
    if width * height > MAX_PIXELS:
        return (
            f'"{relative}" is {width}x{height} pixels: expected at most '
            f"{MAX_PIXELS // 1_000_000} million pixels"
        )
    return None
