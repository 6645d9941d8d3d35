"""Native JSON speed against msgspec, as ratios measured in one run (a benchmark, not a test).

``from_json`` against msgspec's typed decode into structs with the same fields, and
``to_json`` against msgspec's encode of those structs, on ``examples/article.json``.
The structs are made from the models' own fields (dates as text: msgspec cannot take a
date-or-datetime union, and newspkg validates dates where msgspec would not).
Targets (issue 11): ``from_json`` at most 6x, ``to_json`` at most 4x.

Run: ``.venv/bin/python benchmarks/bench_native.py [--repeat N]`` (msgspec: the bench extra)
"""

from __future__ import annotations

import argparse
import enum
import typing
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import msgspec
from _timing import best_of

import newspkg
from newspkg import Article

ROOT = Path(__file__).resolve().parent.parent


def struct_type(annotation: Any) -> Any:
    """The msgspec type standing for a model field's annotation."""
    if attrs.has(annotation):
        fields = [
            (field.name, struct_type(field.type))
            if field.default is attrs.NOTHING
            else (field.name, struct_type(field.type), msgspec.field(default=field.default))
            for field in attrs.fields(annotation)
        ]
        if annotation is Article:
            fields.insert(0, ("format_version", int, msgspec.field(default=1)))
        required = [f for f in fields if len(f) == 2]
        optional = [f for f in fields if len(f) == 3]
        return msgspec.defstruct(annotation.__name__, [*required, *optional], omit_defaults=True)
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is tuple:
        return tuple[struct_type(args[0]), ...]  # type: ignore[misc]
    if date in args:
        return str | None if type(None) in args else str
    if args and type(None) in args:
        (inner,) = {struct_type(arg) for arg in args if arg is not type(None)}
        return inner | None
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return annotation
    if annotation in (str, int, bool):
        return annotation
    raise TypeError(annotation)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    options = parser.parse_args()

    text = (ROOT / "examples" / "article.json").read_text(encoding="utf-8")
    article = newspkg.from_json(text)
    ArticleStruct = struct_type(Article)  # noqa: N806
    data = text.encode()
    struct = msgspec.json.decode(data, type=ArticleStruct)
    loops = 200
    ours_in, theirs_in, ours_out, compact_out, theirs_out = best_of(
        options.repeat,
        lambda: [newspkg.from_json(text) for _ in range(loops)],
        lambda: [msgspec.json.decode(data, type=ArticleStruct) for _ in range(loops)],
        lambda: [newspkg.to_json(article) for _ in range(loops)],
        lambda: [newspkg.to_json(article, indent=None) for _ in range(loops)],
        lambda: [msgspec.json.encode(struct) for _ in range(loops)],
    )
    micro = 1e6 / loops
    print(f"from_json: {ours_in * micro:.0f} us, msgspec decode {theirs_in * micro:.0f} us")
    print(f"from_json ratio: {ours_in / theirs_in:.1f}x (target <= 6x)")
    print(
        f"to_json: {ours_out * micro:.0f} us (indent=None {compact_out * micro:.0f} us),"
        f" msgspec encode {theirs_out * micro:.0f} us"
    )
    print(
        f"to_json ratio: {ours_out / theirs_out:.1f}x, indent=None {compact_out / theirs_out:.1f}x"
        " (target <= 4x)"
    )


if __name__ == "__main__":
    main()
