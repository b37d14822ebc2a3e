"""The ``xuanchuan`` command: tasks for the publicity team besides building the site."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .errors import SourceError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="xuanchuan",
        description="Xuanchuan: bilingual publicity site, posters and leaflets.",
    )
    parser.add_argument(
        "-f",
        "--config-file",
        default="mkdocs.yml",
        help="the site's mkdocs.yml (default: %(default)s)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "translations",
        help="list, per language, pages not yet translated or older than the original",
    )
    new = commands.add_parser(
        "new-campaign",
        help="create a campaign folder from the starter template of its type",
        description="新建一个宣传活动：生成中英文两个文件，日期已填好，字段都有中文说明。",
    )
    new.add_argument("slug", help="the folder name and web address, e.g. spring-irrigation-2027")
    new.add_argument("--type", required=True, dest="kind", help="e.g. safe-electricity")
    new.add_argument("--start", type=_date, default=None, help="YYYY-MM-DD (default: today)")
    new.add_argument("--end", type=_date, default=None, help="YYYY-MM-DD (default: a month on)")
    args = parser.parse_args(argv)
    try:
        if args.command == "translations":
            return _translations(Path(args.config_file))
        if args.command == "new-campaign":
            return _new_campaign(Path(args.config_file), args)
    except SourceError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    return 2


def _translations(config_file: Path) -> int:
    from .mkdocs_adapter import read_project
    from .translation_report import format_status, translation_sources, translation_status

    project = read_project(config_file)
    sources = translation_sources(
        project.catalogue(), project.project_dir / project.settings.campaigns_dir
    )
    statuses = translation_status(sources, project.settings, project.project_dir)
    for line in format_status(statuses, len(sources)):
        print(line)
    return 0


def _new_campaign(config_file: Path, args) -> int:
    from .mkdocs_adapter import read_project
    from .scaffold import TEMPLATES, new_campaign

    project = read_project(config_file)
    written = new_campaign(
        project_dir=project.project_dir,
        templates_dir=project.overrides_dir / TEMPLATES,
        settings=project.settings,
        slug=args.slug,
        kind=args.kind,
        start=args.start or dt.date.today(),
        end=args.end,
    )
    for path in written:
        print(f"created {path.relative_to(project.project_dir)}")
    print("next: edit these files, then preview with: .venv/bin/mkdocs serve")
    return 0


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" is not a date: expected YYYY-MM-DD') from None


if __name__ == "__main__":
    sys.exit(main())
