"""A real headless Chromium on built sites: Debian's /usr/bin/chromium, driven by Playwright
(no browser is ever downloaded), the site served over HTTP or opened from a folder."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--allow-file-access-from-files",
]


def playwright_or_skip():
    """Playwright's sync API; the calling test module is skipped without a Chromium (on CI
    that is an error: scripts/setup.sh --test installs it)."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            raise RuntimeError("Chromium is missing: scripts/setup.sh --test installs it")
        pytest.skip(
            "Chromium is not installed (scripts/setup.sh --test installs it)",
            allow_module_level=True,
        )
    return pytest.importorskip("playwright.sync_api")


@contextlib.contextmanager
def launched(sync_api, args=ARGS):
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=args, headless=True)
        yield chromium
        chromium.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def served(site: Path):
    """The site at an address on this machine; its base URL."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class Visit:
    """A browser page that records every request it (and its workers and frames) makes."""

    def __init__(self, browser, base: str):
        self.base = base
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.requests: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()

    def open(self, relative: str) -> None:
        self.page.goto(self.base + relative)

    def search(self, query: str) -> list[str]:
        """Type into Material's search box; the result links, relative to the site root."""
        page = self.page
        page.click("input.md-search__input")
        # Wait until the search index is loaded (the box stops saying "Initializing").
        page.wait_for_function(
            """() => {
                const meta = document.querySelector('.md-search-result__meta');
                return meta && meta.textContent.trim() && !/nitializ|初始化/.test(meta.textContent);
            }""",
            timeout=20000,
        )
        # Given whole, as an input method gives Chinese (composed text, no key events), then
        # a key press that makes Material search, as the confirming key of an input method
        # does. Typed letter by letter, each prefix would be a search of its own, and the
        # first results shown could be those of the first letter.
        page.fill("input.md-search__input", query)
        page.keyboard.press("End")
        page.wait_for_function(
            """() => {
                const meta = document.querySelector('.md-search-result__meta');
                return meta && /\\d|No matching|没有找到/.test(meta.textContent);
            }""",
            timeout=20000,
        )
        links = page.eval_on_selector_all(
            "li.md-search-result__item > a.md-search-result__link",
            "elements => elements.map(e => e.href)",
        )
        return [self.relative(link) for link in links]

    def relative(self, url: str) -> str:
        path = unquote(urlsplit(url).path)
        root = unquote(urlsplit(self.base).path)
        return path[len(root) :] if path.startswith(root) else url

    def outside_requests(self) -> list[str]:
        allowed = (self.base, "data:", "blob:", "about:")
        return [url for url in self.requests if not url.startswith(allowed)]

    def close(self):
        self.context.close()


def switch(page, code: str) -> None:
    """Open the language menu in the header, as a reader does, and choose a language."""
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click(f"a.xc-alternate[hreflang='{code}']")


# Every visible text on a page: its computed colour against the background it is drawn on
# (semi-transparent layers blended down to the page), and its size.
READABILITY = """() => {
  const rgba = c => { const m = c.match(/rgba?\\(([^)]+)\\)/);
    const p = m ? m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number) : [0, 0, 0, 0];
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const over = (top, under) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3]))
    .concat([1]);
  const background = el => { const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c); if (c[3] >= 1) break; }
    return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]); };
  const luminance = c => c.slice(0, 3).map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim(), el = walker.currentNode.parentElement;
    if (!text || !el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const style = getComputedStyle(el), size = parseFloat(style.fontSize);
    const under = background(el), colour = over(rgba(style.color), under);
    const [a, b] = [luminance(colour), luminance(under)].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const where = el.tagName.toLowerCase() + [...el.classList].map(c => "." + c).join("");
    if (ratio < (large ? 3 : 4.5)) found.push(`${where} "${text.slice(0, 20)}": contrast ${ratio.toFixed(2)}`);
    if (size < 14) found.push(`${where} "${text.slice(0, 20)}": ${size}px`);
  }
  return [...new Set(found)];
}"""
