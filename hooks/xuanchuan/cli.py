"""The ``xuanchuan`` command: tasks for the publicity team besides building the site."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from .core.errors import Problem, SourceError
from .core.messages import msg


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
    parser.add_argument(
        "--lang",
        help="the language of messages, e.g. en (default: the site's messages_language, "
        "else its first language)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    init = commands.add_parser(
        "init",
        help="make the site your organisation's own: name, address, hotline, logo, languages",
        description="设置本单位的网站：单位全称、简称、网址、咨询电话、标志和语言，"
        "写进 mkdocs.yml，其他内容不动。不带选项时逐项询问（直接回车保留原值）。"
        " Example: xuanchuan init --site-url https://www.example.gov.cn/xuanchuan/",
    )
    init.add_argument("--name", help="the organisation's full name, e.g. 城关区总工会")
    init.add_argument("--short-name", help="the site's name, shown at the top of every page")
    init.add_argument("--site-url", help="where the site is published: https://host/path/")
    init.add_argument("--hotline", help="printed on posters and leaflets, e.g. 95598")
    init.add_argument("--logo", help="a PNG picture of the organisation's logo")
    init.add_argument("--languages", help="language codes, the default first, e.g. zh,en")
    init.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 if the site address is still missing or a placeholder",
    )
    deploy = commands.add_parser(
        "deploy",
        help="publish the built site to static hosting through rclone, then check it live",
        description="把生成好的网站发布到网站空间（阿里云 OSS、腾讯云 COS、华为云 OBS、七牛、S3、"
        "SFTP、WebDAV、FTP 或一个文件夹），只传改动过的文件，最后检查线上每个页面和二维码都能打开。"
        "账号密码只从 rclone 的配置或环境变量读取。"
        " Example: xuanchuan deploy oss:my-bucket/site",
    )
    deploy.add_argument("target", help="an rclone remote, e.g. oss:bucket/site or /srv/www/site")
    deploy.add_argument(
        "--dry-run", action="store_true", help="print what would be uploaded and deleted only"
    )
    deploy.add_argument("--json", action="store_true", help="print the plan or result as JSON")
    deploy.add_argument(
        "--live",
        metavar="URL",
        help="the address to check the deployed site at (default: site_url of mkdocs.yml)",
    )
    deploy.add_argument(
        "--no-check", action="store_true", help="skip the live check after uploading"
    )
    check = commands.add_parser(
        "check",
        help="check every link, picture, print file, short link and QR code of the built site",
        description="检查生成好的网站：每个链接、锚点、图片、宣传品文件、短链接和二维码地址都能在网站里找到；"
        "加 --live 网址，再逐个检查线上的页面和二维码能不能打开。",
    )
    check.add_argument("--live", metavar="URL", help="also ask the deployed site at URL")
    check.add_argument("--json", action="store_true", help="print the result as JSON")
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
    report = commands.add_parser(
        "new-report",
        help="start an activity report of a campaign, as a draft filled in from its schedule",
        description="新建一篇活动简报：那天安排的活动、地点和活动目标都已填好，字段都有中文说明。"
        " Example: xuanchuan new-report safety-month-2026 --date 2026-06-06",
    )
    report.add_argument("campaign", help="the campaign's folder name, e.g. safety-month-2026")
    # Read as text and checked with the campaign, so a mistake shows in the team's language.
    report.add_argument("--date", required=True, help="the day reported, YYYY-MM-DD")
    report.add_argument(
        "--name",
        help="the file name after the date, e.g. market-stall (default: from the activity's "
        "English title, else report)",
    )
    pack = commands.add_parser(
        "print-pack",
        help="one PDF with the posters and leaflets of a chosen set, for the print shop",
        description="把选定活动的海报和三折页合成一个 PDF，第一页是清单，方便一次交给印刷厂。"
        " Example: xuanchuan print-pack --place 石卡镇 --month 2027-06 --size A3",
    )
    pack.add_argument("--place", help="a village, town or counter named by the campaigns")
    pack.add_argument("--from", dest="start", type=_date, help="first day, YYYY-MM-DD")
    pack.add_argument("--to", dest="end", type=_date, help="last day, YYYY-MM-DD")
    pack.add_argument("--month", type=_month, help="a whole month, YYYY-MM")
    pack.add_argument("--type", dest="kind", help="one campaign type, e.g. safety-month")
    pack.add_argument("--language", help="language code (default: the site's first language)")
    pack.add_argument("--size", help="poster paper size (default: the first configured)")
    pack.add_argument(
        "--only",
        choices=("posters", "leaflets", "banners", "boards", "cards"),
        help="one kind only: banners, boards and card decks are drawn on request, "
        "whether or not the site offers them",
    )
    pack.add_argument(
        "--duplex",
        action="store_true",
        help="for printing on both sides: blank pages so each item starts on a new sheet",
    )
    pack.add_argument(
        "--bleed",
        type=_millimetres,
        help="for the print shop: bleed in mm round every item, with crop marks "
        "(default: extra.xuanchuan.print.bleed in mkdocs.yml, else none)",
    )
    pack.add_argument(
        "--copies",
        help="how many of each item, listed on the cover: 20, or posters=50,leaflets=500",
    )
    pack.add_argument(
        "-o", "--output", type=Path, default=Path("print-pack.pdf"), help="default: %(default)s"
    )
    pack.add_argument(
        "--strict",
        action="store_true",
        help="stop instead of marking the pack as a draft when the site has no address of its own",
    )
    args = parser.parse_args(argv)
    if args.lang:
        # Through the environment, so it wins over mkdocs.yml when the project is read.
        os.environ["XUANCHUAN_LANG"] = args.lang
    try:
        if args.command in ("deploy", "check"):
            from .publish.commands import check_command, deploy_command

            command = deploy_command if args.command == "deploy" else check_command
            return command(Path(args.config_file), args)
        if args.command == "init":
            return _init(Path(args.config_file), args)
        if args.command == "translations":
            return _translations(Path(args.config_file))
        if args.command == "new-campaign":
            return _new_campaign(Path(args.config_file), args)
        if args.command == "new-report":
            return _new_report(Path(args.config_file), args)
        if args.command == "print-pack":
            return _print_pack(Path(args.config_file), args)
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


def _init(config_file: Path, args) -> int:
    from .core.messages import use_language
    from .core.settings import messages_language_in, read_config_text
    from .publish.init_site import LABELS, Answers, apply_answers, check_answers
    from .publish.init_site import current_answers as now

    text = read_config_text(config_file)
    project_dir = config_file.resolve().parent
    # Messages in the site's language, read leniently: mkdocs.yml may be half written.
    use_language(messages_language_in(text))
    if args.check:
        return _check_address(config_file.name, text)
    answers = Answers(
        name=args.name,
        short_name=args.short_name,
        site_url=args.site_url,
        hotline=args.hotline,
        logo=args.logo,
        languages=args.languages,
    )
    if not answers.given():
        if not sys.stdin.isatty():
            print(
                msg(
                    "nothing to change: give what to set, such as --site-url https://…/ "
                    "(xuanchuan init --help lists them all), or run it in a terminal to be asked"
                ),
                file=sys.stderr,
            )
            return 2
        answers = _ask(now(text), project_dir)
    check_answers(answers, project_dir, config_file.name)
    changes = apply_answers(config_file, answers)
    if not changes:
        print(msg("{file}: nothing changed, it already says so", file=config_file.name))
    for field, before, after in changes:
        print(
            msg(
                "{file}: {setting}: {before} → {after}",
                file=config_file.name,
                setting=LABELS[field],
                before=before if before is not None else "—",
                after=after,
            )
        )
    print(msg("next: preview with .venv/bin/mkdocs serve, or build with bash scripts/build.sh"))
    return 0


def _check_address(config_name: str, text: str) -> int:
    from .core.site_address import site_url_problem, written_site_url

    url = written_site_url(text)
    found = site_url_problem(url, config_name, text)
    if found is None:
        print(msg("site address: {url}", url=url))
        return 0
    problem, wrong = found
    print(problem, file=sys.stderr)
    # 1: not set yet (drafts can be built); 2: written wrongly (nothing can be built).
    return 2 if wrong else 1


def _ask(current, project_dir: Path):
    """Each setting in turn, showing what mkdocs.yml says now; Enter keeps it."""
    from .publish.init_site import LABELS, Answers, answer_problem

    answers = Answers()
    print(msg("Press Enter to keep the value shown in [brackets]."))
    for field, label in LABELS.items():
        shown = getattr(current, field)
        while True:
            try:
                typed = input(f"{label} [{shown or ''}]: ").strip()
            except EOFError:
                typed = ""
            if not typed:
                break
            typed = getattr(Answers(**{field: typed}), field)  # as an option is read
            problem = answer_problem(field, typed, project_dir)
            if problem is None:
                setattr(answers, field, typed)
                break
            print(f"  {problem}")
    return answers


def _translations(config_file: Path) -> int:
    from .mkdocs.project import read_project
    from .site.pages.sources import scan_pages
    from .site.pages.translation_report import translation_report

    project = read_project(config_file)
    catalogue = scan_pages(project.docs_dir, project.settings, project.project_dir)
    for line in translation_report(catalogue, project.settings, project.project_dir):
        print(line)
    return 0


def _new_campaign(config_file: Path, args) -> int:
    from .campaigns.scaffold import TEMPLATES, new_campaign
    from .mkdocs.project import read_project

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
        print(msg("created {file}", file=path.relative_to(project.project_dir)))
    print(msg("next: edit these files, then preview with: .venv/bin/mkdocs serve"))
    return 0


def _new_report(config_file: Path, args) -> int:
    from .campaigns.report_scaffold import REPORT_TEMPLATES, new_report, report_day
    from .mkdocs.project import read_project

    project = read_project(config_file)
    day = report_day(args.date, project.settings, args.campaign)
    written = new_report(
        project_dir=project.project_dir,
        templates_dir=project.overrides_dir / REPORT_TEMPLATES,
        settings=project.settings,
        slug=args.campaign,
        day=day,
        name=args.name,
    )
    print(msg("created {file}", file=written.relative_to(project.project_dir)))
    print(
        msg(
            "next: write the report, put its photos in {folder}, then preview with: "
            ".venv/bin/mkdocs serve",
            folder=(written.parent / "photos").relative_to(project.project_dir).as_posix(),
        )
    )
    return 0


def _print_pack(config_file: Path, args) -> int:
    import time

    from .campaigns.loader import load_campaigns
    from .campaigns.model import CampaignSet
    from .core.disk_cache import damage_report, take_damaged
    from .printing.jobs.pack import (
        Selection,
        check_output,
        check_selection,
        choose,
        describe,
        entries,
        for_pack,
        formats_of,
        make_pack,
        pack_contents,
        read_copies,
        write_pack,
    )
    from .printing.jobs.run import print_campaigns
    from .printing.resolution import LowResolution
    from .printing.text.embeddable import print_fonts

    started = time.monotonic()
    from .mkdocs.project import read_project

    project = read_project(config_file)
    settings = project.settings
    check_output(args.output, project)
    draft = _pack_is_draft(config_file, project.site_url, args.strict)
    start, end = args.start, args.end
    if args.month:
        _check_month_alone(args)
        start, end = args.month
    what = pack_contents(settings, args.only)
    selection = Selection(
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
    campaigns = load_campaigns(settings, project.project_dir)
    for slug in campaigns.left_out:
        warning = msg("warning: campaigns/{slug} is left out: run the build to see why", slug=slug)
        print(warning, file=sys.stderr)
    check_selection(selection, settings, campaigns)
    chosen = choose(selection, campaigns)
    subset = CampaignSet(
        {
            c.slug: {code: for_pack(v) for code, v in campaigns.campaigns[c.slug].items()}
            for c in chosen
        }
    )
    printed = print_campaigns(
        subset,
        project,
        sizes=(selection.size,),
        leaflets="leaflets" in selection.what,
        formats=formats_of(selection.what),
        bleed=selection.bleed,
    )
    # A photo too coarse for the paper is told, not in the way: the pack is still made.
    stopping = []
    for problem in printed.problems:
        if isinstance(problem, LowResolution):
            print(msg("warning: {problem}", problem=str(problem)), file=sys.stderr)
        else:
            stopping.append(problem)
    if stopping:
        raise SourceError(stopping)
    t = settings.translator(selection.language)
    chosen = [subset.campaigns[c.slug][selection.language] for c in chosen]
    found = entries(chosen, printed.result, selection, t)
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
    if draft:
        from .printing.jobs.draft_mark import mark_pdf

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


def _pack_is_draft(config_file: Path, url: str | None, strict: bool) -> bool:
    """A pack for the print shop with a placeholder address would print dead QR codes: an
    error with --strict, else a warning and every page marked 样稿 / DRAFT."""
    from .core.site_address import site_url_problem

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


def _month(text: str) -> tuple[dt.date, dt.date]:
    import calendar

    try:
        first = dt.date.fromisoformat(f"{text}-01")
    except ValueError:
        problem = msg('"{text}" is not a month: expected YYYY-MM', text=text)
        raise argparse.ArgumentTypeError(str(problem)) from None
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _millimetres(text: str) -> float:
    import math

    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        problem = msg(
            '"{text}" is not a number: expected the bleed in millimetres, such as 3', text=text
        )
        raise argparse.ArgumentTypeError(str(problem))
    return value


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        problem = msg('"{text}" is not a date: expected YYYY-MM-DD', text=text)
        raise argparse.ArgumentTypeError(str(problem)) from None


if __name__ == "__main__":
    sys.exit(main())
