"""``xuanchuan print-pack``: the posters and leaflets of a chosen set in one PDF for the
print shop, a list of its contents on the cover."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from ..core.errors import Problem, SourceError
from ..core.messages import msg


def print_pack_command(config_file: Path, args) -> int:
    from ..campaigns.loader import load_campaigns
    from ..core.disk_cache import damage_report, take_damaged
    from ..mkdocs.project import read_project
    from ..printing.jobs.pack import check_output, write_pack
    from ..printing.jobs.pack_selection import check_selection, choose

    started = time.monotonic()
    project = read_project(config_file)
    check_output(args.output, project)
    draft = _pack_is_draft(config_file, project.site_url, args.strict)
    selection = _selection(args, project.settings)
    campaigns = load_campaigns(project.settings, project.project_dir)
    for slug in campaigns.left_out:
        warning = msg("warning: campaigns/{slug} is left out: run the build to see why", slug=slug)
        print(warning, file=sys.stderr)
    check_selection(selection, project.settings, campaigns)
    chosen = choose(selection, campaigns)
    data, printed, found, pages = _pack(project, selection, campaigns, chosen)
    if draft:
        from ..printing.jobs.draft_mark import mark_pdf

        data = mark_pdf(data, project.site_url)
    write_pack(data, args.output)
    damaged = take_damaged()
    if damaged:
        print(damage_report(damaged))
    print(
        msg(
            "wrote {output}: {items} items from {campaigns} campaigns, {pages} pages "
            "({rendered} print files rendered, {reused} reused, {seconds} s)",
            output=args.output,
            items=len(found),
            campaigns=len(chosen),
            pages=pages,
            rendered=printed.result.rendered,
            reused=printed.result.reused,
            seconds=f"{time.monotonic() - started:.1f}",
        )
    )
    return 0


def _selection(args, settings):
    """What the team asked for, with the settings' defaults where it asked nothing."""
    from ..printing.jobs.pack_selection import Selection, pack_contents, read_copies

    start, end = args.start, args.end
    if args.month:
        _check_month_alone(args)
        start, end = args.month
    what = pack_contents(settings, args.only)
    return Selection(
        language=settings.default.code if args.language is None else args.language,
        size=settings.print.poster_sizes[0] if args.size is None else args.size,
        place=args.place,
        start=start,
        end=end,
        kind=args.kind,
        what=what,
        duplex=args.duplex,
        bleed=float(settings.print.bleed if args.bleed is None else args.bleed),
        copies=read_copies(args.copies, what) if args.copies is not None else (),
    )


def _pack(project, selection, campaigns, chosen):
    """The pack's PDF, with the print files drawn for it, its entries and its pages."""
    from ..campaigns.model import CampaignSet
    from ..printing.jobs.pack import entries, for_pack, make_pack
    from ..printing.jobs.pack_selection import describe, formats_of
    from ..printing.jobs.run import PrintRequest, print_campaigns
    from ..printing.resolution import LowResolution
    from ..printing.text.embeddable import print_fonts

    subset = CampaignSet(
        {
            c.slug: {code: for_pack(v) for code, v in campaigns.campaigns[c.slug].items()}
            for c in chosen
        }
    )
    request = PrintRequest(
        sizes=(selection.size,),
        leaflets="leaflets" in selection.what,
        formats=formats_of(selection.what),
        bleed=selection.bleed,
    )
    printed = print_campaigns(subset, project, request)
    # A photo too coarse for the paper is told, not in the way: the pack is still made.
    stopping = []
    for problem in printed.problems:
        if isinstance(problem, LowResolution):
            print(msg("warning: {problem}", problem=str(problem)), file=sys.stderr)
        else:
            stopping.append(problem)
    if stopping:
        raise SourceError(stopping)
    t = project.settings.translator(selection.language)
    versions = [subset.campaigns[c.slug][selection.language] for c in chosen]
    found = entries(versions, printed.result, selection, t)
    if not found:
        raise SourceError(
            Problem(
                "print-pack",
                None,
                "--only",
                msg(
                    "nothing to print: the campaigns chosen ({selection}) have no {what}: a "
                    "card deck needs key points (poster.points) or cards",
                    selection=describe(selection),
                    what=", ".join(selection.what),
                ),
            )
        )
    fonts = print_fonts(printed.layouts.fonts)
    data, pages = make_pack(
        found,
        selection,
        t,
        {name: (font.family, font.bold) for name, font in fonts.items()},
        printed.layouts.colours_for(selection.kind or "default"),
    )
    return data, printed, found, pages


def _pack_is_draft(config_file: Path, url: str | None, strict: bool) -> bool:
    """A pack for the print shop with a placeholder address would print dead QR codes: an
    error with --strict, else a warning and every page marked 样稿 / DRAFT."""
    from ..core.site_address import site_url_problem

    found = site_url_problem(url, config_file.name, config_file.read_text(encoding="utf-8"))
    if found is None:
        return False
    problem, wrong = found
    if wrong or strict:
        raise SourceError(problem)
    print(msg("warning: {problem}", problem=problem), file=sys.stderr)
    print(msg("warning: every page of the pack is marked as a draft until then"), file=sys.stderr)
    return True


def _check_month_alone(args) -> None:
    given = [flag for flag, value in (("--from", args.start), ("--to", args.end)) if value]
    if given:
        raise SourceError(
            Problem(
                "print-pack",
                None,
                "--month",
                msg(
                    "cannot be combined with {flags}: expected either --month or --from/--to",
                    flags=given[0]
                    if len(given) == 1
                    else msg("{first} and {second}", first=given[0], second=given[1]),
                ),
            )
        )
