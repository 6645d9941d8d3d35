"""Reading articles from HTML pages: the JSON-LD blocks first, the page's meta tags second.

A page is parsed with an HTML5 parser (lexbor, through selectolax), never with regular
expressions, so only real ``<script>`` elements count: JSON-LD shown as text in a ``<pre>``,
``<textarea>`` or comment, or kept in an inert ``<template>``, is not read; a block inside a
hidden element or ``<noscript>`` is, because search engines read it too.

`from_html` reads the page's main article from its JSON-LD (else from its microdata, else
its RDFa: `newspkg._html.structured`) and fills what the JSON-LD lacks
from the Open Graph, ``article:*`` and Twitter meta tags, recording each filled value in the
article's provenance. A page without a JSON-LD article but with Open Graph article tags gets
an article built from the tags alone (see `docs/html.md`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

import attrs
from selectolax.lexbor import LexborHTMLParser

from newspkg._html.article_signals import ArticleSignals, article_signals
from newspkg._html.depth import check_page_shape
from newspkg._html.encoding import decode_page
from newspkg._html.head_corrections import description_in_full, headline_by_name
from newspkg._html.json_walk import json_objects
from newspkg._html.lead_paragraph import MAX_LEAD, declares_description
from newspkg._html.limits import MAX_HTML_SIZE
from newspkg._html.meta_fill import article_from_meta, with_meta_fallbacks
from newspkg._html.page_meta import PageMeta, read_page_meta
from newspkg._html.structured import structured_article
from newspkg._jsonld.lenient_json import fix_key_case, repair_json
from newspkg._jsonld.processing import JsonValue, load_json
from newspkg._jsonld.reader import from_jsonld, iter_articles
from newspkg._models import Article, ProvenanceNote
from newspkg._urls import split_url
from newspkg._validation import check_option
from newspkg.errors import (
    LimitExceededError,
    NewspkgError,
    NoArticleError,
    ParseError,
    ValidationError,
)

__all__ = ["MAX_HTML_SIZE", "JsonLdBlock", "extract_jsonld", "from_html", "iter_jsonld_blocks"]

_JSONLD_TYPE: Final = "application/ld+json"
# Some pages wrap the JSON in an HTML comment, a leftover of pre-HTML5 script hiding
# (optionally behind "//"). Blanked out with spaces so JSON error columns stay true.
_COMMENT_OPEN: Final = re.compile(r"\A\s*(?://[ \t]*)?<!--")
_COMMENT_CLOSE: Final = re.compile(r"(?://[ \t]*)?-->\s*\Z")


@attrs.frozen(kw_only=True)
class JsonLdBlock:
    """One ``<script type="application/ld+json">`` element of a page, parsed or not.

    Attributes:
        index: the block's position among the page's JSON-LD blocks, from 0, in page order.
        text: the script's text exactly as found.
        data: the parsed JSON, or None when the block is empty or broken.
        error: why the block could not be read (a `ParseError`, possibly a
            `LimitExceededError`), or None when it was.
        repairs: what was repaired to read it (comments, trailing commas, capitalised
            keys...; see `newspkg._jsonld.lenient_json`), empty when nothing was.

    Examples:
        >>> [block.error is None for block in iter_jsonld_blocks(
        ...     '<script type="application/ld+json">{"@type": "NewsArticle"}</script>'
        ...     '<script type="application/ld+json">{oops}</script>')]
        [True, False]
    """

    index: int
    text: str
    data: JsonValue = None
    error: ParseError | None = None
    repairs: tuple[str, ...] = ()

    @property
    def path(self) -> str:
        """Where the block sits, for messages: ``script[0]`` is the page's first JSON-LD block."""
        return f"script[{self.index}]"


def iter_jsonld_blocks(html: str | bytes) -> Iterator[JsonLdBlock]:
    """Yield every JSON-LD script block of a page, in page order, with its parse result.

    The type attribute is matched case-insensitively and parameters are ignored
    (``application/ld+json; charset=utf-8``). CDATA and HTML-comment wrappers, a byte-order
    mark and raw control characters in strings are tolerated. Empty and broken blocks are
    yielded too, with ``error`` saying what is wrong (its path is the block's ``script[i]``),
    so checks can report them.

    Raises:
        LimitExceededError: the page is larger than `MAX_HTML_SIZE`.
    """
    for index, text in enumerate(_script_texts(parse_html(html))):
        yield _block(index, text)


