"""Thai, Lao, Khmer and Myanmar word counts from one ICU break iterator over the whole text.

`newspkg._readtime.words` defines the count: each maximal run of the characters ICU's
dictionaries segment (``word_segments.DICTIONARY``) is segmented *alone*, and a segment is a
word when ICU tags it as one (rule status ``UBRK_WORD_NONE_LIMIT`` and up) and it holds
a letter; the rest of the text is counted by the UAX #29 rules with those letters read
as ``#`` (timed per word, not per character). Doing that run by run costs a Python loop
step, a status call and a letter check per segment, and a ``setText`` per run.

Here the same count is taken in bulk, from the text's UTF-16 code units (ICU's offsets
are code units, and every dictionary character is in the BMP):

* one class byte per code unit (`CLASS_LETTER`, `CLASS_OTHER` for marks and symbols,
  0 for everything else), from two ``bytes.translate`` per dictionary block present;
* the *ICU text*: every non-dictionary code unit replaced by a space, so each run
  stands alone between spaces, as when it is segmented alone, and ICU segments all
  of them in one pass;
* a segment that starts with a letter is a word (its rule status is ICU's letter
  status: dictionary letters are ``$ALetterPlus`` in ICU's word rules), one that starts
  with a space never is (a run of spaces, with any marks after it), and the rare one
  that starts with a mark or symbol is checked exactly, by its own status and letters.
  The class of each segment's first character is gathered in C (``operator.itemgetter``
  over a batch of boundaries), so the words are a ``count`` per batch;
* the *rest*: every dictionary character replaced by ``#`` (UAX #29 "Other", like the
  letters it stands for and the symbols; a mark after a dictionary character is
  ignored by UAX #29 rule WB4 just as a ``#`` there is), counted by the usual rules.

Thai text that Windows code page 874 can encode (TIS-620, the Thai Industrial Standard
620-2533, plus the no-break space, the euro sign, curly quotes, dashes, the bullet and the
ellipsis: what Thai news is written in) has one byte per character there, so the same
class bytes, ICU text and rest are one ``bytes.translate`` each, about a third of the work
of the code unit arithmetic that every other text takes.

A mark or symbol that starts a run (after a space, a Latin letter, a line break or at
the start of the text) attaches to what precedes it or stands alone under UAX #29,
which ``#`` would not reproduce: such texts are left to the run-by-run count.
``tests/test_words.py`` compares the two on generated texts.
"""

from __future__ import annotations

import functools
import itertools
import operator
from typing import Any

import attrs
import regex

from newspkg._readtime import kind_table
from newspkg._readtime.word_segments import (
    DICTIONARY,
    NOT_SIMPLE,
    SPACELESS,
    character_kind,
    precomputed,
    repeated_byte,
    simple_unit_kinds,
)

__all__ = [
    "BLOCKS",
    "CLASS_LETTER",
    "CLASS_OTHER",
    "DictionaryText",
    "count_words",
    "live_block_classes",
    "split",
]

CLASS_LETTER = 1  # a letter ICU's dictionaries segment (Thai, Lao, Khmer, Myanmar)
CLASS_OTHER = 2  # a mark or symbol of those runs: never a word on its own
# The blocks of 256 code points that hold the characters ICU's dictionaries segment
# (a test checks them against the exact class).
BLOCKS = (0x0E, 0x10, 0x17, 0xA9, 0xAA)


@attrs.frozen
class DictionaryText:
    """A text split into what ICU segments and what the UAX #29 rules count.

    ``icu_text``: the text with every code unit outside the dictionary runs replaced
    by a space. ``classes``: the class of each of its code units. The *rest*, the
    text with every dictionary character replaced by ``#``, is given by its
    `word_segments.simple_kinds` in ``rest_kinds`` when it is simple, and otherwise
    as a string in ``rest_text`` (the other one is None).
    """

    icu_text: str
    classes: bytes
    rest_kinds: bytes | None
    rest_text: str | None


