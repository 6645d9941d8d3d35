"""The character classes behind word counts, and a fast exact count for most text.

`newspkg._readtime.words` counts with the ``regex`` module's UAX #29 word boundaries,
which cost a `regex` scan per character. Most text only holds characters whose
word-break behaviour is simple: letters and digits that join each other, the
few "mid" characters that join two letters (``don't``, ``U.S``) or two digits
(``3.14``, ``1,000``), hyphens, connector punctuation, characters timed one by
one (Han, kana, Thai-like letters) and everything else, which never joins. For
such text each character is mapped to a one-byte *kind*, and the count is a few
passes of C code over those bytes (``bytes.translate``, ``bytes.count``, and
shifts and ANDs of whole byte strings read as integers), each well under 1 ns
per character: ~5-7 ns per character in all, where `regex` takes 15-100 ns.

A character whose behaviour is not simple (combining marks, format characters
such as the soft hyphen, Hebrew letters, katakana marks, the iteration mark 々,
anything outside the Basic Multilingual Plane, emoji included) has kind ``X``
and sends the whole text to the general implementation, which stays the
reference: tests compare the two on generated text and on every simple BMP
character, and the kinds are read from the same Unicode properties (through
``regex``) that the general implementation uses.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
import threading
import zlib
from pathlib import Path
from typing import Any

import attrs

from newspkg._readtime import kind_table

__all__ = [
    "DICTIONARY",
    "HYPHENS",
    "KANA",
    "LOGOGRAPHIC",
    "NOT_SIMPLE",
    "SPACELESS",
    "WORD_CHAR",
    "TextCounts",
    "character_kind",
    "count",
    "count_kinds",
    "live_block_kinds",
    "precomputed",
    "regex_version",
    "repeated_byte",
    "simple_kinds",
    "simple_unit_kinds",
]

# Scripts timed per character. ``scx`` (Script_Extensions) catches the marks
# shared by kana and Han, like the prolonged sound mark ー; intersecting with
# letters keeps CJK punctuation (、。) out.
LOGOGRAPHIC = r"[\p{Ideographic}\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]&&[\p{L}\p{Nl}]"
KANA = r"[\p{scx=Hiragana}\p{scx=Katakana}]&&[\p{L}\p{Nl}]"
# Line_Break=SA ("complex context") is Unicode's own list of scripts whose word
# ends need a dictionary: Thai, Lao, Khmer, Myanmar, Tai Tham, Tai Viet...
SPACELESS = r"\p{Line_Break=SA}&&\p{L}"
# What ICU's dictionaries segment, when PyICU is installed: its Thai, Lao, Khmer
# and Burmese break engines each take [[:script:]&[:Line_Break=SA:]]. For the
# other SA scripts ICU has no dictionary and would return each run as one word.
DICTIONARY = r"\p{Line_Break=SA}&&[\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]"
# What a hyphen must stand between to join two words.
WORD_CHAR = rf"[[\p{{L}}\p{{Nd}}\p{{Nl}}]--[{LOGOGRAPHIC}]--[{SPACELESS}]]"
# The hyphen, the Unicode hyphens, the Armenian hyphen and the Hebrew maqaf.
# The Armenian hyphen (U+058A) is not here: UAX #29 already treats it as a letter.
HYPHENS = "-\u2010\u2011\u05be"

# Kinds, one byte per character (``X``: not simple, use the general path).
NOT_SIMPLE = ord("X")
# The kinds of the simple characters, keyed by what the counting rules look at:
# (Word_Break value, matches (?w)\w, is a WORD_CHAR, is \p{Pc}, is a hyphen).
# Format characters (\p{Cf}) are never simple, even those UAX #29 calls Other
# like U+200B: the general path lets them continue a run of connectors (___).
# Mid characters join only as UAX #29 rules WB6/WB7 (letters) and WB11/WB12
# (digits) say; letters, digits and ExtendNumLet join each other (WB5, WB8-10,
# WB13a/b). The other Word_Break values have rules of their own (WB4 marks and
# format characters, WB7a-c Hebrew, WB13 Katakana, WB15/16 flags), so they stay X.
_KIND_OF_PROPERTIES = {
    ("ALetter", True, True, False, False): b"a",
    ("Numeric", True, True, False, False): b"1",
    ("ExtendNumLet", True, False, True, False): b"_",  # _ and other connectors
    ("ExtendNumLet", False, False, False, False): b"e",  # U+202F narrow no-break space
    ("MidLetter", False, False, False, False): b":",
    ("MidNum", False, False, False, False): b",",
    ("MidNumLet", False, False, False, False): b".",
    ("Single_Quote", False, False, False, False): b".",  # same rules as MidNumLet here
    ("Other", False, False, False, True): b"-",
    **{
        # Double quotes only join Hebrew letters (WB7b/c), which are never simple.
        (value, False, False, False, False): b" "
        for value in ("Other", "WSegSpace", "CR", "LF", "Newline", "Double_Quote")
    },
}
# Character-timed letters, in the order they are tested: iteration marks like 々
# are logographic *and* word letters to UAX #29 (a々b is one segment).
_CHAR_TIMED_KINDS = (
    (rf"(?V1)[{LOGOGRAPHIC}&&\p{{Word_Break=ALetter}}]", b"X"),
    (rf"(?V1)[[{KANA}]--\p{{Word_Break=ALetter}}]", b"K"),
    (rf"(?V1)[[{LOGOGRAPHIC}]--\p{{Word_Break=ALetter}}]", b"H"),
    (rf"(?V1)[[{SPACELESS}]--\p{{Word_Break=ALetter}}]", b"T"),
)
_WORD_BREAK_VALUES = sorted({properties[0] for properties in _KIND_OF_PROPERTIES})

# For counting, a word starts where a letter, digit or connector (``w``) follows
# anything but those (`` ``); U+202F joins like them but never starts a word,
# because the general path counts segments that start with a \w character.
_STARTS = bytes(
    ord("w") if kind in b"a1_" else ord("e") if kind == ord("e") else ord(" ")
    for kind in range(256)
)
# Words and Han characters are counted from one flag byte per character, read
# as one big integer: each shift, AND or popcount of it is one pass in C at
# well under 1 ns per character, and joins need no per-position Python.
#
# - _WORD: a letter, digit or connector. A word starts at each one whose left
#   neighbour is not one: popcount(w) - popcount(w & w >> 8).
# - _HAN: a Han character. When Han is frequent, as in Chinese, a popcount is
#   ~2x faster than bytes.count, which branches on every byte.
# - A mid character between two letters (WB6/7) or two digits (WB11/12), or a
#   hyphen between two word characters (letters or digits), joins two runs into
#   one word. Neighbours carry bit 0 letter, bit 1 digit, bit 2 either; the
#   character between carries, four bits up, the bits of what it joins. A join is
#   then a position whose between bits, shifted down, AND both neighbours' bits
#   are non-zero, and exactly one bit survives per join (a letter and a digit
#   share only bit 2, which only the hyphen has).
_NEIGHBOUR_BITS = 0b0000_0111
_WORD = 0b0000_1000
_HAN = 0b1000_0000
_FLAGS = bytes(
    {
        ord("a"): _WORD | 0b101,
        ord("1"): _WORD | 0b110,
        ord("_"): _WORD,
        ord(":"): 0b001 << 4,
        ord("."): 0b011 << 4,
        ord(","): 0b010 << 4,
        ord("-"): 0b100 << 4,
        ord("H"): _HAN,
    }.get(kind, 0)
    for kind in range(256)
)
# Runs of connectors alone (``___``) are segments with no letter or digit.
_CONNECTORS_ONLY = re.compile(rb"(?<![a1_e])_+(?![a1_e])")


@attrs.frozen(kw_only=True)
class TextCounts:
    """What a text holds, split by how it is read.

    ``words`` are timed per word; ``han``, ``kana`` and ``letters`` per
    character. ``letters`` are the letters of Thai, Lao, Khmer, Myanmar and the
    other scripts written without spaces (Tai Tham, Tai Viet...); with PyICU
    installed, ICU's dictionaries turn Thai, Lao, Khmer and Myanmar letters into
    ``words``.
    Counts add: the counts of ``a + " " + b`` are ``count_text(a) + count_text(b)``
    (`newspkg._readtime.words.count_text`, which builds on this module).

    >>> count("Tokyo 東京 とうきょう")
    TextCounts(words=1, han=2, kana=5, letters=0)
    """

    words: int = 0
    han: int = 0
    kana: int = 0
    letters: int = 0

    @property
    def characters(self) -> int:
        """The part timed per character: ``han + kana + letters``."""
        return self.han + self.kana + self.letters

    @property
    def total(self) -> int:
        """The word count to show and publish: words plus character-timed characters.

        Counting each Chinese or Japanese character as a word is what Microsoft
        Word does and what Chinese word counts (字数) mean.
        """
        return self.words + self.characters

    def __add__(self, other: Any) -> TextCounts:
        if not isinstance(other, TextCounts):
            return NotImplemented
        return TextCounts(
            words=self.words + other.words,
            han=self.han + other.han,
            kana=self.kana + other.kana,
            letters=self.letters + other.letters,
        )

    def __sub__(self, other: Any) -> TextCounts:
        if not isinstance(other, TextCounts):
            return NotImplemented
        return TextCounts(
            words=self.words - other.words,
            han=self.han - other.han,
            kana=self.kana - other.kana,
            letters=self.letters - other.letters,
        )


def count(text: str) -> TextCounts | None:
    """Count ``text`` without treating links specially, or None if it is not simple.

    ``letters`` are Thai-like letters; the caller decides whether a dictionary
    segmenter should count them as words instead.

    >>> count("Don't pay 3.14 for an e-mail, U.S. readers! 東京")
    TextCounts(words=8, han=2, kana=0, letters=0)
    """
    kinds = simple_kinds(text)
    return None if kinds is None else count_kinds(kinds)


def simple_kinds(text: str) -> bytes | None:
    """One kind byte per character of ``text``, or None if it is not simple.

    Kinds do not depend on context, so ``simple_kinds(text)[i:j]`` are the kinds
    of ``text[i:j]``, and counts add over a space: ``count_kinds(a + b" " + b)``
    is ``count_kinds(a)`` plus ``count_kinds(b)``.
    """
    kinds = _kinds(text)
    return None if kinds is None or NOT_SIMPLE in kinds else kinds


def simple_unit_kinds(*, high: bytes, low: bytes) -> bytes | None:
    """`simple_kinds` for a text given as the high and low bytes of its UTF-16 code units.

    None if it is not simple, which includes characters outside the BMP.
    """
    if high.count(0) == len(high):
        kinds: bytes | None = low.translate(_block_kinds(0))
    else:
        kinds = _BLOCKS.kinds(high=high, low=low)
    return None if kinds is None or NOT_SIMPLE in kinds else kinds


def count_kinds(kinds: bytes) -> TextCounts:
    """Count the text whose `simple_kinds` are ``kinds``."""
    length = len(kinds)
    flags = int.from_bytes(kinds.translate(_FLAGS), "big")
    if b"e" in kinds:
        starts = kinds.translate(_STARTS)  # e.g. b"w w  ww ew"
        words = starts.count(b" w") + starts.startswith(b"w")
    else:
        word_chars = flags & repeated_byte(_WORD, length)
        words = word_chars.bit_count() - (word_chars & (word_chars >> 8)).bit_count()
    # Big-endian: >> 8 moves each byte one position right, so (flags >> 8) holds
    # each character's left neighbour, (flags << 8) its right one, and
    # (flags >> 4) the between bits of the character itself.
    joins = (flags >> 4) & (flags >> 8) & (flags << 8) & repeated_byte(_NEIGHBOUR_BITS, length)
    words -= joins.bit_count()
    if b"_" in kinds:
        words -= len(_CONNECTORS_ONLY.findall(kinds))
    han = (flags & repeated_byte(_HAN, length)).bit_count() if b"H" in kinds else 0
    return TextCounts(words=words, han=han, kana=_count(kinds, b"K"), letters=_count(kinds, b"T"))


def character_kind(char: str) -> int:
    """The kind byte of one character of the BMP (`NOT_SIMPLE` if it is not simple)."""
    code = ord(char)
    return _block_kinds(code >> 8)[code & 0xFF]


def _count(kinds: bytes, kind: bytes) -> int:
    # `in` is a memchr, several times faster than bytes.count on a miss.
    return kinds.count(kind) if kind in kinds else 0


# Masks for the flags of texts up to this many characters are kept, so a text
# pays one shift for each instead of building it (~1 ns per character).
_KEPT_MASK_LENGTH = 1 << 22
_masks: dict[int, int] = {}


def repeated_byte(byte: int, length: int) -> int:
    """The integer whose ``length`` big-endian bytes all equal ``byte``."""
    kept = _masks.get(byte, 0)
    kept_length = (kept.bit_length() + 7) // 8
    if kept_length >= length:
        return kept >> (8 * (kept_length - length))
    mask = int.from_bytes(bytes([byte]) * length, "big")
    if length <= _KEPT_MASK_LENGTH:
        _masks[byte] = mask  # a race only builds a mask twice
    return mask


def _kinds(text: str) -> bytes | None:
    """One kind byte per character of ``text``, or None outside the BMP."""
    try:
        return text.encode("latin-1").translate(_block_kinds(0))
    except UnicodeEncodeError:
        pass
    try:
        units = text.encode("utf-16-le")
    except UnicodeEncodeError:  # a lone surrogate
        return None
    if len(units) != 2 * len(text):
        return None  # surrogate pairs: characters outside the BMP
    return _BLOCKS.kinds(high=units[1::2], low=units[0::2])


# In `_Tables.uniform`, the mark of a block whose kinds are not read yet: one
# memchr on the translated text then finds new blocks (no kind is this byte).
_UNREAD = 1


@attrs.frozen
class _Tables:
    known: bytes  # the high bytes (blocks of 256 code points) whose kinds are read
    # per high byte: the kind of every character in its block, 0 if it has
    # several kinds, _UNREAD if it is not read yet
    uniform: bytes
    mixed: tuple[int, ...]  # the high bytes of blocks with characters of several kinds


@attrs.frozen
class _Merge:
    """Kinds as ``kind[high_code[high] + low_code[low]]``, for one mix of blocks.

    ``bytes.translate`` maps one byte at a time, so the two bytes of a code unit
    are combined by adding whole byte strings as integers (in C, no carries:
    every sum is below 256). ``low_code`` numbers the distinct rows of kinds
    the mixed blocks give a low byte; ``high_code`` picks a block's column.
    """

    high_code: bytes
    low_code: bytes
    kind: bytes


class _Blocks:
    """Kind tables for the BMP's blocks of 256 code points, built as texts need them.

    The kinds of each block come from `kind_table` (or, with another `regex`
    release, from its properties: a millisecond or two per block), and each
    mix of blocks is merged the first time a text uses it.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tables = _Tables(known=b"", uniform=bytes([_UNREAD]) * 256, mixed=())

    def kinds(self, *, high: bytes, low: bytes) -> bytes | None:
        """Kinds for text given as the high and low bytes of its UTF-16 code units.

        None when the text mixes too many blocks to merge in one pass.
        """
        tables = self._tables
        uniform_kinds = high.translate(tables.uniform)
        if _UNREAD in uniform_kinds:
            tables = self._add(set(high.translate(None, tables.known)))
            uniform_kinds = high.translate(tables.uniform)
        merge = _merge(
            tables.uniform,
            tuple(block for block in tables.mixed if block in high),
            bytes(kind for kind in set(tables.uniform) - {0, _UNREAD} if kind in uniform_kinds),
        )
        if merge is None:
            return None
        codes = int.from_bytes(high.translate(merge.high_code), "big") + int.from_bytes(
            low.translate(merge.low_code), "big"
        )
        return codes.to_bytes(len(high), "big").translate(merge.kind)

    def _add(self, highs: set[int]) -> _Tables:
        with self._lock:
            tables = self._tables
            uniform = bytearray(tables.uniform)
            mixed = list(tables.mixed)
            for high in sorted(highs - set(tables.known)):
                table = _block_kinds(high)
                if len(set(table)) == 1:
                    uniform[high] = table[0]
                else:
                    uniform[high] = 0
                    mixed.append(high)
            self._tables = _Tables(
                known=bytes(sorted(set(tables.known) | highs)),
                uniform=bytes(uniform),
                mixed=tuple(mixed),
            )
            return self._tables


