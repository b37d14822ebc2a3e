"""The engine's settings, read from ``extra.xuanchuan`` in mkdocs.yml and checked in one place.

Each setting is declared once, on the class that holds it: its type, its default and the
words that explain it (see ``schema.declare``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .catalogs import SOURCE_LANGUAGE
from .declared import build, declare
from .errors import Problem, SourceError, did_you_mean
from .languages import LANGUAGE_CODE, LANGUAGE_HELP, Language
from .messages import Message, msg
from .schema import (
    MISSING,
    Bool,
    Choice,
    Nested,
    Number,
    Record,
    Report,
    Text,
    WholeNumber,
    record_of,
)
from .schema_lists import ListOf, MapOf

SETTINGS_KEY = "extra.xuanchuan"

SLUG = r"[a-z0-9]+(-[a-z0-9]+)*"
SLUG_HELP = msg("lowercase letters a-z, digits and single hyphens, such as spring-irrigation-2026")
# A slug names web addresses and print files (slug-poster-A3-landscape-300dpi-zh.png):
# short enough that every such name stays far below a file system's 255 bytes.
MAX_SLUG_LENGTH = 64

# A telephone number as it is printed: digits, with spaces, hyphens, brackets or a leading
# "+" as people write them (95598, 0571-8765 4321, (0991) 1234567, +86 10 12345678).
HOTLINE = r"\+?[0-9][0-9 ()\-]{1,22}[0-9]|\([0-9]{2,5}\)[0-9 \-]{3,20}[0-9]"
HOTLINE_HELP = msg("a telephone number such as 95598 or 0571-87654321")
HOTLINE_LENGTH = 24

POSTER_SIZES = ("A4", "A3", "A2", "A4-landscape", "A3-landscape", "A2-landscape")
# The poster designs (overrides/print/layouts.yml): a big headline over the key points, a
# large photo under the headline, the key points in a grid of pictograms.
POSTER_LAYOUTS = ("headline", "photo", "pictograms")
# Print formats a campaign gets only when asked (extra.xuanchuan.print.formats, print-pack):
# slogan banners (横幅), display boards (展板) and safety card decks (宣传扑克).
MORE_FORMATS = ("banner", "board", "cards")
# What an office printer takes: a banner's tiled print and a card deck are printed on it.
OFFICE_PAPER = ("A4", "A3")
COLOUR_NAMES = ("primary", "on_primary", "accent", "text", "muted", "paper")
HEX_COLOUR = r"#[0-9a-fA-F]{6}"

# What a language's site does with a page it has no translation of: "link" leaves it out and
# leads there to the default language's page; "copy" makes a copy of that page with a notice.
UNTRANSLATED_PAGES = ("link", "copy")

DEFAULT_CAMPAIGN_TYPES = (
    "safe-electricity",
    "legal-education",
    "send-culture",
    "safety-month",
    "union-work",
)


# A print shop asks for 2 to 5 mm of bleed; more than this is surely a mistake of units.
MAX_BLEED = 10


class Bleed(Number):
    """The bleed round print-shop PDFs, in millimetres: 0 (none) up to MAX_BLEED."""

    expected = msg("the bleed in millimetres, such as 3 (0 for none)")

    def validate(self, value, path, report):
        value = super().validate(value, path, report)
        if value is not MISSING and not 0 <= value <= MAX_BLEED:
            report.add(path, bleed_problem(report.written.get(path, str(value))))
            return MISSING
        return value


def bleed_problem(written: str) -> Message:
    return msg(
        "expected the bleed in millimetres, from 0 (none) to {maximum} (print shops usually "
        "ask for 3), got {written}",
        maximum=MAX_BLEED,
        written=written,
    )


class CentimetreSize(Text):
    """A size in whole centimetres, width by height, such as "500x70"; within ``smallest``
    and ``largest`` on each side and, for a strip, at least twice as long as high."""

    expected = msg('a size in centimetres, width x height, such as "90x120"')
    plural = msg('sizes in centimetres, width x height, such as "90x120"')

    def __init__(
        self, *, smallest: int, largest: int, strip: bool = False, tallest: int = 0, **kw
    ):
        super().__init__(**kw)
        self.smallest, self.largest, self.strip = smallest, largest, strip
        self.tallest = tallest or largest  # a banner is long, never tall

    def validate(self, value, path, report):
        value = super().validate(value, path, report)
        if not isinstance(value, str):
            return value
        match = re.fullmatch(r"(\d+)\s*[xX×*]\s*(\d+)", value)
        if not match:
            report.add(
                path,
                msg(
                    '"{value}" is not a size: expected {expected}',
                    value=value,
                    expected=self.expected,
                ),
            )
            return MISSING
        width, height = (int(part) for part in match.groups())
        low, high = self.smallest, self.largest
        if not (low <= width <= high and low <= height <= high):
            report.add(
                path,
                msg(
                    '"{value}" is out of range: expected each side from {low} to {high} cm',
                    value=value,
                    low=low,
                    high=high,
                ),
            )
            return MISSING
        if self.strip and width < 2 * height:
            report.add(
                path,
                msg(
                    '"{value}" is not a strip: expected a banner at least twice as long as it is '
                    'high, length first, such as "500x70"',
                    value=value,
                ),
            )
            return MISSING
        if height > self.tallest:
            report.add(
                path,
                msg(
                    '"{value}" is out of range: expected a height from {low} to {tallest} cm '
                    "(a banner is a strip of cloth, such as 500x70)",
                    value=value,
                    low=low,
                    tallest=self.tallest,
                ),
            )
            return MISSING
        return f"{width}x{height}"


def centimetres(size: str) -> tuple[int, int]:
    """``"500x70"`` -> (500, 70), as CentimetreSize writes a size it checked."""
    width, height = size.split("x")
    return int(width), int(height)


@dataclass(frozen=True, kw_only=True)
class PrintSettings:
    # Posters and share images for every campaign; false skips them (faster previews),
    # the site still builds.
    enabled: bool = declare(Bool(default=True))
    poster_sizes: tuple[str, ...] = declare(
        ListOf(Choice(POSTER_SIZES), min_items=1, default=lambda: ["A4", "A3"])
    )
    full_resolution_png: bool = declare(Bool(default=False))
    # The poster design of each campaign type ({safety-month: pictograms}); a campaign's own
    # poster.layout wins, and a type not named here gets the headline design.
    poster_layouts: dict = declare(MapOf(Choice(POSTER_LAYOUTS), default=dict))
    # A tri-fold A4 leaflet per campaign and language, next to the posters.
    leaflets: bool = declare(Bool(default=True))
    # Font files to use instead of the fonts named in overrides/print/layouts.yml (paths
    # relative to mkdocs.yml; .ttf, .otf or .ttc).
    fonts: dict | None = declare(
        Record({"regular": Text(required=True), "bold": Text(required=True)})
    )
    # Formats every campaign gets besides its posters and leaflet, from MORE_FORMATS: each
    # adds files to every campaign and language, drawn once and then kept in the cache.
    # print-pack makes them on request (--only banners|boards|cards) whatever is set here.
    formats: tuple[str, ...] = declare(ListOf(Choice(MORE_FORMATS), default=list))
    # Slogan banners (横幅), length x height in cm: a strip of cloth printed in one piece.
    banner_sizes: tuple[str, ...] = declare(
        ListOf(
            CentimetreSize(smallest=20, largest=5000, strip=True, tallest=300),
            min_items=1,
            max_items=6,
            default=lambda: ["500x70"],
        )
    )
    # Display boards (展板), width x height in cm.
    board_sizes: tuple[str, ...] = declare(
        ListOf(
            CentimetreSize(smallest=30, largest=300),
            min_items=1,
            max_items=6,
            default=lambda: ["90x120"],
        )
    )
    # The paper of an office printer: the banner's tiled print and the card deck's sheets.
    office_paper: str = declare(Choice(OFFICE_PAPER, default="A4"))
    # The organisation's logo (PNG), drawn where the layout has a logo block.
    logo: str | None = declare(Text())
    # For the print shop: a bleed in mm round every poster and leaflet PDF (the paper size
    # stays the trim, with crop marks and TrimBox/BleedBox); 0 prints to the edge of the paper.
    bleed: float = declare(Bleed(default=0))
    # The organisation's colours, over the layout's default scheme.
    colours: dict = declare(
        Record(
            {
                name: Text(pattern=HEX_COLOUR, pattern_help=msg('a colour "#rrggbb"'))
                for name in COLOUR_NAMES
            },
            default=dict,
        )
    )


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Validated settings. The first language is the default, served at the site root."""

    languages: tuple[Language, ...] = declare(
        ListOf(
            Nested(Language),
            min_items=1,
            default=lambda: [{"code": "zh", "name": "中文"}, {"code": "en", "name": "English"}],
        )
    )
    campaign_types: tuple[str, ...] = declare(
        ListOf(
            Text(pattern=SLUG, pattern_help=SLUG_HELP, max_length=MAX_SLUG_LENGTH),
            min_items=1,
            default=lambda: list(DEFAULT_CAMPAIGN_TYPES),
        )
    )
    # The language of messages to the team (problems, the build log): the default
    # language unless set. Messages not yet in the table for it are shown in English.
    messages_language: str | None = declare(Text(pattern=LANGUAGE_CODE, pattern_help=LANGUAGE_HELP))
    campaigns_dir: str = declare(Text(default="campaigns"))
    # Activity times in the calendar feed are in this zone.
    timezone: str = declare(Text(default="Asia/Shanghai"))
    # A folder that would list more than this many entries (its pages, each subfolder
    # counting as one) in every page's navigation shows there as one entry instead, leading
    # to a list of all its pages: 683 laws in one folder made each of their pages 341 KB.
    nav_section_limit: int = declare(WholeNumber(minimum=1, maximum=100_000, default=50))
    # How many pages one page of such a list shows.
    nav_section_page_size: int = declare(WholeNumber(minimum=10, maximum=1000, default=100))
    print: PrintSettings = declare(Nested(PrintSettings))
    # A page not translated into a language: "link" (its menus, links and search lead to the
    # default language's page) or "copy" (a copy of that page in the language's site).
    untranslated_pages: str = declare(Choice(UNTRANSLATED_PAGES, default="link"))
    # A copy of each campaign and report page for the WeChat official account's editor (one
    # HTML file with its pictures inside). false for a team that does not publish there:
    # each report's copy carries its photos again, most of the size of a site of reports.
    wechat_articles: bool = declare(Bool(default=True))
    # The organisation's full name (set by ``xuanchuan init --name``): the organiser of a
    # campaign that names none, on its page, posters and leaflets.
    organization: str | None = declare(Text(max_length=100))
    # The organisation's hotline (``xuanchuan init --hotline``), printed where a campaign
    # gives no contact.hotline of its own.
    hotline: str | None = declare(
        Text(pattern=HOTLINE, pattern_help=HOTLINE_HELP, max_length=HOTLINE_LENGTH)
    )

    @property
    def default(self) -> Language:
        return self.languages[0]

    @property
    def messages(self) -> str:
        """The language messages to the team are worded in."""
        return self.messages_language or self.default.code

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)

    def language(self, code: str) -> Language:
        return next(language for language in self.languages if language.code == code)

    def fallback(self, code: str) -> tuple[str, ...]:
        """The languages a language's missing texts come from, in order (English last)."""
        chosen = self.language(code).fallback
        chain = chosen or (self.default.code,)
        return tuple(dict.fromkeys(c for c in (*chain, SOURCE_LANGUAGE) if c != code))

    def translator(self, code: str):
        """The site's texts, dates and numbers in a language."""
        from .strings import Translator

        return Translator(code, self.fallback(code), self.language(code).locale)

    def prefix(self, code: str) -> str:
        """The folder of a language in the site: '' for the default, 'en/' for English."""
        return "" if code == self.default.code else f"{code}/"


