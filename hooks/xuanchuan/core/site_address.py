"""The site's published address (``site_url``): what every QR code, short link, share tag
and feed is made from, so it is checked before anything is drawn with it.

A phone's camera opens only http(s) addresses with a host; an address a browser would run
(``javascript:``) or carry inline (``data:``) must never reach a page or a poster. The
well-known example domains (RFC 2606, RFC 6761) and the machine's own address answer
nobody's phone: a site built with one is a draft, never a print run.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from .errors import Problem, did_you_mean
from .messages import Message, msg
from .yaml_edit import get_value
from .yaml_reader import field_lines

# Reserved for examples and tests: no reader's phone ever reaches them.
EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org", "example.edu")
RESERVED_ENDINGS = ("example", "test", "invalid", "localhost", "local")
INIT_COMMAND = ".venv/bin/xuanchuan init --site-url https://…/"

_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_HOST_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)", re.IGNORECASE)


def address_problem(url: object) -> Message | None:
    """What is wrong with ``url`` as the site's published address, or None if it is right.

    Right means: http or https, a host (a name with a dot, or an IP address), an optional
    port, a path ending in "/", and nothing a browser or a QR reader would read otherwise
    (no spaces, no control characters, no user name, no "?" or "#").
    """
    if not isinstance(url, str) or not url.strip():
        return msg("expected the site's address, such as https://www.example.gov.cn/xuanchuan/")
    if _CONTROL.search(url):
        return msg(
            '"{url}" holds a space or an invisible character: expected the address as a '
            "browser shows it, such as https://www.example.gov.cn/xuanchuan/",
            url=url.encode("unicode_escape").decode("ascii"),
        )
    scheme, _, rest = url.partition(":")
    if not rest or not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", scheme):
        return msg(
            '"{url}" has no scheme: expected it to start with https:// (or http://), such as '
            "https://{url}",
            url=url,
        )
    if scheme.lower() not in ("http", "https"):
        return msg(
            '"{url}" is a {scheme}: address, not a web address{hint}: expected one starting '
            "with https:// (or http://), which every phone opens",
            url=url,
            scheme=scheme.lower(),
            hint=did_you_mean(scheme.lower(), ["https", "http"]),
        )
    return _parts_problem(url, rest)


def _parts_problem(url: str, rest: str) -> Message | None:
    """What is wrong with a web address's host, account, port, query and path."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return msg(
            '"{url}" is not a web address: expected one such as https://www.example.gov.cn/',
            url=url,
        )
    if not rest.startswith("//") or not parts.hostname:
        return msg(
            '"{url}" names no host: expected https://host/path/, such as https://www.example.gov.cn/',
            url=url,
        )
    if parts.username is not None or parts.password is not None:
        return msg(
            '"{url}" carries a user name or password: expected the public address readers '
            "open, with no account in it",
            url=url,
        )
    if parts.query or parts.fragment or "?" in url or "#" in url:
        return msg(
            '"{url}" has a "?" or "#" part: expected the address of the site\'s folder only',
            url=url,
        )
    if not _valid_host(parts.hostname):
        return msg(
            '"{url}": "{host}" is not a host name: expected a name such as www.example.gov.cn',
            url=url,
            host=parts.hostname,
        )
    if port == 0:
        return msg('"{url}": port 0 is not a port: expected none, or a port such as 8080', url=url)
    if not parts.path.endswith("/"):
        return msg(
            '"{url}" does not end with "/": expected the address of the site\'s folder, '
            "such as {fixed}",
            url=url,
            fixed=url + "/",
        )
    return None


def _valid_host(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        pass
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    labels = ascii_host.rstrip(".").split(".")
    return all(_HOST_LABEL.fullmatch(label) for label in labels) and not labels[-1].isdigit()


def is_placeholder(url: str | None) -> bool:
    """Whether ``url`` is missing or an address no reader's phone reaches: an example
    domain, a reserved ending (.test, .invalid, .localhost) or this machine."""
    if not url:
        return True
    try:
        host = (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return True
    if not host:
        return True
    if host in EXAMPLE_DOMAINS or any(host.endswith("." + domain) for domain in EXAMPLE_DOMAINS):
        return True
    # www.example.gov.cn, example.cn: the examples of a README or a message, copied as is.
    if "example" in host.split("."):
        return True
    if host.rsplit(".", 1)[-1] in RESERVED_ENDINGS:
        return True
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return ip.is_loopback or ip.is_unspecified


def placeholder_problem(url: str | None) -> Message:
    """Why a build with ``url`` is a draft, and the command that makes it the team's own."""
    if not url:
        return msg(
            "no site address is set: every QR code, short link and share tag needs it. Set "
            "the address the site is published at with: {command}",
            command=INIT_COMMAND,
        )
    return msg(
        "{url} is a placeholder, not the site's address: every QR code, short link and share "
        "tag would lead there, and no reader's phone can open it. Set the address the site "
        "is published at with: {command}",
        url=url,
        command=INIT_COMMAND,
    )


def site_url_problem(
    url: str | None, config_name: str = "mkdocs.yml", config_text: str = ""
) -> tuple[Problem, bool] | None:
    """What stops ``url`` being printed into QR codes, as a problem of mkdocs.yml's
    ``site_url`` (on its line when ``config_text`` is given), and whether it is written
    wrongly (True: nothing may be built with it) or only not the team's own yet (False: a
    placeholder or none, so print files are drafts). None for the team's own address."""
    problem = address_problem(url) if url else None
    wrong = problem is not None
    if not wrong and not is_placeholder(url):
        return None
    line = field_lines(config_text).get("site_url") if config_text else None
    return Problem(config_name, line, "site_url", problem or placeholder_problem(url)), wrong


def written_site_url(config_text: str) -> str | None:
    """``site_url`` as mkdocs.yml writes it, or None where it gives none."""
    url = get_value(config_text, ["site_url"])
    return url if isinstance(url, str) and url else None


def link_address_problem(url: object) -> Message | None:
    """What is wrong with ``url`` as an address a page links to from mkdocs.yml (the
    repository, the social links): a web address, or an e-mail or telephone link, never one
    that runs script."""
    if isinstance(url, str) and re.match(r"(?i)(mailto|tel):[^\s]+$", url.strip()):
        return None
    if not isinstance(url, str) or "://" not in url:
        return address_problem(url)
    base, _, _ = url.partition("?")
    base, _, _ = base.partition("#")
    scheme, _, rest = base.partition("://")
    host, slash, path = rest.partition("/")
    # As a site's address, but a page or file may be named, with a query.
    return address_problem(f"{scheme}://{host}/")
