"""Telling native JSON from JSON-LD, without loading the native reader (cattrs).

Every reader of mixed input asks this of each document; only native documents then need
`newspkg._native`, so a run over JSON-LD alone never imports cattrs.
"""

from __future__ import annotations

from typing import Any, Final, TypeGuard

__all__ = ["VERSION_KEY", "is_native_document"]

VERSION_KEY: Final = "format_version"


def is_native_document(document: object) -> TypeGuard[dict[str, Any]]:
    """Tell newspkg's native JSON from JSON-LD, once for every reader of mixed input.

    Native JSON carries ``format_version``; hand-written native JSON may omit it, but
    JSON-LD always has a keyword (``@context``, ``@type``, ``@graph``) and native never does.
    """
    return isinstance(document, dict) and (
        VERSION_KEY in document
        or not any(isinstance(key, str) and key.startswith("@") for key in document)
    )
