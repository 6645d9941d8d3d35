"""Regression tests for hostile input (issue 9): every failure typed, every round trip exact.

One test per case the fuzz campaign found, named after the class of bug it closes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from pathlib import Path

import pytest
from click.testing import CliRunner

from newspkg import (
    Article,
    Author,
    Figure,
    LimitExceededError,
    ParseError,
    ProvenanceNote,
    Publisher,
    RelatedRead,
    SourceNote,
    SourceRole,
    ValidationError,
    check,
    from_html,
    from_json,
    from_jsonld,
    iter_articles,
    reading_time,
    to_json,
    to_jsonld,
    to_meta_tags,
    to_script_tag,
)
from newspkg._cli import INTERNAL_ERROR, cli
from newspkg._json_limits import MAX_TEXT_SIZE
from newspkg._jsonld.graph import Node
from newspkg._jsonld.processing import JsonObject, JsonValue
from newspkg._validation import MAX_COUNT


def _article(**fields: object) -> Article:
    values: dict[str, object] = {"url": "https://a.com/", "headline": "H", **fields}
    return Article(**values)  # type: ignore[arg-type]


# --- text the model refuses: U+0000 and lone surrogates ------------------------------------


@pytest.mark.parametrize("bad", ["\ud800", "a\udfffb", "x\x00y"])
@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda t: _article(headline=t), "headline"),
        (lambda t: _article(body=t), "body"),
        (lambda t: _article(keywords=["ok", t]), "keywords[1]"),
        (lambda t: _article(url="https://a.com/" + t), "url"),
        (lambda t: Author(name=t), "name"),
        (lambda t: Author(name="A", same_as=["https://a.com/" + t]), "same_as[0]"),
        (lambda t: Figure(url="https://a.com/i.png", caption=t), "caption"),
        (lambda t: ProvenanceNote(field="f", source="s", detail=t), "detail"),
        (lambda t: SourceNote(role=SourceRole.PRIMARY, title=t, url="https://a.com/"), "title"),
    ],
)
def test_unstorable_text_is_refused_with_its_field_path(build: object, path: str, bad: str) -> None:
    with pytest.raises(ValidationError) as caught:
        build(bad)  # type: ignore[operator]
    assert [problem.path for problem in caught.value.problems] == [path]


def test_a_lone_surrogate_in_native_json_is_a_validation_error_not_an_encoding_crash() -> None:
    with pytest.raises(ValidationError, match="lone surrogate U\\+D800") as caught:
        from_json('{"url":"https://a.com/x","headline":"\\ud800"}')
    assert caught.value.problems[0].path == "headline"


def test_paired_surrogates_in_json_escapes_are_one_character_and_accepted() -> None:
    article = from_json('{"url":"https://a.com/x","headline":"\\ud83d\\ude00"}')
    assert article.headline == "\U0001f600"


# --- numeric ranges ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "build",
    [
        lambda n: _article(word_count=n),
        lambda n: Author(name="A", story_count=n),
        lambda n: Figure(url="https://a.com/i.png", width=n),
        lambda n: Figure(url="https://a.com/i.png", height=n),
    ],
)
def test_counts_above_the_model_maximum_are_refused(build: object) -> None:
    build(MAX_COUNT)  # type: ignore[operator]
    with pytest.raises(ValidationError, match="at most 1,000,000,000"):
        build(MAX_COUNT + 1)  # type: ignore[operator]


def test_the_largest_counts_go_through_every_writer() -> None:
    image = Figure(url="https://a.com/i.png", width=MAX_COUNT, height=MAX_COUNT)
    article = _article(word_count=MAX_COUNT, image=image, figures=[image] * 3)
    assert f'"wordCount": {MAX_COUNT}' in json.dumps(to_jsonld(article))
    assert str(MAX_COUNT) in to_script_tag(article)
    assert str(MAX_COUNT) in to_meta_tags(article)
    assert isinstance(check(article), list)
    assert reading_time(article, images=MAX_COUNT, speed=1).minutes > 0


@pytest.mark.parametrize(
    ("options", "path"),
    [
        ({"speed": 1e-13}, "speed"),
        ({"speed": 0.5}, "speed"),
        ({"speed": 100_001}, "speed"),
        ({"speed": float("inf")}, "speed"),
        ({"images": 10**14}, "images"),
        ({"images": -1}, "images"),
        ({"images": 1.0}, "images"),
        ({"speed": 10**5000}, "speed"),  # too big for a float and to write out
        ({"speed": -(10**5000)}, "speed"),
        ({"images": 10**5000}, "images"),
    ],
)
def test_reading_time_options_out_of_range_are_validation_errors(
    options: dict[str, object], path: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        reading_time("hello", **options)  # type: ignore[arg-type]
    assert caught.value.problems[0].path == path


# --- URLs: scheme and host case, normalised once at the model ------------------------------


def test_scheme_and_host_are_lower_cased_everywhere_else_kept() -> None:
    figure = Figure(url="HTTPS://EXAMPLE.COM:8443/A?B=C#D")
    assert figure.url == "https://example.com:8443/A?B=C#D"


@pytest.mark.parametrize(
    "build",
    [
        lambda u: _article(url=u).url,
        lambda u: _article(image=Figure(url=u)).image.url,  # type: ignore[union-attr]
        lambda u: Publisher(name="P", logo=Figure(url=u)).logo.url,  # type: ignore[union-attr]
        lambda u: Publisher(name="P", url=u).url,
        lambda u: Publisher(name="P", same_as=[u]).same_as[0],
        lambda u: Author(name="A", url=u, image=u).image,
        lambda u: Author(name="A", same_as=[u]).same_as[0],
        lambda u: RelatedRead(url=u, headline="R").url,
        lambda u: RelatedRead(url="https://a.com/", headline="R", image=u).image,
        lambda u: SourceNote(role=SourceRole.PRIMARY, title="T", url=u).url,
    ],
)
def test_every_url_field_is_normalised(build: object) -> None:
    assert build("HTTP://User@WWW.Example.COM/Path") == "http://User@www.example.com/Path"  # type: ignore[operator]


# --- native JSON limits, and writers that never write what readers refuse ------------------


@pytest.mark.parametrize(
    "text",
    [
        "[" * 1000 + "]" * 1000,
        '{"a":' * 1000 + "1" + "}" * 1000,
        ("[" * 100_000).encode(),
        '{"url": "https://a.com/", "headline": "' + "[" * 10_000 + '"}',
    ],
)
def test_native_json_nesting_is_limited_without_recursion(text: str | bytes) -> None:
    if isinstance(text, str) and text.startswith('{"url"'):
        assert from_json(text).headline == "[" * 10_000  # brackets in strings do not count
        return
    with pytest.raises(LimitExceededError, match="nested deeper than 64"):
        from_json(text)


def _deep_list(levels: int) -> JsonValue:
    value: JsonValue = []
    for _ in range(levels):
        value = [value]
    return value


@pytest.mark.parametrize("reader", [from_jsonld, lambda doc: list(iter_articles(doc))])
def test_a_parsed_document_with_a_deep_context_is_refused_before_any_walk(
    reader: Callable[[JsonValue], object],
) -> None:
    # The context repair walks a context's nested lists: the limits must be checked first,
    # or a parsed document (no text for load_json to check) overflows the stack there.
    document: JsonObject = {"@context": _deep_list(100_000), "@type": "NewsArticle"}

    with pytest.raises(LimitExceededError, match="nested deeper than 64"):
        reader(document)


def test_native_json_size_is_limited() -> None:
    text = '{"url": "https://a.com/", "headline": "H", "body": "' + "x" * MAX_TEXT_SIZE + '"}'
    with pytest.raises(LimitExceededError, match="the limit is 5,242,880"):
        from_json(text)
    with pytest.raises(LimitExceededError, match="bytes"):
        from_json(text.encode())


@pytest.mark.parametrize("text", [5, None, ["[]"]])
def test_native_json_of_the_wrong_type_is_a_parse_error(text: object) -> None:
    with pytest.raises(ParseError, match="expected JSON text"):
        from_json(text)  # type: ignore[arg-type]


def test_a_huge_integer_in_native_json_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        from_json('{"url": "https://a.com/", "headline": "H", "word_count": 1' + "0" * 5000 + "}")


@pytest.mark.parametrize(
    "write",
    [to_jsonld, to_script_tag, to_json],
    ids=["to_jsonld", "to_script_tag", "to_json"],
)
def test_writers_refuse_what_the_readers_would_refuse(write: object) -> None:
    article = _article(body="word " * 2_000_000)  # 10 MB
    with pytest.raises(LimitExceededError, match="does not write it"):
        write(article)  # type: ignore[operator]


def test_what_the_writers_write_at_the_limit_reads_back() -> None:
    # Multi-byte text: the writers measure UTF-8 bytes, the larger of the readers' measures.
    article = _article(body="ü " * (MAX_TEXT_SIZE // 3 - 1000))
    assert from_json(to_json(article).encode()) == article
    assert from_jsonld(json.dumps(to_jsonld(article), ensure_ascii=False).encode()).body == (
        article.body
    )
    assert from_html(to_script_tag(article)).body == article.body


# --- URLs: no urllib ValueError escapes; round trips keep every URL exactly ------------------

_BAD_HOSTS = ["http://[", "http://[x]/#a", "http://[::1", "http://a.com:99999/"]


@pytest.mark.parametrize("bad", _BAD_HOSTS)
@pytest.mark.parametrize(
    "page",
    [
        (
            '<meta property="og:url" content="https://a.com/"><link rel="canonical" href="{bad}">'
            '<meta property="og:title" content="T"><meta property="og:type" content="article">'
        ),
        (
            '<base href="{bad}"><meta property="og:url" content="https://a.com/">'
            '<meta property="og:title" content="T"><meta property="og:type" content="article">'
        ),
        (
            '<link rel="canonical" href="{bad}"><script type="application/ld+json">'
            '{{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H",'
            ' "url": "https://a.com/", "@id": "{bad}"}}</script>'
        ),
    ],
)
def test_bad_hosts_in_a_page_are_set_aside(page: str, bad: str) -> None:
    assert from_html(page.format(bad=bad)).url == "https://a.com/"


@pytest.mark.parametrize("bad", _BAD_HOSTS)
def test_bad_hosts_in_checked_documents_are_findings(bad: str) -> None:
    document: JsonObject = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "H",
        "url": "https://a.com/",
        "mainEntityOfPage": bad,
        "@id": bad,
    }
    assert isinstance(check(document), list)
    with pytest.raises(ValidationError, match="not an absolute http"):
        _article(url=bad)


def test_an_article_with_upper_case_urls_reads_back_exactly() -> None:
    article = Article(
        url="https://example.com/a",
        headline="0",
        figures=[Figure(url="HTTPS://EXAMPLE.COM/A")],
        publisher=Publisher(name="P", url="HTTP://P.EXAMPLE/", logo=Figure(url="HTTP://P.X/L")),
        authors=[Author(name="A", url="HTTPS://A.EXAMPLE/Me", same_as=["HTTPS://X.COM/A"])],
        sources=[SourceNote(role=SourceRole.PRIMARY, title="S", url="HTTPS://S.GOV/R.pdf")],
        related=[RelatedRead(url="HTTPS://EXAMPLE.COM/B", headline="B")],
    )
    assert from_jsonld(to_jsonld(article)) == article
    assert from_html(to_script_tag(article)) == article


# --- options of the wrong type, and pyld's warnings ------------------------------------------

_DOC = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "H",
    "url": "https://a.com/",
}


@pytest.mark.parametrize(
    ("call", "path"),
    [
        (lambda: from_jsonld(_DOC, base_url=5), "base_url"),  # type: ignore[arg-type]
        (lambda: from_jsonld(_DOC, default_timezone="UTC"), "default_timezone"),  # type: ignore[arg-type]
        (lambda: from_html("<p>", url=b"https://a.com/"), "url"),  # type: ignore[arg-type]
        (lambda: to_json(_article(), indent="  "), "indent"),  # type: ignore[arg-type]
        (lambda: to_json(_article(), indent=10**9), "indent"),
        (lambda: to_json(_article(), indent=True), "indent"),
    ],
)
def test_options_of_the_wrong_type_are_validation_errors(call: object, path: str) -> None:
    with pytest.raises(ValidationError) as caught:
        call()  # type: ignore[operator]
    assert caught.value.problems[0].path == path


@pytest.mark.filterwarnings("error")
def test_pyld_warnings_about_a_document_do_not_reach_the_caller() -> None:
    context: JsonValue = [
        "https://schema.org",
        {"@reserved": "x", "a": {"@id": "@b"}, "r": {"@reverse": "@q"}},
    ]
    article = from_jsonld({**_DOC, "@context": context})
    assert article.headline == "H"


# --- head tags: one per line whatever the text -----------------------------------------------

_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\u2028\u2029"


@pytest.mark.parametrize("line_break", list(_LINE_BREAKS))
def test_a_line_break_in_a_value_keeps_each_head_tag_on_one_line(line_break: str) -> None:
    text = f"a{line_break}b"
    article = _article(
        headline=text, description=text, authors=[Author(name=text)], keywords=[text]
    )
    lines = to_meta_tags(article).splitlines()
    assert all(line.startswith("<") and line.endswith(">") for line in lines)
    assert (
        from_html(to_meta_tags(article) + '<meta property="og:type" content="article">').headline
        == text
    )


# --- the command: typed messages, never a traceback ----------------------------------------

_HUGE_COUNT = b'{"url":"https://a.com/","headline":"x","word_count":10000000000000000}'
_SURROGATE_NATIVE = b'{"url":"https://a.com/x","headline":"\\ud800"}'
_SURROGATE_JSONLD = (
    b'{"@context":"https://schema.org","@type":"NewsArticle",'
    b'"url":"https://a.com/x","headline":"\\ud800"}'
)


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["read", "-"], _SURROGATE_NATIVE, "lone surrogate"),
        (["jsonld", "-"], _SURROGATE_JSONLD, "lone surrogate"),
        (["meta", "-"], _SURROGATE_JSONLD, "lone surrogate"),
        (["read", "-"], b"[" * 1000 + b"]" * 1000, "nested deeper than 64"),
        (["readtime", "-"], _HUGE_COUNT, "at most"),
        (["readtime", "--speed", "1e-13", "-"], b"{}", "from 1 to 100,000"),
    ],
)
def test_the_command_reports_hostile_input_in_words(
    args: list[str], stdin: bytes, message: str
) -> None:
    result = CliRunner().invoke(cli, args, input=stdin)
    assert result.exit_code in {1, 2}
    assert message in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_an_internal_error_is_one_line_and_status_70(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("newspkg._html.meta_tags.to_meta_tags", broken)
    result = CliRunner().invoke(cli, ["meta", "-"], input=_DOC_TEXT)
    assert result.exit_code == INTERNAL_ERROR == 70
    expected = (
        "newspkg: internal error (ZeroDivisionError: a bug); "
        "please report it at https://github.com/newspkg/newspkg/issues"
    )
    assert result.output.splitlines() == [expected]


_DOC_TEXT = json.dumps(_DOC)


def test_output_the_terminal_cannot_encode_is_escaped(tmp_path: Path) -> None:
    name = tmp_path / "caf\udcff.json"  # a file name that is not UTF-8
    try:
        name.write_bytes(b"{}")
    except (UnicodeEncodeError, OSError):
        pytest.skip("the file system does not take file names that are not UTF-8")
    result = subprocess.run(
        [sys.executable, "-m", "newspkg", "read", str(name)],
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 1
    assert b"caf\\udcff.json: url: required key missing" in result.stderr
    assert b"Traceback" not in result.stderr


def test_readers_leave_out_of_range_counts_unread_and_keep_the_rest() -> None:
    document: JsonObject = {
        **_DOC,
        "wordCount": 10**16,
        "image": {"@type": "ImageObject", "url": "https://a.com/i.png", "width": 10**12},
        "author": {
            "@type": "Person",
            "name": "X",
            "agentInteractionStatistic": {
                "@type": "InteractionCounter",
                "interactionType": "https://schema.org/WriteAction",
                "userInteractionCount": 10**10,
            },
        },
    }
    article = from_jsonld(document)
    assert (article.word_count, article.authors[0].story_count) == (None, None)
    assert article.image == Figure(url="https://a.com/i.png")
    assert {note.field for note in article.provenance} == {
        "word_count",
        "authors[0].story_count",
        "image[0].width",
    }
    # ... so what was read writes and reads again.
    assert from_jsonld(to_jsonld(article)).word_count is None


def test_an_out_of_range_image_size_in_meta_tags_is_left_out() -> None:
    page = (
        '<meta property="og:type" content="article"><meta property="og:title" content="T">'
        '<meta property="og:url" content="https://a.com/">'
        '<meta property="og:image" content="https://a.com/i.png">'
        '<meta property="og:image:width" content="99999999999999">'
    )
    assert from_html(page).image == Figure(url="https://a.com/i.png")


@pytest.mark.parametrize("indent", [10**5000, -(10**5000)], ids=["huge", "huge negative"])
def test_an_indent_too_long_to_write_out_is_a_validation_error(indent: int) -> None:
    article = Article(url="https://news.example/a", headline="A headline")
    with pytest.raises(ValidationError, match="about 5,001 digits") as caught:
        to_json(article, indent=indent)
    assert caught.value.problems[0].path == "indent"


def test_a_page_of_many_articles_looks_for_its_breadcrumb_lists_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Each article walked every node for breadcrumb lists: quadratic in iter_articles.
    calls = 0
    has_type = Node.has_type

    def counted(node: Node, names: AbstractSet[str]) -> bool:
        nonlocal calls
        calls += 1
        return has_type(node, names)

    monkeypatch.setattr(Node, "has_type", counted)

    def type_checks(articles: int) -> int:
        nonlocal calls
        calls = 0
        graph: list[JsonValue] = [
            {"@type": "NewsArticle", "url": f"https://ex.org/{n}", "headline": f"H{n}"}
            for n in range(articles)
        ]
        read = list(iter_articles({"@context": "https://schema.org", "@graph": graph}))
        assert len(read) == articles
        return calls

    small, large = type_checks(100), type_checks(400)
    assert large <= 4.5 * small  # linear in the articles (quadratic would be 16x)
