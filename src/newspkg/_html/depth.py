"""A linear pre-scan that refuses pages whose parse would cost more than linear time.

An HTML5 parser's tree construction is quadratic on two shapes of page, whatever its speed:

* **deep nesting**: many start tags (``<div>``, ``<ul>``, ``<p>``, ...) first look for an
  open ``<p>`` by walking down the stack of open elements, so n unclosed ``<div>``s cost
  n² steps (100,000 of them, 1.1 MB, took over 30 s);
* **one ``<select>`` with very many ``<option>``s**: each option inserted re-runs the
  select's selectedness over every option before it.

`check_page_shape` runs before the parser and raises `LimitExceededError` for a page nested
deeper than `MAX_HTML_DEPTH` or with more than `MAX_SELECT_OPTIONS` options in one select.
It reads tags with one regular expression and keeps a stack of open element names, closing
elements the way the HTML standard's tree builder does for the common cases: void elements
never open, raw text (``<script>``, ``<textarea>``, ...) and comments hold no tags, an end
tag closes up to its element when that is in the scope the standard searches, elements whose
end tag is optional (``<p>``, ``<li>``, ``<td>``, ``<option>``, ...) close an open one of
their kind in that scope, and a formatting element closed out of order is marked closed
where it stands. Elsewhere the estimate errs towards depth (an element closed by a rule the
scan does not know stays open); on the test corpus's 151 pages it is never more than a third
above the parsed depth. The limit is set well above what pages use: browsers stop nesting
at 512 levels.

The scan is a Python loop over every tag, so most pages skip it: `provably_shallow` reads the
same tags with one regular expression at C speed into a much simpler stack (an end tag pops
only the element on top of its name) that provably holds every element the scan would hold
open, so when that stack stays shallow the scan would accept the page (see its docstring for
the argument; `tests/test_html_depth_bound.py` holds it to the scan). Only a page it cannot
prove shallow (none of the corpus's) is scanned.
"""

from __future__ import annotations

import re
from typing import Final, NoReturn

from newspkg.errors import LimitExceededError

