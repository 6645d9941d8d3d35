"""Items a batch worker leaves to the parent process, so that a one-off cost is paid once.

A few inputs need a costly one-off step in the process that reads them, which most inputs
never need: JSON-LD that the direct reader cannot prove equivalent goes through pyld, whose
import and first processing of the schema.org context cost about 0.17 s. In a batch on N
worker processes each worker would pay it. Instead the worker raises `HandBack` for such an
input, before paying, and the parent, mostly idle while the workers run, reads that input
itself (`newspkg._batch.runner`): the step is paid once per batch, not once per worker.

A worker that has handed back `HAND_BACK_LIMIT` inputs pays the step itself from then on,
so that a batch where such inputs are common is not read by the parent alone.
"""

from __future__ import annotations

from typing import Final

__all__ = ["HAND_BACK_LIMIT", "HandBack", "hand_back_to_parent", "start_worker"]

HAND_BACK_LIMIT: Final = 16
"""Inputs one worker hands back before it pays the one-off step itself: one chunk's worth."""

_hand_backs_left = 0  # outside a batch worker nothing is handed back


class HandBack(BaseException):
    """Raised in a batch worker: the parent process is to read this input instead.

    A `BaseException`, so that no ``except Exception`` on its way up mistakes it for a
    failure of the input.
    """


def start_worker(limit: int) -> None:
    """Let this process (a batch worker, just started) hand back up to ``limit`` inputs."""
    global _hand_backs_left  # noqa: PLW0603  (one setting per process, made at its start)
    _hand_backs_left = limit


def hand_back_to_parent() -> None:
    """Raise `HandBack` in a batch worker that may still hand inputs back; else return.

    Called just before a costly one-off step that has not been paid in this process yet;
    when it returns, the caller pays the step.
    """
    global _hand_backs_left  # noqa: PLW0603
    if _hand_backs_left > 0:
        _hand_backs_left -= 1
        raise HandBack
