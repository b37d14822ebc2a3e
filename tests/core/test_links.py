import pytest

from xuanchuan.core.links import counterpart_url, relative_url


@pytest.mark.parametrize(
    ("page", "source", "target", "expected"),
    [
        ("knowledge/first-aid.html", "", "en/", "../en/knowledge/first-aid.html"),
        ("knowledge/first-aid.html", "en/", "", "../../knowledge/first-aid.html"),
        ("index.html", "", "en/", "en/index.html"),
        ("index.html", "en/", "", "../index.html"),
        ("", "", "en/", "en/"),
        ("", "en/", "", "../"),
        ("./", "en/", "", "../"),
        ("knowledge/", "", "en/", "../en/knowledge/"),
        ("about.html", "en/", "bo/", "../bo/about.html"),
    ],
)
def test_counterpart_url(page, source, target, expected):
    assert counterpart_url(page, source, target) == expected


def test_same_page_links_to_itself():
    assert relative_url("about.html", "about.html") == "about.html"
    assert relative_url("", "") == "./"
