"""Change one value in a YAML text and nothing else: comments, order, quoting, indentation
and MkDocs's own tags (``!!python/name``, ``!ENV``) stay exactly as the team wrote them.

A round-trip library (ruamel.yaml) re-indents every list it writes back, so a second
``xuanchuan init`` would rewrite lines nobody asked to change. Here the text is read only for
where each value stands (PyYAML's composer gives every node's position without building
it), and the new value is spliced into those characters.
"""

from __future__ import annotations

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode


class YamlEditError(ValueError):
    """The text cannot be edited safely at this place (a flow mapping, a broken file)."""


def set_value(text: str, keys: list[str], value) -> str:
    """``text`` with the value at ``keys`` (``["extra", "xuanchuan", "hotline"]``) set to
    ``value`` (text, a number, or a list of plain mappings), adding missing keys."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise YamlEditError(str(error)) from None
    if root is None:
        return text + ("" if text.endswith("\n") or not text else "\n") + _block(keys, value, 0)
    if not isinstance(root, MappingNode):
        raise YamlEditError("the file is not a mapping of settings")
    node = root
    for depth, key in enumerate(keys):
        if not isinstance(node, MappingNode) or node.flow_style:
            raise YamlEditError(f"{'.'.join(keys[:depth])} is not a block mapping")
        found = next(((k, v) for k, v in node.value if k.value == key), None)
        if found is None:
            return _insert(text, node, keys[depth:], value)
        key_node, child = found
        if depth == len(keys) - 1:
            return _replace(text, key_node, child, value)
        if isinstance(child, ScalarNode) and child.value in ("", "~", "null"):
            # "extra:" with nothing under it yet.
            return _replace(text, key_node, child, _nested(keys[depth + 1 :], value))
        node = child
    return text


def get_value(text: str, keys: list[str]):
    """The plain value at ``keys`` (None when absent); tags are not built."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    node = root
    for key in keys:
        if not isinstance(node, MappingNode):
            return None
        node = next((v for k, v in node.value if k.value == key), None)
        if node is None:
            return None
    return _plain(node)


def _plain(node: Node):
    if isinstance(node, ScalarNode):
        return node.value
    if isinstance(node, SequenceNode):
        return [_plain(item) for item in node.value]
    if isinstance(node, MappingNode):
        return {k.value: _plain(v) for k, v in node.value}
    return None


def _nested(keys: list[str], value):
    for key in reversed(keys):
        value = {key: value}
    return value


def _scalar(value) -> str:
    dumped = yaml.safe_dump(value, allow_unicode=True, width=10**6, default_flow_style=True)
    return dumped.removesuffix("\n...\n").removesuffix("\n")


def _block(keys: list[str], value, indent: int) -> str:
    """``keys`` nested, then ``value``, as block YAML at ``indent`` spaces, ending in "\\n"."""
    nested = _nested(keys, value)
    dumped = yaml.safe_dump(
        nested, allow_unicode=True, sort_keys=False, width=10**6, default_flow_style=False
    )
    pad = " " * indent
    return "".join(pad + line if line.strip() else line for line in dumped.splitlines(True))


def _replace(text: str, key: Node, node: Node, value) -> str:
    """``text`` with ``node`` (the value of ``key``) replaced by ``value``."""
    if isinstance(node, ScalarNode) and not isinstance(value, list | dict):
        return text[: node.start_mark.index] + _scalar(value) + text[node.end_mark.index :]
    # From just after "key:" (keeping a comment on that line when the old value starts
    # on the next) to the end of the old value's last line.
    colon = text.index(":", key.end_mark.index) + 1
    line_end = text.find("\n", colon)
    line_end = len(text) if line_end == -1 else line_end
    keep = line_end if node.start_mark.index > line_end else colon
    _, end = _content_span(text, node)
    if not isinstance(value, list | dict):
        return text[:keep] + " " + _scalar(value) + "\n" + text[end:]
    indent = _column(text, key.start_mark.index) + 2
    block_list = isinstance(node, SequenceNode) and not node.flow_style and node.value
    if block_list and isinstance(value, list):
        # Items where the file already writes them ("- " under the key, or indented).
        indent = _column(text, node.value[0].start_mark.index) - 2
    return text[:keep] + "\n" + _block([], value, indent) + text[end:]


def _insert(text: str, mapping: MappingNode, keys: list[str], value) -> str:
    """Add ``keys: value`` as the mapping's last entry, at its entries' indentation."""
    first_key = mapping.value[0][0] if mapping.value else None
    indent = _column(text, first_key.start_mark.index) if first_key else 0
    _, end = _content_span(text, mapping)
    block = _block(keys, value, indent)
    before = text[:end]
    if before and not before.endswith("\n"):
        before += "\n"
    return before + block + text[end:]


def _content_span(text: str, node: Node) -> tuple[int, int]:
    """Where ``node``'s own characters are: a block collection's end mark lies after the
    blank lines and comments that follow it, which belong to what comes next."""
    start = node.start_mark.index
    end = _last_content_end(node)
    # To the end of that line, so its trailing comment stays with it.
    newline = text.find("\n", end)
    end = len(text) if newline == -1 else newline + 1
    return start, end


def _last_content_end(node: Node) -> int:
    if isinstance(node, MappingNode) and node.value and not node.flow_style:
        return _last_content_end(node.value[-1][1])
    if isinstance(node, SequenceNode) and node.value and not node.flow_style:
        return _last_content_end(node.value[-1])
    return node.end_mark.index


def _column(text: str, index: int) -> int:
    return index - (text.rfind("\n", 0, index) + 1)
