"""orjson, the optional fast JSON backend (the ``fast`` extra), imported when first needed."""

from __future__ import annotations

from functools import cache
from typing import Any

__all__ = ["optional_orjson"]


@cache
def optional_orjson() -> Any:
    """The orjson module when installed, else None (newspkg then uses `json` alone)."""
    try:
        import orjson  # noqa: PLC0415 (optional dependency, looked up when needed)
    except ImportError:
        return None
    return orjson
