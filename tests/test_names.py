"""Author names as pages write them: cleaned, split, told from addresses."""

from __future__ import annotations

import pytest

from newspkg import Author, AuthorKind
from newspkg._names import byline_names, cleaned_authors, is_not_a_name


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By Will Smale", ("Will Smale",)),
        ("Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("Jane Doe, John Roe & Ann Poe", ("Jane Doe", "John Roe", "Ann Poe")),
        ("Doe, Jane", ("Doe, Jane",)),  # Highwire's "Last, First": one name
        ("José Ortega y Gasset", ("José Ortega y Gasset",)),
        ("Jane and John Doe", ("Jane and John Doe",)),
        ("written by  Jane   Doe", ("Jane Doe",)),
        ("https://www.facebook.com/jane.doe", ()),
        ("www.facebook.com", ()),
        (
            "Martin Untersinger (avec Damien Leloup et Morgane Tual)",
            ("Martin Untersinger", "Damien Leloup", "Morgane Tual"),
        ),
        ("Jane Doe (with John Roe)", ("Jane Doe", "John Roe")),
        ("Jane Doe (with Ann)", ("Jane Doe (with Ann)",)),  # not a list of names: kept
        ("Jane Doe (Reuters) and John Roe", ("Jane Doe (Reuters)", "John Roe")),
        ("Jane Doe (Reuters and AP)", ("Jane Doe (Reuters and AP)",)),  # no cut parenthesis
    ],
)
def test_byline_names(text: str, names: tuple[str, ...]) -> None:
    assert byline_names(text).names == names


def test_changes_are_said() -> None:
    found = byline_names("By Jane Doe and John Roe")

    assert found.changes == ("dropped 'By'", "split 'Jane Doe and John Roe' into 2 names")


def test_co_authors_in_parentheses_are_said() -> None:
    found = byline_names("Jane Doe (with John Roe)")

    assert found.changes[0] == "read '(with John Roe)' as co-authors"


def test_a_byline_element_loses_its_date_and_site_name() -> None:
    assert byline_names("Nathan Willis March 25, 2015", trim=True).names == ("Nathan Willis",)
    assert byline_names("Tom Watkins, CNN", sites=frozenset({"cnn"})).names == ("Tom Watkins",)


def test_addresses_and_overlong_text_are_not_names() -> None:
    assert is_not_a_name("jane@example.com")
    assert is_not_a_name("x" * 101)
    assert not is_not_a_name("Jane Doe")


def test_cleaned_authors_split_people_but_not_organisations() -> None:
    authors = (
        Author(name="By Jane Doe and John Roe", url="https://e.com/both"),
        Author(name="Procter and Gamble", kind=AuthorKind.ORGANIZATION),
        Author(name="https://www.facebook.com/x"),
    )

    cleaned, remarks = cleaned_authors(authors)

    assert [a.name for a in cleaned] == ["Jane Doe", "John Roe", "Procter and Gamble"]
    assert cleaned[0].url is None  # one address cannot be split between two people
    assert len(remarks) == 2
    assert "set aside" in remarks[1]


def test_a_foreign_lead_word_is_dropped_only_before_a_full_name() -> None:
    from newspkg._names import byline_names

    assert byline_names("Von Klaus Weber").names == ("Klaus Weber",)
    assert byline_names("Von Miller").names == ("Von Miller",)  # a given name


def test_a_job_title_part_of_a_byline_is_dropped_with_a_note() -> None:
    from newspkg._names import byline_names

    found = byline_names("Rosa Diaz, Staff Reporter")
    assert found.names == ("Rosa Diaz",)
    assert "dropped the job title 'Staff Reporter'" in found.changes
    assert byline_names("Senior Editor").names == ("Senior Editor",)  # nothing else to keep
