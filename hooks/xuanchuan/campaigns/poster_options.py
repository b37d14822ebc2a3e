"""The schema options of a poster's own fields: the photo with its focus (where its subject
is, so every crop keeps it) and the key points, each a text with an optional icon."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..core.errors import did_you_mean
from ..core.messages import msg
from ..core.schema import MISSING, Option, Record, Text
from ..core.schema_lists import ListOf

# Where a photo's subject is, as shares of its width and of its height from its top left
# corner: every crop of the photo keeps this point as near the middle of what it keeps as
# the photo allows, so "top" keeps the top of the photo and cuts from the bottom.
CENTER = (0.5, 0.5)
# Each word fixes one direction and leaves the other in the middle.
_FOCUS_WORDS = {
    "center": (None, None),
    "top": (None, 0.0),
    "bottom": (None, 1.0),
    "left": (0.0, None),
    "right": (1.0, None),
}
_SHARE = re.compile(r"(\d+(?:\.\d+)?)\s*%")


class FocusOption(Option):
    """``top``, ``bottom``, ``left``, ``right``, ``center``, two words such as ``top left``,
    or a point as two percentages, across then down: ``30% 20%``."""

    expected = msg(
        '"top", "center", "bottom", "left", "right" or a point written as "across% down%", '
        'such as "30% 20%"'
    )

    def validate(self, value, path, report):
        if not isinstance(value, str) or not value.strip():
            return self.wrong(value, path, report)
        text = value.strip()
        words = text.lower().split()
        if all(word in _FOCUS_WORDS for word in words) and len(words) <= 2:
            across = [_FOCUS_WORDS[word][0] for word in words if _FOCUS_WORDS[word][0] is not None]
            down = [_FOCUS_WORDS[word][1] for word in words if _FOCUS_WORDS[word][1] is not None]
            if len(across) <= 1 and len(down) <= 1:
                return (across[0] if across else 0.5, down[0] if down else 0.5)
        shares = [_SHARE.fullmatch(part) for part in text.split()]
        if len(shares) == 2 and all(shares):
            across, down = (float(share.group(1)) for share in shares)
            if across > 100 or down > 100:
                report.add(
                    path,
                    msg(
                        '"{value}" is outside the photo: expected each share from 0% to 100% '
                        "(across from the left edge, then down from the top)",
                        value=text,
                    ),
                )
                return MISSING
            return (across / 100, down / 100)
        hint = did_you_mean(text.lower(), _FOCUS_WORDS) if len(words) == 1 else ""
        report.add(
            path,
            msg(
                '"{value}" is not a focus{hint}: expected {expected}',
                value=text,
                hint=hint,
                expected=self.expected,
            ),
        )
        return MISSING


class PosterImage(Option):
    """A picture file, written alone or as ``{file: ..., focus: ...}``; checked, it is
    ``{"file": path, "focus": point or None}`` (None: not written)."""

    expected = msg('a picture file such as photo.jpg, or "file:" and "focus:" lines under "image:"')

    def __init__(self, **kw):
        super().__init__(**kw)
        self.parts = Record(
            {"file": Text(required=True, allow_empty=False), "focus": FocusOption()}
        )

    def validate(self, value, path, report):
        if isinstance(value, Mapping):
            checked = self.parts.validate(value, path, report)
            if "file" not in checked:
                return MISSING
            return {"file": checked["file"], "focus": checked.get("focus")}
        if not isinstance(value, str):
            return self.wrong(value, path, report)
        file = Text(allow_empty=False).validate(value, path, report)
        return MISSING if file is MISSING else {"file": file, "focus": None}


# An icon's name: the icon set's folder, then the icon (material/flash-alert,
# fontawesome/solid/bolt); whether it exists is checked where posters are printed.
ICON_NAME = r"[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_.-]*)+"
ICON_HELP = msg('an icon name such as "material/flash-alert"')


class Point(Record):
    """A key point: its text, or its text and the icon a pictogram poster draws with it.

    Checked, either way is ``{"text": ..., "icon": ...}``, so that a translation, which
    words only the text, is merged item by item and keeps the original's icons.
    """

    expected = msg('a text, or "text" and "icon" fields (icon: material/flash-alert)')
    plural = msg('texts, or groups of "text" and "icon" fields')

    def __init__(self, **kw):
        super().__init__(
            {
                "text": Text(required=True, translatable=True),
                "icon": Text(pattern=ICON_NAME, pattern_help=ICON_HELP),
            },
            **kw,
        )

    def validate(self, value, path, report):
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            text = Text(allow_empty=False).validate(value, path, report)
            return MISSING if text is MISSING else {"text": text}
        if value is None:
            return self.wrong(value, path, report)  # an empty "- " line
        return super().validate(value, path, report)


class Points(ListOf):
    """Key points, each written once (the same text twice is a slip)."""

    def validate(self, value, path, report):
        checked = super().validate(value, path, report)
        if checked is MISSING or not self.unique:
            return checked
        kept, first_of = [], {}
        for number, item in enumerate(checked, start=1):
            text = item.get("text")
            if text in first_of:
                report.add(
                    f"{path}[{number}]",
                    msg(
                        '"{item}" is listed twice (also item {first}): expected each once',
                        item=text,
                        first=first_of[text],
                    ),
                )
                continue
            first_of[text] = number
            kept.append(item)
        return kept
