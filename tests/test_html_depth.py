"""The page-shape pre-scan: pages an HTML5 parser would take quadratic time over are refused."""

from __future__ import annotations

import pytest

from newspkg import extract_jsonld, from_html, reading_time
from newspkg._html import depth
from newspkg._html.depth import MAX_HTML_DEPTH, MAX_SELECT_OPTIONS, check_page_shape
from newspkg._html.text import readable_text
from newspkg.errors import LimitExceededError, ParseError

HEAD = (
    '<meta property="og:type" content="article">'
    '<meta property="og:title" content="Grid operators brace">'
    '<meta property="og:url" content="https://example.com/news/1">'
)
DEEP = MAX_HTML_DEPTH + 1


def _message(html: str) -> str:
    with pytest.raises(LimitExceededError) as caught:
        check_page_shape(html)
    [problem] = caught.value.problems
    assert problem.path == "$"
    return problem.message


@pytest.mark.parametrize(
    "html",
    [
        pytest.param("<div>" * DEEP, id="unclosed divs"),
        pytest.param("<span>" * DEEP + "<div></div>", id="unclosed spans"),
        pytest.param("<ul><li>" * (DEEP // 2 + 1), id="nested lists"),
        pytest.param("<li><dd>" * (DEEP // 2 + 1), id="list items in definitions"),
        pytest.param("<span><div></span>" * (DEEP // 2 + 1), id="end tags across blocks"),
        pytest.param("<a><b>" * DEEP, id="anchors reopening formatting"),
        pytest.param("<i><b>x</i>" * DEEP, id="misnested formatting"),
        pytest.param("<table><tr><td>" * DEEP, id="nested tables"),
        pytest.param("<h1><span><h2><span>" * DEEP, id="headings in spans"),
    ],
)
def test_a_page_nested_too_deeply_is_refused(html: str) -> None:
    assert _message(html) == (
        f"the page nests elements more than {MAX_HTML_DEPTH:,} levels deep (unclosed tags?)"
    )


@pytest.mark.parametrize(
    "html",
    [
        pytest.param("<div>" * 3 + "<p>text" * 5000, id="paragraphs close each other"),
        pytest.param("<ul>" + "<li>item" * 5000 + "</ul>", id="list items close each other"),
        pytest.param("<dl>" + "<dt>a<dd>b" * 5000, id="terms close each other"),
        pytest.param("<table>" + "<tr><td>a<td>b" * 5000 + "</table>", id="rows and cells"),
        pytest.param("<div>x</div>" * 5000, id="closed divs"),
        pytest.param("<a href=x>x" * 5000, id="unclosed anchors"),
        pytest.param("<p><b>x</p></b>" * 5000, id="formatting misnested across paragraphs"),
        pytest.param("<b><p>x</b></p>" * 5000, id="formatting closed inside a paragraph"),
        pytest.param("<svg>" + "<g/>" * 5000 + "</svg>", id="self-closing foreign elements"),
        pytest.param("<script>" + "<div>" * 5000 + "</script>", id="tags in a script"),
        pytest.param("<textarea>" + "<div>" * 5000 + "</TEXTAREA >", id="tags in a textarea"),
        pytest.param("<!--" + "<div>" * 5000 + "-->", id="tags in a comment"),
        pytest.param("<select>" + "<option>x" * 1500 + "</select>" * 2, id="a long select"),
        pytest.param("<h1>a<h2>b" * 5000, id="headings close headings"),
        pytest.param("<form><form>" * 5000, id="forms in forms are not opened"),
        pytest.param("<select><select>" * 5000, id="a select closes a select"),
    ],
)
def test_pages_that_only_look_deep_are_accepted(html: str) -> None:
    check_page_shape(html)


def test_everything_after_plaintext_is_text() -> None:
    check_page_shape("<plaintext>" + "<div>" * DEEP)


def test_a_select_with_too_many_options_is_refused() -> None:
    html = "<select>" + "<option>x" * (MAX_SELECT_OPTIONS + 1) + "</select>"

    assert _message(html) == (
        f"a <select> in the page holds more than {MAX_SELECT_OPTIONS:,} options"
    )


def test_options_count_per_select() -> None:
    check_page_shape(("<select>" + "<option>x" * (MAX_SELECT_OPTIONS // 2) + "</select>") * 3)
    check_page_shape("<div>" + "<option>x" * (MAX_SELECT_OPTIONS + 1))  # no select: no cost


def test_few_tags_are_not_scanned(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_scan: object, _html: str) -> None:
        raise AssertionError("scanned")

    monkeypatch.setattr(depth._Scan, "run", refuse)
    check_page_shape("<div>" * MAX_HTML_DEPTH)


@pytest.mark.parametrize("reader", [from_html, extract_jsonld])
def test_the_readers_refuse_before_parsing(monkeypatch: pytest.MonkeyPatch, reader: object) -> None:
    def never(_html: str) -> None:
        raise AssertionError("parsed")

    monkeypatch.setattr("newspkg._html.page.LexborHTMLParser", never)
    assert callable(reader)
    with pytest.raises(LimitExceededError) as caught:
        reader(HEAD + "<div>" * DEEP)
    assert isinstance(caught.value, ParseError)


def test_a_page_within_the_limit_reads_as_before() -> None:
    article = from_html(HEAD + "<div>" * (MAX_HTML_DEPTH // 2) + "text")

    assert article.headline == "Grid operators brace"


def test_reading_time_refuses_html_nested_too_deeply() -> None:
    with pytest.raises(LimitExceededError, match="levels deep"):
        reading_time("<div>" * DEEP + "words")
    with pytest.raises(LimitExceededError, match="levels deep"):
        readable_text("<span>" * DEEP)


def test_reading_time_reads_html_within_the_limit() -> None:
    assert reading_time("<div>" * (MAX_HTML_DEPTH // 2) + "two words").words == 2
