"""The language a text is written in, told by its script, for texts that do not say.

Only scripts that name one language for most news sites are told: Arabic script is read as
Arabic (it also writes Persian and Urdu: pass ``lang`` for those), Cyrillic as Russian, Hangul
as Korean, Hebrew, Thai and Devanagari (Hindi) as themselves, Han as Chinese and Han with
kana as Japanese. Latin and other scripts give None (English timing and label).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import regex

__all__ = ["script_language"]

_SAMPLE: Final = 4096  # enough letters to tell a script; long bodies are not scanned whole
# A superset, in the standard library's `re`, of the letters of every script but Latin that
# `_letters` tells (the first is Cyrillic, U+0400; U+1E00-U+2BFF holds Latin, Greek and
# symbols only): text without one is Latin or has no letters, and `regex` is not needed.
# Written as the complement, which `re` compiles in 0.5 ms rather than 5.
# tests/test_readtime_labels.py checks it against every code point.
_OTHER_SCRIPT_HINT: Final = re.compile("[^\x00-\u03ff\u1e00-\u2bff]")
_LANGUAGES: Final = (None, None, "ar", "he", "ko", "th", "hi", "ru", "zh", "ja")


def script_language(text: str) -> str | None:
    """The primary language subtag the text's main script stands for, or None.

    The main script is the one with the most letters among the first 4,096 characters;
    kana anywhere in a Han text makes it Japanese.

    >>> script_language("Москва сегодня"), script_language("東京で"), script_language("Paris")
    ('ru', 'ja', None)
    """
    sample = text[:_SAMPLE]
    if sample.isascii() or not _OTHER_SCRIPT_HINT.search(sample):
        return None  # Latin (or no letters): the common case, decided without a scan
    counts = [0] * len(_LANGUAGES)
    for match in _letters().finditer(sample):
        counts[match.lastindex or 0] += 1
    if counts[9]:  # kana: Japanese, whose Han and kana together make its text
        counts[9] += counts[8]
        counts[8] = 0
    best = max(range(1, len(counts)), key=counts.__getitem__)
    return _LANGUAGES[best] if counts[best] else None


@functools.cache
def _letters() -> regex.Pattern[str]:
    """One alternative per script; the group that matched says which (lastindex)."""
    import regex  # noqa: PLC0415  (~10 ms: only for text in another script than Latin)

    return regex.compile(
        r"(\p{Script=Latin})|(\p{Script=Arabic})|(\p{Script=Hebrew})|(\p{Script=Hangul})"
        r"|(\p{Script=Thai})|(\p{Script=Devanagari})|(\p{Script=Cyrillic})|(\p{Script=Han})"
        r"|([\p{Script=Hiragana}\p{Script=Katakana}])"
    )
