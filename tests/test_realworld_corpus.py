"""The reader on JSON-LD from 377 real publisher pages (../shared/corpus/realworld/).

Each file gives an article or a newspkg error that says why; nothing else escapes. On files
where a plain JSON walk finds exactly one article, the reader must agree with it on the
headline, the publication date and the first author.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

import pytest

from newspkg import Article, NewspkgError, ValidationError, from_jsonld, parse_date
from newspkg._jsonld.processing import JsonObject, JsonValue, load_json
from newspkg._schemaorg.vocabulary import local_name, vocabulary

# Share of files holding valid JSON (with the Article the corpus guarantees) that must read.
# Measured: 410 of 411; the one left has no headline at all (heise.de).
MIN_SHARE = 0.99


def corpus_rows(corpus: Path) -> list[dict[str, str]]:
    with (corpus / "realworld" / "index.tsv").open(encoding="utf-8", newline="") as index:
        return list(csv.DictReader(index, delimiter="\t"))


def read(corpus: Path, row: dict[str, str]) -> Article | NewspkgError:
    data = (corpus / "realworld" / row["file"]).read_bytes()
    try:
        return from_jsonld(data, base_url=row["page_url"] or None)
    except NewspkgError as error:
        return error


def test_every_file_reads_or_says_why(shared_corpus: Path) -> None:
    outcomes = [(row, read(shared_corpus, row)) for row in corpus_rows(shared_corpus)]
    valid = [outcome for row, outcome in outcomes if not row["json_status"].startswith("invalid")]
    reasons = Counter(
        f"{type(outcome).__name__}: {outcome.problems[0].message.split(' at line')[0]}"
        for _, outcome in outcomes
        if isinstance(outcome, NewspkgError)
    )
    share = sum(isinstance(outcome, Article) for outcome in valid) / len(valid)

    assert all(isinstance(outcome, Article | NewspkgError) for _, outcome in outcomes)
    assert all(str(outcome) for _, outcome in outcomes if isinstance(outcome, NewspkgError))
    assert share >= MIN_SHARE, reasons


def test_invalid_json_files_give_parse_errors(shared_corpus: Path) -> None:
    rows = [r for r in corpus_rows(shared_corpus) if r["json_status"].startswith("invalid")]

    outcomes = [type(read(shared_corpus, row)).__name__ for row in rows]

    assert outcomes == ["ParseError"] * len(rows)


# --- agreement with a plain JSON walk ----------------------------------------------------------

ARTICLE_TYPES = vocabulary().subclasses_of("Article") | {"Article"}


def objects(value: JsonValue) -> Iterator[JsonObject]:
    if isinstance(value, list):
        for item in value:
            yield from objects(item)
    elif isinstance(value, dict):
        yield value
        for item in value.values():
            yield from objects(item)


def type_names(obj: JsonObject) -> set[str]:
    types = obj.get("@type")
    names = types if isinstance(types, list) else [types]
    return {local_name(n) or n for n in names if isinstance(n, str)}


def first_author(obj: JsonObject, by_id: dict[str, JsonObject]) -> str | None:
    author = obj.get("author")
    if isinstance(author, list):
        author = author[0] if author else None
    if isinstance(author, dict) and set(author) == {"@id"}:
        author = by_id.get(str(author["@id"]))
    if isinstance(author, dict):
        author = author.get("name")
    return (author.strip() or None) if isinstance(author, str) else None


def direct_walk(data: JsonValue) -> tuple[str, str | None, str | None] | None:
    """Headline, datePublished and first author of the only article, found without JSON-LD."""
    found = list(objects(data))
    articles = [
        obj
        for obj in found
        if type_names(obj) & ARTICLE_TYPES and isinstance(obj.get("headline"), str)
    ]
    if len(articles) != 1:
        return None
    by_id = {str(obj["@id"]): obj for obj in found if "@id" in obj and len(obj) > 1}
    (article,) = articles
    published = article.get("datePublished")
    return (
        str(article["headline"]).strip(),
        published if isinstance(published, str) else None,
        first_author(article, by_id),
    )


def test_agrees_with_a_plain_json_walk(shared_corpus: Path) -> None:
    checked = Counter[str]()
    disagreements: list[tuple[str, str, object, object]] = []
    for row in corpus_rows(shared_corpus):
        article = read(shared_corpus, row)
        try:
            walked = direct_walk(
                load_json((shared_corpus / "realworld" / row["file"]).read_bytes())
            )
        except NewspkgError:
            continue
        if walked is None or not isinstance(article, Article):
            continue
        headline, published, author = walked
        checked["headline"] += 1
        if headline != article.headline:
            disagreements.append((row["file"], "headline", headline, article.headline))
        if published is not None:
            try:
                expected = parse_date(published, default_timezone=UTC)
            except ValidationError:
                expected = None
            checked["datePublished"] += 1
            if expected != article.date_published:
                disagreements.append((row["file"], "date", published, article.date_published))
        if author is not None:
            checked["author"] += 1
            first = article.authors[0].name if article.authors else None
            if author != first:
                disagreements.append((row["file"], "author", author, first))

    print(dict(checked))  # the agreement figures reported in docs/jsonld.md
    assert checked["headline"] > 300
    assert disagreements == [], json.dumps(disagreements, default=str, indent=1)


@pytest.mark.parametrize("name", ["1000things.at.json", "time.com.json", "nbcnews.com-2.json"])
def test_known_quirks(shared_corpus: Path, name: str) -> None:
    row = next(r for r in corpus_rows(shared_corpus) if r["file"] == name)

    article = read(shared_corpus, row)

    assert isinstance(article, Article)
    assert article.headline
