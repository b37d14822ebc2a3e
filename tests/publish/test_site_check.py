"""The built site's links, read as a browser follows them: a catalogue of shapes."""

from __future__ import annotations

from pathlib import Path

import pytest

from xuanchuan.publish.deploy import make_plan
from xuanchuan.publish.rclone import RemoteFile, target_problem
from xuanchuan.publish.site_check import check_site
from xuanchuan.publish.site_files import SiteFile, site_files

URL = "https://www.qxdl.cn/xc/"


def site(tmp_path: Path, pages: dict[str, str]) -> Path:
    root = tmp_path / "site"
    for name, text in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


GOOD = {
    "index.html": '<a href="about.html#team">a</a><a href="news/">n</a><img src="p.png" '
    'srcset="p.png 1x, p%202.png 2x"><link rel="canonical" href="https://www.qxdl.cn/xc/">'
    '<a href="https://other.org/">out</a><a href="mailto:a@b.cn">m</a><a href="tel:95598">t</a>'
    '<a href="#">top</a><a href="/xc/about.html">root</a><a href="?q=1">q</a>'
    '<div class="xc-print-footer"><svg><path d="M0 0"/></svg><p>扫码<br>https://www.qxdl.cn/xc/s/k3.html</p></div>',
    "about.html": '<h2 id="team">Team</h2><a name="old"></a><a href="about.html#old">x</a>',
    "news/index.html": '<a href="../index.html">home</a><script src="../a.js"></script>',
    "s/k3.html": '<meta http-equiv="refresh" content="0; url=../about.html">',
    "p.png": "png",
    "p 2.png": "png",
    "a.js": "js",
}


def test_a_whole_site_has_no_problem(tmp_path):
    result = check_site(site(tmp_path, GOOD), URL)
    assert result.broken == []
    assert result.qr_codes == ["https://www.qxdl.cn/xc/s/k3.html"]
    assert result.short_links == 1 and result.pages == 4


@pytest.mark.parametrize(
    "html,reason",
    [
        ('<a href="missing.html">x</a>', "leads to nothing"),
        ('<a href="about.html#nowhere">x</a>', 'no place "#nowhere"'),
        ('<a href="#nowhere">x</a>', 'no place "#nowhere"'),
        ('<img src="gone.png">', "leads to nothing"),
        ('<img srcset="p.png 1x, gone.png 2x">', "leads to nothing"),
        ('<script src="https://cdn.example.com/x.js"></script>', "loaded from outside"),
        ('<link rel="stylesheet" href="//fonts.googleapis.com/css">', "loaded from outside"),
        ('<iframe src="https://v.qq.com/x"></iframe>', "loaded from outside"),
        ('<a href="javascript:alert(1)">x</a>', "code inside the link"),
        ('<a href=" JavaScript:alert(1)">x</a>', "code inside the link"),
        ('<a href="data:text/html,x">x</a>', "code inside the link"),
        ('<a href="../../etc/passwd">x</a>', "outside the site's folder"),
        ('<a href="https://www.qxdl.cn/xc/nothing.html">x</a>', "leads to nothing"),
        ('<a href="/xc/nothing.html">x</a>', "leads to nothing"),
        ('<meta http-equiv="refresh" content="0; url=gone.html">', "leads to nothing"),
        ('<div class="xc-print-footer"><p>https://other.org/s/x.html</p></div>', "outside the site's address"),
        ('<div class="xc-print-footer"><p>https://www.qxdl.cn/xc/s/none.html</p></div>', "QR code leads to nothing"),
    ],
)
def test_each_kind_of_broken_link_is_named_with_file_and_line(tmp_path, html, reason):
    root = site(tmp_path, {**GOOD, "page.html": "<p>first line</p>\n" + html})
    result = check_site(root, URL)
    assert [(b.file, b.line) for b in result.broken] == [("page.html", 2)], result.broken
    assert reason in result.broken[0].reason.render("en")


def test_a_short_page_whose_target_is_gone_breaks_the_printed_code(tmp_path):
    root = site(tmp_path, {**GOOD, "s/k3.html": '<meta http-equiv="refresh" content="0; url=../gone.html">'})
    reasons = [b.reason.render("en") for b in check_site(root, URL).broken]
    assert any("short link leads to nothing" in reason for reason in reasons)


def test_the_deploy_plan_sends_only_what_changed_in_order(tmp_path):
    root = site(tmp_path, {"index.html": "new", "a.css": "same", "sitemap.xml": "s", "b.png": "b"})
    local = site_files(root)
    same = local["a.css"].md5
    remote = {
        "a.css": RemoteFile(4, same),
        "index.html": RemoteFile(3, "0" * 32),
        "b.png": RemoteFile(1, None),  # storage without checksums: what this machine sent
        "old.html": RemoteFile(3, None),
    }
    upload, delete, unchanged = make_plan(local, remote, {"b.png": local["b.png"].md5})
    assert [file.path for file in upload] == ["index.html", "sitemap.xml"]
    assert delete == ["old.html"] and unchanged == 2
    # Without the record, a file of the same size is not trusted: sent again.
    upload, _, _ = make_plan(local, remote, {})
    assert "b.png" in [file.path for file in upload]


def test_kinds_go_up_in_order_with_their_headers():
    files = [SiteFile(p, 1, "x") for p in ("search/xc/meta.js", "a/index.html", "x.pdf",
                                          "assets/main.6f8fc17f.min.css", "news.xml", "calendar.ics")]
    assert [f.phase for f in files] == ["indexes", "pages", "assets", "assets", "indexes", "indexes"]
    assert files[3].cache_control == "public, max-age=31536000, immutable"
    assert files[2].cache_control == "public, max-age=3600"
    assert files[1].cache_control == "no-cache"
    assert files[4].content_type == "application/atom+xml; charset=utf-8"
    assert files[5].content_type == "text/calendar; charset=utf-8"


@pytest.mark.parametrize(
    "target,bad",
    [
        ("oss:bucket/site", False),
        (":s3,provider=Alibaba,endpoint=oss-cn-hangzhou.aliyuncs.com:bucket/site", False),
        ("/srv/www/site", False),
        (":s3,provider=Alibaba,secret_access_key=abc:bucket", True),
        (":s3,access_key_id=abc:bucket", True),
        (":sftp,host=h,pass=xyz:site", True),
        # What the README shows: a user name and a key file's path are no credentials.
        (":sftp,host=h,user=deploy:/var/www/site", False),
        (":sftp,host=h,user=deploy,key_file=~/.ssh/id_ed25519:/var/www/site", False),
        (":s3,provider=Alibaba,env_auth=true:bucket", False),
        (":azureblob,account=x,key=abc:site", True),
        (":sftp,host=h,key_pem=abc:site", True),
        (":s3,session_token=abc:bucket", True),
        (":webdav,url='https://h',bearer_token=t:site", True),
        (":ftp,host=h,password=p:site", True),
        ("", True),
        (" oss:bucket", True),
        ("oss:bucket\n--config=/x", True),
        (":,x:y", True),
    ],
)
def test_a_target_with_a_credential_in_it_is_refused(target, bad):
    assert (target_problem(target) is not None) == bad