def extract_jsonld(html: str | bytes) -> list[JsonValue]:
    """Return the parsed JSON of every readable JSON-LD block of a page, in page order.

    Empty and broken blocks are skipped; `iter_jsonld_blocks` reports them.

    Raises:
        LimitExceededError: the page is larger than `MAX_HTML_SIZE`.

    >>> extract_jsonld('<script type="Application/LD+JSON">{"@type": "NewsArticle"}</script>')
    [{'@type': 'NewsArticle'}]
    """
    return [block.data for block in iter_jsonld_blocks(html) if block.error is None]


def from_html(html: str | bytes, *, url: str | None = None, encoding: str | None = None) -> Article:
    """Read the main article of an HTML page.

    The JSON-LD blocks are read first (a broken block among good ones is skipped, with a
    provenance note); when several articles are found, the one whose URL is the page's
    (``url``, ``<link rel="canonical">`` or ``og:url``) wins, else the first. Fields the
    JSON-LD leaves empty are filled from the meta tags (``og:image``,
    ``article:published_time``, ``article:author``, ``article:section``, ``article:tag``,
    ...), never overriding it; each filled field gets a `ProvenanceNote`. A page with no
    JSON-LD article is read from its microdata, else its RDFa (with a note naming the
    syntax); one with neither but Open Graph article tags gets an article built from the
    tags alone.

    Args:
        html: the page, as text or as bytes (decoded by BOM, ``encoding``, ``<meta
            charset>``, or UTF-8; see `docs/html.md`).
        url: the address the page was fetched from; resolves relative URLs and picks the
            main article.
        encoding: for bytes, the charset the page was served with (an HTTP
            ``Content-Type`` charset), if known.

    Raises:
        ParseError: the page's only JSON-LD is broken and its meta tags hold no article.
        LimitExceededError: the page or a block is larger than newspkg's limits.
        NoArticleError: the page holds no article.

    >>> page = '''<meta property="og:type" content="article">
    ... <meta property="og:title" content="Grid operators brace">
    ... <meta property="og:url" content="https://example.com/news/1">'''
    >>> from_html(page).headline
    'Grid operators brace'
    """
    check_option("url", url, (str, type(None)), "the page URL as text, or None")
    tree, decoding = _parse(html, encoding=encoding)
    page = read_page_meta(tree, url=url)
    blocks = [_block(index, text) for index, text in enumerate(_script_texts(tree))]
    article, notes, errors = _main_jsonld_article(blocks, page)
    if article is not None:
        documents = [block.data for block in blocks if block.error is None]
        article = headline_by_name(article, documents, page, notes)
        article = description_in_full(article, page, notes)
    if decoding is not None:
        notes.insert(0, decoding)
    if article is None:
        # JSON-LD wins when the page has an article there; microdata, then RDFa, otherwise.
        article = structured_article(tree, page, notes, errors, pick=_pick)
    if article is not None:
        return _with_lead(with_meta_fallbacks(article, page, notes), page, blocks)
    signals = article_signals(page, jsonld_types=_jsonld_types(blocks))
    if signals.is_article:
        try:
            return _with_lead(article_from_meta(page, notes, signals), page, blocks)
        except NoArticleError:
            if not errors:
                raise
            # The JSON-LD's own errors say more than "the tags give no headline".
    if errors:
        raise _failure(errors)
    raise NoArticleError(_no_article_reason(blocks, signals), path="")


def _with_lead(article: Article, page: PageMeta, blocks: list[JsonLdBlock]) -> Article:
    """``article`` with the body's first paragraph as description, when the page declares none.

    The last resort for the description, as readability's excerpt and search engines'
    snippets: only when no syntax or tag family of the page declares a description (one
    that could not be used counts too), noted with where the paragraph was found.
    """
    if article.description is not None:
        return article
    declared = declares_description(
        page.tags.keys(),
        [block.data for block in blocks if block.error is None],
        [block.text for block in blocks if block.error is not None],
        page.markup.property_names(),
    )
    if declared is not None:
        return article
    lead = page.markup.lead(article.body)
    if lead is None:
        return article
    cut = f"; cut at a word boundary to {MAX_LEAD} characters" if lead.cut else ""
    note = ProvenanceNote(
        field="description",
        source="body paragraph",
        detail=f"the page declares no description; taken from the first paragraph of "
        f"{lead.where}{cut}",
    )
    try:
        return attrs.evolve(article, description=lead.text, provenance=(*article.provenance, note))
    except ValidationError:
        return article  # text the model refuses is no description: leave it out


