"""Short codes: stable, small, readable, and every collision settled the same way."""

from __future__ import annotations

import unicodedata

from xuanchuan.core.short_links import (
    ALPHABET,
    LENGTH,
    ShortLinks,
    assign,
    hashed_code,
    short_path,
)


def alike(language: str, pattern: str, length: int = LENGTH) -> tuple[str, str]:
    """Two page keys (``pattern`` filled with a number) whose codes begin alike."""
    seen: dict[str, str] = {}
    for number in range(1_000_000):
        key = pattern.format(number)
        prefix = hashed_code(language, key)[:length]
        if prefix in seen:
            return seen[prefix], key
        seen[prefix] = key
    raise AssertionError("no two keys alike")


def test_codes_are_pinned_so_printed_posters_keep_working():
    # A change here breaks every QR code printed before it: never change these values.
    codes = assign(
        ["knowledge/electric-shock-first-aid.md", "campaigns/spring-irrigation-2027/index.md"],
        "zh",
    ).codes
    assert codes == {
        "knowledge/electric-shock-first-aid.md": "ek80j",
        "campaigns/spring-irrigation-2027/index.md": "ahxng",
    }
    assert assign(["knowledge/electric-shock-first-aid.md"], "en").codes == {
        "knowledge/electric-shock-first-aid.md": "mjngx"
    }
    assert short_path("ek80j") == "s/ek80j.html"


def test_codes_are_short_readable_and_differ_between_languages():
    keys = [f"法律法规/民法典/第{number}条.md" for number in range(300)]
    zh, en = assign(keys, "zh"), assign(keys, "en")
    for code in zh.codes.values():
        assert len(code) >= LENGTH and set(code) <= set(ALPHABET)
        assert not set(code) & set("ilou")  # never read as 1, 0 or v
    assert len(set(zh.codes.values())) == len(keys)
    assert set(zh.codes.values()).isdisjoint(en.codes.values())


def test_a_page_keeps_its_code_whatever_other_pages_come_and_go():
    keys = [f"knowledge/page-{number}.md" for number in range(200)]
    before = assign(keys, "zh").codes
    after = assign(keys[50:] + ["knowledge/new.md", "about.md"], "zh").codes
    assert all(after[key] == before[key] for key in keys[50:])


def test_the_same_name_typed_on_another_computer_gets_the_same_code():
    composed = "knowledge/café.md"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert assign([composed], "zh").codes[composed] == assign([decomposed], "zh").codes[decomposed]


def test_pages_whose_codes_begin_alike_both_get_longer_codes_and_share_a_listing():
    first, second = alike("zh", "laws/article-{}.md")
    other = "knowledge/first-aid.md"
    alone = assign([first, other], "zh")
    assert len(alone.codes[first]) == LENGTH and not alone.shared
    together = assign([first, second, other], "zh")
    shared = alone.codes[first]
    # Each takes as many more characters as tell them apart; the code printed before the
    # second page came lists both.
    assert together.codes[first] != together.codes[second]
    for key in (first, second):
        code = together.codes[key]
        assert len(code) > LENGTH and code.startswith(shared)
        assert code == hashed_code("zh", key)[: len(code)]
    assert together.shared == {shared: tuple(sorted([first, second]))}
    assert together.codes[other] == alone.codes[other]
    # Settled the same way whatever the order the pages are given in.
    assert assign([other, second, first], "zh") == together


def test_pages_the_engine_adds_never_take_a_code_from_the_team_s_pages():
    written, added = alike("en", "campaigns/calendar/{}.md")
    team = ShortLinks([written, "about.md"]).codes("en")
    both = team.with_pages([added, written])
    assert both.codes[written] == team.codes[written]
    assert len(both.codes[added]) == LENGTH + 1
    assert both.codes[added].startswith(team.codes[written])
    assert not both.shared


def test_a_page_the_team_put_where_a_short_page_would_be_keeps_its_address():
    key = "campaigns/x/index.md"
    code = assign([key], "zh").codes[key]
    links = ShortLinks([key, f"s/{code}.md"])
    assert links.codes("zh").codes[key] == hashed_code("zh", key)[: LENGTH + 1]
    added = links.codes("zh").with_pages(["campaigns/calendar.md"])
    assert f"s/{code}.md" in added.codes and code not in added.codes.values()