SCHEMA = record_of(Settings)


def load_settings(
    raw: Any, config_file: str = "mkdocs.yml", lines: dict[str, int] | None = None
) -> Settings:
    """Check ``extra.xuanchuan``; raise one error listing every problem found."""
    report = Report()
    data = SCHEMA.validate(raw, SETTINGS_KEY, report)
    languages = data.get("languages", []) if isinstance(data, dict) else []
    seen: set[str] = set()
    for index, language in enumerate(languages):
        code = language.get("code")
        if code in seen:
            report.add(
                f"{SETTINGS_KEY}.languages[{index + 1}].code",
                msg('"{code}" is listed twice: expected each language once', code=code),
            )
        seen.add(code)
    for index, language in enumerate(languages):
        _check_fallback(language, index, seen, report)
    if isinstance(data, dict) and data.get("timezone"):
        _check_timezone(data["timezone"], report)
    if isinstance(data, dict):
        _check_poster_layouts(data, report)
    if report.issues:
        raise SourceError(report.problems(config_file, lines or {}))
    return build(Settings, data)


def config_not_found(config_file: Path) -> SourceError:
    """The error for a command run where the site's mkdocs.yml is not."""
    return SourceError(
        Problem(str(config_file), None, None, msg("not found: expected the site's mkdocs.yml"))
    )


