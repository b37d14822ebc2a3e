"""The theme's templates, compiled once and kept: each language's build would otherwise
compile Material's templates again (a noticeable part of an unchanged rebuild).

Jinja checks each kept template against a checksum of its source before using it; the
entries are also sealed (core.disk_cache), so a damaged one is compiled afresh."""

from __future__ import annotations

import hashlib
from pathlib import Path

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from ...core.disk_cache import keep, read_kept


class KeptTemplates(BytecodeCache):
    def __init__(self, folder: Path):
        self.folder = folder

    def load_bytecode(self, bucket: Bucket) -> None:
        data = read_kept(self._path(bucket))
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        keep(self._path(bucket), bucket.bytecode_to_string())

    def _path(self, bucket: Bucket) -> Path:
        # The key names the template and its file; the source's checksum is checked inside.
        return self.folder / (
            hashlib.sha256(bucket.key.encode("utf-8")).hexdigest()[:32] + ".jinja"
        )
