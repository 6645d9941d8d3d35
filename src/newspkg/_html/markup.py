"""What a page's body says about its article: byline, dates, heading, typed items, text.

Read once from the parsed tree into a `Markup` value, which the meta-tag fallbacks (for
authors, dates and the headline) and the article decision (`article_signals`) use. Only
small, well-defined places are read: ``rel=author`` links, ``itemprop`` author/date
elements, elements whose class or id names a byline, ``<time datetime>`` inside the
article or byline, the first ``<h1>``, ``itemtype``/``typeof`` values, and the words of the
page's paragraphs.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newspkg._html.lead_paragraph import Lead, lead_paragraph
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
# Inside a byline element, the link to the author's page holds the name alone, where the
# element's text runs on into a job title ("Ben Silverman Games Editor").
_AUTHOR_LINK: Final = 'a[rel~=author], a[href*="/author/"], a[class*=author]'
# A class or id token naming a comment section ("comments", "comment-list", "fb-comments",
# not "commentary"): its bylines are the commenters'. A token that also names a state, a
# counter, a link or a label ("comments-open", "no-comments", "comment-count",
# "openweb-comment-counter__comments-label") describes the comments from outside them, and
# sits on article wrappers and headers: it is no comment section.
_COMMENT_WORDS: Final = frozenset({"comment", "comments"})
_NOT_A_SECTION: Final = frozenset(
    {"open", "opened", "closed", "enabled", "disabled", "allowed", "off", "on", "no", "has"}
    | {"count", "counts", "counter", "number", "num", "total", "badge", "bubble", "cta"}
    | {"link", "links", "label", "button", "btn", "icon", "toggle", "trigger", "anchor"}
)
_TOKEN_WORDS: Final = re.compile(r"[-_]+")
_MAX_ANCESTORS: Final = 64  # how far up a byline element is looked at for a comment section
# What may come before a byline's first name: "By", "Written by", "Par", "Von", "Por" ...
_BY_WORDS: Final = re.compile(
    r"(?:(?:written|posted|story|words)\s+)?(?:by|par|von|por|di|door|af|av|de)?\s*:?\s*",
    re.IGNORECASE,
)
MIN_WORDS: Final = 150
"""Words in a page's paragraphs that make it a page of text (a short news story has ~200)."""
_TYPE_NAME: Final = re.compile(r"[/#:]([A-Za-z]+)\Z")


class Markup:
    """What the page body holds, for the fallbacks and the article decision.

    Each part is read from the tree on first use only: most pages' JSON-LD leaves little to
    fill, and some pages are megabytes of markup.

    Attributes:
        bylines: the texts of byline elements, in page order (first few only).
        times: ``datetime``/``content`` values of date elements in the article or byline.
        heading: the text of the first ``<h1>``.
        headings: the texts of the first few ``<h1>`` elements.
        item_types: local names of ``itemtype`` and ``typeof`` values (``NewsArticle``).
        article_elements: how many ``<article>`` elements the page has.
        paragraph_words: the words in the page's ``<p>`` elements, counted up to
            `MIN_WORDS` (enough to tell a page of text from one without).
    """

    def __init__(self, tree: LexborHTMLParser | None = None, *, language: str | None = None):
        self._tree = tree
        self._language = language

    def _nodes(self, selector: str) -> list[LexborNode]:
        return [] if self._tree is None else self._tree.css(selector)

    @functools.cached_property
    def bylines(self) -> tuple[str, ...]:
        return tuple(_bylines(self._nodes(_BYLINE_SELECTOR)))

    @functools.cached_property
    def times(self) -> tuple[str, ...]:
        return tuple(_times(self._nodes(_DATE_SELECTOR)))

    @functools.cached_property
    def headings(self) -> tuple[str, ...]:
        return tuple(text for node in self._nodes("h1")[:4] if (text := _text(node)))

    @property
    def heading(self) -> str | None:
        return self.headings[0] if self.headings else None

    @functools.cached_property
    def item_types(self) -> frozenset[str]:
        return frozenset(_item_types(self._nodes("[itemtype], [typeof]")))

    @functools.cached_property
    def article_elements(self) -> int:
        return len(self._nodes("article"))

    def property_names(self) -> list[str]:
        """The ``itemprop`` and ``property`` values of the page's elements (not its meta tags)."""
        return [
            f"{node.attributes.get('itemprop') or ''} {node.attributes.get('property') or ''}"
            for node in self._nodes("[itemprop]:not(meta), [property]:not(meta)")
        ]

    def lead(self, article_text: str | None = None) -> Lead | None:
        """The first paragraph of the article body that reads as its text (`lead_paragraph`)."""
        body = None if self._tree is None else self._tree.body
        return lead_paragraph(body, language=self._language, article_text=article_text)

    @functools.cached_property
    def paragraph_words(self) -> int:
        words = 0
        for node in self._nodes("p"):
            if words >= MIN_WORDS:
                break
            words += count_words(node.text(deep=True) or "", lang=self._language)
        return words


