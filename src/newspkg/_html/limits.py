"""The size limit on HTML pages, and reading an input up to it.

It lives apart from the parser so that code that only checks sizes (the command's input
reader) need not import the parser.
"""

from __future__ import annotations

from typing import Final, Protocol

__all__ = ["MAX_HTML_SIZE", "ByteStream", "read_up_to_limit"]

MAX_HTML_SIZE: Final = 32 * 1024 * 1024
"""Largest page accepted: 32 MiB (bytes for `bytes` input, characters for `str`)."""

_FIRST_PIECE: Final = 64 * 1024


class ByteStream(Protocol):
    """A binary file, stdin's buffer, or an unbuffered stream (which may read short)."""

    def read(self, size: int, /) -> bytes | None: ...


def read_up_to_limit(stream: ByteStream, limit: int) -> bytes:
    """Read ``stream`` to its end, but at most ``limit + 1`` bytes.

    More than ``limit`` bytes back means the input is over the limit. The bytes are read in
    growing pieces: one ``read(limit + 1)`` allocates a buffer of the whole limit for every
    input, which cost more than reading a small file (0.03 s per 1,000 files).
    """
    pieces = []
    wanted = limit + 1
    piece_size = _FIRST_PIECE
    while wanted > 0 and (piece := stream.read(min(piece_size, wanted))):
        pieces.append(piece)
        wanted -= len(piece)
        piece_size *= 4
    return b"".join(pieces)
