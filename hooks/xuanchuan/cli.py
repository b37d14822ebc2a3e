"""The ``xuanchuan`` command: tasks for the publicity team besides building the site."""

from __future__ import annotations

import argparse
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
    args = parser.parse_args(argv)
    try:
        if args.command == "translations":
            return _translations(Path(args.config_file))
    except SourceError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    return 2


def _translations(config_file: Path) -> int:
    from .mkdocs_adapter import read_catalogue
    from .translation_report import format_status, translation_status

    catalogue, project_dir = read_catalogue(config_file)
    statuses = translation_status(catalogue, project_dir)
    for line in format_status(statuses, len(catalogue.pages)):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
