"""What Material's search plugin does that the engine's own search makes needless."""

from __future__ import annotations


def skip_chinese_segmentation() -> None:
    """Material cuts every Chinese run of every page into words with jieba, for its own
    index in the browser. The site's search index (``site/search/index.py``) is made from
    Material's list of sections instead, pairing characters and dropping the cut marks
    jieba left: the cutting is work thrown away, and loading jieba's dictionary for it
    alone takes most of a second in every build and in the first save of a preview."""
    from material.plugins.search import plugin

    plugin.jieba = None
