"""Word counts that are right in every script.

Words are the segments between Unicode default word boundaries (UAX #29), as
implemented by the ``regex`` module's ``WORD`` flag, with four deliberate
additions:

* words joined by a hyphen (``e-mail``, ``well-known``, ``2020-2024``) are one
  word, as in word processors and in the texts reading rates were measured on;
* a URL (``https://…``, ``www.…``) or an e-mail address is one word;
* segments without a letter or digit (punctuation, emoji, ``___``) never count;
* scripts written without spaces are counted per character: Han, Hiragana and
  Katakana always; Thai, Lao, Khmer and Myanmar unless PyICU is installed, in
  which case ICU's dictionaries find their words; the other scripts that need a
  dictionary to find word ends (Unicode ``Line_Break=SA``: Tai Tham, Tai Viet,
  Ahom...) always, as ICU has no dictionary for them.

UAX #29 already keeps ``don't``, ``3.14``, ``1,000`` and ``U.S.`` whole and
counts each Korean word once (Hangul is spaced). Every rule only looks at the
characters around a boundary and never across whitespace, so counts add up:
``count_words(a + " " + b) == count_words(a) + count_words(b)``.
"""

from __future__ import annotations

import collections
import functools
import re
import unicodedata
from typing import TYPE_CHECKING, Any

import attrs

from newspkg._readtime import word_segments as _word_segments
from newspkg._readtime.word_segments import DICTIONARY as _DICTIONARY
from newspkg._readtime.word_segments import HYPHENS as _HYPHENS
from newspkg._readtime.word_segments import KANA as _KANA
from newspkg._readtime.word_segments import LOGOGRAPHIC as _LOGOGRAPHIC
from newspkg._readtime.word_segments import SPACELESS as _SPACELESS
from newspkg._readtime.word_segments import WORD_CHAR as _WORD_CHAR
from newspkg._readtime.word_segments import TextCounts
from newspkg.errors import ValidationError

if TYPE_CHECKING:
    import regex

__all__ = ["TextCounts", "count_text", "count_words", "has_dictionary_segmenter"]

# Cheap pre-filters in the standard library's `re` (faster than `regex` for a
# plain scan). They are supersets, so a miss proves there is nothing to fix;
# tests check them against the exact Unicode classes of `word_segments`.
# (first, last) code point blocks holding every character-timed letter.
_CHAR_TIMED_BLOCKS = (
    (0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x1950, 0x1AAF), (0x2E80, 0x2FDF),
    (0x3005, 0x3007), (0x3021, 0x3029), (0x3031, 0x3035), (0x3038, 0x303C), (0x3040, 0x30FF),
    (0x31F0, 0x31FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA9E0, 0xA9FF), (0xAA60, 0xAADF),
    (0xF900, 0xFAFF), (0xFF66, 0xFF9F), (0x11700, 0x1174F), (0x16FE0, 0x191FF),
    (0x1AFF0, 0x1B2FF), (0x20000, 0x3FFFF),
)  # fmt: skip


@functools.cache
def _char_timed_hint() -> re.Pattern[str]:
    # Compiled on the general path's first text: `re` takes ~3 ms over these blocks.
    return re.compile(
        "[" + "".join(f"{chr(first)}-{chr(last)}" for first, last in _CHAR_TIMED_BLOCKS) + "]"
    )


_KANA_HINT = re.compile(
    "[\u3031-\u3035\u303c\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f\U0001aff0-\U0001b16f]"
)
_SPACELESS_HINT = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u1950-\u1aaf\ua9e0-\ua9ff\uaa60-\uaadf"
    "\U00011700-\U0001174f]"
)
# Where `count_text` looks for Thai-like letters before reading a text's kinds.
_OPENING = 1024
_CONNECTOR_HINT = re.compile("[_\u203f\u2040\u2054\ufe33\ufe34\ufe4d-\ufe4f\uff3f]")
# A mark (or ZWJ/ZWNJ) only starts its own segment at the start of the text or
# after a line break; anywhere else UAX #29 attaches it to what precedes it.
_AFTER_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x85\u2028\u2029]+(.)", re.DOTALL)
# A URL glued to a word (``xhttps://``, ``a.www.``) is not a URL.
_NOT_GLUED = r"(?<![\w.+\-\u2010\u2011])"
_URL = re.compile(rf"""{_NOT_GLUED}(?:(?:https?|ftp)://|www\.)[^\s<>"]+""", re.IGNORECASE)
# Scanning with _URL itself costs ~20 ms per MB (IGNORECASE and a leading
# alternation keep `re` from skipping ahead), so these find the same URLs from
# a literal, which `re` finds at memchr speed: "://" after a scheme, or the "."
# of "www.".
_WWW_URL = re.compile(rf"""\.(?<={_NOT_GLUED}www\.)[^\s<>"]+""", re.IGNORECASE)


