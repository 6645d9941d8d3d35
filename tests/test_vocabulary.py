from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newspkg._schemaorg import reader_types
from newspkg._schemaorg.mapping import KIND_TYPES
from newspkg._schemaorg.vocabulary import Layer, TermKind, local_name, vocabulary

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA = REPO_ROOT / "src" / "newspkg" / "_data"
GENERATED = ["schemaorg-vocabulary.json", "schemaorg-context.jsonld"]

vocab = vocabulary()
class_names = st.sampled_from(sorted(vocab.names(TermKind.CLASS)))


def test_loaded_once() -> None:
    assert vocabulary() is vocab


def test_release_and_credit() -> None:
    assert vocab.release == "30.0"
    assert "CC BY-SA 3.0" in vocab.credit
    assert "schema.org" in vocab.credit


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("NewsArticle", TermKind.CLASS),
        ("WriteAction", TermKind.CLASS),
        ("Text", TermKind.CLASS),
        ("headline", TermKind.PROPERTY),
        ("isBasedOnUrl", TermKind.PROPERTY),
        ("InStock", TermKind.ENUMERATION_MEMBER),
        ("True", TermKind.ENUMERATION_MEMBER),
        ("Nonsense", None),
        ("schema:NewsArticle", None),
        ("", None),
    ],
)
def test_kind(name: str, kind: TermKind | None) -> None:
    assert kind == vocab.kind(name)
    assert vocab.is_class(name) == (kind is TermKind.CLASS)
    assert vocab.is_property(name) == (kind is TermKind.PROPERTY)
    assert vocab.is_enumeration_member(name) == (kind is TermKind.ENUMERATION_MEMBER)


def test_counts() -> None:
    assert len(vocab.names()) == 3003
    assert len(vocab.names(TermKind.PROPERTY)) > 1500
    assert len(vocab.names(TermKind.CLASS)) > 900


@pytest.mark.parametrize(
    "name",
    ["Text", "URL", "Number", "Integer", "Float", "Date", "DateTime", "Time", "Boolean"],
)
def test_datatypes(name: str) -> None:
    assert vocab.is_datatype(name)
    assert vocab.is_class(name)


@pytest.mark.parametrize("name", ["Article", "Enumeration", "DataType", "headline", "InStock"])
def test_not_datatypes(name: str) -> None:
    assert not vocab.is_datatype(name)


def test_class_hierarchy() -> None:
    assert vocab.ancestors("NewsArticle") == {"Article", "CreativeWork", "Thing"}
    assert vocab.ancestors("Thing") == frozenset()
    assert vocab.ancestors("Nonsense") == frozenset()
    assert vocab.is_subclass("NewsArticle", "Article")
    assert vocab.is_subclass("Article", "CreativeWork")
    assert vocab.is_subclass("NewsArticle", "NewsArticle")
    assert not vocab.is_subclass("CreativeWork", "Article")
    assert not vocab.is_subclass("Nonsense", "Nonsense")


def test_several_superclasses() -> None:
    assert {"CriticReview", "NewsArticle", "Review", "Article"} <= vocab.ancestors(
        "ReviewNewsArticle"
    )


def test_subclasses_of_article() -> None:
    articles = vocab.subclasses_of("Article")
    assert {
        "NewsArticle",
        "ReportageNewsArticle",
        "OpinionNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "ScholarlyArticle",
        "SocialMediaPosting",
        "DiscussionForumPosting",
    } <= articles
    assert "Article" not in articles
    assert "CreativeWork" not in articles
    assert vocab.subclasses_of("Nonsense") == frozenset()


@given(class_names)
def test_ancestors_and_descendants_agree(name: str) -> None:
    assert name not in vocab.ancestors(name)
    for ancestor in vocab.ancestors(name):
        assert name in vocab.subclasses_of(ancestor)
        assert vocab.is_subclass(name, ancestor)
    if name != "DataType" and not vocab.is_datatype(name):
        assert "Thing" in vocab.ancestors(name) | {name}


@pytest.mark.parametrize(
    ("prop", "domain"),
    [
        ("dateline", {"NewsArticle"}),
        ("jobTitle", {"Person"}),
        ("printSection", {"NewsArticle"}),
        ("wordCount", {"Article", "CreativeWork"}),
    ],
)
def test_domains(prop: str, domain: set[str]) -> None:
    assert domain == vocab.domain_of(prop)


def test_ranges() -> None:
    assert vocab.range_of("isBasedOn") == {"CreativeWork", "Product", "URL"}
    assert vocab.range_of("dateline") == {"Text"}
    assert vocab.range_of("Nonsense") == frozenset()


