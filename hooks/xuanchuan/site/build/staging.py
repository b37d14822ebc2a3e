"""Write the site next to its final place and swap it in only when the whole build succeeded.

A failed build therefore never leaves a half-written site: the previous one stays. The swap
is two renames (site -> site.previous, site.partial -> site); a build killed between them
is finished by the next one before it starts, so the site is never lost.

Like plain MkDocs, the swap keeps what the team put into the site folder themselves: its
dot-files (``.git`` of a deploy checkout, ``.htaccess``, ``.nojekyll``) and ``CNAME``,
unless the new site brings its own.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ...core.errors import SourceError, file_problem, shown_path, write_problem
from ...core.log import log
from ...core.messages import msg


class StagedOutput:
    def __init__(self, final_dir: str | Path, project_dir: Path | None = None):
        self.final = Path(final_dir).resolve()
        self.staging = self.final.with_name(self.final.name + ".partial")
        self.previous = self.final.with_name(self.final.name + ".previous")
        self.project_dir = project_dir

    def begin(self) -> Path:
        """Clear leftovers of an interrupted build and return the folder to build into."""
        try:
            self._check_final()
            self._settle()
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging.mkdir(parents=True)
        except OSError as error:
            raise SourceError(write_problem(error, self.project_dir)) from None
        return self.staging

    def recover(self) -> None:
        """Finish or undo a swap an interrupted build left half done, before anything fails."""
        try:
            self._settle()
        except OSError as error:
            raise SourceError(write_problem(error, self.project_dir)) from None

    def commit(self) -> None:
        try:
            if self.final.exists():
                self.final.rename(self.previous)
            self.staging.rename(self.final)
        except OSError as error:
            self.abort()
            self._settle()
            raise SourceError(write_problem(error, self.project_dir)) from None
        self._settle()

    def abort(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)

    def _settle(self) -> None:
        """Finish a swap: the new site in place, the team's own files carried over."""
        if not self.previous.exists():
            return
        if not self.final.exists():
            # Killed between the two renames: the previous site is the only whole one.
            self.previous.rename(self.final)
            log.info(
                msg(
                    "{site}: put back the site an interrupted build had moved aside",
                    site=self._shown(),
                )
            )
            return
        for entry in sorted(self.previous.iterdir()):
            if _is_kept(entry.name) and not _exists(self.final / entry.name):
                entry.rename(self.final / entry.name)
        shutil.rmtree(self.previous, ignore_errors=True)

    def _check_final(self) -> None:
        if _exists(self.final) and not self.final.is_dir():
            raise SourceError(
                file_problem(
                    self._shown(),
                    msg(
                        "is a file, not a folder: expected the folder the site is built into; "
                        "move the file away or choose another folder with site_dir in mkdocs.yml"
                    ),
                )
            )

    def _shown(self) -> str:
        return shown_path(self.final, self.project_dir) if self.project_dir else str(self.final)


def _is_kept(name: str) -> bool:
    return name.startswith(".") or name == "CNAME"


def _exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()
