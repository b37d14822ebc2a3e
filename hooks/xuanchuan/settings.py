"""The engine's settings, read from ``extra.xuanchuan`` in mkdocs.yml and checked in one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import Problem, SourceError
from .schema import Bool, Choice, ListOf, Record, Report, Text

SETTINGS_KEY = "extra.xuanchuan"

LANGUAGE_CODE = r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*"
SLUG = r"[a-z0-9]+(-[a-z0-9]+)*"
SLUG_HELP = "lowercase letters a-z, digits and single hyphens, such as spring-irrigation-2026"

POSTER_SIZES = ("A4", "A3", "A2", "A4-landscape", "A3-landscape", "A2-landscape")

DEFAULT_CAMPAIGN_TYPES = (
    "safe-electricity",
    "legal-education",
    "send-culture",
    "safety-month",
    "union-work",
)

_SCHEMA = Record(
    {
        "languages": ListOf(
            Record(
                {
                    "code": Text(
                        required=True,
                        pattern=LANGUAGE_CODE,
                        pattern_help='a language code such as "zh" or "en"',
                    ),
                    "name": Text(required=True),
                    # The site's name and description in this language (default: the
                    # site_name and site_description of mkdocs.yml).
                    "site_name": Text(),
                    "site_description": Text(),
                }
            ),
            min_items=1,
            default=lambda: [
                {"code": "zh", "name": "中文"},
                {"code": "en", "name": "English"},
            ],
        ),
        "campaign_types": ListOf(
            Text(pattern=SLUG, pattern_help=SLUG_HELP),
            min_items=1,
            default=lambda: list(DEFAULT_CAMPAIGN_TYPES),
        ),
        "campaigns_dir": Text(default="campaigns"),
        # Activity times in the calendar feed are in this zone.
        "timezone": Text(default="Asia/Shanghai"),
        "print": Record(
            {
                # Posters and share images for every campaign; false skips them (faster
                # previews), the site still builds.
                "enabled": Bool(default=True),
                "poster_sizes": ListOf(
                    Choice(POSTER_SIZES), min_items=1, default=lambda: ["A4", "A3"]
                ),
                "full_resolution_png": Bool(default=False),
                # A tri-fold A4 leaflet per campaign and language, next to the posters.
                "leaflets": Bool(default=True),
                # Font files to use instead of the fonts named in overrides/print/layouts.yml
                # (paths relative to mkdocs.yml; .ttf, .otf or .ttc).
                "fonts": Record({"regular": Text(required=True), "bold": Text(required=True)}),
                # The organisation's logo (PNG), drawn where the layout has a logo block.
                "logo": Text(),
                # The organisation's colours, over the layout's default scheme.
                "colours": Record(
                    {
                        name: Text(pattern=r"#[0-9a-fA-F]{6}", pattern_help='a colour "#rrggbb"')
                        for name in ("primary", "on_primary", "accent", "text", "muted", "paper")
                    }
                ),
            },
            fill_when_missing=True,
        ),
    }
)


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    site_name: str | None = None
    site_description: str | None = None


@dataclass(frozen=True)
class PrintSettings:
    enabled: bool = True
    poster_sizes: tuple[str, ...] = ("A4", "A3")
    full_resolution_png: bool = False
    leaflets: bool = True
    fonts: dict | None = None
    logo: str | None = None
    colours: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Settings:
    """Validated settings. The first language is the default, served at the site root."""

    languages: tuple[Language, ...]
    campaign_types: tuple[str, ...] = DEFAULT_CAMPAIGN_TYPES
    campaigns_dir: str = "campaigns"
    timezone: str = "Asia/Shanghai"
    print: PrintSettings = field(default_factory=lambda: PrintSettings())

    @property
    def default(self) -> Language:
        return self.languages[0]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)

    def language(self, code: str) -> Language:
        return next(language for language in self.languages if language.code == code)

    def prefix(self, code: str) -> str:
        """The folder of a language in the site: '' for the default, 'en/' for English."""
        return "" if code == self.default.code else f"{code}/"


def load_settings(
    raw: Any, config_file: str = "mkdocs.yml", lines: dict[str, int] | None = None
) -> Settings:
    """Check ``extra.xuanchuan``; raise one error listing every problem found."""
    report = Report()
    data = _SCHEMA.validate(raw, SETTINGS_KEY, report)
    languages = data.get("languages", []) if isinstance(data, dict) else []
    seen: set[str] = set()
    for index, language in enumerate(languages):
        code = language.get("code")
        if code in seen:
            report.add(
                f"{SETTINGS_KEY}.languages[{index + 1}].code",
                f'"{code}" is listed twice: expected each language once',
            )
        seen.add(code)
    if isinstance(data, dict) and data.get("timezone"):
        _check_timezone(data["timezone"], report)
    if report.issues:
        raise SourceError(
            [
                Problem(config_file, _line(lines or {}, i.path), i.path, i.message)
                for i in report.issues
            ]
        )
    return Settings(
        tuple(
            Language(
                lang["code"], lang["name"], lang.get("site_name"), lang.get("site_description")
            )
            for lang in languages
        ),
        tuple(data["campaign_types"]),
        data["campaigns_dir"],
        data["timezone"],
        PrintSettings(
            enabled=data["print"]["enabled"],
            poster_sizes=tuple(data["print"]["poster_sizes"]),
            full_resolution_png=data["print"]["full_resolution_png"],
            leaflets=data["print"]["leaflets"],
            fonts=data["print"].get("fonts"),
            logo=data["print"].get("logo"),
            colours=data["print"].get("colours") or {},
        ),
    )


def _check_timezone(name: str, report: Report) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        report.add(
            f"{SETTINGS_KEY}.timezone",
            f'"{name}" is not a known time zone: expected a name such as "Asia/Shanghai"',
        )


def _line(lines: dict[str, int], path: str) -> int | None:
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return None
