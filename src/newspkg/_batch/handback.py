"""Items a batch worker leaves to the parent process, so that a one-off cost is paid once.

A few inputs need a costly one-off step in the process that reads them, which most inputs
never need: JSON-LD that the direct reader cannot prove equivalent goes through pyld, whose
import and first processing of the schema.org context cost about 0.17 s. In a batch on N
worker processes each worker would pay it. Instead the worker raises `HandBack` for such an
input, before paying, and the parent reads that input itself (`newspkg._batch.runner`):
the step is paid once per batch, not once per worker.

The parent must not end up reading much of the batch alone, so a worker hands back at most
`FIRST_HAND_BACKS` inputs and then one in `HAND_BACK_SHARE` of the inputs it has started;
past that, such inputs are common in this batch and the worker pays the step itself.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "FIRST_HAND_BACKS",
    "HAND_BACK_SHARE",
    "HandBack",
    "hand_back_to_parent",
    "start_item",
    "start_worker",
]

FIRST_HAND_BACKS: Final = 16
"""Inputs any worker may hand back: one chunk's worth."""

HAND_BACK_SHARE: Final = 32
"""Beyond the first, a worker hands back at most one in this many of the inputs it started.

Inputs that need pyld cost about ten times the others in the real-world corpus, so at one in
32 the parent reads a quarter of the work at most, less than its share on two cores."""


class _Counts:
    """This process's hand-backs (per process: workers count apart)."""

    def __init__(self) -> None:
        self.in_worker = False  # outside a batch worker nothing is handed back
        self.started = 0
        self.handed_back = 0


_COUNTS: Final = _Counts()


class HandBack(BaseException):
    """Raised in a batch worker: the parent process is to read this input instead.

    A `BaseException`, so that no ``except Exception`` on its way up mistakes it for a
    failure of the input.
    """


def start_worker() -> None:
    """Make this process (a batch worker, just started) one that may hand inputs back."""
    _COUNTS.in_worker = True
    _COUNTS.started = _COUNTS.handed_back = 0


def start_item() -> None:
    """Count an input this worker starts to read."""
    _COUNTS.started += 1


def hand_back_to_parent() -> None:
    """Raise `HandBack` in a batch worker that may still hand inputs back; else return.

    Called just before a costly one-off step that has not been paid in this process yet;
    when it returns, the caller pays the step.
    """
    counts = _COUNTS
    if counts.in_worker and counts.handed_back < (
        FIRST_HAND_BACKS + counts.started // HAND_BACK_SHARE
    ):
        counts.handed_back += 1
        raise HandBack
