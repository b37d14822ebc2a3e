"""A preview keeps the pages it looked up in memory: a save reads none of them again."""

from xuanchuan.site.build.page_cache import KeptPage, PageCache

PAGE = KeptPage("<html>用电安全</html>", [{"location": "a.html", "title": "用电安全"}], {})


def _entries(folder):
    return sorted(path for path in folder.rglob("*.json"))


def test_a_preview_finds_a_kept_page_again_without_reading_it(tmp_path):
    folder = tmp_path / "pages"
    cache = PageCache(folder, "site", remember=True)
    key = cache.key("a.md", "text")
    cache.put(key, PAGE)
    for path in _entries(folder):
        path.write_bytes(b"damaged")  # read again, it would not be trusted
    assert PageCache(folder, "site", remember=True).get(key) == PAGE
    # A build reads from disk, each entry checked: the damaged one is made again.
    assert PageCache(folder, "site").get(key) is None


def test_what_a_preview_no_longer_uses_leaves_its_memory(tmp_path):
    folder = tmp_path / "pages"
    cache = PageCache(folder, "site", remember=True)
    old, new = cache.key("a.md", "before"), cache.key("a.md", "after")
    cache.put(old, PAGE)
    cache.put(new, PAGE)
    cache.prune({new}, "serve")
    for path in _entries(folder):
        path.unlink()
    assert cache.get(new) == PAGE and cache.get(old) is None


def test_a_build_keeps_nothing_in_memory(tmp_path):
    folder = tmp_path / "pages"
    cache = PageCache(folder, "site")
    key = cache.key("a.md", "text")
    cache.put(key, PAGE)
    for path in _entries(folder):
        path.unlink()
    assert cache.get(key) is None
