"""A description from the article body's first paragraph, for a page that declares none.

Reference extractors and search engines do this: readability's ``excerpt`` is the first
paragraph of the content it extracted when the page's metadata has no description, and
search engines show a snippet of the page's text when it has no description tag. newspkg
does it only as the last resort, when no JSON-LD, microdata, RDFa or meta tag of any family
declares a description (`declares_description`), and says so in a `ProvenanceNote`.

Which paragraph (`lead_paragraph`): the first ``<p>`` of the article's main content that
reads as a paragraph of the article. Main content is, best first: a paragraph whose text
is in the JSON-LD ``articleBody``, or inside an ``itemprop="articleBody"`` element; inside
an ``<article>``; inside ``<main>`` or ``role="main"``; anywhere else in the body. Skipped:
paragraphs inside page furniture (``nav``, ``header``, ``footer``, ``aside``, ``figure``,
``form``, ``blockquote``, list items, ARIA landmarks other than main, hidden elements, and
elements whose class or id names furniture: a breadcrumb, a sidebar, a cookie banner, a
byline, a caption...), bylines and datelines ("By …", a date alone), text too short to
describe anything, text that does not end like a sentence ("Contents", a breadcrumb,
"Coordinates: 42°S 174°E", "From Wikipedia, the free encyclopedia"), and boilerplate
(a copyright line, a cookie or JavaScript notice). The text is the paragraph as a reader
reads it (`readable_text`: scripts and hidden parts left out), white space collapsed, cut
at a word boundary past `MAX_LEAD` characters.

One walk over the body with an explicit stack, bounded: at most `MAX_VISITS` nodes and
`MAX_PARAGRAPHS` paragraphs looked at; the page was already refused if it nests too deeply
(`newspkg._html.depth`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

import attrs
from selectolax.lexbor import LexborNode

from newspkg._dates import parse_date
from newspkg._html.json_walk import JsonObjects
from newspkg._html.text import hidden_nodes, readable_text
from newspkg._readtime.words import count_words
from newspkg.errors import NewspkgError

__all__ = ["MAX_LEAD", "Lead", "declares_description", "lead_paragraph"]

MAX_LEAD: Final = 500
"""Longest description taken from a paragraph, in characters (ellipsis included).

