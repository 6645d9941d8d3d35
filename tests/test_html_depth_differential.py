"""The optimised page-shape pre-scan refuses exactly what the scan before it refused.

The scan's speed-up (common tags decided in its main loop) must not change a decision, so
the scan is run against its earlier version (`tests/depth_reference.py`) with small depth
and option limits: a page is refused by one at limit n exactly when the other refuses it,
so the two reach the same depth and option counts at every point. Pages are tag soup
drawn from every element a rule of the scan names, and the saved pages of the corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newspkg._html import depth
from newspkg.errors import LimitExceededError

from . import depth_reference

NAMES = (
    "div", "p", "span", "li", "ul", "ol", "dd", "dt", "dl", "h1", "h2", "option", "optgroup",
    "select", "a", "nobr", "b", "i", "em", "button", "rb", "rt", "td", "th", "tr", "tbody",
    "thead", "table", "caption", "colgroup", "form", "svg", "math", "script", "textarea",
    "title", "img", "br", "template", "object", "marquee", "section", "address", "pre",
    "xmp", "iframe", "custom-el",
)  # fmt: skip
TOKENS = (
    *(f"<{name}>" for name in NAMES),
    *(f"</{name}>" for name in NAMES),
    *(f"<{name}/>" for name in NAMES),
    '<DIV class="a">',
    "</P>",
    # The main loop's own cases: void tags, <a> with and without one open, end tags of the
    # element on top (formatting ones with closed-out-of-order ones below), any case.
    '<A href="x">',
    "</A>",
    "</B>",
    "<IMG src=x>",
    "</br>",
    "<Script>",
    "<NOBR>",
    "text",
    "<!-- <div> -->",
    "<!doctype html>",
    "<plaintext>",
)
LIMITS = [(d, o) for d in (1, 2, 3, 5, 8, 13) for o in (1, 2, 4)]


def _refusal(scan: object, html: str) -> str | None:
    try:
        scan.run(html)  # type: ignore[attr-defined]
    except LimitExceededError as error:
        return str(error)
    return None


def _reference(
    html: str, max_depth: int, max_options: int, monkeypatch: pytest.MonkeyPatch
) -> str | None:
    monkeypatch.setattr(depth_reference, "MAX_HTML_DEPTH", max_depth)
    monkeypatch.setattr(depth_reference, "MAX_SELECT_OPTIONS", max_options)
    return _refusal(depth_reference._Scan(), html)


def _same_decisions(html: str, limits: list[tuple[int, int]]) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        for max_depth, max_options in limits:
            ours = _refusal(depth._Scan(max_depth=max_depth, max_options=max_options), html)
            theirs = _reference(html, max_depth, max_options, monkeypatch)
            assert ours == theirs, (max_depth, max_options)


@given(st.lists(st.sampled_from(TOKENS), max_size=60))
def test_the_same_tag_soup_is_refused(tokens: list[str]) -> None:
    _same_decisions("".join(tokens), LIMITS)


def test_the_corpus_pages_are_refused_alike(shared_corpus: Path) -> None:
    pages = sorted((shared_corpus / "pages" / "html").glob("*.html"))
    limits = [(d, o) for d in (5, 20, 60, 200, depth.MAX_HTML_DEPTH) for o in (3, 2000)]

    for page in pages:
        _same_decisions(page.read_text(encoding="utf-8"), limits)


@pytest.mark.parametrize(
    "html",
    [
        pytest.param("<a>x" * 8, id="an <a> closes the open one"),
        pytest.param("<a>" + "<div><a>" * 6, id="an <a> closes one across a block"),
        pytest.param(
            "<span><div></div><b></span>" + "<em>" * 8, id="a closed block fences nothing"
        ),
        pytest.param("<b><div><b></div>" * 4 + "</b></b><i>" * 4, id="formatting closed on top"),
        pytest.param("<td></td><table></table><li></li>" * 3 + "<span>" * 8, id="fences popped"),
        pytest.param("<IMG><br></br><NOBR><nobr>" * 6, id="void tags and nobr"),
    ],
)
def test_the_main_loop_decides_as_the_rules_do(html: str) -> None:
    _same_decisions(html, LIMITS)
