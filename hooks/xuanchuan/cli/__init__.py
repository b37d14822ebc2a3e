"""The ``xuanchuan`` command: tasks for the publicity team besides building the site.

One module per group of commands (``site_setup``: init; ``authoring``: new campaigns,
reports, the translation report; ``print_pack``), their options in ``arguments``; deploy
and check are the ``publish`` area's. May import every other area: it is the outermost.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from ..core.errors import SourceError
from ..core.messages import msg
from .arguments import make_parser
from .authoring import new_campaign_command, new_report_command, translations_command
from .print_pack import print_pack_command
from .site_setup import init_command


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if args.lang:
        # Through the environment, so it wins over mkdocs.yml when the project is read.
        os.environ["XUANCHUAN_LANG"] = args.lang
    try:
        if args.command in ("deploy", "check"):
            from ..publish.commands import check_command, deploy_command

            command = deploy_command if args.command == "deploy" else check_command
            return command(Path(args.config_file), args)
        if args.command == "init":
            return init_command(Path(args.config_file), args)
        if args.command == "translations":
            return translations_command(Path(args.config_file))
        if args.command == "new-campaign":
            return new_campaign_command(Path(args.config_file), args)
        if args.command == "new-report":
            return new_report_command(Path(args.config_file), args)
        if args.command == "print-pack":
            return print_pack_command(Path(args.config_file), args)
    except SourceError as error:
        if getattr(args, "json", False):
            # A script reading the JSON hears of the failure there too.
            print(json.dumps({"error": str(error)}, ensure_ascii=False))
        print(msg("Error: {problems}", problems=error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(msg("Stopped (Ctrl-C): nothing was changed after this point."), file=sys.stderr)
        return 130
    except OSError as error:
        # A full disk or an unreadable file met on the way: a message, not a traceback.
        reason = f"{error.filename or ''}: {error.strerror or error}"
        print(msg("Error: {problems}", problems=reason), file=sys.stderr)
        return 1
    return 2
