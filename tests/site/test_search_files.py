"""The search index the build prepares: how words are told apart, how the index is split,
and that the same pages give the same files."""

from __future__ import annotations

from xuanchuan.site.search.index import build_index, shard_of, tokens


def test_chinese_is_indexed_as_pairs_and_other_scripts_as_words():
    assert tokens("漏电保护器") == ["漏电", "电保", "保护", "护器"]
    assert tokens("《电力法》第5条") == ["电力", "力法", "第", "5", "条"]
    assert tokens("Call 95598, test the RCD!") == ["call", "95598", "test", "the", "rcd"]
    assert tokens("ＲＣＤ　测试") == ["rcd", "测试"]  # full-width letters and space folded
    assert tokens("触\u200b电") == ["触", "电"]  # a zero-width space still parts words


def test_terms_sharing_a_first_character_share_a_shard():
    docs = [
        {"location": f"p{n}.html", "title": f"第{n}页", "text": "电力 电话 电视 " * (n + 1)}
        for n in range(30)
    ]
    _, _, shards = build_index(docs)
    for number, terms in shards.items():
        assert all(shard_of(term, len(shards)) == number for term in terms)
    holding = [number for number, terms in shards.items() if "电力" in terms]
    assert holding and all("电话" in shards[number] for number in holding)


def test_a_large_index_is_split_and_the_same_pages_give_the_same_files():
    docs = [
        {
            "location": f"law{n}.html",
            "title": f"条例{n}",
            "text": "".join(chr(0x4E00 + (n * 37 + i * 11) % 20000) for i in range(400)),
        }
        for n in range(300)
    ]
    first, second = build_index(docs), build_index([dict(doc) for doc in docs])
    assert first == second
    table, chunks, shards = first
    assert table["shards"] > 1 and len(shards) == table["shards"]
    assert sum(len(chunk) for chunk in chunks) == len(docs) == len(table["length"])


def test_sections_point_to_their_page_and_titles_are_stored_escaped():
    docs = [
        {"location": "a.html", "title": "<b>甲</b> & 乙", "text": "<p>正文</p>"},
        {"location": "a.html#one", "title": "第一节", "text": "<p>一</p>"},
    ]
    table, chunks, _ = build_index(docs)
    assert table["parent"] == [-1, 0]
    assert chunks[0][0][1] == "甲 &amp; 乙"  # the tags of a title are not text
