from __future__ import annotations

import ast
import importlib.util
import random
import re
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from newspkg import count_words
from newspkg._readtime import dictionary as _dictionary
from newspkg._readtime import kind_table
from newspkg._readtime import word_segments as _word_segments
from newspkg._readtime.word_segments import DICTIONARY as _DICTIONARY
from newspkg._readtime.word_segments import KANA as _KANA
from newspkg._readtime.word_segments import LOGOGRAPHIC as _LOGOGRAPHIC
from newspkg._readtime.word_segments import SPACELESS as _SPACELESS
from newspkg._readtime.words import (
    _KANA_HINT,
    _SPACELESS_HINT,
    _URL,
    TextCounts,
    _char_timed_hint,
    _classes,
    _collapse_links,
    _count_dictionary,
    _count_general,
    _count_plain,
    _fast_kinds,
    _icu,
    _url_spans,
    count_text,
    has_dictionary_segmenter,
)
from newspkg.errors import ValidationError
from tests.strategies import any_text, prose, word_tokens

no_icu = pytest.mark.skipif(has_dictionary_segmenter(), reason="PyICU segments Thai into words")
icu_only = pytest.mark.skipif(not has_dictionary_segmenter(), reason="PyICU is not installed")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("", 0, id="empty"),
        pytest.param(" \n\t ", 0, id="whitespace"),
        pytest.param("... — !? « »", 0, id="punctuation never counts"),
        pytest.param("don't", 1, id="contraction"),
        pytest.param("3.14", 1, id="decimal"),
        pytest.param("1,000", 1, id="thousands"),
        pytest.param("U.S.", 1, id="abbreviation"),
        pytest.param("e-mail", 1, id="hyphen joins"),
        pytest.param("well-known state-of-the-art", 2, id="hyphen chains"),
        pytest.param("2020-2024", 1, id="number range"),
        pytest.param("yes—no", 2, id="em dash separates"),
        pytest.param("and/or", 2, id="slash separates"),
        pytest.param("a - b", 2, id="spaced hyphen"),
        pytest.param("https://example.com/a-b?x=1", 1, id="URL"),
        pytest.param("xhttps://example.com", 2, id="URL glued to a word is not a URL"),
        # xhttps | www.example.org/a/b: the www link inside the glued one still counts once
        pytest.param("xhttps://www.example.org/a/b", 2, id="link inside a glued URL"),
        pytest.param("seewww.example.org/a/b", 3, id="www glued to a word is not a URL"),
        pytest.param("(see www.example.org/path).", 2, id="www URL"),
        pytest.param("WWW.Example.org/news/today", 1, id="www URL in capitals"),
        pytest.param("me.you+tag@example.co.uk", 1, id="e-mail address"),
        pytest.param("Great 😀 👍🏽 🇫🇷 job", 2, id="emoji"),
        pytest.param("___ a_b", 1, id="underscores"),
        pytest.param("foo_bar(baz)", 2, id="code"),
        pytest.param("x² Ⅻ", 2, id="superscript and roman numeral"),
        pytest.param("\u0301abc", 1, id="leading combining mark"),
        pytest.param("cafe\u0301 au lait", 3, id="decomposed accent"),
        # English: The, U.S., e-mail, didn't, cost, 3.14, or, 1,000, dollars
        pytest.param("The U.S. e-mail didn't cost 3.14 or 1,000 dollars.", 9, id="en"),
        # German: Die, Straße, ist, 3,5, km, lang, das, weiß, jeder
        pytest.param("Die Straße ist 3,5 km lang \u2013 das weiß jeder.", 9, id="de"),
        # French: elision keeps L'homme and qu'on whole; c'est-à-dire is one hyphenated word
        pytest.param("L'homme qu'on aime, c'est-à-dire aujourd'hui.", 5, id="fr"),
        # Spanish: inverted marks are punctuation
        pytest.param("¿Dónde está el año 2024? ¡Aquí!", 6, id="es"),
        # Russian: Привет, мир, Это, 2-й, тест
        pytest.param("Привет, мир! Это 2-й тест.", 5, id="ru"),
        # Arabic: four space-separated words, the Arabic comma is punctuation
        pytest.param("مرحبا بالعالم، هذا اختبار.", 4, id="ar"),
        # Hebrew: the maqaf joins like a hyphen (בית־ספר is one word)
        pytest.param("שלום עולם, זה בית־ספר.", 4, id="he"),
        # Chinese: 7 characters, the full stop does not count
        pytest.param("我爱北京天安门。", 7, id="zh"),
        # Japanese: 東京 (2) タワー (3) はとても (4) 高 (1) いです (3)
        pytest.param("東京タワーはとても高いです。", 13, id="ja"),
        # Korean is spaced: four words, not fourteen syllables
        pytest.param("한국어 문장은 띄어쓰기를 합니다.", 4, id="ko"),
        # Mixed: 我们用 (3) Python (1) 3.11 (1) 写代码 (3)
        pytest.param("我们用 Python 3.11 写代码", 8, id="zh+latin"),
    ],
)
def test_count_words(text: str, expected: int) -> None:
    assert expected == count_words(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Tokyo 東京 とうきょう", TextCounts(words=1, han=2, kana=5), id="ja"),
        # コ ー ヒ ー を are kana (the prolonged sound mark too), 飲 is Han, む kana
        pytest.param("コーヒーを飲む", TextCounts(han=1, kana=6), id="katakana run"),
        pytest.param("我们用 Python", TextCounts(words=1, han=3), id="zh"),
        pytest.param("東京、大阪。", TextCounts(han=4), id="CJK punctuation"),
        # 々 is a word letter to UAX #29: a character, and never a word of its own
        pytest.param("人々 a々b", TextCounts(words=1, han=3), id="iteration mark"),
        pytest.param("_カ a_カ", TextCounts(words=1, kana=2), id="katakana after underscore"),
        # a | https://x.com/1 | b | https://y.org/東京 (its Han is part of the link) | me@x.org
        pytest.param(
            "a https://x.com/1 b https://y.org/東京 me@x.org", TextCounts(words=5), id="links"
        ),
    ],
)
def test_count_text(text: str, expected: TextCounts) -> None:
    assert expected == count_text(text)


