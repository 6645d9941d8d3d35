"""Hostile inputs: every reader's cost per input KB, from 10 KB to 1 MB (a benchmark, not a test).

Each generator builds an input of a given size whose shape once made a reader superlinear
(issue 9): a context repeated or carried by every nested node, many articles, authors or
related reads, deep HTML, a long select, many script blocks or meta tags, long text. For
each, the public entry point is timed at every size (fastest of ``--repeat`` runs) and the
report gives milliseconds per input KB and the slope of a least-squares fit of
log(seconds) on log(KB): 1 is linear, 2 quadratic. A generator passes when every size
costs at most 10 ms/KB and the slope is at most 1.2; a slope is not judged when even the
largest input takes under `NOISE_SECONDS` (timer noise, and a constant bound anyway).
Inputs refused with a newspkg ``LimitExceededError`` count too: refusing early is how a
cost is bounded. Times are CPU seconds of this process (`time.process_time`), not wall
time: on a loaded machine a long run is descheduled more often than a short one, which
would bend every slope upwards.

Run: ``.venv/bin/python benchmarks/hostile.py [--quick] [--repeat N] [--only NAME]``
(``--quick`` stops at 100 KB). The exit status is 1 when a generator fails.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import newspkg
from newspkg import NewspkgError

SCHEMA = "https://schema.org"
SITE = "https://example.com"
HEAD = (
    '<meta property="og:type" content="article">'
    '<meta property="og:title" content="Grid operators brace">'
    f'<meta property="og:url" content="{SITE}/news/1">'
)
MAX_MS_PER_KB = 10.0
MAX_SLOPE = 1.2
NOISE_SECONDS = 0.05
SIZES_KB = (10, 30, 100, 300, 1000)
QUICK_SIZES_KB = (10, 30, 100)


def _article(number: int, **extra: object) -> dict[str, object]:
    return {
        "@type": "NewsArticle",
        "headline": f"Story {number}",
        "url": f"{SITE}/news/{number}",
        **extra,
    }


def _fill(unit: Callable[[int], str], size: int, *, prefix: str = "", suffix: str = "") -> str:
    """``prefix`` + ``unit(0)`` + ``unit(1)`` + ... until the text is ``size`` characters."""
    parts, length, index = [prefix], len(prefix) + len(suffix), 0
    while length < size:
        part = unit(index)
        parts.append(part)
        length += len(part)
        index += 1
    parts.append(suffix)
    return "".join(parts)


def _json_list(unit: Callable[[int], object], size: int) -> list[object]:
    """As many ``unit(i)`` items as make about ``size`` characters of JSON."""
    items: list[object] = []
    length = 0
    while length < size:
        item = unit(len(items))
        items.append(item)
        length += len(json.dumps(item)) + 2
    return items


# --- generators: size in characters -> the input --------------------------------------------


def repeated_contexts(size: int) -> str:
    contexts = [SCHEMA] * max(1, (size - 100) // (len(SCHEMA) + 4))
    return json.dumps({"@context": contexts, **_article(1)})


def _chain(number: int) -> dict[str, object]:
    node: dict[str, object] = {"@context": SCHEMA, "@type": "Person", "name": f"p{number}.20"}
    for level in range(19, 0, -1):
        node = {"@context": SCHEMA, "@type": "Person", "name": f"p{number}.{level}", "knows": node}
    return node


def nested_contexts(size: int) -> str:
    # Nesting stops at 64 levels, so the input grows by chains of 20 nested nodes.
    return json.dumps({"@context": SCHEMA, **_article(1), "author": _json_list(_chain, size)})


def many_articles(size: int) -> str:
    return json.dumps({"@context": SCHEMA, "@graph": _json_list(_article, size)})


def many_authors(size: int) -> str:
    def author(number: int) -> object:
        return {"@type": "Person", "name": f"Author {number}", "url": f"{SITE}/a/{number}"}

    return json.dumps({"@context": SCHEMA, **_article(1), "author": _json_list(author, size)})


def many_related_reads(size: int) -> str:
    def pair(number: int) -> object:
        own = f"{SITE}/news/{number}"
        return [
            _article(number, mainEntityOfPage=own, relatedLink=f"{SITE}/related/{number}"),
            {"@type": "NewsArticle", "headline": "R", "url": f"{SITE}/related/{number}"},
        ]

    graph = [node for nodes in _json_list(pair, size) for node in nodes]  # type: ignore[attr-defined]
    return json.dumps({"@context": SCHEMA, "@graph": graph})


def shared_related_links(size: int) -> str:
    # Every article links the same URL, which many nodes carry: n articles x n reads.
    def pair(number: int) -> object:
        own = f"{SITE}/news/{number}"
        return [
            _article(number, mainEntityOfPage=own, relatedLink=f"{SITE}/related"),
            {"@type": "NewsArticle", "headline": f"R{number}", "url": f"{SITE}/related"},
        ]

    graph = [node for nodes in _json_list(pair, size) for node in nodes]  # type: ignore[attr-defined]
    return json.dumps({"@context": SCHEMA, "@graph": graph})


def long_text(size: int) -> str:
    body = _fill(lambda n: f"word{n % 97} ", size - 200)
    return json.dumps({"@context": SCHEMA, **_article(1), "articleBody": body})


def long_plain_text(size: int) -> str:
    return _fill(lambda n: f"word{n % 97} ", size)


def deep_html(size: int) -> str:
    return _fill(lambda _: "<div>", size, prefix=HEAD)


def deep_html_at_the_limit(size: int) -> str:
    # As deep as accepted, then closed divs: each start tag searches the whole stack.
    return _fill(lambda _: "<div></div>", size, prefix=HEAD + "<div>" * 990)


def long_select(size: int) -> str:
    return _fill(lambda n: f"<option>{n}", size, prefix=HEAD + "<select>")


def many_script_blocks(size: int) -> str:
    def block(number: int) -> str:
        return f'<script type="application/ld+json">{json.dumps(_article(number))}</script>'

    return _fill(block, size, prefix=HEAD)


def many_meta_tags(size: int) -> str:
    return _fill(lambda n: f'<meta property="article:tag" content="tag {n}">', size, prefix=HEAD)


def many_byline_texts(size: int) -> str:
    # One element of "By x" texts, none a byline: each try reads the element's whole text.
    return _fill(lambda _: "<b>By x</b>", size, prefix=HEAD + "<div>", suffix="</div>")


def nested_byline_texts(size: int) -> str:
    # "Posted by" at every level of a nest as deep as accepted, then beside each other,
    # with no name: each try climbs its parents.
    prefix = HEAD + "<span>Posted by " * 900
    return _fill(lambda _: "<i>Posted by </i>", size, prefix=prefix)


def cpu_best_of(rounds: int, action: Callable[[], object]) -> float:
    """The least CPU time of ``rounds`` runs of ``action``, in seconds."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        action()
        best = min(best, time.process_time() - start)
    return best


