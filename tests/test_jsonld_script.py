"""The JSON-LD script element: documents as well as articles, compact output, one escaping."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from newspkg import Article, ValidationError, compose_graph, to_jsonld, to_script_tag
from newspkg._fast_json import optional_orjson
from newspkg._jsonld import script
from newspkg._jsonld.processing import JsonValue
from newspkg._jsonld.script import escape_script_json
from tests.strategies import articles

URL = "https://example.com/news/1"
OPEN = '<script type="application/ld+json">'
CLOSE = "</script>"
HOSTILE = ["</script><script>alert(1)</script>", "<!--", "</SCRIPT >", "a\u2028b\u2029c", "&lt;"]

# The escaping the writer used before (str.translate), kept as the reference it must match.
REFERENCE: dict[int, str] = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)

json_values: st.SearchStrategy[JsonValue] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


def element_text(html: str) -> str:
    tree = LexborHTMLParser(f"<!doctype html><html><head>{html}</head><body><p id=after>ok")
    scripts = tree.css("script")
    after = tree.css_first("#after")
    assert (len(scripts), after is not None and after.text()) == (1, "ok")
    return scripts[0].text()


@given(st.text())
def test_replace_chain_escapes_exactly_as_translate_did(text: str) -> None:
    assert escape_script_json(text) == text.translate(REFERENCE)


@given(st.text(alphabet='<>&\u2028\u2029ab\\"u', max_size=40))
def test_replace_chain_matches_translate_on_the_escaped_characters(text: str) -> None:
    assert escape_script_json(text) == text.translate(REFERENCE)


@given(articles())
def test_article_script_is_unchanged_by_the_new_escaping(article: Article) -> None:
    text = json.dumps(to_jsonld(article), ensure_ascii=False, indent=2)
    expected = f'<script type="application/ld+json">\n{text.translate(REFERENCE)}\n</script>'

    assert to_script_tag(article) == expected


@given(json_values.filter(lambda value: isinstance(value, dict | list)))
@pytest.mark.parametrize("compact", [False, True])
def test_any_document_parses_back_from_the_element(compact: bool, document: JsonValue) -> None:
    assert isinstance(document, dict | list)

    assert json.loads(element_text(to_script_tag(document, compact=compact))) == document


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_in_a_document_stays_inside_the_element(hostile: str) -> None:
    document: dict[str, JsonValue] = {"@type": "Product", "name": hostile, "a": [{"b": hostile}]}

    assert json.loads(element_text(to_script_tag(document, compact=True))) == document


def test_article_and_its_document_give_the_same_element() -> None:
    article = Article(url=URL, headline="Prices <rise> & fall")

    assert to_script_tag(article) == to_script_tag(to_jsonld(article))


def test_compact_has_no_indentation_or_spaces_between_tokens() -> None:
    article = Article(url=URL, headline="Hi there")

    tag = to_script_tag(article, compact=True)

    assert tag == (
        '<script type="application/ld+json">'
        + json.dumps(to_jsonld(article), ensure_ascii=False, separators=(",", ":"))
        + "</script>"
    )
    assert "\n" not in tag
    assert json.loads(element_text(tag)) == to_jsonld(article)


def test_a_composed_graph_goes_into_one_element() -> None:
    doc = compose_graph(
        to_jsonld(Article(url=URL, headline="Review")),
        [{"@type": "Product", "@id": f"{URL}#product", "name": "</script>"}],
    )

    assert json.loads(element_text(to_script_tag(doc))) == doc


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("<p>", "expected an Article or a JSON-LD document (dict or list), got str"),
        (None, "expected an Article or a JSON-LD document (dict or list), got NoneType"),
        ({"a": {1, 2}}, "not a JSON document: Object of type set is not JSON serializable"),
        ({"a": math.nan}, "not a JSON document: Out of range float values are not JSON compliant"),
    ],
)
def test_what_is_not_json_raises_a_validation_error(item: object, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        to_script_tag(item)  # type: ignore[arg-type]

    # Python versions word the json module's reasons a little differently; the start is ours.
    [(path, text)] = [(p.path, p.message) for p in raised.value.problems]
    assert (path, text[: len(message)]) == ("$", message)


def test_a_cycle_raises_a_validation_error() -> None:
    cycle: dict[str, JsonValue] = {}
    cycle["self"] = cycle

    with pytest.raises(ValidationError, match="not a JSON document: Circular reference"):
        to_script_tag(cycle)


@given(articles())
@pytest.mark.parametrize("compact", [False, True])
def test_an_article_is_written_as_json_writes_it_with_or_without_orjson(
    compact: bool, article: Article
) -> None:
    """orjson writes an article's text when installed: it must be json's text, either layout."""
    options: dict[str, Any] = {"separators": (",", ":")} if compact else {"indent": 2}
    text = escape_script_json(json.dumps(to_jsonld(article), ensure_ascii=False, **options))
    expected = f"{OPEN}{text}{CLOSE}" if compact else f"{OPEN}\n{text}\n{CLOSE}"
    assert to_script_tag(article, compact=compact) == expected
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(script, "optional_orjson", lambda: None)
        assert to_script_tag(article, compact=compact) == expected


@pytest.mark.skipif(optional_orjson() is None, reason="orjson is not installed (the fast extra)")
def test_orjson_writes_the_article_text_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without this, the comparison above could pass with json writing both times."""
    written: list[object] = []
    orjson = optional_orjson()

    class Spy:
        OPT_INDENT_2 = orjson.OPT_INDENT_2

        @staticmethod
        def dumps(document: object, option: int = 0) -> bytes:
            written.append(document)
            result: bytes = orjson.dumps(document, option=option)
            return result

    monkeypatch.setattr(script, "optional_orjson", lambda: Spy)
    to_script_tag(Article(url=URL, headline="H"))
    assert len(written) == 1
