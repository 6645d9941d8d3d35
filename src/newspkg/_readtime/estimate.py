"""Reading time from published reading rates, and presets that match other tools.

Sources (see docs/reading-time.md for the full table and the reasoning):

* Brysbaert, M. (2019). How many words do we read per minute? A review and
  meta-analysis of reading rate. Journal of Memory and Language 109, 104047.
  doi:10.1016/j.jml.2019.104047 — adults read English non-fiction silently at
  238 words per minute.
* Trauzettel-Klosinski, S., Dietz, K., & the IReST Study Group (2012).
  Standardized Assessment of Reading Performance: The New International Reading
  Speed Texts IReST. IOVS 53(9), 5452-5461. doi:10.1167/iovs.11-8284 — the same
  texts in 17 languages, read aloud by native speakers; 184 words/min and 863
  characters/min on average.

IReST rates are oral reading; we scale each by 238/228 (Brysbaert's silent
English rate over IReST's English rate), which keeps IReST's ratios between
languages. Brysbaert notes that rates in other languages follow from how many
words a language needs for the same message, which is what IReST's equated
texts measure.
"""

from __future__ import annotations

import enum
import math
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import attrs

from newspkg._models import Article
from newspkg._readtime.scripts import script_language
from newspkg._readtime.words import TextCounts, count_text
from newspkg._validation import count_problem, language_problem, shown_number
from newspkg.errors import ValidationError

__all__ = ["ReadingTime", "SourceFormat", "SpeedPreset", "reading_time"]

MIN_SPEED = 1
"""Slowest reading speed accepted, in words per minute."""
MAX_SPEED = 100_000
"""Fastest reading speed accepted, in words per minute (far beyond any human reader)."""

BRYSBAERT_SILENT_ENGLISH_WPM = 238
# IReST words per minute, reading aloud (Trauzettel-Klosinski & Dietz 2012, table 3).
IREST_WPM: dict[str, int] = {
    "ar": 138, "de": 179, "en": 228, "es": 218, "fi": 161, "fr": 195, "he": 187, "it": 188,
    "nl": 202, "pl": 166, "pt": 181, "ru": 184, "sl": 180, "sv": 199, "tr": 166, "zh": 158,
}  # fmt: skip
# IReST characters per minute for the two languages read per character.
IREST_CPM: dict[str, int] = {"zh": 255, "ja": 357}
IREST_MEAN_WPM = 184  # all 17 languages, the default for languages IReST did not test
IREST_MEAN_CPM = 863  # all 17 languages; used for Thai-like letters without a dictionary
_SILENT = Fraction(BRYSBAERT_SILENT_ENGLISH_WPM, IREST_WPM["en"])

# Yoast SEO's table (yoastseo researches/readingTime.js), IReST values as Yoast
# keys them: "cn" is never matched because Yoast looks up "zh", so Chinese gets
# the average, and so does this preset.
_YOAST_WPM: dict[str, int] = {
    "ar": 138, "cn": 158, "de": 179, "en": 228, "es": 218, "fi": 161, "fr": 195, "he": 187,
    "it": 188, "nl": 202, "pl": 166, "pt": 181, "ru": 184, "sl": 180, "sv": 199, "tr": 166,
}  # fmt: skip
_YOAST_DEFAULT_WPM = Fraction(sum(_YOAST_WPM.values()), len(_YOAST_WPM))  # 183.125
_YOAST_JA_CPM = 357
_YOAST_MINUTES_PER_IMAGE = Fraction(1, 5)
_MEDIUM_WPM = 265  # Medium Help Center, "Read time"
_MEDIUM_CPM = 500  # ... "for posts in Chinese, Japanese and Korean"
_HUGO_WPM = 213  # Hugo: ReadingTime = (WordCount + 212) / 213
_HUGO_CJK_WPM = 501  # ... and (WordCount + 500) / 501 for CJK languages
_HUGO_CJK = frozenset({"zh", "ja", "ko"})
_NPM_WPM = 200  # npm reading-time: wordsPerMinute default


