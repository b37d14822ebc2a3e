"""Which page templates print the page's QR code: the footer only paper shows
(``xc_print_qr`` in overrides/main.html, shown by the print style sheet).

The pages campaigns add (overview, type pages, calendar) have templates that replace
main.html's content block, footer and all: drawing a code for them was work for nothing.
The templates are read as the theme has them, so a template the team adds, or a page's own
``template:``, is judged as it is written. A template is parsed, never rendered: what it
would show is followed through ``extends`` (each block as the most derived template
defines it, ``super()`` reaching the one before) and through ``include`` of a named file.
"""

from __future__ import annotations

from jinja2 import Environment, TemplateNotFound, nodes

FOOTER = "xc_print_qr"


class FooterTemplates:
    """Whether each template shows the footer, read once per template."""

    def __init__(self, env: Environment):
        self.env = env
        self._parsed: dict[str, nodes.Template | None] = {}
        self._shows: dict[str, bool] = {}

    def prints(self, name: str) -> bool:
        if name not in self._shows:
            self._shows[name] = False  # an include of itself adds nothing
            self._shows[name] = self._renders_footer(name)
        return self._shows[name]

    def _tree(self, name: str) -> nodes.Template | None:
        if name not in self._parsed:
            try:
                source, _, _ = self.env.loader.get_source(self.env, name)
                self._parsed[name] = self.env.parse(source)
            except TemplateNotFound:
                self._parsed[name] = None
        return self._parsed[name]

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
