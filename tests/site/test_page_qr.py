"""Page QR codes drawn ahead, in parallel, are the very codes the pages would draw."""

from xuanchuan.site.files.page_qr import prepare_qr_codes, qr_svg


def test_codes_drawn_in_parallel_are_kept_and_equal_the_direct_ones(tmp_path):
    urls = [f"https://example.org/union/campaigns/c-{i}/index.html" for i in range(12)]
    kept = tmp_path / "kept"
    assert prepare_qr_codes(urls + urls[:3], kept, workers=2) == 12
    assert len(list(kept.glob("*.svg"))) == 12
    assert prepare_qr_codes(urls, kept, workers=2) == 0
    for url in urls:
        assert qr_svg(url, kept) == qr_svg(url, tmp_path / "fresh")
    assert len(list((tmp_path / "fresh").glob("*.svg"))) == 12


def test_a_few_codes_are_left_to_the_pages(tmp_path):
    urls = ["https://example.org/a.html", "https://example.org/b.html"]
    assert prepare_qr_codes(urls, tmp_path, workers=2) == 0
    assert not list(tmp_path.glob("*.svg"))
