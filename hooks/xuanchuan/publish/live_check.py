"""``xuanchuan check --live URL``: the deployed site answers for every page, print file,
short link and printed QR code, as a reader's phone would ask for them."""

from __future__ import annotations

import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from ..core.messages import Message, msg
from .progress import Progress
from .site_check import CheckResult

# A few requests at a time: a small host (a county's virtual server) is not to be flooded.
AT_ONCE = 4
TIME_OUT = 15.0  # seconds per request
PRINTED = (".pdf", ".png")


@dataclass(frozen=True)
class Unanswered:
    address: str
    reason: Message | str

    def __str__(self) -> str:
        return f"{self.address}: {self.reason}"


def live_addresses(
    site_dir: Path, base: str, checked: CheckResult, site_url: str | None
) -> list[str]:
    """Every address to ask for: each page (short pages included), each print file and
    each address a printed QR code holds, on ``base`` (the deployed site's address)."""
    base = base if base.endswith("/") else base + "/"
    paths = set()
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        if path.is_file() and (relative.endswith(".html") or relative.endswith(PRINTED)):
            paths.add(relative)
    addresses = {base + quote(path) for path in paths}
    for address in checked.qr_codes:
        if site_url and address.startswith(site_url):
            addresses.add(base + address[len(site_url) :])
        else:
            addresses.add(address)
    return sorted(addresses)


def check_live(addresses: list[str], *, show_progress: bool = True) -> list[Unanswered]:
    """The addresses that do not answer 200 (within TIME_OUT each), with why."""
    bar = Progress(str(msg("checking the live site")), len(addresses)) if show_progress else None
    failed: list[Unanswered] = []
    try:
        with ThreadPoolExecutor(AT_ONCE) as pool:
            for address, reason in pool.map(_ask, addresses):
                if reason is not None:
                    failed.append(Unanswered(address, reason))
                if bar:
                    bar.step()
    finally:
        if bar:
            bar.close()
    return failed


def _ask(address: str) -> tuple[str, Message | str | None]:
    scheme = urlsplit(address).scheme.lower()
    if scheme not in ("http", "https"):
        return address, msg("not a web address")
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(
            address, method=method, headers={"User-Agent": "xuanchuan-check"}
        )
        try:
            with urllib.request.urlopen(request, timeout=TIME_OUT) as answer:
                if answer.status == 200:
                    return address, None
                return address, msg("answered {status}", status=answer.status)
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (405, 501):
                continue  # a host that answers only GET
            return address, msg("answered {status}", status=error.code)
        except (urllib.error.URLError, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            return address, msg("no answer ({reason})", reason=str(reason))
    return address, msg("no answer")
