"""Write a synthetic web archive: N pages of generated articles (and saved corpus pages).

Usage (from the repository root)::

    .venv/bin/python scripts/make_archive.py OUT.warc.gz --pages 10000 [--seed 0] [--corpus DIR]
    .venv/bin/python scripts/make_archive.py OUT_DIR --pages 10000 --files 20

Deterministic (the same arguments give the same bytes) and offline. By default every tenth
page is a saved page from ``shared/corpus/pages`` when that folder is present, and one page
in 50 of each kind is a 404, an image and a page with broken JSON-LD (``--no-trouble`` leaves
them out). With ``--files``, OUT is a folder of that many archives (``crawl-00000.warc.gz``
...), each of ``pages / files`` pages with its own seed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newspkg._batch.archive import write_archive

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "pages"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, required=True)
    parser.add_argument("--files", type=int, default=0, help="a folder of this many archives")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--no-trouble", action="store_true")
    options = parser.parse_args()
    corpus = options.corpus if options.corpus.is_dir() else None
    if not options.files:
        stats = write_archive(
            options.out,
            pages=options.pages,
            seed=options.seed,
            corpus=corpus,
            trouble=not options.no_trouble,
        )
        print(f"{options.out}: {stats}")
        return
    options.out.mkdir(parents=True, exist_ok=True)
    for number in range(options.files):
        path = options.out / f"crawl-{number:05}.warc.gz"
        stats = write_archive(
            path,
            pages=options.pages // options.files,
            seed=options.seed + number,
            corpus=corpus,
            trouble=not options.no_trouble,
        )
        print(f"{path}: {stats}")


if __name__ == "__main__":
    main()
