"""Draw the photos of the starter campaigns' activity reports, and a poster photo.

The starter reports need pictures the project may publish freely, so they are drawn here
rather than taken from anywhere: simple illustrations of a market stand, a village film
evening, a pump house, a lecture hall, a worksite sign-up desk. Run from the project folder:

    .venv/bin/python scripts/draw_starter_photos.py

The same Pillow draws the same bytes: every random choice comes from a fixed seed per
picture, JPEG quality and subsampling are fixed, and no EXIF or date is written. One picture
is larger (3000 px wide) so that the site's resizing of big photos has something to do.
"""

from __future__ import annotations

import math
import random
import subprocess
import sys
import zlib
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[1]
# Drawn at twice the size, then scaled down: smooth edges everywhere without
# anti-aliasing each shape.
SUPERSAMPLE = 2
QUALITY = 82

SKIN = [(241, 200, 165), (226, 180, 140), (205, 155, 115), (190, 140, 100)]
HAIR = [(35, 30, 28), (50, 40, 35), (70, 55, 45), (120, 115, 110)]
SHIRTS = [
    (196, 60, 57),
    (60, 110, 170),
    (235, 180, 70),
    (90, 140, 95),
    (150, 90, 150),
    (220, 120, 70),
    (240, 240, 235),
    (70, 80, 95),
    (180, 150, 110),
    (110, 160, 190),
]
TROUSERS = [(50, 55, 70), (70, 70, 75), (40, 60, 100), (95, 85, 70)]
POWER_BLUE = (30, 90, 160)
RED = (200, 35, 40)
YELLOW = (255, 214, 70)
WHITE = (250, 250, 248)


