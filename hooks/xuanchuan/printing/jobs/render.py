"""Drawing the print files not in the cache: in parallel worker processes, each file
bounded in memory and time, written to the cache whole or not at all."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path

from ...campaigns.model import Campaign, CampaignSet
from ...core.disk_cache import intact_file, store_file
from ...core.errors import Problem
from ...core.log import log
from ...core.messages import msg
from ...core.print_files import KINDS, LEAFLET_PDF, PrintFile, PrintResult
from ...core.workers import worker_pool
from ..content import SOURCES, PosterContent
from ..formats.icons import load as load_icons
from ..formats.on_request import MORE_KINDS, draw_more, more_problem
from ..layouts import Layout
from ..text.pango import load as load_text_engine
from ..text.words import prepare as prepare_words

# Bounds of one print file's drawing: the largest board or banner at print resolution
# takes a few hundred MB and well under a minute; far beyond is a mistake, told as one.
WORKER_MEMORY = 4 * 1024**3
RENDER_SECONDS = 300


@dataclass(frozen=True)
class DrawJob:
    key: str
    layout: Layout
    style: dict
    content: dict
    output: str  # "pdf" or "png"
    paper: str
    width: int
    target: str  # cache file path
    bleed: float = 0.0  # mm round a PDF for the print shop; 0 for none
    # What draws it: "poster" (posters, share images, leaflets), else formats.draw_more's.
    drawer: str = "poster"
    options: dict | None = None


def render_print_files(planned, campaigns: CampaignSet, workers: int | None = None) -> PrintResult:
    """Render what is not cached, in parallel, and collect every file and problem."""
    started = time.monotonic()
    result = PrintResult()
    jobs = {job.key: job for _, job in planned if job is not None}
    failures: dict[str, str] = {}
    if jobs:
        Path(next(iter(jobs.values())).target).parent.mkdir(parents=True, exist_ok=True)
        total = len(jobs)
        log.info(
            msg("Print files: rendering {total} (the rest are unchanged and reused)", total=total)
        )
        # Loaded once here, so that every worker forked below shares the dictionary and
        # Pango's declarations.
        prepare_words()
        load_text_engine()
        if any("icons" in job.layout.content_used() for job in jobs.values()):
            load_icons()
        workers = workers or min(os.cpu_count() or 1, total)
        done = 0
        step = max(1, total // 10)
        if workers > 1:
            with worker_pool(workers, memory_bytes=WORKER_MEMORY) as pool:
                outcomes = pool.map(_render, jobs.values(), chunksize=1)
                try:
                    for key, error in outcomes:
                        done += 1
                        if error:
                            failures[key] = error
                        if done % step == 0 or done == total:
                            log.info(msg("Print files: {done}/{total}", done=done, total=total))
                except BrokenProcessPool:
                    # A worker killed from outside (the system's out-of-memory killer): the
                    # files not drawn are named, none is trusted half made.
                    for key in jobs:
                        if key not in failures and not intact_file(Path(jobs[key].target)):
                            failures[key] = "\t" + str(msg("the drawing process was stopped"))
        else:
            for job in jobs.values():
                key, error = _render(job)
                done += 1
                if error:
                    failures[key] = error
    for print_file, job in planned:
        key = job.key if job else print_file.path.stem
        if key in failures:
            field_name, message = failures[key].split("\t", 1)
            campaign = campaigns.campaigns[print_file.slug][print_file.language]
            result.problems.append(_overflow_problem(campaign, print_file, field_name, message))
            continue
        if job is None:
            result.reused += 1
        sized = replace(print_file, bytes=print_file.path.stat().st_size)
        result.files.setdefault((print_file.slug, print_file.language), []).append(sized)
    result.rendered = len({job.key for _, job in planned if job and job.key not in failures})
    result.seconds = time.monotonic() - started
    # One problem per campaign file and field is enough, whatever the number of sizes.
    result.problems = sorted(set(result.problems))
    return result


def _render(job: DrawJob) -> tuple[str, str | None]:
    """Runs in a worker process: draw one file into the cache, atomically."""
    from ..drawing import Overflow, Style

    style = Style(
        job.style["colours"],
        {k: tuple(v) for k, v in job.style["fonts"].items()},
        tuple(job.style["fallback"]),
    )
    content = PosterContent(
        **{
            **job.content,
            "points": tuple(job.content["points"]),
            "icons": tuple(job.content["icons"]),
            "tips": tuple(job.content["tips"]),
            "body": tuple(job.content["body"]),
        }
    )
    try:
        with _time_limit(RENDER_SECONDS):
            data = _draw(job, style, content)
    except Overflow as error:
        return job.key, f"{error.field}\t{error}"
    except MemoryError:
        return job.key, "\t" + str(msg("drawing it needs more memory than a print file may use"))
    except Exception as error:  # whatever broke, it is told with the campaign and file
        return job.key, "\t" + str(
            msg("could not be drawn: {error}", error=f"{type(error).__name__}: {error}")
        )
    if not complete_file(data, job.output):
        return job.key, "\t" + str(msg("the drawing was cut short; build again"))
    store_file(Path(job.target), data)
    return job.key, None


def _draw(job: DrawJob, style, content) -> bytes:
    from ..formats.poster import render_pdf, render_png

    if job.drawer != "poster":
        return draw_more(job, style, content)
    if job.output == "pdf":
        return render_pdf(job.layout, style, content, job.paper, job.bleed)
    return render_png(job.layout, style, content, job.width)


@contextlib.contextmanager
def _time_limit(seconds: int):
    """A drawing stopped (TimeoutError) after ``seconds``. Signals reach the main thread
    only: a preview draws a lone file in its rebuild's thread, without the bound (a
    worker process, where builds draw, always runs it in its main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _too_long)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _too_long(signum, frame):
    raise TimeoutError(str(msg("drawing took longer than {seconds} s", seconds=RENDER_SECONDS)))


def complete_file(data: bytes, output: str) -> bool:
    """Whether ``data`` is a whole PDF or PNG: what an interrupted drawing leaves is not."""
    if output == "pdf":
        return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    if output == "png":
        return data.startswith(b"\x89PNG\r\n\x1a\n") and data.endswith(b"IEND\xaeB`\x82")
    return bool(data)


def _overflow_problem(campaign: Campaign, print_file: PrintFile, field_name, message) -> Problem:
    if not field_name:  # not a text too long: the drawing itself failed
        return Problem(
            str(campaign.source),
            None,
            None,
            msg("{file} was not made: {reason}", file=print_file.name, reason=message),
        )
    if print_file.kind in MORE_KINDS:
        return more_problem(campaign, print_file.kind, print_file.size, field_name, message)
    what = KINDS[print_file.kind].what
    if print_file.kind == LEAFLET_PDF.name and field_name == "body":
        return Problem(
            str(campaign.source),
            None,
            "leaflet",
            msg(
                "the page text does not fit on the leaflet: it {overflow}: choose fewer "
                "sections with leaflet.sections, or shorten the text (nothing is cut off "
                "silently)",
                overflow=message,
            ),
        )
    if print_file.size and print_file.kind != LEAFLET_PDF.name:
        item = msg("the {size} {what}", size=print_file.size, what=what)
    else:
        item = msg("the {what}", what=what)
    path = SOURCES.get(field_name, field_name)
    return Problem(
        str(campaign.source),
        None,
        path,
        msg(
            "does not fit on {item}: it {overflow}; shorten it (nothing is cut off silently)",
            item=item,
            overflow=message,
        ),
    )
