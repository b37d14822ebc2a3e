"""Which page templates print the page's QR code: the footer only paper shows
(``xc_print_qr`` in overrides/main.html, shown by the print style sheet).

The pages campaigns add (overview, type pages, calendar) have templates that replace
main.html's content block, footer and all: drawing a code for them was work for nothing.
The templates are read as the theme has them, so a template the team adds, or a page's own
``template:``, is judged as it is written. A template is parsed, never rendered: what it
would show is followed through ``extends`` (each block as the most derived template
defines it, ``super()`` reaching the one before) and through ``include`` of a named file.

Parsing Material's templates is a noticeable part of an unchanged rebuild, so each verdict is
kept on disk with a checksum of every template it read, and trusted only while each of them
reads the same.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

from jinja2 import Environment, TemplateNotFound, nodes

from ...core.disk_cache import keep, read_kept

FOOTER = "xc_print_qr"
# Judged differently -> judged again.
_RECIPE = "footer-1"


class FooterTemplates:
    """Whether each template shows the footer, read once per template; with ``folder``,
    kept there between builds."""

    def __init__(self, env: Environment, folder: Path | None = None):
        self.env = env
        self.folder = folder
        self._sources: dict[str, str | None] = {}
        self._parsed: dict[str, nodes.Template | None] = {}
        self._shows: dict[str, bool] = {}
        # The templates each verdict read, and those read by the verdict being made.
        self._read: dict[str, set[str]] = {}
        self._reading: set[str] | None = None

    def prints(self, name: str) -> bool:
        if name not in self._shows:
            self._shows[name], self._read[name] = False, set()  # an include of itself adds nothing
            kept = self._kept(name)
            if kept is None:
                outer, self._reading = self._reading, set()
                shows = self._renders_footer(name)
                read, self._reading = self._reading, outer
                self._keep(name, shows, read)
                kept = shows, read
            self._shows[name], self._read[name] = kept
        if self._reading is not None:
            self._reading |= self._read[name]
        return self._shows[name]

    def _source(self, name: str) -> str | None:
        """The template's text, read once (None: no such template)."""
        if name not in self._sources:
            try:
                self._sources[name] = self.env.loader.get_source(self.env, name)[0]
            except TemplateNotFound:
                self._sources[name] = None
        return self._sources[name]

    def _digest(self, name: str) -> str | None:
        source = self._source(name)
        return None if source is None else hashlib.sha256(source.encode("utf-8")).hexdigest()

    def _tree(self, name: str) -> nodes.Template | None:
        if self._reading is not None:
            self._reading.add(name)
        if name not in self._parsed:
            source = self._source(name)
            self._parsed[name] = None if source is None else self.env.parse(source)
        return self._parsed[name]

    def _path(self, name: str) -> Path | None:
        if self.folder is None:
            return None
        key = hashlib.sha256(f"{_RECIPE}\n{name}".encode()).hexdigest()[:32]
        return self.folder / f"{key}.footer.json"

    def _kept(self, name: str) -> tuple[bool, set[str]] | None:
        path = self._path(name)
        data = read_kept(path) if path else None
        if data is None:
            return None
        record = json.loads(data)
        for read, digest in record["read"].items():
            if self._digest(read) != digest:
                return None
        return record["shows"], set(record["read"])

    def _keep(self, name: str, shows: bool, read: set[str]) -> None:
        path = self._path(name)
        if path is None:
            return
        digests = {each: self._digest(each) for each in sorted(read)}
        with contextlib.suppress(OSError):  # not kept: judged again next time
            keep(path, json.dumps({"shows": shows, "read": digests}).encode("utf-8"))

    def _renders_footer(self, name: str) -> bool:
        chain = []  # the template, the one it extends, and so on
        while name is not None and len(chain) < 16:
            tree = self._tree(name)
            if tree is None:
                return False
            chain.append(tree)
            extends = tree.find(nodes.Extends)
            if extends is None:
                name = None
            elif isinstance(extends.template, nodes.Const):
                name = extends.template.value
            else:
                return True  # a parent chosen as it renders: drawn, to be safe

        def definition(block: str, start: int):
            for level in range(start, len(chain)):
                for found in chain[level].find_all(nodes.Block):
                    if found.name == block:
                        return level, found
            return None

        def shows(node: nodes.Node, block: str | None, level: int) -> bool:
            if isinstance(node, nodes.Name) and node.name == FOOTER:
                return True
            if isinstance(node, nodes.Block):
                found = definition(node.name, 0)
                return found is not None and shows_block(node.name, *found)
            if isinstance(node, nodes.Call) and _calls_super(node):
                found = definition(block, level + 1) if block else None
                return found is not None and shows_block(block, *found)
            if isinstance(node, nodes.Include):
                names = _constant_names(node.template)
                return any(self.prints(included) for included in names)
            return any(shows(child, block, level) for child in node.iter_child_nodes())

        def shows_block(block: str, level: int, found: nodes.Block) -> bool:
            return any(shows(child, block, level) for child in found.body)

        # The last template of the chain is the one whose text is written out.
        return shows(chain[-1], None, len(chain) - 1)


def _calls_super(call: nodes.Call) -> bool:
    return isinstance(call.node, nodes.Name) and call.node.name == "super"


def _constant_names(template: nodes.Expr) -> list[str]:
    """The template names an include names outright; none for one it computes."""
    if isinstance(template, nodes.Const) and isinstance(template.value, str):
        return [template.value]
    if isinstance(template, nodes.List | nodes.Tuple):
        return [item.value for item in template.items if isinstance(item, nodes.Const)]
    return []
