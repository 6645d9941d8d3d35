"""The page's head correcting its JSON-LD: a headline that is not the title, a cut description."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newspkg import from_html
from newspkg._html import cut_texts, meta_families
from tests.time_bound import at_most

URL = "https://en.wikipedia.org/wiki/New_Zealand"


def page(data: dict[str, object], head: str = "", body: str = "") -> str:
    block = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    return f"<html><head>{head}{block}</head><body>{body}</body></html>"


def article(**fields: object) -> dict[str, object]:
    return {"@context": "https://schema.org", "@type": "Article", "url": URL, **fields}


WIKIPEDIA = article(name="New Zealand", headline="constitutional monarchy in Oceania")


def test_the_name_is_the_headline_when_the_page_shows_it_and_not_the_headline() -> None:
    found = from_html(page(WIKIPEDIA, "<title>New Zealand - Wikipedia</title>"), url=URL)

    assert found.headline == "New Zealand"
    notes = [n for n in found.provenance if n.field == "headline"]
    assert len(notes) == 1
    assert "'constitutional monarchy in Oceania' is not the page's title" in notes[0].detail


def test_an_h1_alone_is_enough_to_show_the_title() -> None:
    found = from_html(page(WIKIPEDIA, body="<h1>New Zealand</h1>"))

    assert found.headline == "New Zealand"


def test_a_headline_the_page_shows_is_kept() -> None:
    found = from_html(page(WIKIPEDIA, body="<h1>constitutional monarchy in Oceania</h1>"))

    assert found.headline == "constitutional monarchy in Oceania"


def test_a_headline_the_page_contradicts_without_a_name_is_kept() -> None:
    # CNN: the JSON-LD headline is the <h1>; the <title> is an SEO title. No guess.
    data = article(headline="The sparring match")
    found = from_html(page(data, "<title>Alito and Prelogar: The sparring match | CNN</title>"))

    assert found.headline == "The sparring match"
    assert not [n for n in found.provenance if n.field == "headline"]


def test_a_name_that_is_the_site_s_is_not_taken() -> None:
    data = article(name="Example News", headline="Grid operators brace")
    head = '<meta property="og:site_name" content="Example News"><title>Example News</title>'

    assert from_html(page(data, head), url=URL).headline == "Grid operators brace"


@pytest.mark.parametrize(
    ("name", "title", "expected"),
    [
        ("New\n   Zealand ", "New Zealand - Wikipedia", "New Zealand"),
        ("Ben &amp; Jerry&#039;s", "Ben &amp; Jerry's - Wikipedia", "Ben & Jerry's"),
    ],
    ids=["white space", "entities"],
)
def test_the_name_taken_as_headline_is_cleaned_as_titles_are(
    name: str, title: str, expected: str
) -> None:
    data = article(name=name, headline="a description, not the title")

    found = from_html(page(data, f"<title>{title}</title>"), url=URL)

    assert expected == found.headline


def test_the_head_descriptions_are_in_the_precedence_table() -> None:
    named = cut_texts.DESCRIPTION_TAGS

    assert set(named) <= set(meta_families.PRECEDENCE["description"])


def test_a_name_the_page_does_not_show_is_not_taken() -> None:
    found = from_html(page(WIKIPEDIA, "<title>Something else</title>"))

    assert found.headline == "constitutional monarchy in Oceania"


CUT = "SEOUL (Yonhap) -- North Korea's official newspaper blasted South Korea ..."
HEAD = "SEOUL (Yonhap) -- North Korea's official newspaper blasted South Korea on Tu..."


def test_a_cut_jsonld_description_yields_to_the_heads_fuller_text() -> None:
    head = f'<meta property="og:description" content="{HEAD}">'
    found = from_html(page(article(headline="Story", description=CUT), head))

    assert found.description == HEAD
    notes = [n for n in found.provenance if n.field == "description"]
    assert [n.source for n in notes] == ["meta og:description"]
    assert "is cut short" in notes[0].detail


def test_the_longest_head_description_wins() -> None:
    full = "SEOUL (Yonhap) -- North Korea's official newspaper blasted South Korea on Tuesday."
    head = f'<meta property="og:description" content="{HEAD}">'
    head += f'<meta name="description" content="{full}">'
    found = from_html(page(article(headline="Story", description=CUT), head))

    assert found.description == full


def test_a_description_without_an_ellipsis_or_with_another_text_is_kept() -> None:
    other = '<meta property="og:description" content="Something else entirely, and longer.">'
    whole = "North Korea blasted South Korea"
    longer = f'<meta name="description" content="{whole} on Tuesday.">'

    assert from_html(page(article(headline="S", description=CUT), other)).description == CUT
    assert from_html(page(article(headline="S", description=whole), longer)).description == whole


def test_a_head_description_as_cut_as_the_jsonld_one_is_not_taken() -> None:
    same = "SEOUL (Yonhap) -- North Korea's official newspaper blasted South Korea\u2026"
    head = f'<meta property="og:description" content="{same}">'

    assert from_html(page(article(headline="S", description=CUT), head)).description == CUT


# The patterns before their searches started only where a run of spaces does.
_QUADRATIC_ELLIPSIS = re.compile(r"\s*(?:\.{3}|\u2026|[(\[](?:\.{3}|\u2026)[)\]])\s*\Z")
_QUADRATIC_SEPARATORS = re.compile(r"\s+(?:[|\-\u2013\u2014\u00bb\u00b7:~/]|--|::)\s+")


@given(st.text(" \t\n.\u2026()[]|-\u2013:/~ab", max_size=40))
def test_the_linear_patterns_find_what_the_quadratic_ones_found(text: str) -> None:
    def spans(pattern: re.Pattern[str]) -> list[tuple[int, int]]:
        return [found.span() for found in pattern.finditer(text)]

    assert spans(cut_texts.ELLIPSIS) == spans(_QUADRATIC_ELLIPSIS)
    assert spans(meta_families._SEPARATORS) == spans(_QUADRATIC_SEPARATORS)


SPACES = " " * 1_000_000  # quadratic work on it takes hours; linear, milliseconds


def test_long_runs_of_spaces_in_head_and_jsonld_texts_take_linear_time() -> None:
    data = article(headline="Story", description=f"a{SPACES}b ...")
    head = f'<meta property="og:title" content="a{SPACES}b">'
    head += f'<meta property="og:description" content="a{SPACES}b">'

    with at_most(60):
        found = from_html(page(data, head))

    assert found.headline == "Story"
