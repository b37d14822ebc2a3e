"""Real servers for publishing tests: rclone serving a folder as S3 (the protocol of Alibaba
OSS, Tencent COS, Huawei OBS and Qiniu), and that folder served over HTTP as a static host."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

RCLONE = str(Path(sys.executable).parent / "rclone")
KEY, SECRET = "XCDEPLOYKEY", "s3cr3t-xuanchuan-Z9q"
BUCKET = "site-bucket"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server ended: {process.stderr.read() if process.stderr else ''}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise RuntimeError("the server did not start")


@contextlib.contextmanager
def s3_server(root: Path, *extra: str, wrapper: tuple[str, ...] = ()):
    """``rclone serve s3`` on ``root`` (a bucket is a folder in it); the environment a
    deploy to it needs: credentials only there, as the team gives them."""
    (root / BUCKET).mkdir(parents=True, exist_ok=True)
    port = free_port()
    process = subprocess.Popen(
        [
            *wrapper,
            RCLONE,
            "serve",
            "s3",
            "--addr",
            f"127.0.0.1:{port}",
            "--auth-key",
            f"{KEY},{SECRET}",
            "--log-level=ERROR",
            *extra,
            str(root),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        wait_for_port(port, process)
        yield {
            "RCLONE_S3_PROVIDER": "Other",
            "RCLONE_S3_ENDPOINT": f"http://127.0.0.1:{port}",
            "RCLONE_S3_ACCESS_KEY_ID": KEY,
            "RCLONE_S3_SECRET_ACCESS_KEY": SECRET,
            "RCLONE_CONFIG": os.devnull,
        }
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, 15)
        process.wait(10)


def tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def unshare_available() -> bool:
    if not shutil.which("unshare"):
        return False
    done = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "true"], capture_output=True
    )
    return done.returncode == 0
