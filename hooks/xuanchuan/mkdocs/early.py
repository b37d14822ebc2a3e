"""``mkdocs serve`` answering at once: the last built site, while the first rebuild runs."""

from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

from ..core.messages import msg, use_language
from ..core.settings import messages_language_of
from ..site.build.early_preview import EarlyPreview
from .project import built_site


def start_early_preview(config: MkDocsConfig) -> EarlyPreview | None:
    """The preview's address answering before MkDocs's server opens
    (site/build/early_preview.py)."""
    use_language(messages_language_of(config.extra.get("xuanchuan")))
    texts = {
        "notice": str(
            msg(
                "The preview is being made: this is the site as it was last built. The page "
                "reloads by itself when the preview is ready."
            )
        ),
        "title": str(msg("The preview is being made")),
        "waiting": str(
            msg(
                "The site is being built for the preview. This page opens by itself when it "
                "is ready."
            )
        ),
    }
    mount = urlsplit(config.site_url or "/").path
    return EarlyPreview.start(config.dev_addr, mount, built_site(config), texts)