def split(text: str) -> DictionaryText | None:
    """Split ``text`` for `count_words`, or None to count it run by run.

    None when it holds no dictionary character, holds a lone surrogate, or has a
    mark or symbol that starts a dictionary run (see the module notes).
    """
    tables = _code_page_tables()
    if tables is not None:
        try:
            encoded = text.encode(_CODE_PAGE)
        except UnicodeEncodeError:  # not only Thai and ASCII (or a lone surrogate)
            pass
        else:
            return _split_code_page(encoded, tables)
    return _split_units(text)


# Windows code page 874: Thai (U+0E01-U+0E5B), ASCII and a few punctuation marks.
_CODE_PAGE = "cp874"


@attrs.frozen
class _CodePageTables:
    """Per byte of `_CODE_PAGE`: what `_split_code_page` maps it to."""

    classes: bytes  # the class of its character
    icu: bytes  # itself in a dictionary run, else a space
    rest_kinds: bytes  # the kind of its character, or in a run the kind of "#"


@functools.cache
def _code_page_tables() -> _CodePageTables | None:
    """The tables, or None if a character of the code page is not simple outside runs.

    None never happens with the Unicode properties of the ``regex`` releases tried
    (tests check it), but another release could make one not simple.
    """
    # Bytes the code page leaves undefined decode to U+FFFD here; encoding never
    # gives them, so what they map to does not matter.
    characters = bytes(range(256)).decode(_CODE_PAGE, "replace")
    blocks = _tables()
    classes = bytes(
        blocks[ord(char) >> 8][0][ord(char) & 0xFF] if ord(char) >> 8 in blocks else 0
        for char in characters
    )
    rest = "".join(
        "#" if in_run else char for char, in_run in zip(characters, classes, strict=True)
    )
    rest_kinds = bytes(map(character_kind, rest))
    if NOT_SIMPLE in rest_kinds:
        return None
    return _CodePageTables(
        classes=classes,
        icu=bytes(byte if in_run else 0x20 for byte, in_run in enumerate(classes)),
        rest_kinds=rest_kinds,
    )


def _split_code_page(encoded: bytes, tables: _CodePageTables) -> DictionaryText | None:
    """`split` for a text given encoded in `_CODE_PAGE`: one byte per character."""
    classes = encoded.translate(tables.classes)
    if bytes([CLASS_LETTER]) not in classes and bytes([CLASS_OTHER]) not in classes:
        return None
    if classes[:1] == bytes([CLASS_OTHER]) or bytes([0, CLASS_OTHER]) in classes:
        return None  # a mark or symbol starts a run
    return DictionaryText(
        icu_text=encoded.translate(tables.icu).decode(_CODE_PAGE),
        classes=classes,
        rest_kinds=encoded.translate(tables.rest_kinds),
        rest_text=None,
    )


def _split_units(text: str) -> DictionaryText | None:
    """`split` from the text's UTF-16 code units, for any text."""
    try:
        units = text.encode("utf-16-le")
    except UnicodeEncodeError:  # a lone surrogate
        return None
    high = units[1::2]
    low = units[0::2]
    present = [block for block in BLOCKS if block in high]
    if not present:
        return None
    tables = _tables()
    length = len(low)
    found = 0
    for block in present:
        low_classes, select = tables[block]
        found |= int.from_bytes(low.translate(low_classes), "big") & int.from_bytes(
            high.translate(select), "big"
        )
    if not found:
        return None
    classes = found.to_bytes(length, "big")
    # One bit per dictionary character (its class is 1 or 2), then a byte of
    # ones: big-integer passes in C, not a translate and a conversion each.
    # Big-endian, so ``>> 8`` moves each byte onto its right neighbour.
    ones = repeated_byte(1, length)
    dictionary = (found | found >> 1) & ones
    first = 1 << 8 * (length - 1)  # the start of the text counts as outside runs
    if (found >> 1) & (((ones ^ dictionary) >> 8) | first) & ones:
        return None  # a mark or symbol starts a run
    keep = dictionary * 0xFF
    high_bits = int.from_bytes(high, "big")
    low_bits = int.from_bytes(low, "big")
    icu_units = bytearray(2 * length)
    icu_units[0::2] = ((low_bits & keep) | (repeated_byte(0x20, length) & ~keep)).to_bytes(
        length, "big"
    )
    icu_units[1::2] = (high_bits & keep).to_bytes(length, "big")
    rest_high_bits = high_bits & ~keep
    # Most often all zero, as the text around the runs is in Latin-1.
    rest_high = bytes(length) if not rest_high_bits else rest_high_bits.to_bytes(length, "big")
    rest_low = ((low_bits & ~keep) | dictionary * ord("#")).to_bytes(length, "big")
    rest_kinds = simple_unit_kinds(high=rest_high, low=rest_low)
    rest_text = None
    if rest_kinds is None:
        rest_units = bytearray(2 * length)
        rest_units[0::2] = rest_low
        rest_units[1::2] = rest_high
        rest_text = rest_units.decode("utf-16-le", "surrogatepass")
    return DictionaryText(
        icu_text=icu_units.decode("utf-16-le"),
        classes=classes,
        rest_kinds=rest_kinds,
        rest_text=rest_text,
    )


