"""Whether a page without a JSON-LD article is an article page, decided from every signal.

Strong signals each suffice: an article type in any syntax (JSON-LD, microdata
``itemtype``, RDFa ``typeof``), ``og:type`` article, ``article:*`` tags, Highwire
``citation_title``, a Dublin Core title or date, Parse.ly ``parsely-type`` post, a byline
together with a date, or an ``<article>`` element.

Weak signals are a page of text (at least `MIN_WORDS` words in paragraphs, with a heading)
and an address that looks like a story (a date or ``/article/``, ``/news/``, ``/story/``,
``/blog/``, ``/post/`` in its path). A page with neither strong signal nor a contrary
declaration is read when it has either weak signal; a page that declares itself something
else (``og:type`` website, profile, video...) needs both. Otherwise `NoArticleError` says
what was found.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from newspkg._html.markup import MIN_WORDS
from newspkg._html.meta_families import PRECEDENCE
from newspkg._html.page_meta import PageMeta
from newspkg._schemaorg.vocabulary import vocabulary
from newspkg._urls import split_url

__all__ = ["ArticleSignals", "article_signals"]

_STORY_PATH: Final = re.compile(
    r"/(?:19|20)\d\d[/-]\d\d?(?:[/-]\d\d?)?(?:/|\b)|/(?:articles?|news|story|stories|blogs?|posts?)/",
    re.IGNORECASE,
)
_ARTICLE_TYPES: Final = vocabulary().subclasses_of("Article") | {"Article"}


@attrs.frozen
class ArticleSignals:
    """What a page shows about being an article.

    Attributes:
        strong: the strong signals found, in words ("og:type 'article'").
        weak: the weak signals found, in words.
        against: what says the page is something else ("og:type 'website'").
    """

    strong: tuple[str, ...]
    weak: tuple[str, ...]
    against: tuple[str, ...]

    @property
    def is_article(self) -> bool:
        """Whether the signals make the page an article page (see the module notes)."""
        if self.strong:
            return True
        return len(self.weak) >= (2 if self.against else 1)

    def describe(self) -> str:
        """The signals in words, for the error and the provenance note."""
        parts = [
            f"{label}: {', '.join(found)}"
            for label, found in (
                ("article signals", self.strong or self.weak),
                ("against", self.against),
            )
            if found
        ]
        return "; ".join(parts) or "no article signals (no article type, og:type, byline, date)"


def article_signals(
    page: PageMeta, *, jsonld_types: frozenset[str] = frozenset()
) -> ArticleSignals:
    """The article signals of a page, from its tags, markup and JSON-LD item types.

    The tags are looked at first; the page body only when they decide nothing.
    """
    og_type = page.og_type
    strong = _tag_signals(page, jsonld_types) or _markup_signals(page)
    # Weak signals are only looked for when no strong one decides (counting words costs).
    weak = [] if strong else _weak_signals(page)
    against = [] if og_type in (None, "article") else [f"og:type {og_type!r}"]
    return ArticleSignals(tuple(strong), tuple(weak), tuple(against))


def _tag_signals(page: PageMeta, jsonld_types: frozenset[str]) -> list[str]:
    strong: list[str] = []
    typed = sorted(jsonld_types & _ARTICLE_TYPES)
    if typed:
        strong.append(f"article type {', '.join(typed)}")
    if page.og_type == "article":
        strong.append("og:type 'article'")
    tags = sorted(key for key in page.tags if key.startswith("article:"))
    if tags:
        strong.append(f"tags {', '.join(tags[:3])}")
    for key in ("citation_title", "dc.title", "dcterms.title", "dc.date.issued", "dcterms.issued"):
        if key in page.tags:
            strong.append(f"meta {key}")
            break
    if any(value.lower() in {"post", "article"} for value in page.tags.get("parsely-type", ())):
        strong.append("parsely-type post")
    return strong


def _markup_signals(page: PageMeta) -> list[str]:
    strong: list[str] = []
    markup = page.markup
    typed = sorted(markup.item_types & _ARTICLE_TYPES)
    if typed:
        strong.append(f"article type {', '.join(typed)}")
    has_date = bool(markup.times) or any(k in page.tags for k in PRECEDENCE["date_published"])
    has_byline = bool(markup.bylines) or any(k in page.tags for k in PRECEDENCE["authors"])
    if has_date and has_byline:
        strong.append("a byline with a date")
    if markup.article_elements:
        strong.append("an <article> element")
    return strong


def _weak_signals(page: PageMeta) -> list[str]:
    weak: list[str] = []
    markup = page.markup
    if page.og_type is None and page.first("og:title", "og:url") is not None:
        weak.append("Open Graph tags without og:type")
    story = next((a for a in page.addresses if _is_story_address(a)), None)
    if story is not None:
        weak.append(f"a story address ({story})")
    if markup.paragraph_words >= MIN_WORDS and (markup.heading or page.title):
        weak.append(f"at least {MIN_WORDS} words of text")
    return weak


def _is_story_address(address: str) -> bool:
    parts = split_url(address)
    return parts is not None and _STORY_PATH.search(parts.path + "/") is not None