class SpeedPreset(enum.Enum):
    """How to turn counts into minutes; ``RESEARCH`` is the default.

    Each other preset reproduces one tool's published formula, so a site can
    switch to newspkg without its numbers jumping.
    """

    #: Brysbaert (2019) for English, IReST scaled to silent reading elsewhere;
    #: images by Medium's rule (12 s, 11 s, ... 3 s); minutes rounded up.
    RESEARCH = "research"
    #: Medium: 265 wpm, 500 characters/min for CJK, images 12 s down to 3 s.
    MEDIUM = "medium"
    #: Yoast SEO: IReST table by language, 0.2 min per image, rounded up.
    YOAST = "yoast"
    #: Hugo's ``.ReadingTime``: 213 wpm (501 for zh/ja/ko), no images, rounded up.
    HUGO = "hugo"
    #: npm ``reading-time``: 200 wpm, no images, ``ceil(minutes.toFixed(2))``.
    READING_TIME = "reading-time"


class SourceFormat(enum.Enum):
    """What a string passed to `reading_time` is."""

    #: HTML when it starts with ``<`` (after whitespace), plain text otherwise.
    AUTO = "auto"
    TEXT = "text"
    HTML = "html"


@attrs.frozen(kw_only=True)
class ReadingTime:
    """How long a text takes to read, and the counts behind it.

    >>> rt = reading_time("word " * 1237, images=3, speed="yoast")
    >>> (rt.minutes, rt.iso8601, rt.label)
    (7, 'PT7M', '7 min read')
    """

    #: Words as published (schema.org ``wordCount``): CJK characters count one each.
    words: int
    #: The part of ``words`` timed per character (Han, kana, Thai-like letters).
    characters: int
    images: int
    #: The exact time before rounding.
    duration: timedelta
    #: Whole minutes as the preset rounds them: 0 for nothing to read, else at least 1.
    minutes: int
    #: The BCP 47 tag of the text's language: ``lang``, the article's language, or the
    #: primary subtag its script stands for (``"ar"``); None for English or unknown.
    language: str | None = None

    @property
    def iso8601(self) -> str:
        """The minutes as an ISO 8601 duration for schema.org ``timeRequired``: ``PT1H5M``."""
        hours, minutes = divmod(self.minutes, 60)
        if hours and minutes:
            return f"PT{hours}H{minutes}M"
        return f"PT{hours}H" if hours else f"PT{minutes}M"

    @property
    def label(self) -> str:
        """The minutes for display, in the text's language: ``7 min read``, ``7 Min. Lesezeit``.

        Languages without a catalog (see ``docs/reading-time.md``) get the English label.

        >>> reading_time("Слово " * 500).label
        '3 минуты чтения'
        """
        # The catalogues load with the first label (`meta`, `readtime`): JSON-LD shows none.
        from newspkg._readtime.labels import reading_label  # noqa: PLC0415

        return reading_label(self.minutes, self.language)


def reading_time(
    source: str | Article,
    *,
    lang: str | None = None,
    images: int | None = None,
    speed: float | str | SpeedPreset | None = None,
    source_format: SourceFormat = SourceFormat.AUTO,
) -> ReadingTime:
    """Estimate how long ``source`` takes to read.

    Args:
        source: plain text, an HTML fragment, or an ``Article`` (its explicit
            ``word_count`` if set, else its ``body``; its ``language``; its hero
            image and figures).
        lang: BCP 47 tag choosing the reading rate and the label's language;
            defaults to the article's language, else the language the text's script
            stands for (Arabic, Hebrew, Korean, Thai, Devanagari as Hindi, Cyrillic as
            Russian, Han as Chinese, Han with kana as Japanese), else English.
        images: how many images the reader looks at; defaults to those in the
            HTML or on the article, 0 for plain text.
        speed: words per minute for word-timed text, or a `SpeedPreset` or its
            name (``"medium"``, ``"yoast"``, ``"hugo"``, ``"reading-time"``).
        source_format: whether a string is text or HTML.

    >>> reading_time("<p>Hello world</p><img src=a.png>").label
    '1 min read'

    Raises:
        ValidationError: an argument has the wrong type or value (path names it).
        LimitExceededError: HTML nested more than 1,000 elements deep, or with a select of
            more than 2,000 options (see the limits in the docs).
    """
    preset, words_per_minute = _parse_speed(speed)
    if lang is not None and not isinstance(lang, str):
        raise ValidationError(
            f"expected a language tag or None, got {type(lang).__name__}", path="lang"
        )
    if lang is not None and (problem := language_problem(lang)) is not None:
        raise ValidationError(problem, path="lang")
    counts, found_images, found_lang = _measure(source, lang, source_format)
    images = found_images if images is None else _image_count(images)
    tag = lang if lang is not None else found_lang
    seconds, minutes = _TIMERS[preset](counts, images, _primary(tag), words_per_minute)
    return ReadingTime(
        words=counts.total,
        characters=counts.characters,
        images=images,
        duration=timedelta(seconds=float(seconds)),
        minutes=minutes,
        language=tag,
    )


