"""Reading single values from a JSON-LD graph, leniently, noting every value set aside.

`ValueReader` turns the values of a node's properties into model values, one method per
value shape of the mapping table (`newspkg._schemaorg_mapping.Value`): text, URLs
(resolved against the page), dates (a naive time read in a default zone, with a note),
flags, counts, pixel sizes, place names and story counters. A value it cannot use is
dropped with a `ProvenanceNote` saying why; it never raises for one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import tzinfo
from typing import Final, NamedTuple, TypeVar

import attrs

from newspkg._dates import parse_date_zoned, parse_iso_duration
from newspkg._jsonld.graph import Graph, Item, Literal, Node, Ref
from newspkg._models import Date, ProvenanceNote
from newspkg._schemaorg import mapping as m
from newspkg._urls import join_url
from newspkg._validation import MAX_COUNT, digit_count, language_problem, url_problem
from newspkg.errors import Problem, ValidationError

__all__ = ["ValueReader", "build", "prepare", "whole_number"]

SOURCE: Final = "jsonld"
_PIXELS: Final = re.compile(r"(\d+)(?:\.0*)?\s*(?:px)?", re.IGNORECASE)
_TRUE_FALSE: Final = {"true": True, "false": False}
_LONGEST_SECONDS: Final = 10.0**12  # far beyond any video; int() of infinity would raise
_T = TypeVar("_T")


# What an absent property reads as: an empty tuple for list fields, else None.
_ABSENT: Final[Mapping[m.Value, object]] = {
    m.Value.TEXTS: (),
    m.Value.KEYWORDS: (),
    m.Value.URLS: (),
}


class ValueReader:
    """Reads values from one graph, collecting a note for every value set aside."""

    def __init__(self, graph: Graph, *, base_url: str | None, default_timezone: tzinfo) -> None:
        self.graph = graph
        self.base_url = base_url
        self.default_timezone = default_timezone
        self.notes: list[ProvenanceNote] = []
        # Date texts read so far (for this reader's zone): the date, or why it is refused.
        self._dates: dict[str, tuple[Date, bool] | str] = {}

    # --- values ------------------------------------------------------------------------------

    def scalars(
        self,
        table: Mapping[str, m.Term],
        node: Node,
        path: str,
        *,
        skip: frozenset[str] | set[str] = frozenset(),
    ) -> dict[str, object]:
        """Read every scalar field of ``table`` from ``node``."""
        plan = _PLANS.get(id(table)) or _scalar_plan(table)
        fields = plan.absent.copy()
        # Most fields are absent on a given node: only the rows of the properties it has are
        # decoded, in table order (the order their notes come in).
        # Pages repeat a few shapes of node (an ImageObject with url, width and height...):
        # the rows are worked out once per set of property names, in the node's order.
        names = tuple(node.props)
        found = plan.hits.get(names)
        if found is None:
            found = plan.rows_for(names)
        if found:
            rows = plan.rows
            for row in found:
                field, read, decoder = rows[row]
                if field not in skip:
                    # The field's path as join_path makes it, without the call: fields are
                    # plain names, so only an empty or "$" prefix changes the joining.
                    at = f"{path}.{field}" if path and path != "$" else field
                    fields[field] = decoder(self, node, read, at)
        for field in skip:
            fields.pop(field, None)
        return fields

    def decode(self, value: m.Value, node: Node, props: Iterable[str], path: str) -> object:
        """Read a field of shape ``value`` from the first of ``props`` that ``node`` has."""
        # A table, not a match: a match compares the shapes one by one, for every field read.
        decoder = _DECODERS.get(value)
        if decoder is None:
            raise AssertionError(value)
        return decoder(self, node, props, path)

    def text(self, node: Node, props: Iterable[str], path: str) -> str | None:
        """The first text of the first property with any; a note when it had several."""
        # A loop, not next() over a generator: this runs for most fields of every node.
        texts: list[str] = []
        present = node.props
        for prop in props:
            if prop in present and (texts := self.graph.texts(node, (prop,))):
                break
        if len(texts) > 1:
            texts = list(dict.fromkeys(texts))
        if len(texts) > 1:
            # The model holds one; say what was dropped rather than lose it silently.
            self.note(path, f"{len(texts)} values; kept {texts[0]!r}, dropped {texts[1:]!r}")
        return texts[0] if texts else None

    def urls(self, node: Node, props: Iterable[str], path: str) -> list[str]:
        found = []
        for item in self.graph.items(node, props):
            url = self.url_of(item, path)
            if url is not None:
                found.append(url)
        return found

    def url_of(self, item: Item, path: str) -> str | None:
        text = self.url_text(item)
        if not text:
            return None
        url = self.resolve(text)
        problem = url_problem(url) if url is not None else f"{text!r} is not a URL"
        if problem is not None:
            self.note(path, f"{problem}; not read")
            return None
        return url

    def url_text(self, item: Item) -> str:
        """The URL ``item`` gives as written (unresolved, unchecked); empty when none."""
        if isinstance(item, Literal):
            return str(item.value).strip()
        if isinstance(item, Ref):
            return item.id
        return self.graph.text(item, ["contentUrl", "url"]) or item.id or ""

    def resolve(self, text: str) -> str | None:
        if not self.base_url or text.startswith(("https://", "http://")):
            return text  # already absolute: kept exactly as written
        return join_url(self.base_url, text)

    def keywords(self, items: Iterable[Item]) -> list[str]:
        # A list built in a loop, not a generator of generators: a page's keywords are one
        # text of a few dozen parts, each stripped once.
        found = []
        for item in items:
            if isinstance(item, Literal):
                found += [text for part in str(item.value).split(",") if (text := part.strip())]
            elif (node := self.graph.node(item)) is not None:
                name = self.graph.text(node, ["name"])
                if name is not None:
                    found.append(name)
        return found

    def language(self, text: str | None, path: str) -> str | None:
        if text is None:
            return None
        problem = language_problem(text)
        if problem is None:
            return text
        fixed = text.replace("_", "-")
        if language_problem(fixed) is None:
            self.note(path, f"language tag {text!r} normalised to {fixed!r}")
            return fixed
        self.note(path, f"{problem}; not read")
        return None

    def date(self, text: str | None, path: str) -> Date | None:
        if text is None:
            return None
        # One parse, not one without the default zone and one with it (pages' own date
        # formats go through dateutil, twice a parse): the same dates, errors and notes.
        # A text read before by this reader (datePublished and dateModified are often one
        # text) is not parsed again; its notes are made again, at this path.
        read = self._dates.get(text)
        if read is None:
            try:
                read = parse_date_zoned(text, default_timezone=self.default_timezone)
            except ValidationError as error:
                read = error.problems[0].message
            self._dates[text] = read
        if isinstance(read, str):
            self.note(path, f"{read}; not read")
            return None
        value, defaulted = read
        if defaulted:
            self.note(
                path,
                f"{text!r} had no time zone; read as {self.default_timezone} (original: {text!r})",
            )
        return value

    def flag(self, node: Node, props: Iterable[str], path: str | None = None) -> bool | None:
        for item in self.graph.items(node, props):
            if isinstance(item, Literal):
                if isinstance(item.value, bool):
                    return item.value
                if str(item.value).strip().lower() in _TRUE_FALSE:
                    return _TRUE_FALSE[str(item.value).strip().lower()]
                if path is not None:
                    self.note(path, f"{item.value!r} is not true or false; not read")
        return None

    def count(self, items: Iterable[Item], path: str) -> int | None:
        for item in items:
            if isinstance(item, Literal):
                number = whole_number(item.value)
                if number is not None and number <= MAX_COUNT:
                    return number
                if number is not None:
                    self.note(path, f"{_digits(number)} is more than {MAX_COUNT:,}; not read")
                    continue
                self.note(path, f"{item.value!r} is not a whole number of zero or more; not read")
        return None

    def pixels(self, items: Iterable[Item], path: str) -> int | None:
        for item in items:
            node = self.graph.node(item)
            if node is not None:
                return self.count(self.graph.items(node, ["value"]), path)
            if isinstance(item, Literal):
                value = item.value
                # Most sizes are JSON numbers: one in range reads as itself, as the text of
                # its digits would, without the text and the match.
                if type(value) is int and 0 <= value <= MAX_COUNT:
                    return value
                match = _PIXELS.fullmatch(str(value).strip())
                number = None if match is None else whole_number(match.group(1))
                if number is not None and number <= MAX_COUNT:
                    return number
                self.note(path, f"{item.value!r} is not a size in pixels; not read")
        return None

    def name(self, items: Iterable[Item]) -> str | None:
        for item in items:
            if isinstance(item, Literal):
                text = str(item.value).strip()
            else:
                node = self.graph.node(item)
                text = (node and self.graph.text(node, ["name"])) or ""
            if text:
                return text
        return None

    def story_count(self, counters: Iterable[Node], path: str) -> int | None:
        for counter in counters:
            for kind in self.graph.items(counter, ["interactionType"]):
                target = self.graph.node(kind)
                named = _local(str(kind.value)) if isinstance(kind, Literal) else None
                if isinstance(kind, Ref):
                    named = _local(kind.id)
                if named == m.WRITE_ACTION_TYPE or (
                    target is not None and target.has_type({m.WRITE_ACTION_TYPE})
                ):
                    return self.count(self.graph.items(counter, ["userInteractionCount"]), path)
        return None

    def duration(self, text: str | None, path: str) -> int | None:
        if text is None:
            return None
        seconds = parse_iso_duration(text)
        if seconds is None or not seconds < _LONGEST_SECONDS:  # also NaN and infinity
            self.note(path, f"{text!r} is not an ISO 8601 duration; not read")
            return None
        if not seconds.is_integer():
            self.note(path, f"{text!r} rounded to whole seconds")
        return round(seconds)

    def position(self, node: Node) -> float:
        for item in self.graph.items(node, [m.POSITION]):
            if isinstance(item, Literal):
                number = whole_number(item.value)
                if number is not None:
                    return number
        return float("inf")

    # --- building models -------------------------------------------------------------------

    def build(self, cls: type[_T], fields: dict[str, object], path: str) -> _T | None:
        """Build a nested item, or drop it with a note when the model refuses it."""
        try:
            return build(cls, fields)
        except ValidationError as error:
            for problem in error.problems:
                self.note(path, f"{problem}; the {cls.__name__.lower()} is not read")
            return None

    def note(self, field: str, detail: str) -> None:
        self.notes.append(ProvenanceNote(field=field, source=SOURCE, detail=detail))


_Decoder = Callable[[ValueReader, Node, Iterable[str], str], object]
# How each value shape is read: (reader, node, properties, path) -> the field's value.
_DECODERS: Final[dict[m.Value, _Decoder]] = {
    m.Value.TEXT: ValueReader.text,
    m.Value.TEXTS: lambda r, node, props, _: tuple(r.graph.texts(node, props)),
    m.Value.KEYWORDS: lambda r, node, props, _: tuple(r.keywords(r.graph.items(node, props))),
    m.Value.LANGUAGE: lambda r, node, props, path: r.language(r.graph.text(node, props), path),
    m.Value.URL: lambda r, node, props, path: next(iter(r.urls(node, props, path)), None),
    m.Value.URLS: lambda r, node, props, path: tuple(r.urls(node, props, path)),
    m.Value.DATE: lambda r, node, props, path: r.date(r.graph.text(node, props), path),
    m.Value.FLAG: ValueReader.flag,
    m.Value.COUNT: lambda r, node, props, path: r.count(r.graph.items(node, props), path),
    m.Value.PIXELS: lambda r, node, props, path: r.pixels(r.graph.items(node, props), path),
    m.Value.PLACE: lambda r, node, props, _: r.name(r.graph.items(node, props)),
    m.Value.ORGANIZATION_NAME: lambda r, node, props, _: r.name(r.graph.items(node, props)),
    m.Value.STORY_COUNT: lambda r, node, props, path: r.story_count(
        r.graph.nodes_of(node, props), path
    ),
    m.Value.DURATION: lambda r, node, props, path: r.duration(r.graph.text(node, props), path),
}


class _ScalarPlan(NamedTuple):
    """How `ValueReader.scalars` reads one table, worked out once."""

    rows: tuple[tuple[str, tuple[str, ...], _Decoder], ...]  # (field, properties, decoder)
    absent: dict[str, object]  # every field, with its value when absent, in table order
    rows_of: dict[str, tuple[int, ...]]  # property -> the rows that read it
    # The rows a node's property names hit, in table order, by those names (bounded).
    hits: dict[tuple[str, ...], tuple[int, ...]]

    def rows_for(self, names: tuple[str, ...]) -> tuple[int, ...]:
        rows_of = self.rows_of
        found = tuple(sorted({row for name in names for row in rows_of.get(name, ())}))
        # Bounded in entries and in the size of each: page-made names cannot grow it further.
        if len(names) <= _HIT_NAMES_LIMIT and len(self.hits) < _HITS_LIMIT:
            self.hits[names] = found
        return found


_HITS_LIMIT: Final = 4096
_HIT_NAMES_LIMIT: Final = 64  # real nodes have a few dozen properties at most


_PLANS: Final[dict[int, _ScalarPlan]] = {}


def _scalar_plan(table: Mapping[str, m.Term]) -> _ScalarPlan:
    plan = _PLANS.get(id(table))
    if plan is None:
        terms = [(field, term) for field, term in table.items() if term.value is not m.Value.NODE]
        rows_of: dict[str, list[int]] = {}
        for row, (_, term) in enumerate(terms):
            for prop in term.read:
                rows_of.setdefault(prop, []).append(row)
        plan = _ScalarPlan(
            # The shape's decoder itself, so reading a field skips the table lookup (and the
            # enum hashing it costs).
            rows=tuple((field, term.read, _DECODERS[term.value]) for field, term in terms),
            absent={field: _ABSENT.get(term.value) for field, term in terms},
            rows_of={prop: tuple(dict.fromkeys(rows)) for prop, rows in rows_of.items()},
            hits={},
        )
        _PLANS[id(table)] = plan
    return plan


_REQUIRED: Final[dict[type, tuple[str, ...]]] = {}


def _required(cls: type) -> tuple[str, ...]:
    """The fields of model ``cls`` without a default, worked out once."""
    names = _REQUIRED.get(cls)
    if names is None:
        names = tuple(f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING)
        _REQUIRED[cls] = names
    return names


def prepare(*, tables: Iterable[Mapping[str, m.Term]], models: Iterable[type]) -> None:
    """Work out the plans of mapping tables and the required fields of models now.

    Called when the reader modules are imported (as attrs writes a class's methods when the
    class is made), so a process's first document does not pay for them.
    """
    for table in tables:
        _scalar_plan(table)
    for cls in models:
        _required(cls)


def build(cls: type[_T], fields: dict[str, object]) -> _T:
    """Build a model from read fields; the model checks every value's type itself."""
    present = {name: value for name, value in fields.items() if value is not None}
    missing = [name for name in _REQUIRED.get(cls) or _required(cls) if name not in present]
    if missing:
        raise ValidationError(
            [Problem(path=name, message="required, but missing") for name in missing]
        )
    return cls(**present)


def whole_number(value: str | int | float | bool) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        text = value.strip()
        # ASCII digits only (str.isdigit() takes "²", which int() refuses); int() also
        # refuses more digits than the interpreter's limit.
        if text.isascii() and text.isdecimal():
            try:  # noqa: SIM105 (contextlib.suppress costs more than the int() here)
                value = int(text)
            except ValueError:
                pass
    return value if isinstance(value, int) and value >= 0 else None


def _digits(number: int) -> str:
    return f"{number:,}" if number < 10**30 else f"a number of {digit_count(number)} digits"


def _local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1].rsplit(":", 1)[-1]