@functools.lru_cache(maxsize=64)
def _merge(uniform: bytes, mixed: tuple[int, ...], uniform_kinds: bytes) -> _Merge | None:
    """How to merge texts whose mixed blocks are ``mixed`` (``uniform``: see `_Tables`)."""
    rows: dict[tuple[int, ...], int] = {}
    low_code = bytes(
        rows.setdefault(tuple(_block_kinds(block)[low] for block in mixed), len(rows))
        for low in range(256)
    )
    columns = len(mixed) + len(uniform_kinds)
    if columns * len(rows) > 256:
        return None
    kind = bytearray(b"X" * 256)
    for row, code in rows.items():
        for column, row_kind in enumerate(row):
            kind[column * len(rows) + code] = row_kind
        for column, uniform_kind in enumerate(uniform_kinds, start=len(mixed)):
            kind[column * len(rows) + code] = uniform_kind
    column_of = {block: column for column, block in enumerate(mixed)}
    column_of.update(
        (high, len(mixed) + uniform_kinds.index(uniform[high]))
        for high in range(256)
        if uniform[high] in uniform_kinds
    )
    high_code = bytes(column_of.get(high, 0) * len(rows) for high in range(256))
    return _Merge(high_code=high_code, low_code=low_code, kind=bytes(kind))


