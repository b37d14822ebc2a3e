"""Which translations are missing or older than the default-language page they translate.

The build log shows the report at its end. A site with a thousand pages in one language only
would fill the log with a line per page: there, a list longer than ``LOG_LIMIT`` is shown as
its count and the folders that hold most of it, and the whole report is written to
``REPORT_FILE`` (under the project's cache folder, never into the published site).
"""

from __future__ import annotations

import os
import posixpath
import subprocess
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...core.catalogs import catalog_path, source
from ...core.catalogs import missing as catalog_missing
from ...core.disk_cache import CACHE_DIR
from ...core.errors import SourceError
from ...core.frontmatter import read_document
from ...core.languages import split_language
from ...core.messages import Message, msg
from ...core.settings import Settings
from ...core.strings import language_name
from .sources import Catalogue

# Lists longer than this are summarised in the build log.
LOG_LIMIT = 10
# The folders named in a summary: enough to see where the work is.
TOP_FOLDERS = 3
# The whole report, relative to the project folder.
REPORT_FILE = CACHE_DIR / "translations.txt"


@dataclass(frozen=True)
class LanguageStatus:
    code: str
    name: str
    missing: tuple[str, ...]
    outdated: tuple[str, ...]
    # Campaign translations that show the default language's title instead of their own.
    untitled: tuple[str, ...] = ()


def translation_status(
    sources: dict[str, dict[str, Path]], settings: Settings, project_dir: Path
) -> list[LanguageStatus]:
    """The status of every non-default language, in the configured order.

    ``sources`` maps each page (``about.md``, ``campaigns/x/index.md``) to its file per
    language code.
    """
    default = settings.default.code
    changed = last_changed(
        [path for files in sources.values() for path in files.values()], project_dir
    )
    result = []
    for language in settings.languages[1:]:
        code = language.code
        missing = tuple(key for key, files in sorted(sources.items()) if code not in files)
        outdated = tuple(
            key
            for key, files in sorted(sources.items())
            if code in files and default in files and changed[files[code]] < changed[files[default]]
        )
        untitled = tuple(
            key
            for key, files in sorted(sources.items())
            if key.endswith("/index.md")
            and key.startswith("campaigns/")
            and code in files
            and not _has_title(files[code])
        )
        result.append(LanguageStatus(code, language.name, missing, outdated, untitled))
    return result


def _has_title(path: Path) -> bool:
    """Whether a translation file gives its own title (a broken file is reported by the
    build, not here)."""
    try:
        document = read_document(path, path.name)
    except SourceError:
        return True
    title = document.meta.get("title") if isinstance(document.meta, dict) else None
    return isinstance(title, str) and bool(title.strip())


def translation_sources(catalogue: Catalogue, campaigns_dir: Path) -> dict[str, dict[str, Path]]:
    """Every page and campaign file by page and language, whether or not it is valid."""
    sources = {key: dict(page.files) for key, page in catalogue.pages.items()}
    codes = catalogue.settings.codes
    for path in sorted(campaigns_dir.glob("*/index.*.md")):
        code = path.name.split(".")[1]
        if code in codes and not path.parent.name.startswith((".", "_")):
            sources.setdefault(f"campaigns/{path.parent.name}/index.md", {})[code] = path
    # Reports are translated as campaigns are (a report's own title is optional: it shows
    # the original's).
    for path in sorted(campaigns_dir.glob("*/reports/*.*.md")):
        name, code = split_language(path.name)
        if code in codes and not path.parent.parent.name.startswith((".", "_")):
            key = f"campaigns/{path.parent.parent.name}/reports/{name}"
            sources.setdefault(key, {})[code] = path
    return sources


def translation_report(catalogue: Catalogue, settings: Settings, project_dir: Path) -> list[str]:
    """The report's lines: per language, what is missing or older than the original, then
    the engine's own texts each language's catalog lacks."""
    sources = translation_sources(catalogue, project_dir / settings.campaigns_dir)
    statuses = translation_status(sources, settings, project_dir)
    return format_status(statuses, len(sources)) + interface_texts(settings)


def interface_texts(settings: Settings) -> list[str]:
    """Per language, the engine's texts (menus, labels, print) its catalog does not give."""
    lines = []
    english = {key: entry.singular for key, entry in source("site").items()}
    total = len(english)
    for language in settings.languages:
        missing = catalog_missing("site", language.code)
        if not missing:
            continue
        shown_in = settings.translator(language.code).shown_instead
        lines.append(
            str(
                msg(
                    "{name} ({code}): {count} of {total} of the site's own texts (menus, "
                    "labels, print) not translated; they show in {fallback}. Translate them in "
                    "hooks/xuanchuan/locale/{folder}/LC_MESSAGES/site.po",
                    name=language_name(language.code, language.name),
                    code=language.code,
                    count=len(missing),
                    total=total,
                    fallback=language_name(shown_in, shown_in),
                    folder=language.code.replace("-", "_"),
                )
            )
        )
        if catalog_path("site", language.code).is_file():  # else every text: none to list
            lines += [
                str(msg('  text missing: {key} ("{english}")', key=key, english=english[key]))
                for key in missing
            ]
    return lines


