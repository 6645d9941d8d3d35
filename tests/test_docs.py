"""The code in the docs and docstrings runs: examples that cannot drift from the code."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import newspkg

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])
MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(newspkg.__path__, prefix="newspkg.")
    if info.name != "newspkg.__main__"
)
OPTIONS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_doc_page_examples_run(page: Path) -> None:
    result = doctest.testfile(str(page), module_relative=False, optionflags=OPTIONS, verbose=False)

    assert result.failed == 0


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=OPTIONS, verbose=False)

    assert result.failed == 0


def test_docs_are_checked_somewhere() -> None:
    examples = sum(
        len(doctest.DocTestParser().get_examples(page.read_text(encoding="utf-8")))
        for page in PAGES
    )

    assert examples >= 10
