"""A text cut short, and the page's fuller version of it: `fuller_text`.

CMSs fill one description field with a teaser cut at a fixed length, and another with the
whole text: a JSON-LD ``description`` ending in "…" next to a complete ``og:description``,
or a ``<meta name="description">`` cut at 150 characters ("… the changing status of
computation in") next to a ``twitter:description`` that ends the sentence. The fuller
text is the same words, less cut, so it is the better value of the field.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from typing import Final

__all__ = ["DESCRIPTION_TAGS", "ELLIPSIS", "fuller_text"]

# The head's own descriptions, named rather than sliced from `PRECEDENCE` so a new family
# added there cannot join them silently; Dublin Core and the rest describe other things
# (an abstract, a record) and are not read here.
DESCRIPTION_TAGS: Final = ("og:description", "description", "twitter:description")

# A teaser's end: "...", "…", "(...)", "[…]", after the cut text. A match starts only where
# a run of spaces does (the lookbehind): else the search would retry from every space of a
# long run, quadratic in it.
ELLIPSIS: Final = re.compile(r"(?<!\s)\s*(?:\.{3}|\u2026|[(\[](?:\.{3}|\u2026)[)\]])\s*\Z")


def fuller_text(
    text: str, others: Iterable[tuple[str, str]], *, marked_only: bool
) -> tuple[str, str] | None:
    """The longest of ``others`` (``(source, text)`` pairs) that continues ``text``, if any.

    Another text continues ``text`` when, both without a trailing ellipsis, it starts with
    it and is longer (compared after entity decoding, NFKC, white-space collapsing and
    case folding): "July..." does not continue "July.", it is the same text. A
    ``text`` with no ellipsis is taken as cut only where the other goes on at a word
    boundary ("computation in" → "computation in science.", not "science" → "sciences"),
    and never when ``marked_only``.
    """
    ellipsis = ELLIPSIS.search(text)
    if ellipsis is None and marked_only:
        return None
    stem = _plain(text if ellipsis is None else text[: ellipsis.start()])
    if not stem:
        return None
    fuller = [
        (source, other)
        for source, other in others
        # The other's own ellipsis is left out too: "July..." does not continue "July."
        if len(core := _plain(ELLIPSIS.sub("", other))) > len(stem)
        and core.startswith(stem)
        and (ellipsis is not None or not (stem[-1].isalnum() and core[len(stem)].isalnum()))
    ]
    return max(fuller, key=lambda found: len(found[1]), default=None)


def _plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", html.unescape(text)).split()).casefold()
