"""Material's search index per language: how its words are told apart, and its size.

Material writes the index as ASCII-escaped JSON, so each Chinese character costs six bytes
(``\\u89e6``). Written as UTF-8 it costs three, and the browser reads the same data.
"""

from __future__ import annotations

import json
from pathlib import Path

# Scripts written right to left (Arabic, Hebrew) separate words with blanks as English does,
# but Material's English separator (blanks and hyphens) keeps punctuation inside the words:
# «توك» would not be found by typing توك. Search looks up every word by how it begins, so
# a mark after a word does not hide it; a mark before one does.
RIGHT_TO_LEFT_SEPARATOR = r'[\s\-.,:;!?()"«»،؛؟]+'


def word_separator(direction: str) -> str | None:
    """The characters between words in a language's search index; None for Material's
    own separator, from its texts for the language (its Chinese one, its English one)."""
    return RIGHT_TO_LEFT_SEPARATOR if direction == "rtl" else None


def compact_search_index(site_dir: Path) -> int | None:
    """Rewrite ``search/search_index.json`` (and the offline copy, if any) as UTF-8.

    Returns the new size in bytes, or None when the site has no search index.
    """
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return None
    data = json.loads(index.read_text(encoding="utf-8"))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    index.write_text(text, encoding="utf-8")
    offline = index.with_suffix(".js")
    if offline.is_file():
        offline.write_text(f"var __index = {text}", encoding="utf-8")
    return len(text.encode("utf-8"))
