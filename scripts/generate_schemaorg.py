"""Generate newspkg's bundled schema.org data from a schema.org release.

Reads ``schemaorg-all-https.jsonld`` (release 30.0, core + pending + attic terms) and writes:

* ``src/newspkg/_data/schemaorg-vocabulary.json``: a compact table of every class, property,
  data type and enumeration member, read by ``newspkg._schemaorg.vocabulary``;
* ``src/newspkg/_data/schemaorg-context.jsonld``: an offline JSON-LD context built from the
  same terms, served by ``newspkg._jsonld.processing`` for every schema.org context URL.

Usage (from the repository root)::

    .venv/bin/python scripts/generate_schemaorg.py
    .venv/bin/python scripts/generate_schemaorg.py --source DIR --output DIR

The output is deterministic: running it twice on the same input gives identical bytes, and a
test regenerates into a temporary directory and compares with the committed files.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO_ROOT.parent / "shared" / "corpus" / "schemaorg"
DEFAULT_OUTPUT = REPO_ROOT / "src" / "newspkg" / "_data"

SOURCE_FILE = "schemaorg-all-https.jsonld"
VOCABULARY_FILE = "schemaorg-vocabulary.json"
CONTEXT_FILE = "schemaorg-context.jsonld"
RELEASE = "30.0"

SCHEMA_PREFIX = "schema:"
# schema.org's own context keeps http:// as the namespace (and as @vocab) even though the
# vocabulary files use https://; pages rely on that, so the bundled context does the same.
CONTEXT_NAMESPACE = "http://schema.org/"

# isPartOf IRIs name the layer a term belongs to; the core layer has none.
LAYERS = {
    "https://pending.schema.org": "pending",
    "https://attic.schema.org": "attic",
    "https://health-lifesci.schema.org": "health-lifesci",
    "https://auto.schema.org": "auto",
    "https://bib.schema.org": "bib",
    "https://meta.schema.org": "meta",
}

# Entries schema.org's context generator adds by hand rather than from vocabulary nodes:
# the JSON-LD keyword aliases, rdf:HTML for the HTML datatype and the standard xml prefix.
CONTEXT_EXTRAS: dict[str, object] = {
    "id": "@id",
    "type": "@type",
    "HTML": {"@id": "rdf:HTML"},
    "xml": "http://www.w3.org/XML/1998/namespace",
}

CREDIT = (
    "Derived from schema.org release 30.0 (schemaorg-all-https.jsonld, "
    "https://github.com/schemaorg/schemaorg). schema.org is licensed under the Creative "
    "Commons Attribution-ShareAlike License 3.0 (CC BY-SA 3.0, "
    "https://creativecommons.org/licenses/by-sa/3.0/); this derived table is shared under "
    "the same licence."
)


def _ids(value: Any) -> list[str]:
    """Return the ``@id``s of a node reference or list of references, in source order."""
    items = value if isinstance(value, list) else [value] if value is not None else []
    return [item["@id"] for item in items if isinstance(item, dict) and "@id" in item]


def _local(iri: str) -> str | None:
    """Return the schema.org local name of ``schema:Foo``, or None for other vocabularies."""
    return iri[len(SCHEMA_PREFIX) :] if iri.startswith(SCHEMA_PREFIX) else None


def _locals(iris: Iterable[str]) -> list[str]:
    return sorted({name for name in map(_local, iris) if name is not None})


def _layer(node: Mapping[str, Any]) -> str | None:
    layers = [LAYERS[iri] for iri in _ids(node.get("schema:isPartOf")) if iri in LAYERS]
    return layers[0] if layers else None


def _common(node: Mapping[str, Any]) -> dict[str, object]:
    """Facts every kind of term can carry: layer and the term superseding it."""
    entry: dict[str, object] = {}
    if (layer := _layer(node)) is not None:
        entry["l"] = layer
    superseded = _locals(_ids(node.get("schema:supersededBy")))
    if superseded:
        # No term in release 30.0 names two successors; should one ever, the first in sort
        # order is kept so the table stays one-valued (superseded_by returns one name).
        entry["x"] = superseded[0]
    return entry


def build_vocabulary(graph: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Turn the release's ``@graph`` into newspkg's compact vocabulary table.

    Keys: ``c`` classes (``s`` superclasses, ``t`` 1 for data types), ``p`` properties
    (``d`` domainIncludes, ``r`` rangeIncludes), ``m`` enumeration members (``t`` their
    types); on every term ``l`` is the layer (``pending``, ``attic``, ...) and ``x`` the term
    it is superseded by. Empty lists and absent facts are left out.
    """
    classes: dict[str, dict[str, object]] = {}
    properties: dict[str, dict[str, object]] = {}
    members: dict[str, dict[str, object]] = {}
    for node in graph:
        name = _local(node["@id"])
        if name is None:
            continue  # terms of other vocabularies mapped into schema.org (owl, dct, ...)
        types = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
        entry = _common(node)
        if "rdfs:Class" in types:
            if supers := _locals(_ids(node.get("rdfs:subClassOf"))):
                entry["s"] = supers
            if "schema:DataType" in types:
                entry["t"] = 1
            classes[name] = entry
        elif "rdf:Property" in types:
            if domain := _locals(_ids(node.get("schema:domainIncludes"))):
                entry["d"] = domain
            if range_ := _locals(_ids(node.get("schema:rangeIncludes"))):
                entry["r"] = range_
            properties[name] = entry
        else:
            entry["t"] = _locals(types)
            members[name] = entry
    _mark_datatype_descendants(classes)
    return {
        "about": {
            "credit": CREDIT,
            "generator": "scripts/generate_schemaorg.py",
            "release": RELEASE,
            "source": SOURCE_FILE,
        },
        "c": classes,
        "m": members,
        "p": properties,
    }


