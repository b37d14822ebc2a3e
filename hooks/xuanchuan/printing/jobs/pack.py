"""One PDF for the print shop: the posters and leaflets of a chosen set, behind a cover page.

The selection (place, dates, type, language, poster size) is checked here, with messages
that name what was asked and what exists; the files themselves come from the print engine
and its cache, so a pack holds exactly what the site offers for download.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, replace
from pathlib import Path

from ...campaigns.model import Campaign, CampaignSet
from ...core.errors import Problem, SourceError, did_you_mean, file_problem, shown_path
from ...core.formatting import format_range, type_label
from ...core.messages import Message, msg
from ...core.print_files import (
    BANNER_PDF,
    BOARD_PDF,
    CARDS_PDF,
    LEAFLET_PDF,
    POSTER_PDF,
    PrintFile,
    PrintResult,
)
from ...core.project import Project
from ...core.settings import MAX_BLEED, POSTER_SIZES, Settings, bleed_problem
from ...core.strings import Translator
from ..text.characters import printable_text

WHAT = ("posters", "leaflets")
# What else a pack may hold (--only), by the format (extra.xuanchuan.print.formats) that
# makes it: the banner at true size (a print shop prints it whole), the board, the deck.
MORE_WHAT = {"banners": "banner", "boards": "board", "cards": "cards"}
CHOICES = WHAT + tuple(MORE_WHAT)


def pack_contents(settings: Settings, only: str | None) -> tuple[str, ...]:
    """What a pack holds: ``only`` that, else posters, leaflets and the formats the site
    offers for download (mkdocs.yml)."""
    if only:
        return (only,)
    return WHAT + tuple(what for what, name in MORE_WHAT.items() if name in settings.print.formats)


def formats_of(what: tuple[str, ...]) -> tuple[str, ...]:
    """The formats (banner, board, cards) a pack of ``what`` needs drawn."""
    return tuple(MORE_WHAT[item] for item in what if item in MORE_WHAT)


# More copies of one item than any order a publicity team places: a mistyped number.
MAX_COPIES = 100_000


@dataclass(frozen=True)
class Selection:
    """What goes into a pack; ``None`` means no limit."""

    language: str
    size: str = "A4"
    place: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    kind: str | None = None
    what: tuple[str, ...] = WHAT
    # For printing on both sides: each item starts on the front of a new sheet.
    duplex: bool = False
    # The print shop's bleed round every item (mm); 0 prints to the edge of the paper.
    bleed: float = 0.0
    # How many of each item to print, by what it is ("posters"); none: not said.
    copies: tuple[tuple[str, int], ...] = ()


def check_selection(selection: Selection, settings: Settings, campaigns: CampaignSet) -> None:
    """Problems with the request itself, before anything is chosen or drawn."""
    where = "print-pack"
    problems = []
    for flag, what, value, choices in (
        ("--language", msg("language"), selection.language, settings.codes),
        ("--size", msg("paper size"), selection.size, POSTER_SIZES),
        ("--type", msg("type"), selection.kind, settings.campaign_types),
    ):
        if value is not None and value not in choices:
            problems.append(
                Problem(
                    where,
                    None,
                    flag,
                    msg(
                        'unknown {what} "{value}"{hint}: expected one of {choices}',
                        what=what,
                        value=value,
                        hint=did_you_mean(value, choices),
                        choices=", ".join(choices),
                    ),
                )
            )
    if not 0 <= selection.bleed <= MAX_BLEED:
        problems.append(Problem(where, None, "--bleed", bleed_problem(f"{selection.bleed:g}")))
    if selection.start and selection.end and selection.end < selection.start:
        problems.append(
            Problem(
                where,
                None,
                "--to",
                msg(
                    "{end} is before --from ({start}): expected a later date",
                    end=selection.end,
                    start=selection.start,
                ),
            )
        )
    if selection.place is not None and not selection.place.strip():
        problems.append(
            Problem(
                where,
                None,
                "--place",
                msg(
                    "is empty: expected the name of a village, town or counter, or no --place "
                    "to print every place"
                ),
            )
        )
    if selection.place is not None and not problems:
        known = known_places(campaigns, selection.language)
        if not any(selection.place in place for place in known_places(campaigns)):
            shown = ", ".join(known) or msg("none (no campaign lists places)")
            problems.append(
                Problem(
                    where,
                    None,
                    "--place",
                    msg(
                        'no campaign takes place in "{place}"{hint}: expected one of the places '
                        "campaigns name: {places}",
                        place=selection.place,
                        hint=did_you_mean(selection.place, known),
                        places=shown,
                    ),
                )
            )
    if problems:
        raise SourceError(problems)


def read_copies(text: str, what: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """``--copies``: ``20`` (of every item), ``posters=50,leaflets=500`` (by what the item is),
    or both (``20,leaflets=500``: 500 of each leaflet, 20 of everything else)."""
    example = msg("such as 20, or posters=50,leaflets=500")
    problems: list[Message] = []
    every: int | None = None
    named: dict[str, int] = {}
    for item in (part.strip() for part in text.split(",")):
        if not item:
            problems.append(
                msg("has an empty item: expected numbers of copies {example}", example=example)
            )
            continue
        kind, equals, number = item.rpartition("=")
        kind = kind.strip()
        count = _count(number.strip())
        if count is None:
            problems.append(
                msg(
                    '"{item}" is not a number of copies: expected a whole number from 1 to '
                    "{maximum}, {example}",
                    item=item,
                    maximum=f"{MAX_COPIES:,}",
                    example=example,
                )
            )
        elif not equals:
            if every is not None:
                problems.append(
                    msg(
                        "gives two numbers for every item ({first} and {second}): expected one, "
                        "and kind=number for the others",
                        first=every,
                        second=count,
                    )
                )
            every = count
        elif kind not in CHOICES:
            problems.append(
                msg(
                    'unknown kind "{kind}"{hint}: expected one of {choices}',
                    kind=kind,
                    hint=did_you_mean(kind, CHOICES),
                    choices=", ".join(CHOICES),
                )
            )
        elif kind not in what:
            problems.append(
                msg(
                    "names {kind}, which this pack leaves out (--only {only}): expected copies "
                    "of what the pack holds",
                    kind=kind,
                    only=", ".join(what),
                )
            )
        elif kind in named:
            problems.append(msg("names {kind} twice: expected each kind once", kind=kind))
        else:
            named[kind] = count
    if problems:
        raise SourceError([Problem("print-pack", None, "--copies", p) for p in problems])
    if every is not None:
        named = {kind: named.get(kind, every) for kind in what}
    return tuple((kind, named[kind]) for kind in what if kind in named)


def _count(text: str) -> int | None:
    if not text.isascii() or not text.isdigit():
        return None
    count = int(text)
    return count if 1 <= count <= MAX_COPIES else None


def known_places(campaigns: CampaignSet, language: str | None = None) -> list[str]:
    """Every place the campaigns name (in one language, or in any), sorted."""
    places = set()
    for versions in campaigns.campaigns.values():
        for code, campaign in versions.items():
            if language is None or code == language:
                places.update(_places_of(campaign))
    return sorted(places)


def _places_of(campaign: Campaign) -> set[str]:
    return set(campaign.places) | {a.place for a in campaign.activities if a.place}


def choose(selection: Selection, campaigns: CampaignSet) -> list[Campaign]:
    """The campaigns in the selection, in the selection's language, by date."""
    chosen = []
    for versions in campaigns.campaigns.values():
        every_language = list(versions.values())
        campaign = versions[selection.language]
        if selection.kind and campaign.type != selection.kind:
            continue
        if selection.start and campaign.last_day < selection.start:
            continue
        if selection.end and campaign.start > selection.end:
            continue
        if selection.place and not any(
            selection.place in place for version in every_language for place in _places_of(version)
        ):
            continue
        chosen.append(campaign)
    if not chosen:
        raise SourceError(
            file_problem(
                "print-pack",
                msg(
                    "nothing to print: no campaign matches {selection}: expected a selection "
                    "that includes at least one campaign (try fewer limits)",
                    selection=describe(selection),
                ),
            )
        )
    return sorted(chosen, key=lambda c: (c.start, c.slug))