def count_words(icu: Any, text: DictionaryText) -> int:
    """The words ICU's dictionaries find in the runs of ``text``."""
    breaker = icu.BreakIterator.createWordInstance(icu.Locale.getRoot())
    breaker.setText(text.icu_text)
    boundaries = iter(breaker)  # every boundary after 0, the last one the text's end
    # Each boundary starts the next segment, and the text's end reads the 0 after it.
    classes = text.classes + b"\x00"
    first_class = classes[0]  # of the first segment, which starts at 0
    words = int(first_class == CLASS_LETTER)
    starts_of_others = []
    # Boundaries are taken in batches, and the class of the character each segment
    # starts with is gathered in C by itemgetter. All at once, every boundary would be
    # an int alive at the same time: ~2 MB of fresh memory per Thai megabyte, whose page
    # faults cost more than the gathering.
    while batch := tuple(itertools.islice(boundaries, _BATCH)):
        # One key more, 0, so that itemgetter gives a tuple even for one boundary.
        firsts = operator.itemgetter(*batch, 0)(classes)
        words += firsts.count(CLASS_LETTER) - (first_class == CLASS_LETTER)
        if CLASS_OTHER in firsts:
            starts_of_others += [
                start
                for start, first in zip(batch, firsts, strict=False)  # without the key 0
                if first == CLASS_OTHER
            ]
    # A segment starting with a mark or symbol: rare (ICU's dictionaries never break
    # before a mark), so each is checked exactly.
    is_word = icu.UWordBreak.NONE_LIMIT
    for start in starts_of_others:
        end = breaker.following(start)
        if breaker.getRuleStatus() >= is_word and CLASS_LETTER in classes[start:end]:
            words += 1
    return words


_BATCH = 4096


@functools.cache
def _tables() -> dict[int, tuple[bytes, bytes]]:
    """Per block: the class of each low byte, and which high bytes are that block."""
    classes = precomputed(kind_table.DICTIONARY_CLASSES)
    if classes is None:
        classes = b"".join(map(live_block_classes, BLOCKS))
    return {
        block: (
            classes[256 * index : 256 * (index + 1)],
            bytes(0xFF if high == block else 0 for high in range(256)),
        )
        for index, block in enumerate(BLOCKS)
    }


def live_block_classes(block: int) -> bytes:
    """The classes of the 256 code points from ``block * 256``, from `regex`'s properties.

    What ``scripts/generate_kind_table.py`` writes into `kind_table`.
    """
    chars = "".join(map(chr, range(block << 8, (block << 8) + 256)))
    dictionary = set(regex.findall(f"(?V1)[{DICTIONARY}]", chars))
    letters = set(regex.findall(rf"(?V1)[[{SPACELESS}]--\p{{Word_Break=ALetter}}]", chars))
    return bytes(
        (CLASS_LETTER if char in letters else CLASS_OTHER) if char in dictionary else 0
        for char in chars
    )