def _scheme_url(*, capture: bool) -> re.Pattern[str]:
    group = "(" if capture else "(?:"
    schemes = "|".join(
        f"(?<={_NOT_GLUED}{group}{scheme})://)" for scheme in ("https", "http", "ftp")
    )
    return re.compile(f"://(?:{schemes})" + r"""[^\s<>"]+""", re.IGNORECASE)


_SCHEME_URL = _scheme_url(capture=True)  # the group that matched holds the scheme
_SCHEME_URL_REST = _scheme_url(capture=False)  # for findall: "://" and the rest
_EMAIL_LOCAL = re.compile(r"(?<![\w.+\-])[\w.+\-]{1,64}\Z")
_EMAIL_DOMAIN = re.compile(r"@[\w\-]+(?:\.[\w\-]+)+")


def has_dictionary_segmenter() -> bool:
    """Whether PyICU is installed, so Thai, Lao, Khmer and Myanmar count in words.

    >>> isinstance(has_dictionary_segmenter(), bool)
    True
    """
    return _icu() is not None


def count_words(text: str, *, lang: str | None = None) -> int:
    """Count the words in plain text, the way a reader would.

    Spaced scripts count UAX #29 words (see the module notes for hyphens, URLs
    and e-mail addresses); Chinese and Japanese count one per character, and so
    do Thai, Lao, Khmer and Myanmar unless PyICU is installed. The script of each
    character decides, so mixed text adds both, and ``lang`` (a BCP 47 tag)
    never changes the count: even ICU picks its dictionary by script, not by
    language. It is accepted so callers can pass an article's language along.

    >>> count_words("Don't pay 3.14 for an e-mail, U.S. readers!")
    8
    >>> count_words("我们 love 東京")
    5

    Raises:
        ValidationError: ``text`` is not a string or ``lang`` not a string or None.
    """
    return count_text(text, lang=lang).total


def count_text(text: str, *, lang: str | None = None) -> TextCounts:
    """Count the words and the character-timed characters of plain text.

    >>> count_text("東京 news")
    TextCounts(words=1, han=2, kana=0, letters=0)

    Thai-like text depends on PyICU: ``count_text("ข่าว")`` is
    ``TextCounts(letters=3)`` without it and ``TextCounts(words=1)`` with it.

    Raises:
        ValidationError: ``text`` is not a string or ``lang`` not a string or None.
    """
    if not isinstance(text, str):
        raise ValidationError(f"expected a string, got {type(text).__name__}", path="text")
    if lang is not None and not isinstance(lang, str):
        raise ValidationError(
            f"expected a language tag or None, got {type(lang).__name__}", path="lang"
        )
    if "\u202f" in text:
        # French typography sets a narrow no-break space inside « » and before ; : ! ?.
        # UAX #29 glues it to the following word (it is ExtendNumLet), and a segment
        # starting with it would not count: read it as the space it is meant to be.
        text = text.replace("\u202f", " ")
    counts, kinds = _count_unlinked(text)
    return _collapse_links(text, counts, kinds)


def _count_plain(text: str) -> TextCounts:
    """Count ``text`` by the segment rules, without treating links specially."""
    return _count_unlinked(text)[0]


def _count_unlinked(text: str) -> tuple[TextCounts, bytes | None]:
    """`_count_plain`, and the kinds it counted from if it took the fast path."""
    # Thai-like text (it shows in the opening) goes straight to the dictionary
    # path when PyICU is installed, without reading kinds that would send it
    # there anyway. PyICU is only looked up (imported, the first time: ~5 ms)
    # for Thai-like text.
    icu = _icu() if _SPACELESS_HINT.search(text, 0, _OPENING) else None
    if icu is None:
        kinds = _fast_kinds(text)
        if kinds is not None:
            return _word_segments.count_kinds(kinds), kinds
        if _SPACELESS_HINT.search(text):
            icu = _icu()
    if icu is not None and (counts := _count_dictionary(icu, text)) is not None:
        return counts, None
    return _count_general(text), None


