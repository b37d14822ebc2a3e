"""The engine's log.

Named under "mkdocs" on purpose: MkDocs counts the warnings of that logger tree, so a
problem the engine reports fails ``mkdocs build --strict`` like MkDocs' own warnings do.
"""

from __future__ import annotations

import logging

log = logging.getLogger("mkdocs.plugins.xuanchuan")
