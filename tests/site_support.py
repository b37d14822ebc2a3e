"""Build real sites with the real engine: the project's own site or small fixture sites."""

from __future__ import annotations

import hashlib
import os
import posixpath
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import yaml
from bs4 import BeautifulSoup

PROJECT = Path(__file__).resolve().parent.parent


@dataclass
class BuildResult:
    returncode: int
    output: str
    project: Path
    site_dir: Path | None = None

    @property
    def site(self) -> Path:
        return self.site_dir or self.project / "site"

    def html(self, relative: str) -> BeautifulSoup:
        return BeautifulSoup((self.site / relative).read_text(encoding="utf-8"), "html.parser")


def run_mkdocs(
    project: Path,
    *args: str,
    env: dict | None = None,
    site_dir: Path | None = None,
    strict: bool = True,
) -> BuildResult:
    if strict:
        args = ("--strict", *args)
    if site_dir is not None:
        args = (*args, "--site-dir", str(site_dir))
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    # One stream, in the order a terminal shows it: the last lines are the last words.
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=environment,
        timeout=600,
    )
    return BuildResult(done.returncode, done.stdout, project, site_dir)


# The address test sites are published at: a team's own, not a placeholder (the starter's
# example.org address stops a strict build until ``xuanchuan init`` replaces it).
SITE_URL = "https://www.qxdl.cn/xuanchuan/"


def starter_project(root: Path, site_url: str = SITE_URL) -> Path:
    """The starter project as a new team has it after ``xuanchuan init --site-url``: its
    content, campaigns and theme copied, the engine and the print cache shared."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("content", "campaigns", "overrides"):
        shutil.copytree(PROJECT / name, root / name)
    shutil.copyfile(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "hooks").symlink_to(PROJECT / "hooks")
    # Drawing is the slow part of a build and a print cache entry is keyed by all that makes
    # it, so the print cache is shared; the rest of the cache (the build lock, kept pages,
    # deploy records) is the project's own, so that projects build side by side.
    shared = PROJECT / ".cache" / "xuanchuan" / "print"
    shared.mkdir(parents=True, exist_ok=True)
    (root / ".cache" / "xuanchuan").mkdir(parents=True)
    (root / ".cache" / "xuanchuan" / "print").symlink_to(shared)
    done = run_xuanchuan(root, "init", "--site-url", site_url)
    assert done.returncode == 0, done.stdout + done.stderr
    return root


def run_xuanchuan(project: Path, *args: str, env: dict | None = None, **kw):
    """The ``xuanchuan`` command, run in ``project`` as the team runs it."""
    return subprocess.run(
        [sys.executable, "-m", "xuanchuan.cli", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        timeout=kw.pop("timeout", 600),
        **kw,
    )


def fixture_config(**overrides) -> dict:
    """A small site using the project's engine, theme overrides and Markdown setup."""
    config = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    config["theme"]["custom_dir"] = str(PROJECT / "overrides")
    config["hooks"] = [str(PROJECT / "hooks" / "xuanchuan_hooks.py")]
    config["site_name"] = "Fixture"
    config["site_url"] = SITE_URL
    config.update(overrides)
    return config


def write_site(root: Path, pages: dict[str, str], config: dict | None = None) -> Path:
    """Write a fixture project: ``pages`` maps paths under content/ to their text."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(
        yaml.dump(config or fixture_config(), allow_unicode=True, Dumper=_Dumper), encoding="utf-8"
    )
    for name, text in pages.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def write_content(root: Path, files: dict[str, str]) -> Path:
    """Write pages into ``root``'s content/ folder as they are given; the folder."""
    for name, text in files.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "content"


def page(title: str, body: str = "", **fields) -> str:
    meta = yaml.dump({"title": title, **fields}, allow_unicode=True, sort_keys=False)
    return f"---\n{meta}---\n\n# {title}\n\n{body}\n"


def tree_digest(root: Path) -> dict[str, str]:
    """sha256 of every file under ``root``, by relative path."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def short_pages(site: Path) -> dict[str, str]:
    """Where each short page of a built site (``s/<code>.html`` of every language) sends
    the reader, read from its meta refresh: {short page: page}, both relative to the site."""
    found = {}
    for path in sorted([*site.glob("s/*.html"), *site.glob("*/s/*.html")]):
        relative = path.relative_to(site).as_posix()
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        refresh = html.find("meta", attrs={"http-equiv": "refresh"})
        if refresh is None:
            continue  # a page listing several pages that share a code
        url = refresh["content"].split("url=", 1)[1].strip("'")
        target = posixpath.join(posixpath.dirname(relative), unquote(url))
        found[relative] = posixpath.normpath(target)
    return found


def short_address(site: Path, page: str) -> str:
    """The short page (relative to the site) that leads to ``page``."""
    leading = [short for short, target in short_pages(site).items() if target == page]
    assert len(leading) == 1, (page, leading)
    return leading[0]


# mkdocs.yml uses a !!python tag for the heading slugs; keep it through load and dump.
class _Loader(yaml.SafeLoader):
    pass


class _Tagged:
    def __init__(self, tag, node):
        self.tag, self.node = tag, node


def _construct_tagged(loader, suffix, node):
    return _Tagged("tag:yaml.org,2002:python/" + suffix, node)


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Tagged, lambda dumper, value: _retag(value))


def _retag(value: _Tagged):
    node = value.node
    node.tag = value.tag
    return node