def _count_dictionary(icu: Any, text: str) -> TextCounts | None:
    """`_count_plain` with PyICU, taking ICU's words in one pass (see `_dictionary`).

    None where `_dictionary.split` leaves the text to `_count_general`.
    """
    # Only Thai-like text with PyICU installed gets here: its tables load on first use.
    from newspkg._readtime import dictionary as _dictionary  # noqa: PLC0415

    split = _dictionary.split(text)
    if split is None:
        return None
    kinds = split.rest_kinds
    if kinds is None:
        assert split.rest_text is not None  # given when the kinds are not
        rest = _count_general(split.rest_text, dictionary=False)
    else:
        # Kind " " (spaces, and the "#" of the runs: most of a Thai text) never
        # joins or counts, so one between two other kinds counts as many do;
        # split() drops them in C (no other kind is an ASCII whitespace byte).
        rest = _word_segments.count_kinds(b" ".join(kinds.split()))
    return rest + TextCounts(words=_dictionary.count_words(icu, split))


def _fast_kinds(text: str) -> bytes | None:
    """The kinds `_word_segments` counts ``text`` from, or None for the general path."""
    kinds = _word_segments.simple_kinds(text)
    # The fast path counts Thai-like letters as letters; with PyICU they may be words.
    if kinds is None or (b"T" in kinds and _icu() is not None):
        return None
    return kinds


@attrs.frozen
class _Segments:
    """The `regex` patterns of the general path, compiled on its first text.

    One pass counts every UAX #29 segment starting with a word character; the corrections
    are rare and each is guarded by a cheap test. Text that `_word_segments` can count (most
    bodies) never gets here, so a process that only counts such text never imports `regex`.
    """

    start: regex.Pattern[str]  # the start of every segment
    glued: regex.Pattern[str]  # character-timed letters that UAX #29 joins to words
    glued_start: regex.Pattern[str]  # ... and the segments they start
    # Segments made only of connector punctuation (``___``) start with \w but are not words.
    connector_only: regex.Pattern[str]
    # A hyphen (or the Hebrew maqaf, or the Armenian hyphen) between two word
    # characters joins them: the second segment is not a new word.
    hyphen_join: regex.Pattern[str]


@functools.cache
def _segments() -> _Segments:
    import regex  # noqa: PLC0415  (~10 ms to import, and these patterns ~5 ms to compile)

    return _Segments(
        start=regex.compile(r"(?w)\b\w"),
        glued=regex.compile(rf"(?V1)[{_LOGOGRAPHIC}&&\p{{Word_Break=ALetter}}]"),
        glued_start=regex.compile(rf"(?wV1)\b[{_LOGOGRAPHIC}&&\p{{Word_Break=ALetter}}]"),
        connector_only=regex.compile(r"(?w)\b\p{Pc}[\p{Pc}\p{M}\p{Cf}]*\b"),
        hyphen_join=regex.compile(
            rf"(?V1)[{_HYPHENS}](?<={_WORD_CHAR}\p{{M}}*[{_HYPHENS}])(?={_WORD_CHAR})"
        ),
    )