def _articles(text: str) -> object:
    return list(newspkg.iter_articles(text))


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[int], str]
    read: Callable[[str], object]
    reader: str


CASES = (
    Case("repeated contexts", repeated_contexts, newspkg.from_jsonld, "from_jsonld"),
    Case("nested contexts", nested_contexts, newspkg.from_jsonld, "from_jsonld"),
    Case("many articles", many_articles, _articles, "iter_articles"),
    Case("many articles, checked", many_articles, newspkg.check, "check"),
    Case("many authors", many_authors, newspkg.from_jsonld, "from_jsonld"),
    Case("many related reads", many_related_reads, _articles, "iter_articles"),
    Case("shared related links", shared_related_links, _articles, "iter_articles"),
    Case("long text", long_text, newspkg.from_jsonld, "from_jsonld"),
    Case("long text, read time", long_plain_text, newspkg.reading_time, "reading_time"),
    Case("deep HTML", deep_html, newspkg.from_html, "from_html"),
    Case("deep HTML, read time", deep_html, newspkg.reading_time, "reading_time"),
    Case("deep HTML at the limit", deep_html_at_the_limit, newspkg.from_html, "from_html"),
    Case("long select", long_select, newspkg.from_html, "from_html"),
    Case("many script blocks", many_script_blocks, newspkg.from_html, "from_html"),
    Case("many meta tags", many_meta_tags, newspkg.from_html, "from_html"),
    Case("many byline texts", many_byline_texts, newspkg.from_html, "from_html"),
    Case("nested byline texts", nested_byline_texts, newspkg.from_html, "from_html"),
)


def _outcome(read: Callable[[str], object], text: str) -> str:
    try:
        read(text)
    except NewspkgError as error:
        return type(error).__name__
    return "read"


def slope(sizes: list[float], seconds: list[float]) -> float:
    """The least-squares slope of log(seconds) on log(size)."""
    xs = [math.log(size) for size in sizes]
    ys = [math.log(max(second, 1e-9)) for second in seconds]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def measure(case: Case, sizes_kb: tuple[int, ...], repeat: int) -> bool:
    kbs, seconds, cells = [], [], []
    for size_kb in sizes_kb:
        text = case.make(size_kb * 1024)
        kb = len(text.encode()) / 1024
        outcome = _outcome(case.read, text)
        best = cpu_best_of(repeat, lambda text=text: _outcome(case.read, text))  # type: ignore[misc]
        kbs.append(kb)
        seconds.append(best)
        cells.append(f"{best * 1000 / kb:6.2f}" + ("*" if outcome != "read" else " "))
    fitted = slope(kbs, seconds)
    worst = max(second * 1000 / kb for second, kb in zip(seconds, kbs, strict=True))
    judged = max(seconds) >= NOISE_SECONDS
    passed = worst <= MAX_MS_PER_KB and (fitted <= MAX_SLOPE or not judged)
    verdict = "ok  " if passed else "FAIL"
    shown = f"slope {fitted:5.2f}" + ("" if judged else " (under noise)")
    print(f"{verdict} {case.name:24} {case.reader:13} {' '.join(cells)}  {shown}")
    return passed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sizes up to 100 KB only")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (fastest counts)")
    parser.add_argument("--only", help="run the generators whose name contains this")
    options = parser.parse_args()
    sizes = QUICK_SIZES_KB if options.quick else SIZES_KB
    newspkg.from_jsonld(json.dumps({"@context": SCHEMA, **_article(0)}))  # warm the context
    header = " ".join(f"{size:>6}K " for size in sizes)
    print("CPU ms per input KB (* = refused with a LimitExceededError or other newspkg error)")
    limits = f"(limits: {MAX_MS_PER_KB} ms/KB, slope {MAX_SLOPE})"
    print(f"     {'generator':24} {'reader':13} {header} {limits}")
    results = [
        measure(case, sizes, options.repeat)
        for case in CASES
        if not options.only or options.only.lower() in case.name.lower()
    ]
    failed = results.count(False)
    print(f"{len(results) - failed} of {len(results)} generators within the limits")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
