"""``xuanchuan init``: the organisation's own name, address, hotline, logo and languages,
checked one by one and written into mkdocs.yml without touching anything else in it."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, fields
from pathlib import Path

from ..core.errors import Problem, SourceError
from ..core.languages import LANGUAGE_CODE
from ..core.messages import Message, msg
from ..core.settings import HOTLINE, HOTLINE_HELP, HOTLINE_LENGTH
from ..core.site_address import address_problem, is_placeholder
from ..core.yaml_edit import YamlEditError, get_value, set_value

# Where the logo is kept once chosen: under the theme's assets, so the site publishes it
# (the header shows it) and print files draw it.
LOGO_FOLDER = Path("overrides") / "assets" / "images"
LOGO_SITE_PATH = "assets/images/logo.png"
MAX_LOGO_BYTES = 5 * 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass
class Answers:
    """What ``init`` was told; None leaves a setting as it is."""

    name: str | None = None  # the organisation's full name
    short_name: str | None = None  # the site's name: header, browser tab, share cards
    site_url: str | None = None
    hotline: str | None = None
    logo: str | None = None  # a PNG file, anywhere
    languages: str | None = None  # codes, the default first: "zh,en"

    def given(self) -> list[str]:
        return [field.name for field in fields(self) if getattr(self, field.name) is not None]

    def __post_init__(self) -> None:
        # Typed with a Chinese input method, "https：／／" and "０９９１" are meant as ASCII.
        for name in ("site_url", "hotline", "languages"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, unicodedata.normalize("NFKC", value).strip())


# What each answer is called when the team is asked, and in messages.
LABELS = {
    "name": msg("organisation's full name"),
    "short_name": msg("short name (the site's name, shown at the top of every page)"),
    "site_url": msg("site address, where the site is published (https://…/)"),
    "hotline": msg("hotline, printed on posters and leaflets"),
    "logo": msg("logo file (PNG)"),
    "languages": msg("languages, the default first (such as zh,en)"),
}
OPTIONS = {
    "name": "--name",
    "short_name": "--short-name",
    "site_url": "--site-url",
    "hotline": "--hotline",
    "logo": "--logo",
    "languages": "--languages",
}


def current_answers(config_text: str) -> Answers:
    """What mkdocs.yml says now, as ``init`` would be told it."""
    settings = get_value(config_text, ["extra", "xuanchuan"]) or {}
    settings = settings if isinstance(settings, dict) else {}
    languages = settings.get("languages")
    codes = (
        ",".join(str(item.get("code")) for item in languages if isinstance(item, dict))
        if isinstance(languages, list)
        else None
    )
    printing = settings.get("print") if isinstance(settings.get("print"), dict) else {}
    return Answers(
        name=_text_or_none(settings.get("organization")),
        short_name=_text_or_none(get_value(config_text, ["site_name"])),
        site_url=_text_or_none(get_value(config_text, ["site_url"])),
        hotline=_text_or_none(settings.get("hotline")),
        logo=_text_or_none(printing.get("logo")),
        languages=codes or None,
    )


def _text_or_none(value) -> str | None:
    return value if isinstance(value, str) and value else None


def answer_problem(field: str, value: str, project_dir: Path) -> Message | None:
    """What is wrong with ``value`` as the answer ``field``, or None."""
    value = value.strip()
    if field == "site_url":
        problem = address_problem(value)
        if problem is None and is_placeholder(value):
            return msg(
                '"{url}" is an example address, which no reader\'s phone opens: expected the '
                "address your site is published at",
                url=value,
            )
        return problem
    if field in ("name", "short_name"):
        longest = 100 if field == "name" else 40
        if not value:
            return msg("is empty: expected a name")
        if _CONTROL.search(value):
            return msg("holds a control or direction character: expected plain text")
        if len(value) > longest:
            return msg(
                "is {length} characters long: expected at most {longest}",
                length=len(value),
                longest=longest,
            )
        return None
    if field == "hotline":
        if len(value) > HOTLINE_LENGTH or not re.fullmatch(HOTLINE, value):
            return msg('"{value}" is not {expected}', value=value, expected=HOTLINE_HELP)
        return None
    if field == "logo":
        return _logo_problem(_logo_path(value, project_dir))
    if field == "languages":
        return _languages_problem(value)
    return None


def _logo_path(value: str, project_dir: Path) -> Path:
    """The logo file an answer names: "~" expanded, a relative path from the project."""
    path = Path(value).expanduser()
    return path if path.is_absolute() else project_dir / path


def _logo_problem(path: Path) -> Message | None:
    if not path.is_file():
        return msg("{path}: no such file: expected the logo as a PNG picture", path=path)
    if path.stat().st_size > MAX_LOGO_BYTES:
        return msg("{path} is larger than 5 MB: expected a smaller PNG picture", path=path)
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as picture:
            kind, size = picture.format, picture.size
            picture.verify()
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError, ValueError):
        return msg("{path} is not a picture: expected the logo as a PNG picture", path=path)
    if kind != "PNG":
        return msg(
            "{path} is a {kind} picture: expected PNG (save it as PNG, ideally with a "
            "transparent background)",
            path=path,
            kind=kind,
        )
    if min(size) < 32 or max(size) > 8000:
        return msg(
            "{path} is {width}×{height} pixels: expected from 32 to 8000 pixels a side",
            path=path,
            width=size[0],
            height=size[1],
        )
    return None


def _languages_problem(value: str) -> Message | None:
    codes = [code.strip() for code in value.split(",")]
    if not value.strip() or any(not code for code in codes):
        return msg(
            '"{value}" is not a list of languages: expected codes such as zh,en', value=value
        )
    for code in codes:
        if not re.fullmatch(LANGUAGE_CODE, code):
            return msg(
                '"{code}" is not a language code: expected one such as zh, en or ug', code=code
            )
    repeated = sorted({code for code in codes if codes.count(code) > 1})
    if repeated:
        return msg('"{code}" is listed twice: expected each language once', code=repeated[0])
    return None


def check_answers(answers: Answers, project_dir: Path, config: str = "mkdocs.yml") -> None:
    """Raise one error naming every answer that is wrong, with its option."""
    problems = []
    for field in answers.given():
        problem = answer_problem(field, getattr(answers, field), project_dir)
        if problem is not None:
            problems.append(Problem(config, None, OPTIONS[field], problem))
    if problems:
        raise SourceError(problems)


def language_entries(codes: str, written) -> list[dict]:
    """The languages setting for ``codes``: the entries mkdocs.yml has for them kept as
    they are, new ones named in their own language (Babel's locale data)."""
    known = {item.get("code"): item for item in written or [] if isinstance(item, dict)}
    entries = []
    for code in (code.strip() for code in codes.split(",")):
        entries.append(known.get(code) or {"code": code, "name": _language_name(code)})
    return entries


def _language_name(code: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return code
    return name or code


def apply_answers(config_file: Path, answers: Answers) -> list[tuple[str, str | None, str]]:
    """Write ``answers`` into ``config_file``; what changed: (setting, before, after)."""
    project_dir = config_file.resolve().parent
    text = config_file.read_text(encoding="utf-8")
    before = current_answers(text)
    changes = []
    edits: list[tuple[list[str], object]] = []
    if answers.site_url is not None:
        edits.append((["site_url"], answers.site_url.strip()))
    if answers.short_name is not None:
        edits.append((["site_name"], answers.short_name.strip()))
    if answers.name is not None:
        edits.append((["extra", "xuanchuan", "organization"], answers.name.strip()))
    if answers.hotline is not None:
        edits.append((["extra", "xuanchuan", "hotline"], answers.hotline.strip()))
    if answers.languages is not None:
        written = get_value(text, ["extra", "xuanchuan", "languages"])
        entries = language_entries(
            answers.languages, written if isinstance(written, list) else None
        )
        if entries != written:
            edits.append((["extra", "xuanchuan", "languages"], entries))
    logo_source = None
    if answers.logo is not None:
        logo_source = _logo_path(answers.logo, project_dir)
        kept = (LOGO_FOLDER / "logo.png").as_posix()
        edits.append((["extra", "xuanchuan", "print", "logo"], kept))
        edits.append((["theme", "logo"], LOGO_SITE_PATH))
    for keys, value in edits:
        if get_value(text, keys) == value:
            continue
        try:
            text = set_value(text, keys, value)
        except YamlEditError as error:
            raise SourceError(
                Problem(
                    config_file.name,
                    None,
                    ".".join(keys),
                    msg(
                        "cannot be changed here ({reason}): write it by hand in block style "
                        "(one setting per line)",
                        reason=str(error),
                    ),
                )
            ) from None
    after = current_answers(text)
    for field in answers.given():
        old, new = getattr(before, field), getattr(after, field)
        if old != new or field == "logo":
            changes.append((field, old, new))
    if logo_source is not None:
        target = project_dir / LOGO_FOLDER / "logo.png"
        if logo_source.resolve() != target.resolve():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(logo_source, target)
    _write_atomically(config_file, text)
    return changes


def _write_atomically(path: Path, text: str) -> None:
    """mkdocs.yml is replaced whole or not at all: an interrupted write leaves it as it was."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".mkdocs.yml.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