def _count_general(text: str, *, dictionary: bool = True) -> TextCounts:
    """`_count_plain` for any text: the reference that `_word_segments` must agree with.

    ``dictionary=False`` counts as if PyICU were not installed.
    """
    segments = _segments()
    han = kana = letters = glued = 0
    dictionary_words = dictionary_letters = 0
    if not text.isascii() and _char_timed_hint().search(text):
        classes = _classes()
        kana = sum(map(len, classes.kana.findall(text))) if _KANA_HINT.search(text) else 0
        if _SPACELESS_HINT.search(text):
            letters = sum(map(len, classes.spaceless.findall(text)))
        if letters and dictionary and (icu := _icu()) is not None:
            dictionary_words, dictionary_letters = _dictionary_counts(icu, text, classes)
        # Character-timed letters are UAX #29 "Other" (Katakana only joins
        # Katakana), so a run of them can stand in as one "#" (also Other, not
        # a word character): the word pass below then sees far less text.
        shorter, runs = classes.run.subn("#", text)
        han = len(text) - len(shorter) + runs - kana - letters
        letters -= dictionary_letters
        text = shorter
        if classes.glued_hint.search(text):
            # 々 and 〻 are word letters to UAX #29 (a々b is one segment): count
            # them as characters, and drop the segments they start.
            glued = len(segments.glued.findall(text))
            han += glued
            glued = len(segments.glued_start.findall(text))
    words = len(segments.start.findall(text)) - glued + dictionary_words
    if "-" in text or "\u2010" in text or "\u2011" in text or "\u05be" in text:
        words -= len(segments.hyphen_join.findall(text))
    if "_" in text or _CONNECTOR_HINT.search(text):
        words -= len(segments.connector_only.findall(text))
    if not text.isascii():
        starts = [text[0], *_AFTER_LINE_BREAK.findall(text)]
        words -= sum(1 for char in starts if _starts_alone(char))
    return TextCounts(words=words, han=han, kana=kana, letters=letters)


@attrs.frozen
class _Classes:
    """Standard-library patterns for the exact Unicode classes (``re`` scans faster)."""

    kana: re.Pattern[str]
    spaceless: re.Pattern[str]
    run: re.Pattern[str]  # any run of character-timed letters UAX #29 does not join to words
    glued_hint: re.Pattern[str]  # character-timed letters that UAX #29 joins to words
    dictionary: re.Pattern[str]  # runs of the characters ICU's dictionaries segment


@functools.cache
def _classes() -> _Classes:
    # Built once, on the first text that needs it: ~0.3 s of regex property
    # look-ups over the candidate blocks, instead of slow `regex` scans forever.
    candidates = "".join(
        chr(code) for first, last in _CHAR_TIMED_BLOCKS for code in range(first, last + 1)
    )

    import regex  # noqa: PLC0415  (only for text with character-timed letters)

    def char_class(pattern: str) -> str:
        codes = sorted({ord(char) for char in regex.findall(pattern, candidates)})
        spans: list[list[int]] = []
        for code in codes:
            if spans and spans[-1][1] == code - 1:
                spans[-1][1] = code
            else:
                spans.append([code, code])
        return "".join(
            re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in spans
        )

    loose = r"--\p{Word_Break=ALetter}"
    han = char_class(rf"(?V1)[[{_LOGOGRAPHIC}]{loose}]")
    kana = char_class(rf"(?V1)[[{_KANA}]{loose}]")
    spaceless = char_class(rf"(?V1)[[{_SPACELESS}]{loose}]")
    glued = char_class(rf"(?V1)[[{_LOGOGRAPHIC}]&&\p{{Word_Break=ALetter}}]")
    return _Classes(
        kana=re.compile(f"[{kana}]+"),
        spaceless=re.compile(f"[{spaceless}]+"),
        run=re.compile(f"[{han}{spaceless}]+"),
        glued_hint=re.compile(f"[{glued}]"),
        dictionary=re.compile(f"[{char_class(f'(?V1)[{_DICTIONARY}]')}]+"),
    )


def _starts_alone(char: str) -> bool:
    # After a line break a combining mark or joiner is a segment of its own,
    # which the segment starts counted because \w includes marks.
    return unicodedata.category(char).startswith("M") or char in "\u200c\u200d"


