"""A synthetic web archive for tests and benchmarks: N pages in one WARC, deterministic, offline.

`write_archive` writes a gzipped WARC of ``pages`` HTTP responses, each preceded by its
request record, after one ``warcinfo`` record. Most pages are generated news articles (their
JSON-LD written by `newspkg.to_script_tag`, prose from a fixed word list); with a corpus
folder (``shared/corpus/pages``), every tenth page is a real saved page instead. With
``trouble``, one page in every 50 of each kind is a 404, an image and a page whose only
JSON-LD is broken, and one in ten generated pages is Latin-1 declared only in the HTTP
``Content-Type`` (a test of charset handling). The same arguments give the same bytes.
"""

from __future__ import annotations

import io
import random
import uuid
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path
from typing import Final

import attrs

from newspkg._jsonld.script import to_script_tag
from newspkg._models import Article, Author, Figure, Publisher

__all__ = ["ArchiveStats", "write_archive"]

_PROSE: Final = (
    "grid operators brace for winter demand as the council weighs new tariffs on imported "
    "power while regional utilities report record storage levels and engineers warn that "
    "ageing lines need repair before the storms arrive across the coast city hall said "
    "residents would see lower bills next year although critics argue the plan ignores rural "
    "districts where outages lasted days during the last heatwave the minister promised an "
    "inquiry into delays and the union called for more staff at the control centre"
)
_WORDS: Final = tuple(_PROSE.split())
_SECTIONS: Final = ("Energy", "Politics", "Business", "Climate", "Local")
_NAMES: Final = ("Jane Doe", "Ana Souza", "Kenji Sato", "Amara Okafor", "Lars Berg", "José Núñez")
_EPOCH: Final = datetime(2026, 1, 5, 6, 0, tzinfo=UTC)
_CYCLE: Final = 50
_NOT_FOUND, _IMAGE, _BROKEN = 7, 17, 27


@attrs.frozen(kw_only=True)
class ArchiveStats:
    """What `write_archive` put in the archive, by the result each page should give."""

    pages: int
    articles: int
    not_found: int
    images: int
    broken: int


def write_archive(
    path: str | Path,
    *,
    pages: int,
    seed: int = 0,
    corpus: Path | None = None,
    trouble: bool = True,
) -> ArchiveStats:
    """Write a gzipped WARC of ``pages`` responses to ``path``; return what it holds."""
    from warcio.warcwriter import WARCWriter  # noqa: PLC0415  (import on demand)

    corpus_pages = _corpus_pages(corpus)
    counts = {"articles": 0, "not_found": 0, "images": 0, "broken": 0}
    with Path(path).open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        ids = random.Random(seed)  # noqa: S311  (reproducible ids, not secrets)
        _write(writer, ids, "warcinfo", "urn:newspkg:synthetic", b"software: newspkg\r\n")
        for index in range(pages):
            url, status, content_type, body, kind = _page(index, seed, corpus_pages, trouble)
            counts[kind] += 1
            request = f"GET / HTTP/1.1\r\nHost: {url.split('/')[2]}\r\n\r\n".encode()
            _write(writer, ids, "request", url, request)
            _write(writer, ids, "response", url, body, http=(status, content_type))
    return ArchiveStats(pages=pages, **counts)


def _write(
    writer: object,
    ids: random.Random,
    kind: str,
    url: str,
    payload: bytes,
    *,
    http: tuple[str, str] | None = None,
) -> None:
    from warcio.statusandheaders import StatusAndHeaders  # noqa: PLC0415

    headers = {
        "WARC-Record-ID": f"<urn:uuid:{uuid.UUID(int=ids.getrandbits(128), version=4)}>",
        "WARC-Date": "2026-01-05T06:00:00Z",
    }
    http_headers = None
    if http is not None:
        status, content_type = http
        http_headers = StatusAndHeaders(
            status, [("Content-Type", content_type)], protocol="HTTP/1.1"
        )
    record = writer.create_warc_record(  # type: ignore[attr-defined]
        url,
        kind,
        payload=io.BytesIO(payload),
        length=len(payload),
        warc_headers_dict=headers,
        http_headers=http_headers,
        warc_content_type="application/warc-fields" if kind == "warcinfo" else None,
    )
    writer.write_record(record)  # type: ignore[attr-defined]


def _corpus_pages(corpus: Path | None) -> list[tuple[str, bytes]]:
    if corpus is None:
        return []
    urls = {}
    index = corpus / "index.tsv"
    if index.is_file():
        for row in index.read_text(encoding="utf-8").splitlines()[1:]:
            cells = row.split("\t")
            urls[cells[0]] = cells[4]
    return [
        (urls.get(f"html/{file.name}") or f"https://corpus.example/{file.stem}", file.read_bytes())
        for file in sorted((corpus / "html").glob("*.html"))
    ]


def _page(
    index: int, seed: int, corpus_pages: list[tuple[str, bytes]], trouble: bool
) -> tuple[str, str, str, bytes, str]:
    """URL, HTTP status, Content-Type, body and kind of the page at ``index``."""
    url = f"https://news.example/{seed}/{index}"
    html = "text/html; charset=utf-8"
    if trouble and index % _CYCLE == _NOT_FOUND:
        return url, "404 Not Found", html, b"<h1>Not found</h1>", "not_found"
    if trouble and index % _CYCLE == _IMAGE:
        return url + ".png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n", "images"
    if trouble and index % _CYCLE == _BROKEN:
        page = '<script type="application/ld+json">{"@type": "NewsArticle",</script>'
        return url, "200 OK", html, page.encode(), "broken"
    if corpus_pages and index % 10 == 3:
        page_url, data = corpus_pages[(index // 10) % len(corpus_pages)]
        return page_url or url, "200 OK", "text/html", data, "articles"
    rng = random.Random(seed * 1_000_003 + index)  # noqa: S311  (reproducible, not secret)
    page = _article_page(_article(url, rng))
    if trouble and index % 10 == 5:
        return url, "200 OK", "text/html; charset=ISO-8859-1", page.encode("latin-1"), "articles"
    return url, "200 OK", html, page.encode(), "articles"


def _article(url: str, rng: random.Random) -> Article:
    def words(count: int) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(count))

    paragraphs = [words(rng.randint(40, 120)).capitalize() + "." for _ in range(rng.randint(3, 9))]
    published = _EPOCH + timedelta(minutes=rng.randint(0, 500_000))
    return Article(
        url=url,
        headline=f"Café {words(rng.randint(5, 10))}".capitalize(),
        description=words(20).capitalize() + ".",
        authors=tuple(Author(name=rng.choice(_NAMES)) for _ in range(rng.randint(1, 2))),
        publisher=Publisher(name="The Example Times", url="https://news.example/"),
        date_published=published,
        date_modified=published + timedelta(hours=rng.randint(0, 48)),
        section=rng.choice(_SECTIONS),
        keywords=tuple(sorted({rng.choice(_WORDS) for _ in range(4)})),
        language="en",
        image=Figure(url=f"{url}/lead.jpg", width=1200, height=675),
        body="\n\n".join(paragraphs),
    )


def _article_page(article: Article) -> str:
    body = "".join(f"<p>{escape(part)}</p>" for part in (article.body or "").split("\n\n"))
    return (
        f"<!doctype html><html lang=en><head><title>{escape(article.headline)}</title>"
        f'<link rel="canonical" href="{escape(article.url)}">'
        f"{to_script_tag(article)}</head><body><article><h1>{escape(article.headline)}</h1>"
        f"{body}</article></body></html>"
    )
