"""What the year-end summary pages show: a list of the years, and a page per year with the
same sections as its PDF (campaigns/summary_text.py words both).

Every text from the team's files is escaped here; templates print these values as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import escape

from ...campaigns.summary import YearSummary
from ...campaigns.summary_text import SummaryText, Table
from ...core.formatting import format_number
from ...core.print_files import PrintFile
from ...core.strings import Translator
from ..campaign_pages.views import file_size

SUMMARY_INDEX = "summary/index.md"

UrlOfKey = Callable[[str], str]


def summary_key(year: int) -> str:
    """A year's page is a folder's index: its PDF lies next to it, whatever the URL style."""
    return f"summary/{year}/index.md"


def summary_file_path(year: int, pdf: PrintFile) -> str:
    """Where a year's PDF lies in a language's site: next to the year's page."""
    return f"summary/{year}/{pdf.name}"


def summary_index_view(
    summaries: list[YearSummary],
    t: Translator,
    url_of: UrlOfKey,
    pdf_of: Callable[[int], PrintFile | None],
) -> dict:
    """The years, newest first, each with its headline figures and its PDF."""
    years = []
    for summary in summaries:
        figures = summary.figures
        url = url_of(summary_key(summary.year))
        pdf = pdf_of(summary.year)
        years.append(
            {
                "year": summary.year,
                "title": escape(t("summary.year_title", year=summary.year)),
                "url": url,
                "facts": [
                    (t("summary.campaigns"), str(len(figures.campaigns))),
                    (
                        t("summary.activities"),
                        t("summary.fraction", part=figures.held, whole=figures.planned),
                    ),
                    (t("summary.people"), format_number(figures.people, t)),
                ],
                "pdf": _download(pdf, t, summary.year) if pdf else None,
            }
        )
    return {"intro": t("summary.intro"), "years": years}


def summary_year_view(
    text: SummaryText,
    t: Translator,
    url_of: UrlOfKey,
    pdf: PrintFile | None,
) -> dict:
    """A year's page: ``url_of`` gives the address of a page key (campaign links)."""
    return {
        "title": escape(text.title),
        "organizers": escape(text.organizers) if text.organizers else None,
        "as_of": escape(text.as_of) if text.as_of else None,
        "index": {"title": t("summary.title"), "url": url_of(SUMMARY_INDEX)},
        "pdf": _download(pdf, t, text.year, t("summary.download")) if pdf else None,
        "sections": [
            {
                "id": f"xc-summary-{section.id}",
                "title": escape(section.title),
                "intro": escape(section.intro) if section.intro else None,
                "table": _table(section.table, url_of) if section.table else None,
                "targets": [
                    {
                        "campaign": escape(group.campaign),
                        "url": url_of(group.link),
                        "items": [
                            {
                                "label": escape(line.label),
                                "numbers": escape(line.numbers),
                                "percent": None if line.share is None else round(line.share * 100),
                                "state": line.state,
                                "state_label": line.state_label,
                            }
                            for line in group.lines
                        ],
                    }
                    for group in section.targets
                ],
                "items": [escape(item) for item in section.items],
                "empty": section.empty,
            }
            for section in text.sections
        ],
    }


def _table(table: Table, url_of: UrlOfKey) -> dict:
    links = table.links or (None,) * len(table.rows)
    numeric = [
        bool(table.rows) and all(_NUMBER.fullmatch(row[number]) for row in table.rows)
        for number in range(len(table.head))
    ]
    return {
        "head": [
            {"text": escape(label), "numeric": numeric[number]}
            for number, label in enumerate(table.head)
        ],
        "rows": [
            [
                {
                    "text": escape(cell),
                    "label": escape(table.head[number]),
                    "numeric": numeric[number],
                    # A row about a campaign or report links it from its first cell.
                    "url": url_of(link) if link and number == 0 else None,
                }
                for number, cell in enumerate(row)
            ]
            for row, link in zip(table.rows, links, strict=True)
        ],
    }


# A column of counts ("12", "3/5", "3 / 5", or left empty) reads best aligned at its end.
_NUMBER = re.compile(r"[\d\s/.,%]*")


def _download(pdf: PrintFile, t: Translator, year: int, label=None) -> dict:
    return {
        "label": label or t("downloads.summary_pdf", year=year),
        "url": summary_file_path(year, pdf),
        "size": file_size(pdf.bytes),
    }
