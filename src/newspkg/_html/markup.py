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

from newspkg._html.byline_text import MAX_BYLINE_TEXT, TextByline, find_date_text, parse_text_byline
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
# hAtom's (microformats.org/wiki/hatom) "published"/"updated" classes, and microdata's
# dateModified, on an element with a machine-readable value (``datetime``, or an ``<abbr>``'s
# ``title`` by the microformats value-title pattern Blogger's templates use).
_HATOM_PUBLISHED: Final = "abbr.published[title], abbr[itemprop~=datePublished][title]"
_MODIFIED_SELECTOR: Final = (
    "[itemprop~=dateModified], time.updated[datetime], abbr.updated[title], "
    "[class*=byline] time.updated[datetime]"
)
# Date properties on body elements of a page that is no RDFa article (Drupal writes its
# node's date as ``<span property="dc:date dc:created" content="...">`` on an sioc:Item).
_PROPERTY_DATE_SELECTOR: Final = (
    '[property~="dc:date"][content], [property~="dc:created"][content], '
    '[property~="dcterms:created"][content], [property~="dcterms:issued"][content], '
    '[property~="schema:datePublished"][content], [property~="schema:dateCreated"][content]'
)
_PRINTED_TIME_SELECTOR: Final = "time:not([datetime])"
# The text-byline walk: elements never holding the article's byline, and its bounds.
_NOT_BYLINE_TAGS: Final = frozenset(
    {"script", "style", "noscript", "template", "nav", "aside", "form", "select", "head"}
    | {"textarea", "button", "svg", "iframe", "pre", "code", "blockquote", "figcaption"}
)
MAX_TEXT_VISITS: Final = 200_000
_MAX_TEXT_BYLINES: Final = 4
_MAX_AUTHOR_LINKS: Final = 8
_MAX_HOME_LINKS: Final = 8
_MAX_TRIES: Final = 32
_MAX_CLIMB: Final = 3  # "By" alone in a <span>: the name is in the parent's text
_MAX_SIBLINGS: Final = 6  # nodes after a byline looked at for its date
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
        return tuple(text for _, text in self._byline_nodes)

    @functools.cached_property
    def _byline_nodes(self) -> tuple[tuple[LexborNode, str], ...]:
        return tuple(_bylines(self._nodes(_BYLINE_SELECTOR)))

    @functools.cached_property
    def author_links(self) -> tuple[str, ...]:
        """The names of the ``rel=author`` links beside the first one, when it is a byline.

        HTML's ``author`` link type names the author of the nearest ``<article>`` (or of the
        page), so each such link is an author; "beside" (a shared ancestor at most
        `_MAX_CLIMB` levels up) keeps out the bylines of other stories listed on the page.
        """
        if not self._byline_nodes:
            return ()
        first = self._byline_nodes[0][0]
        if first.tag != "a" or "author" not in (first.attributes.get("rel") or "").split():
            return ()
        scope = first.parent
        for _ in range(_MAX_CLIMB - 1):
            if scope is None or scope.parent is None or scope.parent.tag in ("body", "html"):
                break
            if len(scope.css("a[rel~=author]")) > 1:
                break
            scope = scope.parent
        links = [] if scope is None else scope.css("a[rel~=author]")[:_MAX_AUTHOR_LINKS]
        return tuple(dict.fromkeys(name for link in links if (name := _text(link))))

    @functools.cached_property
    def byline_date(self) -> str | None:
        """A date printed in the first byline element, or in the short text around it.

        Themes print the date beside the byline ("<div class=byline>Jane Doe</div><div
        class=date>Mar 5, 2024</div>"): the byline element's text, its parent's when short,
        then the text just after it.
        """
        if not self._byline_nodes:
            return None
        node = self._byline_nodes[0][0]
        for place in (node, node.parent):
            if place is not None and place.tag not in ("body", "html"):
                stamp = place.css_first("time[datetime]")
                if stamp is not None and (value := (stamp.attributes.get("datetime") or "")):
                    return value.strip()  # the machine-readable date beats its printed text
                text = _text(place)
                if len(text) <= MAX_BYLINE_TEXT and (date := find_date_text(text)):
                    return date
        return _date_after(node)

    @functools.cached_property
    def times(self) -> tuple[str, ...]:
        return tuple(_times(self._nodes(_DATE_SELECTOR)))

    @functools.cached_property
    def hatom_times(self) -> tuple[str, ...]:
        """``title`` values of hAtom ``abbr.published`` elements (Blogger's post date)."""
        return tuple(_attribute_values(self._nodes(_HATOM_PUBLISHED), "title"))

    @functools.cached_property
    def modified_times(self) -> tuple[str, ...]:
        """Machine-readable modification dates: ``dateModified``, hAtom ``updated``."""
        nodes = self._nodes(_MODIFIED_SELECTOR)
        return tuple(_attribute_values(nodes, "datetime", "content", "title"))

    @functools.cached_property
    def property_times(self) -> tuple[str, ...]:
        """``content`` of body elements with a Dublin Core or schema.org date property."""
        nodes = self._nodes(_PROPERTY_DATE_SELECTOR)
        return tuple(_attribute_values([n for n in nodes if n.tag != "meta"], "content"))

    @functools.cached_property
    def printed_times(self) -> tuple[str, ...]:
        """The texts of ``<time>`` elements without ``datetime`` ("March 5, 2024")."""
        nodes = self._nodes(_PRINTED_TIME_SELECTOR)[:_MAX_TEXT_BYLINES]
        return tuple(text for node in nodes if (text := _text(node)))

    @functools.cached_property
    def text_bylines(self) -> tuple[TextByline, ...]:
        """Bylines written as text ("Posted by X on <date>"), in page order (`byline_text`)."""
        body = None if self._tree is None else self._tree.body
        return () if body is None else tuple(_text_bylines(body))

    @functools.cached_property
    def home_names(self) -> tuple[str, ...]:
        """Texts of links to the site's home page (``rel=home``, ``href="/"``): its name."""
        nodes = self._nodes('a[rel~=home], a[href="/"]')[:_MAX_HOME_LINKS]
        return tuple(text for node in nodes if 0 < len(text := _text(node)) <= _MAX_BYLINE)

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


