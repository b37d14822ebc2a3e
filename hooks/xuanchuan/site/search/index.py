"""The site's search index, prepared at build time and split so a search loads little.

Material builds its search index in the reader's browser, from one file holding the text of
every page: 41 MB for a site carrying 1,564 laws, many seconds on a phone before the first
result. And its Chinese query segmentation drops a query's last character (电力设施保护 is
searched as 电力设施 + 保), so the right page is rarely first.

Here the build turns Material's list of pages and sections into an inverted index. Words are
told apart the same way in the index and in the query (``tokens``; the browser side is
``overrides/assets/javascripts/xc-search.js``, which must stay in step): Chinese runs as
overlapping pairs of characters, which needs no dictionary and finds any word, other scripts
as words between spaces and punctuation. The terms are split into shards by their first
character, so a query loads the few shards its terms are in (a prefix search too), and the
list of documents once. Everything is written as small scripts that call a function, which
works from a folder (file://) as well as over HTTP.
"""

from __future__ import annotations

import html
import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

FOLDER = "search/xc"
POSTINGS_PER_SHARD = 20_000  # about 100 KB of shard; a query loads a few
MAX_SHARDS = 1024
SNIPPET = 240  # characters of a section's text shown under its title
CHUNK = 100  # documents per file of titles and texts

_HAN = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002a6df\U0002a700-\U0002ebef]"
)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")


def tokens(text: str) -> list[str]:
    """The terms of ``text``: NFKC-folded and lower case, split at spaces, punctuation and
    symbols; a Chinese run gives each pair of neighbouring characters (a single character
    alone stays one term), any other run is one word."""
    terms: list[str] = []
    run: list[str] = []
    for char in unicodedata.normalize("NFKC", text).lower() + " ":
        if unicodedata.category(char)[0] in "PZSC":
            if run:
                _add_run("".join(run), terms)
                run = []
        else:
            run.append(char)
    return terms


def _add_run(run: str, terms: list[str]) -> None:
    start = 0
    for match in re.finditer(f"{_HAN.pattern}+", run):
        if match.start() > start:
            terms.append(run[start : match.start()])
        han = match.group()
        terms.extend([han] if len(han) == 1 else [han[i : i + 2] for i in range(len(han) - 1)])
        start = match.end()
    if start < len(run):
        terms.append(run[start:])


def shard_of(term: str, shards: int) -> int:
    """Terms sharing a first character share a shard: a prefix search reads one."""
    return ord(term[0]) % shards


def plain(markup: str) -> str:
    """The text of Material's HTML (its Chinese words come separated by U+200B)."""
    return _SPACES.sub(" ", html.unescape(_TAG.sub(" ", markup)).replace("\u200b", "")).strip()


