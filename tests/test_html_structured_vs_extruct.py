"""Microdata and RDFa read by newspkg against extruct's readers, on every corpus page that has any.

extruct (its W3C microdata reader and pyRdfa) is the baseline the Python ecosystem uses.
The comparison is on what newspkg reads articles from: for microdata, the schema.org
Article-like items with all their properties and nested items; for RDFa, every typed
resource (the corpus has no RDFa article, so all typed resources are compared, as RDF:
nodes merged by IRI, each property's values as a set).

Deliberate differences, normalised away below (each with the reason):

* Text is compared with all white space removed: extruct renders text with line breaks
  between blocks (html_text); newspkg takes the DOM's text content (WHATWG) with white
  space runs collapsed.
* `KNOWN`: the few values where newspkg reads the page differently on purpose.
"""

from __future__ import annotations

import csv
import warnings
from pathlib import Path
from typing import Any

import pytest

from newspkg._html.microdata import MicrodataItem, read_microdata
from newspkg._html.page import parse_html
from newspkg._html.rdfa import RdfaNode, read_rdfa
from newspkg._schemaorg.vocabulary import local_name, vocabulary

extruct = pytest.importorskip("extruct", reason="extruct (the test extra) is not installed")

ARTICLE_TYPES = vocabulary().subclasses_of("Article") | {"Article"}

# (page, property path in the Article-like item or RDF node) -> why newspkg differs.
KNOWN: dict[tuple[str, str], str] = {
    ("readability__cnet", "author.datePublished"): (
        "<time content=...> without datetime: newspkg reads the content attribute, as on any"
        " element; extruct gives '' for a <time> without datetime"
    ),
    ("readability__cnet-svg-classes", "datePublished"): (
        "<time content=...> without datetime (as above)"
    ),
    ("readability__citylab-1", "image.contentUrl"): (
        "<img src=''>: extruct resolves the empty URL to the page's own address; newspkg"
        " keeps an empty URL empty rather than calling the page an image"
    ),
    ("newspaper4k__thai_article", "fb:app_id"): (
        "'fb:' is declared nowhere in the page and is not in RDFa 1.1's initial context, so"
        " 'fb:app_id' is an absolute IRI (RDFa Core 7.4); pyRdfa knows Facebook's prefix"
    ),
}

Normal = dict[str, Any]


def pages(corpus: Path, flag: str) -> list[tuple[str, str, str | None]]:
    index = corpus / "pages" / "index.tsv"
    with index.open(encoding="utf-8", newline="") as rows:
        return [
            (
                Path(row["file"]).stem,
                (corpus / "pages" / row["file"]).read_text(encoding="utf-8"),
                row["page_url"] or None,
            )
            for row in csv.DictReader(rows, delimiter="\t")
            if row[flag] == "yes"
        ]


def bare(text: str) -> str:
    return "".join(text.split())


def article_like(types: list[str]) -> bool:
    return any((local_name(name) or name.rsplit("/", 1)[-1]) in ARTICLE_TYPES for name in types)


def ours_microdata(item: MicrodataItem) -> Normal:
    properties: dict[str, list[Any]] = {}
    for name, value in item.properties:
        properties.setdefault(name, []).append(
            ours_microdata(value) if isinstance(value, MicrodataItem) else bare(value)
        )
    return {"type": list(item.types), "id": item.id, "properties": properties}


def extruct_microdata(item: dict[str, Any]) -> Normal:
    types = item.get("type", [])
    properties: dict[str, list[Any]] = {}
    for name, value in item.get("properties", {}).items():
        values = value if isinstance(value, list) else [value]
        properties[name] = [
            extruct_microdata(one) if isinstance(one, dict) else bare(one) for one in values
        ]
    return {
        "type": [types] if isinstance(types, str) else types,
        "id": item.get("id"),
        "properties": properties,
    }


