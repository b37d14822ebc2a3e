"""The XML files a site makes (its news feed, its sitemaps), read back before they are
published: a feed reader drops a whole feed that is not well-formed."""

from __future__ import annotations

from ...core.log import log
from ...core.messages import msg


def well_formed(xml: str | bytes, name: str) -> bool:
    """Whether an XML file the site makes reads as XML: a feed reader drops a whole feed
    that does not, so one that does not is reported and left out, never published."""
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        ElementTree.fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml)
    except (ElementTree.ParseError, DefusedXmlException) as error:
        log.warning(
            msg(
                "{file} is not well-formed XML ({reason}): it is left out of the site; "
                "look for unusual characters in the texts it is made from",
                file=name,
                reason=str(error),
            )
        )
        return False
    return True
