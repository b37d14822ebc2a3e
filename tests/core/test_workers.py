"""Drawing workers: bounded in memory, deaf to Ctrl-C (the build stops them), and a file
cut short is never taken for a whole one."""

from __future__ import annotations

import functools
import importlib
import multiprocessing
import signal
import threading
from concurrent.futures import ProcessPoolExecutor

import pytest

from xuanchuan.core.workers import worker_pool
from xuanchuan.printing.jobs.render import complete_file


def in_fresh_process(test):
    """``test`` run in a fresh interpreter: whether a process forks its workers depends on
    all it did before, and a test process that drew with Pango forks none."""

    @functools.wraps(test)
    def run():
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(1, mp_context=context) as pool:
            pool.submit(_run_original, test.__module__, test.__name__).result()

    run.original = test
    return run


def _run_original(module: str, name: str) -> None:
    getattr(importlib.import_module(module), name).original()


def _allocate(megabytes: int) -> str:
    try:
        block = bytearray(megabytes * 1024 * 1024)
    except MemoryError:
        return "MemoryError"
    return str(len(block))


def _sigint_handler(_) -> bool:
    return signal.getsignal(signal.SIGINT) is signal.SIG_IGN


@in_fresh_process
def test_a_worker_over_its_memory_bound_gets_a_memory_error_not_the_machine():
    with worker_pool(1, memory_bytes=512 * 1024**2) as pool:
        assert pool.submit(_allocate, 2048).result() == "MemoryError"
        assert pool.submit(_allocate, 16).result() == str(16 * 1024 * 1024)


@in_fresh_process
def test_workers_leave_ctrl_c_to_the_build():
    with worker_pool(2) as pool:
        assert all(pool.map(_sigint_handler, range(2)))


def test_only_whole_files_are_kept():
    pdf = b"%PDF-1.5\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
    assert complete_file(pdf, "pdf")
    assert not complete_file(pdf[: len(pdf) // 2], "pdf")
    assert not complete_file(b"", "pdf")
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20 + b"IEND\xaeB`\x82"
    assert complete_file(png, "png")
    assert not complete_file(png[:-3], "png")


def test_the_time_bound_is_set_in_the_main_thread_only_and_put_back():
    import threading

    from xuanchuan.printing.jobs.render import _time_limit

    before = signal.getsignal(signal.SIGALRM)
    with _time_limit(5):
        assert signal.getsignal(signal.SIGALRM) is not before
    assert signal.getsignal(signal.SIGALRM) is before
    # A preview redraws a lone file in its rebuild's thread, where no signal can be set.
    failed = []

    def draw():
        try:
            with _time_limit(5):
                pass
        except Exception as error:  # noqa: BLE001 - what failed is the assertion
            failed.append(error)

    thread = threading.Thread(target=draw)
    thread.start()
    thread.join()
    assert failed == []


@pytest.mark.slow
def test_workers_forked_while_another_thread_frees_drawing_objects_still_draw():
    # Freeing a cairo object takes cairo's locks; a worker forked while another thread held
    # one waited for it forever (the preview's collection after a rebuild, during the next).
    from fixtures.printing import run_script

    done = run_script("forks_while_collecting.py", "100")
    assert done.returncode == 0 and done.stdout.strip() == "drawn", done.stderr


@pytest.mark.slow
def test_workers_forked_while_a_server_thread_makes_drawing_garbage_still_draw():
    # Left to run by itself, Python's collector frees cyclic garbage in whichever thread
    # allocates: a preview's server thread freed cairo objects while a rebuild forked its
    # workers, and a worker waited forever for cairo's lock (seen in the quick benchmark's
    # poster edit). The same script without "asked" hung three runs out of three.
    from fixtures.printing import run_script

    done = run_script("forks_while_allocating.py", "300", "asked")
    assert done.returncode == 0 and done.stdout.strip() == "drawn", done.stderr


def _pid(_):
    import os

    return os.getpid()


@in_fresh_process
def test_a_process_with_other_threads_does_the_work_itself_instead_of_forking():
    import os

    with worker_pool(2) as pool:
        assert os.getpid() not in set(pool.map(_pid, range(4)))
    waiting = threading.Event()
    server = threading.Thread(target=waiting.wait)  # as a preview's server threads wait
    server.start()
    try:
        with worker_pool(2) as pool:
            assert set(pool.map(_pid, range(4))) == {os.getpid()}
    finally:
        waiting.set()
        server.join()


# Run in a fresh interpreter: whether a process may fork depends on all it did before.
PANGO_THEN_WORKERS = """
import os, sys
import cairocffi
from xuanchuan.core.workers import may_fork, worker_pool
from xuanchuan.printing.text.fonts import no_font_has
from xuanchuan.printing.text.pango import Face, Typesetter

def line(_):
    surface = cairocffi.ImageSurface(cairocffi.FORMAT_RGB24, 8, 8)
    Typesetter(cairocffi.Context(surface), "zh").paragraph("用电安全", Face("serif"), 4.0)
    return os.getpid()

# Finding the characters no font has sets text with Pango, in a worker of its own.
assert no_font_has(["\\U0001F600", "电"], "sans-serif") <= {"\\U0001F600"}
print("after looking up glyphs:", may_fork())
with worker_pool(2) as pool:
    drawn_by = set(pool.map(line, range(4)))
print("drawn here:", os.getpid() in drawn_by)
line(0)
print("after setting text here:", may_fork())
with worker_pool(2) as pool:
    drawn_by = set(pool.map(line, range(4)))
print("drawn here:", drawn_by == {os.getpid()})
"""


def test_a_process_that_set_text_with_pango_forks_no_worker(tmp_path):
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", PANGO_THEN_WORKERS],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # Pango's font map sorts fonts in threads of GLib's, which a fork does not copy: its
    # workers would wait for them forever. Until it sets text itself, a build forks.
    assert done.stdout.split("\n")[:4] == [
        "after looking up glyphs: True",
        "drawn here: False",
        "after setting text here: False",
        "drawn here: True",
    ]
