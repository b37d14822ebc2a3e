"""A language written right to left: what its pages declare, and how its search tells words
apart. The built site and the browser are in test_right_to_left_site.py."""

from __future__ import annotations

from xuanchuan.site.build.language_notices import with_language
from xuanchuan.site.search.index import tokens

MATERIAL_PAGE = '<!doctype html>\n<html lang="en" class="no-js">\n  <head></head>\n<body dir="rtl">'


def test_the_page_names_its_own_language_and_direction():
    page = with_language(MATERIAL_PAGE, "ug", "rtl")
    assert page.startswith('<!doctype html>\n<html lang="ug" dir="rtl" class="no-js">\n')
    assert page.endswith('<body dir="rtl">')


def test_attributes_written_any_way_are_replaced_not_repeated():
    page = "<!DOCTYPE html><HTML class=x LANG='zh' Dir=ltr data-a=\"1\"><p>"
    assert with_language(page, "ug", "rtl") == (
        '<!DOCTYPE html><html lang="ug" dir="rtl" class=x data-a="1"><p>'
    )


def test_only_the_start_of_an_html_page_is_touched():
    sitemap = '<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>'
    assert with_language(sitemap, "ug", "rtl") == sitemap
    fragment = '<p>Write <html lang="en"> at the top.</p>'
    assert with_language(fragment, "ug", "rtl") == fragment


def test_words_of_a_right_to_left_script_are_told_apart_from_their_punctuation():
    text = "«توك» بىخەتەرلىكى، ھەممىدىن مۇھىم؟ (ئاۋۋال) توكنى ئۈزۈڭ!"
    assert tokens(text) == ["توك", "بىخەتەرلىكى", "ھەممىدىن", "مۇھىم", "ئاۋۋال", "توكنى", "ئۈزۈڭ"]
