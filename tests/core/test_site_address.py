"""The site's address: only what a phone's camera opens is taken; placeholders are known."""

from __future__ import annotations

import pytest

from xuanchuan.core.site_address import address_problem, is_placeholder

GOOD = [
    "https://www.qxdl.cn/",
    "https://www.qxdl.cn/xuanchuan/",
    "http://192.168.1.20:8080/site/",
    "https://[2001:db8::1]/x/",
    "https://宣传.中国/",
    "https://xn--fiq228c.xn--fiqs8s/",
    "HTTPS://WWW.QXDL.CN/A/",
]
BAD = {
    "javascript://example.org/%0Aalert(1)//": "javascript: address",
    "JavaScript:alert(1)": "javascript: address",
    "data:text/html,<script>alert(1)</script>": "data: address",
    "vbscript:msgbox": "vbscript: address",
    "file:///etc/passwd": "file: address",
    "ftp://www.qxdl.cn/": "ftp: address",
    "htps://www.qxdl.cn/": 'did you mean "https"',
    "www.qxdl.cn/xuanchuan/": "has no scheme",
    "//www.qxdl.cn/": "has no scheme",
    "https:/www.qxdl.cn/": "names no host",
    "https:///path/": "names no host",
    "https://www.qxdl.cn/xuanchuan": 'does not end with "/"',
    "https://www.qxdl.cn": 'does not end with "/"',
    "https://user:pw@www.qxdl.cn/": "user name or password",
    "https://www.qxdl.cn/?a=1/": '"?" or "#"',
    "https://www.qxdl.cn/#top/": '"?" or "#"',
    "https://www.qxdl.cn/ x/": "space or an invisible character",
    "https://www.qxdl.cn/\u202ex/": "space or an invisible character",
    "https://www.qxdl.cn/\x00/": "space or an invisible character",
    "https://bad_host!.cn/": "is not a host name",
    "https://-bad.cn/": "is not a host name",
    "https://www.qxdl.cn:99999/": "is not a web address",
    "https://www.qxdl.cn:0/": "port 0",
    "https://123/": "is not a host name",
    "": "expected the site's address",
    "   ": "expected the site's address",
}


@pytest.mark.parametrize("url", GOOD)
def test_web_addresses_are_taken(url):
    assert address_problem(url) is None


@pytest.mark.parametrize("url,reason", BAD.items())
def test_what_is_not_a_web_address_is_refused_with_why(url, reason):
    problem = address_problem(url)
    assert problem is not None and reason in problem.render("en"), (url, str(problem))


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "https://example.org/xuanchuan/",
        "https://www.example.com/",
        "https://docs.example.net/x/",
        "https://www.example.gov.cn/xuanchuan/",
        "https://example.cn/",
        "https://site.test/",
        "https://site.invalid/",
        "https://localhost/",
        "http://localhost:8000/",
        "http://127.0.0.1:8000/",
        "http://[::1]/",
        "http://0.0.0.0/",
    ],
)
def test_placeholders_are_known(url):
    assert is_placeholder(url)


@pytest.mark.parametrize("url", GOOD + ["https://examples.cn/", "https://counterexample.org/"])
def test_real_addresses_are_not_placeholders(url):
    assert not is_placeholder(url)
