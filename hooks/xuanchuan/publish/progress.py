"""A progress bar on the terminal, in the team's words; a few plain lines in a log."""

from __future__ import annotations

import sys
import time


class Progress:
    """``[#######.......]  57%  what``: redrawn in place on a terminal, at most a few
    times a second; where the output is a file or a pipe, a line at each quarter."""

    WIDTH = 28

    def __init__(self, what: str, total: int, stream=None):
        self.what, self.total = what, max(total, 0)
        self.stream = stream or sys.stderr
        self.live = bool(getattr(self.stream, "isatty", lambda: False)())
        self.done = 0
        self.shown_at = 0.0
        self.quarter = -1

    def update(self, done: int, detail: str = "") -> None:
        self.done = min(max(done, 0), self.total) if self.total else done
        share = self.done / self.total if self.total else 1.0
        if self.live:
            now = time.monotonic()
            if now - self.shown_at < 0.2 and self.done < self.total:
                return
            self.shown_at = now
            filled = int(share * self.WIDTH)
            bar = "#" * filled + "." * (self.WIDTH - filled)
            self.stream.write(f"\r[{bar}] {share:4.0%}  {self.what} {detail}\x1b[K")
            self.stream.flush()
        elif int(share * 4) > self.quarter:
            self.quarter = int(share * 4)
            self.stream.write(f"{self.what}: {share:.0%} {detail}\n")
            self.stream.flush()

    def step(self, count: int = 1, detail: str = "") -> None:
        self.update(self.done + count, detail)

    def close(self) -> None:
        if self.live:
            self.stream.write("\n")
            self.stream.flush()
