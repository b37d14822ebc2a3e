"""Models declared with schema options, as ``MkDocsConfig`` does for mkdocs.yml.

A model (a frozen dataclass) declares each of its fields once, with ``declare(option)``:
the same declaration gives the schema (``schema.record_of``), the default, and typed
access on the built object (``build``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import field, fields, is_dataclass
from typing import Any

from .schema import MISSING, Nested, Option, Record
from .schema_lists import ListOf


def declare(option: Option) -> Any:
    """A model field whose checks, default and meaning come from ``option``.

    Left out of a file, a field takes the option's default; else a list is empty, a
    group whose fields are all optional is there with its defaults, and anything else
    is None.
    """
    metadata = {"option": option}
    if option.default is not MISSING:
        if callable(option.default):
            return field(
                default_factory=lambda: _frozen(option, option.default_value()), metadata=metadata
            )
        return field(default=_frozen(option, option.default), metadata=metadata)
    if isinstance(option, ListOf):
        return field(default=(), metadata=metadata)
    if isinstance(option, Nested) and not any(o.required for o in option.fields.values()):
        return field(default_factory=option.model, metadata=metadata)
    return field(default=None, metadata=metadata)


def build(model: type, data: Mapping, **given: Any):
    """The model made from checked ``data`` (missing fields take their declared default),
    plus ``given`` values for fields that do not come from the file."""
    values = dict(given)
    for item in fields(model):
        option = item.metadata.get("option")
        if option is not None and item.name in data:
            values[item.name] = _frozen(option, data[item.name])
    return model(**values)


def _frozen(option: Option, value: Any) -> Any:
    """A checked value as a model holds it: nested models built, lists as tuples."""
    if isinstance(option, Nested) and isinstance(value, Mapping):
        return build(option.model, value)
    if isinstance(option, ListOf) and isinstance(value, list | tuple):
        return tuple(_frozen(option.item, item) for item in value)
    return value


def printed_values(record: object, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(field as the file names it, text) for every field of ``record`` declared
    ``printed``, at any depth, in the order of the declarations: ``activities[2].place``."""
    for item in fields(record):
        option = item.metadata.get("option")
        value = getattr(record, item.name)
        if option is None or value is None:
            continue
        path = prefix + item.name
        if isinstance(option, ListOf):
            for number, each in enumerate(value, start=1):
                if isinstance(each, str):
                    if option.printed:
                        yield f"{path}[{number}]", each
                elif is_dataclass(each):
                    yield from printed_values(each, f"{path}[{number}].")
        elif isinstance(option, Nested):
            yield from printed_values(value, path + ".")
        elif option.printed and isinstance(value, str):
            yield path, value


def field_names(option: Option) -> set[str]:
    """Every field name a schema knows, at any depth (for tests and tools)."""
    if isinstance(option, Record):
        names = set(option.fields)
        for child in option.fields.values():
            names |= field_names(child)
        return names
    if isinstance(option, ListOf):
        return field_names(option.item)
    return set()
