"""Bring the engine's gettext catalogs up to date with the code, the way ``pybabel extract``
and ``pybabel update`` do: run after adding or rewording a message, or a site text.

    .venv/bin/python scripts/update_catalogs.py

- ``locale/messages.pot`` is made again from every ``msg(...)`` in the engine (a plural
  message is ``msg(singular, plural, count=...)``); comments written on an entry stay.
- ``locale/site.pot`` is the source of the site's texts and is edited by hand.
- Every language's ``.po`` gains the new texts (untranslated) and loses the texts the
  source no longer has; its translations are kept.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "hooks" / "xuanchuan"
LOCALE = PACKAGE / "locale"
WIDTH = 100


def messages_in_code(
    package: Path = PACKAGE, root: Path = ROOT
) -> dict[str, tuple[str | None, list[str]]]:
    """Each message the code gives: {singular: (plural, [files])}, in the order written."""
    found: dict[str, tuple[str | None, list[str]]] = {}
    for path in sorted(package.rglob("*.py")):
        where = path.relative_to(root).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "msg"):
                continue
            texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if len(texts) != len(node.args) or not texts:
                raise SystemExit(f"{where}:{node.lineno}: a message is written as literal text")
            plural = texts[1] if len(texts) > 1 else None
            files = found.setdefault(texts[0], (plural, []))[1]
            if where not in files:
                files.append(where)
    return found


def messages_template() -> Catalog:
    """messages.pot as the code gives it, keeping the header and comments it has."""
    path = LOCALE / "messages.pot"
    old = _read(path)
    new = Catalog(
        domain="messages",
        header_comment=old.header_comment,
        project=old.project,
        version=old.version,
        creation_date=old.creation_date,
        revision_date=old.revision_date,
        fuzzy=False,
    )
    for singular, (plural, files) in messages_in_code().items():
        kept = old.get((singular, plural) if plural else singular) or old.get(singular)
        new.add(
            (singular, plural) if plural else singular,
            None,
            locations=[(f, None) for f in files],
            auto_comments=kept.auto_comments if kept else (),
        )
    return new


def update(write: bool = True) -> list[Path]:
    """Write the templates and every language's catalogs; the files that changed."""
    templates = {"messages": messages_template(), "site": _read(LOCALE / "site.pot")}
    outputs = {LOCALE / "messages.pot": templates["messages"]}
    for folder in sorted(p for p in LOCALE.iterdir() if (p / "LC_MESSAGES").is_dir()):
        for domain, template in templates.items():
            path = folder / "LC_MESSAGES" / f"{domain}.po"
            if path.is_file():
                catalog = _read(path)
                catalog.update(template, no_fuzzy_matching=True)
                outputs[path] = catalog
    changed = []
    for path, catalog in outputs.items():
        text = _written(catalog)
        if path.read_bytes() != text:
            changed.append(path)
            if write:
                path.write_bytes(text)
    return changed


def _written(catalog: Catalog) -> bytes:
    from io import BytesIO

    out = BytesIO()
    write_po(
        out, catalog, width=WIDTH, sort_output=False, include_lineno=False, ignore_obsolete=True
    )
    return out.getvalue()


def _read(path: Path) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream, abort_invalid=True)


if __name__ == "__main__":
    for changed in update():
        print(f"updated {changed.relative_to(ROOT)}")
    sys.exit(0)
