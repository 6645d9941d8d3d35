"""The page-shape pre-scan as it was before its speed-up: the oracle of a differential test.

A verbatim copy of ``src/newspkg/_html/depth.py`` at commit 392b8cc (only this docstring
differs). `tests/test_html_depth_differential.py` checks that the optimised
scan refuses exactly the pages this one refuses, at every depth and option limit. Do not
edit it to follow the library: it is the reference.
"""

from __future__ import annotations

import re
from typing import Final

from newspkg.errors import LimitExceededError

__all__ = ["MAX_HTML_DEPTH", "MAX_SELECT_OPTIONS", "check_page_shape"]

MAX_HTML_DEPTH: Final = 1000
"""Deepest nesting of elements accepted in a page (browsers stop nesting at 512)."""
MAX_SELECT_OPTIONS: Final = 2000
"""Most ``<option>`` elements accepted in one ``<select>``."""

# A comment, a doctype/bogus comment (<!...>, <?...>), or a tag: "/" for an end tag, the
# name, and whether it ends with "/>". A ">" inside a quoted attribute ends the tag early:
# the rest reads as text, which only makes the estimate miss that tag's attributes.
_TOKEN: Final = re.compile(
    r"<!--.*?(?:-->|\Z)|<[!?][^>]*>?|<(/?)([A-Za-z][^\t\n\f\r />]*)([^>]*)>?", re.DOTALL
)
# Elements whose content is text up to their end tag: tags inside them are not tags.
_RAW_TEXT: Final = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"}
)
_VOID: Final = frozenset(
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image",
        "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    }
)  # fmt: skip
_HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CELLS: Final = frozenset({"td", "th"})
_SECTIONS: Final = frozenset({"tbody", "thead", "tfoot"})
_RUBY: Final = frozenset({"rb", "rt", "rtc", "rp"})
# The HTML standard's element scopes: a search for an open element stops at these.
_DEFAULT_SCOPE: Final = frozenset(
    {
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
        "mi", "mo", "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc", "title",
    }
)  # fmt: skip
_SPECIAL: Final = frozenset(
    {
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound",
        "blockquote", "body", "br", "button", "caption", "center", "col", "colgroup", "dd",
        "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption", "figure",
        "footer", "form", "frame", "frameset", "head", "header", "hgroup", "hr", "html",
        "iframe", "img", "input", "keygen", "li", "link", "listing", "main", "marquee",
        "menu", "meta", "nav", "noembed", "noframes", "noscript", "object", "ol", "p",
        "param", "plaintext", "pre", "script", "search", "section", "select", "source",
        "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th",
        "thead", "title", "tr", "track", "ul", "wbr", "xmp", *_HEADINGS,
        "mi", "mo", "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc",
    }
)  # fmt: skip
# Fences per search: where the search for an open element stops.
_FENCES: Final = {
    "default": _DEFAULT_SCOPE,
    "button": _DEFAULT_SCOPE | {"button"},
    "table": frozenset({"html", "table", "template"}),
    "list": _SPECIAL - {"address", "div", "p"},  # li, dd and dt close across no others
    "list item": _DEFAULT_SCOPE | {"ol", "ul"},
    "special": _SPECIAL,  # an end tag of an ordinary element stops at any special one
}
# For each element that is a fence, the scopes it fences.
_FENCED_BY: Final = {
    name: tuple(scope for scope, fence in _FENCES.items() if name in fence)
    for name in frozenset().union(*_FENCES.values())
}
_TABLE_PARTS: Final = frozenset(
    {"table", "caption", "colgroup", "tbody", "thead", "tfoot", "tr", "td", "th"}
)
# Start tags that close an open <p> first (if one is in button scope).
_CLOSES_P: Final = frozenset(
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir",
        "div", "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup",
        "main", "menu", "nav", "ol", "p", "search", "section", "summary", "ul", "pre",
        "listing", "form", "li", "dd", "dt", "table", "xmp", *_HEADINGS,
    }
)  # fmt: skip
_FOREIGN: Final = frozenset({"svg", "math"})
# Closing one of these out of order runs the parser's adoption agency: the element leaves
# the stack, and the elements above it stay (formatting ones are reopened, a block it
# crossed gets a copy of it). The scan marks it closed where it is ("dead") and lets it
# go when the stack is popped below it.
_FORMATTING: Final = frozenset(
    {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong",
     "tt", "u"}
)  # fmt: skip


