"""Draft print files: the real file inside a 样稿 / DRAFT band, outside its trim."""

from __future__ import annotations

import io
import subprocess

import cairocffi as cairo
from PIL import Image
from pypdf import PdfReader

from xuanchuan.printing.jobs.draft_mark import draft_copy, mark_pdf, mark_png

URL = "https://example.org/xuanchuan/s/k3.html"


def a4_pdf(pages: int = 2) -> bytes:
    buffer = io.BytesIO()
    surface = cairo.PDFSurface(buffer, 595.28, 841.89)
    surface.set_metadata(cairo.PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
    context = cairo.Context(surface)
    for _ in range(pages):
        context.set_source_rgb(0.8, 0.1, 0.1)
        context.rectangle(0, 0, 595.28, 841.89)
        context.fill()
        surface.show_page()
    surface.finish()
    return buffer.getvalue()


def test_a_pdf_keeps_its_page_as_the_trim_and_says_draft_and_where(tmp_path):
    marked = mark_pdf(a4_pdf(), URL)
    reader = PdfReader(io.BytesIO(marked))
    assert len(reader.pages) == 2
    for page in reader.pages:
        assert float(page.trimbox.width) == 595.28 and float(page.trimbox.height) == 841.89
        assert float(page.mediabox.width) > 595.28 + 60
    (tmp_path / "d.pdf").write_bytes(marked)
    text = subprocess.run(["pdftotext", str(tmp_path / "d.pdf"), "-"], capture_output=True, text=True).stdout
    assert text.count("样稿 DRAFT") == 4 and URL in text
    # The same file gives the same bytes: a preview's drafts are cached like print files.
    assert mark_pdf(a4_pdf(), URL) == marked


def test_a_png_is_framed_and_the_original_is_untouched_inside(tmp_path):
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (30, 120, 40)).save(buffer, "PNG")
    marked = Image.open(io.BytesIO(mark_png(buffer.getvalue(), None)))
    assert marked.width > 800 and marked.height > 600
    margin = (marked.width - 800) // 2
    assert marked.getpixel((margin + 400, margin + 300)) == (30, 120, 40)
    assert marked.getpixel((2, marked.height // 2)) == (250, 204, 46)


def test_a_draft_copy_is_made_once_and_kept_by_content(tmp_path):
    source = tmp_path / "poster.pdf"
    source.write_bytes(a4_pdf(1))
    first = draft_copy(source, URL, tmp_path / "drafts")
    assert draft_copy(source, URL, tmp_path / "drafts") == first
    assert draft_copy(source, URL + "x", tmp_path / "drafts") != first
    first.write_bytes(b"damaged")  # a damaged copy is never served again
    again = draft_copy(source, URL, tmp_path / "drafts")
    assert again.read_bytes().startswith(b"%PDF")
