"""Running one job per map on a pool of processes, reported in order, with a progress line."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, TextIO, TypeVar


class Job(Protocol):
    """A job names the map file it works on."""

    @property
    def file(self) -> Path: ...


J = TypeVar("J", bound=Job)
R = TypeVar("R")


def cpu_count() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on every platform
        return os.cpu_count() or 1


def run_jobs(
    jobs: Sequence[J],
    work: Callable[[J], R],
    workers: int,
    report: Callable[[J, R], None],
    progress: Progress,
) -> None:
    """Do ``work`` on ``jobs`` in ``workers`` processes; ``report`` each result in job order.

    ``work`` must be a module-level function (a worker process imports it by
    name). One worker, or a platform without process pools, works in this
    process, and so does a pool that breaks: the jobs not reported yet are
    done again here. ``report`` may raise to stop: what is not reported yet
    is dropped.
    """
    done = _in_processes(jobs, work, workers, report, progress) if workers > 1 else 0
    progress.done = done
    for job in jobs[done:]:
        result = work(job)
        progress.step(job.file)
        report(job, result)


def _in_processes(
    jobs: Sequence[J],
    work: Callable[[J], R],
    workers: int,
    report: Callable[[J, R], None],
    progress: Progress,
) -> int:
    """Do ``work`` on ``jobs`` in a pool of ``workers`` processes; how many were reported."""
    from concurrent.futures import Future, ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    # The platform's way of starting processes. Where it starts a fresh
    # interpreter (spawn, forkserver), a worker's folder may differ: jobs
    # carry theirs; `python -m argmap`'s __main__ is not run again there.
    try:
        pool = ProcessPoolExecutor(max_workers=workers)
    except (NotImplementedError, OSError):  # no semaphores or no processes here
        return 0
    done = 0
    results: dict[int, R] = {}
    with pool:
        try:
            futures: dict[Future[R], int] = {}
            try:
                for index, job in enumerate(jobs):
                    futures[pool.submit(work, job)] = index
            except (BrokenProcessPool, OSError):  # processes cannot be started
                return 0
            for future in as_completed(futures):
                index = futures[future]
                try:
                    results[index] = future.result()
                except BrokenProcessPool:  # a worker died: the rest is done here
                    return done
                progress.step(jobs[index].file)
                while done in results:
                    report(jobs[done], results.pop(done))
                    done += 1
        finally:
            pool.shutdown(cancel_futures=True)
    return done


class Progress:
    """``rendered 3/7: maps/china.yaml``, one line kept up to date on a terminal.

    Quiet unless ``stream`` is a terminal and there are several maps.
    """

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream = stream
        self.total = total
        self.done = 0
        self.last = ""
        self.shown = False
        isatty = getattr(stream, "isatty", None)
        self.active = total > 1 and callable(isatty) and bool(isatty())

    def step(self, file: Path) -> None:
        self.done += 1
        self.last = str(file)
        self.show()

    def show(self) -> None:
        if not self.active or not self.done:
            return
        line = f"rendered {self.done}/{self.total}: {self.last}"
        width = shutil.get_terminal_size().columns - 1
        self.stream.write(f"\r\x1b[K{line[:width]}")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False
