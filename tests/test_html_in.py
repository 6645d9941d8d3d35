"""Tests for newspkg._html.page: JSON-LD blocks and the main article of an HTML page."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from newspkg import (
    Article,
    ArticleKind,
    JsonLdBlock,
    ProvenanceNote,
    extract_jsonld,
    from_html,
    iter_jsonld_blocks,
)
from newspkg._html.page import MAX_HTML_SIZE, decode_html
from newspkg._jsonld.lenient_json import fix_key_case
from newspkg._jsonld.processing import load_json
from newspkg.errors import (
    LimitExceededError,
    NewspkgError,
    NoArticleError,
    ParseError,
    ValidationError,
)

ARTICLE = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "url": "https://example.com/news/1",
    "headline": "Grid operators brace",
    "datePublished": "2026-04-06T09:30:00+02:00",
}


def script(body: str, kind: str = "application/ld+json") -> str:
    return f'<script type="{kind}">{body}</script>'


def page(*head: str, body: str = "", lang: str = "en") -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">{"".join(head)}</head>'
        f"<body>{body}</body></html>"
    )


def meta(key: str, content: str) -> str:
    attribute = "name" if key.startswith("twitter:") or ":" not in key else "property"
    return f'<meta {attribute}="{key}" content="{content}">'


# --- extract_jsonld / iter_jsonld_blocks ---------------------------------------------------------


@pytest.mark.parametrize(
    "kind",
    [
        "application/ld+json",
        "Application/LD+JSON",
        "application/ld+json; charset=utf-8",
        " application/ld+json ",
    ],
)
def test_blocks_are_found_whatever_the_type_attribute_spelling(kind: str) -> None:
    assert extract_jsonld(page(script('{"a": 1}', kind))) == [{"a": 1}]


@pytest.mark.parametrize(
    "body",
    [
        '<![CDATA[{"a": 1}]]>',
        '//<![CDATA[\n{"a": 1}\n//]]>',
        '<!--\n{"a": 1}\n-->',
        '//<!--\n{"a": 1}\n//-->',
        '\ufeff{"a": 1}',
        '\n\n  {"a": 1}  \n',
    ],
    ids=["cdata", "js-cdata", "html-comment", "js-html-comment", "bom", "white-space"],
)
def test_wrappers_around_the_json_are_tolerated(body: str) -> None:
    assert extract_jsonld(page(script(body))) == [{"a": 1}]


def test_raw_control_characters_and_markup_inside_strings_are_kept() -> None:
    html = page(script('{"a": "line\none", "b": "</b> &amp;"}'))

    assert extract_jsonld(html) == [{"a": "line\none", "b": "</b> &amp;"}]


@pytest.mark.parametrize(
    "html",
    [
        page(body=f"<pre>{script('{}').replace('<', '&lt;')}</pre>"),
        page(body=f"<textarea>{script('{}')}</textarea>"),
        page(body=f"<template>{script('{}')}</template>"),
        page(body=f"<!-- {script('{}')} -->"),
        page(script("{}", "application/json")),
        page(script("{}", "text/javascript")),
        page("<script>{}</script>"),
    ],
    ids=["escaped-in-pre", "textarea", "template", "comment", "json", "javascript", "no-type"],
)
def test_only_real_json_ld_script_elements_count(html: str) -> None:
    assert extract_jsonld(html) == []


@pytest.mark.parametrize(
    "body",
    [
        f"<div hidden>{script('{}')}</div>",
        f"<noscript>{script('{}')}</noscript>",
        f"<pre>{script('{}')}</pre>",
    ],
    ids=["hidden", "noscript", "pre"],
)
def test_real_script_elements_count_wherever_they_sit(body: str) -> None:
    assert extract_jsonld(page(body=body)) == [{}]


def test_every_block_is_reported_in_page_order_with_its_error() -> None:
    html = page(
        script('{"a": 1}'),
        script("   "),
        script("{oops}"),
        body=script('[{"b": 2}]'),
    )

    blocks = list(iter_jsonld_blocks(html))

    assert [block.index for block in blocks] == [0, 1, 2, 3]
    assert [b.path for b in blocks] == ["script[0]", "script[1]", "script[2]", "script[3]"]
    assert [block.data for block in blocks] == [{"a": 1}, None, None, [{"b": 2}]]
    assert blocks[0].error is None
    assert isinstance(blocks[1].error, ParseError)
    assert str(blocks[1].error) == "script[1]: empty block"
    assert isinstance(blocks[2].error, ParseError)
    assert str(blocks[2].error).startswith("script[2]: not valid JSON")
    assert blocks[2].text == "{oops}"
    assert extract_jsonld(html) == [{"a": 1}, [{"b": 2}]]


def test_a_block_over_the_json_limit_is_a_limit_error() -> None:
    deep = "[" * 100 + "]" * 100

    (block,) = iter_jsonld_blocks(page(script(deep)))

    assert isinstance(block.error, LimitExceededError)
    assert block.error.problems[0].path == "script[0]"


def test_a_page_without_blocks_has_none() -> None:
    assert list(iter_jsonld_blocks("")) == []
    assert extract_jsonld("<<<not html at all>>>") == []


# --- decoding ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ('<meta charset="iso-8859-1"><p>Bär</p>'.encode("latin-1"), "Bär"),
        (
            b"<meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>\x93q\x94",
            "“q”",
        ),
        ("\ufeff<p>Bär</p>".encode(), "Bär"),
        ("<p>Bär</p>".encode("utf-16"), "Bär"),
        ("<p>Bär</p>".encode(), "Bär"),
        ("<p>Bär</p>".encode("cp1252"), "Bär"),
        ('<meta charset="utf-16"><p>Bär</p>'.encode(), "Bär"),
        ('<meta charset="no-such-thing"><p>Bär</p>'.encode(), "Bär"),
    ],
    ids=["declared", "http-equiv", "utf8-bom", "utf16-bom", "utf8", "legacy", "utf16-lie", "bad"],
)
def test_bytes_are_decoded_as_browsers_do(data: bytes, text: str) -> None:
    assert text in decode_html(data)


def test_bytes_and_text_give_the_same_article() -> None:
    html = page(script(json.dumps({**ARTICLE, "headline": "Bär Ünd"})), lang="de")

    assert from_html(html) == from_html(html.encode("utf-8"))


# --- from_html: the JSON-LD article -----------------------------------------------------------


def test_the_json_ld_article_is_read() -> None:
    article = from_html(page(script(json.dumps(ARTICLE))))

    assert article.url == "https://example.com/news/1"
    assert article.headline == "Grid operators brace"
    assert article.kind is ArticleKind.NEWS
    assert article.language == "en"  # from <html lang>, with a note
    assert (
        ProvenanceNote(
            field="language",
            source="html lang",
            detail="not in the JSON-LD; taken from the page's lang attribute",
        )
        in article.provenance
    )


def test_meta_tags_fill_what_the_json_ld_lacks_with_provenance() -> None:
    html = page(
        script(json.dumps(ARTICLE)),
        meta("og:image", "https://example.com/a.jpg"),
        meta("og:image:width", "1200"),
        meta("og:image:height", "675"),
        meta("og:image:alt", "Flood barrier"),
        meta("article:published_time", "2020-01-01T00:00:00Z"),
        meta("article:modified_time", "2026-04-07"),
        meta("article:author", "https://example.com/authors/mara"),
        meta("author", "Mara Lindqvist"),
        meta("article:section", "Energy"),
        meta("article:tag", "grid"),
        meta("article:tag", "winter"),
        meta("og:description", "What happens next"),
        meta("og:site_name", "Example News"),
    )

    article = from_html(html)

    assert article.image is not None
    assert article.image.url == "https://example.com/a.jpg"
    assert (article.image.width, article.image.height) == (1200, 675)
    assert article.image.alt == "Flood barrier"
    assert article.date_modified == date(2026, 4, 7)
    assert [(a.name, a.url) for a in article.authors] == [
        ("Mara Lindqvist", "https://example.com/authors/mara")
    ]
    assert article.section == "Energy"
    assert article.keywords == ("grid", "winter")
    assert article.description == "What happens next"
    assert article.publisher is not None
    assert article.publisher.name == "Example News"
    assert (
        ProvenanceNote(
            field="image",
            source="meta og:image",
            detail="not in the JSON-LD; taken from the page's og:image",
        )
        in article.provenance
    )
    filled = {note.field for note in article.provenance}
    assert {"image", "date_modified", "authors", "section", "keywords", "publisher"} <= filled


def test_meta_tags_never_override_the_json_ld() -> None:
    html = page(
        script(json.dumps(ARTICLE)),
        meta("og:title", "Another headline"),
        meta("og:url", "https://example.com/other"),
        meta("article:published_time", "2020-01-01T00:00:00Z"),
    )

    article = from_html(html)

    assert article.headline == "Grid operators brace"
    assert article.url == "https://example.com/news/1"
    assert article.date_published is not None
    assert article.date_published.year == 2026
    assert "date_published" not in {note.field for note in article.provenance}


def test_unusable_meta_values_are_set_aside_with_a_note() -> None:
    html = page(
        script(json.dumps(ARTICLE)),
        meta("og:image", "data:image/png;base64,AAAA"),
        meta("article:modified_time", "sometime soon"),
        meta("article:author", "https://example.com/authors/nobody"),
    )

    article = from_html(html)

    assert article.image is None
    assert article.date_modified is None
    assert article.authors == ()
    notes = {note.field: note for note in article.provenance}
    assert notes["image"].detail.startswith("not used:")
    assert notes["date_modified"].detail.startswith("not used:")
    assert "no name on the page" in notes["authors"].detail


def test_a_meta_date_that_breaks_the_article_rules_is_set_aside() -> None:
    html = page(script(json.dumps(ARTICLE)), meta("article:modified_time", "2020-01-01"))

    article = from_html(html)

    assert article.date_modified is None
    note = next(n for n in article.provenance if n.field == "date_modified")
    assert "before date_published" in note.detail


def test_a_naive_meta_date_keeps_its_day() -> None:
    html = page(
        script(json.dumps({k: v for k, v in ARTICLE.items() if k != "datePublished"})),
        meta("article:published_time", "2026-04-06T09:30:00"),
    )

    article = from_html(html)

    assert article.date_published == date(2026, 4, 6)
    note = next(n for n in article.provenance if n.field == "date_published")
    assert "kept the calendar day" in note.detail


def test_relative_meta_urls_resolve_against_the_page_address() -> None:
    html = page(script(json.dumps(ARTICLE)), meta("og:image", "/img/a.jpg"))

    assert (
        from_html(html, url="https://example.com/news/1").image
        == from_html(html.replace("/img/a.jpg", "https://example.com/img/a.jpg")).image
    )


def test_a_broken_block_among_good_ones_is_skipped_with_a_note() -> None:
    html = page(script("{oops"), script(json.dumps(ARTICLE)), script(""))

    article = from_html(html)

    assert article.headline == "Grid operators brace"
    skipped = [note for note in article.provenance if note.field == "jsonld"]
    assert [note.source for note in skipped] == ["script[0]", "script[2]"]
    assert skipped[0].detail.startswith("block skipped: not valid JSON")


def test_the_article_at_the_page_address_is_the_main_one() -> None:
    related = {**ARTICLE, "url": "https://example.com/news/2", "headline": "Related story"}
    html = page(
        script(json.dumps(related)),
        script(json.dumps({"@context": "https://schema.org", "@graph": [related, ARTICLE]})),
        '<link rel="canonical" href="https://www.example.com/news/1/">',
    )

    assert from_html(html).headline == "Grid operators brace"
    assert from_html(html, url="https://example.com/news/2").headline == "Related story"


def test_without_a_page_address_the_first_article_is_the_main_one() -> None:
    related = {**ARTICLE, "url": "https://example.com/news/2", "headline": "Related story"}

    assert from_html(page(script(json.dumps([related, ARTICLE])))).headline == "Related story"


# --- from_html: meta tags only ----------------------------------------------------------------


def test_a_page_with_only_open_graph_tags_gives_an_article_noted_field_by_field() -> None:
    html = page(
        "<title>Page title</title>",
        meta("og:type", "article"),
        meta("og:title", "Grid operators brace"),
        meta("og:url", "https://example.com/news/1"),
        meta("article:published_time", "2026-04-06T09:30:00+02:00"),
        meta("twitter:label1", "Written by"),
        meta("twitter:data1", "Mara Lindqvist, Tomas Berg and Ana Ruiz"),
    )

    article = from_html(html)

    assert article.kind is ArticleKind.ARTICLE
    assert article.headline == "Grid operators brace"
    assert article.url == "https://example.com/news/1"
    assert [a.name for a in article.authors] == ["Mara Lindqvist", "Tomas Berg", "Ana Ruiz"]
    noted = {note.field for note in article.provenance}
    assert {"kind", "url", "headline", "date_published", "authors", "language"} == noted
    assert all(
        note.detail.startswith("the page has no JSON-LD article") for note in article.provenance
    )


def test_a_meta_only_page_falls_back_to_title_and_canonical_link() -> None:
    html = page(
        "<title>Grid operators brace</title>",
        '<link rel="canonical" href="/news/1">',
        meta("article:section", "Energy"),
    )

    article = from_html(html, url="https://example.com/news/1?utm=x")

    assert (article.url, article.headline) == ("https://example.com/news/1", "Grid operators brace")
    assert article.section == "Energy"


def test_broken_json_ld_on_a_meta_only_page_still_gives_the_meta_article() -> None:
    html = page(
        script("{oops"),
        meta("og:type", "article"),
        meta("og:title", "T"),
        meta("og:url", "https://example.com/a"),
    )

    article = from_html(html)

    assert article.headline == "T"
    assert "script[0]" in {note.source for note in article.provenance}


# --- from_html: no article --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "message"),
    [
        (page(), "the page has no JSON-LD block, and it does not read as an article page"),
        (
            page(script(json.dumps({"@context": "https://schema.org", "@type": "Organization"}))),
            "none of the page's 1 JSON-LD block(s) holds an article",
        ),
        (
            page(
                meta("og:type", "website"),
                meta("og:title", "Home"),
                meta("og:url", "https://e.com/"),
            ),
            "og:type 'website'",
        ),
        (
            page(meta("og:type", "article"), meta("og:title", "No address")),
            "its tags and markup give no url",
        ),
        (
            page(meta("og:type", "article"), meta("og:url", "https://e.com/a")),
            "its tags and markup give no headline",
        ),
    ],
    ids=["empty", "organization-only", "website", "no-url", "no-headline"],
)
def test_a_page_without_an_article_raises_no_article(html: str, message: str) -> None:
    with pytest.raises(NoArticleError, match=message.replace("(", r"\(").replace(")", r"\)")):
        from_html(html)


def test_a_page_whose_only_json_ld_is_broken_raises_parse_error() -> None:
    with pytest.raises(ParseError, match=r"script\[0\]: not valid JSON") as raised:
        from_html(page(script("{oops")))

    assert not isinstance(raised.value, LimitExceededError)


def test_a_page_whose_only_json_ld_is_too_deep_raises_limit_exceeded() -> None:
    with pytest.raises(LimitExceededError):
        from_html(page(script("[" * 100 + "]" * 100)))


@pytest.mark.parametrize("html", ["x" * (MAX_HTML_SIZE + 1), b"x" * (MAX_HTML_SIZE + 1)])
def test_a_page_over_the_size_limit_is_refused(html: str | bytes) -> None:
    with pytest.raises(LimitExceededError, match="limit"):
        from_html(html)


@pytest.mark.parametrize("html", [None, 42, ["<html>"]])
def test_input_that_is_not_html_text_is_a_parse_error(html: object) -> None:
    with pytest.raises(ParseError, match="expected HTML text or bytes"):
        from_html(html)  # type: ignore[arg-type]


def test_lone_surrogates_are_dropped_not_a_crash() -> None:
    html = page(script(json.dumps(ARTICLE)), meta("og:description", "a\udcffb"))

    assert from_html(html).description == "ab"


def test_the_block_model_is_frozen_data() -> None:
    block = JsonLdBlock(index=0, text="{}", data={})

    assert block.path == "script[0]"
    with pytest.raises(AttributeError):
        block.index = 1  # type: ignore[misc]


# --- the real-world corpus ----------------------------------------------------------------------


def test_every_real_world_block_is_found_and_read_like_load_json(shared_corpus: Path) -> None:
    folder = shared_corpus / "realworld"
    with (folder / "index.tsv").open(encoding="utf-8") as index:
        rows = list(csv.DictReader(index, delimiter="\t"))
    outcomes: dict[str, int] = {"article": 0, "no-article": 0, "unreadable": 0}
    for row in rows:
        text = (folder / row["file"]).read_text(encoding="utf-8")
        html = page(script(text), lang="und")
        (block,) = iter_jsonld_blocks(html)
        if row["json_status"].startswith("invalid JSON"):
            # Either still broken, or read by the lenient repair pass, which says so.
            assert (block.error is None) == bool(block.repairs), row["file"]
        else:
            assert block.error is None, row["file"]
            # Capitalised keys (InLanguage, Name) are read as the property they spell.
            assert block.data == fix_key_case(load_json(text))[0]
        try:
            article = from_html(html, url=row["page_url"] or None)
        except NewspkgError:  # only newspkg's errors may escape
            outcomes["unreadable" if block.error else "no-article"] += 1
        else:
            assert isinstance(article, Article)
            outcomes["article"] += 1
    # Most real pages hold a readable article; the rest fail with newspkg errors only.
    assert outcomes["article"] > 0.9 * len(rows), outcomes


def test_a_block_naming_a_remote_context_is_skipped_and_the_rest_read() -> None:
    remote = {"@context": "https://example.org/context", "@type": "NewsArticle", "headline": "X"}
    html = page(script(json.dumps(remote)), script(json.dumps(ARTICLE)))

    article = from_html(html)

    assert article.headline == "Grid operators brace"
    note = next(note for note in article.provenance if note.field == "jsonld")
    assert note.source == "script[0]"
    assert "remote @context" in note.detail


def test_a_web_page_main_entity_in_another_block_is_the_main_article() -> None:
    related = {
        **ARTICLE,
        "@id": "https://example.com/news/2#article",
        "url": "https://example.com/news/2",
        "headline": "Related",
    }
    main = {**ARTICLE, "@id": "https://example.com/news/1#article"}
    web_page = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "mainEntity": {"@id": "https://example.com/news/1#article"},
    }
    html = page(script(json.dumps([related, main])), script(json.dumps(web_page)))

    assert from_html(html).headline == "Grid operators brace"


def test_an_article_without_url_or_headline_is_skipped_among_good_ones() -> None:
    nameless = {"@context": "https://schema.org", "@type": "NewsArticle", "url": "https://e.com/"}
    html = page(script(json.dumps(nameless)), script(json.dumps(ARTICLE)))

    article = from_html(html)

    assert article.headline == "Grid operators brace"
    assert any(note.detail.startswith("article skipped:") for note in article.provenance)


def test_mixed_failures_raise_parse_error_with_every_problem() -> None:
    nameless = {"@context": "https://schema.org", "@type": "NewsArticle", "url": "https://e.com/"}

    with pytest.raises(ParseError) as raised:
        from_html(page(script("{oops"), script(json.dumps(nameless))))

    assert len(raised.value.problems) == 2


def test_an_article_without_a_headline_alone_raises_validation_error() -> None:
    nameless = {"@context": "https://schema.org", "@type": "NewsArticle", "url": "https://e.com/"}

    with pytest.raises(ValidationError, match="headline"):
        from_html(page(script(json.dumps(nameless))))
