"""The files a preview serves from where they are, and the address each is served at."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..site.build.languages import LanguageBuild
from ..site.build.preview import PreviewFiles

# The print files a preview serves from the cache; one server per process, many rebuilds.
PREVIEW_FILES = PreviewFiles()


def preview_address(build: LanguageBuild, key: str) -> str:
    """The address the preview's server answers at for the file ``key`` of ``build``."""
    return urlsplit(build.run.site_url or "/").path.rstrip("/") + "/" + build.prefix + key
