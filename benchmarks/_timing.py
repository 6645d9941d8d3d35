"""Timing shared by the benchmarks: ratios come from the fastest runs, taken in turns."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(
    rounds: int,
    *actions: Callable[[], object],
    runs_per_round: int = 1,
    clock: Callable[[], float] = time.perf_counter,
) -> list[float]:
    """The fastest run of each action, in seconds.

    The fastest run is the least disturbed by other load. Rounds take turns
    between the actions, so a busy machine slows them alike; within a round an
    action runs ``runs_per_round`` times back to back, so it can run with its
    own data in the caches (single runs in turn slow `str.split` by ~10% after
    a count over the same text, which would flatter the count). ``clock`` may be
    `time.process_time`, which leaves out the time the process waits for a core.
    """
    best = [float("inf")] * len(actions)
    for _ in range(rounds):
        for index, action in enumerate(actions):
            for _ in range(runs_per_round):
                start = clock()
                action()
                best[index] = min(best[index], clock() - start)
    return best


def compile_package_bytecode() -> None:
    """Write newspkg's bytecode files, as ``pip install`` does for an installed package.

    The benchmarks that time fresh processes must not time Python compiling newspkg's
    sources: an editable install has no bytecode until an import writes it, and a machine
    with ``PYTHONDONTWRITEBYTECODE`` set (some CI images and sandboxes) never writes it, so
    every process would recompile every module it imports (~0.1 CPU-s for the command).
    `compileall` writes the files whatever that variable says.
    """
    import compileall  # noqa: PLC0415 (only for the benchmarks that start processes)
    from pathlib import Path  # noqa: PLC0415

    import newspkg  # noqa: PLC0415

    compileall.compile_dir(Path(newspkg.__file__).parent, quiet=1)