def describe(selection: Selection) -> str:
    parts = []
    if selection.place:
        parts.append(msg('place "{place}"', place=selection.place))
    if selection.start or selection.end:
        first, last = selection.start or "…", selection.end or "…"
        parts.append(msg("dates {first} to {last}", first=first, last=last))
    if selection.kind:
        parts.append(msg("type {type}", type=selection.kind))
    parts.append(msg("language {language}", language=selection.language))
    return ", ".join(str(part) for part in parts)


def for_pack(campaign: Campaign) -> Campaign:
    """The campaign with the pack's paper size instead of its own poster sizes."""
    if campaign.poster and campaign.poster.sizes:
        return replace(campaign, poster=replace(campaign.poster, sizes=()))
    return campaign


@dataclass(frozen=True)
class Entry:
    campaign: Campaign
    file: PrintFile
    label: str
    pages: int
    what: str = "posters"  # one of CHOICES: how --copies names it
    first_page: int = 0
    blank_before: bool = False


def entries(
    chosen: list[Campaign], result: PrintResult, selection: Selection, t: Translator
) -> list[Entry]:
    """The files of the pack, campaign by campaign: poster first, then leaflet."""
    from pypdf import PdfReader

    wanted = []
    if "posters" in selection.what:
        wanted.append((POSTER_PDF.name, selection.size, "posters"))
    if "leaflets" in selection.what:
        wanted.append((LEAFLET_PDF.name, None, "leaflets"))
    for item, kind in (("banners", BANNER_PDF), ("boards", BOARD_PDF), ("cards", CARDS_PDF)):
        if item in selection.what:
            wanted.append((kind.name, None, item))
    found = []
    for campaign in chosen:
        files = result.for_campaign(campaign.slug, campaign.language)
        for kind, size, what in wanted:
            for file in files:
                if file.kind == kind and (size is None or file.size == size):
                    label = t(f"pack.{kind}", size=file.size)
                    pages = len(PdfReader(file.path).pages)
                    found.append(Entry(campaign, file, label, pages, what))
    return found


