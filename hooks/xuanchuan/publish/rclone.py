"""rclone, as ``deploy`` uses it: the target named, listed, written and cleaned, with every
word it prints scrubbed of secrets before anyone sees it.

Credentials reach rclone only from its own config file or the environment
(``RCLONE_S3_SECRET_ACCESS_KEY``...). A target that carries one inline
(``:s3,secret_access_key=…:bucket``) is refused: it would sit in the shell's history and in
any log that shows the command.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..core.messages import Message, msg

MINIMUM_VERSION = (1, 65)
# Option names whose values are credentials, in any backend (rclone's "sensitive" options).
SECRET_OPTIONS = re.compile(
    r"(secret|pass|token|credentials|session|sas_url|bearer|private_key|(^|_)key($|_id|_pem))",
    re.IGNORECASE,
)
# Other programs' variables that hold credentials, by name.
_SECRET_VARIABLE = re.compile(r"(SECRET|PASSW|TOKEN|_KEY|CREDENTIAL|SAS_URL|BEARER)", re.I)
# Backends that keep the HTTP headers a file is uploaded with and serve them back.
HEADER_BACKENDS = {"s3", "gcs", "swift", "azureblob", "b2", "oracleobjectstorage", "qingstor"}
# Time-outs: an unreachable target answers within a minute, never hangs the command.
NETWORK_FLAGS = [
    "--contimeout=10s",
    "--timeout=30s",
    "--retries=2",
    "--retries-sleep=1s",
    "--low-level-retries=3",
]
DIRECTORY_NOT_FOUND = 3
# The file ``check_writable`` writes and removes at once.
PROBE = ".xuanchuan-write-check"


class RcloneError(Exception):
    """rclone could not do what was asked; the message is for the team, scrubbed."""

    def __init__(self, message: Message | str, detail: str = ""):
        super().__init__(str(message))
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.message}" + (f"（{self.detail}）" if self.detail else "")


@dataclass(frozen=True)
class RemoteFile:
    size: int
    md5: str | None  # None where the target keeps no checksum


def find_rclone() -> str:
    """The rclone this project installed (next to its Python), else one on PATH."""
    beside = Path(sys.executable).parent / "rclone"
    found = str(beside) if beside.is_file() else shutil.which("rclone")
    if not found:
        raise RcloneError(
            msg("rclone is not installed: run bash scripts/setup.sh, which installs it")
        )
    return found


def secrets_in_environment() -> list[str]:
    """Values that must never be shown: every rclone setting and every variable named like
    a credential."""
    values = []
    for name, value in os.environ.items():
        if name.startswith("RCLONE_"):
            # RCLONE_S3_SECRET_ACCESS_KEY, RCLONE_CONFIG_OSS_SECRET_ACCESS_KEY: by the option.
            sensitive = SECRET_OPTIONS.search(name[len("RCLONE_") :])
        else:
            sensitive = _SECRET_VARIABLE.search(name)
        if sensitive and len(value) >= 6:
            values.append(value)
    return sorted(set(values), key=len, reverse=True)


def target_problem(target: str) -> Message | None:
    """What is wrong with ``target`` as a place to deploy to, before rclone is asked."""
    if not target.strip() or target != target.strip() or "\n" in target:
        return msg(
            '"{target}" is not a target: expected an rclone remote such as oss:bucket/site',
            target=target,
        )
    if target.startswith(":"):
        name, *options = _options(target)
        for option in options:
            key = option.partition("=")[0].strip().lower()
            if SECRET_OPTIONS.search(key):
                variable = f"RCLONE_{name.upper()}_{key.upper()}"
                return msg(
                    "the target carries a credential ({option}): it would be kept in the "
                    "shell's history and shown in logs. Give it in the environment instead "
                    "(export {variable}=…) or in rclone's config (rclone config)",
                    option=key,
                    variable=variable,
                )
        if not name:
            return msg(
                '"{target}" is not a target: expected one such as :s3,provider=Alibaba:bucket/site',
                target=target,
            )
    return None


class Rclone:
    def __init__(self, target: str):
        self.binary = find_rclone()
        self.target = target
        self.secrets = secrets_in_environment() + _inline_values(target)
        self._check_version()

    def scrub(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "****")
        return text

    def shown_target(self) -> str:
        return self.scrub(self.target)

    @cached_property
    def backend(self) -> str:
        """The kind of storage behind the target (s3, sftp, webdav, local…)."""
        if self.target.startswith(":"):
            return _options(self.target)[0].lower()
        name, colon, _ = self.target.partition(":")
        if not colon or "/" in name or os.path.isabs(self.target) or len(name) == 1:
            return "local"
        listed = self._run(["listremotes", "--long"]).stdout
        for line in listed.splitlines():
            remote, _, kind = line.partition(":")
            if remote.strip() == name:
                return kind.strip().lower()
        raise RcloneError(
            msg(
                'rclone knows no remote named "{name}": add it with rclone config, or write '
                "the target in full, such as :s3,provider=Alibaba,endpoint=…:bucket/site",
                name=name,
            )
        )

    def keeps_headers(self) -> bool:
        return self.backend in HEADER_BACKENDS

    def list_files(self) -> dict[str, RemoteFile]:
        """What the target holds now, with checksums where it keeps them."""
        done = self._run(
            [
                "lsjson",
                "-R",
                "--files-only",
                "--hash",
                "--hash-type=md5",
                "--no-mimetype",
                "--no-modtime",
                *NETWORK_FLAGS,
                self.target,
            ],
            check=False,
        )
        if done.returncode == DIRECTORY_NOT_FOUND:
            return {}
        if done.returncode != 0:
            raise self._failure(done.stderr)
        try:
            items = json.loads(done.stdout or "[]")
        except ValueError:
            raise RcloneError(msg("rclone's listing of the target could not be read")) from None
        return {
            item["Path"]: RemoteFile(
                int(item.get("Size", -1)), (item.get("Hashes") or {}).get("md5")
            )
            for item in items
            if not item.get("IsDir")
        }

    def copy(
        self,
        site_dir: Path,
        paths: list[str],
        headers: dict[str, str],
        progress: Callable[[int], None] | None = None,
    ) -> None:
        """Upload ``paths`` (relative to ``site_dir``) with ``headers``; ``progress`` hears
        the bytes sent so far."""
        flags = [f"--header-upload={name}: {value}" for name, value in headers.items()]
        with _file_list(paths) as listed:
            self._run_with_stats(
                [
                    "copy",
                    str(site_dir),
                    self.target,
                    f"--files-from-raw={listed}",
                    "--no-check-dest",
                    "--no-traverse",
                    "--transfers=4",
                    *NETWORK_FLAGS,
                    *flags,
                ],
                progress,
            )

    def check_writable(self) -> None:
        """Write and remove a tiny file first: a target that refuses writes (read only, no
        permission, full) says so at once, instead of after every file failed in turn."""
        probe = f"{self.target.rstrip('/')}/{PROBE}"
        self._run(["rcat", probe, "--retries=1", *NETWORK_FLAGS[:2]], given="xuanchuan")
        self._run(["deletefile", probe, *NETWORK_FLAGS[:2]], check=False)

    def delete(self, paths: list[str]) -> None:
        with _file_list(paths) as listed:
            done = self._run(
                ["delete", self.target, f"--files-from-raw={listed}", *NETWORK_FLAGS], check=False
            )
        if done.returncode not in (0, DIRECTORY_NOT_FOUND):
            raise self._failure(done.stderr)
        # Folders left empty on storage that has folders (a host's disk, SFTP, WebDAV).
        self._run(["rmdirs", self.target, "--leave-root", *NETWORK_FLAGS], check=False)

    # -- running rclone ---------------------------------------------------------------------

    def _check_version(self) -> None:
        found = self._run(["version"]).stdout
        match = re.search(r"rclone v(\d+)\.(\d+)", found)
        if not match or tuple(int(part) for part in match.groups()) < MINIMUM_VERSION:
            raise RcloneError(
                msg(
                    "{binary} is too old ({found}): expected rclone 1.65 or later; run bash "
                    "scripts/setup.sh",
                    binary=self.binary,
                    found=found.splitlines()[0] if found else "?",
                )
            )

    def _environment(self) -> dict[str, str]:
        # rclone's notice that it has no config file is noise when the target is given in
        # full; its log is read as JSON by the progress bar.
        return {**os.environ, "RCLONE_ASK_PASSWORD": "false"}

    def _run(
        self, arguments: list[str], *, check: bool = True, given: str | None = None
    ) -> subprocess.CompletedProcess:
        """rclone with ``arguments``; ``given`` is what it reads on its input, else nothing."""
        done = subprocess.run(
            [self.binary, "--log-level=ERROR", *arguments],
            capture_output=True,
            text=True,
            env=self._environment(),
            **({"input": given} if given is not None else {"stdin": subprocess.DEVNULL}),
        )
        if check and done.returncode != 0:
            raise self._failure(done.stderr)
        return done

    def _run_with_stats(self, arguments: list[str], progress) -> None:
        process = subprocess.Popen(
            [self.binary, "--use-json-log", "--stats=500ms", "--log-level=INFO", *arguments],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=self._environment(),
            stdin=subprocess.DEVNULL,
        )
        try:
            errors = _read_log(process.stderr, progress)
            process.wait()
        except BaseException:
            process.kill()
            process.wait()
            raise
        if process.returncode != 0:
            raise self._failure("\n".join(errors))

    def _failure(self, stderr: str) -> RcloneError:
        text = self.scrub(stderr or "")
        lines = [line for line in text.splitlines() if line.strip()]
        last = re.sub(r"^\S+ \S+ (ERROR|CRITICAL|NOTICE) ?: ?", "", lines[-1]) if lines else ""
        # Request identifiers say nothing to the team and hide the reason after them.
        last = re.sub(r"(RequestID|HostID): [^,]*, ", "", last)
        return RcloneError(_reason(text.lower()), last[:300])


# What rclone's words (lower case) say went wrong, in the team's words.
_REASONS = (
    (("no space left", "quotaexceeded", "insufficient storage", "disk full"),
     msg("the target is full")),
    (("invalidaccesskeyid", "signaturedoesnotmatch", "access key id you provided",
      "authentication failed", "unable to authenticate", "401"),
     msg("the target did not accept the credentials: check the key and secret in rclone's "
         "config or the environment")),
    (("accessdenied", "access denied", "permission denied", "read-only", "403", "forbidden"),
     msg("the target refused to be written to (no permission, or read only)")),
    (("connection refused", "no such host", "timeout", "timed out", "network is unreachable",
      "dial tcp", "connection reset"),
     msg("the target cannot be reached (wrong address, or no network)")),
    (("internalerror", "statuscode: 5", " 500 ", " 503 "),
     msg("the target's server failed (it may be full, or down for a while)")),
)  # fmt: skip


def _reason(lower: str) -> Message:
    for words, reason in _REASONS:
        if any(word in lower for word in words):
            return reason
    return msg("rclone stopped")


def _read_log(stream, progress) -> list[str]:
    """rclone's JSON log as it comes: the bytes sent so far to ``progress``; its errors."""
    errors: list[str] = []
    for line in stream:
        try:
            entry = json.loads(line)
        except ValueError:
            errors.append(line)
            continue
        stats = entry.get("stats")
        if stats and progress:
            progress(int(stats.get("bytes", 0)))
        if entry.get("level") in ("error", "critical"):
            errors.append(str(entry.get("msg", "")))
    return errors


