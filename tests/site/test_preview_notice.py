"""The preview's guard and notice, on a real WSGI application (the whole server is tested in
tests/whole/test_preview.py)."""

from __future__ import annotations

import logging

from mkdocs.exceptions import Abort

from xuanchuan.site.preview import Preview

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

