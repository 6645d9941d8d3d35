"""The compiled field writers write exactly what the generic row walk (`put_fields`) writes.

`newspkg._jsonld.field_writer` compiles each mapping table into straight-line code; the writer
also builds its own nodes' ``@id`` from the article URL's base once instead of calling
`mapping.node_id` per node. Both are checked here against the code they replace: per table on
generated items of every model type (empty and full fields, any text), and as whole documents,
compared as JSON text (so key order counts), on generated articles and on the examples.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from contextlib import suppress
from datetime import date, datetime, timedelta, timezone
from functools import partial
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newspkg import (
    Article,
    Author,
    AuthorKind,
    Correction,
    Crumb,
    Figure,
    LiveUpdate,
    NewspkgError,
    Publisher,
    PublisherKind,
    RelatedRead,
    Site,
    SourceNote,
    SourceRole,
    Translation,
    UpdateNote,
    Video,
    from_json,
    to_jsonld,
)
from newspkg._jsonld import writer
from newspkg._jsonld.encode import put_fields
from newspkg._jsonld.field_writer import FieldWriter, FieldWriters, compiled_writers, field_writer
from newspkg._jsonld.processing import JsonObject
from newspkg._schemaorg import mapping as m
from tests import strategies as s

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _generic(table: Mapping[str, m.Term], props: tuple[tuple[str, str], ...]) -> FieldWriter:
    """The writer as it was: every row of the table walked for every item."""
    return partial(_put, table=table, props=dict(props) or None)


def _put(
    node: JsonObject, item: object, *, table: Mapping[str, m.Term], props: Mapping[str, str] | None
) -> None:
    put_fields(node, table, item, props=props)


class _FormerIds(writer._GraphWriter):
    """The article's own ``@id``s from `mapping.node_id`, as before the base was kept."""

    def local_id(self, fragment: m.Fragment, number: int | None = None) -> str:
        return m.node_id(self.url, fragment, number)


def _former_document(article: Article) -> JsonObject:
    return _FormerIds(article, FieldWriters.made_by(_generic)).document()


def _text(document: JsonObject) -> str:
    return json.dumps(document, ensure_ascii=False)


def _assert_same_documents(article: Article) -> None:
    new = to_jsonld(article)
    old = _former_document(article)
    assert _text(new) == _text(old)
    assert json.dumps(new) == json.dumps(old)  # ASCII-escaped too, as the benchmark writes it


@given(s.articles())
def test_documents_are_identical_to_the_generic_writers(article: Article) -> None:
    _assert_same_documents(article)


def _newsroom_article() -> Article:
    sys.path.insert(0, str(EXAMPLES))
    try:
        import newsroom_page  # an example script, not a package
    finally:
        sys.path.remove(str(EXAMPLES))
    article: Article = newsroom_page.build_article()
    return article


@pytest.mark.parametrize(
    "article",
    [
        pytest.param(from_json((EXAMPLES / "article.json").read_text(encoding="utf-8")), id="json"),
        pytest.param(_newsroom_article(), id="newsroom"),
    ],
)
def test_examples_are_identical_to_the_generic_writers(article: Article) -> None:
    _assert_same_documents(article)


# Each table the writer uses, with the items it writes through it: generated ones, and one
# with only its required fields (the empty end, which `_filled` fills to the full end).
_Case = tuple[Mapping[str, m.Term], tuple[tuple[str, str], ...], st.SearchStrategy[Any], object]
_URL = "https://example.com/ü?q=1#part"
_PERSON = Author(name="Zoë")
_ORGANIZATION = Author(name="Ōkami Ltd", kind=AuthorKind.ORGANIZATION)
_TABLES: list[_Case] = [
    (m.ARTICLE, (), s.articles(), Article(url=_URL, headline="Hé")),
    (m.FIGURE, (), s.figures(video=True), Figure(url=_URL)),
    (m.FIGURE, (("url", m.VIDEO_THUMBNAIL),), s.figures(video=True), Figure(url=_URL)),
    (m.VIDEO, (), s.videos(), Video()),
    *(
        (m.AUTHOR, (("location", m.AUTHOR_LOCATION[author.kind]),), s.authors(), author)
        for author in (_PERSON, _ORGANIZATION)
    ),
    *(
        (m.PUBLISHER, (), s.publishers(), Publisher(name="Ledger", kind=kind))
        for kind in PublisherKind
    ),
    (m.SITE, (), s.sites(), Site(name="Ledger", url=_URL)),
    (m.CRUMB, (), s.crumbs(), Crumb(name="Energy")),
    (m.LIVE_UPDATE, (), s.live_updates(), LiveUpdate(headline="Hé", date=date(2026, 1, 2))),
    (m.SOURCE, (), s.source_notes(), SourceNote(role=SourceRole.PRIMARY, title="T", url=_URL)),
    (m.RELATED, (), s.related_reads(), RelatedRead(url=_URL, headline="Hé")),
    (
        m.CORRECTION,
        (),
        st.builds(Correction, date=s.dates(), text=s.texts()),
        Correction(date=date(2026, 1, 2), text="Fixed"),
    ),
    (
        m.UPDATE,
        (),
        st.builds(UpdateNote, date=s.dates(), text=s.texts()),
        UpdateNote(date=date(2026, 1, 2), text="Added"),
    ),
    (m.TRANSLATION, (), s.translations(), Translation(url=_URL, language="pt-BR")),
]
_IDS = [
    f"{next(n for n, v in vars(m).items() if v is table)}-{type(bare).__name__}-{index}"
    for index, (table, _, _, bare) in enumerate(_TABLES)
]


