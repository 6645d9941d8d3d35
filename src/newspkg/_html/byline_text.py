"""Bylines written as visible text: "Posted by Jane Doe on March 5, 2024", "By X | <date>".

`parse_text_byline` reads one short text into the name and the date it holds. Many themes
print the byline as plain text with no class, itemprop or meta tag to say so: WordPress's
"Posted by X on <date>", Drupal's "Submitted by X on <date>", Bootstrap templates' "By X |
<date>", old table layouts' "By JOHN SMITH<br>Staff Writer", Medium's "X · 5 min read ·
<date>". The rules are general: a lead word ("By", "Posted by", ...) or a reading-time
label marks the text as a byline; the name ends at the first separator, date or job title;
a name holds no digit, so it can never contain a date.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from newspkg._names import JOB_TITLE

__all__ = ["TextByline", "find_date_text", "parse_text_byline"]

MAX_BYLINE_TEXT: Final = 200
"""A longer text is a paragraph that mentions someone, not a byline."""

# "By", "Written by", "Posted by", "Submitted by", and the same in a few languages ("Von",
# "Par", "Por", "Door"). A bare "By" leads a byline only before a capital or a lower-case
# user name followed by "on" (Drupal's "Submitted by jsmith on ..."), see `_NAME_START`.
_LEAD: Final = re.compile(
    r"\s*(?:(?i:written|posted|submitted|published|story|words|reporting|text)\s+)?"
    r"(?i:by|von|par|por|door)\s*:?\s+"
)
_MONTHS: Final = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY: Final = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
# Dates as pages print them: ISO 8601 (with a time), "March 5, 2024", "5 March 2024",
# "Mar 05, 2024", each optionally led by a weekday and followed by a printed time with a
# zone ("at 5:14 p.m. EST"). Numeric day/month forms ("03/05/2024") are left out: which
# number is the month depends on the site, and a wrong guess is a silent wrong answer.
_DATE: Final = re.compile(
    r"(?i:\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b"
    rf"|\b{_WEEKDAY}{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    rf"|\b{_WEEKDAY}\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}}\b)"
)
_PRINTED_TIME: Final = re.compile(
    # The zone is in capitals ("EST"), so "9:30 am and ..." is no zone.
    r"(?i:,?\s+(?:(?:at|@)\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)\s+[A-Z]{2,5}\b"
)
# Where a name ends: a separator, " on <date>", " at ", "Updated", a reading time, "-"
# between spaces, or a comma before a job title or date.
_NAME_END: Final = re.compile(
    r"\s*(?:[|\u2022\u00b7\u2014\u2013/]|\s-\s|,|\(|\bon\b|\bat\b|\bupdated\b|\bpublished\b"
    r"|\bposted\b|\d).*\Z",
    re.IGNORECASE | re.DOTALL,
)
# A dateline's lead: "Posted March 5, 2004", "Published on: 5 March 2024".
_DATELINE: Final = re.compile(
    r"\s*(?i:(?:originally\s+|first\s+)?(?:posted|published|date)(?:\s+on)?\s*:?\s+)"
)
_READ_TIME: Final = re.compile(r"\d+\s*(?:min(?:ute)?s?)\.?\s+read\b", re.IGNORECASE)
_SEPARATOR: Final = re.compile(r"\s*[|\u2022\u00b7\u2014]\s*")
# A name: one to five words, the first starting with a letter; letters, apostrophes,
# hyphens and full stops only ("Mary-Jane O'Neil", "J. R. Smith"), never a digit.
_NAME: Final = re.compile(r"[^\W\d_][\w'\u2019.\-]*(?:\s+[\w'\u2019.\-]+){0,4}")
_NOT_NAMES: Final = frozenset(
    {"admin", "administrator", "staff", "editor", "editors", "the editors", "guest", "unknown"}
    | {"anonymous", "webmaster", "team", "the", "our", "us", "me", "you", "this", "email"}
)
_MAX_NAME_LENGTH: Final = 60


@attrs.frozen
class TextByline:
    """What a byline text holds.

    Attributes:
        name: the author's name, or None when the text names nobody usable.
        date_text: the date as printed ("March 5, 2024"), or None.
    """

    name: str | None
    date_text: str | None


def find_date_text(text: str) -> str | None:
    """The first date printed in ``text`` ("March 5, 2024", "2024-03-05T10:00Z"), or None.

    A printed time with a zone after it ("at 5:14 p.m. EST") is kept with the date; one
    without a zone is left out (the calendar day is what it gives for sure).
    """
    found = _DATE.search(text[:MAX_BYLINE_TEXT])
    if found is None:
        return None
    date = found.group(0)
    time = _PRINTED_TIME.match(text, found.end())
    if time is not None:
        date += " " + time.group(0).lstrip(", ").removeprefix("at ").removeprefix("@ ").strip()
    return date


def parse_text_byline(text: str) -> TextByline | None:
    """The name and date in one byline text, or None when it does not read as a byline.

    >>> parse_text_byline("Posted by Laura Chen on March 5, 2024")
    TextByline(name='Laura Chen', date_text='March 5, 2024')
    >>> parse_text_byline("By Peter Walsh | March 5, 2024").name
    'Peter Walsh'
    >>> parse_text_byline("Dana Cole \u00b7 5 min read \u00b7 Mar 5, 2024").name
    'Dana Cole'
    >>> parse_text_byline("By the end of the year, prices rose.") is None
    True
    """
    text = " ".join(text.split())
    if not text or len(text) > MAX_BYLINE_TEXT:
        return None
    date_text = find_date_text(text)
    lead = _LEAD.match(text)
    if lead is not None:
        rest = text[lead.end() :]
        date = _DATE.search(rest)
        rest = rest if date is None else rest[: date.start()]  # a name never runs into a date
        explicit = lead.group(0).strip().lower() not in {"by", "by:"}
        name = _name(rest, lower_case_allowed=explicit)
    elif _READ_TIME.search(text) is not None:
        # "Dana Cole · 5 min read · Mar 5, 2024": the name is the part before the first
        # separator, when that part is not the reading time or the date itself.
        first = _SEPARATOR.split(text, maxsplit=1)[0]
        name = None if first == text else _name(first, lower_case_allowed=False)
        if name is not None and name != first.strip():
            name = None  # the part runs on into other words: not a name alone
    elif _DATELINE.match(text) is not None and date_text is not None:
        return TextByline(name=None, date_text=date_text)  # "Posted March 5, 2004"
    else:
        return None
    if name is None and (lead is not None or date_text is None):
        return None  # "By the end of the year, ...": a sentence, not a byline
    return TextByline(name=name, date_text=date_text)


def _name(text: str, *, lower_case_allowed: bool) -> str | None:
    """The name at the start of ``text``, or None when it starts with no usable name."""
    head = _NAME_END.sub("", text)
    words = head.split()
    # "JOHN SMITH Staff Writer": a job title after the name, with no comma between.
    for start in range(1, len(words)):
        if JOB_TITLE.match(" ".join(words[start:])):
            head = " ".join(words[:start])
            break
    head = head.strip(" .:;")
    match = _NAME.fullmatch(head)
    if match is None or len(head) > _MAX_NAME_LENGTH:
        return None
    first = head[0]
    if not first.isupper() and not lower_case_allowed:
        return None
    if head.casefold() in _NOT_NAMES or head.split()[0].casefold() in {"the", "a", "an"}:
        return None
    if lower_case_allowed and not first.isupper() and len(head.split()) > 1:
        return None  # "Posted by the team at ..."
    return head
