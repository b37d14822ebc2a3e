"""The preview's guard and notice, on a real WSGI application (the whole server is tested in
tests/whole/test_preview.py)."""

from __future__ import annotations

import logging

from mkdocs.exceptions import Abort

from xuanchuan.site.build.preview import Preview

PAGE = b"<html><body class='x'><p>last good</p></body></html>"


def app(environ, start_response):
    kind = "text/html" if environ["PATH_INFO"].endswith(".html") else "image/png"
    start_response("200 OK", [("Content-Type", kind), ("Content-Length", str(len(PAGE)))])
    return [PAGE]


def serve(preview: Preview, path: str) -> tuple[str, dict, bytes]:
    answer = {}

    def start_response(status, headers):
        answer.update(status=status, headers=dict(headers))

    body = b"".join(preview.with_notice(app)({"PATH_INFO": path}, start_response))
    return answer["status"], answer["headers"], body


def failing_build():
    """What MkDocs does with a build error: log it, then abort."""
    logging.getLogger("mkdocs.plugins.xuanchuan").error('content/a.zh.md, line 2: title: <"x">')
    raise Abort("Aborted with a BuildError!")


def crashing_build():
    raise RuntimeError("boom")


def test_a_failed_rebuild_is_kept_not_raised_and_shown_escaped_on_html_pages():
    preview = Preview()
    preview.guarded(crashing_build)()
    assert preview.problem == "RuntimeError: boom"
    preview.guarded(failing_build)()
    assert preview.problem == 'content/a.zh.md, line 2: title: <"x">'
    status, headers, body = serve(preview, "/a.html")
    assert status == "200 OK" and b"<p>last good</p>" in body
    assert body.index(b'id="xuanchuan-preview-problem"') == len(b"<html><body class='x'>") + 5
    assert b"title: &lt;&quot;x&quot;&gt;" in body
    # Worded in the team's language, also on a page written right to left.
    assert b'id="xuanchuan-preview-problem" role="alert" dir="auto"' in body
    assert headers["Content-Length"] == str(len(body))
    assert serve(preview, "/a.png")[2] == PAGE  # pictures are left alone


def test_a_good_rebuild_clears_the_notice():
    preview = Preview()
    preview.guarded(failing_build)()
    preview.guarded(lambda: None)()
    assert preview.problem is None
    assert serve(preview, "/a.html")[2] == PAGE



def build_with_a_campaign_mistake():
    """A campaign with a mistake: reported as a warning, the rest of the site rebuilt."""
    logging.getLogger("mkdocs.plugins.xuanchuan").warning(
        "campaigns/x/index.zh.md, line 3: type: <b>bad</b>"
    )


def test_a_campaign_mistake_is_shown_on_every_page_and_goes_away_on_a_good_save():
    preview = Preview()
    preview.guarded(build_with_a_campaign_mistake)()
    assert preview.problem == "campaigns/x/index.zh.md, line 3: type: <b>bad</b>"
    assert not preview.failed
    status, _, body = serve(preview, "/a.html")
    assert status == "200 OK" and b"<p>last good</p>" in body
    assert b"campaign or report with a mistake is left out" in body
    assert b"type: &lt;b&gt;bad&lt;/b&gt;" in body
    preview.guarded(lambda: None)()
    assert preview.problem is None and serve(preview, "/a.html")[2] == PAGE


def not_found(environ, start_response):
    start_response("404 Not Found", [("Content-Type", "text/html")])
    return [b"404 Not Found"]


def test_the_page_of_a_campaign_left_out_is_no_bare_404():
    preview = Preview()
    preview.guarded(build_with_a_campaign_mistake)()
    answer = {}
    body = b"".join(
        preview.with_notice(not_found)(
            {"PATH_INFO": "/campaigns/x/"}, lambda status, headers: answer.update(status=status)
        )
    )
    assert answer["status"].startswith("404")
    assert b"xuanchuan-preview-problem" in body and b"campaigns/x/index.zh.md" in body
