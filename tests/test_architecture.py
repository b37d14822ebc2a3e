"""The package tree is the architecture: imports run one way, and only the adapter knows MkDocs.

core <- campaigns <- site | printing <- mkdocs and cli; site and printing never import
each other. Read from the source with ``ast``, so the rule holds for imports inside
functions too.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "hooks" / "xuanchuan"

# What each area may import from the engine.
ALLOWED = {
    "core": {"core"},
    "campaigns": {"core", "campaigns"},
    "site": {"core", "campaigns", "site"},
    "printing": {"core", "campaigns", "printing"},
    "mkdocs": {"core", "campaigns", "site", "printing", "mkdocs"},
    "publish": {"core", "publish"},
    "cli": {"core", "campaigns", "site", "printing", "publish", "mkdocs", "cli"},
    "__init__": set(),
}
AREAS = set(ALLOWED) - {"__init__"}


def _area(path: Path, root: Path = PACKAGE) -> str:
    relative = path.relative_to(root)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def _imports(path: Path, root: Path = PACKAGE):
    """(line, engine area or None, top-level module name) of every import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(root.parent).with_suffix("").parts[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                area = parts[1] if parts[0] == "xuanchuan" and len(parts) > 1 else None
                yield node.lineno, area, parts[0]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                parts = [*base, *(node.module.split(".") if node.module else [])]
                names = [parts] if node.module else [[*parts, a.name] for a in node.names]
                for full in names:
                    yield node.lineno, full[1] if len(full) > 1 else None, "xuanchuan"
            else:
                parts = node.module.split(".")
                area = parts[1] if parts[0] == "xuanchuan" and len(parts) > 1 else None
                yield node.lineno, area, parts[0]


def _modules(root: Path = PACKAGE):
    return sorted(root.rglob("*.py"))


def _wrong_imports(root: Path) -> list[str]:
    wrong = []
    for path in _modules(root):
        area = _area(path, root)
        for line, target, _ in _imports(path, root):
            if target is not None and target in AREAS and target not in ALLOWED[area]:
                wrong.append(f"{path.relative_to(root)}:{line} imports {target}")
    return wrong


def test_every_module_belongs_to_an_area():
    assert {_area(path) for path in _modules()} <= set(ALLOWED)
    for area in ("core", "campaigns", "site", "printing", "publish", "mkdocs", "cli"):
        init = PACKAGE / area / "__init__.py"
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert docstring and "May import" in docstring, f"{area}/__init__.py says what it owns"


def test_imports_run_one_way():
    assert _wrong_imports(PACKAGE) == []


def test_only_the_adapter_imports_mkdocs():
    wrong = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in _modules()
        for line, _, top in _imports(path)
        if top == "mkdocs" and _area(path) != "mkdocs"
    ]
    assert wrong == []


def test_the_rule_catches_forbidden_imports(tmp_path):
    # The check above must be able to fail: relative, absolute and in-function imports.
    fake = tmp_path / "xuanchuan"
    for area in ("site", "printing", "core"):
        (fake / area).mkdir(parents=True)
    (fake / "site" / "bad.py").write_text("from ..printing.poster import render_pdf\n")
    (fake / "printing" / "bad.py").write_text("def f():\n    import xuanchuan.site.campaign_pages.views\n")
    (fake / "core" / "bad.py").write_text("from .. import campaigns\n")
    assert _wrong_imports(fake) == [
        "core/bad.py:1 imports campaigns",
        "printing/bad.py:2 imports site",
        "site/bad.py:1 imports printing",
    ]


# The sizes a newcomer can read in one sitting (ARCHITECTURE.md, "Rules").
MODULE_LINES, CLASS_LINES, FUNCTION_LINES, PARAMETERS = 450, 200, 60, 6


def _parameters(node) -> int:
    arguments = node.args
    named = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
    count = sum(1 for a in named if a.arg not in ("self", "cls"))
    return count + bool(arguments.vararg) + bool(arguments.kwarg)


def _over_limits(root: Path = PACKAGE) -> set[str]:
    """Every module, class and function over a limit, as "kind path:name"."""
    over = set()
    for path in _modules(root):
        name = path.relative_to(root).as_posix()
        source = path.read_text(encoding="utf-8")
        if len(source.splitlines()) > MODULE_LINES:
            over.add(f"module {name}")
        tree = ast.parse(source)
        for parent in ast.walk(tree):
            for node in ast.iter_child_nodes(parent):
                qualified = f"{name}:{getattr(parent, 'name', '')}.{getattr(node, 'name', '')}"
                qualified = qualified.replace(":.", ":")
                lines = getattr(node, "end_lineno", 0) - getattr(node, "lineno", 0) + 1
                if isinstance(node, ast.ClassDef) and lines > CLASS_LINES:
                    over.add(f"class {qualified}")
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    if lines > FUNCTION_LINES:
                        over.add(f"function {qualified}")
                    if _parameters(node) > PARAMETERS:
                        over.add(f"parameters {qualified}")
    return over


def test_no_module_class_or_function_is_over_the_size_limits():
    assert sorted(_over_limits()) == []


def test_the_size_check_can_fail(tmp_path):
    fake = tmp_path / "xuanchuan" / "core"
    fake.mkdir(parents=True)
    body = "\n".join(f"    x{n} = {n}" for n in range(61))
    (fake / "big.py").write_text(
        f"def long():\n{body}\n\n\ndef wide(a, b, c, d, e, f, g):\n    pass\n"
        + "\n" * 400
    )
    assert _over_limits(tmp_path / "xuanchuan") == {
        "module core/big.py",
        "function core/big.py:long",
        "parameters core/big.py:wide",
    }