_WITHOUT_DICTIONARY = [
    # ภ า ษ า ไ ท ย ง า ย ม า ก: 13 letters; the tone mark ่ belongs to ง
    pytest.param("ภาษาไทยง่ายมาก", TextCounts(letters=13), id="th"),
    pytest.param("ข่าว news", TextCounts(words=1, letters=3), id="th+latin"),
    # ພ າ ສ າ ລ າ ວ ງ າ ຍ: 10 letters; the tone mark ່ belongs to ງ
    pytest.param("ພາສາລາວງ່າຍ", TextCounts(letters=10), id="lo"),
    # ខ ញ ស រ ឡ ញ: 6 letters; the coeng ្ (which writes the next letter below: ញ under ខ,
    # រ under ស), the vowel signs and the bantoc ់ are marks
    pytest.param("ខ្ញុំស្រឡាញ់", TextCounts(letters=6), id="km"),
    # မ န မ: 3 letters; the medial ြ, the vowel ာ and the asat ် are marks
    pytest.param("မြန်မာ", TextCounts(letters=3), id="my"),
]


@no_icu
@pytest.mark.parametrize(("text", "expected"), _WITHOUT_DICTIONARY)
def test_thai_without_dictionary_counts_letters(text: str, expected: TextCounts) -> None:
    assert expected == count_text(text)


@pytest.mark.parametrize(("text", "expected"), _WITHOUT_DICTIONARY)
def test_thai_without_dictionary_counts_letters_even_with_pyicu(
    text: str, expected: TextCounts
) -> None:
    # The counts count_text gives without PyICU, checked where PyICU is installed too.
    assert expected == _count_general(text, dictionary=False)


@icu_only
def test_thai_with_dictionary_counts_words() -> None:
    # ภาษา | ไทย | ง่าย | มาก
    assert TextCounts(words=4) == count_text("ภาษาไทยง่ายมาก", lang="th")


@icu_only
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Thai is very easy": ภาษา (language) | ไทย (Thai) | ง่าย (easy) | มาก (very)
        pytest.param("ภาษาไทยง่ายมาก", TextCounts(words=4), id="th"),
        # "News" and an English word: ข่าว (news) | news
        pytest.param("ข่าว news", TextCounts(words=2), id="th+latin"),
        # "Thai is a tonal language": ภาษา | ไทย | เป็น (is) | ภาษา | ที่ (that) | มี (has)
        # | วรรณยุกต์ (tones)
        pytest.param("ภาษาไทยเป็นภาษาที่มีวรรณยุกต์", TextCounts(words=7), id="th sentence"),
        # "Lao is the official language": ພາສາ (language) | ລາວ (Lao) | ເປັນ (is) | ພາສາ
        # | ທາງການ (official)
        pytest.param("ພາສາລາວເປັນພາສາທາງການ", TextCounts(words=5), id="lo"),
        # "I love the Khmer language": ខ្ញុំ (I) | ស្រឡាញ់ (love) | ភាសាខ្មែរ (the Khmer
        # language: one entry in ICU's Khmer dictionary, so one word)
        pytest.param("ខ្ញុំស្រឡាញ់ភាសាខ្មែរ", TextCounts(words=3), id="km"),
        # "I can speak Burmese": ကျွန်တော် (I) | မြန်မာ (Burmese) | စကားပြော (speak, one
        # dictionary entry) | တတ် (can) | တယ် (sentence ending)
        pytest.param("ကျွန်တော်မြန်မာစကားပြောတတ်တယ်", TextCounts(words=5), id="my"),
        # Thai and Lao in one text: ภาษา | ไทย | ง่าย | มาก, then ພາສາ | ລາວ
        pytest.param("ภาษาไทยง่ายมาก ພາສາລາວ", TextCounts(words=6), id="th+lo"),
        # ICU has no Tai Tham dictionary: its letters stay letters
        pytest.param("ᨠᨡᨣ ภาษา", TextCounts(words=1, letters=3), id="tai tham"),
        # A Myanmar symbol alone is no word, though ICU tags it as one
        pytest.param("\u109e ภาษา", TextCounts(words=1), id="symbol"),
        # A tone mark after a Latin letter belongs to that letter's word
        pytest.param("a\u0e48 ก", TextCounts(words=2), id="mark after latin"),
    ],
)
# The language tag never changes the count: ICU picks its dictionary by script.
@pytest.mark.parametrize("lang", [None, "th", "km", "en"])
def test_dictionary_counts_words(text: str, expected: TextCounts, lang: str | None) -> None:
    assert expected == count_text(text, lang=lang)


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [({"text": b"bytes"}, "text"), ({"text": "x", "lang": 1}, "lang")],
)
def test_bad_arguments_raise_validation_error(kwargs: dict[str, object], path: str) -> None:
    with pytest.raises(ValidationError) as info:
        count_words(**kwargs)  # type: ignore[arg-type]
    assert [path] == [problem.path for problem in info.value.problems]


