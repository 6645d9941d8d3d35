"""Score `from_html` on the saved pages of ../shared/corpus/pages/ against their expected values.

Usage: ``python scripts/score_pages.py [CORPUS_PAGES_DIR] [--diff FIELD] [--refused]``

The expected values are other extractors' outputs (mozilla/readability, newspaper4k), not
ground truth; a disagreement is something to look at. Each page is read with the address
its origin project gave its extractor: readability's ``http://fakehost/test/page.html``,
newspaper4k's ``url``. Only real (non-synthetic) pages are scored.

How values are compared (the same rules for every page):

- title, description: equal after decoding HTML entities, Unicode NFKC, folding
  typographic quotes and dashes to plain ones, dropping invisible characters (soft
  hyphen, zero-width space, word joiner, BOM), whitespace collapsing and case folding
  (`norm`). A cut text, an added or removed site name or other wording still differs.
- language: the primary language subtag (``en-US`` and ``en`` agree).
- author: readability's byline is display text, so it agrees when it equals our names
  joined with ", " or " and ", or when its names (split on ",", " and ", "&", with a
  leading "By" dropped) are ours; newspaper4k's list agrees as a set.
- published: the expected text is read with `newspkg.parse_date` (a time without a zone
  is compared by calendar day); instants are compared when both sides have one, else
  calendar days; newspaper4k's are compared by day, as its own tests do.

The raw agreement is the headline figure. A second figure, labelled as such, also counts
the reviewed disagreements: the pages listed in docs/corpus-scores.md under "Reviewed
disagreements", each with its verdict: the page shows the expected value wrong
("theirs wrong"), or both values are readings the page allows ("both acceptable", such as
a site name kept or cut); the count of each is printed. That table is the
review list: this script reads it (`reviewed`), so the docs and the figure cannot drift, and
it reports a row that no longer names a disagreement as stale.
"""

from __future__ import annotations

import html
import json
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from newspkg import Article, NewspkgError, from_html
from newspkg._dates import parse_date

READABILITY_URL = "http://fakehost/test/page.html"
FIELDS = ("title", "description", "language", "author", "published")
REVIEW = Path(__file__).parents[1] / "docs" / "corpus-scores.md"
REVIEW_HEADING = "## Reviewed disagreements"
ORIGINS = ("readability", "newspaper4k", "newspaper")


@dataclass
class Score:
    agree: int = 0
    total: int = 0
    misses: list[tuple[str, object, object]] = field(default_factory=list)
    reviewed: int = 0
    """Disagreements on the review list (the expected value shown wrong by the page)."""


VERDICTS = ("theirs wrong", "both acceptable")


def reviewed(path: Path = REVIEW) -> set[tuple[str, str]]:
    """The (page, field) pairs of the review table in docs/corpus-scores.md."""
    return set(verdicts(path))


def verdicts(path: Path = REVIEW) -> dict[tuple[str, str], str]:
    """The review table of docs/corpus-scores.md: each (page, field) pair and its verdict.

    Each row's first cell names pages as an origin followed by backquoted names
    (``readability `breitbart`, `ehow-1`; newspaper4k `cnn_001` ``), its second the field,
    its third the verdict: "theirs wrong" (the page shows the expected value wrong) or
    "both acceptable" (the values differ in a way both readings of the page allow, such as
    a site name kept or cut).
    """
    text = path.read_text(encoding="utf-8")
    section = text.split(REVIEW_HEADING, 1)[1].split("\n## ", 1)[0]
    pairs: dict[tuple[str, str], str] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 3 or cells[1] not in FIELDS:
            continue
        if cells[2] not in VERDICTS:
            raise ValueError(f"review row with verdict {cells[2]!r}, not one of {VERDICTS}")
        origin = None
        for word, name in re.findall(r"\b(" + "|".join(ORIGINS) + r")\b|`([^`]+)`", cells[0]):
            if word:
                origin = word
            elif origin is not None:
                pairs[(f"{origin}__{name}", cells[1])] = cells[2]
    return pairs


# Presentation only: typographic quotes and dashes are their plain forms, and invisible
# characters (soft hyphen, zero-width space, word joiner, BOM) are not text.
_TYPOGRAPHY = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        **dict.fromkeys("\u00ad\u200b\u2060\ufeff", None),
    }
)


def norm(text: object) -> str:
    """``text`` as compared: entities decoded, NFKC, plain quotes and dashes, spaces, case.

    Each step removes a difference of presentation only: an entity a page escaped twice
    (``&amp;nbsp;``) is kept as text by one extractor and decoded by another; NFKC makes
    "…" "..." and a no-break space a space; "–" and "-" are one dash typed two ways.
    Nothing that changes the words (a cut, an added site name, other wording) is folded.
    """
    text = unicodedata.normalize("NFKC", html.unescape(str(text))).translate(_TYPOGRAPHY)
    return " ".join(text.split()).casefold()


def expected_of(origin: str, expected: dict[str, object]) -> dict[str, object]:
    if origin == "readability":
        keys = {"title": "title", "description": "excerpt", "language": "lang"}
        found = {name: expected.get(key) for name, key in keys.items()}
        found["author"] = expected.get("byline")
        found["published"] = expected.get("publishedTime")
    else:
        found = {
            "title": expected.get("title"),
            "description": expected.get("meta_description"),
            "language": expected.get("meta_lang"),
            "author": expected.get("authors"),
            "published": expected.get("publish_date"),
        }
    return {name: value for name, value in found.items() if value not in (None, "", [])}