def check_page_shape(html: str) -> None:
    """Refuse a page nested too deeply, or with too many options in one select.

    Linear in the page's length; it reads only tags, never builds a tree.

    Raises:
        LimitExceededError: the page nests elements deeper than `MAX_HTML_DEPTH`, or one
            ``<select>`` holds more than `MAX_SELECT_OPTIONS` options.

    >>> check_page_shape("<div>" * 3 + "<p>text" * 5000)  # paragraphs close each other
    >>> check_page_shape("<div>" * 1001)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    newspkg.errors.LimitExceededError: $: the page nests elements more than 1,000 levels deep ...
    """
    if html.count("<") <= MAX_HTML_DEPTH:
        return  # too few tags to nest that deep or fill a select that full
    _Scan().run(html)


class _Scan:
    """The stack of open elements, with the positions of each name and of each scope's fences.

    Every question the rules ask ("is an open li in list scope?") is answered from the top
    of those position lists in constant time, so the scan is linear in the number of tags.
    """

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.where: dict[str, list[int]] = {}
        self.fences: dict[str, list[int]] = {scope: [] for scope in _FENCES}
        self.options = 0  # options in the innermost open select
        self.dead: set[int] = set()  # positions of formatting elements closed out of order

    def run(self, html: str) -> None:
        position = 0
        while (token := _TOKEN.search(html, position)) is not None:
            position = token.end()
            name = token.group(2)
            if name is None:
                continue  # a comment or doctype
            name = name.lower()
            if token.group(1):
                self._end(name)
            elif name == "plaintext":
                return  # everything after it is text
            else:
                self._start(name, self_closing=token.group(3).endswith("/"))
                if name in _RAW_TEXT:
                    position = _after_raw_text(html, position, name)
                    self._end(name)

    # --- the rules ---------------------------------------------------------------------------

    def _start(self, name: str, *, self_closing: bool) -> None:  # noqa: PLR0912 (one rule each)
        if name in _VOID or (self_closing and self._open_any(_FOREIGN)):
            return
        if name in _CLOSES_P:
            self._close_in_scope({"p"}, "button")
        if name == "li":
            self._close_nearest({"li"})
        elif name in ("dd", "dt"):
            self._close_nearest({"dd", "dt"})
        elif name in _HEADINGS:
            if self.stack and self.stack[-1] in _HEADINGS:
                self._pop_to(len(self.stack) - 1)
        elif name == "option":
            if self.stack and self.stack[-1] == "option":
                self._pop_to(len(self.stack) - 1)
        elif name == "optgroup":
            while self.stack and self.stack[-1] in ("option", "optgroup"):
                self._pop_to(len(self.stack) - 1)
        elif name in ("a", "nobr"):
            self._close_formatting(name)
        elif name == "button" or name in _RUBY:
            self._close_in_scope(_RUBY if name in _RUBY else {name}, "default")
        elif name in _CELLS:
            self._close_in_scope(_CELLS, "table")
        elif name == "tr":
            self._close_in_scope({"tr", *_CELLS}, "table", lowest=True)
        elif name in _SECTIONS or name in ("caption", "colgroup"):
            self._close_in_scope(
                {"caption", "colgroup", "tr", *_SECTIONS, *_CELLS}, "table", lowest=True
            )
        elif name == "table" and not self._open_any(_CELLS | {"caption"}, "table"):
            self._close_in_scope({"table"}, "table")
        elif name == "form" and self.where.get("form"):
            return  # a form inside a form is not opened
        elif name == "select" and self.where.get("select"):
            self._close_in_scope({"select"}, "default")
            return  # a select inside a select only closes it
        if name == "option" and self.where.get("select"):
            self.options += 1
            if self.options > MAX_SELECT_OPTIONS:
                raise LimitExceededError(
                    f"a <select> in the page holds more than {MAX_SELECT_OPTIONS:,} options"
                )
        if name == "select":
            self.options = 0
        self._push(name)

    def _end(self, name: str) -> None:
        if name in _FORMATTING:
            self._close_formatting(name)
            return
        if name in _TABLE_PARTS:
            scope = "table"
        elif name == "p":
            scope = "button"
        elif name == "li":
            scope = "list item"
        elif name in _SPECIAL or name in _DEFAULT_SCOPE:
            scope = "default"
        else:
            scope = "special"  # an ordinary end tag stops at any special element
        self._close_in_scope({name}, scope)

    # --- the stack ---------------------------------------------------------------------------

    def _push(self, name: str) -> None:
        index = len(self.stack)
        self.stack.append(name)
        self.where.setdefault(name, []).append(index)
        for scope in _FENCED_BY.get(name, ()):
            self.fences[scope].append(index)
        if index - len(self.dead) >= MAX_HTML_DEPTH:
            raise LimitExceededError(
                f"the page nests elements more than {MAX_HTML_DEPTH:,} levels deep (unclosed tags?)"
            )

    def _pop_to(self, index: int) -> None:
        """Pop every element from ``index`` up."""
        while len(self.stack) > index:
            name = self.stack.pop()
            if self.dead and len(self.stack) in self.dead:
                self.dead.discard(len(self.stack))
                continue  # its position left `where` when it was closed
            self.where[name].pop()
            for scope in _FENCED_BY.get(name, ()):
                self.fences[scope].pop()  # pushed with the element: it is on top

    def _close_formatting(self, name: str) -> None:
        """A formatting element's end tag (or a second ``<a>``/``<nobr>``)."""
        index = self._top({name})
        if index < 0 or self._fence("default", below=index) >= 0:
            return  # not open in scope: the parser ignores the tag
        if index == len(self.stack) - 1:
            self._pop_to(index)
            while self.stack and len(self.stack) - 1 in self.dead:
                self._pop_to(len(self.stack) - 1)
            return
        self.where[name].pop()
        self.dead.add(index)

    def _top(self, names: set[str] | frozenset[str], *, lowest: bool = False) -> int:
        """The highest (or lowest of the tops) position of an open element named in ``names``."""
        tops = [where[-1] for name in names if (where := self.where.get(name))]
        if not tops:
            return -1
        return min(tops) if lowest else max(tops)

    def _fence(self, scope: str, *, below: int) -> int:
        """The highest fence of ``scope`` strictly above position ``below``, else -1."""
        fences = self.fences[scope]
        return fences[-1] if fences and fences[-1] > below else -1

    def _close_in_scope(
        self, names: set[str] | frozenset[str], scope: str, *, lowest: bool = False
    ) -> None:
        """Pop to the open element named in ``names`` when no fence of ``scope`` is above it."""
        index = self._top(names, lowest=lowest)
        if index >= 0 and self._fence(scope, below=index) < 0:
            self._pop_to(index)

    def _close_nearest(self, names: set[str]) -> None:
        """li, dd, dt: close the named element when it is the nearest list fence."""
        index = self._top(names)
        fences = self.fences["list"]
        if index >= 0 and fences and fences[-1] == index:
            self._pop_to(index)

    def _open_any(self, names: frozenset[str], scope: str | None = None) -> bool:
        index = self._top(names)
        if index < 0:
            return False
        return scope is None or self._fence(scope, below=index) < 0


def _after_raw_text(html: str, position: int, name: str) -> int:
    """Where the text of a raw-text element ends: after its end tag, or at the page's end."""
    end = re.compile(rf"</{name}(?=[\t\n\f\r />])", re.IGNORECASE).search(html, position)
    return len(html) if end is None else end.start()
