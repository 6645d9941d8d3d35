"""What the reader reads once and reuses within one article, and its fast path for sizes.

A publisher is reused when the site names the same node (`PartsReader.publisher`), and a
date text is parsed once (`ValueReader.date`). The reuse must change nothing: on every
corpus document the reader gives the same article (provenance notes included) as a reader
that reads every publisher and date afresh; a publisher whose read set something aside is
read again, so its notes name both paths; a reused date's notes are made at each path.
A size in pixels given as a JSON number reads as the text of its digits would.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import UTC
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newspkg import Article, NewspkgError, Publisher, ValidationError, from_jsonld
from newspkg._dates import parse_date_zoned
from newspkg._jsonld import parts, reader, values
from newspkg._jsonld.graph import Graph, Item, Literal, literal
from newspkg._jsonld.processing import JsonObject, JsonValue
from newspkg._models import Date
from newspkg._schemaorg import mapping as m
from newspkg._validation import MAX_COUNT

SCHEMA = "https://schema.org"


def _publisher_afresh(
    reader: parts.PartsReader, items: Iterable[Item], path: str
) -> Publisher | None:
    """The reading before the reuse: every call reads the first usable node anew."""
    for item in items:
        if isinstance(item, Literal):
            return reader.build(Publisher, {"name": str(item.value)}, path)
        node = reader.graph.node(item)
        if node is not None:
            return reader._publisher_of(node, path)
    return None


def _date_afresh(reader: values.ValueReader, text: str | None, path: str) -> Date | None:
    """The date reading before the reuse: every text parsed anew."""
    if text is None:
        return None
    try:
        value, defaulted = parse_date_zoned(text, default_timezone=reader.default_timezone)
    except ValidationError as error:
        reader.note(path, f"{error.problems[0].message}; not read")
        return None
    if defaulted:
        zone = reader.default_timezone
        reader.note(path, f"{text!r} had no time zone; read as {zone} (original: {text!r})")
    return value


def _read_all(corpus: Path) -> list[Article | str]:
    with (corpus / "realworld" / "index.tsv").open(encoding="utf-8", newline="") as index:
        rows = list(csv.DictReader(index, delimiter="\t"))
    results: list[Article | str] = []
    for row in rows:
        data = (corpus / "realworld" / row["file"]).read_bytes()
        try:
            results.append(from_jsonld(data, base_url=row["page_url"] or None))
        except NewspkgError as error:
            results.append(f"{type(error).__name__}: {error}")
    return results


def test_corpus_reads_the_same_with_and_without_reuse(
    shared_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reused = _read_all(shared_corpus)
    with monkeypatch.context() as patch:
        patch.setattr(parts.PartsReader, "publisher", _publisher_afresh)
        patch.setattr(values.ValueReader, "date", _date_afresh)
        afresh = _read_all(shared_corpus)
    assert reused == afresh
    # The corpus has pages whose site and article share a publisher node: the reuse is tried.
    shared = [
        a
        for a in reused
        if isinstance(a, Article) and a.site is not None and a.site.publisher == a.publisher
    ]
    assert len(shared) >= 50


def _page(logo: str | None) -> JsonObject:
    publisher: JsonObject = {"@type": "Organization", "@id": "https://ex.org/#org", "name": "Ex"}
    if logo is not None:
        publisher["logo"] = logo
    return {
        "@context": SCHEMA,
        "@graph": [
            publisher,
            {
                "@type": "WebSite",
                "@id": "https://ex.org/#site",
                "name": "Ex site",
                "url": "https://ex.org/",
                "publisher": {"@id": "https://ex.org/#org"},
            },
            {
                "@type": "NewsArticle",
                "headline": "A story",
                "url": "https://ex.org/story",
                "isPartOf": {"@id": "https://ex.org/#site"},
                "publisher": {"@id": "https://ex.org/#org"},
            },
        ],
    }


def test_a_clean_publisher_is_the_same_for_article_and_site() -> None:
    article = from_jsonld(_page("https://ex.org/logo.png"))
    assert article.publisher is not None
    assert article.publisher.logo is not None
    assert article.site is not None
    assert article.site.publisher == article.publisher
    assert article.provenance == ()


def test_a_publisher_with_notes_is_read_again_for_the_site() -> None:
    article = from_jsonld(_page("not a url"))
    fields = [note.field for note in article.provenance]
    assert fields == ["publisher.logo", "site.publisher.logo"]
    assert article.site is not None
    assert article.site.publisher == article.publisher


def _dated(published: str, modified: str) -> JsonObject:
    return {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "headline": "A story",
        "url": "https://ex.org/story",
        "datePublished": published,
        "dateModified": modified,
    }


@pytest.mark.parametrize(
    ("text", "kept"),
    [("2026-04-06T09:30:00", True), ("April 6, 2026 9:30", True), ("soon", False)],
)
def test_a_date_text_given_twice_has_notes_at_both_paths(text: str, kept: bool) -> None:
    article = from_jsonld(_dated(text, text))
    assert [note.field for note in article.provenance] == ["date_published", "date_modified"]
    assert len({note.detail for note in article.provenance}) == 1
    assert (article.date_published is not None) is kept
    assert article.date_modified == article.date_published


def _pixels_by_text(reader: values.ValueReader, value: str | int | float | bool) -> int | None:
    """`ValueReader.pixels` on one literal before its fast path for numbers: by the text."""
    match = values._PIXELS.fullmatch(str(value).strip())
    number = None if match is None else values.whole_number(match.group(1))
    if number is not None and number <= MAX_COUNT:
        return number
    reader.note("width", f"{value!r} is not a size in pixels; not read")
    return None


@given(
    st.one_of(
        st.integers(min_value=-10, max_value=MAX_COUNT + 10),
        st.integers(),
        st.booleans(),
        st.floats(allow_nan=True),
        st.from_regex(r"\s*-?\d{1,12}(\.0*)?\s*(px|PX)?\s*", fullmatch=True),
        st.text(max_size=12),
    )
)
@example(MAX_COUNT)
@example(MAX_COUNT + 1)  # the bounds of the fast path
@example(0)
@example(-1)
@example(True)
def test_pixels_agree_with_reading_the_text(value: str | int | float | bool) -> None:
    fast = values.ValueReader(Graph([]), base_url=None, default_timezone=UTC)
    by_text = values.ValueReader(Graph([]), base_url=None, default_timezone=UTC)
    assert fast.pixels([literal(value)], "width") == _pixels_by_text(by_text, value)
    assert fast.notes == by_text.notes


# --- parts skipped when the article node has none of their properties ------------------------


def _reading_every_part(patch: pytest.MonkeyPatch) -> None:
    """The reading before the skip: every part read, whatever properties the node has."""
    patch.setattr(reader._ArticleReading, "_has", staticmethod(lambda part, props: True))


def test_corpus_reads_the_same_with_and_without_skipping_absent_parts(
    shared_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    skipping = _read_all(shared_corpus)
    with monkeypatch.context() as patch:
        _reading_every_part(patch)
        reading = _read_all(shared_corpus)
    assert skipping == reading


_PART_VALUES: list[JsonValue] = [
    "a plain text",
    {"@id": "https://ex.org/elsewhere"},
    {
        "@type": ["CreativeWork", "ImageObject", "Comment", "Person", "WebPageElement"],
        "name": "A name",
        "headline": "A headline",
        "text": "A text",
        "url": "https://ex.org/part",
        "contentUrl": "https://ex.org/part.jpg",
        "inLanguage": "de",
        "datePublished": "2026-01-02T10:00:00Z",
        "cssSelector": ".paywall",
        "isAccessibleForFree": False,
    },
]


@pytest.mark.parametrize(
    ("part", "prop"),
    # From the mapping table, which the parts read by, not from the skip's own table.
    [
        *(
            (part, prop)
            for part in sorted(reader._PART_READS)
            if part != "sources"
            for prop in m.ARTICLE[part].read
        ),
        *(("sources", prop) for prop in m.SOURCE_ROLES.values()),
    ],
)
def test_a_part_given_by_any_one_of_its_properties_is_read(
    part: str, prop: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One property at a time, so a property missing from the skip's table is seen alone.
    page: JsonObject = {
        "@context": SCHEMA,
        "@type": "LiveBlogPosting",
        "url": "https://ex.org/a",
        "headline": "H",
        prop: _PART_VALUES,
    }
    skipping = from_jsonld(page)
    with monkeypatch.context() as patch:
        _reading_every_part(patch)
        reading = from_jsonld(page)
    assert skipping == reading
    assert skipping.provenance == reading.provenance
    # The part read something (a value or a note), so a wrong skip would show.
    assert getattr(skipping, part) not in (None, ()) or any(
        note.field.startswith(part) for note in skipping.provenance
    )