def _image_count(images: object) -> int:
    if isinstance(images, bool) or not isinstance(images, int):
        raise ValidationError(
            f"expected a count of images (int >= 0), got {type(images).__name__}", path="images"
        )
    problem = count_problem(images)
    if problem is not None:
        raise ValidationError(f"expected a count of images: {problem}", path="images")
    return images


def _parse_speed(speed: object) -> tuple[SpeedPreset, Fraction | None]:
    if speed is None:
        return SpeedPreset.RESEARCH, None
    if isinstance(speed, SpeedPreset):
        return speed, None
    if isinstance(speed, str):
        try:
            return SpeedPreset(speed.strip().lower()), None
        except ValueError:
            names = ", ".join(repr(preset.value) for preset in SpeedPreset)
            raise ValidationError(
                f"unknown preset {speed!r}; expected one of {names}", path="speed"
            ) from None
    if isinstance(speed, bool) or not isinstance(speed, int | float):
        raise ValidationError(
            f"expected words per minute or a preset, got {type(speed).__name__}", path="speed"
        )
    # An int is compared as it is: math.isfinite would turn a huge one into a float and fail.
    if (isinstance(speed, float) and not math.isfinite(speed)) or speed <= 0:
        raise ValidationError(
            f"words per minute must be a positive number, got {shown_number(speed)}", path="speed"
        )
    if not MIN_SPEED <= speed <= MAX_SPEED:
        raise ValidationError(
            f"words per minute must be from {MIN_SPEED} to {MAX_SPEED:,}, "
            f"got {shown_number(speed)}",
            path="speed",
        )
    return SpeedPreset.RESEARCH, Fraction(speed)


def _measure(
    source: object, lang: str | None, source_format: SourceFormat
) -> tuple[TextCounts, int, str | None]:
    """Count words, find images and the language of any kind of source.

    The language is the article's, else the one its text's script stands for; None when
    ``lang`` is given (it wins) or nothing tells.
    """
    if isinstance(source, Article):
        figures = len(source.images)
        language = source.language
        if language is None and lang is None and source.body:
            language = script_language(source.body)
        if source.word_count is not None:
            # An explicit count wins; for Chinese and Japanese it counts characters.
            explicit = source.word_count
            if _primary(lang or language) in IREST_CPM:
                return TextCounts(han=explicit), figures, language
            return TextCounts(words=explicit), figures, language
        return count_text(source.body or "", lang=lang or language), figures, language
    if not isinstance(source, str):
        raise ValidationError(
            f"expected text, HTML or an Article, got {type(source).__name__}", path="source"
        )
    if not isinstance(source_format, SourceFormat):
        raise ValidationError(
            f"expected a SourceFormat, got {source_format!r}", path="source_format"
        )
    is_html = source_format is SourceFormat.HTML or (
        source_format is SourceFormat.AUTO and source.lstrip().startswith("<")
    )
    if is_html:
        # The HTML parser loads with the first HTML source: an article's body is plain text.
        from newspkg._html.text import readable_text  # noqa: PLC0415

        readable = readable_text(source)
        found = None if lang is not None else script_language(readable.text)
        return count_text(readable.text, lang=lang), readable.images, found
    found = None if lang is not None else script_language(source)
    return count_text(source, lang=lang), 0, found


