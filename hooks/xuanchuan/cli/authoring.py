"""The team's writing commands: a new campaign, a new report, and the translation report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..core.messages import msg


def translations_command(config_file: Path) -> int:
    from ..mkdocs.project import read_project
    from ..site.pages.sources import scan_pages
    from ..site.pages.translation_report import translation_report

    project = read_project(config_file)
    catalogue = scan_pages(project.docs_dir, project.settings, project.project_dir)
    for line in translation_report(catalogue, project.settings, project.project_dir):
        print(line)
    return 0


def new_campaign_command(config_file: Path, args) -> int:
    from ..campaigns.scaffold import TEMPLATES, Scaffolding, new_campaign
    from ..mkdocs.project import read_project

    project = read_project(config_file)
    where = Scaffolding(project.project_dir, project.overrides_dir / TEMPLATES, project.settings)
    written = new_campaign(where, args.slug, args.kind, args.start or dt.date.today(), args.end)
    for path in written:
        print(msg("created {file}", file=path.relative_to(project.project_dir)))
    print(msg("next: edit these files, then preview with: .venv/bin/mkdocs serve"))
    return 0


def new_report_command(config_file: Path, args) -> int:
    from ..campaigns.report_scaffold import REPORT_TEMPLATES, new_report, report_day
    from ..campaigns.scaffold import Scaffolding
    from ..mkdocs.project import read_project

    project = read_project(config_file)
    day = report_day(args.date, project.settings, args.campaign)
    templates = project.overrides_dir / REPORT_TEMPLATES
    where = Scaffolding(project.project_dir, templates, project.settings)
    written = new_report(where, args.campaign, day, args.name)
    print(msg("created {file}", file=written.relative_to(project.project_dir)))
    print(
        msg(
            "next: write the report, put its photos in {folder}, then preview with: "
            ".venv/bin/mkdocs serve",
            folder=(written.parent / "photos").relative_to(project.project_dir).as_posix(),
        )
    )
    return 0
