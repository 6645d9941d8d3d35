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

from newspkg._checks.findings import Finding, Severity
from newspkg._checks.run import check
from newspkg._dates import DateOrder, parse_date
from newspkg._html.meta_tags import to_meta_tags
from newspkg._html.page import JsonLdBlock, extract_jsonld, from_html, iter_jsonld_blocks
from newspkg._jsonld.reader import from_jsonld, iter_articles
from newspkg._jsonld.writer import to_jsonld, to_script_tag
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
from newspkg._native import FORMAT_VERSION, from_dict, from_json, make_converter, to_dict, to_json
from newspkg._readtime.estimate import ReadingTime, SourceFormat, SpeedPreset, reading_time
from newspkg._readtime.words import count_words
from newspkg.errors import (
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
    "Correction",
    "Crumb",
    "Date",
    "DateOrder",
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
    "count_words",
    "extract_jsonld",
    "from_dict",
    "from_html",
    "from_json",
    "from_jsonld",
    "iter_articles",
    "iter_jsonld_blocks",
    "make_converter",
    "parse_date",
    "reading_time",
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
