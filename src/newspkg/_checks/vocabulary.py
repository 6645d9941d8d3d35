"""schema.org vocabulary checks: unknown, misplaced, mistyped, superseded and pending terms.

Ranges are judged pragmatically, as consumers read markup:

* text is accepted wherever schema.org expects Text, URL, a date or time, a Quantity
  (``Distance``, ``Duration``), an enumeration, or any item type (schema.org's data model
  allows text where an item is expected; for ``author`` and ``publisher`` this is noted as
  info, because the text carries no link);
* text is accepted for Number/Integer when it is a number ("1200"), for Boolean when it
  is ``true``/``false``;
* a number is accepted for Number, Integer (when whole), Quantity, QuantitativeValue and
  Text; ``true``/``false`` for Boolean only;
* an item is accepted when one of its types is a range type or a subtype of one, or is a
  ``Role`` (schema.org's way to qualify any value); an item without a type, or a bare
  ``@id`` reference to one, is accepted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Final

from newspkg._checks.document import Document, Node, Value
from newspkg._checks.findings import Finding, finding
from newspkg._jsonld.processing import JsonValue
from newspkg._schemaorg.vocabulary import TermKind, vocabulary

__all__ = ["vocabulary_findings"]

_TEXTS: Final = frozenset({"Text", "URL", "CssSelectorType", "XPathType", "PronounceableText"})
_TEMPORAL: Final = frozenset({"Date", "DateTime", "Time"})
_NUMBERS: Final = frozenset({"Number", "Integer", "Float"})
_NUMERIC_TEXT: Final = re.compile(r"^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)\s*$")
_BOOLEAN_TEXT: Final = frozenset(
    {
        "true",
        "false",
        *(f"{s}://schema.org/{b}" for s in ("http", "https") for b in ("true", "false")),
    }
)
_TEXT_FOR_THING_NOTED: Final = frozenset({"author", "publisher"})


def vocabulary_findings(document: Document) -> Iterator[Finding]:
    """Check every node's types, properties and values against schema.org release 30.0."""
    for node in document.nodes:
        if not node.scope.schema and not any(name for _, _, name in node.types):
            continue
        yield from _type_findings(node)
        yield from _property_findings(node, document)


def _type_findings(node: Node) -> Iterator[Finding]:
    vocab = vocabulary()
    for path, written, name in node.types:
        if name is None:
            continue
        if not vocab.is_class(name):
            yield finding(
                "schema-unknown-type",
                path,
                f"@type {written!r} is not a schema.org type{_suggestion(name, TermKind.CLASS)}",
            )
            continue
        yield from _status(name, path, "type")
    if not node.types and not node.is_reference and any(p.name for p in node.properties):
        yield finding(
            "schema-missing-type",
            node.path,
            f"this item has no @type{_type_hint(node)}",
        )


def _type_hint(node: Node) -> str:
    if node.via is None:
        return ""
    expected = sorted(t for t in vocabulary().range_of(node.via) if t not in _TEXTS)
    if not expected:
        return ""
    return f" ({node.via} expects {_or(expected)})"


def _property_findings(node: Node, document: Document) -> Iterator[Finding]:
    vocab = vocabulary()
    types = node.type_names
    is_role = node.is_a("Role")
    for prop in node.properties:
        name = prop.name
        if name is None:
            continue
        if not vocab.is_property(name):
            if not _is_action_annotation(name):
                yield finding(
                    "schema-unknown-property",
                    prop.path,
                    f"{prop.key!r} is not a schema.org property"
                    f"{_suggestion(name, TermKind.PROPERTY)}",
                )
            continue
        yield from _status(name, prop.path, "property")
        if types and not is_role and not any(vocab.property_applies_to(name, t) for t in types):
            domain = sorted(vocab.domain_of(name))
            yield finding(
                "schema-property-outside-domain",
                prop.path,
                f"{name!r} is not a property of {_or(types)}; schema.org defines it for "
                f"{_or(domain, limit=6)}",
            )
        for value in prop.values:
            yield from _value_findings(name, value, document)


def _is_action_annotation(name: str) -> bool:
    """``query-input``, ``name-output``: schema.org Actions' input/output annotations."""
    stem, dash, suffix = name.rpartition("-")
    return bool(dash) and suffix in {"input", "output"} and vocabulary().is_property(stem)