def read_config_text(config_file: Path) -> str:
    """mkdocs.yml as written, for the commands that read it without MkDocs."""
    if not config_file.is_file():
        raise config_not_found(config_file)
    return config_file.read_text(encoding="utf-8")


def messages_language_in(config_text: str) -> str:
    """The language of messages, from mkdocs.yml as text: read leniently, so that even a
    half-written file, or one MkDocs refuses, is told about in the team's language."""
    from .yaml_edit import get_value

    return messages_language_of(get_value(config_text, ["extra", "xuanchuan"]))


def messages_language_of(raw: Any) -> str:
    """The language of messages, read leniently: settings with mistakes are reported in it."""
    raw = raw if isinstance(raw, dict) else {}
    chosen = raw.get("messages_language")
    if isinstance(chosen, str) and re.fullmatch(LANGUAGE_CODE, chosen):
        return chosen
    languages = raw.get("languages")
    first = languages[0] if isinstance(languages, list) and languages else None
    code = first.get("code") if isinstance(first, dict) else None
    if isinstance(code, str) and re.fullmatch(LANGUAGE_CODE, code):
        return code
    return "zh"


def _check_fallback(language: dict, index: int, codes: set[str], report: Report) -> None:
    """Each language a language falls back to is one of the site's, or English."""
    for place, code in enumerate(language.get("fallback") or (), start=1):
        if code not in codes and code != SOURCE_LANGUAGE:
            report.add(
                f"{SETTINGS_KEY}.languages[{index + 1}].fallback[{place}]",
                msg(
                    '"{code}" is not one of the site\'s languages{hint}: expected one of {codes}',
                    code=code,
                    hint=did_you_mean(code, sorted(codes)),
                    codes=", ".join(sorted(codes | {SOURCE_LANGUAGE})),
                ),
            )


def _check_poster_layouts(data: dict, report: Report) -> None:
    """Each campaign type given a poster design is one of the site's types."""
    if "campaign_types" not in data:
        return  # written wrongly: reported as such, the types are not known
    types = data["campaign_types"]
    chosen = (data.get("print") or {}).get("poster_layouts") or {}
    for kind in chosen:
        if kind not in types:
            report.add(
                f"{SETTINGS_KEY}.print.poster_layouts.{kind}",
                msg(
                    '"{kind}" is not a campaign type{hint}: expected one of campaign_types: '
                    "{types}",
                    kind=kind,
                    hint=did_you_mean(kind, types),
                    types=", ".join(types),
                ),
            )


def _check_timezone(name: str, report: Report) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        report.add(
            f"{SETTINGS_KEY}.timezone",
            msg(
                '"{name}" is not a known time zone: expected a name such as "Asia/Shanghai"',
                name=name,
            ),
        )
