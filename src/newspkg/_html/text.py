"""The text a reader reads in an HTML fragment, and the images they look at.

Parsed by lexbor (through selectolax), an HTML5 parser, so the tree is the one a
browser builds. What counts as read text:

* skipped: ``script``, ``style``, ``template``, ``noscript`` (scripts run in
  readers' browsers, so its fallback is not shown), ``head``, ``svg``, ``math``
  annotations, embedded and media fallback content, form controls, ``nav``
  (menus are not read as part of an article), ``figcaption`` (the per-image
  time covers looking at a figure and its caption; ``Article.body`` has no
  captions either, so both paths agree), ``dialog`` that is not ``open``, and
  anything hidden (``hidden``, ``aria-hidden="true"``, inline ``display:none``
  or ``visibility:hidden``);
* counted: everything else, including ``pre``/``code`` (readers read code),
  tables (cell by cell), ``aside``, ``header`` and ``footer`` inside the
  fragment (in an article body they hold text, not page chrome), and ``alt``
  text never (it is not shown).

Images are ``img`` elements outside skipped content, except tracking pixels
(``width`` or ``height`` of 0 or 1).
"""

from __future__ import annotations

import attrs
from selectolax.lexbor import LexborHTMLParser, LexborNode

from newspkg._html.depth import check_page_shape
from newspkg.errors import ValidationError

__all__ = ["ReadableText", "hidden_nodes", "readable_text"]

# Content a reader never sees or does not read as part of the article.
_SKIPPED = frozenset(
    {
        "script", "style", "template", "noscript", "head", "title", "meta", "link",
        "svg", "math", "iframe", "object", "embed", "canvas", "audio", "video",
        "source", "track", "map", "area", "button", "select", "option", "optgroup",
        "datalist", "textarea", "input", "nav", "figcaption",
    }
)  # fmt: skip
# Elements that end a line of text: their content never runs into a neighbour's.
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figure", "footer", "form", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "ol", "p",
        "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
        "ul", "legend", "center", "listing", "xmp", "plaintext",
    }
)  # fmt: skip
_TEXT = "-text"
_HIDDEN = '[hidden], [aria-hidden], dialog, [style*="none" i], [style*="hidden" i]'


@attrs.frozen(kw_only=True)
class ReadableText:
    r"""The readable text of an HTML fragment and how many images it shows.

    ``text`` is shaped like ``Article.body``: one paragraph (or heading, list
    item, table cell...) per block, blocks separated by a blank line, spaces
    collapsed except inside ``pre``.

    >>> readable_text("<h2>Title</h2><p>Hello <b>w</b>orld<img src=a.png></p>")
    ReadableText(text='Title\n\nHello world', images=1)
    """

    text: str
    images: int


def readable_text(html: str | LexborNode) -> ReadableText:
    """Extract the text a reader reads, and count the images, from HTML.

    ``html`` is a fragment or a whole document (only its ``body`` is read), or
    an already parsed selectolax node (the node and everything inside it).

    >>> readable_text("<p>One</p><nav>Menu</nav><p hidden>Two</p>").text
    'One'

    Raises:
        ValidationError: ``html`` is neither a string nor a parsed node.
        LimitExceededError: the HTML nests elements too deeply for a parse in linear time
            (see `newspkg._html.depth.check_page_shape`).
    """
    if isinstance(html, str):
        check_page_shape(html)
        # scripting=True parses <noscript> the way readers' browsers do: as one
        # text node we skip, instead of markup that leaks into <body>.
        root = LexborHTMLParser(html, scripting=True).body
        if root is None:  # only when lexbor fails to allocate; be total anyway
            return ReadableText(text="", images=0)
    elif isinstance(html, LexborNode):
        root = html
    else:
        raise ValidationError(f"expected HTML as a string, got {type(html).__name__}", path="html")
    return _Walker(root).walk(root)


class _Walker:
    """Depth-first walk with an explicit stack: HTML nests deeper than Python recurses."""

    def __init__(self, root: LexborNode) -> None:
        # Selectors run in C; testing attributes node by node in Python would
        # cost more than the rest of the walk.
        self.hidden = hidden_nodes(root)
        self.blocks: list[str] = []
        self.lines: list[str] = []
        self.inline: list[str] = []
        self.images = 0
        self.pre_depth = 0

    def walk(self, root: LexborNode) -> ReadableText:
        # Stack items are nodes to visit, or the tag of a block being closed.
        stack: list[LexborNode | str] = [root]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                self._close(item)
                continue
            tag = item.tag
            if tag == _TEXT:
                self.inline.append(item.text_content or "")
            elif (
                tag is None
                or tag.startswith(("-", "!"))
                or tag in _SKIPPED
                or item.mem_id in self.hidden
            ):
                continue  # comments, doctype, skipped and hidden content
            elif tag == "img":
                self.images += not _tracking_pixel(item)
            elif tag == "br":
                self._end_line()
            else:
                if tag in _BLOCKS:
                    self._flush()
                    stack.append(tag)
                    self.pre_depth += tag == "pre"
                stack.extend(reversed(list(item.iter(include_text=True))))
        self._flush()
        return ReadableText(text="\n\n".join(self.blocks), images=self.images)

    def _close(self, tag: str) -> None:
        self._flush()
        self.pre_depth -= tag == "pre"

    def _end_line(self) -> None:
        self.lines.append("".join(self.inline))
        self.inline.clear()

    def _flush(self) -> None:
        self._end_line()
        lines = self.lines
        self.lines = []
        if self.pre_depth:
            text = "\n".join(lines).strip("\n")
            if text.strip():
                self.blocks.append(text)
            return
        # Source whitespace collapses as a browser renders it; <br> ends a line.
        block = "\n".join(collapsed for line in lines if (collapsed := " ".join(line.split())))
        if block:
            self.blocks.append(block)


def hidden_nodes(root: LexborNode) -> set[int]:
    """The ``mem_id`` of every hidden element in ``root``'s subtree (see `_hidden`)."""
    return {node.mem_id for node in root.css(_HIDDEN) if _hidden(node)}


def _hidden(node: LexborNode) -> bool:
    attributes = node.attrs
    if "hidden" in attributes or attributes.get("aria-hidden") == "true":
        return True
    if node.tag == "dialog" and "open" not in attributes:
        return True
    style = attributes.get("style")
    if not style:
        return False
    declarations = style.replace(" ", "").lower()
    return "display:none" in declarations or "visibility:hidden" in declarations


def _tracking_pixel(node: LexborNode) -> bool:
    attributes = node.attrs
    return any(attributes.get(side) in {"0", "1"} for side in ("width", "height"))
