"""The ``xuanchuan`` command's options, one function per command, and how a value the
team types (a date, a month, millimetres) is read."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..core.messages import msg


def make_parser() -> argparse.ArgumentParser:
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
    for add in (
        _init_arguments,
        _deploy_arguments,
        _check_arguments,
        _translations_arguments,
        _new_campaign_arguments,
        _new_report_arguments,
        _print_pack_arguments,
    ):
        add(commands)
    return parser


def _init_arguments(commands) -> None:
    """xuanchuan init: the organisation's own settings."""
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


def _deploy_arguments(commands) -> None:
    """xuanchuan deploy: publishing through rclone."""
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


def _check_arguments(commands) -> None:
    """xuanchuan check: the built site's links and QR codes."""
    check = commands.add_parser(
        "check",
        help="check every link, picture, print file, short link and QR code of the built site",
        description="检查生成好的网站：每个链接、锚点、图片、宣传品文件、短链接和二维码地址都能在网站里找到；"
        "加 --live 网址，再逐个检查线上的页面和二维码能不能打开。",
    )
    check.add_argument("--live", metavar="URL", help="also ask the deployed site at URL")
    check.add_argument("--json", action="store_true", help="print the result as JSON")


def _translations_arguments(commands) -> None:
    """xuanchuan translations: what is not yet translated."""
    commands.add_parser(
        "translations",
        help="list, per language, pages not yet translated or older than the original",
    )


def _new_campaign_arguments(commands) -> None:
    """xuanchuan new-campaign: a campaign from its type's template."""
    new = commands.add_parser(
        "new-campaign",
        help="create a campaign folder from the starter template of its type",
        description="新建一个宣传活动：生成中英文两个文件，日期已填好，字段都有中文说明。",
    )
    new.add_argument("slug", help="the folder name and web address, e.g. spring-irrigation-2027")
    new.add_argument("--type", required=True, dest="kind", help="e.g. safe-electricity")
    new.add_argument("--start", type=_date, default=None, help="YYYY-MM-DD (default: today)")
    new.add_argument("--end", type=_date, default=None, help="YYYY-MM-DD (default: a month on)")


def _new_report_arguments(commands) -> None:
    """xuanchuan new-report: a report from the campaign's schedule."""
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


def _print_pack_arguments(commands) -> None:
    """xuanchuan print-pack: one PDF for the print shop."""
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
