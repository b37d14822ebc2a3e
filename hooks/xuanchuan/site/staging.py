"""Write the site next to its final place and swap it in only when the whole build succeeded.

A failed build therefore never leaves a half-written site: the previous one stays.
"""

from __future__ import annotations

import shutil
from pathlib import Path


class StagedOutput:
    def __init__(self, final_dir: str | Path):
        self.final = Path(final_dir).resolve()
        self.staging = self.final.with_name(self.final.name + ".partial")
        self.previous = self.final.with_name(self.final.name + ".previous")

    def begin(self) -> Path:
        """Clear leftovers of an interrupted build and return the folder to build into."""
        for leftover in (self.staging, self.previous):
            shutil.rmtree(leftover, ignore_errors=True)
        self.staging.mkdir(parents=True)
        return self.staging

    def commit(self) -> None:
        if self.final.exists():
            self.final.rename(self.previous)
        self.staging.rename(self.final)
        shutil.rmtree(self.previous, ignore_errors=True)

    def abort(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
