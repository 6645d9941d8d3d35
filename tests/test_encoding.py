"""Decoding page bytes: BOM, transport charset, meta pre-scan, UTF-8 over a contradicted label."""

from __future__ import annotations

import codecs

import pytest

from newspkg import from_html
from newspkg._html.encoding import decode_page

TEXT = "Привет, мир — café"


def test_a_bom_wins_over_everything() -> None:
    data = codecs.BOM_UTF8 + f'<meta charset="windows-1251">{TEXT}'.encode()

    decoded = decode_page(data, transport="iso-8859-1")

    assert decoded.text.endswith(TEXT)
    assert decoded.encoding == "utf-8"
    assert decoded.note is None


def test_the_transport_charset_comes_before_the_meta_prescan() -> None:
    data = f'<meta charset="utf-8">{TEXT}'.encode("cp1251", errors="replace")

    decoded = decode_page(data, transport="windows-1251")

    assert decoded.encoding == "cp1251"
    assert "Привет" in decoded.text


def test_the_meta_prescan_finds_an_http_equiv_declaration() -> None:
    data = '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">Привет'.encode(
        "koi8-r"
    )

    assert decode_page(data).text.endswith("Привет")


def test_valid_multibyte_utf8_wins_over_a_contradicted_declaration_with_a_note() -> None:
    data = f'<meta charset="windows-1251"><title>{TEXT}</title>'.encode()

    decoded = decode_page(data)

    assert decoded.encoding == "utf-8"
    assert TEXT in decoded.text
    assert decoded.note is not None
    assert "'windows-1251'" in decoded.note


@pytest.mark.parametrize(("label", "codec"), [("iso-8859-1", "cp1252"), ("gb2312", "gbk")])
def test_whatwg_labels_name_their_superset(label: str, codec: str) -> None:
    data = f'<meta charset="{label}">'.encode() + "é".encode(codec)

    assert decode_page(data).encoding == codec


def test_undeclared_non_utf8_bytes_are_windows_1252() -> None:
    assert decode_page("café".encode("cp1252")).text == "café"


def test_from_html_notes_the_encoding_it_chose() -> None:
    page = (
        '<meta charset="windows-1251"><meta property="og:type" content="article">'
        '<meta property="og:url" content="https://e.com/a">'
        f'<meta property="og:title" content="{TEXT}">'
    ).encode()

    article = from_html(page)

    assert article.headline == TEXT
    assert [n.source for n in article.provenance if n.field == "encoding"] == ["page bytes"]


def test_from_html_takes_the_transport_charset() -> None:
    page = (
        '<meta property="og:type" content="article"><meta property="og:url" content="https://e.com/a">'
        '<meta property="og:title" content="Привет">'
    ).encode("koi8-r")

    assert from_html(page, encoding="koi8-r").headline == "Привет"
