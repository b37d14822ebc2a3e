"""The campaign format contract (README.md, 宣传活动 · Campaigns) as a schema, read from
the model's declarations."""

from __future__ import annotations

import copy
import re

from ..core.schema import MISSING, Choice, Option, Record, record_of
from ..core.schema_lists import ListOf
from ..core.settings import SLUG
from .model import Campaign

# Page addresses the site makes itself under campaigns/: no folder may take them.
RESERVED = ("calendar",)
RESERVED_PREFIXES = ("type-",)


def campaign_schema(types: tuple[str, ...]) -> Record:
    """The fields of a campaign's default-language file; ``type`` is one of ``types``."""
    schema = record_of(Campaign)
    declared = schema.fields["type"]
    schema.fields["type"] = Choice(types, required=declared.required)
    return schema


def translation_schema(schema: Record) -> Record:
    """The same fields with nothing required and no defaults: a translation gives only some
    of them, and what it leaves out is inherited, not reset. Its lists may repeat words:
    two different originals can have the same translation."""
    return _optional(schema)


def _optional(option: Option) -> Option:
    clone = copy.copy(option)
    clone.required = False
    clone.default = MISSING
    if isinstance(clone, Record):
        clone.fields = {name: _optional(child) for name, child in option.fields.items()}
    elif isinstance(clone, ListOf):
        clone.item = _optional(option.item)
        clone.unique = False
    return clone


def folder_name_ok(name: str) -> bool:
    return re.fullmatch(SLUG, name) is not None


def folder_name_reserved(name: str) -> bool:
    return name in RESERVED or name.startswith(RESERVED_PREFIXES)