@pytest.mark.parametrize(
    ("prop", "cls", "applies"),
    [
        ("dateline", "NewsArticle", True),
        ("dateline", "ReportageNewsArticle", True),
        ("dateline", "Article", False),
        ("headline", "NewsArticle", True),
        ("jobTitle", "Person", True),
        ("jobTitle", "Organization", False),
        ("name", "Person", True),
        ("name", "Nonsense", False),
        ("Nonsense", "Person", False),
    ],
)
def test_property_applies_to(prop: str, cls: str, applies: bool) -> None:
    assert applies == vocab.property_applies_to(prop, cls)


@pytest.mark.parametrize(
    ("term", "successor"),
    [
        ("isBasedOnUrl", "isBasedOn"),
        ("significantLinks", "significantLink"),
        ("UserComments", "InteractionCounter"),
        ("isBasedOn", None),
        ("Nonsense", None),
    ],
)
def test_superseded_by(term: str, successor: str | None) -> None:
    assert successor == vocab.superseded_by(term)


@pytest.mark.parametrize(
    "term",
    [
        "creditText",
        "backstory",
        "correction",
        "masthead",
        "jobTitle",
        "knowsAbout",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "NewsMediaOrganization",
    ],
)
def test_pending(term: str) -> None:
    assert vocab.is_pending(term)
    assert not vocab.is_retired(term)
    assert vocab.layer(term) is Layer.PENDING


@pytest.mark.parametrize("term", ["NewsArticle", "headline", "isBasedOnUrl"])
def test_core(term: str) -> None:
    assert vocab.layer(term) is Layer.CORE
    assert not vocab.is_pending(term)
    assert not vocab.is_retired(term)


def test_retired_terms_are_known() -> None:
    assert vocab.is_retired("productReturnDays")
    assert vocab.superseded_by("productReturnDays") == "merchantReturnDays"
    assert vocab.layer("Nonsense") is None
    assert len([n for n in vocab.names() if vocab.is_retired(n)]) == 16


def test_enumerations() -> None:
    assert vocab.is_enumeration("ItemAvailability")
    assert not vocab.is_enumeration("Enumeration")
    assert not vocab.is_enumeration("Article")
    assert {"InStock", "OutOfStock"} <= vocab.members_of("ItemAvailability")
    assert vocab.types_of("InStock") == ("ItemAvailability",)
    assert vocab.types_of("Article") == ()
    assert vocab.members_of("Article") == frozenset()


@pytest.mark.parametrize(
    ("iri", "name"),
    [
        ("http://schema.org/NewsArticle", "NewsArticle"),
        ("https://schema.org/headline", "headline"),
        ("schema:Person", "Person"),
        ("https://schema.org/", None),
        ("https://example.org/NewsArticle", None),
        ("NewsArticle", None),
    ],
)
def test_local_name(iri: str, name: str | None) -> None:
    assert name == local_name(iri)


def test_every_referenced_name_is_known() -> None:
    for name in vocab.names(TermKind.PROPERTY):
        assert all(vocab.is_class(cls) for cls in vocab.domain_of(name) | vocab.range_of(name))
    for name in vocab.names():
        successor = vocab.superseded_by(name)
        assert successor is None or vocab.kind(successor) is not None


def test_data_files_are_package_data() -> None:
    # Read through importlib.resources (as the package does); hatch ships src/newspkg/_data.
    for name in GENERATED:
        assert (DATA / name).is_file()
        json.loads((DATA / name).read_text(encoding="utf-8"))


def test_generator_reproduces_committed_data(shared_corpus: Path, tmp_path: Path) -> None:
    source = shared_corpus / "schemaorg"
    subprocess.run(  # our own script, run with this interpreter
        [
            sys.executable,
            str(REPO_ROOT / "scripts" / "generate_schemaorg.py"),
            "--source",
            str(source),
            "--output",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    for name in GENERATED:
        assert (DATA / name).read_bytes() == (tmp_path / name).read_bytes(), name


@pytest.mark.parametrize(
    ("constant", "name"),
    [
        (reader_types.ARTICLE_TYPES, "Article"),
        (reader_types.WEB_PAGE_TYPES, "WebPage"),
        (reader_types.ORGANIZATION_TYPES, "Organization"),
        (reader_types.NEWS_MEDIA_TYPES, "NewsMediaOrganization"),
        (reader_types.WEB_SITE_TYPES, "WebSite"),
        (reader_types.BREADCRUMB_TYPES, "BreadcrumbList"),
        (reader_types.CORRECTION_TYPES, "CorrectionComment"),
    ],
)
def test_the_reader_type_constants_match_the_vocabulary(
    constant: frozenset[str], name: str
) -> None:
    assert sorted(constant) == sorted(vocabulary().subclasses_of(name) | {name})


def test_the_kind_depths_match_the_vocabulary() -> None:
    expected = {name: len(vocabulary().ancestors(name)) for name in KIND_TYPES.values()}

    assert expected == reader_types.KIND_DEPTHS
