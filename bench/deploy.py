"""Deploy benchmark: how long ``xuanchuan deploy`` takes, first and with nothing changed,
and what ``xuanchuan check --live`` finds, on a real S3 server on this machine.

    .venv/bin/python bench/deploy.py                       # the benchmark's corpus (run.py first)
    .venv/bin/python bench/deploy.py --project .           # the starter site, once built

``rclone serve s3`` keeps the bucket in a temporary folder; a static HTTP server serves that
folder for the live check, as a host serves a bucket. Loopback has no bandwidth limit: the
figures are the deploy's own work (listing, checksums, requests), which a real connection
adds its transfer time to. Printed as a table and written to ``bench/deploy.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

RCLONE = str(Path(sys.executable).parent / "rclone")
KEY, SECRET = "benchkey", "bench-secret-value"


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def s3_server(root: Path):
    (root / "bucket").mkdir(parents=True)
    port = _port()
    process = subprocess.Popen(
        [RCLONE, "serve", "s3", "--addr", f"127.0.0.1:{port}", "--auth-key", f"{KEY},{SECRET}",
         "--log-level=ERROR", str(root)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(200):
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.1):
            break
        time.sleep(0.05)
    try:
        yield {
            "RCLONE_S3_PROVIDER": "Other",
            "RCLONE_S3_ENDPOINT": f"http://127.0.0.1:{port}",
            "RCLONE_S3_ACCESS_KEY_ID": KEY,
            "RCLONE_S3_SECRET_ACCESS_KEY": SECRET,
            "RCLONE_CONFIG": os.devnull,
        }
    finally:
        process.terminate()
        process.wait()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def static_server(folder: Path):
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def xuanchuan(project: Path, environment: dict, *args: str) -> tuple[float, dict]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "xuanchuan.cli", *args, "--json"],
        cwd=project, capture_output=True, text=True, env={**os.environ, **environment},
    )  # fmt: skip
    seconds = time.monotonic() - started
    try:
        return seconds, json.loads(done.stdout)
    except ValueError:
        raise SystemExit(f"xuanchuan {' '.join(args)} failed:\n{done.stderr[-3000:]}") from None


def run(project: Path) -> dict:
    site = project / "site"
    files = [path for path in site.rglob("*") if path.is_file()]
    result = {"files": len(files), "mb": round(sum(p.stat().st_size for p in files) / 2**20, 1)}
    with (
        tempfile.TemporaryDirectory() as folder,
        s3_server(Path(folder)) as environment,
        static_server(Path(folder) / "bucket") as host,
    ):
        target = ":s3:bucket/site"
        first, plan = xuanchuan(project, environment, "deploy", target, "--no-check")
        again, same = xuanchuan(project, environment, "deploy", target, "--no-check")
        checked_in, checked = xuanchuan(project, environment, "check", "--live", host + "site/")
    result.update(
        first_seconds=round(first, 1),
        first_uploaded=plan["uploaded"],
        again_seconds=round(again, 1),
        again_uploaded=same["uploaded"],
        check_seconds=round(checked_in, 1),
        check_pages=checked["pages"],
        check_links=checked["links"],
        check_qr_codes=checked["qr_codes"],
        check_broken=len(checked["broken"]),
        live_unanswered=len(checked["unanswered"]),
    )
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path(".cache/bench/corpus"))
    parser.add_argument("--json", type=Path, default=Path(__file__).with_name("deploy.json"))
    args = parser.parse_args(argv)
    if not (args.project / "site" / "index.html").is_file():
        raise SystemExit(f"{args.project}/site holds no built site: build it first")
    result = run(args.project.resolve())
    for name, value in result.items():
        print(f"{name:>18}  {value}")
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
