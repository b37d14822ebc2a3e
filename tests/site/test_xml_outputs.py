"""Every XML file the site makes is read back as XML before it is published."""

from __future__ import annotations

import logging

from xuanchuan.site.files.xml_outputs import well_formed


def test_a_feed_that_is_not_xml_is_told_and_left_out(caplog):
    with caplog.at_level(logging.WARNING):
        assert well_formed("<feed><title>a</title></feed>", "news.xml")
        assert well_formed(b"<?xml version='1.0'?><urlset/>", "sitemap.xml")
        assert not well_formed("<feed><title>a\x00</title></feed>", "news.xml")
        assert not well_formed(b"<urlset><url>", "en/sitemap.xml")
        assert not well_formed('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', "news.xml")
    told = [record.getMessage() for record in caplog.records]
    assert len(told) == 3 and "en/sitemap.xml" in told[1]