def make_pack(
    found: list[Entry], selection: Selection, t: Translator, fonts: dict, colours: dict
) -> tuple[bytes, int]:
    """The whole pack as PDF bytes, and its number of pages."""
    from pypdf import PdfReader, PdfWriter

    cover_pages = 1
    while True:
        numbered, page = [], cover_pages + 1
        for entry in found:
            # Printed on both sides, an even page is the back of a sheet: a blank page
            # there keeps a poster off a leaflet's back and a leaflet's two sides together.
            blank = selection.duplex and page % 2 == 0
            page += blank
            numbered.append(replace(entry, first_page=page, blank_before=blank))
            page += entry.pages
        cover = cover_pdf(numbered, selection, t, fonts, colours, page - 1)
        count = len(PdfReader(io.BytesIO(cover)).pages)
        if count == cover_pages:
            break
        cover_pages = count
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(cover)))
    for entry in numbered:
        reader = PdfReader(entry.file.path)
        if entry.blank_before:
            _blank_back(writer)
        writer.append(reader)
    writer.add_metadata({"/Title": t("pack.title"), "/Producer": "Xuanchuan"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue(), page - 1


def _blank_back(writer) -> None:
    """A blank page behind the last one: the back of its sheet, so of its size, and with the
    same trim for a print shop that cuts the sheet."""
    from pypdf.generic import NameObject

    front = writer.pages[-1]
    back = writer.add_blank_page(front.mediabox.width, front.mediabox.height)
    for box in ("/TrimBox", "/BleedBox"):
        if box in front:
            back[NameObject(box)] = front[box]


def cover_pdf(numbered, selection, t, fonts, colours, total_pages) -> bytes:
    """A4 pages listing what is inside, in the pack's language."""
    import cairocffi as cairo

    from ..drawing import pdf_surface, set_colour
    from ..paper import MM, paper_size
    from ..text.pango import Face, Typesetter

    buffer = io.BytesIO()
    surface = pdf_surface(buffer, *paper_size("A4"))
    context = cairo.Context(surface)
    context.scale(MM, MM)
    point = 25.4 / 72
    typesetter = Typesetter(context, selection.language)
    regular, bold = Face(*fonts["regular"]), Face(*fonts["bold"])

    def write(face, text, x, baseline, size, colour="text", line=None):
        """One line at ``baseline``: ``text``, or line ``number`` of a set paragraph."""
        paragraph, number = line or (typesetter.paragraph(text, face, size * point), 0)
        set_colour(context, colours.get(colour, colour))
        top = baseline - typesetter.ascent(face, size * point)
        paragraph.draw_line(number, x, top, size * point)
        return paragraph

    def heading():
        set_colour(context, colours["primary"])
        context.rectangle(0, 0, 210, 34)
        context.fill()
        write(bold, t("pack.title"), 18, 20, 24, "on_primary")
        write(
            regular,
            t("pack.summary", files=len(numbered), pages=total_pages),
            18,
            29,
            11,
            "on_primary",
        )

    heading()
    y = 46
    for line in _selection_lines(selection, t):
        write(regular, line, 18, y, 11)
        y += 6.5
    y += 6
    width = 164
    copies = dict(selection.copies)
    for number, entry in enumerate(numbered, start=1):
        count = copies.get(entry.what)
        # How many to print stands at the right of the title, where the shop looks for it.
        quantity = (
            typesetter.paragraph(t("pack.copies", count=count), bold, 11 * point) if count else None
        )
        room = width - (quantity.width + 6 if quantity else 14)
        title = typesetter.paragraph(printable_text(entry.campaign.title), bold, 11 * point, room)
        finish = typesetter.paragraph(_finishing(entry, selection, t), regular, 9 * point, width)
        needed = 6.5 * len(title.lines) + 4.5 * len(finish.lines) + 13
        if y + needed > 282:
            surface.show_page()
            heading()
            y = 46
        write(bold, f"{number}.", 18, y, 11, "primary")
        first = y
        for line in range(len(title.lines)):
            write(bold, "", 28, y, 11, line=(title, line))
            y += 6.5
        if quantity:
            write(bold, "", 192 - quantity.width, first, 11, "primary", line=(quantity, 0))
        pages = (
            t("pack.page", page=entry.first_page)
            if entry.pages == 1
            else t("pack.pages", first=entry.first_page, last=entry.first_page + entry.pages - 1)
        )
        detail = f"{entry.label} · {format_range(entry.campaign.start, entry.campaign.end, t)}"
        write(regular, detail, 28, y, 10, "muted")
        shown = typesetter.paragraph(pages, regular, 10 * point)
        write(regular, "", 192 - shown.width, y, 10, "muted", line=(shown, 0))
        y += 5.5
        for line in range(len(finish.lines)):
            write(regular, "", 28, y, 9, "muted", line=(finish, line))
            y += 4.5
        y += 4
    surface.finish()
    return buffer.getvalue()


def _finishing(entry: Entry, selection: Selection, t: Translator) -> str:
    """How the shop makes the printed sheets into the item: cut, fold, or nothing."""
    shop = "_bleed" if selection.bleed else ""
    return t(f"pack.finish.{entry.file.kind}{shop}", size=entry.file.size)


def _selection_lines(selection: Selection, t: Translator) -> list[str]:
    lines = []
    if selection.place:
        lines.append(t("pack.place", place=selection.place))
    if selection.start or selection.end:
        start = selection.start or dt.date.min
        end = selection.end or dt.date.max
        shown = (
            format_range(start, end, t)
            if selection.start and selection.end
            else (str(selection.start or "…") + " – " + str(selection.end or "…"))
        )
        lines.append(t("pack.dates", dates=shown))
    if selection.kind:
        lines.append(t("pack.type", type=type_label(selection.kind, t)))
    if "posters" in selection.what:
        # The poster size says nothing of a pack of banners or card decks alone.
        lines.append(t("pack.size", size=selection.size))
    if selection.bleed:
        lines.append(t("pack.bleed", bleed=f"{selection.bleed:g}"))
    if selection.duplex:
        lines.append(t("pack.duplex"))
    return lines


def check_output(output: Path, project: Project) -> None:
    """Problems with where the pack is to go, found before anything is drawn."""
    problem = _output_problem(output, project)
    if problem:
        raise SourceError(Problem("print-pack", None, "--output", problem))


def _output_problem(output: Path, project: Project) -> Message | None:
    """What is wrong with ``output`` (as the team typed it), or None."""
    folder = output.parent
    if output.is_dir():
        return msg(
            '"{output}" is a folder: expected the name of the PDF file to write, such as {example}',
            output=output,
            example=output / "print-pack.pdf",
        )
    if not folder.absolute().is_dir():
        return msg(
            'the folder "{folder}" does not exist: expected an existing folder; create it '
            "first, or write the pack elsewhere",
            folder=folder,
        )
    sources = {
        msg("the site's pages"): project.docs_dir,
        msg("the campaigns"): project.project_dir / project.settings.campaigns_dir,
        msg("the theme overrides"): project.overrides_dir,
        msg("the build cache"): project.project_dir / ".cache",
    }
    for what, source in sources.items():
        if output.resolve().is_relative_to(Path(source).resolve()):
            return msg(
                '"{output}" is among {what} ({folder}/): expected a place outside the site\'s '
                "sources, such as print-pack.pdf in the project folder",
                output=output,
                what=what,
                folder=shown_path(Path(source), project.project_dir),
            )
    if output.exists() and not _is_pdf(output):
        return msg(
            '"{output}" exists and is not a PDF: expected a new file name, or an earlier '
            "print pack to replace (nothing was overwritten)",
            output=output,
        )
    return None


def _is_pdf(path: Path) -> bool:
    try:
        with open(path, "rb") as stream:
            return stream.read(5) == b"%PDF-"
    except OSError:
        return False


def write_pack(data: bytes, output: Path) -> None:
    """Written aside and renamed: the output is whole or untouched, never half-written."""
    import tempfile

    temporary = None
    try:
        with tempfile.NamedTemporaryFile(
            dir=output.absolute().parent, prefix=f".{output.name}.", delete=False
        ) as stream:
            temporary = Path(stream.name)
            stream.write(data)
        temporary.replace(output)
    except OSError as error:
        raise SourceError(
            Problem(
                "print-pack",
                None,
                "--output",
                msg(
                    'cannot write "{output}" ({reason}): expected a writable folder with free '
                    "space",
                    output=output,
                    reason=error.strerror or error,
                ),
            )
        ) from None
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