def test_counts_add() -> None:
    assert TextCounts(words=3, han=1, kana=2, letters=4) == TextCounts(
        words=1, kana=2
    ) + TextCounts(words=2, han=1, letters=4)


@given(any_text(), any_text())
def test_counts_are_additive_over_a_joining_space(a: str, b: str) -> None:
    assert count_text(a) + count_text(b) == count_text(a + " " + b)


def test_links_in_capitals_are_links_in_any_company() -> None:
    # "WWW." once escaped the check for links unless another link was near.
    a, b = "WWW.example.com/a/b", "www.x.org"
    assert count_text(a) + count_text(b) == count_text(a + " " + b)


# Thai, Lao, Khmer, Myanmar and Tai Tham pieces, marks and symbols, glued or spaced,
# so that dictionary runs start, end and split in every way.
_SPACELESS_PIECES = [
    "ภาษา", "ไทย", "ง่าย", "มาก", "ข่าว", "\u0e48", "ๆ", "ฯ", "ພາສາ", "ລາວ", "ខ្ញុំ", "ស្រឡាញ់",
    "မြန်မာ", "\u109e", "\u104f", "ᨠᨡ", "a", "1", "-", ".", "東", " ", "\n", "@x.com",
]  # fmt: skip
_spaceless_text = st.lists(st.sampled_from(_SPACELESS_PIECES), max_size=12).map("".join)


@given(_spaceless_text, _spaceless_text)
def test_thai_like_counts_are_additive_over_a_joining_space(a: str, b: str) -> None:
    assert count_text(a) + count_text(b) == count_text(a + " " + b)


@given(any_text())
def test_counts_are_never_negative(text: str) -> None:
    counts = count_text(text)
    assert min(counts.words, counts.han, counts.kana, counts.letters) >= 0


@given(prose(), word_tokens())
def test_adding_a_word_never_lowers_the_count(text: str, word: str) -> None:
    assert count_words(text + " " + word) >= count_words(text)


@given(st.lists(st.sampled_from(["alpha", "beta", "don't", "3.14", "e-mail"]), max_size=50))
def test_simple_words_count_one_each(words: list[str]) -> None:
    assert len(words) == count_words(" ".join(words))


def _all_characters() -> str:
    return "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)


@pytest.mark.parametrize(
    ("exact", "hint"),
    [
        pytest.param(rf"(?V1)[{_LOGOGRAPHIC}]", _char_timed_hint(), id="logographic"),
        pytest.param(rf"(?V1)[{_SPACELESS}]", _char_timed_hint(), id="spaceless"),
        pytest.param(rf"(?V1)[{_KANA}]", _char_timed_hint(), id="kana"),
        pytest.param(rf"(?V1)[{_SPACELESS}]", _SPACELESS_HINT, id="spaceless own hint"),
        pytest.param(rf"(?V1)[{_KANA}]", _KANA_HINT, id="kana own hint"),
    ],
)
def test_prefilters_cover_the_exact_classes(exact: str, hint: re.Pattern[str]) -> None:
    # The fast standard-library pre-filters must be supersets of the Unicode classes.
    missed = [char for char in regex.findall(exact, _all_characters()) if not hint.match(char)]
    assert [f"U+{ord(char):04X}" for char in missed] == []