def split_names(byline: str) -> set[str]:
    byline = re.sub(r"^\s*by\s+", "", byline, flags=re.IGNORECASE)
    return {norm(n) for n in re.split(r",\s*|\s+and\s+|\s*&\s*", byline) if n.strip()}


def same_author(article: Article, wanted: object) -> bool:
    names = [author.name for author in article.authors]
    if isinstance(wanted, list):
        return {norm(n) for n in wanted} == {norm(n) for n in names}
    text = str(wanted)
    joined = {norm(", ".join(names)), norm(" and ".join(names))}
    return bool(names) and (norm(text) in joined or split_names(text) == {norm(n) for n in names})


def same_date(ours: object, text: object, *, by_day: bool) -> bool:
    if ours is None:
        return False
    try:
        wanted = parse_date(str(text))
    except NewspkgError:
        try:
            wanted = parse_date(str(text), default_timezone=UTC)
        except NewspkgError:
            return False
        by_day = True
    if isinstance(ours, datetime) and isinstance(wanted, datetime) and not by_day:
        return ours == wanted
    day = ours.date() if isinstance(ours, datetime) else ours
    want = wanted.date() if isinstance(wanted, datetime) else wanted
    if not by_day and isinstance(wanted, datetime) and isinstance(ours, datetime):
        return False
    assert isinstance(day, date)
    assert isinstance(want, date)
    return day == want


def language_of(value: object) -> str:
    return str(value).replace("_", "-").split("-")[0].casefold()


def agrees(name: str, article: Article, wanted: object, origin: str) -> bool:
    checks: dict[str, Callable[[], bool]] = {
        "title": lambda: norm(article.headline) == norm(wanted),
        "description": lambda: (
            article.description is not None and norm(article.description) == norm(wanted)
        ),
        "language": lambda: (
            article.language is not None and language_of(article.language) == language_of(wanted)
        ),
        "author": lambda: same_author(article, wanted),
        "published": lambda: same_date(
            article.date_published, wanted, by_day=origin != "readability"
        ),
    }
    return checks[name]()


def ours(name: str, article: Article) -> object:
    return {
        "title": article.headline,
        "description": article.description,
        "language": article.language,
        "author": [a.name for a in article.authors],
        "published": article.date_published,
    }[name]


def score(
    pages: Path, review: set[tuple[str, str]] | None = None
) -> tuple[dict[str, Score], int, int, list[tuple[str, str]]]:
    review = reviewed() if review is None else review
    scores = {name: Score() for name in FIELDS}
    read = total = 0
    refused: list[tuple[str, str]] = []
    for path in sorted((pages / "expected").glob("*.json")):
        meta = json.loads(path.read_text(encoding="utf-8"))
        if meta["synthetic_fixture"]:
            continue
        origin = path.stem.split("__")[0]
        expected = meta["expected"]
        url = READABILITY_URL if origin == "readability" else expected.get("url")
        html = (pages / "html" / f"{path.stem}.html").read_bytes()
        total += 1
        try:
            article = from_html(html, url=url or None)
        except NewspkgError as error:
            refused.append((path.stem, str(error)))
            article = None
        else:
            read += 1
        for name, wanted in expected_of(origin, expected).items():
            scores[name].total += 1
            if article is not None and agrees(name, article, wanted, origin):
                scores[name].agree += 1
            else:
                got = None if article is None else ours(name, article)
                scores[name].misses.append((path.stem, wanted, got))
                scores[name].reviewed += (path.stem, name) in review
    return scores, read, total, refused


def stale(scores: dict[str, Score], review: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Review rows that name no current disagreement (fixed, or a page or field not scored)."""
    misses = {(stem, name) for name in FIELDS for stem, *_ in scores[name].misses}
    return review - misses


def main(argv: list[str]) -> int:
    diff = argv[argv.index("--diff") + 1] if "--diff" in argv else None
    args = [a for a in argv if not a.startswith("--") and a != diff]
    pages = Path(args[0]) if args else Path(__file__).parents[1] / "../shared/corpus/pages"
    review = reviewed()
    scores, read, total, refused = score(pages, review)
    print(f"article read from {read} of {total} real pages ({read / total:.0%})")
    for name in FIELDS:
        s = scores[name]
        print(f"{name:12} {s.agree:3} of {s.total:3} ({s.agree / max(s.total, 1):.0%})")
    print("\nalso counting the reviewed disagreements (listed in", REVIEW.name, end="")
    print(", 'Reviewed disagreements'):")
    kinds = verdicts()
    for name in FIELDS:
        s = scores[name]
        both = s.agree + s.reviewed
        share = both / max(s.total, 1)
        counts = [
            sum(kinds.get((stem, name)) == verdict for stem, *_ in s.misses) for verdict in VERDICTS
        ]
        split = ", ".join(f"{n} {verdict}" for n, verdict in zip(counts, VERDICTS, strict=True))
        print(f"{name:12} {both:3} of {s.total:3} ({share:.0%}), {s.reviewed} reviewed ({split})")
    for stem, name in sorted(stale(scores, review)):
        print(f"STALE review row: {stem} {name} is not a disagreement")
    if "--refused" in argv:
        for stem, why in refused:
            print(f"REFUSED {stem}: {why}")
    if diff:
        for stem, wanted, got in scores[diff].misses:
            print(f"{stem}\n  expected: {wanted!r}\n  ours:     {got!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
