"""The size limit on HTML pages.

It lives apart from the parser so that code that only checks sizes (the command's input
reader) need not import the parser.
"""

from __future__ import annotations

from typing import Final

__all__ = ["MAX_HTML_SIZE"]

MAX_HTML_SIZE: Final = 32 * 1024 * 1024
"""Largest page accepted: 32 MiB (bytes for `bytes` input, characters for `str`)."""
