"""A command the tests run that gets stuck fails the test with where it stood."""

import sys
import textwrap

import pytest

from fixtures.sites import run_bounded

pytestmark = pytest.mark.slow


def test_a_stuck_command_and_its_workers_tell_where_they_wait(tmp_path):
    script = tmp_path / "stuck.py"
    script.write_text(
        textwrap.dedent(
            """
            import os, threading
            lock = threading.Lock()
            lock.acquire()
            print("started", flush=True)
            if os.fork() == 0:
                lock.acquire()  # the worker: held by nobody it can wait for
            os.wait()
            """
        ),
        encoding="utf-8",
    )
    with pytest.raises(AssertionError) as stuck:
        run_bounded([sys.executable, str(script)], timeout=3, capture_output=True, text=True)
    told = str(stuck.value)
    assert "still ran after 3 s" in told and "started" in told
    # Both processes printed their stacks, each naming the script (besides the command
    # itself): the worker waiting on its lock and its parent waiting for it. They write at
    # once, so their lines mix; a file name is written whole.
    assert told.count("stuck.py") >= 3 and told.count("<module>") >= 2
