"""A time bound for tests of linear cost: far above linear time, far below quadratic."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def at_most(seconds: int) -> Iterator[None]:
    """Fail, rather than hang, when the work takes far longer than linear time would."""
    if not hasattr(signal, "SIGALRM"):
        pytest.skip("needs SIGALRM")

    def expired(_signum: int, _frame: object) -> None:
        raise AssertionError(f"still running after {seconds} s: not linear in the input")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
