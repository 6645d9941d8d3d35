"""HTML reading speed, as a ratio measured in one run (a benchmark, not a timed test).

``from_html`` on every page of the page corpus (``../shared/corpus/pages/``), against
``extruct.extract`` with ``syntaxes=["json-ld", "microdata", "opengraph", "rdfa"]`` on the
same pages, both given the page text and its URL. extruct only extracts the markup, newspkg
also builds the article, so the comparison is kind to extruct. Target: at most 1.2x.

A second line reports the pages with microdata or RDFa alone, where newspkg's new readers
do their work; a third compares with extruct without RDFa (pyRdfa is most of its time),
for context; a fourth with ``syntaxes=["json-ld"]`` alone, issue 11's baseline (target: at
most 1.0x), which extracts far less than ``from_html`` reads (no meta tags, no microdata).

Run: ``.venv/bin/python benchmarks/bench_html.py [--repeat N] [--cpu]``; ``--cpu`` times
CPU time (``time.process_time``) instead of wall time, steadier on a shared machine (both
sides are single-threaded and do no I/O).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
import warnings
from contextlib import suppress
from functools import partial
from pathlib import Path

from _timing import best_of

from newspkg import NewspkgError, from_html

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "pages"
SYNTAXES = ["json-ld", "microdata", "opengraph", "rdfa"]

Page = tuple[str, str | None]


def corpus_pages() -> tuple[list[Page], list[Page]]:
    """Every page (text, page URL), and those with microdata or RDFa."""
    every: list[Page] = []
    structured: list[Page] = []
    with (CORPUS / "index.tsv").open(encoding="utf-8", newline="") as index:
        for row in csv.DictReader(index, delimiter="\t"):
            page = ((CORPUS / row["file"]).read_text(encoding="utf-8"), row["page_url"] or None)
            every.append(page)
            if "yes" in (row["has_microdata"], row["has_rdfa"]):
                structured.append(page)
    return every, structured


def read_all(pages: list[Page]) -> None:
    for html, url in pages:
        with suppress(NewspkgError):
            from_html(html, url=url)


def extract_all(pages: list[Page], syntaxes: list[str] = SYNTAXES) -> None:
    import extruct  # noqa: PLC0415  (the baseline, imported only when it is measured)

    for html, url in pages:
        # extruct raises on some real pages (a broken JSON-LD block); count the time anyway.
        with suppress(Exception):
            extruct.extract(html, base_url=url, syntaxes=syntaxes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=5, help="rounds; the best run counts")
    parser.add_argument("--cpu", action="store_true", help="CPU time instead of wall time")
    options = parser.parse_args()
    timed = partial(best_of, clock=time.process_time) if options.cpu else best_of
    if not CORPUS.is_dir():
        print(f"page corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    warnings.simplefilter("ignore")  # extruct's and lxml's deprecation notices
    every, structured = corpus_pages()
    for label, pages in (("all pages", every), ("microdata/RDFa pages", structured)):
        ours, theirs = timed(options.repeat, partial(read_all, pages), partial(extract_all, pages))
        print(
            f"{label} ({len(pages)}): from_html {ours * 1000:.0f} ms, extruct.extract"
            f" {theirs * 1000:.0f} ms, ratio {ours / theirs:.2f}x (target <= 1.2x)"
        )
    lighter = ["json-ld", "microdata", "opengraph"]
    for label, syntaxes, target in (
        ("extruct without rdfa", lighter, "for context only"),
        ('extruct syntaxes=["json-ld"]', ["json-ld"], "issue 11 target <= 1.0x"),
    ):
        ours, theirs = timed(
            options.repeat, partial(read_all, every), partial(extract_all, every, syntaxes)
        )
        print(
            f"all pages, {label}: from_html {ours * 1000:.0f} ms, extruct.extract"
            f" {theirs * 1000:.0f} ms, ratio {ours / theirs:.2f}x ({target})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
