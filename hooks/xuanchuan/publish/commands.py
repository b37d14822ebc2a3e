"""The ``deploy`` and ``check`` commands: what they check first, what they print, and how
they end (an exit status a script can trust, the last line in the team's language)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from ..core.disk_cache import CACHE_DIR
from ..core.errors import Problem, SourceError, shown_path
from ..core.messages import msg, use_language
from ..core.settings import messages_language_in, read_config_text
from ..core.site_address import address_problem, site_url_problem, written_site_url
from ..core.yaml_edit import get_value
from .deploy import Deployment, Plan
from .live_check import check_live, live_addresses
from .rclone import RcloneError, target_problem
from .site_check import CheckResult, check_site

DEPLOY_RECORDS = CACHE_DIR / "deploy"
LISTED = 20  # files named in a plan before "…and N more"


class _Site:
    """The built site as mkdocs.yml describes it."""

    def __init__(self, config_file: Path):
        text = read_config_text(config_file)
        use_language(messages_language_in(text))
        self.config, self.config_text = config_file, text
        self.project_dir = config_file.resolve().parent
        site_dir = get_value(text, ["site_dir"])
        self.dir = self.project_dir / (site_dir if isinstance(site_dir, str) else "site")
        self.url = written_site_url(text)
        if self.url and not self.url.endswith("/"):
            self.url += "/"  # as MkDocs reads it

    def require_built(self) -> None:
        if not (self.dir / "index.html").is_file():
            raise SourceError(
                Problem(
                    shown_path(self.dir, self.project_dir) + "/",
                    None,
                    None,
                    msg("holds no built site: build it first with bash scripts/build.sh"),
                )
            )

    def require_published_address(self) -> None:
        found = site_url_problem(self.url, self.config.name, self.config_text)
        if found is not None:
            raise SourceError(found[0])
        found = re.search(
            r'<link rel="canonical" href="([^"]*)"',
            (self.dir / "index.html").read_text(encoding="utf-8", errors="replace"),
        )
        if found is None or not found.group(1).startswith(self.url):
            raise SourceError(
                Problem(
                    shown_path(self.dir, self.project_dir) + "/",
                    None,
                    None,
                    msg(
                        "was built for another address ({found}) than mkdocs.yml's site_url "
                        "({url}): its QR codes would lead there. Build again with bash "
                        "scripts/build.sh",
                        found=found.group(1) if found else "—",
                        url=self.url,
                    ),
                )
            )


def check_command(config_file: Path, args) -> int:
    site = _Site(config_file)
    site.require_built()
    result = check_site(site.dir, site.url)
    unanswered = []
    if args.live:
        problem = address_problem(args.live if args.live.endswith("/") else args.live + "/")
        if problem is not None:
            raise SourceError(Problem("--live", None, None, problem))
        addresses = live_addresses(site.dir, args.live, result, site.url)
        unanswered = check_live(addresses, show_progress=not args.json)
    if args.json:
        print(json.dumps(_check_json(result, unanswered, args.live), ensure_ascii=False))
    else:
        _print_check(result, unanswered, args.live)
    return 1 if result.broken or unanswered else 0


def _check_json(result: CheckResult, unanswered, live) -> dict:
    return {
        "pages": result.pages,
        "links": result.links,
        "qr_codes": len(result.qr_codes),
        "short_links": result.short_links,
        "broken": [
            {"file": b.file, "line": b.line, "link": b.link, "reason": str(b.reason)}
            for b in result.broken
        ],
        "live": live,
        "unanswered": _unanswered_json(unanswered),
    }


def _unanswered_json(unanswered) -> list[dict]:
    return [{"address": u.address, "reason": str(u.reason)} for u in unanswered]


def _print_check(result: CheckResult, unanswered, live) -> None:
    for broken in result.broken:
        print(f"  {broken}")
    for failed in unanswered:
        print(f"  {failed}")
    summary = msg(
        "Checked {pages} pages, {links} links, {qr} QR codes and {short} short links: "
        "{broken} broken",
        pages=result.pages,
        links=result.links,
        qr=len(result.qr_codes),
        short=result.short_links,
        broken=len(result.broken),
    )
    print(summary)
    if live:
        print(
            msg(
                "Live site {url}: {count} address did not answer",
                "Live site {url}: {count} addresses did not answer",
                url=live,
                count=len(unanswered),
            )
        )
    if result.broken or unanswered:
        print(msg("Fix each problem listed above (file and line first), build and check again."))
    else:
        print(msg("Everything answers."))


def deploy_command(config_file: Path, args) -> int:
    site = _Site(config_file)
    problem = target_problem(args.target)
    if problem is not None:
        raise SourceError(Problem("TARGET", None, None, problem))
    site.require_built()
    site.require_published_address()
    checked = _checked_before_deploy(site)
    quiet = args.json
    deployment = Deployment(site.dir, args.target, site.project_dir / DEPLOY_RECORDS)
    try:
        plan = deployment.plan()
    except RcloneError as error:
        raise SourceError(
            Problem(deployment.rclone.shown_target(), None, None, _deploy_failed(error))
        ) from None
    if args.dry_run:
        if quiet:
            print(json.dumps({**plan.as_dict(), "dry_run": True}, ensure_ascii=False))
        else:
            _print_plan(plan, deployment.rclone.shown_target())
        return 0
    try:
        outcome = deployment.run(plan, show_progress=not quiet)
    except KeyboardInterrupt:
        message = msg(
            "The deploy was interrupted: the live site may be partly updated (nothing was "
            "deleted). Run the same command again to complete it."
        )
        print(json.dumps({**plan.as_dict(), "interrupted": True}) if quiet else message)
        if quiet:
            print(message, file=sys.stderr)
        return 130
    except RcloneError as error:
        raise SourceError(
            Problem(deployment.rclone.shown_target(), None, None, _deploy_failed(error))
        ) from None
    result = {
        **plan.as_dict(),
        "uploaded": outcome.uploaded,
        "deleted": outcome.deleted,
        "seconds": round(outcome.seconds, 2),
    }
    live = None if args.no_check else (args.live or site.url)
    unanswered = []
    if live:
        addresses = live_addresses(site.dir, live, checked, site.url)
        unanswered = check_live(addresses, show_progress=not quiet)
        result["live"] = {
            "url": live,
            "addresses": len(addresses),
            "unanswered": _unanswered_json(unanswered),
        }
    if quiet:
        print(json.dumps(result, ensure_ascii=False))
    else:
        _print_deployed(deployment, plan, outcome, result, unanswered)
    return 1 if unanswered else 0


def _checked_before_deploy(site: _Site):
    """The built site checked: nothing is deployed with a broken link or QR code."""
    checked = check_site(site.dir, site.url)
    if checked.broken:
        for broken in checked.broken:
            print(f"  {broken}", file=sys.stderr)
        raise SourceError(
            Problem(
                shown_path(site.dir, site.project_dir) + "/",
                None,
                None,
                msg(
                    "has {count} broken link or QR code (listed above): nothing was "
                    "deployed. Fix it and build again",
                    "has {count} broken links or QR codes (listed above): nothing was "
                    "deployed. Fix them and build again",
                    count=len(checked.broken),
                ),
            )
        )
    return checked


def _print_deployed(deployment, plan, outcome, result: dict, unanswered: list) -> None:
    for failed in unanswered:
        print(f"  {failed}")
    print(
        msg(
            "Deployed to {target}: {uploaded} files uploaded ({size}), {deleted} deleted, "
            "{unchanged} unchanged, in {seconds} s",
            target=deployment.rclone.shown_target(),
            uploaded=outcome.uploaded,
            size=_size(plan.bytes),
            deleted=outcome.deleted,
            unchanged=plan.unchanged,
            seconds=f"{outcome.seconds:.1f}",
        )
    )
    if not plan.headers and plan.upload:
        print(
            msg(
                "Note: this kind of target ({backend}) keeps no headers: the web server "
                "in front of it decides how long browsers keep each file",
                backend=plan.backend,
            )
        )
    live = result.get("live")
    if live:
        print(
            msg(
                "Live check of {url}: {count} of {total} addresses did not answer",
                url=live["url"],
                count=len(unanswered),
                total=live["addresses"],
            )
            if unanswered
            else msg(
                "Live check of {url}: all {total} pages, print files and QR codes answer",
                url=live["url"],
                total=live["addresses"],
            )
        )


def _deploy_failed(error: RcloneError):
    return msg(
        "the deploy did not finish: {reason}. Nothing was deleted on the target; fix the "
        "cause and run the same command again to complete it",
        reason=str(error),
    )


def _print_plan(plan: Plan, target: str) -> None:
    print(
        msg(
            "Plan for {target} (nothing sent): {upload} files to upload ({size}), {delete} to "
            "delete, {unchanged} unchanged",
            target=target,
            upload=len(plan.upload),
            size=_size(plan.bytes),
            delete=len(plan.delete),
            unchanged=plan.unchanged,
        )
    )
    for file in plan.upload[:LISTED]:
        print(f"  + {file.path}")
    if len(plan.upload) > LISTED:
        print(msg("  …and {count} more", count=len(plan.upload) - LISTED))
    for path in plan.delete[:LISTED]:
        print(f"  - {path}")
    if len(plan.delete) > LISTED:
        print(msg("  …and {count} more", count=len(plan.delete) - LISTED))


def _size(count: int) -> str:
    if count < 1024 * 1024:
        return f"{count / 1024:.1f} KB"
    return f"{count / 1024 / 1024:.1f} MB"
