"""A site's settings and folders, as every command that reads or prints it needs them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .settings import Settings
from .short_links import ShortLinks


@dataclass(frozen=True)
class Project:
    settings: Settings
    project_dir: Path
    docs_dir: Path
    overrides_dir: Path
    site_url: str | None = None  # the published address, for QR codes and feeds
    use_directory_urls: bool = False
    # The pages' short codes, which printed QR codes lead to.
    short_links: ShortLinks | None = None
