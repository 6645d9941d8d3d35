"""newspkg: structured news-article metadata.

Typed models of everything a news page carries, a stable native JSON format,
schema.org JSON-LD both ways, read time in every script, and checks an editor
can act on.

>>> import newspkg
>>> article = newspkg.Article(url="https://example.com/news/1", headline="Grid operators brace")
>>> newspkg.from_json(newspkg.to_json(article)) == article
True
"""

import importlib as _importlib
import typing as _typing
from contextlib import suppress as _suppress

if _typing.TYPE_CHECKING:
    from newspkg._batch.inputs import iter_records
    from newspkg._batch.outputs import result_line
    from newspkg._batch.read import read_batch
    from newspkg._batch.records import BatchRecord, BatchResult
    from newspkg._checks.findings import Finding, Severity
    from newspkg._checks.run import check
    from newspkg._dates import DateOrder, parse_date
    from newspkg._html.meta_tags import to_meta_tags
    from newspkg._html.page import JsonLdBlock, extract_jsonld, from_html, iter_jsonld_blocks
    from newspkg._jsonld.compose import compose_graph
    from newspkg._jsonld.reader import from_jsonld, iter_articles
    from newspkg._jsonld.script import to_script_tag
    from newspkg._jsonld.writer import to_jsonld
    from newspkg._models import (
        Article,
        ArticleKind,
        Author,
        AuthorKind,
        Correction,
        Crumb,
        Date,
        Figure,
        LiveUpdate,
        ProvenanceNote,
        Publisher,
        PublisherKind,
        RelatedRead,
        Site,
        SourceNote,
        SourceRole,
        Translation,
        UpdateNote,
        Video,
    )
    from newspkg._native import (
        FORMAT_VERSION,
        from_dict,
        from_json,
        to_dict,
        to_json,
    )
    from newspkg._native_converter import make_converter
    from newspkg._readtime.estimate import ReadingTime, SourceFormat, SpeedPreset, reading_time
    from newspkg._readtime.words import count_words
    from newspkg.errors import (
        DuplicateIdError,
        LimitExceededError,
        NewspkgError,
        NoArticleError,
        ParseError,
        Problem,
        RemoteContextError,
        ValidationError,
    )

# The module each public name lives in. Nothing is imported with the package: each name
# is imported on first use (`__getattr__`), so `import newspkg` costs about as much as
# `import json`, and a program that only reads JSON-LD never loads the HTML parser, the
# checks or cattrs. The `TYPE_CHECKING` imports above are what type checkers and editors see.
_HOMES: dict[str, str] = {
    "Article": "newspkg._models",
    "ArticleKind": "newspkg._models",
    "Author": "newspkg._models",
    "AuthorKind": "newspkg._models",
    "BatchRecord": "newspkg._batch.records",
    "BatchResult": "newspkg._batch.records",
    "Correction": "newspkg._models",
    "Crumb": "newspkg._models",
    "Date": "newspkg._models",
    "DateOrder": "newspkg._dates",
    "DuplicateIdError": "newspkg.errors",
    "FORMAT_VERSION": "newspkg._native",
    "Figure": "newspkg._models",
    "Finding": "newspkg._checks.findings",
    "JsonLdBlock": "newspkg._html.page",
    "LimitExceededError": "newspkg.errors",
    "LiveUpdate": "newspkg._models",
    "NewspkgError": "newspkg.errors",
    "NoArticleError": "newspkg.errors",
    "ParseError": "newspkg.errors",
    "Problem": "newspkg.errors",
    "ProvenanceNote": "newspkg._models",
    "Publisher": "newspkg._models",
    "PublisherKind": "newspkg._models",
    "ReadingTime": "newspkg._readtime.estimate",
    "RelatedRead": "newspkg._models",
    "RemoteContextError": "newspkg.errors",
    "Severity": "newspkg._checks.findings",
    "Site": "newspkg._models",
    "SourceFormat": "newspkg._readtime.estimate",
    "SourceNote": "newspkg._models",
    "SourceRole": "newspkg._models",
    "SpeedPreset": "newspkg._readtime.estimate",
    "Translation": "newspkg._models",
    "UpdateNote": "newspkg._models",
    "ValidationError": "newspkg.errors",
    "Video": "newspkg._models",
    "check": "newspkg._checks.run",
    "compose_graph": "newspkg._jsonld.compose",
    "count_words": "newspkg._readtime.words",
    "extract_jsonld": "newspkg._html.page",
    "from_dict": "newspkg._native",
    "from_html": "newspkg._html.page",
    "from_json": "newspkg._native",
    "from_jsonld": "newspkg._jsonld.reader",
    "iter_articles": "newspkg._jsonld.reader",
    "iter_jsonld_blocks": "newspkg._html.page",
    "iter_records": "newspkg._batch.inputs",
    "make_converter": "newspkg._native_converter",
    "parse_date": "newspkg._dates",
    "read_batch": "newspkg._batch.read",
    "reading_time": "newspkg._readtime.estimate",
    "result_line": "newspkg._batch.outputs",
    "to_dict": "newspkg._native",
    "to_json": "newspkg._native",
    "to_jsonld": "newspkg._jsonld.writer",
    "to_meta_tags": "newspkg._html.meta_tags",
    "to_script_tag": "newspkg._jsonld.script",
}


