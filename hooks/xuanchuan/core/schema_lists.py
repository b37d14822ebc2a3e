"""Schema options for lists and maps: ``ListOf`` (a list of one kind of item) and ``MapOf``
(names the team chooses, each with a value of one kind)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .messages import msg
from .schema import MISSING, Option, _empty


class ListOf(Option):
    """A list of items of one kind; with ``unique``, a text or choice is listed once."""

    def __init__(
        self,
        item: Option,
        *,
        min_items: int = 0,
        max_items: int | None = None,
        unique: bool = True,
        **kw,
    ):
        super().__init__(**kw)
        self.item = item
        self.min_items = min_items
        self.max_items = max_items
        self.unique = unique
        self.expected = msg("a list of {items}", items=item.plural)

    def validate(self, value, path, report):
        if not isinstance(value, list):
            return self.wrong(value, path, report)
        count = len(value)
        if count < self.min_items or (self.max_items is not None and count > self.max_items):
            if self.max_items is not None:
                bounds = msg(
                    "expected {minimum} to {maximum} items, got {count}",
                    minimum=self.min_items,
                    maximum=self.max_items,
                    count=count,
                )
            else:
                bounds = msg(
                    "expected at least {minimum} items, got {count}",
                    minimum=self.min_items,
                    count=count,
                )
            report.add(path, bounds)
        result = []
        first_of: dict[str, int] = {}
        for index, item in enumerate(value, start=1):
            item_path = f"{path}[{index}]"
            checked = self.item.validate(item, item_path, report)
            if checked == "":
                report.add(item_path, _empty(self.item.expected))
                continue
            if self.unique and isinstance(checked, str):
                if checked in first_of:
                    report.add(
                        item_path,
                        msg(
                            '"{item}" is listed twice (also item {first}): expected each once',
                            item=checked,
                            first=first_of[checked],
                        ),
                    )
                    continue
                first_of[checked] = index
            if checked is not MISSING:
                result.append(checked)
        return result


_PAIR_AS_TEXT = re.compile(r"\s*(?P<name>[^:：\s][^:：]*?)\s*[:：]\s*(?P<value>[^\s:：]+)")


class MapOf(Option):
    """Names the team chooses, each with a value of one kind: ``{发放宣传单: 1200}``."""

    expected = msg('"name: value" pairs')
    plural = msg('groups of "name: value" pairs')

    def __init__(self, value: Option, *, max_items: int | None = None, **kw):
        super().__init__(**kw)
        self.value = value
        self.max_items = max_items
        self.expected = msg('"name: value" pairs, each value {expected}', expected=value.expected)

    def validate(self, value, path, report):
        if value is None and not self.required:
            value = {}
        pair = _PAIR_AS_TEXT.match(value) if isinstance(value, str) else None
        if pair:
            # YAML reads "发放宣传单：300" (a full-width colon, or no space after the colon)
            # as one text, not as a name and its value.
            report.add(
                path,
                msg(
                    '"{text}" is one text, not a name and its value: expected an ASCII colon ":" '
                    'and a space between them, such as "{name}: {value}", one pair a line',
                    text=value,
                    name=pair["name"],
                    value=pair["value"],
                ),
            )
            return MISSING
        if not isinstance(value, Mapping):
            return self.wrong(value, path, report)
        if self.max_items is not None and len(value) > self.max_items:
            report.add(
                path,
                msg(
                    "expected at most {maximum} items, got {count}",
                    maximum=self.max_items,
                    count=len(value),
                ),
            )
        result = {}
        prefix = f"{path}." if path else ""
        for key, item in value.items():
            # YAML reads a name such as 2026 or true as a number or a truth value.
            name = str(key).strip()
            checked = self.value.validate(item, f"{prefix}{key}", report)
            if checked is not MISSING:
                result[name] = checked
        return result