def build_report(catalogue: Catalogue, settings: Settings, project_dir: Path) -> list[str]:
    """The report for the build log, long lists summarised; the whole report is written to
    ``REPORT_FILE``, and a summarised log names it."""
    sources = translation_sources(catalogue, project_dir / settings.campaigns_dir)
    statuses = translation_status(sources, settings, project_dir)
    whole = format_status(statuses, len(sources)) + interface_texts(settings)
    lines = format_status(statuses, len(sources), limit=LOG_LIMIT)
    try:
        _write_report(project_dir / REPORT_FILE, whole)
    except OSError as error:
        return [
            *lines,
            str(
                msg(
                    "the whole list could not be written to {file} ({error}): make that "
                    "folder writable",
                    file=REPORT_FILE.as_posix(),
                    error=error.strerror or error,
                )
            ),
        ]
    if lines != whole:
        lines.append(str(msg("the whole list: {file}", file=REPORT_FILE.as_posix())))
    return lines


def format_status(
    statuses: list[LanguageStatus], total: int, limit: int | None = None
) -> list[str]:
    """The report's lines; with a ``limit``, a longer list is its count and top folders."""
    lines = []
    for status in statuses:
        translated = total - len(status.missing)
        summary = msg(
            "{name} ({code}): {translated} of {total} pages translated, {missing} missing, "
            "{outdated} out of date",
            name=language_name(status.code, status.name),
            code=status.code,
            translated=translated,
            total=total,
            missing=len(status.missing),
            outdated=len(status.outdated),
        )
        lines.append(str(summary))
        lines += _listed(
            status.missing,
            limit,
            lambda key: msg("  missing: {page}", page=key),
            lambda count, folders: msg(
                "  missing: {count} pages, most in {folders}", count=count, folders=folders
            ),
        )
        lines += _listed(
            status.outdated,
            limit,
            lambda key: msg("  out of date: {page}", page=key),
            lambda count, folders: msg(
                "  out of date: {count} pages, most in {folders}", count=count, folders=folders
            ),
        )
        lines += _listed(
            status.untitled,
            limit,
            lambda key: msg("  no title of its own (shows the original's): {page}", page=key),
            lambda count, folders: msg(
                "  no title of its own (shows the original's): {count} pages, most in {folders}",
                count=count,
                folders=folders,
            ),
        )
    return lines


def _listed(
    pages: tuple[str, ...],
    limit: int | None,
    each: Callable[[str], Message],
    many: Callable[[int, str], Message],
) -> list[str]:
    if limit is not None and len(pages) > limit:
        return [str(many(len(pages), _top_folders(pages)))]
    return [str(each(key)) for key in pages]


def _top_folders(pages: tuple[str, ...]) -> str:
    """Where most of ``pages`` are, as "行政法规/ (684), 司法解释/ (440), 经济法/ (91), …"."""
    counts = Counter(_folder(key) for key in pages)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    shown = [f"{folder} ({count})" for folder, count in ranked[:TOP_FOLDERS]]
    return ", ".join(shown + (["…"] if len(ranked) > TOP_FOLDERS else []))


def _folder(key: str) -> str:
    # A campaign is a folder of its own: its pages are counted together.
    if key.startswith("campaigns/"):
        return "campaigns/"
    folder = posixpath.dirname(key)
    return f"{folder}/" if folder else "./"


def _write_report(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    os.replace(partial, path)


def last_changed(paths: list[Path], project_dir: Path) -> dict[Path, float]:
    """When each file last changed: its last commit, or its modification time if it has
    uncommitted changes or the project is not a git repository.

    File times alone would be useless here: a fresh clone gives every file the same time.
    """
    committed = _commit_times(project_dir)
    dirty = _uncommitted(project_dir)
    result = {}
    for path in paths:
        resolved = path.resolve()
        if resolved in committed and resolved not in dirty:
            result[path] = committed[resolved]
        else:
            result[path] = path.stat().st_mtime
    return result


def _git(project_dir: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(project_dir), *args],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout


def _toplevel(project_dir: Path) -> Path | None:
    out = _git(project_dir, "rev-parse", "--show-toplevel")
    return Path(out.strip()).resolve() if out else None


def _commit_times(project_dir: Path) -> dict[Path, float]:
    top = _toplevel(project_dir)
    out = _git(project_dir, "log", "--format=%x00%ct", "--name-only", "--no-renames", "--", ".")
    if top is None or out is None:
        return {}
    times: dict[Path, float] = {}
    for block in out.split("\x00")[1:]:
        stamp, _, names = block.partition("\n")
        for name in names.split("\n"):
            if name.strip():
                # git log lists newest commits first: keep the first time seen.
                times.setdefault((top / name.strip()).resolve(), float(stamp))
    return times


def _uncommitted(project_dir: Path) -> set[Path]:
    top = _toplevel(project_dir)
    out = _git(project_dir, "status", "--porcelain", "--untracked-files=all", "--", ".")
    if top is None or out is None:
        return set()
    return {(top / line[3:].strip().strip('"')).resolve() for line in out.splitlines() if line}
