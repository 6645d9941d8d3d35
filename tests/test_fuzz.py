"""Fuzz tests: hostile input to every public entry point lets only newspkg errors escape.

Hypothesis drives each entry point with hostile JSON, JSON-LD, HTML, bytes and arguments.
Under ``CI`` the examples are bounded by the ``ci`` profile; for a longer local run, select
the ``fuzz`` profile: ``HYPOTHESIS_PROFILE=fuzz pytest tests/test_fuzz.py``. For
coverage-guided fuzzing see ``scripts/fuzz.py``.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from datetime import UTC, timedelta, timezone

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newspkg
from newspkg import Article, NewspkgError
from newspkg._cli import INTERNAL_ERROR, cli
from newspkg._schemaorg import mapping as m
from tests.strategies import articles

pytestmark = pytest.mark.filterwarnings("error")

# Slow inputs are expected here (pyld, deep HTML); what matters is what escapes.
_FUZZ = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# --- hostile JSON ------------------------------------------------------------------------------

_EDGE_TEXT = [
    "",
    " ",
    "\x00",
    "\ud800",
    "\udfff",
    "\ufeff",
    "\u2028",
    "http://[",
    "http://[x]/#a",
    "HTTPS://EXAMPLE.COM/A",
    "https://a.com:99999/",
    "https://a.com/",
    "//schema.org",
    "schema.org",
    "@id",
    "@type",
    "_:b0",
    "-1",
    "1e400",
    "9" * 400,
    "P1Y2M",
    "PT5M",
    "2026-04-06",
    "0000-00-00",
    "2026-04-06T09:30:00+99:00",
    "9999-12-31T23:59:59-23:59",
    "</script>",
    "<!--",
    "NaN",
]
_KEYS = [
    "@context",
    "@type",
    "@id",
    "@graph",
    "@value",
    "@language",
    "@list",
    "@reverse",
    "@vocab",
    "@base",
    "@included",
    "@nest",
    *sorted({prop for term in m.ARTICLE.values() for prop in term.props}),
    "name",
    "url",
    "author",
    "publisher",
    "image",
    "logo",
    "mainEntityOfPage",
    "mainEntity",
    "isBasedOn",
    "citation",
    "interactionType",
    "userInteractionCount",
    "agentInteractionStatistic",
    "width",
    "height",
    "position",
    "format_version",
    "headline",
    "authors",
    "figures",
    "word_count",
]
_TYPES = ["NewsArticle", "Article", "Person", "Organization", "ImageObject", "WebPage", "Thing"]
_CONTEXTS: list[object] = [
    "https://schema.org",
    "http://schema.org/",
    "https://schema.org/docs/jsonldcontext.json",
    "https://example.com/context",
    {"@vocab": "https://schema.org/"},
    {"@vocab": "http://schema.org/", "@base": "http://["},
    ["https://schema.org", {"@reserved": "x", "a": {"@id": "@b"}}],
    ["https://schema.org", {"headline": {"@id": "name", "@container": "@list"}}],
    {"@version": 1.1, "@protected": True},
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**15, max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(_EDGE_TEXT),
    st.sampled_from(_TYPES),
    st.text(max_size=20),
)
_json_keys = st.one_of(st.sampled_from(_KEYS), st.text(max_size=8))
json_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.one_of(st.sampled_from(_KEYS), st.text(max_size=8)), children, max_size=5
        ),
    ),
    max_leaves=25,
)


@st.composite
def jsonld_documents(draw: st.DrawFn) -> object:
    """JSON-LD-shaped documents: a context, article-like types and hostile property values."""
    node = draw(st.dictionaries(st.sampled_from(_KEYS), json_values, max_size=8))
    node["@type"] = draw(st.one_of(st.sampled_from(_TYPES), json_values))
    if draw(st.booleans()):
        node["headline"] = draw(st.one_of(st.sampled_from(_EDGE_TEXT), json_values))
        node["url"] = draw(st.one_of(st.sampled_from(_EDGE_TEXT), json_values))
    if draw(st.booleans()):
        node = {"@graph": [node, *draw(st.lists(json_values, max_size=3))]}
    node["@context"] = draw(st.one_of(st.sampled_from(_CONTEXTS), json_values))
    return node


def json_texts() -> st.SearchStrategy[str]:
    """JSON text, broken JSON, deeply nested JSON and JSON with hostile escapes."""
    valid = st.one_of(json_values, jsonld_documents()).map(
        lambda value: json.dumps(value, ensure_ascii=False)
    )
    nested = st.integers(1, 3000).map(lambda depth: "[" * depth + "]" * depth)
    escapes = st.sampled_from(['"\\ud800"', '{"headline": "\\u0000"}', "[1e99999]", "NaN", "-"])
    broken = valid.flatmap(lambda text: st.integers(0, len(text)).map(lambda cut: text[:cut]))
    return st.one_of(valid, nested, escapes, broken, st.text(max_size=50))


# --- hostile HTML ------------------------------------------------------------------------------

_ATTRIBUTES = [
    'property="og:url" content="{v}"',
    'property="og:title" content="{v}"',
    'property="og:type" content="article"',
    'property="og:image" content="{v}"',
    'property="og:image:width" content="{v}"',
    'property="article:published_time" content="{v}"',
    'property="article:author" content="{v}"',
    'name="description" content="{v}"',
    'rel="canonical" href="{v}"',
    'href="{v}"',
    'charset="{v}"',
    'http-equiv="content-type" content="text/html; charset={v}"',
]
_TAGS = ["meta", "link", "base", "img", "p", "div", "article", "h1", "figure", "script"]


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """Pages of meta tags, links, a base, text and JSON-LD blocks, with hostile values."""
    parts = []
    for _ in range(draw(st.integers(0, 8))):
        tag = draw(st.sampled_from(_TAGS))
        value = draw(st.one_of(st.sampled_from(_EDGE_TEXT), st.text(max_size=20)))
        attribute = draw(st.sampled_from(_ATTRIBUTES)).format(v=value.replace('"', "&quot;"))
        parts.append(f"<{tag} {attribute}>")
    for _ in range(draw(st.integers(0, 2))):
        text = draw(json_texts())
        parts.append(f'<script type="application/ld+json">{text}</script>')
    if draw(st.booleans()):
        parts.append("<div>" * draw(st.integers(0, 300)) + draw(st.text(max_size=30)))
    return "".join(parts)


any_argument = st.one_of(
    scalars, json_values, st.binary(max_size=20), st.just(float("nan")), st.just(object())
)


def _only_newspkg_errors(call: Callable[[], object]) -> None:
    try:
        result = call()
        if hasattr(result, "__next__"):
            list(result)  # type: ignore[call-overload]
    except NewspkgError:
        pass


# --- readers -----------------------------------------------------------------------------------


@_FUZZ
@given(text=st.one_of(json_texts(), st.binary(max_size=200)))
def test_from_json(text: str | bytes) -> None:
    _only_newspkg_errors(lambda: newspkg.from_json(text))


@_FUZZ
@given(data=json_values)
def test_from_dict(data: object) -> None:
    _only_newspkg_errors(lambda: newspkg.from_dict(data))  # type: ignore[arg-type]


@_FUZZ
@given(
    source=st.one_of(jsonld_documents(), json_texts(), st.binary(max_size=200)),
    base_url=st.one_of(st.none(), st.sampled_from(_EDGE_TEXT), any_argument),
    as_text=st.booleans(),
)
def test_from_jsonld_and_iter_articles(source: object, base_url: object, as_text: bool) -> None:
    if as_text and isinstance(source, dict):
        source = json.dumps(source)
    _only_newspkg_errors(lambda: newspkg.from_jsonld(source, base_url=base_url))  # type: ignore[arg-type]
    _only_newspkg_errors(lambda: newspkg.iter_articles(source, base_url=base_url))  # type: ignore[arg-type]


@_FUZZ
@given(
    page=st.one_of(html_pages(), st.binary(max_size=300), st.text(max_size=100)),
    url=st.one_of(st.none(), st.sampled_from(_EDGE_TEXT)),
)
def test_from_html_and_blocks(page: str | bytes, url: str | None) -> None:
    _only_newspkg_errors(lambda: newspkg.from_html(page, url=url))
    _only_newspkg_errors(lambda: newspkg.extract_jsonld(page))
    _only_newspkg_errors(lambda: newspkg.iter_jsonld_blocks(page))


@_FUZZ
@given(obj=st.one_of(jsonld_documents(), json_texts(), html_pages(), any_argument))
def test_check(obj: object) -> None:
    _only_newspkg_errors(lambda: newspkg.check(obj))  # type: ignore[arg-type]


@_FUZZ
@given(
    text=st.one_of(st.text(), html_pages(), any_argument),
    lang=st.one_of(st.none(), st.sampled_from(["en", "zh", "JA", "th", "x", ""]), any_argument),
    images=st.one_of(st.none(), st.integers(), any_argument),
    speed=st.one_of(st.none(), st.floats(), st.integers(), st.text(max_size=10), any_argument),
)
def test_reading_time_and_count_words(
    text: object, lang: object, images: object, speed: object
) -> None:
    _only_newspkg_errors(lambda: newspkg.count_words(text, lang=lang))  # type: ignore[arg-type]
    _only_newspkg_errors(
        lambda: newspkg.reading_time(text, lang=lang, images=images, speed=speed)  # type: ignore[arg-type]
    )


@_FUZZ
@given(
    text=st.one_of(st.sampled_from(_EDGE_TEXT), st.text(max_size=40), any_argument),
    zone=st.one_of(st.none(), st.just(UTC), st.just(timezone(timedelta(hours=23, minutes=59)))),
)
def test_parse_date(text: object, zone: timezone | None) -> None:
    _only_newspkg_errors(lambda: newspkg.parse_date(text, default_timezone=zone))  # type: ignore[arg-type]


# --- writers: everything a model can hold is written, and read back ----------------------------


@_FUZZ
@given(article=articles())
def test_writers_and_checks_take_every_article(article: Article) -> None:
    newspkg.to_json(article)
    newspkg.to_jsonld(article)
    newspkg.check(article)
    newspkg.reading_time(article)
    newspkg.from_html(newspkg.to_meta_tags(article) + newspkg.to_script_tag(article))


@_FUZZ
@given(obj=any_argument)
def test_writers_refuse_what_is_not_an_article(obj: object) -> None:
    writers: list[Callable[[object], object]] = [
        newspkg.to_json,  # type: ignore[list-item]
        newspkg.to_jsonld,  # type: ignore[list-item]
        newspkg.to_script_tag,  # type: ignore[list-item]
        newspkg.to_meta_tags,  # type: ignore[list-item]
    ]
    for write in writers:
        if write is newspkg.to_script_tag and isinstance(obj, dict | list):
            # A JSON-LD document of the caller's own is welcome there: text or a newspkg error.
            with contextlib.suppress(NewspkgError):
                assert isinstance(write(obj), str)
            continue
        with pytest.raises(NewspkgError):
            write(obj)


# --- the command -------------------------------------------------------------------------------

_COMMANDS = [
    ["read"],
    ["read", "--jsonl"],
    ["jsonld"],
    ["jsonld", "--script"],
    ["meta"],
    ["check"],
    ["check", "--format", "json"],
    ["readtime"],
    ["readtime", "--format", "json"],
]


def _raw_bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # lone surrogates become invalid UTF-8


@_FUZZ
@given(
    command=st.sampled_from(_COMMANDS),
    stdin=st.one_of(
        json_texts().map(_raw_bytes), html_pages().map(_raw_bytes), st.binary(max_size=200)
    ),
    extra=st.lists(
        st.sampled_from(["--url", "http://[", "--lang", "EN", "--speed", "1e-13", "-x", "--"]),
        max_size=2,
    ),
)
def test_the_command_never_shows_a_traceback(
    command: list[str], stdin: bytes, extra: list[str]
) -> None:
    result = CliRunner().invoke(cli, [*command, *extra, "-"], input=stdin)
    assert result.exit_code in {0, 1, 2}, result.output
    assert result.exit_code != INTERNAL_ERROR
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