Declared descriptions on the corpus pages are 140 characters at the median and under 450
for nine in ten; a lede of two or three sentences fits, a long paragraph is cut.
"""
MIN_WORDS: Final = 8
MIN_CHARACTERS: Final = 30
MAX_VISITS: Final = 200_000
MAX_PARAGRAPHS: Final = 200
# How much of a paragraph and of the JSON-LD articleBody are compared to find the
# paragraph in the body: the lede is near its start, and the comparison stays bounded.
_COMPARED_PARAGRAPH: Final = 200
_COMPARED_BODY: Final = 20_000

# Elements whose paragraphs are page furniture, not the article's text.
_FURNITURE_TAGS: Final = frozenset(
    {
        "nav", "header", "footer", "aside", "figure", "figcaption", "form", "blockquote",
        "li", "dialog", "menu", "address", "button", "select", "textarea", "template",
        "script", "style", "noscript", "svg", "math", "iframe", "object", "head",
    }
)  # fmt: skip
_FURNITURE_ROLES: Final = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"}
    | {"menu", "menubar", "toolbar", "alert", "status", "form", "note", "doc-toc"}
)
# Words of a class or id naming furniture (split on "-", "_" and case changes).
_FURNITURE_WORDS: Final = frozenset(
    {"nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "crumbs"}
    | {"sidebar", "header", "masthead", "footer", "banner", "toc", "topnav"}
    | {"cookie", "cookies", "consent", "gdpr", "newsletter", "subscribe", "subscription"}
    | {"signup", "login", "paywall", "promo", "advert", "advertisement", "ad", "ads"}
    | {"sponsor", "sponsored", "share", "sharing", "social", "related", "recommended"}
    | {"byline", "dateline", "author", "caption", "credit", "credits", "copyright"}
    | {"comment", "comments", "disqus", "popup", "modal", "tags", "pagination", "pager"}
    | {"meta", "metadata", "disclaimer", "notice", "alert", "skip", "sr", "hidden"}
)
_WORD_BREAK: Final = re.compile(r"[-_\s]+|(?<=[a-z])(?=[A-Z])")
_CONTAINER_RANK: Final = {"article": 2, "main": 3}
_ELSEWHERE: Final = 4

# A sentence ends in a full stop, "!", "?", an ellipsis, a colon or semicolon leading into
# what follows, or their CJK forms; closing quotes, brackets and reference marks ("[2]")
# may follow it.
_SENTENCE_END: Final = re.compile(
    r"[.!?\u2026:;\u3002\uff01\uff1f\uff0e\uff1a\uff1b]"
    r"(?:[\"'\u2019\u201d\u00bb\u300d\u300f)\]\uff09]|\[[^\[\]\s]{1,20}\])*\Z"
)
# "By Jane Doe", "Written by …", "Posted by … on …", "Par …", "Von …", "Por …".
_BYLINE: Final = re.compile(
    r"(?i:(?:written|posted|published|story|words|reporting|text)\s+by\b)"
    # A bare "By" only before a capital: "By Jane Doe", not "By the end of the year, ...".
    r"|(?i:by|par|von|por|door)\s*:?\s+[A-Z\u00c0-\u00de]"
)
_BYLINE_MAX_WORDS: Final = 16
_DATELINE: Final = re.compile(
    r"(?:updated|published|posted|last\s+updated|last\s+modified|modified)\b", re.IGNORECASE
)
_BOILERPLATE: Final = re.compile(
    r"\u00a9|\(c\)\s*\d{4}|all rights reserved"
    r"|\b(?:we|this (?:web)?site|our site) uses? cookies|\baccept (?:all )?cookies"
    r"|\bcookie (?:policy|settings|preferences)"
    r"|\benable javascript|\bjavascript (?:is )?(?:disabled|required|turned off)",
    re.IGNORECASE,
)


@attrs.frozen(kw_only=True)
class Lead:
    """The description taken from a paragraph of the article body.

    Attributes:
        text: the paragraph's text, white space collapsed, cut if it was longer than
            `MAX_LEAD` (then ending in "…").
        where: the paragraph's place, in words ("the JSON-LD articleBody", "the <article>").
        cut: whether the text was cut.
    """

    text: str
    where: str
    cut: bool = False


_WHERE: Final = {
    0: "the article body (itemprop=articleBody, or the JSON-LD articleBody)",
    2: "the <article>",
    3: "the page's main content (<main> or role=main)",
    _ELSEWHERE: "the page body",
}


def lead_paragraph(
    body: LexborNode | None, *, language: str | None = None, article_text: str | None = None
) -> Lead | None:
    """The first paragraph of the page's main content that reads as article text, or None.

    ``body`` is the page's ``<body>``; ``article_text`` the JSON-LD ``articleBody``, when
    the article has one (a paragraph found in it is the article's own). See the module
    notes for what is skipped.
    """
    if body is None:
        return None
    hidden = hidden_nodes(body)
    compared_body = None if not article_text else _plain(article_text[:_COMPARED_BODY])
    found: dict[int, str] = {}
    best = _ELSEWHERE + 1
    # Stack items are nodes to visit, or the rank of a container being left.
    stack: list[LexborNode | int] = [body]
    open_ranks: list[int] = [_ELSEWHERE]
    visits = paragraphs = 0
    while stack and visits < MAX_VISITS and paragraphs < MAX_PARAGRAPHS and best > 0:
        item = stack.pop()
        if isinstance(item, int):
            open_ranks.remove(item)
            continue
        visits += 1
        tag = item.tag
        if tag is None or tag.startswith(("-", "!")) or item.mem_id in hidden:
            continue  # text, comments, doctype: no paragraph here
        if tag == "p":
            rank = min(open_ranks)
            if rank < best or compared_body is not None:
                paragraphs += 1
                text = _qualified(item, language)
                if text is not None:
                    if compared_body is not None and _plain(text[:_COMPARED_PARAGRAPH]) in (
                        compared_body
                    ):
                        rank = 0
                    if rank < best:
                        found[rank] = text
                        best = rank
            continue
        container = _container_rank(item, tag)
        # A container is never furniture by its class ("post has-comments" wraps a story).
        if container is None and item is not body and _is_furniture(item, tag):
            continue
        if container is not None:
            open_ranks.append(container)
            stack.append(container)
        stack.extend(reversed(list(item.iter(include_text=False))))
    if not found:
        return None
    text = found[best]
    cut = _cut(text)
    return Lead(text=cut, where=_WHERE[best], cut=cut != text)


def _container_rank(node: LexborNode, tag: str) -> int | None:
    attributes = node.attributes
    if "articlebody" in (attributes.get("itemprop") or "").lower().split():
        return 0
    if tag in _CONTAINER_RANK:
        return _CONTAINER_RANK[tag]
    if (attributes.get("role") or "").strip().lower() == "main":
        return 3
    return None


def _is_furniture(node: LexborNode, tag: str) -> bool:
    if tag in _FURNITURE_TAGS:
        return True
    attributes = node.attributes
    role = (attributes.get("role") or "").strip().lower()
    if role in _FURNITURE_ROLES:
        return True
    names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
    if not names.strip():
        return False
    words = {word.lower() for word in _WORD_BREAK.split(names) if word}
    return not words.isdisjoint(_FURNITURE_WORDS)


def _qualified(node: LexborNode, language: str | None) -> str | None:
    """The paragraph's text, when it reads as a paragraph of the article; else None."""
    text = " ".join(readable_text(node).text.split())
    if len(text) < MIN_CHARACTERS or _BOILERPLATE.search(text[:2000]) is not None:
        return None
    if _SENTENCE_END.search(text[-40:]) is None:
        return None  # "Contents", a breadcrumb, a caption line, "Coordinates: 42°S 174°E"
    words = count_words(text[:2000], lang=language)
    if words < MIN_WORDS or _is_byline(text, words):
        return None
    return text


def _is_byline(text: str, words: int) -> bool:
    """Whether the text is a byline or dateline rather than the article's first words."""
    if words > _BYLINE_MAX_WORDS:
        return False
    if _BYLINE.match(text) is not None or _DATELINE.match(text) is not None:
        return True
    try:
        parse_date(text.rstrip(".").strip())
    except NewspkgError:
        return False
    return True


def _cut(text: str) -> str:
    """``text`` if it fits in `MAX_LEAD` characters, else cut at a word boundary with "…"."""
    if len(text) <= MAX_LEAD:
        return text
    head = text[: MAX_LEAD - 1]
    space = head.rfind(" ")
    # Text written without spaces (Chinese, Japanese) is cut between characters.
    if space >= MAX_LEAD // 2:
        head = head[:space]
    return head.rstrip(" ,;:") + "\u2026"


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


# --- whether the page declares a description ------------------------------------------------

_DESCRIPTION_NAMES: Final = frozenset({"description", "abstract"})
_LOCAL_NAME: Final = re.compile(r"[/#:._-]")
_MAX_JSON_ITEMS: Final = 10_000


def declares_description(
    tag_keys: Iterable[str],
    documents: Iterable[object],
    unreadable_blocks: Iterable[str],
    markup_properties: Iterable[str],
) -> str | None:
    """Where the page declares a description, in words, or None when it declares none.

    Any syntax counts, whatever item or field it describes and whether or not its value
    could be used: a meta tag key naming a description or abstract (``og:description``,
    ``DC.description``, ``dcterms.abstract``, ``citation_abstract``...), a JSON-LD
    ``description`` or ``abstract`` on any item, a JSON-LD block that could not be read
    but mentions a description, a microdata ``itemprop`` or RDFa ``property`` naming one.
    """
    for key in tag_keys:
        if _names_description(key):
            return f"meta {key}"
    walk = JsonObjects(documents, _MAX_JSON_ITEMS)
    for item in walk:
        for key, inner in item.items():
            if isinstance(key, str) and _names_description(key) and inner not in ("", None, []):
                return "JSON-LD"
    if walk.cut_short:
        return "JSON-LD (too large to search)"
    for text in unreadable_blocks:
        if "description" in text.lower() or "abstract" in text.lower():
            return "an unreadable JSON-LD block"
    for names in markup_properties:
        if any(_names_description(name) for name in names.split()):
            return "microdata or RDFa"
    return None


def _names_description(key: str) -> bool:
    return _LOCAL_NAME.split(key.lower())[-1] in _DESCRIPTION_NAMES
