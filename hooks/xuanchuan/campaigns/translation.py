"""A translation's fields merged over the default language's: what a translation words
itself is taken, what it repeats must be the same, the rest is inherited.

Which field is which is read from the model's declarations (``translatable`` and
``inherited``), so a new field needs no change here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..core.messages import Message, msg
from ..core.schema import Option, Record
from ..core.schema_lists import ListOf

Report = Callable[[str, Message], None]  # (field path, message)


def merge_translation(
    schema: Record, original: dict, translated: dict, default_name: str, report: Report
) -> dict:
    """``original`` (checked default-language fields) with ``translated`` over it."""
    return _merge(schema, _inherited(schema, original), translated, "", default_name, report)


def _merge(schema: Record, base: dict, translated: Mapping, path: str, default_name, report):
    merged = dict(base)
    for key, value in translated.items():
        option = schema.fields[key]
        where = f"{path}.{key}" if path else key
        if option.translatable:
            merged[key] = value
        elif isinstance(option, Record) and _words_own(option):
            merged[key] = _merge(option, base.get(key) or {}, value, where, default_name, report)
        elif isinstance(option, ListOf) and _words_own(option):
            merged[key] = _merge_items(
                option, base.get(key) or [], value, where, default_name, report
            )
        else:
            _same(where, value, base.get(key), default_name, report)
    return merged


def _merge_items(option: ListOf, originals, items, path, default_name, report) -> list:
    if len(items) != len(originals):
        report(
            path,
            msg(
                "has {count} items but the {language} file has {original}: expected the same "
                "{field} in the same order, translated",
                count=len(items),
                language=default_name,
                original=len(originals),
                field=path,
            ),
        )
        return list(originals)
    return [
        _merge(option.item, original, item, f"{path}[{index}]", default_name, report)
        for index, (item, original) in enumerate(zip(items, originals, strict=True), start=1)
    ]


def _words_own(option: Option) -> bool:
    """Whether a translation may word anything inside ``option`` itself."""
    if option.translatable:
        return True
    if isinstance(option, Record):
        return any(_words_own(child) for child in option.fields.values())
    if isinstance(option, ListOf):
        return isinstance(option.item, Record) and _words_own(option.item)
    return False


def _inherited(schema: Record, data: Mapping) -> dict:
    """``data`` without what a translation never inherits, at any depth."""
    kept = {}
    for key, value in data.items():
        option = schema.fields.get(key)
        if option is None or not option.inherited:
            continue
        if isinstance(option, Record) and isinstance(value, Mapping):
            value = _inherited(option, value)
        kept[key] = value
    return kept


def _same(path, value, original, default_name, report) -> None:
    if value != original:
        report(
            path,
            msg(
                "{value} contradicts the {language} file, which says {original}: expected the "
                "same value, or leave the field out of the translation",
                value=_show(value),
                language=default_name,
                original=_show(original),
            ),
        )


def _show(value: Any) -> Message | str:
    if value is None:
        return msg("nothing")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, Mapping):
        # As the file writes it (a report's figures), not as Python prints a dict.
        return msg('"{text}"', text=", ".join(f"{k}: {_plain(v)}" for k, v in value.items()))
    return msg('"{text}"', text=value) if isinstance(value, str) else str(value)


def _plain(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