def read_markup(tree: LexborHTMLParser, *, language: str | None = None) -> Markup:
    """The body signals of a parsed page, each read when first asked for."""
    return Markup(tree, language=language)


def _text(node: LexborNode) -> str:
    return " ".join((node.text(deep=True, separator=" ") or "").split())


def _bylines(nodes: list[LexborNode]) -> list[str]:
    found: list[str] = []
    for node in nodes:
        if _in_comments(node):
            continue
        if node.tag == "meta":
            text = (node.attributes.get("content") or "").strip()
        elif (name := node.css_first("[itemprop~=name]")) is not None:
            text = _text(name)
        else:
            text = _text(node)
            if node.tag != "a" and (links := node.css(_AUTHOR_LINK)):
                text = _linked_names(text, links) or text
        if text and len(text) <= _MAX_BYLINE and text not in found:
            found.append(text)
        if len(found) >= 4:
            break
    return found


def _linked_names(text: str, links: list[LexborNode]) -> str | None:
    """The author links' texts, when the first one leads the byline's ``text``.

    "Ben Silverman Games Editor" with a link "Ben Silverman" gives the link's text; a link
    further on ("By Jane Doe More stories") is not the name, and gives None.
    """
    names = list(dict.fromkeys(name for link in links if (name := _text(link))))
    if not names:
        return None
    lead = text.find(names[0])
    if lead < 0 or _BY_WORDS.fullmatch(text[:lead]) is None:
        return None
    return " and ".join(names)


def _in_comments(node: LexborNode) -> bool:
    """Whether ``node`` sits in a comment section (an ancestor's class or id says so).

    The walk stops below ``<body>``: a page-wide class (``comments-open``) says nothing.
    """
    ancestor = node.parent
    for _ in range(_MAX_ANCESTORS):
        if ancestor is None or ancestor.tag in ("body", "html"):
            return False
        attributes = ancestor.attributes
        words = f"{attributes.get('class') or ''} {attributes.get('id') or ''}".split()
        if any(_names_comments(word) for word in words):
            return True
        ancestor = ancestor.parent
    return False


def _names_comments(token: str) -> bool:
    """Whether a class or id token names a comment section (see `_NOT_A_SECTION`)."""
    token = token.lower()
    if "comment" not in token:
        return False  # most tokens: no split needed
    words = set(_TOKEN_WORDS.split(token))
    return not words.isdisjoint(_COMMENT_WORDS) and words.isdisjoint(_NOT_A_SECTION)


def _times(nodes: list[LexborNode]) -> list[str]:
    found: list[str] = []
    for node in nodes:
        attributes = node.attributes
        value = attributes.get("datetime") or attributes.get("content")
        if value and value.strip() and value.strip() not in found:
            found.append(value.strip())
        if len(found) >= 4:
            break
    return found


def _item_types(nodes: list[LexborNode]) -> set[str]:
    names: set[str] = set()
    for node in nodes:
        for attribute in ("itemtype", "typeof"):
            for value in (node.attributes.get(attribute) or "").split():
                match = _TYPE_NAME.search(value) or re.fullmatch(r"([A-Za-z]+)", value)
                if match:
                    names.add(match.group(1))
    return names