# --- the fast path (newspkg._readtime.word_segments) against the general one ---
# Pieces on every edge the rules have: each kind of character, the joining
# punctuation between letters and digits, and links; then characters that are
# not simple (marks, joiners, Hebrew, emoji beyond the BMP) so the fallback is hit.
_SIMPLE_PIECES = [
    *"aZ09é ßłωЖ١_\u202f'’‘.,;:·-\u2010\u2011—/#@(\u00a0 \n\t\r",
    *"東カひーก、。\uff0c\uff0e\uff3f\uff21\uff11\u3000",
    "don't", "3.14", "1,000", "e-mail", "U.S.", "a.b.c", "1.2.3", "a:b", "10:30", "x-1",
    "https://example.com/a-b?x=1", "HTTPS://x.y", "www.example.org", "me@example.com", "\r\n",
]  # fmt: skip
_PIECES = [*_SIMPLE_PIECES, *"々\u0301\u200d\u200b\u00adא😀"]


def _pieces_text() -> st.SearchStrategy[str]:
    glued = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)
    tokens = st.lists(st.sampled_from(_SIMPLE_PIECES), min_size=1, max_size=4).map("".join)
    spaced = st.lists(tokens, max_size=12).map(" ".join)
    return st.one_of(glued, spaced)


def _fast_or_general(text: str) -> TextCounts:
    fast = _word_segments.count(text)
    return _count_general(text, dictionary=False) if fast is None else fast


@given(st.one_of(_pieces_text(), any_text(), _spaceless_text))
def test_fast_path_agrees_with_the_general_path(text: str) -> None:
    # The fast path counts Thai-like letters as letters, as the general path does
    # without PyICU; with PyICU, count_text defers to the general path (tested below).
    fast = _word_segments.count(text)
    if fast is None:
        return  # count_text takes the general path
    expected = _count_general(text, dictionary=False)
    assert expected == fast


@given(st.one_of(_pieces_text(), any_text(), _spaceless_text))
def test_plain_counts_are_the_general_path_with_or_without_pyicu(text: str) -> None:
    assert _count_general(text) == _count_plain(text)


@given(st.one_of(_pieces_text(), any_text()))
def test_links_over_count_from_kinds_is_the_recount(text: str) -> None:
    # count_text takes what links over-count from the kinds it counted the text
    # from; the general path recounts each link's text.
    kinds = _fast_kinds(text)
    if kinds is None:
        return
    counts = _count_plain(text)
    assert _collapse_links(text, counts, None) == _collapse_links(text, counts, kinds)


# Links glued, nested, repeated and mixed, from pieces that are all simple, so
# every example takes the fast path and its findall shortcut where it applies.
_LINK_PIECES = [
    "http", "HTTPS", "hTtP\u017f", "ftp", "www", "WwW", "://", ".", "x", " ", "-", "_", "'",
    "@", "/a", "東", "https://example.com/a-b?x=1", "www.example.org", "me@example.com",
]  # fmt: skip


@given(st.lists(st.sampled_from(_LINK_PIECES), max_size=16).map("".join))
def test_links_counted_from_their_text_are_the_links_counted_by_position(text: str) -> None:
    kinds = _fast_kinds(text)
    assert kinds is not None
    counts = _count_plain(text)
    assert _collapse_links(text, counts, None) == _collapse_links(text, counts, kinds)


def test_dictionary_runs_are_exact_and_in_the_bmp() -> None:
    # Built from the candidate blocks only; ICU's offsets are UTF-16 code units,
    # which equal Python's indices only inside the BMP.
    exact = regex.findall(f"(?V1)[{_DICTIONARY}]", _all_characters())
    assert exact
    assert "".join(exact) == "".join(_classes().dictionary.findall(_all_characters()))
    assert max(map(ord, exact)) < 0x10000


# --- Thai-like words from one ICU pass (newspkg._readtime.dictionary) against the
# run-by-run count of _count_general ---
# Dictionary words and letters of the four scripts, marks and symbols after them (and
# alone, so some runs start with one), and everything a run can touch: Latin, digits,
# Thai digits, joiners, hyphens, connectors, line breaks, CJK, Tai Tham, links, emoji.
_DICTIONARY_PIECES = [
    "ภาษา", "ไทย", "ง่าย", "มาก", "ข่าว", "รัฐบาล", "เลือกตั้ง", "ก", "น้ำ", "ๆ", "ฯ",
    "ก\u0e48", "\u0e48", "ພາສາ", "ລາວ", "ເປັນ", "ខ្ញុំ", "ស្រឡាញ់", "ភាសាខ្មែរ", "មែ",
    "မြန်မာ", "ကျွန်တော်", "တယ်", "က\u109e", "\u109e", "\u104f", "ꧠ", "ꩠ", "ᨠᨡ",
    "a", "Z", "1", "๑๒", "-", "_", ".", ",", "'", ":", "(", ")", " ", " ", "\n", "\r\n",
    "\u00a0", "\u202f", "\u200b", "\u200d", "\u00ad", "\u0301", "東", "カ", "😀", "א",
    "COVID-19", "@x.com", "https://x.th/ข่าว", "www.ไทย.th",
]  # fmt: skip
_dictionary_text = st.one_of(
    st.lists(st.sampled_from(_DICTIONARY_PIECES), max_size=30).map("".join),
    st.lists(
        st.lists(st.sampled_from(_DICTIONARY_PIECES[:28]), min_size=1, max_size=5).map("".join),
        max_size=10,
    ).map(" ".join),
)


