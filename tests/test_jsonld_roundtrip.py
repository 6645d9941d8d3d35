"""Round trips: what the writer emits, the reader reads back, in every shape pyld gives it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from hypothesis import given

from newspkg import Article, count_words, from_json, from_jsonld, iter_articles, to_jsonld
from newspkg._jsonld.processing import JsonValue, compact, expand, flatten
from tests.strategies import articles

EXAMPLE_ARTICLE = Path(__file__).resolve().parents[1] / "examples" / "article.json"

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
    # Flattening treats values as sets; the models already keep text lists free of repeats.
    "flattened": lambda doc: list(flatten(doc)),
}


@pytest.mark.parametrize("reshape", RESHAPES.values(), ids=RESHAPES.keys())
@given(article=articles())
def test_round_trip(reshape: Callable[[JsonValue], JsonValue], article: Article) -> None:
    expected = expected_back(article)

    actual = from_jsonld(reshape(to_jsonld(article)))

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


# Writes the example's JSON-LD, key order included; run under two hash seeds below.
PRINT_EXAMPLE_JSONLD = (
    "import json, sys, newspkg; "
    "article = newspkg.from_json(open(sys.argv[1], encoding='utf-8').read()); "
    "print(json.dumps(newspkg.to_jsonld(article)))"
)


def test_output_is_deterministic_across_processes() -> None:
    """Set and dict order change with the hash seed between runs, never within one."""
    outputs = [
        subprocess.run(
            [sys.executable, "-c", PRINT_EXAMPLE_JSONLD, str(EXAMPLE_ARTICLE)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    ]

    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0]) == to_jsonld(from_json(EXAMPLE_ARTICLE.read_text("utf-8")))