# What a public name's first call may need beyond its own module, imported with it. The
# JSON-LD reader and writer import the reading-time code only for a document with a body or
# word count (so ``newspkg jsonld`` on other documents never loads `regex`); a program that
# asks for the function is about to call it, and its first call should not pay that import.
_FIRST_CALL_NEEDS: dict[str, str] = {
    "from_jsonld": "newspkg._readtime.words",
    "iter_articles": "newspkg._readtime.words",
    "read_batch": "newspkg._readtime.words",
    "to_jsonld": "newspkg._readtime.estimate",
    "to_script_tag": "newspkg._readtime.estimate",
}

__all__ = [
    "FORMAT_VERSION",
    "Article",
    "ArticleKind",
    "Author",
    "AuthorKind",
    "BatchRecord",
    "BatchResult",
    "Correction",
    "Crumb",
    "Date",
    "DateOrder",
    "DuplicateIdError",
    "Figure",
    "Finding",
    "JsonLdBlock",
    "LimitExceededError",
    "LiveUpdate",
    "NewspkgError",
    "NoArticleError",
    "ParseError",
    "Problem",
    "ProvenanceNote",
    "Publisher",
    "PublisherKind",
    "ReadingTime",
    "RelatedRead",
    "RemoteContextError",
    "Severity",
    "Site",
    "SourceFormat",
    "SourceNote",
    "SourceRole",
    "SpeedPreset",
    "Translation",
    "UpdateNote",
    "ValidationError",
    "Video",
    "__version__",
    "check",
    "compose_graph",
    "count_words",
    "extract_jsonld",
    "from_dict",
    "from_html",
    "from_json",
    "from_jsonld",
    "iter_articles",
    "iter_jsonld_blocks",
    "iter_records",
    "make_converter",
    "parse_date",
    "read_batch",
    "reading_time",
    "result_line",
    "to_dict",
    "to_json",
    "to_jsonld",
    "to_meta_tags",
    "to_script_tag",
]


def __getattr__(name: str) -> object:
    """Import a public name on first use; ``__version__`` is read from the installed metadata."""
    home = _HOMES.get(name)
    if home is not None:
        value: object = getattr(_importlib.import_module(home), name)
        if name in _FIRST_CALL_NEEDS:
            _importlib.import_module(_FIRST_CALL_NEEDS[name])
        # Reprs and docs show the public path (newspkg.Article), not the private module.
        if getattr(value, "__module__", "").startswith("newspkg._"):
            with _suppress(AttributeError, TypeError):  # some objects have a read-only module
                value.__module__ = __name__
    elif name == "__version__":
        # importlib.metadata costs more to import than most of newspkg: only when asked.
        from importlib.metadata import version  # noqa: PLC0415

        value = version("newspkg")
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