@icu_only
@given(st.one_of(_dictionary_text, _spaceless_text, _pieces_text(), any_text()))
def test_one_icu_pass_counts_what_the_runs_count_one_by_one(text: str) -> None:
    icu = _icu()
    counts = _count_dictionary(icu, text)
    if counts is not None:
        assert _count_general(text) == counts


@icu_only
@given(_dictionary_text)
def test_segments_starting_with_a_letter_are_words_to_icu(text: str) -> None:
    # What count_words takes for granted instead of asking ICU for each segment:
    # in the ICU text, a segment that starts with a dictionary letter has ICU's
    # word status, and one that starts with a space holds no letter.
    split = _dictionary.split(text)
    if split is None:
        return
    icu = _icu()
    assert icu is not None
    breaker = icu.BreakIterator.createWordInstance(icu.Locale.getRoot())
    breaker.setText(split.icu_text)
    start = 0
    for end in breaker:
        first = split.classes[start]
        if first == _dictionary.CLASS_LETTER:
            assert breaker.getRuleStatus() >= icu.UWordBreak.NONE_LIMIT
        elif first == 0:
            assert _dictionary.CLASS_LETTER not in split.classes[start:end]
        start = end


def _thai_news(size: int) -> str:
    """Phrases of Thai dictionary words between spaces, some digits and Latin."""
    rng = random.Random(11)
    phrases: list[str] = []
    while sum(map(len, phrases)) < size:
        phrase = "".join(rng.choices(_DICTIONARY_PIECES[:10], k=rng.randint(2, 6)))
        phrases.append(phrase + rng.choice(["", "", " 2024", " COVID-19"]))
    return " ".join(phrases)


@icu_only
@pytest.mark.parametrize(
    "text",
    [
        pytest.param(_thai_news(5_000), id="like the benchmark"),
        pytest.param("ภาษาไทยง่ายมาก ພາສາລາວ ខ្ញុំស្រឡាញ់ភាសាខ្មែរ မြန်မာ", id="four scripts"),
        pytest.param("ข่าว(ไทย) COVID-19, ปี2024\nรัฐบาล—ประกาศ 😀 東京", id="mixed"),
        pytest.param("มาก\u109e က\u109e", id="symbols after letters"),
    ],
)
def test_thai_like_text_takes_one_icu_pass(text: str) -> None:
    # Otherwise the differential test above would pass by never using it.
    counts = _count_dictionary(_icu(), text)
    assert counts is not None
    assert _count_general(text) == counts == _count_plain(text)


@pytest.mark.parametrize(
    ("text", "split"),
    [
        pytest.param("ก\u0e48 ภาษา", True, id="mark after a letter"),
        pytest.param("က\u109e", True, id="symbol after a letter"),
        pytest.param("\u0e48ก", False, id="mark at the start"),
        pytest.param("ก a\u0e48ก", False, id="mark after a Latin letter"),
        pytest.param("ก\n\u0e48", False, id="mark after a line break"),
        pytest.param("ก \u109e", False, id="symbol after a space"),
        pytest.param("news", False, id="no dictionary character"),
        pytest.param("\u0e51\u0e52", False, id="Thai digits only"),
        pytest.param("ก\ud800", False, id="lone surrogate"),
    ],
)
def test_runs_starting_with_a_mark_or_symbol_are_counted_run_by_run(text: str, split: bool) -> None:
    assert split == (_dictionary.split(text) is not None)


def _in_code_page(piece: str) -> bool:
    try:
        piece.encode("cp874")
    except UnicodeEncodeError:
        return False
    return True


# The code page's characters, each between Thai letters, after one and alone.
_CODE_PAGE_CHARACTERS = [
    char for char in map(chr, range(0x10000)) if _in_code_page(char) and char != "\ufffd"
]
# Thai pieces and what code page 874 holds besides: ASCII with its controls, Thai
# digits and signs that are not in the runs, curly quotes, dashes, the euro sign...
_CODE_PAGE_PIECES = [
    *filter(_in_code_page, _DICTIONARY_PIECES),
    *"\u0e3f\u0e4f\u0e5a\u2019\u201c\u2026\u20ac\u2013\u2022\x0b\t\x00\x7f",
]


@pytest.mark.parametrize("template", ["ก{}ข", "ก{}", "{}", " {}ก"])
def test_code_page_split_is_the_code_unit_split_for_every_character(template: str) -> None:
    tables = _dictionary._code_page_tables()
    assert tables is not None  # every character of the code page is simple outside runs
    assert len(_CODE_PAGE_CHARACTERS) > 200
    for char in _CODE_PAGE_CHARACTERS:
        text = template.format(char)
        split = _dictionary._split_code_page(text.encode("cp874"), tables)
        assert split == _dictionary._split_units(text), text


