"""The work of context processing: the bundled context applied once, and the work budget.

These tests count what pyld really processes; they never time anything.
"""

from __future__ import annotations

import uuid

import pytest

from newspkg import from_jsonld
from newspkg._jsonld import context_work as cw
from newspkg._jsonld import processing as jp
from newspkg._jsonld.processing import JsonObject, JsonValue, compact, expand, flatten
from newspkg.errors import LimitExceededError, ParseError

SCHEMA = "https://schema.org"
ARTICLE: JsonObject = {
    "@type": "NewsArticle",
    "headline": "Grid operators brace",
    "url": "https://example.com/news/1",
}


@pytest.fixture
def budgets(monkeypatch: pytest.MonkeyPatch) -> list[cw.WorkBudget]:
    """Every budget the JSON-LD operations make, so a test can read what each one spent."""
    made: list[cw.WorkBudget] = []

    def counting(*, values: int) -> cw.WorkBudget:
        made.append(cw.WorkBudget(values=values))
        return made[-1]

    monkeypatch.setattr(jp, "WorkBudget", counting)
    expand({"@context": SCHEMA, **ARTICLE})  # warm: the first processing is per process
    made.clear()
    return made


def _nested(depth: int) -> JsonObject:
    """An article whose author chain is ``depth`` nodes deep, each carrying the context."""
    node: JsonObject = {"@context": SCHEMA, "@type": "Person", "name": f"p{depth}"}
    for level in range(depth - 1, 0, -1):
        node = {"@context": SCHEMA, "@type": "Person", "name": f"p{level}", "knows": node}
    return {"@context": SCHEMA, **ARTICLE, "author": node}


def _without_inner_contexts(value: JsonValue, *, top: bool = True) -> JsonValue:
    if isinstance(value, list):
        return [_without_inner_contexts(item, top=False) for item in value]
    if isinstance(value, dict):
        return {
            key: _without_inner_contexts(item, top=False)
            for key, item in value.items()
            if top or key != "@context"
        }
    return value


@pytest.mark.parametrize("repeats", [2, 50, 1000])
def test_a_repeated_context_is_processed_at_most_once(
    budgets: list[cw.WorkBudget], repeats: int
) -> None:
    expanded = expand({"@context": [SCHEMA] * repeats, **ARTICLE})

    assert expanded == expand({"@context": SCHEMA, **ARTICLE})
    assert [budget.processings for budget in budgets[:1]] == [0]


@pytest.mark.parametrize("operation", [expand, flatten])
def test_a_context_on_every_nested_node_is_processed_once(
    budgets: list[cw.WorkBudget], operation: object
) -> None:
    assert callable(operation)
    document = _nested(60)

    assert operation(document) == operation(_without_inner_contexts(document))
    assert budgets[0].processings == 0


def test_compaction_with_repeated_contexts_matches_the_single_context(
    budgets: list[cw.WorkBudget],
) -> None:
    doc = expand({"@context": SCHEMA, **ARTICLE})

    assert compact(doc, [SCHEMA] * 100) == {**compact(doc, SCHEMA), "@context": [SCHEMA] * 100}
    assert budgets[0].processings == 0


def test_a_repeated_context_reads_the_same_article() -> None:
    once = from_jsonld({"@context": SCHEMA, **ARTICLE})

    assert from_jsonld({"@context": [SCHEMA] * 500, **ARTICLE}) == once
    assert from_jsonld(_nested(40)).headline == once.headline


def test_contexts_that_each_cost_a_full_processing_hit_the_budget() -> None:
    # Each inline context makes a new active context, so the schema.org context after it
    # must be processed again: 50 full processings of ~3,000 terms for 2 KB of input. (The
    # term is one the direct reader cannot prove, so pyld reads the document.)
    term: JsonValue = {"a": {"@id": "http://example.com/a", "@container": "@set"}}
    alternating: list[JsonValue] = [SCHEMA, term] * 50
    with pytest.raises(LimitExceededError) as caught:
        from_jsonld({"@context": alternating, **ARTICLE})

    assert isinstance(caught.value, ParseError)
    [problem] = caught.value.problems
    assert problem.path == "@context"
    assert "more work than the document's size allows" in problem.message


def test_the_budget_charges_terms_defined_and_copied() -> None:
    budget = cw.WorkBudget(values=10)
    assert budget.limit == cw.WORK_BASE + 10 * cw.WORK_PER_VALUE

    budget.charge_processing(local_terms=3, active_terms=8)

    assert budget.spent == 3 * cw.TERM_COST + 8 // cw.COPIES_PER_UNIT
    assert budget.processings == 1
    with pytest.raises(LimitExceededError, match="over"):
        budget.charge(budget.limit)


def test_an_idempotent_cache_records_each_result_as_its_own() -> None:
    cache = cw.ProcessedCache(local_terms=2, idempotent=True)
    own = str(uuid.uuid4())
    processed = {"_uuid": own, "mappings": {"a": {}, "b": {}}}

    cache["active"] = processed

    assert cache.get("active") is processed
    assert cache.get(own) is processed
    assert len(cache) == 2


def test_an_ordinary_cache_does_not() -> None:
    cache = cw.ProcessedCache(local_terms=2, idempotent=False)
    processed = {"_uuid": "own", "mappings": {}}

    cache["active"] = processed

    assert cache.get("own") is None
    assert list(cache) == ["active"]
    del cache["active"]
    assert len(cache) == 0


def test_the_cache_keeps_a_bounded_number_of_results() -> None:
    cache = cw.ProcessedCache(local_terms=0, idempotent=False)
    for index in range(200):
        cache[str(index)] = {}

    assert len(cache) < 200
    assert "199" in cache
    assert "0" not in cache


def test_resolving_outside_an_operation_charges_nothing() -> None:
    assert cw.current_budget() is None
    cw.charge_resolve([SCHEMA, {"a": "b"}])  # no budget: nothing to charge, no error


def test_resolving_charges_per_context_and_per_inline_key() -> None:
    budget = cw.WorkBudget(values=0)
    cw.set_budget(budget)
    try:
        cw.charge_resolve([SCHEMA, {"a": "b", "c": "d"}])
    finally:
        cw.set_budget(None)

    assert budget.spent == 2 * cw.RESOLVE_COST + 2


def test_an_idempotent_hit_keeps_the_result_s_own_entry() -> None:
    cache = cw.ProcessedCache(local_terms=2, idempotent=True)
    processed = {"_uuid": "own", "mappings": {}}
    cache["active"] = processed
    for number in range(cw._PROCESSED_SLOTS - 1):
        cache[f"other-{number}"] = {"_uuid": f"other-own-{number}", "mappings": {}}
        assert cache.get("active") is processed  # the page's usual context, read often

    assert cache.get("own") is processed
