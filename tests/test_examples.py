"""Every script in examples/ runs, and the bundled article stays valid and complete."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser

import newspkg
from newspkg import SourceRole
from newspkg._readtime.estimate import effective_word_count

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))
# check_page.py exits 1 like `newspkg check`: the bundled page has a broken block on purpose.
EXPECTED_EXIT = {"check_page.py": 1}


@pytest.mark.parametrize("script", SCRIPTS, ids=[script.name for script in SCRIPTS])
def test_example_script_runs(script: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=EXAMPLES.parent,
    )

    assert (result.returncode, result.stderr) == (EXPECTED_EXIT.get(script.name, 0), "")
    assert result.stdout.strip()


def test_there_are_examples() -> None:
    assert len(SCRIPTS) >= 3


def test_example_article_is_the_full_page() -> None:
    article = newspkg.from_json((EXAMPLES / "article.json").read_text(encoding="utf-8"))
    roles = [source.role for source in article.sources]

    assert (
        len(article.authors),
        article.authors[0].location,
        article.publisher is not None,
        article.image is not None,
        [figure.label for figure in article.figures],
        roles.count(SourceRole.PRIMARY),
        roles.count(SourceRole.SUPPORTING),
        len(article.related),
        effective_word_count(article),
    ) == (
        1,
        "Brussels · London corridor",
        True,
        True,
        ["Figure / 01", "Figure / 02"],
        2,
        2,
        3,
        1237,
    )


def test_example_article_file_is_canonical() -> None:
    text = (EXAMPLES / "article.json").read_text(encoding="utf-8")

    assert newspkg.to_json(newspkg.from_json(text)) + "\n" == text


def _newsroom_example() -> Any:
    spec = importlib.util.spec_from_file_location("newsroom_page", EXAMPLES / "newsroom_page.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_newsroom_page_head_carries_the_whole_page() -> None:
    example = _newsroom_example()
    article = example.build_article()

    page = example.render_page(article)
    head = LexborHTMLParser(page).head
    assert head is not None
    scripts = head.css('script[type="application/ld+json"]')
    read = newspkg.from_jsonld(scripts[0].text())
    graph: Any = newspkg.to_jsonld(article)["@graph"]
    types = {node["@type"] for node in graph}

    assert read == article
    assert len(scripts) == 1
    assert {"WebSite", "WebPage", "BreadcrumbList", "VideoObject", "LiveBlogPosting"} <= types
    assert [f.code for f in newspkg.check(article) if f.severity is not newspkg.Severity.INFO] == []
    assert head.css_first('link[hreflang="de"]') is not None
    assert head.css_first('meta[name="robots"]').attributes["content"] == "max-image-preview:large"  # type: ignore[union-attr]
