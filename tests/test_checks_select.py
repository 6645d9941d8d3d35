"""Choosing what `check` reports: codes and families selected or ignored, a minimum severity."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

from newspkg import Article, Severity, ValidationError, check, from_json
from newspkg._checks.findings import CODES, Group
from tests.strategies import articles

ROOT = Path(__file__).resolve().parent.parent
# Plain-text author with a byline prefix, no dates, no image: findings of three families.
DOC = (
    '{"@context": "https://schema.org", "@type": "AnalysisNewsArticle", "headline": "Hi",'
    ' "author": "By Jane Doe"}'
)
EVERY_DOC_CODE = {
    "author-name-byline-prefix",
    "missing-date-modified",
    "missing-date-published",
    "missing-image",
    "schema-pending-term",  # AnalysisNewsArticle is pending at schema.org
    "schema-text-for-thing",
}


def codes(**options: object) -> set[str]:
    return {found.code for found in check(DOC, **options)}  # type: ignore[arg-type]


def test_every_code_when_all_are_selected() -> None:
    assert codes(select=list(CODES)) == EVERY_DOC_CODE


def test_opt_in_codes_are_not_reported_by_default() -> None:
    assert codes() == EVERY_DOC_CODE - {"schema-pending-term"}


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"select": ["missing-image"]}, {"missing-image"}),
        ({"select": [" Missing-Image "]}, {"missing-image"}),
        (
            {"select": ["google"]},
            {
                "author-name-byline-prefix",
                "missing-date-modified",
                "missing-date-published",
                "missing-image",
            },
        ),
        ({"select": ["vocabulary"]}, {"schema-text-for-thing"}),
        (
            {"select": ["vocabulary", "schema-pending-term"]},
            {"schema-text-for-thing", "schema-pending-term"},
        ),
        (
            {"select": ["google"], "ignore": ["missing-image"]},
            {
                "author-name-byline-prefix",
                "missing-date-modified",
                "missing-date-published",
            },
        ),
        ({"ignore": ["google"]}, {"schema-text-for-thing"}),
        (
            {"select": list(CODES), "ignore": ["vocabulary"]},
            EVERY_DOC_CODE
            - {
                "schema-pending-term",
                "schema-text-for-thing",
            },
        ),
        (
            {"min_severity": Severity.WARNING},
            EVERY_DOC_CODE
            - {
                "schema-pending-term",
                "schema-text-for-thing",
            },
        ),
        (
            {"min_severity": "warning", "select": list(CODES)},
            EVERY_DOC_CODE
            - {
                "schema-pending-term",
                "schema-text-for-thing",
            },
        ),
        ({"min_severity": "error"}, set()),
        ({"select": []}, set()),
    ],
)
def test_select_ignore_and_min_severity(options: dict[str, object], expected: set[str]) -> None:
    assert codes(**options) == expected


@given(articles())
def test_a_selection_keeps_exactly_the_matching_findings(article: Article) -> None:
    every = check(article, select=list(CODES))

    warned = check(article, select=["google", "consistency"], min_severity="warning")

    assert warned == [
        f
        for f in every
        if CODES[f.code].group in {Group.GOOGLE, Group.CONSISTENCY}
        and f.severity is not Severity.INFO
    ]


def test_the_example_article_draws_no_findings_by_default() -> None:
    article = from_json((ROOT / "examples" / "article.json").read_text(encoding="utf-8"))

    assert check(article) == []
    assert {f.code for f in check(article, select=list(CODES))} == {"schema-pending-term"}


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            {"select": ["missing-imag", "google"], "ignore": ["x"]},
            [
                (
                    "select[0]",
                    (
                        "unknown code 'missing-imag': give a code listed in docs/checks.md or a "
                        "family (input, vocabulary, google, consistency)"
                    ),
                ),
                (
                    "ignore[0]",
                    (
                        "unknown code 'x': give a code listed in docs/checks.md or a "
                        "family (input, vocabulary, google, consistency)"
                    ),
                ),
            ],
        ),
        (
            {"min_severity": "loud"},
            [("min_severity", "expected one of 'error', 'warning', 'info', got 'loud'")],
        ),
        ({"select": [3]}, [("select[0]", "expected a code, got 3")]),
        (
            {"select": "missing-image"},
            [("$", "select and ignore take a list of codes, not one string")],
        ),
    ],
)
def test_bad_options_raise_with_their_place(
    options: dict[str, object], expected: list[tuple[str, str]]
) -> None:
    with pytest.raises(ValidationError) as raised:
        check(DOC, **options)  # type: ignore[arg-type]

    assert [(p.path, p.message) for p in raised.value.problems] == expected