@cache
def font_file(bold: bool) -> tuple[str, int]:
    """Noto Sans CJK, found by fontconfig as the print engine finds its fonts."""
    pattern = "Noto Sans CJK SC:bold" if bold else "Noto Sans CJK SC"
    found = subprocess.run(
        ["fc-match", "-f", "%{file}\n%{index}", pattern],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    if "CJK" not in found[0]:
        sys.exit(f"Noto Sans CJK is not installed (fc-match gave {found[0]})")
    return found[0], int(found[1] or 0)


@cache
def font(size: int, bold: bool = True) -> ImageFont.FreeTypeFont:
    path, index = font_file(bold)
    return ImageFont.truetype(path, size * SUPERSAMPLE, index=index)


class Canvas:
    """A picture in final pixels; drawing happens at ``SUPERSAMPLE`` times the size."""

    def __init__(self, width: int, height: int, seed: int):
        self.width, self.height = width, height
        self.image = Image.new("RGB", (width * SUPERSAMPLE, height * SUPERSAMPLE), WHITE)
        self.draw = ImageDraw.Draw(self.image)
        self.random = random.Random(seed)

    @staticmethod
    def _s(*values: float) -> list[int]:
        return [round(v * SUPERSAMPLE) for v in values]

    def rect(self, x0, y0, x1, y1, fill, radius: float = 0, outline=None, width: float = 0):
        box = self._s(x0, y0, x1, y1)
        self.draw.rounded_rectangle(
            box,
            radius=round(radius * SUPERSAMPLE),
            fill=fill,
            outline=outline,
            width=round(width * SUPERSAMPLE),
        )

    def ellipse(self, cx, cy, rx, ry, fill, outline=None, width: float = 0):
        box = self._s(cx - rx, cy - ry, cx + rx, cy + ry)
        self.draw.ellipse(box, fill=fill, outline=outline, width=round(width * SUPERSAMPLE))

    def polygon(self, points, fill):
        self.draw.polygon([tuple(self._s(x, y)) for x, y in points], fill=fill)

    def line(self, points, fill, width: float):
        flat = [tuple(self._s(x, y)) for x, y in points]
        self.draw.line(flat, fill=fill, width=max(1, round(width * SUPERSAMPLE)), joint="curve")
        # Round caps, which Pillow does not draw on its own.
        r = width / 2
        for x, y in (points[0], points[-1]):
            self.ellipse(x, y, r, r, fill)

    def gradient(self, x0, y0, x1, y1, top, bottom):
        """A vertical gradient, one line per row of drawn pixels."""
        a, b = self._s(y0, y1)
        left, right = self._s(x0, x1)
        for y in range(a, b):
            t = (y - a) / max(1, b - a - 1)
            colour = tuple(round(p + (q - p) * t) for p, q in zip(top, bottom, strict=True))
            self.draw.line([(left, y), (right, y)], fill=colour)

    def text(self, x, y, words: str, size: int, fill, bold: bool = True, anchor: str = "mm"):
        self.draw.text(tuple(self._s(x, y)), words, font=font(size, bold), fill=fill, anchor=anchor)

    def fitted_text(self, x, y, words: str, width: float, size: int, fill, bold: bool = True):
        """Centred text, smaller when it would not fit ``width``."""
        while size > 8 and font(size, bold).getlength(words) > width * SUPERSAMPLE:
            size -= 2
        self.text(x, y, words, size, fill, bold)

    def overlay(self, paint, blur: float = 0):
        """Draw with transparency (light beams, shadows): ``paint`` draws on an RGBA layer."""
        layer = Image.new("RGBA", self.image.size, (0, 0, 0, 0))
        paint(ImageDraw.Draw(layer), self._s)
        if blur:
            layer = layer.filter(ImageFilter.GaussianBlur(blur * SUPERSAMPLE))
        self.image.paste(layer, (0, 0), layer)

    def shadows(self, spots, strength: int = 70):
        """Soft ground shadows under people and things, blurred once for all of them."""

        def paint(draw, s):
            for cx, cy, rx, ry in spots:
                draw.ellipse(s(cx - rx, cy - ry, cx + rx, cy + ry), fill=(20, 20, 30, strength))

        self.overlay(paint, blur=6)

    def paste_rotated(self, piece: Image.Image, cx, cy, angle: float):
        """An RGBA piece drawn at the drawing scale, turned by ``angle`` degrees."""
        turned = piece.rotate(angle, resample=Image.BICUBIC, expand=True)
        x, y = self._s(cx, cy)
        self.image.paste(turned, (x - turned.width // 2, y - turned.height // 2), turned)

    def save(self, path: Path) -> None:
        final = self.image.resize((self.width, self.height), Image.LANCZOS)
        path.parent.mkdir(parents=True, exist_ok=True)
        # No exif, no comment, no dates: only the pixels and the fixed JFIF header.
        final.save(path, "JPEG", quality=QUALITY, subsampling=2, optimize=True)

    def pick(self, choices):
        return self.random.choice(choices)


def shade(colour, factor: float):
    return tuple(max(0, min(255, round(c * factor))) for c in colour)


# People ----------------------------------------------------------------------------------


def person(
    c: Canvas,
    x,
    y,
    height,
    *,
    shirt=None,
    trousers=None,
    back=False,
    helmet=None,
    coat=False,
    arm_up: str | None = None,
    skirt=False,
):
    """A standing person, feet at (x, y). ``back`` shows them from behind."""
    shirt = shirt or c.pick(SHIRTS)
    trousers = trousers or c.pick(TROUSERS)
    skin, hair = c.pick(SKIN), c.pick(HAIR)
    head = height * 0.075
    body_w = height * 0.2
    neck = y - height + head * 2.1
    hip = y - height * 0.46
    leg_w = body_w * 0.4
    # Legs, then the body over them.
    if skirt:
        c.polygon(
            [
                (x - body_w * 0.45, hip - 5),
                (x + body_w * 0.45, hip - 5),
                (x + body_w * 0.6, hip + height * 0.22),
                (x - body_w * 0.6, hip + height * 0.22),
            ],
            trousers,
        )
        for side in (-1, 1):
            c.rect(
                x + side * body_w * 0.22 - leg_w * 0.3,
                hip + height * 0.2,
                x + side * body_w * 0.22 + leg_w * 0.3,
                y - height * 0.02,
                skin,
            )
    else:
        for side in (-1, 1):
            c.rect(
                x + side * body_w * 0.24 - leg_w / 2,
                hip - 4,
                x + side * body_w * 0.24 + leg_w / 2,
                y - height * 0.02,
                trousers,
                radius=leg_w * 0.3,
            )
    for side in (-1, 1):
        c.ellipse(
            x + side * body_w * 0.26, y - height * 0.02, leg_w * 0.65, height * 0.022, (40, 35, 35)
        )
    body_bottom = hip + (height * 0.12 if coat else 6)
    c.rect(x - body_w / 2, neck, x + body_w / 2, body_bottom, shirt, radius=body_w * 0.3)
    # Arms: down at the sides, or one raised (a hand up, a microphone, pointing).
    arm_w = body_w * 0.22
    for side in (-1, 1):
        shoulder = (x + side * (body_w / 2 - arm_w * 0.4), neck + arm_w * 0.8)
        if arm_up == ("right" if side == 1 else "left"):
            hand = (shoulder[0] + side * height * 0.12, shoulder[1] - height * 0.22)
        elif arm_up == ("point-right" if side == 1 else "point-left"):
            hand = (shoulder[0] + side * height * 0.3, shoulder[1] + height * 0.02)
        else:
            hand = (shoulder[0] + side * arm_w * 0.25, shoulder[1] + height * 0.32)
        c.line([shoulder, hand], shade(shirt, 0.9), arm_w)
        c.ellipse(hand[0], hand[1], arm_w * 0.45, arm_w * 0.45, skin)
    if coat:
        # An open white coat shows the shirt in a strip down the middle.
        c.rect(
            x - body_w * 0.1,
            neck + 2,
            x + body_w * 0.1,
            hip - height * 0.05,
            (120, 170, 200) if not back else shirt,
        )
    # Neck and head.
    c.rect(x - head * 0.35, neck - head * 0.5, x + head * 0.35, neck + 4, skin)
    head_y = y - height + head
    c.ellipse(x, head_y, head * 0.92, head, hair if back else skin)
    if not back:
        c.polygon(
            [
                (x - head * 0.95, head_y - head * 0.05),
                (x - head * 0.8, head_y - head * 0.8),
                (x, head_y - head * 1.08),
                (x + head * 0.8, head_y - head * 0.8),
                (x + head * 0.95, head_y - head * 0.05),
                (x + head * 0.6, head_y - head * 0.55),
                (x - head * 0.6, head_y - head * 0.55),
            ],
            hair,
        )
        for side in (-1, 1):
            c.ellipse(
                x + side * head * 0.35, head_y + head * 0.05, head * 0.09, head * 0.11, (40, 30, 30)
            )
        c.line(
            [(x - head * 0.25, head_y + head * 0.45), (x + head * 0.25, head_y + head * 0.45)],
            (170, 90, 80),
            head * 0.08,
        )
    if helmet:
        c.polygon(
            [
                (x - head * 1.15, head_y - head * 0.15),
                (x + head * 1.15, head_y - head * 0.15),
                (x + head * 0.95, head_y - head * 0.75),
                (x, head_y - head * 1.2),
                (x - head * 0.95, head_y - head * 0.75),
            ],
            helmet,
        )
        c.rect(
            x - head * 1.25,
            head_y - head * 0.25,
            x + head * 1.25,
            head_y - head * 0.08,
            shade(helmet, 0.85),
            radius=head * 0.08,
        )


def seated_back(c: Canvas, x, y, size, *, shirt=None, hand_up=False):
    """Someone in an audience seen from behind: head and shoulders, base at y."""
    shirt = shirt or c.pick(SHIRTS)
    hair = c.pick(HAIR)
    if hand_up:
        c.line(
            [(x + size * 0.3, y - size * 0.45), (x + size * 0.45, y - size * 1.3)],
            shade(shirt, 0.9),
            size * 0.14,
        )
        c.ellipse(x + size * 0.45, y - size * 1.33, size * 0.08, size * 0.08, c.pick(SKIN))
    c.rect(
        x - size * 0.42, y - size * 0.55, x + size * 0.42, y + size * 0.2, shirt, radius=size * 0.2
    )
    c.ellipse(x, y - size * 0.72, size * 0.21, size * 0.24, hair)


def crowd_rows(c: Canvas, rows, *, hands: int = 0, shirts=None):
    """Rows of seated people seen from behind: rows = [(y, size, x0, x1), ...], far first."""
    for y, size, x0, x1 in rows:
        count = max(1, int((x1 - x0) / (size * 0.95)))
        step = (x1 - x0) / count
        for i in range(count):
            x = x0 + step * (i + 0.5) + c.random.uniform(-size * 0.08, size * 0.08)
            up = hands > 0 and c.random.random() < 0.18
            hands -= up
            seated_back(
                c,
                x,
                y + c.random.uniform(-size * 0.05, size * 0.05),
                size,
                shirt=c.pick(shirts) if shirts else None,
                hand_up=up,
            )


# Things ----------------------------------------------------------------------------------


def banner(c: Canvas, x0, y0, x1, y1, words: str, colour=RED, ink=YELLOW):
    c.rect(x0, y0, x1, y1, colour, radius=4)
    c.rect(x0, y0 + (y1 - y0) * 0.82, x1, y1, shade(colour, 0.8), radius=4)
    c.fitted_text(
        (x0 + x1) / 2, (y0 + y1) / 2 - 2, words, (x1 - x0) * 0.9, round((y1 - y0) * 0.55), ink
    )


def text_lines(c: Canvas, x0, y0, x1, rows: int, gap, colour, width):
    for i in range(rows):
        end = x1 if i % 3 != 2 else x0 + (x1 - x0) * 0.6
        c.line([(x0, y0 + i * gap), (end, y0 + i * gap)], colour, width)


def tree(c: Canvas, x, y, size, leaves=(80, 140, 80)):
    c.rect(x - size * 0.06, y - size * 0.5, x + size * 0.06, y, (110, 80, 55))
    for dx, dy, r in ((0, -0.95, 0.42), (-0.28, -0.7, 0.32), (0.28, -0.7, 0.32)):
        c.ellipse(
            x + dx * size,
            y + dy * size,
            r * size,
            r * size * 0.95,
            shade(leaves, 0.9 + 0.1 * (dx == 0)),
        )


def sky_and_ground(
    c: Canvas,
    horizon,
    sky=((120, 175, 225), (215, 232, 245)),
    ground=((190, 175, 145), (150, 135, 110)),
):
    c.gradient(0, 0, c.width, horizon, *sky)
    c.gradient(0, horizon, c.width, c.height, *ground)


def hills(c: Canvas, horizon, colour):
    points = [(0, horizon)]
    for i in range(9):
        x = c.width * i / 8
        points.append((x, horizon - c.random.uniform(0.04, 0.12) * c.height))
    points.append((c.width, horizon))
    c.polygon(points, colour)


def clouds(c: Canvas, count, top, bottom):
    for _ in range(count):
        x = c.random.uniform(0, c.width)
        y = c.random.uniform(top, bottom)
        w = c.random.uniform(0.08, 0.16) * c.width
        for k in range(4):
            c.ellipse(
                x + (k - 1.5) * w * 0.28,
                y - (k % 2) * w * 0.08,
                w * 0.22,
                w * 0.13,
                (252, 252, 255),
            )


def tent(c: Canvas, x0, x1, top, bottom, colour, words: str):
    """A market canopy with a banner along its front."""
    w = x1 - x0
    c.polygon(
        [
            (x0 - w * 0.04, top + w * 0.1),
            (x0 + w * 0.15, top),
            (x1 - w * 0.15, top),
            (x1 + w * 0.04, top + w * 0.1),
        ],
        colour,
    )
    for x in (x0, x1):
        c.rect(x - 5, top + w * 0.1, x + 5, bottom, (200, 200, 205))
    banner(c, x0 - w * 0.04, top + w * 0.1, x1 + w * 0.04, top + w * 0.17, words)


def table(c: Canvas, x0, x1, top, bottom, cloth=(245, 245, 240)):
    c.rect(x0, top, x1, bottom, cloth, radius=4)
    c.rect(x0, top, x1, top + (bottom - top) * 0.12, shade(cloth, 0.92))


def leaflet_stack(c: Canvas, x, y, w, colour):
    for k in range(4):
        c.rect(
            x,
            y - k * 3,
            x + w,
            y - k * 3 + w * 0.18,
            shade(WHITE, 0.97 - k * 0.01),
            outline=(200, 200, 200),
            width=1,
        )
    c.rect(x + w * 0.1, y - 12 + 2, x + w * 0.9, y - 12 + w * 0.08, colour)


# Scenes ----------------------------------------------------------------------------------


def market_stand(c: Canvas):
    """The advice stall on market day: a blue canopy, leaflets, people asking questions."""
    horizon = c.height * 0.5
    sky_and_ground(c, horizon)
    clouds(c, 5, c.height * 0.05, c.height * 0.25)
    hills(c, horizon, (140, 170, 150))
    # Other stalls along the street, smaller and paler.
    for i in range(6):
        x = c.width * (0.02 + i * 0.17)
        colour = c.pick([(230, 120, 90), (240, 200, 90), (120, 170, 210), (150, 190, 120)])
        c.polygon(
            [
                (x, horizon + 30),
                (x + 120, horizon - 30),
                (x + 260, horizon - 30),
                (x + 330, horizon + 30),
            ],
            shade(colour, 0.95),
        )
        c.rect(x + 30, horizon + 30, x + 300, horizon + 110, (215, 205, 185))
    for i in range(9):
        person(
            c,
            c.width * (0.05 + i * 0.11) + c.random.uniform(-30, 30),
            horizon + 170,
            190,
            back=c.random.random() < 0.5,
        )
    # The power-supply station's stand.
    x0, x1 = c.width * 0.24, c.width * 0.76
    tent(c, x0, x1, c.height * 0.22, c.height * 0.8, POWER_BLUE, "安全用电 咨询服务")
    # A roll-up poster beside the stand.
    px = c.width * 0.83
    c.rect(
        px - 110,
        c.height * 0.36,
        px + 110,
        c.height * 0.82,
        WHITE,
        outline=(180, 180, 180),
        width=3,
    )
    c.rect(px - 110, c.height * 0.36, px + 110, c.height * 0.45, POWER_BLUE)
    c.text(px, c.height * 0.405, "安全用电", 54, WHITE)
    text_lines(c, px - 80, c.height * 0.5, px + 80, 8, 34, (150, 160, 175), 9)
    c.rect(px - 20, c.height * 0.82, px + 20, c.height * 0.84, (90, 90, 95))
    # Two electricians behind the table, then the table with leaflets.
    person(c, c.width * 0.4, c.height * 0.78, 470, shirt=POWER_BLUE, trousers=(35, 55, 90))
    person(
        c,
        c.width * 0.6,
        c.height * 0.78,
        460,
        shirt=POWER_BLUE,
        trousers=(35, 55, 90),
        arm_up="point-left",
    )
    table(c, c.width * 0.28, c.width * 0.72, c.height * 0.64, c.height * 0.8)
    for i in range(5):
        leaflet_stack(
            c,
            c.width * (0.31 + i * 0.08),
            c.height * 0.635,
            110,
            [RED, POWER_BLUE, (60, 140, 80)][i % 3],
        )
    # Villagers in front, seen from behind, with their shadows.
    spots = []
    front = [
        (0.12, 0.98, 560),
        (0.3, 1.0, 600),
        (0.5, 1.02, 620),
        (0.69, 0.99, 590),
        (0.9, 1.0, 580),
    ]
    for fx, fy, h in front:
        spots.append((c.width * fx, c.height * fy - 8, h * 0.25, h * 0.04))
    c.shadows(spots)
    for fx, fy, h in front:
        person(c, c.width * fx, c.height * fy, h, back=True, skirt=c.random.random() < 0.3)


def leaflets_and_cards(c: Canvas):
    """Seen from above: leaflets, fanned playing cards and a mug on a wooden table."""
    c.gradient(0, 0, c.width, c.height, (176, 128, 86), (150, 105, 70))
    for _ in range(40):
        y = c.random.uniform(0, c.height)
        c.line(
            [(0, y), (c.width, y + c.random.uniform(-20, 20))],
            shade((160, 115, 78), c.random.uniform(0.9, 1.1)),
            c.random.uniform(2, 6),
        )
    big = SUPERSAMPLE

    def leaflet(colour, title):
        w, h = 620 * big, 860 * big
        piece = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        d = ImageDraw.Draw(piece)
        d.rectangle(
            (0, 0, w - 1, h - 1), fill=(252, 251, 246), outline=(200, 200, 195), width=2 * big
        )
        d.rectangle((0, 0, w, 170 * big), fill=colour)
        d.text((w // 2, 85 * big), title, font=font(64), fill=WHITE, anchor="mm")
        for row in range(14):
            y = (230 + row * 40) * big
            end = w - 60 * big if row % 4 != 3 else w // 2
            d.line((60 * big, y, end, y), fill=(160, 165, 170), width=10 * big)
        d.rectangle((60 * big, 800 * big - 160 * big, 200 * big, 780 * big), fill=(40, 40, 40))
        return piece

    def card(mark, red):
        w, h = 250 * big, 350 * big
        piece = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        d = ImageDraw.Draw(piece)
        d.rounded_rectangle(
            (0, 0, w - 1, h - 1),
            radius=24 * big,
            fill=WHITE,
            outline=(190, 190, 190),
            width=2 * big,
        )
        ink = RED if red else (30, 30, 35)
        d.text((34 * big, 44 * big), mark, font=font(44), fill=ink, anchor="mm")
        # A lightning sign in a triangle: each card carries one safety tip.
        cx, cy = w // 2, h // 2 - 10 * big
        d.polygon(
            [(cx, cy - 70 * big), (cx + 80 * big, cy + 60 * big), (cx - 80 * big, cy + 60 * big)],
            fill=YELLOW,
            outline=(30, 30, 30),
            width=6 * big,
        )
        d.polygon(
            [
                (cx + 8 * big, cy - 35 * big),
                (cx - 20 * big, cy + 15 * big),
                (cx, cy + 15 * big),
                (cx - 10 * big, cy + 45 * big),
                (cx + 22 * big, cy - 2 * big),
                (cx + 2 * big, cy - 2 * big),
            ],
            fill=(30, 30, 30),
        )
        for row in range(2):
            d.line(
                (40 * big, (250 + row * 34) * big, w - 40 * big, (250 + row * 34) * big),
                fill=(170, 170, 170),
                width=8 * big,
            )
        return piece

    def shadowed(piece):
        pad = 40 * big
        out = Image.new("RGBA", (piece.width + 2 * pad, piece.height + 2 * pad), (0, 0, 0, 0))
        mask = Image.new("L", out.size, 0)
        mask.paste(piece.getchannel("A"), (pad + 10 * big, pad + 14 * big))
        mask = mask.filter(ImageFilter.GaussianBlur(12 * big)).point(lambda v: v * 90 // 255)
        out.paste((30, 20, 10, 255), (0, 0), mask)
        out.alpha_composite(piece, (pad, pad))
        return out

    c.paste_rotated(shadowed(leaflet(RED, "安全用电常识")), c.width * 0.3, c.height * 0.42, 8)
    c.paste_rotated(
        shadowed(leaflet(POWER_BLUE, "电力设施保护")), c.width * 0.52, c.height * 0.5, -6
    )
    c.paste_rotated(
        shadowed(leaflet((60, 140, 80), "触电急救")), c.width * 0.4, c.height * 0.62, 21
    )
    marks = ["A", "K", "Q", "J", "10", "9", "8"]
    for i, mark in enumerate(marks):
        angle = 40 - i * 13
        r = 260
        cx = c.width * 0.78 + r * math.sin(math.radians(-angle)) * 0.6
        cy = c.height * 0.7 - r * math.cos(math.radians(angle)) * 0.3
        c.paste_rotated(shadowed(card(mark, i % 2 == 0)), cx, cy, angle)
    # A tea mug in the corner.
    c.shadows([(c.width * 0.86, c.height * 0.22, 150, 150)], strength=90)
    c.ellipse(c.width * 0.85, c.height * 0.2, 140, 140, (235, 235, 230))
    c.ellipse(c.width * 0.85, c.height * 0.2, 112, 112, (150, 110, 60))
    c.ellipse(c.width * 0.85 - 30, c.height * 0.2 - 30, 30, 20, (185, 145, 90))


def village_film(c: Canvas):
    """An evening showing on the village square: a screen, a beam of light, an audience."""
    horizon = c.height * 0.55
    c.gradient(0, 0, c.width, horizon, (20, 28, 60), (70, 60, 100))
    c.gradient(0, horizon, c.width, c.height, (45, 45, 55), (25, 25, 32))
    for _ in range(70):
        x, y = c.random.uniform(0, c.width), c.random.uniform(0, horizon * 0.7)
        r = c.random.uniform(1.2, 3)
        c.ellipse(x, y, r, r, (235, 235, 210))
    for i in range(7):
        tree(c, c.width * (0.03 + i * 0.16), horizon + 40, 360, leaves=(25, 40, 45))
    # The culture room with its lit door and windows.
    c.rect(c.width * 0.02, horizon - 240, c.width * 0.26, horizon + 60, (70, 65, 70))
    c.polygon(
        [
            (c.width * 0.0, horizon - 240),
            (c.width * 0.14, horizon - 340),
            (c.width * 0.28, horizon - 240),
        ],
        (55, 45, 50),
    )
    for wx in (0.06, 0.18):
        c.rect(c.width * wx, horizon - 170, c.width * wx + 90, horizon - 80, (250, 215, 130))
    c.rect(c.width * 0.115, horizon - 140, c.width * 0.115 + 90, horizon + 60, (240, 200, 120))
    # The screen on two poles, showing the safety film.
    sx0, sx1, sy0, sy1 = c.width * 0.38, c.width * 0.88, c.height * 0.12, c.height * 0.5
    for x in (sx0 - 14, sx1 + 14):
        c.rect(x - 8, sy0 - 30, x + 8, horizon + 90, (90, 80, 70))
    c.rect(sx0, sy0, sx1, sy1, (245, 245, 240))
    c.gradient(sx0 + 20, sy0 + 20, sx1 - 20, sy1 - 20, (150, 200, 235), (130, 185, 130))
    # In the picture: a power pole and a warning sign.
    px = sx0 + (sx1 - sx0) * 0.3
    c.rect(px - 10, sy0 + 60, px + 10, sy1 - 20, (110, 90, 70))
    c.rect(px - 90, sy0 + 80, px + 90, sy0 + 95, (110, 90, 70))
    c.line([(sx0 + 20, sy0 + 100), (px, sy0 + 85), (sx1 - 20, sy0 + 120)], (40, 40, 40), 4)
    tx, ty = sx0 + (sx1 - sx0) * 0.68, (sy0 + sy1) / 2
    c.polygon([(tx, ty - 150), (tx + 165, ty + 120), (tx - 165, ty + 120)], YELLOW)
    c.text(tx, ty + 30, "!", 170, (30, 30, 30))
    c.fitted_text((sx0 + sx1) / 2, sy1 - 50, "安全用电 从我做起", (sx1 - sx0) * 0.6, 58, WHITE)
    # The beam from the projector behind the audience.
    proj = (c.width * 0.5, c.height * 0.86)

    def beam(draw, s):
        draw.polygon(
            [
                tuple(s(*proj)),
                tuple(s(sx0, sy1 - 10)),
                tuple(s(sx0, sy0 + 10)),
                tuple(s(sx1, sy0 + 10)),
                tuple(s(sx1, sy1 - 10)),
            ],
            fill=(255, 250, 220, 34),
        )

    c.overlay(beam, blur=10)
    crowd_rows(
        c,
        [
            (c.height * 0.66, 90, c.width * 0.08, c.width * 0.95),
            (c.height * 0.74, 115, c.width * 0.04, c.width * 0.97),
            (c.height * 0.84, 145, 0, c.width),
            (c.height * 0.97, 185, -40, c.width + 40),
        ],
        shirts=[(45, 50, 65), (60, 55, 60), (40, 45, 50), (70, 60, 55), (55, 65, 75)],
    )
    c.rect(proj[0] - 60, proj[1] - 40, proj[0] + 60, proj[1] + 30, (60, 60, 65), radius=8)
    c.ellipse(proj[0], proj[1] - 40, 26, 18, (255, 245, 200))


def pump_house(c: Canvas):
    """Electricians and the publicity van at a village pump house, fields all around."""
    horizon = c.height * 0.45
    sky_and_ground(c, horizon, ground=((150, 185, 100), (110, 150, 75)))
    clouds(c, 6, c.height * 0.04, c.height * 0.22)
    hills(c, horizon, (120, 150, 125))
    # Rows of young crops running to the horizon.
    for i in range(-14, 30):
        x = c.width * 0.5 + i * 140
        c.line([(c.width * 0.5 + i * 18, horizon + 4), (x, c.height)], (95, 140, 65), 10)
    # The power line coming in over the fields.
    poles = [(c.width * 0.08, horizon + 10, 190), (c.width * 0.6, horizon + 40, 560)]
    for x, base, h in poles:
        c.rect(x - h * 0.025, base - h, x + h * 0.025, base, (130, 120, 110))
        c.rect(x - h * 0.22, base - h * 0.93, x + h * 0.22, base - h * 0.9, (90, 90, 95))
    for dx in (-0.2, 0, 0.2):
        c.line(
            [
                (poles[0][0] + dx * 190, poles[0][1] - 190 * 0.93),
                (poles[1][0] + dx * 560, poles[1][1] - 560 * 0.93),
            ],
            (50, 50, 55),
            3,
        )
    # The pump house: brick walls, a tin roof, a switch box with a warning.
    hx0, hx1, hy0, hy1 = c.width * 0.26, c.width * 0.52, c.height * 0.4, c.height * 0.74
    c.shadows([((hx0 + hx1) / 2 + 40, hy1, (hx1 - hx0) * 0.6, 40)])
    c.rect(hx0, hy0, hx1, hy1, (180, 95, 70))
    for row in range(int((hy1 - hy0) / 34)):
        y = hy0 + row * 34
        c.line([(hx0, y), (hx1, y)], (150, 80, 60), 3)
        offset = 0 if row % 2 else 40
        for x in range(int(hx0 + offset), int(hx1), 80):
            c.line([(x, y), (x, y + 34)], (150, 80, 60), 3)
    c.polygon(
        [(hx0 - 40, hy0 + 5), (hx1 + 40, hy0 + 5), (hx1 + 10, hy0 - 90), (hx0 - 10, hy0 - 90)],
        (150, 160, 170),
    )
    c.rect(hx0 + 60, hy0 + 150, hx0 + 220, hy1, (90, 110, 120))
    c.rect(hx0 - 30, hy0 + 30, hx1 + 30, hy0 + 100, WHITE, radius=6)
    c.text((hx0 + hx1) / 2, hy0 + 65, "柳树湾村 3号机井", 44, (40, 40, 45))
    bx = hx1 - 330
    c.rect(bx, hy0 + 150, bx + 150, hy0 + 350, (195, 200, 205), radius=6)
    c.rect(bx + 15, hy0 + 170, bx + 135, hy0 + 225, YELLOW)
    c.text(bx + 75, hy0 + 197, "有电危险", 26, RED)
    c.line([(poles[1][0] - 40, poles[1][1] - 500), (bx + 75, hy0 + 150)], (40, 40, 45), 4)
    # Two electricians, one checking the box.
    c.shadows([(bx + 390, hy1 + 110, 110, 18), (bx + 600, hy1 + 150, 120, 20)])
    person(
        c,
        bx + 390,
        hy1 + 110,
        520,
        shirt=POWER_BLUE,
        trousers=(35, 55, 90),
        helmet=YELLOW,
        arm_up="point-left",
    )
    person(c, bx + 600, hy1 + 150, 540, shirt=POWER_BLUE, trousers=(35, 55, 90), helmet=YELLOW)
    # The publicity van with its loudspeaker and banner.
    vx, vy = c.width * 0.64, c.height * 0.95
    c.shadows([(vx + 260, vy, 340, 30)])
    c.rect(vx, vy - 330, vx + 540, vy - 60, WHITE, radius=30)
    c.polygon(
        [(vx + 540, vy - 330), (vx + 620, vy - 220), (vx + 620, vy - 60), (vx + 540, vy - 60)],
        (240, 240, 238),
    )
    c.polygon([(vx + 555, vy - 310), (vx + 608, vy - 225), (vx + 555, vy - 225)], (140, 180, 210))
    banner(c, vx + 20, vy - 260, vx + 520, vy - 170, "安全用电宣传车")
    for wx in (vx + 120, vx + 480):
        c.ellipse(wx, vy - 55, 62, 62, (35, 35, 40))
        c.ellipse(wx, vy - 55, 28, 28, (170, 170, 175))
    c.rect(vx + 230, vy - 400, vx + 250, vy - 330, (90, 90, 95))
    c.polygon(
        [(vx + 240, vy - 420), (vx + 330, vy - 460), (vx + 330, vy - 360), (vx + 240, vy - 390)],
        (200, 200, 205),
    )


def village_quiz(c: Canvas):
    """A prize quiz outside the village office at dusk: a banner, a host, raised hands."""
    horizon = c.height * 0.58
    c.gradient(0, 0, c.width, horizon, (70, 90, 150), (245, 175, 120))
    c.gradient(0, horizon, c.width, c.height, (150, 130, 110), (95, 85, 75))
    # The village office: white walls, a tiled roof, its sign.
    ox0, ox1 = c.width * 0.1, c.width * 0.9
    c.rect(ox0, horizon - 330, ox1, horizon + 20, (232, 226, 214))
    c.polygon(
        [
            (ox0 - 40, horizon - 330),
            (ox1 + 40, horizon - 330),
            (ox1 - 40, horizon - 440),
            (ox0 + 40, horizon - 440),
        ],
        (165, 70, 55),
    )
    for i in range(6):
        x = ox0 + 80 + i * (ox1 - ox0 - 160) / 5
        c.rect(x - 60, horizon - 250, x + 60, horizon - 130, (250, 215, 140))
        c.line([(x, horizon - 250), (x, horizon - 130)], (200, 190, 180), 6)
    c.rect(c.width * 0.42, horizon - 320, c.width * 0.58, horizon - 275, WHITE)
    c.text(c.width * 0.5, horizon - 297, "北营村村委会", 34, (40, 40, 45))
    banner(
        c, c.width * 0.3, horizon - 120, c.width * 0.86, horizon - 20, "安全用电录像放映和有奖问答"
    )
    # The host with a microphone, a table of prizes.
    c.shadows([(c.width * 0.2, horizon + 205, 90, 14), (c.width * 0.62, horizon + 200, 260, 24)])
    person(
        c,
        c.width * 0.2,
        horizon + 205,
        400,
        shirt=POWER_BLUE,
        trousers=(35, 55, 90),
        arm_up="right",
    )
    table(c, c.width * 0.5, c.width * 0.74, horizon + 80, horizon + 200, cloth=(200, 40, 45))
    for i in range(6):
        x = c.width * 0.52 + i * 70
        c.rect(
            x,
            horizon + 30,
            x + 55,
            horizon + 80,
            c.pick([WHITE, YELLOW, (120, 170, 220)]),
            radius=4,
        )
    crowd_rows(
        c,
        [
            (c.height * 0.8, 120, c.width * 0.02, c.width * 0.98),
            (c.height * 0.9, 150, -20, c.width + 20),
            (c.height * 1.02, 190, -60, c.width + 60),
        ],
        hands=6,
    )


def lecture_hall(c: Canvas):
    """A lecture in the hospital's hall: stage, screen, lectern, rows of listeners."""
    c.gradient(0, 0, c.width, c.height * 0.62, (236, 228, 212), (222, 212, 195))
    c.gradient(0, c.height * 0.62, c.width, c.height, (165, 120, 90), (130, 92, 70))
    w, h = c.width, c.height
    # The stage and its banner.
    c.rect(w * 0.08, h * 0.5, w * 0.92, h * 0.6, (150, 50, 45))
    c.rect(w * 0.08, h * 0.5, w * 0.92, h * 0.515, (120, 35, 35))
    banner(c, w * 0.15, h * 0.04, w * 0.85, h * 0.11, "学法知法 依法执业 · 2026年普法专题讲座")
    # The screen with the day's slide.
    c.rect(w * 0.3, h * 0.14, w * 0.78, h * 0.47, (40, 40, 45))
    c.rect(w * 0.31, h * 0.155, w * 0.77, h * 0.455, WHITE)
    c.rect(w * 0.31, h * 0.155, w * 0.77, h * 0.22, (25, 85, 150))
    c.text(w * 0.54, h * 0.188, "《民法典》里的医疗损害责任", 74, WHITE)
    for i, point in enumerate(
        ["告知说明，取得同意", "病历及时如实书写", "保护患者隐私", "纠纷依法解决"]
    ):
        y = h * 0.27 + i * h * 0.045
        c.ellipse(w * 0.35, y, 12, 12, (25, 85, 150))
        c.text(w * 0.37, y, point, 52, (40, 40, 45), bold=False, anchor="lm")
    # The speaker at the lectern.
    person(c, w * 0.2, h * 0.52, 560, shirt=(240, 240, 238), trousers=(60, 60, 70), coat=True)
    c.polygon(
        [(w * 0.16, h * 0.39), (w * 0.26, h * 0.39), (w * 0.25, h * 0.52), (w * 0.17, h * 0.52)],
        (120, 80, 55),
    )
    c.rect(w * 0.17, h * 0.41, w * 0.25, h * 0.44, (200, 170, 110))
    # Rows of seats, each row nearer and larger; white coats and blue scrubs in the audience.
    staff = [
        (245, 245, 242),
        (245, 245, 242),
        (120, 170, 200),
        (90, 140, 170),
        (70, 80, 95),
        (180, 60, 70),
    ]
    rows = []
    for i in range(6):
        y = h * (0.66 + i * 0.075)
        size = 120 + i * 38
        rows.append((y, size, -size, w + size))
    for y, size, _, _ in rows:
        c.rect(0, y - size * 0.1, w, y + size * 0.25, (40, 75, 130))
    crowd_rows(c, rows, shirts=staff)


def department_meeting(c: Canvas):
    """A department's study meeting around a table, a whiteboard behind."""
    w, h = c.width, c.height
    c.gradient(0, 0, w, h * 0.6, (225, 232, 236), (210, 218, 224))
    c.gradient(0, h * 0.6, w, h, (185, 190, 195), (160, 165, 170))
    c.rect(w * 0.08, h * 0.08, w * 0.6, h * 0.5, WHITE, outline=(160, 165, 170), width=8)
    c.text(w * 0.34, h * 0.15, "科室学法会", 80, (25, 85, 150))
    for i, line in enumerate(
        ["1. 病历书写与保管", "2. 患者隐私保护", "3. 案例：微信群里的病历照片"]
    ):
        c.text(w * 0.12, h * 0.24 + i * h * 0.075, line, 54, (50, 50, 60), bold=False, anchor="lm")
    c.rect(w * 0.68, h * 0.1, w * 0.94, h * 0.45, (170, 205, 230))
    c.line([(w * 0.81, h * 0.1), (w * 0.81, h * 0.45)], WHITE, 12)
    c.line([(w * 0.68, h * 0.275), (w * 0.94, h * 0.275)], WHITE, 12)
    # People on the far side of the table facing us, near side seen from behind.
    for i in range(5):
        person(
            c, w * (0.16 + i * 0.17), h * 0.84, 620, shirt=WHITE, coat=True, trousers=(60, 60, 70)
        )
    c.polygon(
        [(w * 0.06, h * 0.62), (w * 0.94, h * 0.62), (w * 1.02, h * 0.86), (w * -0.02, h * 0.86)],
        (235, 225, 205),
    )
    for i in range(6):
        x = w * (0.14 + i * 0.145)
        c.rect(x - 70, h * 0.66, x + 70, h * 0.74, WHITE, outline=(190, 190, 190), width=2)
        text_lines(c, x - 50, h * 0.68, x + 50, 3, 20, (170, 170, 175), 5)
    crowd_rows(
        c,
        [(h * 1.0, 230, w * 0.05, w * 0.95)],
        shirts=[(245, 245, 242), (120, 170, 200), (245, 245, 242)],
    )


def fire_training(c: Canvas):
    """Fire-extinguisher practice in the hospital courtyard."""
    w, h = c.width, c.height
    horizon = h * 0.5
    sky_and_ground(c, horizon, ground=((195, 195, 190), (165, 165, 160)))
    clouds(c, 4, h * 0.04, h * 0.18)
    # The hospital building behind.
    c.rect(w * 0.05, h * 0.12, w * 0.95, horizon + 20, (238, 238, 235))
    for row in range(4):
        for col in range(12):
            x, y = w * 0.08 + col * w * 0.073, h * 0.2 + row * h * 0.075
            c.rect(x, y, x + w * 0.05, y + h * 0.045, (150, 190, 215))
    c.rect(w * 0.36, h * 0.13, w * 0.64, h * 0.18, (25, 110, 90), radius=6)
    c.text(w * 0.5, h * 0.155, "河湾区人民医院", 48, WHITE)
    banner(c, w * 0.2, horizon - 40, w * 0.8, horizon + 30, "消防和安全生产法规培训 · 灭火器实操")
    # The fire in a steel pan.
    fx, fy = w * 0.58, h * 0.8
    c.shadows([(fx, fy + 20, 170, 26)])
    c.rect(fx - 150, fy - 20, fx + 150, fy + 20, (90, 90, 95), radius=6)
    for k, colour in enumerate([(225, 75, 30), (248, 145, 40), (255, 215, 90)]):
        scale = 1 - k * 0.3
        for i, dx in enumerate((-80, -25, 30, 85)):
            flame(
                c,
                fx + dx * scale,
                fy - 18,
                95 * scale,
                (200 + 70 * math.sin(i * 2.1 + k)) * scale,
                (-1) ** i * 18,
                colour,
            )
    # The trainee: the extinguisher in one hand, the hose aimed with the other.
    tx, feet = w * 0.3, h * 0.86
    c.shadows(
        [(tx, feet, 100, 16)] + [(w * x, h * 0.74, 60, 10) for x in (0.12, 0.2, 0.76, 0.84, 0.92)]
    )
    for x in (0.12, 0.2, 0.76, 0.84, 0.92):
        person(
            c,
            w * x,
            h * 0.74,
            380,
            shirt=c.pick([WHITE, (120, 170, 200), (90, 140, 170)]),
            coat=c.random.random() < 0.5,
            trousers=(70, 80, 95),
        )
    person(c, tx, feet, 560, shirt=(120, 170, 200), trousers=(70, 80, 95), arm_up="point-right")
    nozzle = (tx + 214, feet - 440)
    c.rect(tx - 80, feet - 300, tx - 28, feet - 150, RED, radius=14)
    c.rect(tx - 66, feet - 318, tx - 42, feet - 298, (40, 40, 40))
    c.line(
        [(tx - 54, feet - 318), (tx - 20, feet - 360), (nozzle[0] - 40, nozzle[1] + 6), nozzle],
        (40, 40, 40),
        8,
    )

    def spray(draw, s):
        for i in range(14):
            t = i / 13
            x = nozzle[0] + (fx - nozzle[0]) * t
            y = nozzle[1] + (fy - 70 - nozzle[1]) * t
            r = 16 + 80 * t
            draw.ellipse(s(x - r, y - r, x + r, y + r), fill=(255, 255, 255, 140))

    c.overlay(spray, blur=8)


def flame(c: Canvas, x, base, width, height, sway, colour):
    """A tongue of flame: a round foot narrowing to a tip bent by ``sway``."""
    r = width / 2
    points = []
    for i in range(13):
        a = math.pi * i / 12
        points.append((x - r * math.cos(a), base - r + r * math.sin(a)))
    tip = (x + sway, base - height)
    right, left = [], []
    for i in range(1, 12):
        t = i / 12
        # Quadratic curves from each side of the foot to the tip, bulging outwards.
        for side, out in ((1, right), (-1, left)):
            start = (x + side * r, base - r)
            ctrl = (x + side * r * 0.9, base - r - height * 0.45)
            out.append(
                (
                    (1 - t) ** 2 * start[0] + 2 * (1 - t) * t * ctrl[0] + t * t * tip[0],
                    (1 - t) ** 2 * start[1] + 2 * (1 - t) * t * ctrl[1] + t * t * tip[1],
                )
            )
    c.polygon(points + right + [tip] + left[::-1], colour)


def signup_desk(c: Canvas, place: str):
    """Union sign-up at a desk under a red canopy, at a worksite or in the industrial park."""
    w, h = c.width, c.height
    horizon = h * 0.55
    sky_and_ground(c, horizon, ground=((175, 165, 150), (140, 130, 118)))
    clouds(c, 4, h * 0.04, h * 0.2)
    if place == "worksite":
        # A building going up, a tower crane, the workers' two-storey living quarters.
        c.rect(w * 0.58, h * 0.12, w * 0.86, horizon, (175, 175, 170))
        for floor in range(8):
            y = h * 0.12 + floor * (horizon - h * 0.12) / 8
            c.rect(w * 0.58, y, w * 0.86, y + 10, (130, 130, 128))
        cx = w * 0.5
        for side in (-1, 1):
            c.line([(cx + side * 18, horizon), (cx + side * 18, h * 0.04)], (235, 190, 40), 10)
        for k in range(16):
            y = horizon - k * (horizon - h * 0.04) / 16
            c.line([(cx - 18, y), (cx + 18, y - 30)], (235, 190, 40), 5)
        c.line([(cx - w * 0.12, h * 0.05), (cx + w * 0.32, h * 0.05)], (235, 190, 40), 14)
        c.line([(cx + w * 0.25, h * 0.05), (cx + w * 0.25, h * 0.2)], (60, 60, 60), 3)
        c.rect(w * 0.03, h * 0.3, w * 0.45, horizon + 10, (245, 245, 245))
        c.rect(w * 0.03, h * 0.3, w * 0.45, h * 0.33, (40, 100, 170))
        c.rect(w * 0.03, h * 0.42, w * 0.45, h * 0.435, (40, 100, 170))
        for i in range(7):
            x = w * 0.05 + i * w * 0.058
            for y in (h * 0.35, h * 0.46):
                c.rect(x, y, x + w * 0.035, y + h * 0.05, (120, 160, 200))
        title = "农民工入会登记 · 工会工作站"
    else:
        # Factory halls with sawtooth roofs and trees along the avenue.
        for i in range(3):
            x0 = w * (0.02 + i * 0.33)
            c.rect(x0, h * 0.3, x0 + w * 0.3, horizon, (220, 222, 226))
            for k in range(5):
                tx = x0 + k * w * 0.06
                c.polygon(
                    [(tx, h * 0.3), (tx + w * 0.06, h * 0.3), (tx + w * 0.06, h * 0.24)],
                    (150, 160, 175),
                )
            c.rect(x0 + w * 0.05, h * 0.4, x0 + w * 0.25, h * 0.43, (40, 100, 170))
        for i in range(9):
            tree(c, w * (0.04 + i * 0.115), horizon + 30, 240)
        title = "农民工入会集中行动 · 现场登记"
    tent(c, w * 0.22, w * 0.78, h * 0.2, h * 0.8, RED, title)
    person(c, w * 0.4, h * 0.76, 430, shirt=(240, 240, 238), trousers=(60, 60, 70))
    person(c, w * 0.58, h * 0.76, 420, shirt=(200, 60, 60), trousers=(60, 60, 70))
    table(c, w * 0.28, w * 0.72, h * 0.63, h * 0.8, cloth=(30, 90, 150))
    for i in range(6):
        x = w * (0.31 + i * 0.065)
        c.rect(x, h * 0.605, x + 80, h * 0.63, WHITE, outline=(180, 180, 180), width=2)
    c.text(w * 0.5, h * 0.72, "入会自愿 现场登记", 48, WHITE)
    # The queue: work clothes, safety vests, helmets.
    queue = [
        (0.08, 0.93, 520),
        (0.2, 0.98, 560),
        (0.33, 1.02, 600),
        (0.67, 1.0, 590),
        (0.8, 0.97, 560),
        (0.93, 0.94, 530),
    ]
    c.shadows([(w * x, h * y - 6, s * 0.24, s * 0.04) for x, y, s in queue])
    for x, y, s in queue:
        vest = c.random.random() < 0.6 if place == "worksite" else False
        person(
            c,
            w * x,
            h * y,
            s,
            back=True,
            shirt=(245, 130, 40) if vest else None,
            helmet=c.pick([YELLOW, (240, 240, 240), (230, 90, 40)])
            if place == "worksite" and c.random.random() < 0.7
            else None,
        )


def round_table(c: Canvas):
    """The wood-panel trade's round table on collective wage bargaining."""
    w, h = c.width, c.height
    c.gradient(0, 0, w, h * 0.55, (238, 234, 226), (224, 218, 208))
    c.gradient(0, h * 0.55, w, h, (150, 130, 115), (120, 100, 88))
    banner(c, w * 0.12, h * 0.05, w * 0.88, h * 0.14, "板材行业工资集体协商座谈会")
    for i in range(3):
        x = w * (0.1 + i * 0.3)
        c.rect(x, h * 0.2, x + w * 0.18, h * 0.45, (175, 210, 235))
        c.line([(x + w * 0.09, h * 0.2), (x + w * 0.09, h * 0.45)], WHITE, 10)
    # People on the far side face us: employers on one half, workers' representatives on the
    # other; the near side is seen from behind.
    for i in range(7):
        shirt = (70, 80, 95) if i < 3 else ((245, 130, 40) if i % 2 else (90, 140, 95))
        person(c, w * (0.14 + i * 0.12), h * 0.78, 560, shirt=shirt, trousers=(60, 60, 70))
    c.polygon(
        [(w * 0.08, h * 0.57), (w * 0.92, h * 0.57), (w * 1.0, h * 0.8), (w * 0.0, h * 0.8)],
        (120, 80, 55),
    )
    c.polygon(
        [(w * 0.08, h * 0.57), (w * 0.92, h * 0.57), (w * 0.93, h * 0.59), (w * 0.07, h * 0.59)],
        (145, 100, 70),
    )
    for i in range(7):
        x = w * (0.14 + i * 0.12)
        c.polygon(
            [(x - 60, h * 0.63), (x + 60, h * 0.63), (x + 50, h * 0.6), (x - 50, h * 0.6)], WHITE
        )
        c.rect(x - 40, h * 0.66, x + 40, h * 0.73, WHITE, outline=(190, 190, 190), width=2)
        c.rect(x + 70, h * 0.58, x + 95, h * 0.66, (180, 215, 240), radius=6)
    crowd_rows(
        c,
        [(h * 1.0, 240, w * 0.02, w * 0.98)],
        shirts=[(70, 80, 95), (245, 130, 40), (90, 140, 95), (60, 110, 170)],
    )


# name, campaign, size, scene
def well_switch_box(c: Canvas):
    """Before the spring watering: an electrician tests the switch box of a field well while
    a farmer looks on; the channel is ready for water. The people stand in the upper middle,
    clear of the band a photo poster lays over the foot of its photo."""
    horizon = c.height * 0.42
    sky_and_ground(c, horizon, ground=((165, 190, 110), (120, 155, 80)))
    clouds(c, 5, c.height * 0.04, c.height * 0.2)
    hills(c, horizon, (125, 155, 130))
    for x in (0.05, 0.1, 0.86, 0.93):
        tree(c, c.width * x, horizon + 6, c.height * 0.12, leaves=(95, 150, 90))
    # Furrows running to the horizon, and the channel the pump fills.
    for i in range(-16, 34):
        c.line(
            [(c.width * 0.5 + i * 20, horizon + 4), (c.width * 0.5 + i * 150, c.height)],
            (100, 145, 70),
            10,
        )
    c.polygon(
        [
            (c.width * 0.47, c.height * 0.6),
            (c.width * 0.53, c.height * 0.6),
            (c.width * 0.3, c.height),
            (c.width * 0.12, c.height),
        ],
        (120, 95, 70),
    )
    c.polygon(
        [
            (c.width * 0.485, c.height * 0.62),
            (c.width * 0.515, c.height * 0.62),
            (c.width * 0.27, c.height),
            (c.width * 0.16, c.height),
        ],
        (110, 160, 200),
    )
    # The power line from the pole to the switch box on its post.
    px, pole_h = c.width * 0.2, c.height * 0.36
    c.rect(px - 14, horizon + 40 - pole_h, px + 14, horizon + 40, (130, 120, 110))
    c.rect(px - 110, horizon + 40 - pole_h * 0.92, px + 110, horizon + 52 - pole_h * 0.92,
           (90, 90, 95))  # fmt: skip
    bx0, bx1, by0, by1 = c.width * 0.49, c.width * 0.59, c.height * 0.28, c.height * 0.44
    c.line([(px + 100, horizon + 46 - pole_h * 0.92), (bx0 + 60, by0)], (45, 45, 50), 5)
    c.rect((bx0 + bx1) / 2 - 14, by1, (bx0 + bx1) / 2 + 14, c.height * 0.62, (120, 120, 125))
    c.shadows([((bx0 + bx1) / 2 + 30, c.height * 0.62, 90, 16)])
    c.rect(bx0, by0, bx1, by1, (200, 205, 210), radius=10)
    c.rect(bx0 - 12, by0 - 18, bx1 + 12, by0 + 8, (150, 155, 160), radius=6)
    c.rect(bx0 + 24, by0 + 30, bx1 - 24, by0 + 110, YELLOW)
    c.fitted_text((bx0 + bx1) / 2, by0 + 70, "有电危险", bx1 - bx0 - 70, 44, RED)
    c.rect(bx0 + 60, by0 + 150, bx1 - 60, by0 + 220, (70, 75, 80), radius=6)
    c.rect(bx0 + 80, by0 + 165, bx0 + 130, by0 + 205, (90, 200, 110), radius=4)
    # The well head and its pump, the pipe to the channel.
    wx, wy = c.width * 0.44, c.height * 0.6
    c.ellipse(wx, wy, 130, 40, (150, 150, 150))
    c.rect(wx - 130, wy - 80, wx + 130, wy, (170, 170, 168))
    c.ellipse(wx, wy - 80, 130, 40, (120, 120, 122))
    c.rect(wx - 60, wy - 170, wx + 60, wy - 90, (40, 95, 150), radius=12)
    c.line([(wx + 60, wy - 130), (c.width * 0.5, wy - 130), (c.width * 0.5, wy + 10)],
           (60, 60, 65), 22)  # fmt: skip
    c.line([(wx, wy - 170), ((bx0 + bx1) / 2, by1)], (45, 45, 50), 5)
    # The electrician at the box, the farmer beside the well.
    c.shadows(
        [(c.width * 0.66, c.height * 0.62, 120, 20), (c.width * 0.33, c.height * 0.63, 110, 18)]
    )
    person(
        c,
        c.width * 0.66,
        c.height * 0.62,
        c.height * 0.34,
        shirt=POWER_BLUE,
        trousers=(35, 55, 90),
        helmet=YELLOW,
        arm_up="point-left",
    )
    person(
        c,
        c.width * 0.33,
        c.height * 0.63,
        c.height * 0.33,
        shirt=(196, 60, 57),
        trousers=TROUSERS[2],
    )


PHOTOS = [
    ("market-stand", "safety-month-2026", (2000, 1500), market_stand),
    ("leaflets-and-cards", "safety-month-2026", (2000, 1500), leaflets_and_cards),
    ("village-film", "safety-month-2026", (2000, 1500), village_film),
    ("pump-house", "safety-month-2026", (2000, 1500), pump_house),
    ("village-quiz", "safety-month-2026", (2000, 1500), village_quiz),
    ("lecture-hall", "hospital-legal-education-2026", (3000, 2000), lecture_hall),
    ("department-meeting", "hospital-legal-education-2026", (2000, 1500), department_meeting),
    ("fire-training", "hospital-legal-education-2026", (2000, 1500), fire_training),
    ("park-signup", "union-membership-drive-2026", (2000, 1500), lambda c: signup_desk(c, "park")),
    (
        "worksite-signup",
        "union-membership-drive-2026",
        (2000, 1500),
        lambda c: signup_desk(c, "worksite"),
    ),
    ("round-table", "union-membership-drive-2026", (2000, 1500), round_table),
]


# Poster photos (poster.image), beside the campaign's index files. Large enough to print at
# 150 dpi on A3, upright or landscape.
POSTER_PHOTOS = [
    ("photo", "spring-irrigation-2027", (2600, 1950), well_switch_box),
]


def main(only: list[str]) -> None:
    total = 0
    drawn = [
        (name, size, scene, ROOT / "campaigns" / campaign / "reports" / "photos")
        for name, campaign, size, scene in PHOTOS
    ] + [
        (name, size, scene, ROOT / "campaigns" / campaign)
        for name, campaign, size, scene in POSTER_PHOTOS
    ]
    for name, (width, height), scene, folder in drawn:
        if only and name not in only:
            continue
        # Seeded by the name: adding a picture leaves the others as they were.
        canvas = Canvas(width, height, zlib.crc32(name.encode()))
        scene(canvas)
        path = folder / f"{name}.jpg"
        canvas.save(path)
        size = path.stat().st_size
        total += size
        print(f"{path.relative_to(ROOT)}  {width}x{height}  {size // 1024} KB")
    print(f"total {total // 1024} KB")


if __name__ == "__main__":
    main(sys.argv[1:])
