"""Which templates print a page's QR code footer, read from the templates themselves."""

from __future__ import annotations

import pytest
from jinja2 import DictLoader, Environment

from xuanchuan.site.pages.print_footer import FooterTemplates

BASE = """<html><body>{% block container %}{% block content %}{{ page.content }}{% endblock %}
{% endblock %}{% include "partials/footer.html" %}</body></html>"""
MAIN = """{% extends "base.html" %}
{% block content %}{{ super() }}{% if xc_print_qr %}{{ xc_print_qr.svg }}{% endif %}{% endblock %}"""


def footers(**templates) -> FooterTemplates:
    sources = {
        "base.html": BASE,
        "main.html": MAIN,
        "partials/footer.html": "<footer>",
        **templates,
    }
    return FooterTemplates(Environment(loader=DictLoader(sources)))


@pytest.mark.parametrize(
    ("source", "prints"),
    [
        pytest.param('{% extends "main.html" %}', True, id="main.html as it is"),
        pytest.param(
            '{% extends "main.html" %}{% block content %}<h1>日历</h1>{% endblock %}',
            False,
            id="its content replaced (calendar, overview)",
        ),
        pytest.param(
            '{% extends "main.html" %}{% block content %}<h1>x</h1>{{ super() }}{% endblock %}',
            True,
            id="its content extended",
        ),
        pytest.param(
            '{% extends "main.html" %}{% block container %}<main>{% endblock %}',
            False,
            id="the block around the content replaced",
        ),
        pytest.param(
            '{% extends "base.html" %}{% block content %}{% include "partials/qr.html" %}'
            "{% endblock %}",
            True,
            id="a partial that prints it",
        ),
        pytest.param('{% extends "base.html" %}', False, id="the theme's own base"),
        pytest.param("{{ xc_kept_output }}", False, id="a kept page written as it was"),
        pytest.param('{% extends "gone.html" %}', False, id="a missing parent"),
    ],
)
def test_a_template_prints_the_footer_only_if_it_shows_it(source, prints):
    found = footers(**{"page.html": source, "partials/qr.html": "{{ xc_print_qr.svg }}"})
    assert found.prints("page.html") is prints
    assert found.prints("main.html") is True
    assert found.prints("missing.html") is False


def test_a_template_including_itself_is_read_once():
    found = footers(**{"loop.html": '{% include "loop.html" %}{{ xc_print_qr }}'})
    assert found.prints("loop.html") is True


class _Counting(Environment):
    parsed = 0

    def parse(self, *args, **kw):
        type(self).parsed += 1
        return super().parse(*args, **kw)


def test_a_kept_verdict_is_used_until_a_template_it_read_changes(tmp_path):
    sources = {
        "base.html": BASE,
        "main.html": MAIN,
        "partials/footer.html": "<footer>",
        "page.html": '{% extends "base.html" %}{% block content %}{% include "partials/qr.html" %}'
        "{% endblock %}",
        "partials/qr.html": "{{ xc_print_qr.svg }}",
    }

    def judged(name: str) -> bool:
        _Counting.parsed = 0
        return FooterTemplates(_Counting(loader=DictLoader(sources)), tmp_path).prints(name)

    assert judged("page.html") is True and _Counting.parsed > 0
    assert judged("page.html") is True and _Counting.parsed == 0  # kept: nothing parsed
    # A partial it includes no longer shows the code: judged again, from the templates.
    sources["partials/qr.html"] = "<p>"
    assert judged("page.html") is False and _Counting.parsed > 0
    assert judged("page.html") is False and _Counting.parsed == 0
    # A template it never read changes nothing; one that appears where a missing one was does.
    sources["unrelated.html"] = "{{ xc_print_qr }}"
    assert judged("page.html") is False and _Counting.parsed == 0
    sources["missing.html"] = "{{ xc_print_qr }}"
    assert judged("missing.html") is True and _Counting.parsed == 1
    # A damaged entry is judged again.
    for kept in tmp_path.glob("*.json"):
        kept.write_bytes(kept.read_bytes()[:-3])
    assert judged("page.html") is False and _Counting.parsed > 0