def _bylines(nodes: list[LexborNode]) -> list[tuple[LexborNode, str]]:
    found: list[tuple[LexborNode, str]] = []
    texts: list[str] = []
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
        if text and len(text) <= _MAX_BYLINE and text not in texts:
            texts.append(text)
            found.append((node, text))
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


def _attribute_values(nodes: list[LexborNode], *names: str) -> list[str]:
    found: list[str] = []
    for node in nodes:
        attributes = node.attributes
        value = next((v.strip() for n in names if (v := attributes.get(n)) and v.strip()), None)
        if value and value not in found:
            found.append(value)
        if len(found) >= 4:
            break
    return found


def _text_bylines(body: LexborNode) -> list[TextByline]:
    """Bylines and datelines written as text, found in one bounded walk over the body.

    A text node that starts like a byline ("By", "Posted by", "Submitted by", "Posted
    <date>") or holds a reading time ("5 min read") is read with its element's text; an
    element holding the lead word alone gives way to its parent, up to `_MAX_CLIMB` levels,
    while the text stays short. A byline without a date takes the first date printed in
    the short text just after it (the next siblings), where themes print it.
    """
    # The text nodes, joined in C, tell how many could start a byline: most pages have few
    # or none, and the Python walk stops once it has passed them all.
    expected = _candidates(body.text(deep=True, separator="\x00") or "")
    found: list[TextByline] = []
    stack = [body] if expected else []
    visits = tries = seen = 0
    # Each try reads a few short texts; capping the tries keeps a page of a million
    # "By ..." texts linear.
    while stack and visits < MAX_TEXT_VISITS and tries < _MAX_TRIES and seen < expected:
        node = stack.pop()
        visits += 1
        tag = node.tag
        if tag == "-text":
            text = node.text_content or ""
            if not _may_be_byline(text):
                continue
            seen += 1
            if len(text) <= MAX_BYLINE_TEXT:
                tries += 1
                byline = _byline_at(node)
                if byline is not None:
                    found.append(byline)
                    if len(found) >= _MAX_TEXT_BYLINES:
                        break
            continue
        if tag is None or tag.startswith(("-", "!")) or tag in _NOT_BYLINE_TAGS:
            continue
        if node.attributes.get("hidden") is not None:
            continue
        stack.extend(reversed(list(node.iter(include_text=True))))
    return found


_LEAD_START: Final = re.compile(
    r"(?i:(?:written|posted|submitted|published|story|words|reporting|text)\b"
    r"|by\s*:?\s|by\s*\Z|von\s|par\s|por\s|door\s)"
)
_LEAD_LETTERS: Final = frozenset("bBwWpPsStTvVdDrR")  # the first letters of those words
_READ_TIME_IN: Final = re.compile(r"\d\s*min(?:ute)?s?\.?\s+read\b", re.IGNORECASE)


def _candidates(joined: str) -> int:
    """How many of the NUL-separated text nodes in ``joined`` `_may_be_byline` takes."""
    return sum(1 for piece in joined.split("\x00") if _may_be_byline(piece))


def _may_be_byline(text: str) -> bool:
    # Plain string tests first: this runs on every text node of the page, and a regular
    # expression search of each costs several times the page's parse.
    text = text.lstrip()
    if text and text[0] in _LEAD_LETTERS and _LEAD_START.match(text) is not None:
        return True
    return ("read" in text or "Read" in text or "READ" in text) and bool(_READ_TIME_IN.search(text))


def _byline_at(text_node: LexborNode) -> TextByline | None:
    element = text_node.parent
    byline: TextByline | None = None
    for _ in range(_MAX_CLIMB):
        if element is None or element.tag in ("body", "html"):
            break
        text = _text(element)
        if len(text) > MAX_BYLINE_TEXT:
            break
        byline = parse_text_byline(text)
        if byline is not None and byline.name is not None:
            break
        element = element.parent
    if byline is None or element is None or _in_comments(element):
        return None
    if byline.date_text is None:
        byline = TextByline(name=byline.name, date_text=_date_after(element))
    return byline


def _date_after(element: LexborNode) -> str | None:
    """The first date printed in the short texts just after ``element``."""
    sibling = element.next
    for _ in range(_MAX_SIBLINGS):
        if sibling is None:
            return None
        if sibling.tag not in _NOT_BYLINE_TAGS:
            text = (sibling.text_content or "") if sibling.tag == "-text" else _text(sibling)
            if len(text) <= MAX_BYLINE_TEXT and (date := find_date_text(text)) is not None:
                return date
        sibling = sibling.next
    return None


def _item_types(nodes: list[LexborNode]) -> set[str]:
    names: set[str] = set()
    for node in nodes:
        for attribute in ("itemtype", "typeof"):
            for value in (node.attributes.get(attribute) or "").split():
                match = _TYPE_NAME.search(value) or re.fullmatch(r"([A-Za-z]+)", value)
                if match:
                    names.add(match.group(1))
    return names