def build_index(docs: list[dict]) -> tuple[dict, list[list], dict[int, dict[str, list[int]]]]:
    """(the table used to rank, the documents in chunks, the shards of terms) for Material's
    ``docs`` (each page, then its sections).

    Ranking needs only numbers per document; the titles, addresses and texts are read in
    chunks, for the results shown: a site of laws has tens of thousands of sections.
    """
    lengths, parents, title_lengths, shown = [], [], [], []
    postings: dict[str, list[int]] = defaultdict(list)
    articles: dict[str, int] = {}
    for number, doc in enumerate(docs):
        location = doc["location"]
        parent = articles.setdefault(location.split("#", 1)[0], number)
        title, text = plain(doc.get("title", "")), plain(doc.get("text", ""))
        # Tags count as words of the title: a page tagged 急救 is about first aid.
        tags = [plain(tag) for tag in doc.get("tags") or ()]
        title_terms = tokens(title) + [term for tag in tags for term in tokens(tag)]
        # Labels are shown as tags but say what a result is, not what it is about: "in
        # Chinese" under a thousand laws must not make them all an answer to "Chinese".
        tags += [plain(label) for label in doc.get("labels") or ()]
        text_terms = tokens(text)
        counts: dict[str, list[int]] = {}
        for term in title_terms:
            counts.setdefault(term, [0, 0])[0] += 1
        for term in text_terms:
            counts.setdefault(term, [0, 0])[1] += 1
        for term, (in_title, in_text) in counts.items():
            postings[term].extend((number, in_title, in_text))
        lengths.append(len(text_terms))
        parents.append(-1 if parent == number else parent)
        title_lengths.append(len(title_terms))
        # Escaped as HTML: the files hold no markup, whatever a page's title was made of.
        shown.append(
            [location, html.escape(title), html.escape(_snippet(text))]
            + ([[html.escape(tag) for tag in tags]] if tags else [])
        )
    count = sum(len(entries) // 3 for entries in postings.values())
    shards = min(MAX_SHARDS, max(1, math.ceil(count / POSTINGS_PER_SHARD)))
    split: dict[int, dict[str, list[int]]] = {number: {} for number in range(shards)}
    for term in sorted(postings):
        entries = postings[term]
        # Document numbers as differences from the previous one: small numbers, short files.
        previous = 0
        for at in range(0, len(entries), 3):
            entries[at], previous = entries[at] - previous, entries[at]
        split[shard_of(term, shards)][term] = entries
    chunks = [shown[at : at + CHUNK] for at in range(0, len(shown), CHUNK)]
    table = {
        "version": 1,
        "shards": shards,
        "chunk": CHUNK,
        "average": round(sum(lengths) / len(lengths), 3) if lengths else 0,
        "length": lengths,
        "parent": parents,
        "titleLength": title_lengths,
    }
    return table, chunks, split


def _snippet(text: str) -> str:
    return text if len(text) <= SNIPPET else text[:SNIPPET].rstrip() + "…"


def page_in_another_language(location: str, title: str, text: str, label: str) -> dict:
    """An entry, as Material writes them, for a page of another language's site: its plain
    title and opening (``text``), labelled, leading to ``location``."""
    return {
        "location": location,
        "title": html.escape(title),
        "text": html.escape(text),
        "labels": [html.escape(label)],
    }


def write_search_files(site_dir: Path, extra: Sequence[dict] = ()) -> int | None:
    """Turn Material's ``search/search_index.json``, with the ``extra`` entries after its
    own, into the split index, and leave in its place only the settings the search box
    starts with (the offline copy alike).

    Returns the bytes written, or None when the site has no search index.
    """
    docs = deferred_search_files(site_dir, extra)
    if docs is None:
        return None
    written = 0
    for path, content in index_files(docs).items():
        target = site_dir / FOLDER / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written += len(content)
    return written + (site_dir / "search" / "search_index.json").stat().st_size


def deferred_search_files(site_dir: Path, extra: Sequence[dict] = ()) -> list[dict] | None:
    """Leave only the search box's settings in Material's index now, and return the
    documents ``index_files`` makes the split index of; None when the site has no search
    index.

    A preview makes them only when a search asks for them: most saves are read, not
    searched, and cutting every page's text into terms was a good part of each rebuild.
    """
    index_file = site_dir / "search" / "search_index.json"
    if not index_file.is_file():
        return None
    data = json.loads(index_file.read_text(encoding="utf-8"))
    docs = [*data.get("docs", []), *extra]
    stub = json.dumps(
        {"config": data.get("config", {}), "docs": [], "options": data.get("options", {})},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    index_file.write_text(stub, encoding="utf-8")
    offline = index_file.with_suffix(".js")
    if offline.is_file():
        offline.write_text(f"var __index = {stub}", encoding="utf-8")
    return docs


def index_files(docs: list[dict]) -> dict[str, bytes]:
    """The split index's files, by their path within ``search/xc/``."""
    table, chunks, shards = build_index(docs)
    files = {"meta.js": _call("xcSearch.meta", table)}
    for number, chunk in enumerate(chunks):
        files[f"d{number}.js"] = _call(f"xcSearch.docs({number},", chunk)
    for number, terms in shards.items():
        files[f"s{number}.js"] = _call(f"xcSearch.shard({number},", terms)
    return files


def _call(call: str, data) -> bytes:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    opening = call if call.endswith(",") else call + "("
    return f"{opening}{text});\n".encode()


def read_search_files(site_dir: Path) -> list[dict]:
    """The documents of a built site's search, with their terms: for tests and reports."""
    folder = site_dir / FOLDER
    meta = _read_call(folder / "meta.js")
    docs = [
        {
            "location": d[0],
            "title": html.unescape(d[1]),
            "snippet": html.unescape(d[2]),
            "tags": [html.unescape(tag) for tag in d[3]] if len(d) > 3 else [],
            "terms": set(),
        }
        for number in range(math.ceil(len(meta["length"]) / meta["chunk"]))
        for d in _read_call(folder / f"d{number}.js")
    ]
    for number in range(meta["shards"]):
        for term, entries in _read_call(folder / f"s{number}.js").items():
            doc = 0
            for at in range(0, len(entries), 3):
                doc += entries[at]
                docs[doc]["terms"].add(term)
    return docs


def _read_call(path: Path):
    text = path.read_text(encoding="utf-8")
    body = text[text.index("(") + 1 : text.rindex(")")]
    if not text.startswith("xcSearch.meta("):
        body = body.split(",", 1)[1]
    return json.loads(body)
