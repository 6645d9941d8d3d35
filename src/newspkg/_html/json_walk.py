"""A bounded walk over JSON values read from a page, for the HTML reader's small lookups."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["JsonObjects", "json_objects"]


class JsonObjects:
    """Every JSON object in ``roots`` and below them, depth first, last root first.

    At most ``limit`` values are visited (objects, arrays and scalars alike), with an explicit
    stack: a hostile page's JSON costs neither recursion nor more than ``limit`` steps.
    `cut_short` tells, once iterated, whether values were left unvisited at the limit.
    """

    def __init__(self, roots: Iterable[object], limit: int) -> None:
        self._stack = list(roots)
        self._limit = limit
        self.cut_short = False

    def __iter__(self) -> Iterator[dict[Any, object]]:
        stack = self._stack
        budget = self._limit
        while stack and budget:
            budget -= 1
            value = stack.pop()
            if isinstance(value, list):
                stack.extend(value)
            elif isinstance(value, dict):
                yield value
                stack.extend(value.values())
        self.cut_short = bool(stack)


def json_objects(roots: Iterable[object], limit: int) -> Iterator[dict[Any, object]]:
    """The objects of `JsonObjects` (``roots``, ``limit``), for a caller that needs no more."""
    return iter(JsonObjects(roots, limit))