def _status(name: str, path: str, what: str) -> Iterator[Finding]:
    vocab = vocabulary()
    replacement = vocab.superseded_by(name)
    if replacement is not None:
        yield finding(
            "schema-superseded-term",
            path,
            f"the {what} {name!r} is superseded by {replacement!r}: use {replacement!r}",
        )
    elif vocab.is_retired(name):
        yield finding(
            "schema-retired-term", path, f"the {what} {name!r} is retired (schema.org attic)"
        )
    elif vocab.is_pending(name):
        yield finding(
            "schema-pending-term",
            path,
            f"the {what} {name!r} is pending at schema.org: it may still change",
        )


def _value_findings(prop: str, value: Value, document: Document) -> Iterator[Finding]:
    ranges = vocabulary().range_of(prop)
    raw = value.raw
    if not ranges or raw is None:
        return
    if isinstance(raw, str) and prop in _TEXT_FOR_THING_NOTED and raw.strip():
        yield finding(
            "schema-text-for-thing",
            value.path,
            f"{prop} is plain text ({_short(raw)}): a Person or Organization item can also "
            "carry url and sameAs",
        )
        return
    problem = _range_problem(raw, ranges, document)
    if problem is not None:
        yield finding(
            "schema-value-outside-range",
            value.path,
            f"{prop} is {problem}; it expects {_or(sorted(ranges))}",
        )


def _range_problem(raw: JsonValue, ranges: frozenset[str], document: Document) -> str | None:
    """Why ``raw`` does not fit ``ranges``, or None when it fits (or cannot be judged)."""
    if isinstance(raw, dict) and "@value" in raw:
        raw = raw["@value"]
    if isinstance(raw, dict):
        return _node_problem(raw, ranges, document)
    if isinstance(raw, bool):
        return None if "Boolean" in ranges else f"{str(raw).lower()} (true/false)"
    if isinstance(raw, int | float):
        return None if _number_fits(raw, ranges) else f"the number {raw}"
    if isinstance(raw, str):
        return None if _text_fits(raw, ranges) else f"text {_short(raw)}"
    return None


def _number_fits(number: float, ranges: frozenset[str]) -> bool:
    vocab = vocabulary()
    if "Integer" in ranges and float(number).is_integer():
        return True
    if ranges & {"Number", "Float", "Text", "QuantitativeValue"}:
        return True
    return any(vocab.is_subclass(r, "Quantity") for r in ranges)


def _text_fits(text: str, ranges: frozenset[str]) -> bool:
    vocab = vocabulary()
    if ranges & (_TEXTS | _TEMPORAL):
        return True
    if ranges & _NUMBERS and _NUMERIC_TEXT.match(text):
        return True
    if "Boolean" in ranges and text.strip().lower() in _BOOLEAN_TEXT:
        return True
    # Text where an item (or a Quantity, or an enumeration member) is expected is fine.
    return any(not vocab.is_datatype(r) or vocab.is_subclass(r, "Quantity") for r in ranges)


def _node_problem(
    raw: dict[str, JsonValue], ranges: frozenset[str], document: Document
) -> str | None:
    vocab = vocabulary()
    node = document.node(raw)
    if node is None:
        return None
    types = node.type_names
    if not types:
        return None
    for cls in types:
        if vocab.is_subclass(cls, "Role"):
            return None
        if any(vocab.is_subclass(cls, r) for r in ranges):
            return None
    article = "an" if types[0][:1] in "AEIOU" else "a"
    return f"{article} {_or(types)} item"


@cache
def _lowercase_names(kind: TermKind) -> dict[str, str]:
    return {name.lower(): name for name in vocabulary().names(kind)}


def _suggestion(name: str, kind: TermKind) -> str:
    vocab = vocabulary()
    close = _lowercase_names(kind).get(name.lower().strip())
    if close is not None and close != name:
        return f" (did you mean {close!r}?)"
    known = vocab.kind(name)
    if known is TermKind.PROPERTY:
        return f" ({name!r} is a property, not a type)"
    if known is TermKind.CLASS:
        return f" ({name!r} is a type, not a property)"
    if known is TermKind.ENUMERATION_MEMBER:
        return f" ({name!r} is an enumeration value)"
    return ""


def _or(names: Iterable[str], *, limit: int = 0) -> str:
    items = list(names)
    more = len(items) - limit if limit and len(items) > limit else 0
    if more:
        items = [*items[:limit], f"{more} more"]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def _short(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")
