"""Round trips: what the writer emits, the reader reads back, in every shape pyld gives it."""

from __future__ import annotations

import json
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given

from newspkg import Article, count_words, from_jsonld, iter_articles, to_jsonld
from newspkg._jsonld_processing import JsonValue, compact, expand, flatten
from tests.strategies import articles

# A context unlike schema.org's: a prefix and a few renamed terms, so compaction rewrites keys.
OTHER_CONTEXT: JsonValue = {
    "s": "http://schema.org/",
    "title": "s:headline",
    "by": {"@id": "s:author", "@container": "@set"},
    "pic": "s:image",
}


def expected_back(article: Article) -> Article:
    """What reading ``to_jsonld(article)`` gives: the article itself, with one exception.

    The writer always emits wordCount when there is a body; the reader keeps it only when
    it differs from the body's own count, so an explicit word_count that equals the body's
    count reads back as None (the same article for every purpose: the count is derived).
    Provenance describes how an article was read; it is not written.
    """
    word_count = article.word_count
    if article.body is not None and word_count == count_words(article.body, lang=article.language):
        word_count = None
    return attrs.evolve(article, word_count=word_count, provenance=())


RESHAPES: dict[str, Callable[[JsonValue], JsonValue]] = {
    "as written": lambda doc: doc,
    "as JSON text": json.dumps,
    "expanded": lambda doc: list(expand(doc)),
    "compacted with another context": lambda doc: compact(doc, OTHER_CONTEXT),
    "compacted with schema.org": lambda doc: compact(doc, "http://schema.org/"),
}


@pytest.mark.parametrize("reshape", RESHAPES.values(), ids=RESHAPES.keys())
@given(article=articles())
def test_round_trip(reshape: Callable[[JsonValue], JsonValue], article: Article) -> None:
    expected = expected_back(article)

    actual = from_jsonld(reshape(to_jsonld(article)))

    assert expected == actual


@given(article=articles())
def test_round_trip_flattened(article: Article) -> None:
    # Flattening treats values as sets; the models already keep text lists free of repeats.
    expected = expected_back(article)

    actual = from_jsonld(list(flatten(to_jsonld(article))))

    assert expected == actual


@given(article=articles())
def test_own_output_reads_back_with_no_provenance(article: Article) -> None:
    assert from_jsonld(to_jsonld(article)).provenance == ()


@given(article=articles())
def test_iter_articles_yields_only_the_article(article: Article) -> None:
    """Sources and related reads are parts of the article, never articles of the page."""
    assert [expected_back(article)] == list(iter_articles(to_jsonld(article)))


@given(article=articles())
def test_output_is_deterministic(article: Article) -> None:
    assert json.dumps(to_jsonld(article)) == json.dumps(to_jsonld(article))
