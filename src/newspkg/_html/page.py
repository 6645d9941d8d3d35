"""Reading articles from HTML pages: the JSON-LD blocks first, the page's meta tags second.

A page is parsed with an HTML5 parser (lexbor, through selectolax), never with regular
expressions, so only real ``<script>`` elements count: JSON-LD shown as text in a ``<pre>``,
``<textarea>`` or comment, or kept in an inert ``<template>``, is not read; a block inside a
hidden element or ``<noscript>`` is, because search engines read it too.

`from_html` reads the page's main article from its JSON-LD and fills what the JSON-LD lacks
from the Open Graph, ``article:*`` and Twitter meta tags, recording each filled value in the
article's provenance. A page without a JSON-LD article but with Open Graph article tags gets
an article built from the tags alone (see `docs/html.md`).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from typing import Any, Final

import attrs
from selectolax.lexbor import LexborHTMLParser

from newspkg._html.depth import check_page_shape
from newspkg._html.meta_tags import MetaValue, PageMeta, meta_values, read_page_meta
from newspkg._jsonld.processing import JsonValue, load_json
from newspkg._jsonld.reader import from_jsonld, iter_articles
from newspkg._models import Article, ArticleKind, ProvenanceNote
from newspkg._urls import split_url
from newspkg.errors import (
    LimitExceededError,
    NewspkgError,
    NoArticleError,
    ParseError,
    ValidationError,
)

__all__ = ["MAX_HTML_SIZE", "JsonLdBlock", "extract_jsonld", "from_html", "iter_jsonld_blocks"]

MAX_HTML_SIZE: Final = 32 * 1024 * 1024
"""Largest page accepted: 32 MiB (bytes for `bytes` input, characters for `str`)."""

_JSONLD_TYPE: Final = "application/ld+json"
# Some pages wrap the JSON in an HTML comment, a leftover of pre-HTML5 script hiding
# (optionally behind "//"). Blanked out with spaces so JSON error columns stay true.
_COMMENT_OPEN: Final = re.compile(r"\A\s*(?://[ \t]*)?<!--")
_COMMENT_CLOSE: Final = re.compile(r"(?://[ \t]*)?-->\s*\Z")
# The encoding declaration a browser's pre-scan finds in the first 1,024 bytes.
_META_CHARSET: Final = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)


@attrs.frozen(kw_only=True)
class JsonLdBlock:
    """One ``<script type="application/ld+json">`` element of a page, parsed or not.

    Attributes:
        index: the block's position among the page's JSON-LD blocks, from 0, in page order.
        text: the script's text exactly as found.
        data: the parsed JSON, or None when the block is empty or broken.
        error: why the block could not be read (a `ParseError`, possibly a
            `LimitExceededError`), or None when it was.

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


def from_html(html: str | bytes, *, url: str | None = None) -> Article:
    """Read the main article of an HTML page.

    The JSON-LD blocks are read first (a broken block among good ones is skipped, with a
    provenance note); when several articles are found, the one whose URL is the page's
    (``url``, ``<link rel="canonical">`` or ``og:url``) wins, else the first. Fields the
    JSON-LD leaves empty are filled from the meta tags (``og:image``,
    ``article:published_time``, ``article:author``, ``article:section``, ``article:tag``,
    ...), never overriding it; each filled field gets a `ProvenanceNote`. A page with no
    JSON-LD article but Open Graph article tags gets an article built from the tags alone.

    Args:
        html: the page, as text or as bytes (decoded by BOM, ``<meta charset>``, or UTF-8).
        url: the address the page was fetched from; resolves relative URLs and picks the
            main article.

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
    tree = parse_html(html)
    page = read_page_meta(tree, url=url)
    blocks = [_block(index, text) for index, text in enumerate(_script_texts(tree))]
    article, notes, errors = _main_jsonld_article(blocks, page)
    if article is not None:
        return _with_meta_fallbacks(article, page, notes)
    if page.is_article:
        return _article_from_meta(page, notes)
    if errors:
        raise _failure(errors)
    raise NoArticleError(_no_article_reason(blocks, page))


# --- the page ---------------------------------------------------------------------------------


def parse_html(html: str | bytes) -> LexborHTMLParser:
    """Parse a page with the HTML5 parser newspkg uses everywhere.

    Raises:
        LimitExceededError: the page is larger than `MAX_HTML_SIZE`, nests elements deeper
            than `MAX_HTML_DEPTH` or holds a select with more than `MAX_SELECT_OPTIONS`
            options (shapes an HTML5 parser takes quadratic time over).
        ParseError: the page is neither text nor bytes.
    """
    if isinstance(html, bytes | bytearray):
        if len(html) > MAX_HTML_SIZE:
            raise LimitExceededError(
                f"the page is {len(html):,} bytes; the limit is {MAX_HTML_SIZE:,}"
            )
        html = decode_html(bytes(html))
    if not isinstance(html, str):
        raise ParseError(f"expected HTML text or bytes, got {type(html).__name__}")
    if len(html) > MAX_HTML_SIZE:
        raise LimitExceededError(
            f"the page is {len(html):,} characters; the limit is {MAX_HTML_SIZE:,}"
        )
    check_page_shape(html)
    # An HTML5 parser accepts any text (lone surrogates are dropped), so this cannot fail.
    return LexborHTMLParser(html)


def decode_html(data: bytes) -> str:
    """Decode a saved page as a browser would: BOM, then ``<meta charset>``, then UTF-8.

    Bytes that are not valid in the chosen encoding become U+FFFD; a page that declares
    nothing and is not UTF-8 is read as windows-1252, the web's legacy default.
    """
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    declared = _META_CHARSET.search(data[:1024])
    if declared is not None:
        try:
            name = codecs.lookup(declared.group(1).decode("ascii")).name
        except LookupError:
            pass
        else:
            # A page cannot really be UTF-16 once its bytes were found as ASCII (HTML spec).
            name = "utf-8" if name.startswith("utf-16") else name
            return data.decode(name, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("windows-1252", errors="replace")


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
    try:
        data = load_json(_unwrap_comment(text), path=path)
    except ParseError as error:
        return JsonLdBlock(index=index, text=text, error=error)
    return JsonLdBlock(index=index, text=text, data=data)


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
    wanted = {_page_key(address) for address in page.addresses}
    for article in candidates:
        if _page_key(article.url) in wanted:
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


def _page_key(address: str) -> str:
    """What makes two addresses the same page: host, path (no trailing slash) and query."""
    parts = split_url(address)
    if parts is None:
        return address  # not parseable: only the same text is the same page
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}?{parts.query}"


def _with_meta_fallbacks(article: Article, page: PageMeta, notes: list[ProvenanceNote]) -> Article:
    """``article`` with its empty fields filled from the page's tags, never overriding one."""
    fills: dict[str, MetaValue] = {}
    for field, found in meta_values(page).items():
        if getattr(article, field) not in (None, ()):
            continue
        if found.value is None:
            notes.append(_set_aside(found, found.problem or "no usable value"))
        else:
            fills[field] = found

    def build(values: dict[str, Any]) -> Article:
        return attrs.evolve(article, **values)

    return _settle(build, fills, notes, why="not in the JSON-LD")