__all__ = ["MAX_HTML_DEPTH", "MAX_SELECT_OPTIONS", "check_page_shape", "provably_shallow"]

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
# The end tag that ends each raw-text element's text.
_RAW_TEXT_ENDS: Final = {
    name: re.compile(rf"</{name}(?=[\t\n\f\r />])", re.IGNORECASE).search for name in _RAW_TEXT
}
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
_P: Final = frozenset({"p"})
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
# For the scan's main loop, which decides the common tags itself (`_Scan.run`):
# names whose start tag a rule of `_Scan._start` looks at (any other is only pushed, unless
# self-closing, which matters inside svg/math); of those, the ones whose only rule is to
# close an open <p> (<div>, <p>, <section>, ...); and the scope each end tag searches
# (`_Scan._end`; a formatting element's end tag has its own rule).
_OTHER_STARTS: Final = frozenset(
    {
        *_VOID, *_HEADINGS, *_RUBY, *_CELLS, *_SECTIONS, "li", "dd", "dt", "option",
        "optgroup", "a", "nobr", "button", "tr", "caption", "colgroup", "table", "form",
        "select",
    }
)  # fmt: skip
_RULED_STARTS: Final = _OTHER_STARTS | _CLOSES_P
_CLOSES_P_ONLY: Final = _CLOSES_P - _OTHER_STARTS
# What the main loop does with a start tag, by name (any other name is `_PLAIN`: pushed).
# `_REOPENS` (<a>, <nobr>) first closes an open one of its kind, if any (else it is pushed).
_PLAIN, _CLOSES_P_FIRST, _VOID_START, _PLAINTEXT, _REOPENS, _RULED = range(6)
_START_KINDS: Final = {
    **dict.fromkeys(_RULED_STARTS - _CLOSES_P_ONLY - _VOID, _RULED),
    "a": _REOPENS,
    "nobr": _REOPENS,
    **dict.fromkeys(_CLOSES_P_ONLY, _CLOSES_P_FIRST),
    **dict.fromkeys(_VOID, _VOID_START),
    "plaintext": _PLAINTEXT,
}
_END_SCOPES: Final = {
    **dict.fromkeys(_SPECIAL | _DEFAULT_SCOPE, "default"),
    "p": "button",
    "li": "list item",
    **dict.fromkeys(_TABLE_PARTS, "table"),
}
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

    Linear in the page's length; it reads only tags, never builds a tree. Most pages are
    proven shallow at C speed (`provably_shallow`); the Python scan reads the others.

    Raises:
        LimitExceededError: the page nests elements deeper than `MAX_HTML_DEPTH`, or one
            ``<select>`` holds more than `MAX_SELECT_OPTIONS` options.

    >>> check_page_shape("<div>" * 3 + "<p>text" * 5000)  # paragraphs close each other
    >>> check_page_shape("<div>" * 1001)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    newspkg.errors.LimitExceededError: $: the page nests elements more than 1,000 levels deep ...
    """
    if provably_shallow(html) or html.count("<") <= MAX_HTML_DEPTH:
        return  # proven shallow, or too few tags to nest that deep or fill a select that full
    _Scan().run(html)


# --- the proof that a page is shallow --------------------------------------------------------


def _raw_text_element(name: str) -> str:
    """A raw-text element as the scan reads it: its start tag, then its text.

    The start tag's name is ``name`` in any case of its ASCII letters (the scan compares
    `str.lower`, which folds no other letter into these), spelt as character classes so the
    expression engine skips the alternative at its first letter; the text runs to the end
    tag the scan searches for, matched as the scan matches it (any case, with
    `re.IGNORECASE`'s folds: a long s, U+017F, for an "s" ends a script there too), or to
    the page's end.
    """
    letters = "".join(f"[{letter}{letter.upper()}]" for letter in name)
    return (
        rf"{letters}(?=[\t\n\f\r />]|\Z)[^>]*+>?"
        rf"(?:[^<]++|<(?!/(?i:{name})[\t\n\f\r />]))*+"
    )


# The scan's tokens, read by one expression at C speed: a comment, a doctype or bogus
# comment, a raw-text element with its text (the group is empty), or a tag (the group is
# its name, after a "/" for an end tag: one string per tag is cheaper than a tuple). The
# alternatives are the scan's own (`_TOKEN`, `_RAW_TEXT_ENDS`), so the tags are the ones
# the scan reads, in the same order.
_MODEL_TOKENS: Final = re.compile(
    r"<(?:!--.*?(?:-->|\Z)|[!?][^>]*+>?"
    + "".join(f"|{_raw_text_element(name)}" for name in sorted(_RAW_TEXT))
    + r"|(/?[A-Za-z][^\t\n\f\r />]*+)[^>]*+>?)",
    re.DOTALL,
)


def provably_shallow(
    html: str, *, max_depth: int = MAX_HTML_DEPTH, max_options: int = MAX_SELECT_OPTIONS
) -> bool:
    """True when `check_page_shape`'s scan would accept ``html`` with these limits.

    False means "not proven", not "too deep": the scan then decides. This reads the scan's
    tokens (`_MODEL_TOKENS`) into a simpler model of its stack: every start tag but a void
    element's is pushed, and an end tag pops the element on top when it has the tag's name
    (else nothing). An element the model pops, the scan has closed (or never opened):
    everything opened after it was popped by the model before it, so by induction nothing
    the scan holds open stands above it when its end tag comes, and an end tag whose
    element has nothing open above it closes it under every rule of the scan (popped, or
    marked closed when it is a formatting element). So the elements the scan holds open are
    always among the model's, and the model's deepest stack, plus one for a raw-text
    element (opened and closed at once, so the model skips it), bounds the scan's depth.
    Options are counted over every ``option`` start tag.

    Linear: one regular expression over the page, then a loop over its tags.
    """
    stack: list[str] = []
    deepest = options = 0
    void = _VOID
    for tag in _MODEL_TOKENS.findall(html):
        if not tag:
            continue  # a comment, doctype or raw-text element: no element stays open
        name = tag.lower()
        if name[0] == "/":
            if stack and stack[-1] == name[1:]:
                stack.pop()
        elif name not in void:
            if name == "option":
                options += 1
            stack.append(name)
            if len(stack) > deepest:  # noqa: PLR1730 (a call to max costs more, once per tag)
                deepest = len(stack)
    return deepest + 1 <= max_depth and options <= max_options


class _Scan:
    """The stack of open elements, with the positions of each name and of each scope's fences.

    Every question the rules ask ("is an open li in list scope?") is answered from the top
    of those position lists in constant time, so the scan is linear in the number of tags.
    """

    def __init__(
        self, *, max_depth: int = MAX_HTML_DEPTH, max_options: int = MAX_SELECT_OPTIONS
    ) -> None:
        self.stack: list[str] = []
        self.where: dict[str, list[int]] = {}
        self.fences: dict[str, list[int]] = {scope: [] for scope in _FENCES}
        self.options = 0  # options in the innermost open select
        self.dead: set[int] = set()  # positions of formatting elements closed out of order
        self.max_depth = max_depth
        self.max_options = max_options

    def run(self, html: str) -> None:  # noqa: PLR0912, PLR0915 (the hot rules, inlined)
        # The loop runs once per tag of the page: the common cases (a void element, an
        # element no start rule looks at, an end tag of the element on top) are decided here
        # without further calls.
        search = _TOKEN.search
        kinds, formatting, scopes, raw_text_ends = (
            _START_KINDS, _FORMATTING, _END_SCOPES, _RAW_TEXT_ENDS
        )  # fmt: skip
        fences, where, stack, dead = self.fences, self.where, self.stack, self.dead
        button_fences = fences["button"]
        fenced_by, max_depth = _FENCED_BY, self.max_depth
        position = 0
        while (token := search(html, position)) is not None:
            position = token.end()
            is_end, name, attributes = token.groups()
            if name is None:
                continue  # a comment or doctype
            name = name.lower()
            if is_end:
                open_at = where.get(name)
                if not open_at:
                    continue  # not open: the parser ignores the tag
                index = open_at[-1]
                if index == len(stack) - 1:
                    # `_pop_to` for the element on top, which nothing can fence.
                    stack.pop()
                    open_at.pop()
                    for scope in fenced_by.get(name, ()):
                        fences[scope].pop()
                    if dead and name in formatting:
                        while stack and len(stack) - 1 in dead:
                            self._pop_to(len(stack) - 1)
                elif name in formatting:
                    self._close_formatting(name)
                else:
                    # `_end`: close the element unless a fence of its scope is above it.
                    fenced = fences[scopes.get(name, "special")]
                    if not (fenced and fenced[-1] > index):
                        self._pop_to(index)
                continue
            kind = kinds.get(name, _PLAIN)
            if kind == _VOID_START:
                continue  # a void element never opens
            if kind == _PLAINTEXT:
                return  # everything after it is text
            if kind == _RULED or attributes.endswith("/") or (kind == _REOPENS and where.get(name)):
                self._start(name, self_closing=attributes.endswith("/"))
            else:
                # `_start` for these: close an open <p> in button scope (an <a> or <nobr>
                # with none of its kind open closes nothing), then push.
                if kind == _CLOSES_P_FIRST and (open_p := where.get("p")):
                    index = open_p[-1]
                    if not (button_fences and button_fences[-1] > index):
                        self._pop_to(index)
                # `_push`, inlined: this is most of the page's tags.
                index = len(stack)
                stack.append(name)
                where.setdefault(name, []).append(index)
                for scope in fenced_by.get(name, ()):
                    fences[scope].append(index)
                if index - len(dead) >= max_depth:
                    self._too_deep()
            end_of_text = raw_text_ends.get(name)
            if end_of_text is not None:
                end = end_of_text(html, position)
                position = len(html) if end is None else end.start()
                self._end(name)

    # --- the rules ---------------------------------------------------------------------------

    def _start(self, name: str, *, self_closing: bool) -> None:  # noqa: PLR0912 (one rule each)
        if name in _VOID or (self_closing and self._open_any(_FOREIGN)):
            return
        if name in _CLOSES_P:
            self._close_in_scope(_P, "button")
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
            if self.options > self.max_options:
                raise LimitExceededError(
                    f"a <select> in the page holds more than {self.max_options:,} options"
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
        if index - len(self.dead) >= self.max_depth:
            self._too_deep()

    def _too_deep(self) -> NoReturn:
        raise LimitExceededError(
            f"the page nests elements more than {self.max_depth:,} levels deep (unclosed tags?)"
        )

    def _pop_to(self, index: int) -> None:
        """Pop every element from ``index`` up."""
        stack, dead, where, fences = self.stack, self.dead, self.where, self.fences
        while len(stack) > index:
            name = stack.pop()
            if dead and len(stack) in dead:
                dead.discard(len(stack))
                continue  # its position left `where` when it was closed
            where[name].pop()
            for scope in _FENCED_BY.get(name, ()):
                fences[scope].pop()  # pushed with the element: it is on top

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
        if len(names) == 1:
            [name] = names
            where = self.where.get(name)
            return where[-1] if where else -1
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
