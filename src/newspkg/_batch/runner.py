"""Run a function over a stream of items on N processes, in order, in bounded memory.

`ordered_map` is `map` spread over worker processes: items go out in chunks, results come
back in input order, and at most a few chunks per worker are in flight, so a stream of any
length (an archive of millions of pages) passes through in constant memory. The standard
``Pool.imap`` is not used because its feeder thread reads the whole input ahead.

On Linux, in a process that runs a single thread, this process reads too, beside N - 1
children forked from it (`newspkg._batch.forked`): they start at once with newspkg
imported, and no pool, executor thread or multiprocessing import is needed. Elsewhere a
pool of N workers is started from a fork server that imports the function's module once
(spawned on Windows and macOS); a worker imports newspkg once and reuses it for every item.

An item whose reading needs a costly one-off step the worker has not paid (pyld) can be
handed back (`newspkg._batch.handback`): this process reads it in its place in the output,
so the step is paid once per batch. While it does, the workers get more chunks in flight,
so they do not run out of work.
"""

from __future__ import annotations

import functools
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Final, TypeVar, cast

from newspkg._batch.handback import start_worker

if TYPE_CHECKING:
    import multiprocessing.context
    from concurrent.futures import Future

    from newspkg._batch.forked import ChunkResult

__all__ = ["CHUNK_SIZE", "ordered_map"]

T = TypeVar("T")
R = TypeVar("R")

CHUNK_SIZE: Final = 16
"""Items sent to a worker at a time: large enough to amortise the hand-over, small enough
to keep workers evenly busy."""

_CHUNKS_IN_FLIGHT_PER_JOB: Final = 4

_READ_AHEAD_WHILE_HANDED_BACK: Final = 4
"""How many times the usual chunks in flight the workers get while this process reads the
items they handed back, which can take a while (the one-off cost they were handed back to
avoid is paid here, once), so that the workers do not run out of work meanwhile."""


def ordered_map(
    func: Callable[[T], R], items: Iterable[T], *, jobs: int = 1, chunk_size: int = CHUNK_SIZE
) -> Iterator[R]:
    """Yield ``func(item)`` for each item, in order, computed on ``jobs`` processes.

    With ``jobs=1`` everything runs in this process. ``func`` must be picklable (a
    module-level function, or a `functools.partial` of one) and should not raise: an
    exception in a worker ends the run.

    >>> list(ordered_map(abs, [-2, 1, -3]))
    [2, 1, 3]
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    if jobs == 1:
        yield from map(func, items)
        return
    # Decided when the first result is asked for, just before any process starts: the
    # caller may have started a thread since it called, and forking a threaded process can
    # deadlock.
    if _may_fork():
        # Only for jobs > 1, which most runs of the command do not ask for.
        from newspkg._batch.forked import forked_map  # noqa: PLC0415

        yield from forked_map(func, items, jobs=jobs, chunk_size=chunk_size)
        return
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415  (not when forking)

    from newspkg._batch.forked import apply_in_worker  # noqa: PLC0415

    chunks = _chunks(items, chunk_size)
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=_context(func), initializer=start_worker
    )
    pending: deque[tuple[list[T], Future[ChunkResult[R]]]] = deque()
    window = jobs * _CHUNKS_IN_FLIGHT_PER_JOB

    def supply(limit: int) -> None:
        """Send chunks out until ``limit`` are in flight (or the items run out)."""
        while len(pending) < limit and (chunk := next(chunks, None)) is not None:
            pending.append((chunk, pool.submit(apply_in_worker, func, chunk)))

    try:
        supply(window)
        while pending:
            chunk, future = pending.popleft()
            results, handed_back = future.result()
            if handed_back:
                supply(window * _READ_AHEAD_WHILE_HANDED_BACK)
                for position in handed_back:
                    results[position] = func(chunk[position])
            supply(window)
            yield from cast("list[R]", results)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _may_fork() -> bool:
    """Whether worker processes may be forked from this one: on Linux, with one thread."""
    return sys.platform == "linux" and hasattr(os, "fork") and threading.active_count() == 1


def _context(func: Callable[..., object]) -> multiprocessing.context.BaseContext:
    """A fork server that imports newspkg and ``func``'s module once (Linux), else spawn."""
    # Imported here, with the pool: one process (``jobs=1``, most runs of the command) never
    # needs it, and it costs ~9 ms of start-up.
    import multiprocessing  # noqa: PLC0415

    if sys.platform != "linux" or "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    target = func.func if isinstance(func, functools.partial) else func
    module = getattr(target, "__module__", None)
    context.set_forkserver_preload(["newspkg", *([module] if module else [])])
    return context