def _primary(lang: str | None) -> str | None:
    if not lang:
        return None
    return lang.replace("_", "-").split("-", 1)[0].lower()


def _medium_image_seconds(images: int) -> int:
    """Medium: 12 s for the first image, one second less for each next, 3 s from the tenth."""
    first_ten = min(images, 10)
    return sum(12 - index for index in range(first_ten)) + 3 * (images - first_ten)


def _ceil_minutes(seconds: Fraction) -> int:
    return math.ceil(seconds / 60)


def _research(
    counts: TextCounts, images: int, lang: str | None, wpm: Fraction | None
) -> tuple[Fraction, int]:
    if wpm is None:
        if lang in {None, "en"}:
            wpm = Fraction(BRYSBAERT_SILENT_ENGLISH_WPM)
        else:
            wpm = IREST_WPM.get(lang or "", IREST_MEAN_WPM) * _SILENT
    # Han and kana: the language's rate; without one, kana means Japanese.
    if lang in IREST_CPM:
        logographic_cpm = IREST_CPM[lang or ""] * _SILENT
    else:
        logographic_cpm = IREST_CPM["ja" if counts.kana else "zh"] * _SILENT
    minutes = (
        counts.words / wpm
        + Fraction(counts.han + counts.kana) / logographic_cpm
        + counts.letters / (IREST_MEAN_CPM * _SILENT)
    )
    seconds = minutes * 60 + _medium_image_seconds(images)
    return seconds, _ceil_minutes(seconds)


def _medium(
    counts: TextCounts, images: int, _lang: str | None, _wpm: Fraction | None
) -> tuple[Fraction, int]:
    # As the readtime package computes Medium's rule: text seconds rounded up,
    # then the image seconds, then minutes rounded up.
    text_seconds = math.ceil(
        Fraction(counts.words * 60, _MEDIUM_WPM) + Fraction(counts.characters * 60, _MEDIUM_CPM)
    )
    seconds = Fraction(text_seconds + _medium_image_seconds(images))
    return seconds, _ceil_minutes(seconds)


def _yoast(
    counts: TextCounts, images: int, lang: str | None, _wpm: Fraction | None
) -> tuple[Fraction, int]:
    if lang == "ja":
        text_minutes = Fraction(counts.total, _YOAST_JA_CPM)
    else:
        wpm = _YOAST_WPM.get(lang or "en", _YOAST_DEFAULT_WPM)
        text_minutes = counts.total / Fraction(wpm)
    minutes = text_minutes + images * _YOAST_MINUTES_PER_IMAGE
    return minutes * 60, math.ceil(minutes)


def _hugo(
    counts: TextCounts, _images: int, lang: str | None, _wpm: Fraction | None
) -> tuple[Fraction, int]:
    per_minute = _HUGO_CJK_WPM if lang in _HUGO_CJK else _HUGO_WPM
    return Fraction(counts.total * 60, per_minute), -(-counts.total // per_minute)


def _npm_reading_time(
    counts: TextCounts, _images: int, _lang: str | None, _wpm: Fraction | None
) -> tuple[Fraction, int]:
    # JavaScript: Math.ceil(parseFloat((words / 200).toFixed(2))). toFixed rounds
    # the exact value of the double, ties away from zero: Decimal does the same.
    as_double = counts.total / _NPM_WPM
    shown = Decimal(as_double).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return Fraction(counts.total * 60, _NPM_WPM), math.ceil(shown)


_TIMERS = {
    SpeedPreset.RESEARCH: _research,
    SpeedPreset.MEDIUM: _medium,
    SpeedPreset.YOAST: _yoast,
    SpeedPreset.HUGO: _hugo,
    SpeedPreset.READING_TIME: _npm_reading_time,
}


def effective_word_count(article: Article) -> int | None:
    """The word count to publish: the explicit ``word_count``, else the body's, else None."""
    if article.word_count is None and article.body is None:
        return None  # nothing to count; a read time would say 0 words
    # The read time applies the same rule (explicit count wins), so the two never disagree.
    return reading_time(article).words