@given(st.lists(st.sampled_from(_CODE_PAGE_PIECES), max_size=30).map("".join))
def test_code_page_split_is_the_code_unit_split(text: str) -> None:
    # Thai text that code page 874 encodes is split one byte per character.
    tables = _dictionary._code_page_tables()
    assert tables is not None
    assert _dictionary._split_code_page(text.encode("cp874"), tables) == (
        _dictionary._split_units(text)
    )


@icu_only
def test_thai_news_is_split_in_its_code_page(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _thai_news(5_000) + " \u201cข่าว\u201d \u20ac5\u2026"
    expected = _count_general(text)

    def not_taken(text: str) -> None:
        raise AssertionError("split from code units")

    monkeypatch.setattr(_dictionary, "_split_units", not_taken)
    assert _count_dictionary(_icu(), text) == expected


class _FakeBreaker:
    """A break iterator with given boundaries and rule statuses (keyed by boundary)."""

    def __init__(self, statuses: dict[int, int]) -> None:
        self.statuses = statuses
        self.current = 0

    def setText(self, text: str) -> None:  # noqa: N802 (ICU's name)
        assert max(self.statuses) == len(text)

    def __iter__(self) -> Iterator[int]:
        return iter(sorted(self.statuses))

    def following(self, offset: int) -> int:
        self.current = min(end for end in self.statuses if end > offset)
        return self.current

    def getRuleStatus(self) -> int:  # noqa: N802 (ICU's name)
        return self.statuses[self.current]


@pytest.mark.parametrize(
    ("statuses", "words"),
    [
        pytest.param({1: 200, 3: 200}, 2, id="a mark starts a word"),
        pytest.param({1: 200, 3: 0}, 1, id="a mark starts a segment ICU calls no word"),
        pytest.param({1: 200, 2: 200, 3: 200}, 2, id="a mark alone is no word"),
    ],
)
@pytest.mark.parametrize("batch", [1, 2, 4096])
def test_segments_starting_with_a_mark_are_checked_one_by_one(
    statuses: dict[int, int], words: int, batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ICU 72 never starts a segment with a mark or symbol inside a run (300,000
    # random runs tried), so a stand-in iterator does, after the letter of ก\u0e48ข.
    fake = SimpleNamespace(
        BreakIterator=SimpleNamespace(createWordInstance=lambda locale: _FakeBreaker(statuses)),
        Locale=SimpleNamespace(getRoot=lambda: None),
        UWordBreak=SimpleNamespace(NONE_LIMIT=100),
    )
    monkeypatch.setattr(_dictionary, "_BATCH", batch)
    split = _dictionary.split("ก\u0e48ข")
    assert split is not None
    assert words == _dictionary.count_words(fake, split)


@icu_only
@given(_dictionary_text, st.integers(1, 5))
def test_boundaries_count_the_same_in_batches_of_any_size(text: str, batch: int) -> None:
    # count_words takes ICU's boundaries in batches: a segment's start may be the last
    # boundary of the batch before.
    split = _dictionary.split(text)
    if split is None:
        return
    icu = _icu()
    whole = _dictionary.count_words(icu, split)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_dictionary, "_BATCH", batch)
        assert _dictionary.count_words(icu, split) == whole


@icu_only
def test_thai_after_the_opening_is_found() -> None:
    text = "news " * 300 + "ภาษาไทยง่ายมาก"
    assert TextCounts(words=304) == count_text(text) == _count_general(text)


def test_dictionary_blocks_hold_every_dictionary_character() -> None:
    exact = regex.findall(f"(?V1)[{_DICTIONARY}]", _all_characters())
    assert sorted({ord(char) >> 8 for char in exact}) == list(_dictionary.BLOCKS)
    tables = _dictionary._tables()
    letters = set("".join(_classes().spaceless.findall(_all_characters())))
    assert {
        char: _dictionary.CLASS_LETTER if char in letters else _dictionary.CLASS_OTHER
        for char in exact
    } == {
        chr(block << 8 | low): kind
        for block, (classes, _select) in tables.items()
        for low, kind in enumerate(classes)
        if kind
    }


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The U.S. e-mail didn't cost 3.14 or 1,000 dollars.\n", id="ascii"),
        pytest.param("Die Straße ist 3,5 km lang \u2013 das weiß jeder.", id="typographic"),
        pytest.param("It\u2019s \u201cfine\u201d \u2014 1\u202f000 km", id="curly quotes"),
        pytest.param("我们用 Python 3.11 写代码。東京タワーはとても高いです。", id="cjk"),
        pytest.param("Привет, мир! 한국어 문장은", id="cyrillic and hangul"),
    ],
)
def test_fast_path_takes_common_text(text: str) -> None:
    # Otherwise the differential test above would pass by never using it.
    fast = _word_segments.count(text)
    assert fast is not None
    assert fast == _count_general(text, dictionary=False)


