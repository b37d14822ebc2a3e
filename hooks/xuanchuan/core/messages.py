"""Messages for the team, in the team's language, from the message table (messages.yml).

Code writes each message once, in English, as a template with named ``{placeholders}``:
``msg('"{value}" is not a real date: expected {expected}', value=..., expected=...)``. The
English template is the message's key in the table, which gives it in the other
languages, as gettext does. A message is worded when it is shown, in the language chosen
for messages: the site's default language, unless mkdocs.yml (``messages_language``),
``xuanchuan --lang`` or ``XUANCHUAN_LANG`` says otherwise. Values that are messages
themselves (``expected`` phrases, hints) are worded in the same language.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import yaml

TABLE_FILE = Path(__file__).with_name("messages.yml")
TEMPLATE_LANGUAGE = "en"
_language = TEMPLATE_LANGUAGE


class Message:
    """A message to show the team; compares and sorts by its words."""

    __slots__ = ("template", "values")

    def __init__(self, template: str, values: dict):
        self.template = template
        self.values = values

    def render(self, code: str | None = None) -> str:
        code = code or _language
        text = _table().get(self.template, {}).get(code) or self.template
        values = {
            name: value.render(code) if isinstance(value, Message) else value
            for name, value in self.values.items()
        }
        return text.format(**values) if values else text

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"msg({self.render(TEMPLATE_LANGUAGE)!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Message | str) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))

    def __lt__(self, other) -> bool:
        return str(self) < str(other)


def msg(template: str, **values) -> Message:
    """A message, written once in English; its other languages come from the table."""
    return Message(template, values)


def use_language(code: str | None) -> None:
    """Word messages in ``code`` from now on; ``XUANCHUAN_LANG`` in the environment wins."""
    global _language
    _language = os.environ.get("XUANCHUAN_LANG") or code or TEMPLATE_LANGUAGE


def current_language() -> str:
    return _language


@cache
def _table() -> dict[str, dict[str, str]]:
    return read_table(TABLE_FILE)


def read_table(path: Path) -> dict[str, dict[str, str]]:
    """A table of texts in every language (messages.yml, strings.yml): {key: {code: text}}."""
    with path.open(encoding="utf-8") as stream:
        # libyaml's loader when PyYAML has it: read on every build, ten times faster.
        return yaml.load(stream, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