def _mark_datatype_descendants(classes: dict[str, dict[str, object]]) -> None:
    """Flag subclasses of data types (Integer < Number, URL < Text) as data types too."""
    changed = True
    while changed:
        changed = False
        for entry in classes.values():
            supers = entry.get("s", [])
            assert isinstance(supers, list)
            if "t" not in entry and any(classes.get(s, {}).get("t") for s in supers):
                entry["t"] = 1
                changed = True


def build_context(vocabulary: Mapping[str, Any], prefixes: Mapping[str, str]) -> dict[str, Any]:
    """Build the bundled JSON-LD context: every term maps to ``schema:Term``, no coercions.

    schema.org's release-30.0 context also coerces ~120 properties (``datePublished`` to
    ``Date``, ``url`` to ``@id``); its generator dropped those after 30.0, so they are left out.
    """
    context: dict[str, object] = dict(CONTEXT_EXTRAS)
    context.update(prefixes)
    context["schema"] = CONTEXT_NAMESPACE
    context["@vocab"] = CONTEXT_NAMESPACE
    names = {name for table in ("c", "m", "p") for name in vocabulary[table]}
    for name in sorted(names):
        context[name] = {"@id": SCHEMA_PREFIX + name}
    return {"@context": context}


def _dump_table(data: Mapping[str, Any]) -> str:
    """Serialise with sorted keys and one term per line: compact, yet readable in a diff."""
    lines = ["{"]
    keys = sorted(data)
    for index, key in enumerate(keys):
        value = data[key]
        comma = "," if index < len(keys) - 1 else ""
        if key == "about" or not isinstance(value, dict):
            lines.append(f"{json.dumps(key)}:{_compact(value)}{comma}")
            continue
        lines.append(f"{json.dumps(key)}:{{")
        names = sorted(value)
        lines.extend(
            f"{json.dumps(name)}:{_compact(value[name])}{',' if i < len(names) - 1 else ''}"
            for i, name in enumerate(names)
        )
        lines.append("}" + comma)
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dump_context(context: Mapping[str, Any]) -> str:
    """Serialise the context with one term definition per line, in insertion order."""
    entries = list(context["@context"].items())
    lines = ['{"@context":{']
    lines.extend(
        f"{json.dumps(term)}:{_compact(value)}{',' if i < len(entries) - 1 else ''}"
        for i, (term, value) in enumerate(entries)
    )
    lines.append("}}")
    return "\n".join(lines) + "\n"


def _compact(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def generate(source: Path, output: Path) -> list[Path]:
    """Read the release from ``source`` and write both data files into ``output``."""
    release = json.loads((source / SOURCE_FILE).read_text(encoding="utf-8"))
    vocabulary = build_vocabulary(release["@graph"])
    prefixes = {
        prefix: iri
        for prefix, iri in release["@context"].items()
        if isinstance(iri, str) and prefix != "schema"
    }
    context = build_context(vocabulary, prefixes)
    output.mkdir(parents=True, exist_ok=True)
    vocabulary_path = output / VOCABULARY_FILE
    context_path = output / CONTEXT_FILE
    vocabulary_path.write_text(_dump_table(vocabulary), encoding="utf-8", newline="\n")
    # The context keeps its insertion order (aliases, prefixes, then terms A-Z) so it reads
    # like schema.org's; every part of that order is fixed, so the bytes are reproducible.
    context_path.write_text(_dump_context(context), encoding="utf-8", newline="\n")
    return [vocabulary_path, context_path]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="release folder")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="data folder")
    args = parser.parse_args(argv)
    for path in generate(args.source, args.output):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