def _options(target: str) -> list[str]:
    """``:s3,provider=Other,endpoint='http://h:9000':bucket`` -> ["s3", "provider=Other",
    "endpoint='http://h:9000'"]: rclone's connection string, quotes kept whole."""
    parts, current, quote = [], "", ""
    for character in target[1:]:
        if quote:
            quote = "" if character == quote else quote
        elif character in "'\"":
            quote = character
        elif character in ",:":
            parts.append(current)
            current = ""
            if character == ":":
                return parts
            continue
        current += character
    return [*parts, current]


def _inline_values(target: str) -> list[str]:
    """The values of a full target's options, scrubbed like secrets when shown in errors
    (an endpoint may carry a token in its query)."""
    if not target.startswith(":"):
        return []
    options = _options(target)[1:]
    values = [option.partition("=")[2].strip("'\"") for option in options]
    return [value for value in values if len(value) >= 12 and "://" not in value]


class _file_list:
    """A temporary file listing ``paths``, one a line, for rclone's --files-from-raw."""

    def __init__(self, paths: list[str]):
        self.paths = paths

    def __enter__(self) -> str:
        handle, self.name = tempfile.mkstemp(prefix="xuanchuan-files-", suffix=".txt")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write("".join(f"{path}\n" for path in self.paths))
        return self.name

    def __exit__(self, *exc) -> None:
        os.unlink(self.name)