@pytest.mark.parametrize(
    ("char", "kind"),
    [
        ("a", b"a"), ("\u00e9", b"a"), ("\u0142", b"a"), ("\uac00", b"a"), ("7", b"1"),
        ("\uff11", b"1"), ("_", b"_"), ("\u203f", b"_"), ("\u202f", b"e"), (":", b":"),
        ("\u00b7", b":"), (",", b","), (";", b","), ("\uff0c", b","), (".", b"."), ("'", b"."),
        ("\u2019", b"."), ("-", b"-"), ("\u2010", b"-"), (" ", b" "), ("\n", b" "),
        ('"', b" "), ("\u2014", b" "), ("\u3002", b" "), ("\u6771", b"H"), ("\u30ab", b"K"),
        ("\u30fc", b"K"), ("\u0e01", b"T"), ("\u3005", b"X"), ("\u0301", b"X"),
        ("\u200d", b"X"), ("\u200b", b"X"), ("\u00ad", b"X"), ("\u05d0", b"X"),
        ("\u058a", b"X"), ("\u309b", b"X"), ("\U0001f600", None),
    ],
)  # fmt: skip
def test_kinds_of_characters(char: str, kind: bytes | None) -> None:
    assert kind == _word_segments._kinds(char)


def _bmp_kinds() -> list[tuple[str, int]]:
    """Every BMP character but surrogates, with its kind."""
    return [
        (chr(code), _word_segments._block_kinds(code >> 8)[code & 0xFF])
        for code in range(0x10000)
        if not 0xD800 <= code <= 0xDFFF
    ]