# --- the page ---------------------------------------------------------------------------------


def parse_html(html: str | bytes) -> LexborHTMLParser:
    """Parse a page with the HTML5 parser newspkg uses everywhere.

    Raises:
        LimitExceededError: the page is larger than `MAX_HTML_SIZE`, nests elements deeper
            than `MAX_HTML_DEPTH` or holds a select with more than `MAX_SELECT_OPTIONS`
            options (shapes an HTML5 parser takes quadratic time over).
        ParseError: the page is neither text nor bytes.
    """
    return _parse(html)[0]


def _parse(
    html: str | bytes, *, encoding: str | None = None
) -> tuple[LexborHTMLParser, ProvenanceNote | None]:
    """The parsed page, and a note when its bytes were not read in the declared encoding."""
    note = None
    if isinstance(html, bytes | bytearray):
        if len(html) > MAX_HTML_SIZE:
            raise LimitExceededError(
                f"the page is {len(html):,} bytes; the limit is {MAX_HTML_SIZE:,}", path=""
            )
        decoded = decode_page(bytes(html), transport=encoding)
        html = decoded.text
        if decoded.note is not None:
            note = ProvenanceNote(field="encoding", source="page bytes", detail=decoded.note)
    if not isinstance(html, str):
        raise ParseError(f"expected HTML text or bytes, got {type(html).__name__}", path="")
    if len(html) > MAX_HTML_SIZE:
        raise LimitExceededError(
            f"the page is {len(html):,} characters; the limit is {MAX_HTML_SIZE:,}", path=""
        )
    check_page_shape(html)
    # An HTML5 parser accepts any text (lone surrogates are dropped), so this cannot fail.
    return LexborHTMLParser(html), note


def decode_html(data: bytes, *, encoding: str | None = None) -> str:
    """Decode a saved page as a browser would (see `newspkg._html.encoding`).

    A byte-order mark, then the transport charset ``encoding`` (an HTTP ``Content-Type``
    charset), then ``<meta charset>``, then UTF-8, falling back to windows-1252; valid
    multi-byte UTF-8 wins over a legacy declaration that it contradicts.
    """
    return decode_page(data, transport=encoding).text


def _script_texts(tree: LexborHTMLParser) -> Iterator[str]:
    for node in tree.css("script[type]"):
        kind = (node.attributes.get("type") or "").split(";", 1)[0].strip().lower()
        if kind == _JSONLD_TYPE:
            yield node.text(deep=True, separator="", strip=False)


def _unwrap_comment(text: str) -> str:
    opening = _COMMENT_OPEN.match(text)
    if opening is None:
        return text
    text = " " * opening.end() + text[opening.end() :]
    closing = _COMMENT_CLOSE.search(text)
    if closing is not None:
        text = text[: closing.start()] + " " * (closing.end() - closing.start())
    return text


def _block(index: int, text: str) -> JsonLdBlock:
    path = f"script[{index}]"
    if not text.strip():
        return JsonLdBlock(index=index, text=text, error=ParseError("empty block", path=path))
    unwrapped = _unwrap_comment(text)
    repairs: tuple[str, ...] = ()
    try:
        data = load_json(unwrapped, path=path)
    except LimitExceededError as error:
        return JsonLdBlock(index=index, text=text, error=error)
    except ParseError as error:
        fixed, repairs = repair_json(unwrapped)
        try:
            if not repairs:
                raise
            data = load_json(fixed, path=path)
        except ParseError:
            return JsonLdBlock(index=index, text=text, error=error)
    data, renamed = fix_key_case(data)
    return JsonLdBlock(index=index, text=text, data=data, repairs=(*repairs, *renamed))


# --- the article ------------------------------------------------------------------------------