def _article_from_meta(page: PageMeta, notes: list[ProvenanceNote]) -> Article:
    """An article built from the page's Open Graph and ``article:*`` tags alone."""
    found = meta_values(page)
    fills = {field: value for field, value in found.items() if value.value is not None}
    notes.extend(
        _set_aside(value, value.problem or "") for value in found.values() if value.value is None
    )
    missing = [field for field in ("url", "headline") if field not in fills]
    if missing:
        raise NoArticleError(
            f"the page has no JSON-LD article, and its meta tags give no {' or '.join(missing)}"
        )
    notes.append(
        ProvenanceNote(
            field="kind",
            source="meta og:type",
            detail="the page has no JSON-LD article; Open Graph says only 'article'",
        )
    )

    def build(values: dict[str, Any]) -> Article:
        return Article(kind=ArticleKind.ARTICLE, **values)

    return _settle(build, fills, notes, why="the page has no JSON-LD article")


def _settle(
    build: Callable[[dict[str, Any]], Article],
    fills: dict[str, MetaValue],
    notes: list[ProvenanceNote],
    *,
    why: str,
) -> Article:
    """Build the article from the fills, setting aside each one the model refuses."""
    while True:
        try:
            article = build({field: found.value for field, found in fills.items()})
        except ValidationError as error:
            refused = {_top_field(problem.path): problem for problem in error.problems}
            if not refused.keys() & fills.keys() or refused.keys() & {"url", "headline"}:
                raise NoArticleError(error.problems) from None
            notes.extend(
                _set_aside(fills.pop(field), refused[field].message)
                for field in sorted(refused.keys() & fills.keys())
            )
            continue
        filled = [
            ProvenanceNote(
                field=field,
                source=found.source,
                detail=f"{why}; taken from {found.where}"
                + (f"; {found.problem}" if found.problem else ""),
            )
            for field, found in fills.items()
        ]
        return attrs.evolve(article, provenance=(*article.provenance, *notes, *filled))


def _set_aside(found: MetaValue, reason: str) -> ProvenanceNote:
    return ProvenanceNote(
        field=found.field, source=found.source, detail=f"not used: {reason or 'unusable'}"
    )


def _top_field(path: str) -> str:
    return re.split(r"[.\[]", path, maxsplit=1)[0]


def _failure(errors: list[NewspkgError]) -> NewspkgError:
    """One error holding every problem, of the most specific class they all share."""
    problems = [problem for error in errors for problem in error.problems]
    kind = type(errors[0])
    if not all(type(error) is kind for error in errors):
        kind = ParseError if any(isinstance(e, ParseError) for e in errors) else ValidationError
    return kind(problems)


def _no_article_reason(blocks: list[JsonLdBlock], page: PageMeta) -> str:
    where = (
        "the page has no JSON-LD block"
        if not blocks
        else f"none of the page's {len(blocks)} JSON-LD block(s) holds an article"
    )
    og_type = page.og_type
    tags = "no Open Graph article tags" if og_type is None else f"og:type {og_type!r}"
    return f"{where}, and it has {tags}"
