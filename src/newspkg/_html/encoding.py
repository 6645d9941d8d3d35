"""Decoding page bytes as a browser does: the WHATWG encoding sniffing rules, simplified.

In order: a byte-order mark; the transport charset the caller gives (an HTTP
``Content-Type`` charset); a ``<meta charset>`` or ``<meta http-equiv="Content-Type">``
declaration in the first 1,024 bytes (the pre-scan); else UTF-8 when the bytes are valid
UTF-8, else windows-1252, the web's legacy default.

One departure, on purpose: when a declared (or given) legacy charset is contradicted by the
bytes themselves, that is, they are valid UTF-8 and hold multi-byte sequences, UTF-8 wins
and `Decoded.note` says so. Saved pages are very often re-encoded to UTF-8 while keeping
their old declaration; decoding those as declared gives mojibake. Labels follow the WHATWG
Encoding Standard's aliases (``iso-8859-1`` and ``ascii`` are windows-1252, ``gb2312`` is
GBK, ...).
"""

from __future__ import annotations

import codecs
import re
from typing import Final

import attrs

__all__ = ["Decoded", "decode_page", "starts_like_html"]

_PRESCAN_BYTES: Final = 1024
_META_CHARSET: Final = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)
_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


# WHATWG label → Python codec, where Python's codec of the same name differs.
_WHATWG: Final = {
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gbk",
    "gb_2312-80": "gbk",
    "x-gbk": "gbk",
    "ks_c_5601-1987": "euc-kr",
    "x-sjis": "shift_jis",
}


@attrs.frozen
class Decoded:
    """A page's text and how it was decoded.

    Attributes:
        text: the page as text; bytes invalid in the encoding became U+FFFD.
        encoding: the Python codec name used (``utf-8``, ``cp1251``, ...).
        note: why the encoding is not the declared one, or None.
    """

    text: str
    encoding: str
    note: str | None = None


def decode_page(data: bytes, *, transport: str | None = None) -> Decoded:
    """Decode page bytes (see the module notes for the order).

    >>> decode_page('<meta charset="windows-1251">Привет'.encode()).note
    "declared 'windows-1251' (meta charset), but the bytes are valid UTF-8 with multi-byte characters; read as UTF-8"
    """  # noqa: E501
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(encoding, errors="replace"), encoding)
    declared, where = _codec(transport), "transport charset"
    label = transport
    if declared is None:
        found = _META_CHARSET.search(data[:_PRESCAN_BYTES])
        if found is not None:
            label = found.group(1).decode("ascii")
            declared, where = _codec(label), "meta charset"
            if declared is not None and declared.startswith("utf-16"):
                # A page whose declaration was read as ASCII bytes cannot be UTF-16.
                declared = "utf-8"
    utf8 = _as_utf8(data)
    if declared is None or declared == "utf-8":
        if utf8 is not None:
            return Decoded(utf8, "utf-8")
        if declared == "utf-8":
            return Decoded(data.decode("utf-8", errors="replace"), "utf-8")
        return Decoded(data.decode("cp1252", errors="replace"), "cp1252")
    if utf8 is not None and not utf8.isascii():
        note = (
            f"declared {label!r} ({where}), but the bytes are valid UTF-8 with "
            "multi-byte characters; read as UTF-8"
        )
        return Decoded(utf8, "utf-8", note)
    return Decoded(data.decode(declared, errors="replace"), declared)


def _codec(label: str | None) -> str | None:
    """The Python codec for an encoding label, or None when unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _WHATWG.get(label, label)
    try:
        return codecs.lookup(label).name.replace("_", "-")
    except LookupError:
        return None


def _as_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def starts_like_html(data: bytes) -> bool:
    """Whether ``data`` starts with ``<`` after a byte-order mark and white space.

    The mark says how to read what follows, so a page in UTF-16 is told from JSON as one in
    UTF-8 is. A CDATA-wrapped JSON block does not count as HTML.
    """
    head = data[:128]
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :].decode(encoding, "replace").encode("utf-8", "replace")
            break
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n\f")
    return head.startswith(b"<") and not head.startswith(b"<![CDATA[")