def _main_jsonld_article(
    blocks: list[JsonLdBlock], page: PageMeta
) -> tuple[Article | None, list[ProvenanceNote], list[NewspkgError]]:
    """The page's main JSON-LD article, notes on what was skipped, and why it was.

    The readable blocks are read as one document, so an ``@id`` in one block may refer to
    an item in another (a publisher, a WebPage's ``mainEntity``); when that document
    cannot be processed (say, one block names a remote context), each block is tried on
    its own and the bad ones are skipped.
    """
    errors: list[NewspkgError] = [block.error for block in blocks if block.error is not None]
    notes = [_skipped(block.path, error) for block in blocks if (error := block.error)]
    notes.extend(
        ProvenanceNote(field="jsonld", source=block.path, detail=f"repaired: {'; '.join(fixes)}")
        for block in blocks
        if (fixes := block.repairs)
    )
    readable = [block for block in blocks if block.error is None]
    base_url = page.base or next(iter(page.addresses), None)
    document = _combined(readable)
    try:
        articles = iter_articles(document, base_url=base_url)
    except NewspkgError:
        good = []
        for block in readable:
            try:
                iter_articles(block.data, base_url=base_url)
            except NewspkgError as error:
                errors.append(error.under(block.path))
                notes.append(_skipped(block.path, error))
            else:
                good.append(block)
        document = _combined(good)
        articles = iter_articles(document, base_url=base_url)
    candidates = list(_readable_articles(articles, errors, notes))
    if not candidates:
        return None, notes, errors
    return _pick(candidates, page, document, base_url), notes, errors


def _combined(blocks: list[JsonLdBlock]) -> JsonValue:
    """The blocks' documents as one list document, in page order."""
    items: list[JsonValue] = []
    for block in blocks:
        items.extend(block.data if isinstance(block.data, list) else [block.data])
    return items


def _readable_articles(
    articles: Iterator[Article], errors: list[NewspkgError], notes: list[ProvenanceNote]
) -> Iterator[Article]:
    """Each article that can be read; one without a usable url or headline is skipped."""
    while True:
        try:
            yield next(articles)
        except StopIteration:
            return
        except NewspkgError as error:
            errors.append(error)
            notes.append(_skipped("jsonld", error, what="article"))


def _pick(
    candidates: list[Article], page: PageMeta, document: JsonValue, base: str | None
) -> Article:
    """The article at the page's own address, else the document's main one, else the first."""
    wanted = {page_key(address) for address in page.addresses}
    for article in candidates:
        if page_key(article.url) in wanted:
            return article
    if len(candidates) > 1:
        # The reader knows the document's main article (a WebPage's mainEntity, ...).
        try:
            return from_jsonld(document, base_url=base)
        except NewspkgError:
            pass
    return candidates[0]


def _skipped(path: str, error: NewspkgError, *, what: str = "block") -> ProvenanceNote:
    reason = "; ".join(
        problem.message if problem.path in {path, "$"} else str(problem)
        for problem in error.problems
    )
    return ProvenanceNote(field="jsonld", source=path, detail=f"{what} skipped: {reason}")


def page_key(address: str) -> str:
    """What makes two addresses the same page: host, path (no trailing slash) and query."""
    parts = split_url(address)
    if parts is None:
        return address  # not parseable: only the same text is the same page
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}?{parts.query}"


def _failure(errors: list[NewspkgError]) -> NewspkgError:
    """One error holding every problem, of the most specific class they all share."""
    problems = [problem for error in errors for problem in error.problems]
    kind = type(errors[0])
    if not all(type(error) is kind for error in errors):
        kind = ParseError if any(isinstance(e, ParseError) for e in errors) else ValidationError
    return kind(problems)


def _no_article_reason(blocks: list[JsonLdBlock], signals: ArticleSignals) -> str:
    where = (
        "the page has no JSON-LD block"
        if not blocks
        else f"none of the page's {len(blocks)} JSON-LD block(s) holds an article"
    )
    return f"{where}, and it does not read as an article page ({signals.describe()})"


def _jsonld_types(blocks: list[JsonLdBlock]) -> frozenset[str]:
    """The local names of every ``@type`` in the readable blocks (bounded walk)."""
    found: set[str] = set()
    readable = [block.data for block in blocks if block.error is None]
    for item in json_objects(readable, 10_000):
        kinds = item.get("@type")
        for kind in kinds if isinstance(kinds, list) else [kinds]:
            if isinstance(kind, str):
                found.add(re.split(r"[/#:]", kind)[-1])
    return frozenset(found)
