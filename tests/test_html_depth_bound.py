"""The fast proof that a page is shallow never accepts what the scan refuses.

`check_page_shape` skips its Python scan when `provably_shallow` proves, at C speed, that
the scan would accept the page. That proof must be sound: whenever it says "shallow" at
some depth and option limit, the scan accepts the page at the same limits. Pages are tag
soup built from everything the two read differently if one were wrong (comments, raw text
and its end tags in any case and fold, tags inside attribute values, stray and misnested
end tags, void elements, selects and options), at small limits so depth is reached often;
and the corpus pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newspkg._html import depth
from newspkg._html.depth import check_page_shape, provably_shallow
from newspkg.errors import LimitExceededError

NAMES = (
    "div", "p", "span", "li", "ul", "dd", "dt", "h1", "option", "optgroup", "select", "a",
    "nobr", "b", "i", "button", "rb", "td", "th", "tr", "tbody", "table", "caption", "form",
    "svg", "math", "template", "object", "section", "pre", "img", "br", "custom-el",
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    "plaintext",
)  # fmt: skip
TOKENS = (
    *(f"<{name}>" for name in NAMES),
    *(f"</{name}>" for name in NAMES),
    *(f"<{name}/>" for name in NAMES),
    *(f"<{name.upper()}>" for name in ("div", "script", "option", "br", "b")),
    *(f"</{name.upper()}>" for name in ("div", "script", "option", "b")),
    "text", " ", ">", "<", "</", "<!--", "-->", "<!-- <div> -->", "<!doctype html>",
    "<?php x ?>", '<div title="<span>">', '<span title="</script>">', "<div\n", "</script ",
    "</Script\t>", "<br<div>", "</ div>", "<a href=x>",
    "</\u017fcript>",  # re.IGNORECASE folds a long s into "s": the scan's raw-text end
    "<\u017fcript>",  # str.lower does not: not a script start tag
    "<scr\u0130pt>",
)  # fmt: skip
# Few kinds of tags, so that elements open deep and end tags meet them, and end tags that
# only look like tags (in comments, raw text, attribute values, bogus comments): each
# would close an element the scan keeps open if the proof read it as a tag.
NESTING = ("<div>", "</div>", "<b>", "</b>", "<select>", "<option>", "<p>", "text")
HIDDEN_END_TAGS = (
    "<!--</div>-->", "<!-- > </div> -->", "<!--</b>", "-->", "<script></div></script>",
    "<script></b>", "</script>", "</\u017fcript>", "</SCRIPT\n", "<title></div></title>",
    "<textarea></b>", "</textarea>", "<xmp></div></xmp>", "<noembed></b></noembed>", "<plaintext>",
    '<div title="</div>">', "<b title='</b>'>", "<!x </div>>", "<?x </b> ?>", "<\u017fcript>",
    "<SCRIPT>", "<style>", "</style >",
)  # fmt: skip
LIMITS = [(d, o) for d in (1, 2, 3, 5, 8) for o in (0, 1, 2, 4)]


def _scan_accepts(html: str, max_depth: int, max_options: int) -> bool:
    try:
        depth._Scan(max_depth=max_depth, max_options=max_options).run(html)
    except LimitExceededError:
        return False
    return True


def _sound(html: str, limits: list[tuple[int, int]]) -> None:
    for max_depth, max_options in limits:
        if provably_shallow(html, max_depth=max_depth, max_options=max_options):
            assert _scan_accepts(html, max_depth, max_options), (max_depth, max_options)


@given(st.lists(st.sampled_from(TOKENS), max_size=60))
def test_a_page_proven_shallow_is_accepted_by_the_scan(tokens: list[str]) -> None:
    _sound("".join(tokens), LIMITS)


@given(st.lists(st.one_of(st.sampled_from(NESTING), st.sampled_from(HIDDEN_END_TAGS)), max_size=40))
def test_end_tags_the_scan_does_not_read_close_nothing(pieces: list[str]) -> None:
    _sound("".join(pieces), LIMITS)


@pytest.mark.parametrize("first", NESTING + HIDDEN_END_TAGS)
def test_every_pair_of_pieces_repeated_is_sound(first: str) -> None:
    # Repeated, a piece the proof misread would leave it one element short each time.
    for second in NESTING + HIDDEN_END_TAGS:
        for times in (1, 2, 3):
            _sound((first + second) * times + "<div><b><div>", LIMITS)


def test_the_corpus_pages_proven_shallow_are_accepted(shared_corpus: Path) -> None:
    limits = [(d, o) for d in (5, 20, 60, 200, depth.MAX_HTML_DEPTH) for o in (3, 2000)]
    for page in sorted((shared_corpus / "pages" / "html").glob("*.html")):
        _sound(page.read_text(encoding="utf-8"), limits)


def test_the_corpus_pages_are_proven_shallow_without_the_scan(shared_corpus: Path) -> None:
    # Every saved real page is proven shallow: the Python scan is for pages that are not.
    pages = sorted((shared_corpus / "pages" / "html").glob("*.html"))
    assert pages
    assert all(provably_shallow(page.read_text(encoding="utf-8")) for page in pages)


@pytest.mark.parametrize(
    "html",
    [
        pytest.param("<div>" * 1001, id="unclosed divs"),
        pytest.param("<span><div></span>" * 600, id="end tags across blocks"),
        pytest.param("<div></b>" * 1001, id="stray end tags"),
        pytest.param("<!-- </div> -->".join(["<div>"] * 1001), id="end tags in comments"),
        pytest.param("<div><script></div></script>" * 1001, id="end tags in scripts"),
        pytest.param('<div title="</div>">' * 1001, id="end tags in attributes"),
        pytest.param("<DIV></d\u0131v>" * 1001, id="an end tag whose name only folds alike"),
        pytest.param("<select>" + "<option>" * 2001, id="a long select"),
    ],
)
def test_what_only_looks_closed_is_not_proven(html: str) -> None:
    assert not provably_shallow(html)


def test_a_page_proven_shallow_is_not_scanned(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("scanned")

    monkeypatch.setattr(depth._Scan, "run", refuse)
    page = "<ul>" + "<li><a href='/x'>item</a></li>" * 2000 + "</ul><div>" * 500
    check_page_shape(page)
    with pytest.raises(AssertionError, match="scanned"):
        check_page_shape("<div>" * 1001)