@functools.cache
def _block_kinds(high: int) -> bytes:
    """The kinds of the 256 code points from ``high * 256``, indexed by the low byte."""
    table = _bmp_kinds()
    if table is None:
        return live_block_kinds(high)
    return table[high << 8 : (high + 1) << 8]


@functools.cache
def _bmp_kinds() -> bytes | None:
    """The precomputed kinds of the BMP, if they were read with this `regex`."""
    return precomputed(kind_table.KINDS)


def precomputed(table: str) -> bytes | None:
    """A table of `kind_table`, unpacked; None if it was read with another `regex`."""
    # The tables hold the Unicode properties of the `regex` release they were
    # generated with; another release may know other characters.
    if regex_version() != kind_table.REGEX_VERSION:
        return None
    return zlib.decompress(bytes.fromhex(table))


# How `regex` states its release in the module that defines it (``regex/_main.py``).
_VERSION_LINE = re.compile(r'^__version__ = "([^"\\]+)"$', re.MULTILINE)


@functools.cache
def regex_version() -> str:
    """The ``__version__`` of the `regex` an import would load, without importing it if it can.

    Importing `regex` costs ~10 ms (its pattern parser is pure Python), and counting text
    the tables cover never uses it.
    """
    if "regex" not in sys.modules and (stated := _stated_regex_version()) is not None:
        return stated
    import regex  # noqa: PLC0415

    return str(regex.__version__)


