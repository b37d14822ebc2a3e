"""``xuanchuan deploy TARGET``: the built site onto its static hosting, so that the live
site is whole at every moment and a second deploy of the same site sends nothing.

What changed is found by content: the target's own checksums (S3 and its Chinese cousins,
a folder, SFTP) or, on storage that keeps none, the checksums this machine uploaded there
last (kept per target in the project's cache and trusted only while the target's sizes
agree). Files go up in ``site_files.PHASES`` order; deletions come last, after every
upload succeeded, so an interrupted deploy leaves the old site readable and a re-run
completes it.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..core.disk_cache import keep as keep_bytes
from ..core.disk_cache import read_kept
from ..core.messages import msg
from .progress import Progress
from .rclone import Rclone, RemoteFile
from .site_files import PHASES, SiteFile, site_files


@dataclass
class Plan:
    upload: list[SiteFile]  # in the order they go up
    delete: list[str]
    unchanged: int
    backend: str = ""
    headers: bool = False  # whether the target keeps Content-Type and Cache-Control

    @property
    def bytes(self) -> int:
        return sum(file.size for file in self.upload)

    def as_dict(self) -> dict:
        by_phase = {phase: [f.path for f in self.upload if f.phase == phase] for phase in PHASES}
        return {
            "upload": len(self.upload),
            "delete": len(self.delete),
            "bytes": self.bytes,
            "unchanged": self.unchanged,
            "backend": self.backend,
            "headers": self.headers,
            "files": {**by_phase, "delete": self.delete},
        }


@dataclass
class Outcome:
    plan: Plan
    uploaded: int = 0
    deleted: int = 0
    seconds: float = 0.0
    phases_done: list[str] = field(default_factory=list)


def make_plan(
    local: dict[str, SiteFile], remote: dict[str, RemoteFile], uploaded_before: dict[str, str]
) -> tuple[list[SiteFile], list[str], int]:
    """What to upload (in phase order, then by path), what to delete, how many are equal."""
    changed, unchanged = [], 0
    for path, file in local.items():
        there = remote.get(path)
        if there is None:
            changed.append(file)
        elif there.md5 == file.md5 or (
            not there.md5 and there.size == file.size and uploaded_before.get(path) == file.md5
        ):
            unchanged += 1
        else:
            changed.append(file)
    order = {phase: number for number, phase in enumerate(PHASES)}
    changed.sort(key=lambda file: (order[file.phase], file.path))
    delete = sorted(path for path in remote if path not in local)
    return changed, delete, unchanged


class Deployment:
    """One deploy of ``site_dir`` to ``target``; ``record_dir`` keeps what was uploaded."""

    def __init__(self, site_dir: Path, target: str, record_dir: Path):
        self.site_dir = site_dir
        self.rclone = Rclone(target)
        self.record = record_dir / (hashlib.sha256(target.encode()).hexdigest()[:32] + ".json")

    def plan(self) -> Plan:
        backend = self.rclone.backend  # first: an unknown remote is named as such
        local = site_files(self.site_dir)
        remote = self.rclone.list_files()
        upload, delete, unchanged = make_plan(local, remote, self._uploaded_before())
        return Plan(upload, delete, unchanged, backend, self.rclone.keeps_headers())

    def run(self, plan: Plan, *, show_progress: bool = True) -> Outcome:
        started = time.monotonic()
        outcome = Outcome(plan)
        bar = Progress(str(msg("uploading")), plan.bytes) if show_progress else None
        sent_before = 0
        uploaded = self._uploaded_before()
        if plan.upload or plan.delete:
            self.rclone.check_writable()
        try:
            for phase in PHASES:
                files = [file for file in plan.upload if file.phase == phase]
                for headers, group in _by_headers(files, plan.headers):
                    self.rclone.copy(
                        self.site_dir,
                        [file.path for file in group],
                        headers,
                        (lambda sent, base=sent_before: bar.update(base + sent)) if bar else None,
                    )
                    sent_before += sum(file.size for file in group)
                    if bar:
                        bar.update(sent_before)
                    outcome.uploaded += len(group)
                    uploaded.update({file.path: file.md5 for file in group})
                    self._keep_uploaded(uploaded)
                outcome.phases_done.append(phase)
            if plan.delete:
                self.rclone.delete(plan.delete)
                outcome.deleted = len(plan.delete)
                for path in plan.delete:
                    uploaded.pop(path, None)
                self._keep_uploaded(uploaded)
        finally:
            if bar:
                bar.close()
            outcome.seconds = time.monotonic() - started
        return outcome

    def _uploaded_before(self) -> dict[str, str]:
        data = read_kept(self.record)
        if data is None:
            return {}
        try:
            found = json.loads(data)
        except ValueError:
            return {}
        return found if isinstance(found, dict) else {}

    def _keep_uploaded(self, uploaded: dict[str, str]) -> None:
        keep_bytes(self.record, json.dumps(uploaded, sort_keys=True).encode("utf-8"))


def _by_headers(files: list[SiteFile], with_headers: bool):
    """The files in groups uploaded with the same headers, in their order."""
    if not with_headers:
        if files:
            yield {}, files
        return
    groups: dict[tuple[str, str], list[SiteFile]] = {}
    for file in files:
        groups.setdefault((file.content_type, file.cache_control), []).append(file)
    for (kind, cache), group in groups.items():
        yield {"Content-Type": kind, "Cache-Control": cache}, group
