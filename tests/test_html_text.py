from __future__ import annotations

import pytest
from hypothesis import given
from selectolax.lexbor import LexborHTMLParser

from newspkg import count_words
from newspkg._html.text import ReadableText, readable_text
from newspkg.errors import ValidationError
from tests.strategies import prose


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        pytest.param("", ReadableText(text="", images=0), id="empty"),
        pytest.param(
            "<p>One</p><p>Two</p>", ReadableText(text="One\n\nTwo", images=0), id="blocks"
        ),
        pytest.param(
            "<p><b>J</b>ohn  <i>Doe</i></p>", ReadableText(text="John Doe", images=0), id="inline"
        ),
        pytest.param("<p>a<br>b</p>", ReadableText(text="a\nb", images=0), id="br"),
        pytest.param(
            "<h2>Title</h2>text", ReadableText(text="Title\n\ntext", images=0), id="headings count"
        ),
        pytest.param(
            "<script>var x = 1</script><style>p{}</style>"
            "<template><p>t</template><noscript>n</noscript>ok",
            ReadableText(text="ok", images=0),
            id="scripts and templates",
        ),
        pytest.param(
            '<p hidden>a</p><p aria-hidden="true">b</p><p style="display: none">c</p>'
            '<p style="visibility:hidden">d</p><dialog>e</dialog><dialog open>f</dialog>',
            ReadableText(text="f", images=0),
            id="hidden",
        ),
        pytest.param(
            "<nav><a href=/>Home</a></nav><p>Story</p>",
            ReadableText(text="Story", images=0),
            id="nav",
        ),
        pytest.param(
            "<figure><img src=a.jpg alt='A cat'><figcaption>Cap</figcaption></figure>",
            ReadableText(text="", images=1),
            id="figcaption and alt",
        ),
        pytest.param(
            "<pre><code>def f():\n    return 1</code></pre>",
            ReadableText(text="def f():\n    return 1", images=0),
            id="pre keeps lines",
        ),
        pytest.param(
            "<table><tr><th>City</th><td>Oslo</td></tr></table>",
            ReadableText(text="City\n\nOslo", images=0),
            id="table cells",
        ),
        pytest.param(
            '<img src=a><img src=p width="1" height="1"><noscript><img src=b></noscript>'
            "<div hidden><img src=c></div><picture><source srcset=x><img src=d></picture>",
            ReadableText(text="", images=2),
            id="images",
        ),
        pytest.param(
            "<html><head><title>T</title></head><body><p>Body</p></body></html>",
            ReadableText(text="Body", images=0),
            id="document",
        ),
        pytest.param("<p>a <!-- note --> b</p>", ReadableText(text="a b", images=0), id="comment"),
        pytest.param(
            "<p>a\n  b</p>", ReadableText(text="a b", images=0), id="source newlines collapse"
        ),
    ],
)
def test_readable_text(html: str, expected: ReadableText) -> None:
    assert expected == readable_text(html)


def test_accepts_a_parsed_node() -> None:
    node = LexborHTMLParser("<article><p>In</p></article><p>Out</p>").css_first("article")
    assert node is not None
    assert ReadableText(text="In", images=0) == readable_text(node)


def test_deep_nesting_does_not_recurse() -> None:
    # Text this deep is refused before parsing (test_html_depth); a tree parsed elsewhere
    # can still be this deep, and the walk must not recurse into it.
    body = LexborHTMLParser("<div>" * 5000 + "deep" + "</div>" * 5000).body
    assert body is not None
    assert readable_text(body).text == "deep"


def test_rejects_other_types() -> None:
    with pytest.raises(ValidationError) as info:
        readable_text(b"<p>x</p>")  # type: ignore[arg-type]
    assert [problem.path for problem in info.value.problems] == ["html"]


@given(prose().filter(lambda text: "\x00" not in text))
def test_text_in_a_paragraph_counts_as_the_text(text: str) -> None:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert count_words(text) == count_words(readable_text(f"<p>{escaped}</p>").text)