def _stated_regex_version() -> str | None:
    """The version the source of the `regex` an import would run states in one plain line.

    None when it cannot tell (no source, another layout): `regex` is then imported and asked.
    """
    spec = importlib.util.find_spec("regex")
    if spec is None or not spec.submodule_search_locations:
        return None
    main = Path(next(iter(spec.submodule_search_locations))) / "_main.py"
    try:
        found = _VERSION_LINE.findall(main.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    return str(found[0]) if len(found) == 1 else None


def live_block_kinds(high: int) -> bytes:
    """`_block_kinds` read from `regex`'s Unicode properties: a few ms per block.

    What ``scripts/generate_kind_table.py`` writes into `kind_table`.
    """
    if 0xD8 <= high <= 0xDF:
        return b"X" * 256  # surrogates are never characters of valid text
    block = "".join(map(chr, range(high * 256, high * 256 + 256)))

    import regex  # noqa: PLC0415  (only with another `regex` release than the tables')

    def members(pattern: str) -> set[str]:
        return set(regex.findall(pattern, block))

    word_break = {
        char: value
        for value in _WORD_BREAK_VALUES
        for char in members(rf"\p{{Word_Break={value}}}")
    }
    word = members(r"(?w)\w")
    word_chars = members(rf"(?V1){WORD_CHAR}")
    connectors = members(r"\p{Pc}")
    formats = members(r"\p{Cf}")
    char_timed = [(members(pattern), kind) for pattern, kind in _CHAR_TIMED_KINDS]

    def kind(char: str) -> bytes:
        for chars, timed_kind in char_timed:
            if char in chars:
                return timed_kind
        if char in formats:
            return b"X"
        properties = (
            word_break.get(char),
            char in word,
            char in word_chars,
            char in connectors,
            char in HYPHENS,
        )
        return _KIND_OF_PROPERTIES.get(properties, b"X")  # type: ignore[arg-type]

    return b"".join(map(kind, block))


_BLOCKS = _Blocks()


# Unpacked when the module is imported (~0.1 ms), like any table a module builds: the first
# word count in a process then costs what the next one does. Block 0 holds ASCII and Latin-1.
_block_kinds(0)
