"""newspkg: structured news-article metadata.

Typed models of everything a news page carries, a stable native JSON format,
schema.org JSON-LD both ways, read time in every script, and checks an editor
can act on.

>>> import newspkg
>>> article = newspkg.Article(url="https://example.com/news/1", headline="Grid operators brace")
>>> newspkg.from_json(newspkg.to_json(article)) == article
True
"""

from contextlib import suppress as _suppress
from importlib.metadata import version as _version

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
    Date,
    Figure,
    ProvenanceNote,
    Publisher,
    PublisherKind,
    RelatedRead,
    SourceNote,
    SourceRole,
)
from newspkg._native import FORMAT_VERSION, from_dict, from_json, make_converter, to_dict, to_json
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

__version__ = _version("newspkg")

__all__ = [
    "FORMAT_VERSION",
    "Article",
    "ArticleKind",
    "Author",
    "AuthorKind",
    "BatchRecord",
    "BatchResult",
    "Date",
    "DateOrder",
    "DuplicateIdError",
    "Figure",
    "Finding",
    "JsonLdBlock",
    "LimitExceededError",
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
    "SourceFormat",
    "SourceNote",
    "SourceRole",
    "SpeedPreset",
    "ValidationError",
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

# Reprs and docs show the public path (newspkg.Article), not the private module.
for _name in __all__:
    _obj = globals()[_name]
    if getattr(_obj, "__module__", "").startswith("newspkg._"):
        with _suppress(AttributeError, TypeError):  # some objects have a read-only module
            _obj.__module__ = __name__
