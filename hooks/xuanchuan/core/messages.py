"""Messages for the team, in the team's language, from the gettext catalog ``messages``.

Code writes each message once, in English, as a template with named ``{placeholders}``:
``msg('"{value}" is not a real date: expected {expected}', value=..., expected=...)``. A
message that counts gives its plural too: ``msg("{count} problem:", "{count} problems:",
count=n)``. The English template is the message's id in the catalog
(``locale/messages.pot``), whose translations give it in the other languages. A message is
worded when it is shown, in the language chosen for messages: the site's default language,
unless mkdocs.yml (``messages_language``), ``xuanchuan --lang`` or ``XUANCHUAN_LANG`` says
otherwise. Values that are messages themselves (``expected`` phrases, hints) are worded in
the same language.
"""

from __future__ import annotations

import os

from .catalogs import SOURCE_LANGUAGE, translate

TEMPLATE_LANGUAGE = SOURCE_LANGUAGE
_chain: tuple[str, ...] = (TEMPLATE_LANGUAGE,)


class Message:
    """A message to show the team; compares and sorts by its words."""

    __slots__ = ("template", "plural", "values")

    def __init__(self, template: str, plural: str | None, values: dict):
        self.template = template
        self.plural = plural
        self.values = values

    def render(self, code: str | None = None) -> str:
        chain = (code,) if code else _chain
        count = self.values.get("count")
        text = translate("messages", chain, self.template, count)
        if text is None:  # not in the catalog: the code's own English
            text = self.plural if self.plural and count != 1 else self.template
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
        if isinstance(other, Message):
            return self.render(TEMPLATE_LANGUAGE) == other.render(TEMPLATE_LANGUAGE)
        return isinstance(other, str) and str(self) == other

    def __hash__(self) -> int:
        # By the English words: a message's hash must not change with the language chosen.
        return hash(self.render(TEMPLATE_LANGUAGE))

    def __lt__(self, other) -> bool:
        return str(self) < str(other)


def msg(template: str, plural: str | None = None, /, **values) -> Message:
    """A message, written once in English; its other languages come from the catalog."""
    return Message(template, plural, values)


def use_language(code: str | None, fallback: tuple[str, ...] = ()) -> None:
    """Word messages in ``code`` from now on, then in ``fallback`` where ``code`` lacks one;
    ``XUANCHUAN_LANG`` in the environment wins."""
    global _chain
    chosen = os.environ.get("XUANCHUAN_LANG") or code or TEMPLATE_LANGUAGE
    _chain = (chosen, *(c for c in fallback if c != chosen))


def current_language() -> str:
    return _chain[0]