def _kind_table_script() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "scripts" / "generate_kind_table.py"
    spec = importlib.util.spec_from_file_location("generate_kind_table", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_OTHER_REGEX = pytest.mark.skipif(
    regex.__version__ != kind_table.REGEX_VERSION,
    reason=f"the kind table was generated with regex {kind_table.REGEX_VERSION}, not the "
    f"installed {regex.__version__}, so it is not used (kinds are read live; the first count "
    "in a process is slower): run scripts/generate_kind_table.py",
)


def _deflate_differently(data: bytes, _level: int) -> bytes:
    """Valid zlib data for ``data``, other bytes than this zlib's level 9 (as zlib-ng gives)."""
    packer = zlib.compressobj(6, zlib.DEFLATED, 15, 9, zlib.Z_FILTERED)
    return packer.compress(data) + packer.flush()


def _without_payload(module_text: str) -> str:
    return re.sub(r'^    "[0-9a-f]+"\n', "", module_text, flags=re.MULTILINE)


def _tables_of(module_text: str) -> dict[str, bytes]:
    """The decompressed tables a kind-table module holds, by name."""
    tables = {}
    for statement in ast.parse(module_text).body:
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            value = ast.literal_eval(statement.value) if statement.value else None
            if statement.target.id != "REGEX_VERSION" and isinstance(value, str):
                tables[statement.target.id] = zlib.decompress(bytes.fromhex(value))
    return tables


@_OTHER_REGEX
@pytest.mark.parametrize("deflate", ["this zlib", "another deflate"])
def test_kind_table_is_what_the_script_writes_from_the_live_properties(
    deflate: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Counts read kinds and dictionary classes from the precomputed table, so it must be
    # exactly what the live computation gives (each block read from regex's properties).
    # The tables are compared, not their compressed bytes: another zlib (zlib-ng, a newer
    # release) may compress the same bytes differently, and CI must not fail for that.
    script = _kind_table_script()
    if deflate != "this zlib":
        monkeypatch.setattr(script.zlib, "compress", _deflate_differently)
    written = Path(kind_table.__file__).read_text(encoding="utf-8")
    rendered = script.render()

    assert _without_payload(rendered) == _without_payload(written)
    assert _tables_of(rendered) == _tables_of(written)
    assert sorted(_tables_of(written)) == ["DICTIONARY_CLASSES", "KINDS"]


@_OTHER_REGEX
def test_kind_table_is_used_with_the_regex_it_was_made_for() -> None:
    # With another regex release the table is ignored (counts stay right; see the skip).
    assert _word_segments._bmp_kinds() is not None


def test_without_the_table_kinds_are_read_live(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kind_table, "REGEX_VERSION", "another release")
    caches = (_word_segments._bmp_kinds, _word_segments._block_kinds, _dictionary._tables)
    for cache in caches:
        cache.cache_clear()
    try:
        assert _word_segments._bmp_kinds() is None
        assert _word_segments._block_kinds(0x0E) == _word_segments.live_block_kinds(0x0E)
        assert _dictionary._tables()[0x0E][0] == _dictionary.live_block_classes(0x0E)
    finally:
        monkeypatch.undo()
        for cache in caches:
            cache.cache_clear()


@given(_pieces_text())
def test_kinds_of_a_text_are_the_kinds_of_its_characters(text: str) -> None:
    # _kinds merges the tables of several blocks in one pass of integer sums.
    kinds = _word_segments._kinds(text)
    if kinds is not None:
        assert [_word_segments._kinds(char) for char in text] == [bytes([kind]) for kind in kinds]


@pytest.mark.parametrize("kept_up_to", [0, 5, 1 << 22])
def test_repeated_byte_masks_are_exact_however_long_the_kept_one(
    monkeypatch: pytest.MonkeyPatch, kept_up_to: int
) -> None:
    # Counting shifts down the longest mask built so far; longer texts build
    # their own, kept only up to a limit.
    monkeypatch.setattr(_word_segments, "_masks", {})
    monkeypatch.setattr(_word_segments, "_KEPT_MASK_LENGTH", kept_up_to)
    for length in [3, 0, 1, 8, 8, 2, 7, 20, 5]:
        for byte in (0x07, 0x08, 0x80):
            mask = _word_segments.repeated_byte(byte, length)
            assert mask.to_bytes(length, "big") == bytes([byte]) * length
    assert max(map(int.bit_length, _word_segments._masks.values()), default=0) <= 8 * kept_up_to


@pytest.mark.parametrize(
    ("kind", "exact"),
    [
        pytest.param(b"a", r"[\p{Word_Break=ALetter}&&[\p{L}\p{Nl}]]", id="letters"),
        pytest.param(b"1", r"[\p{Word_Break=Numeric}&&\p{Nd}]", id="digits"),
        pytest.param(b"_", r"[\p{Word_Break=ExtendNumLet}&&\p{Pc}]", id="connectors"),
        pytest.param(b"e", r"[\p{Word_Break=ExtendNumLet}&&\p{Zs}]", id="narrow no-break space"),
        pytest.param(b":", r"\p{Word_Break=MidLetter}", id="between letters"),
        pytest.param(b",", r"\p{Word_Break=MidNum}", id="between digits"),
        pytest.param(b".", r"[\p{Word_Break=MidNumLet}\p{Word_Break=Single_Quote}]", id="both"),
        pytest.param(b"-", r"[\p{Word_Break=Other}&&[-\u2010\u2011\u05be]]", id="hyphens"),
        pytest.param(b"H", rf"[[{_LOGOGRAPHIC}]--[{_KANA}]--\p{{Word_Break=ALetter}}]", id="han"),
        pytest.param(b"K", rf"[[{_KANA}]--\p{{Word_Break=ALetter}}]", id="kana"),
        pytest.param(b"T", rf"[[{_SPACELESS}]--\p{{Word_Break=ALetter}}]", id="thai-like"),
    ],
)
def test_kinds_have_their_unicode_properties(kind: bytes, exact: str) -> None:
    # Every BMP character the fast path gives this kind has the Word_Break value
    # (and category) that the kind's rules are written for, checked through the
    # `regex` module's own property tables.
    chars = "".join(char for char, char_kind in _bmp_kinds() if char_kind == kind[0])
    assert chars
    assert [f"U+{ord(c):04X}" for c in chars if not regex.fullmatch(f"(?V1){exact}", c)] == []


def test_simple_characters_agree_in_every_context() -> None:
    # The rules over kinds stand for UAX #29 only if every character of a kind
    # behaves alike: try each simple character of the blocks prose uses, and a
    # fixed sample of the rest, between letters, digits, connectors and itself.
    simple = [char for char, kind in _bmp_kinds() if kind != ord("X")]
    common = [char for char in simple if ord(char) < 0x100 or 0x2000 <= ord(char) < 0x2070]
    chars = common + random.Random(29).sample(simple, 1500)
    contexts = ["{}", "a{}b", "1{}2", "_{}_", "{}{}", "a{}", "{}1", "x-{}-y", "a{}{}a", "\u202f{}a"]
    mismatches = [
        context.format(char, char)
        for char in chars
        for context in contexts
        if _count_general(context.format(char, char), dictionary=False)
        != _fast_or_general(context.format(char, char))
    ]
    assert mismatches == []


@given(
    st.lists(
        st.sampled_from(
            ["http", "HTTPS", "hTtP\u017f", "ftp", "FTP", "www", "WwW", "://", ".", "x", " ", "-"]
        ),
        max_size=20,
    ).map("".join)
)
def test_url_candidates_find_every_url(text: str) -> None:
    assert [match.span() for match in _URL.finditer(text)] == _url_spans(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # French typography: a narrow no-break space inside guillemets and before ! ? ; :
        ("«\u202fBonjour\u202f», dit-elle\u202f!", 2),
        ("Il a payé 20\u202f000\u202feuros.", 6),
        # The Armenian hyphen is a letter to UAX #29: one word, not zero.
        ("\u0561\u058a\u0562", 1),
    ],
)
def test_typographic_spaces_and_letters_that_look_like_hyphens(text: str, words: int) -> None:
    assert count_words(text) == words
