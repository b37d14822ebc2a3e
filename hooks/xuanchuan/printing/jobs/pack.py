"""One PDF for the print shop: the posters and leaflets of a chosen set, behind a cover page.

The selection (place, dates, type, language, poster size) is checked here, with messages
that name what was asked and what exists; the files themselves come from the print engine
and its cache, so a pack holds exactly what the site offers for download.
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from ...campaigns.model import Campaign
from ...core.errors import Problem, SourceError, shown_path
from ...core.messages import Message, msg
from ...core.print_files import (
    BANNER_PDF,
    BOARD_PDF,
    CARDS_PDF,
    LEAFLET_PDF,
    POSTER_PDF,
    PrintResult,
)
from ...core.project import Project
from ...core.strings import Translator
from .pack_cover import cover_pdf
from .pack_selection import Entry, Selection


def for_pack(campaign: Campaign) -> Campaign:
    """The campaign with the pack's paper size instead of its own poster sizes."""
    if campaign.poster and campaign.poster.sizes:
        return replace(campaign, poster=replace(campaign.poster, sizes=()))
    return campaign


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
