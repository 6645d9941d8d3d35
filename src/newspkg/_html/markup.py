"""What a page's body says about its article: byline, dates, heading, typed items, text.

Read once from the parsed tree into a `Markup` value, which the meta-tag fallbacks (for
authors, dates and the headline) and the article decision (`article_signals`) use. Only
small, well-defined places are read: ``rel=author`` links, ``itemprop`` author/date
elements, elements whose class or id names a byline, ``<time datetime>`` inside the
article or byline, the first ``<h1>``, ``itemtype``/``typeof`` values, and the words of the
page's paragraphs.
"""

from __future__ import annotations

import re
from typing import Final

import attrs
from selectolax.lexbor import LexborHTMLParser, LexborNode

from newspkg._readtime.words import count_words

__all__ = ["Markup", "read_markup"]

_BYLINE_SELECTOR: Final = (
    "a[rel~=author], [itemprop~=author], [class*=byline], [id*=byline], [class*=Byline], "
    "[class~=author], [class*=author-name], [class*=author_name], [class*=authorName], "
    "[class*=article-author], [class*=article__author]"
)
_DATE_SELECTOR: Final = (
    "[itemprop~=datePublished], article time[datetime], time[pubdate], "
    "[class*=byline] time[datetime], header time[datetime]"
)
_MAX_BYLINE: Final = 120  # a longer "byline" element is a block of text, not a byline
_MAX_PARAGRAPHS: Final = 400  # enough to tell a page of text from one without
_TYPE_NAME: Final = re.compile(r"[/#:]([A-Za-z]+)\Z")


@attrs.frozen(kw_only=True)
class Markup:
    """What the page body holds, for the fallbacks and the article decision.

    Attributes:
        bylines: the texts of byline elements, in page order (first few only).
        times: ``datetime``/``content`` values of date elements in the article or byline.
        heading: the text of the first ``<h1>``.
        headings: the texts of the first few ``<h1>`` elements.
        item_types: local names of ``itemtype`` and ``typeof`` values (``NewsArticle``).
        article_elements: how many ``<article>`` elements the page has.
        paragraph_words: the words in the page's ``<p>`` elements (first few hundred).
    """

    bylines: tuple[str, ...] = ()
    times: tuple[str, ...] = ()
    heading: str | None = None
    headings: tuple[str, ...] = ()
    item_types: frozenset[str] = frozenset()
    article_elements: int = 0
    paragraph_words: int = 0


def read_markup(tree: LexborHTMLParser, *, language: str | None = None) -> Markup:
    """Read the body signals of a parsed page."""
    headings = tuple(text for node in tree.css("h1")[:4] if (text := _text(node)))
    words = 0
    for index, node in enumerate(tree.css("p")):
        if index >= _MAX_PARAGRAPHS:
            break
        words += count_words(node.text(deep=True) or "", lang=language)
    return Markup(
        bylines=tuple(_bylines(tree)),
        times=tuple(_times(tree)),
        heading=headings[0] if headings else None,
        headings=headings,
        item_types=frozenset(_item_types(tree)),
        article_elements=len(tree.css("article")),
        paragraph_words=words,
    )


def _text(node: LexborNode) -> str:
    return " ".join((node.text(deep=True, separator=" ") or "").split())


def _bylines(tree: LexborHTMLParser) -> list[str]:
    found: list[str] = []
    for node in tree.css(_BYLINE_SELECTOR):
        if node.tag == "meta":
            text = (node.attributes.get("content") or "").strip()
        else:
            name = node.css_first("[itemprop~=name]")
            text = _text(name if name is not None else node)
        if text and len(text) <= _MAX_BYLINE and text not in found:
            found.append(text)
        if len(found) >= 4:
            break
    return found


def _times(tree: LexborHTMLParser) -> list[str]:
    found: list[str] = []
    for node in tree.css(_DATE_SELECTOR):
        attributes = node.attributes
        value = attributes.get("datetime") or attributes.get("content")
        if value and value.strip() and value.strip() not in found:
            found.append(value.strip())
        if len(found) >= 4:
            break
    return found


def _item_types(tree: LexborHTMLParser) -> set[str]:
    names: set[str] = set()
    for node in tree.css("[itemtype], [typeof]"):
        for attribute in ("itemtype", "typeof"):
            for value in (node.attributes.get(attribute) or "").split():
                match = _TYPE_NAME.search(value) or re.fullmatch(r"([A-Za-z]+)", value)
                if match:
                    names.add(match.group(1))
    return names