def without(item: Normal, path: str) -> Normal:
    """``item`` with the property at the dotted ``path`` removed, in every nested item."""
    head, _, rest = path.partition(".")
    properties = dict(item["properties"])
    if not rest:
        properties.pop(head, None)
    elif head in properties:
        properties[head] = [
            without(value, rest) if isinstance(value, dict) else value for value in properties[head]
        ]
    return {**item, "properties": properties}


def known_removed(name: str, items: list[Normal]) -> list[Normal]:
    for page, path in KNOWN:
        if page == name:
            items = [without(item, path) for item in items]
    return items


@pytest.fixture
def microdata_pages(shared_corpus: Path) -> list[tuple[str, str, str | None]]:
    return pages(shared_corpus, "has_microdata")


def test_microdata_articles_match_extruct(
    microdata_pages: list[tuple[str, str, str | None]],
) -> None:
    compared = 0
    for name, html, base in microdata_pages:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # lxml's and extruct's own deprecation notices
            theirs = extruct.extract(html, base_url=base, syntaxes=["microdata"])["microdata"]
        expected = [extruct_microdata(item) for item in theirs]
        found = [ours_microdata(item) for item in read_microdata(parse_html(html), base=base)]
        expected = known_removed(name, [i for i in expected if article_like(i["type"])])
        found = known_removed(name, [i for i in found if article_like(i["type"])])
        assert found == expected, name
        compared += len(found)
    assert compared >= 25  # the corpus has an Article-like microdata item on 28 pages


def rdf_ours(nodes: list[RdfaNode]) -> tuple[dict[str, Normal], list[Normal]]:
    named: dict[str, Normal] = {}
    blank: list[Normal] = []

    def visit(node: RdfaNode) -> None:
        entry: Normal = {"types": set(), "properties": {}}
        if node.id:
            entry = named.setdefault(node.id, entry)
        else:
            blank.append(entry)
        entry["types"].update(node.types)
        for name, value in node.properties:
            if isinstance(value, RdfaNode):
                entry["properties"].setdefault(name, set()).add(("node", value.id or "_"))
                visit(value)
            else:
                entry["properties"].setdefault(name, set()).add(bare(value))

    for node in nodes:
        visit(node)
    return named, blank


def rdf_extruct(nodes: list[dict[str, Any]]) -> tuple[dict[str, Normal], list[Normal]]:
    named: dict[str, Normal] = {}
    blank: list[Normal] = []
    for node in nodes:
        entry: Normal = {"types": set(node.get("@type", [])), "properties": {}}
        for name, values in node.items():
            if not name.startswith("@"):
                entry["properties"][name] = {
                    bare(value["@value"])
                    if "@value" in value
                    else ("node", "_" if value["@id"].startswith("_:") else value["@id"])
                    for value in values
                }
        if node["@id"].startswith("_:"):
            blank.append(entry)
        else:
            named[node["@id"]] = entry
    return named, blank


def typed(named: dict[str, Normal], blank: list[Normal]) -> tuple[dict[str, Normal], list[str]]:
    return (
        {iri: entry for iri, entry in named.items() if entry["types"]},
        sorted(
            repr((sorted(e["types"]), sorted(e["properties"].items()))) for e in blank if e["types"]
        ),
    )


def test_rdfa_typed_resources_match_extruct(shared_corpus: Path) -> None:
    compared = 0
    for name, html, base in pages(shared_corpus, "has_rdfa"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            theirs = extruct.extract(html, base_url=base, syntaxes=["rdfa"])["rdfa"]
        expected_named, expected_blank = typed(*rdf_extruct(theirs))
        found_named, found_blank = typed(*rdf_ours(read_rdfa(parse_html(html), base=base)))
        for page, path in KNOWN:
            if page == name:
                for entry in (*expected_named.values(), *found_named.values()):
                    entry["properties"].pop(path, None)
                    entry["properties"].pop(f"http://ogp.me/ns/{path.replace(':', '#')}", None)
        assert found_named == expected_named, name
        assert found_blank == expected_blank, name
        compared += len(found_named) + len(found_blank)
    assert compared >= 20
