"""Worker processes that never outlive the build that started them.

A build killed outright (``kill -9``, the machine's out-of-memory killer, a CI timeout) runs
no clean-up; without this its print and QR workers would go on drawing into the cache,
holding memory and the build lock's file open long after.
"""

from __future__ import annotations

import ctypes
import gc
import os
import signal
import sys
import threading
from concurrent.futures import Future, ProcessPoolExecutor

# From <linux/prctl.h>: deliver a signal to this process when its parent dies.
_PR_SET_PDEATHSIG = 1

# Held while a worker is forked, and while garbage is collected in another thread (the
# preview's collection after a rebuild): freeing a drawing library's objects takes that
# library's locks, and a lock held by another thread at the moment of a fork stays held
# forever in the worker (seen as a worker stuck in cairo_scaled_font_create).
_forking = threading.Lock()
os.register_at_fork(
    before=_forking.acquire, after_in_parent=_forking.release, after_in_child=_forking.release
)


def collect_garbage() -> None:
    """``gc.collect()``, never while a worker is being forked."""
    with _forking:
        gc.collect()


def collect_only_when_asked() -> None:
    """Stop Python's collector from running by itself, in whatever thread allocates: a
    server's threads (the preview's) would free drawing objects, taking their libraries'
    locks, at any moment, even while a build forks its workers. Garbage is then collected
    by ``collect_garbage`` alone, never during a fork."""
    gc.disable()


# Why this process may not fork workers although Python sees one thread: a library
# started threads of its own (Pango's font map sorts fonts in GLib's thread pool).
_threads_outside_python = False


def keep_from_forking() -> None:
    """This process now has threads Python does not see: no worker is forked from it."""
    global _threads_outside_python
    _threads_outside_python = True


def may_fork() -> bool:
    """Whether worker processes may be forked from this process: only while it has no other
    thread, Python's or a library's. A lock another thread holds at the moment of a fork
    (cairo's, fontconfig's, a queue's) stays held in the child forever, and work handed to a
    thread pool the child believes it has is never done; a server's process (the preview)
    has threads, and so has a process that set text with Pango."""
    return threading.active_count() == 1 and not _threads_outside_python


class _InThisProcess:
    """What ``worker_pool`` gives where forking is not safe: each call run here, in order."""

    def __enter__(self) -> _InThisProcess:
        return self

    def __exit__(self, *exc) -> None:
        return None

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        return map(fn, *iterables)

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # handed over as a worker's would be
            future.set_exception(error)
        return future


def worker_pool(
    workers: int, *, memory_bytes: int | None = None
) -> ProcessPoolExecutor | _InThisProcess:
    """Processes for a build's work, each ending with the build; with ``memory_bytes``, an
    allocation beyond it fails in the worker (a MemoryError, told as a problem) instead of
    growing until the machine swaps. In a process with other threads (``may_fork``), the
    work is done here, one call after another: slower, never stuck."""
    if not may_fork():
        return _InThisProcess()
    return forked_pool(workers, memory_bytes=memory_bytes)


def forked_pool(workers: int, *, memory_bytes: int | None = None) -> ProcessPoolExecutor:
    """``worker_pool``'s processes, forked whatever threads this process has."""
    return ProcessPoolExecutor(
        max_workers=workers, initializer=_start_worker, initargs=(os.getpid(), memory_bytes)
    )


def _start_worker(parent: int, memory_bytes: int | None) -> None:
    die_with_parent(parent)
    # Ctrl-C is the build's to handle: it stops the pool. A worker that took it itself could
    # swallow it inside a drawing library's callback and finish a file cut short.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if memory_bytes:
        import resource

        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def die_with_parent(parent: int) -> None:
    """Runs first in every worker (and in any process a build forks)."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    # The parent may have died before the line above took effect: then nobody would tell.
    if os.getppid() != parent:
        os._exit(1)