def _collapse_links(text: str, counts: TextCounts, kinds: bytes | None) -> TextCounts:
    """Count each URL and e-mail address in ``text`` as exactly one word.

    ``kinds``: the text's `_word_segments.simple_kinds`, if `count_text` counted
    from them.
    """
    if ":" not in text and "." not in text:
        # Every link holds one: "://", the dot of "www." or the dots of an address's
        # domain. Two character searches, where the link patterns scan the whole text.
        return counts
    if kinds is not None and "@" not in text:
        # Most texts with links hold only URLs of one form, counted here from
        # their text (findall builds no match objects) in one pass, as counts
        # add over a space. A scheme URL counts its scheme, one word, plus
        # "://…", so making it one word takes away the count of "://…". A www
        # URL is "www" and ".…", counted whole.
        scheme_rests = _SCHEME_URL_REST.findall(text)
        www_rests = _WWW_URL.findall(text)
        if not www_rests:
            return counts - _count_plain(" ".join(scheme_rests)) if scheme_rests else counts
        if not scheme_rests:
            alone = _count_plain("www" + " www".join(www_rests))
            return counts - alone + TextCounts(words=len(www_rests))
        # Both: a www URL inside another (https://www...) must not count twice.
    spans = _url_spans(text)
    if "@" in text:
        spans = _with_addresses(text, spans)
    if not spans:
        return counts
    if kinds is not None:
        # Each link counted alone, all in one pass: kinds do not depend on
        # context, and counts add over a space.
        alone = _word_segments.count_kinds(b" ".join([kinds[start:end] for start, end in spans]))
        return counts - alone + TextCounts(words=len(spans))
    # Pages repeat their links: each distinct one is counted once.
    links = collections.Counter(text[start:end] for start, end in spans)
    over = [(_link_counts(link), times) for link, times in links.items()]
    return TextCounts(
        words=counts.words - sum(link.words * times for link, times in over),
        han=counts.han - sum(link.han * times for link, times in over),
        kana=counts.kana - sum(link.kana * times for link, times in over),
        letters=counts.letters - sum(link.letters * times for link, times in over),
    )


def _with_addresses(text: str, url_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``url_spans`` and the spans of the e-mail addresses outside them, sorted."""
    found = list(url_spans)
    at = text.find("@")
    while at != -1:
        local = _EMAIL_LOCAL.search(text, max(0, at - 64), at)
        domain = _EMAIL_DOMAIN.match(text, at)
        if local is not None and domain is not None:
            found.append((local.start(), domain.end()))
        at = text.find("@", at + 1)
    spans = []
    end_of_last = -1
    for start, end in sorted(found):
        if start >= end_of_last:  # an address inside a URL (https://x.com/@me) is part of it
            spans.append((start, end))
            end_of_last = end
    return spans


def _url_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``_URL.finditer(text)``, found faster."""
    schemes = [
        (match.start(match.lastindex or 0), match.end()) for match in _SCHEME_URL.finditer(text)
    ]
    wwws = [(match.start() - 3, match.end()) for match in _WWW_URL.finditer(text)]
    if not wwws or not schemes:
        # Each list is sorted and apart: a URL ends at the first space, <, > or
        # ", and the next one's "www" or scheme cannot start before that.
        return schemes or wwws
    spans = []
    end_of_last = 0
    # URLs that overlap end together, and finditer keeps the first.
    for start, end in sorted(schemes + wwws):
        if start >= end_of_last:
            spans.append((start, end))
            end_of_last = end
    return spans


@functools.lru_cache(maxsize=1024)
def _link_counts(link: str) -> TextCounts:
    """What counting ``link`` by the segment rules over-counts (sites repeat links)."""
    return _count_plain(link) - TextCounts(words=1)


@functools.cache
def _icu() -> Any | None:
    # Cached: a failed import searches sys.path again on every attempt.
    try:
        import icu  # noqa: PLC0415  (optional dependency, looked up when needed)
    except ImportError:
        return None
    return icu


def _dictionary_counts(icu: Any, text: str, classes: _Classes) -> tuple[int, int]:
    """The words ICU finds in the Thai, Lao, Khmer and Myanmar runs of ``text``, and their letters.

    ICU picks the dictionary by script (the locale changes nothing here), and
    each run is segmented alone, so counts still add up over spaces.
    """
    breaker = icu.BreakIterator.createWordInstance(icu.Locale.getRoot())
    # ICU's UWordBreak tags: 0-99 "none" (spaces, punctuation, marks), 100 and up
    # numbers, letters, kana, ideographs. A segment must also hold a letter, as
    # elsewhere: ICU tags a lone Myanmar symbol (So) as a letter word.
    is_word = icu.UWordBreak.NONE_LIMIT
    words = letters = 0
    for run in classes.dictionary.findall(text):
        run_letters = sum(map(len, classes.spaceless.findall(run)))
        if not run_letters:
            continue  # marks or symbols only
        letters += run_letters
        # ICU's offsets are UTF-16 code units; these scripts are all in the BMP
        # (tests check it), so they are Python indices too.
        breaker.setText(run)
        start = 0
        for end in breaker:
            if breaker.getRuleStatus() >= is_word and classes.spaceless.search(run, start, end):
                words += 1
            start = end
    return words, letters
