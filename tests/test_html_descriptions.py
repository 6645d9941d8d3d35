"""The head's descriptions: which tag wins, and a cut one yields to the same text less cut."""

from __future__ import annotations

import html
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newspkg import Article, from_html
from newspkg._html.cut_texts import ELLIPSIS, fuller_text
from newspkg._html.meta_families import PRECEDENCE

URL = "https://e.com/news/1"
WHOLE = "Two programmers played a pivotal role in the birth of chaos theory."
CUT_AT_150 = "Two programmers played a pivotal role in the birth of"


def head(**tags: str) -> str:
    metas = "".join(
        f'<meta {"property" if key.startswith("og") else "name"}="{key.replace("_", ":")}" '
        f'content="{value}">'
        for key, value in tags.items()
    )
    return (
        f'<html><head><meta property="og:type" content="article">'
        f'<meta property="og:title" content="Chaos">{metas}</head><body></body></html>'
    )


def read(**tags: str) -> Article:
    return from_html(head(**tags), url=URL)


def notes(article: Article) -> list[str]:
    return [note.detail for note in article.provenance if note.field == "description"]


def test_the_html_description_comes_before_twitters() -> None:
    # The HTML standard's own description, then a Twitter card's: both reference
    # extractors (readability, newspaper) read <meta name="description"> before it.
    found = read(twitter_description="Tweet text", description="Page text")

    assert found.description == "Page text"
    assert PRECEDENCE["description"][:3] == ("og:description", "description", "twitter:description")


def test_open_graph_still_comes_first() -> None:
    found = read(og_description="Share text", description="Page text")

    assert found.description == "Share text"


def test_a_description_cut_at_a_fixed_length_yields_to_the_whole_text() -> None:
    found = read(description=CUT_AT_150, twitter_description=WHOLE)

    assert found.description == WHOLE
    assert any("is cut short; the twitter:description has more" in n for n in notes(found))


def test_a_teaser_with_an_ellipsis_yields_too() -> None:
    found = read(og_description=CUT_AT_150 + " (...)", description=WHOLE)

    assert found.description == WHOLE


def test_the_same_text_with_an_ellipsis_is_not_fuller() -> None:
    found = read(og_description="Adjourned until July.", description="Adjourned until July...")

    assert found.description == "Adjourned until July."
    assert not any("cut short" in n for n in notes(found))


def test_a_longer_word_is_not_a_continuation() -> None:
    # "science" is not "sciences" cut: no ellipsis and no word boundary.
    found = read(description="Chaos and science", twitter_description="Chaos and sciences")

    assert found.description == "Chaos and science"


def test_a_different_description_is_kept() -> None:
    found = read(description="Page text", twitter_description="Other words entirely")

    assert found.description == "Page text"


@pytest.mark.parametrize("marked_only", [True, False])
def test_a_text_with_an_ellipsis_is_cut_either_way(marked_only: bool) -> None:
    others = [("og:description", WHOLE)]

    assert fuller_text(CUT_AT_150 + "…", others, marked_only=marked_only) == others[0]


def test_an_unmarked_cut_counts_only_when_allowed() -> None:
    others = [("og:description", WHOLE)]

    assert fuller_text(CUT_AT_150, others, marked_only=True) is None
    assert fuller_text(CUT_AT_150, others, marked_only=False) == others[0]


def test_the_longest_continuation_wins() -> None:
    others = [("a", CUT_AT_150 + " chaos"), ("b", WHOLE)]

    assert fuller_text(CUT_AT_150 + "...", others, marked_only=True) == ("b", WHOLE)


def _plain(text: str) -> str:
    text = ELLIPSIS.sub("", text)
    return " ".join(unicodedata.normalize("NFKC", html.unescape(text)).split()).casefold()


@given(st.text(" ab.…&;", max_size=20), st.text(" ab.…&;", max_size=20))
def test_a_fuller_text_starts_with_the_cut_one_and_is_longer(text: str, other: str) -> None:
    found = fuller_text(text, [("x", other)], marked_only=False)

    continues = _plain(other).startswith(_plain(text)) and len(_plain(other)) > len(_plain(text))
    if found is not None:
        assert continues
    elif continues and _plain(text) and ELLIPSIS.search(text):
        raise AssertionError("a marked cut that the other continues was not found")