def _same_writes(
    table: Mapping[str, m.Term], props: tuple[tuple[str, str], ...], item: object
) -> None:
    # Nodes start with their type and id, and may already hold a property the table writes.
    start: JsonObject = {"@type": "Thing", "@id": "https://example.com/#x", "name": "before"}
    old, new = dict(start), dict(start)
    put_fields(old, table, item, props=dict(props) or None)
    field_writer(table, props)(new, item)
    assert list(new.items()) == list(old.items())
    assert _text(new) == _text(old)


@pytest.mark.parametrize(("table", "props", "items", "bare"), _TABLES, ids=_IDS)
@given(data=st.data())
def test_each_table_writes_what_the_row_walk_writes(
    table: Mapping[str, m.Term],
    props: tuple[tuple[str, str], ...],
    items: st.SearchStrategy[Any],
    bare: object,
    data: st.DataObject,
) -> None:
    _same_writes(table, props, data.draw(items))


# A value of each shape at its edge: falsy numbers and flags, escapes, non-ASCII, a comma.
_VALUES: Mapping[m.Value, object] = {
    m.Value.TEXT: 'Zoë "quoted" \\ \u2028 ✓',
    m.Value.URL: _URL,
    m.Value.LANGUAGE: "pt-BR",
    m.Value.DATE: datetime(2026, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=-3))),
    m.Value.FLAG: False,
    m.Value.COUNT: 0,
    m.Value.PIXELS: 0,
    m.Value.PLACE: "São Paulo",
    m.Value.ORGANIZATION_NAME: "共同通信",
    m.Value.STORY_COUNT: 0,
    m.Value.DURATION: 3725,
    m.Value.KEYWORDS: ("énergie", "grids, winter"),
    m.Value.TEXTS: ("one", "två"),
    m.Value.URLS: (_URL, "https://example.org/"),
}


def _filled(table: Mapping[str, m.Term], bare: object) -> object:
    """``bare`` with every scalar field of ``table`` set that its model accepts."""
    item: Any = bare  # an attrs model
    for field, term in table.items():
        if term.value is not m.Value.NODE:
            with suppress(NewspkgError):  # an organization has no job title, ...
                item = attrs.evolve(item, **{field: _VALUES[term.value]})
    return item


@pytest.mark.parametrize(("table", "props", "items", "bare"), _TABLES, ids=_IDS)
def test_full_and_empty_items_write_what_the_row_walk_writes(
    table: Mapping[str, m.Term],
    props: tuple[tuple[str, str], ...],
    items: st.SearchStrategy[Any],
    bare: object,
) -> None:
    """Every scalar field set, and none but the required: both ends, not left to chance."""
    full = _filled(table, bare)
    _same_writes(table, props, full)
    _same_writes(table, props, bare)
    written: JsonObject = {}
    field_writer(table, props)(written, full)
    scalar = [field for field, term in table.items() if term.value is not m.Value.NODE]
    set_fields = [field for field in scalar if getattr(full, field) not in (None, ())]
    assert len(written) >= len(set_fields) > 0  # each field set on the full end is written


def test_the_writer_uses_the_compiled_writers() -> None:
    """Without this, the comparisons above could pass with the generic walk still in use."""
    compiled = compiled_writers()
    assert compiled.article is field_writer(m.ARTICLE)
    assert compiled.authors[AuthorKind.PERSON] is field_writer(
        m.AUTHOR, (("location", "workLocation"),)
    )
    assert compiled.article.__code__.co_filename == "<newspkg field writer ARTICLE>"


def test_a_field_writer_is_compiled_once_per_table_and_override() -> None:
    assert field_writer(m.FIGURE) is field_writer(m.FIGURE)
    assert field_writer(m.FIGURE) is not field_writer(m.FIGURE, (("url", m.VIDEO_THUMBNAIL),))
