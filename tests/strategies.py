"""Hypothesis strategies for newspkg: real-world shaped models and texts.

Each section belongs to one concept; keep them apart so they stay readable.
"""

from __future__ import annotations

import string
from datetime import date, datetime, timedelta, timezone
from typing import Any, TypeVar

from hypothesis import strategies as st

from newspkg import (
    Article,
    ArticleKind,
    Author,
    AuthorKind,
    Correction,
    Crumb,
    Date,
    Figure,
    LiveUpdate,
    ProvenanceNote,
    Publisher,
    PublisherKind,
    RelatedRead,
    Site,
    SourceNote,
    SourceRole,
    Translation,
    UpdateNote,
    Video,
)

# --- models (articles, authors, figures, sources) ------------------------------------------------
# Real bylines and places are rarely ASCII-only; mix scripts so encoders are exercised.
_NAMES = [
    "Mara Lindqvist",
    "Zoë Ðorđević",
    "José Álvarez-Núñez",
    "Nguyễn Thị Minh Khai",
    "李小龙",
    "Søren Ås",
    "Ава Кузнецова",
    "Aoife Ní Bhriain",
    "محمد الفاسي",
    "O'Brien",
]
_WORDS = [
    "grid",
    "operators",
    "brace",
    "for",
    "winter",
    "Energiewende",
    "équipe",
    "señal",
    "электросеть",
    "電力網",
    "送電",
    "전력망",
    "ไฟฟ้า",
    "شبكة",
    "רשת",
    "don't",
    "3.14",
    "U.S.",
    "1,000",
    "e-mail",
    "<b>",
    "</script>",
    "&amp;",
    "line\u2028break",
]
_HOSTS = [
    "example.com",
    "news.example.org",
    "www.zeitung.example.de",
    "例え.jp",
    "xn--bcher-kva.ch",
]
_LANGUAGES = ["en", "en-GB", "de", "fr-CA", "es-419", "pt-BR", "zh-Hant-TW", "ja", "ko", "th", "ar"]
_OFFSET_MINUTES = [0, 60, 120, -300, -240, 330, 345, 540, -210, 840, -720]

T = TypeVar("T")

SAFE_CHARACTERS = st.characters(
    blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ufeff"
)


def texts(*, max_size: int = 60) -> st.SearchStrategy[str]:
    """Non-empty text as editors type it: words from many scripts, or arbitrary characters."""
    from_words = st.lists(st.sampled_from(_WORDS + _NAMES), min_size=1, max_size=8).map(" ".join)
    arbitrary = st.text(SAFE_CHARACTERS, min_size=1, max_size=max_size).map(str.strip).filter(bool)
    return st.one_of(from_words, arbitrary)


def bodies() -> st.SearchStrategy[str]:
    """Long article text: paragraphs of words separated by blank lines."""
    paragraph = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=120).map(" ".join)
    return st.lists(paragraph, min_size=1, max_size=12).map("\n\n".join)


def urls() -> st.SearchStrategy[str]:
    """Absolute http(s) URLs, including internationalised hosts and paths."""
    segment = st.text(string.ascii_lowercase + string.digits + "-_éü漢", min_size=1, max_size=12)
    return st.builds(
        lambda scheme, host, parts, query: f"{scheme}://{host}/{'/'.join(parts)}{query}",
        st.sampled_from(["https", "http"]),
        st.sampled_from(_HOSTS),
        st.lists(segment, min_size=0, max_size=4),
        st.sampled_from(["", "?id=42", "?a=1&b=2"]),
    )


def timezones() -> st.SearchStrategy[timezone]:
    """Fixed-offset zones, whole minutes, as ISO 8601 writes them."""
    minutes = st.one_of(st.sampled_from(_OFFSET_MINUTES), st.integers(-14 * 60, 14 * 60))
    return minutes.map(lambda m: timezone(timedelta(minutes=m)))


def instants() -> st.SearchStrategy[datetime]:
    """Aware date-times to the second, between 1995 and 2035."""
    return st.datetimes(
        min_value=datetime(1995, 1, 1),  # hypothesis bounds are naive by design
        max_value=datetime(2035, 12, 31),
        timezones=timezones(),
    ).map(lambda moment: moment.replace(microsecond=0, fold=0))


def dates() -> st.SearchStrategy[Date]:
    """A calendar day or an aware instant."""
    return st.one_of(st.dates(date(1995, 1, 1), date(2035, 12, 31)), instants())


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.one_of(st.none(), strategy)


def credited_people() -> st.SearchStrategy[Author]:
    """A photographer, editor or update author: a name, maybe a page (cheap to draw)."""
    return st.builds(
        Author,
        name=st.sampled_from(_NAMES),
        url=_optional(urls()),
        works_for=_optional(st.sampled_from(["The Ledger", "Reuters"])),
    )


def videos() -> st.SearchStrategy[Video]:
    """What makes a figure a video: upload date, where it plays, running time."""
    return st.builds(
        Video,
        upload_date=_optional(dates()),
        content_url=_optional(urls()),
        embed_url=_optional(urls()),
        duration=_optional(st.integers(0, 20_000)),
    )


def figures(*, labelled: bool = True, video: bool = False) -> st.SearchStrategy[Figure]:
    """Images (and, with ``video``, videos) with any mix of text, size and licence data."""
    sizes = st.integers(min_value=0, max_value=10_000)
    return st.builds(
        Figure,
        url=urls(),
        alt=_optional(texts()),
        caption=_optional(texts()),
        credit=_optional(texts()),
        label=_optional(st.integers(1, 99).map("Figure / {:02d}".format))
        if labelled
        else st.none(),
        width=_optional(sizes),
        height=_optional(sizes),
        license=_optional(urls()),
        acquire_license_page=_optional(urls()),
        creator=_optional(credited_people()),
        copyright_notice=_optional(texts(max_size=40)),
        video=_optional(videos()) if video else st.none(),
    )


def authors() -> st.SearchStrategy[Author]:
    """People and organizations with a partial or full author card."""
    person = st.builds(
        Author,
        name=st.one_of(st.sampled_from(_NAMES), texts(max_size=30)),
        kind=st.just(AuthorKind.PERSON),
        url=_optional(urls()),
        job_title=_optional(texts(max_size=30)),
        description=_optional(texts(max_size=200)),
        image=_optional(urls()),
        same_as=st.lists(urls(), max_size=3).map(tuple),
        location=_optional(st.sampled_from(["Brussels · London corridor", "Nairobi", "São Paulo"])),
        knows_about=st.lists(texts(max_size=20), max_size=3).map(tuple),
        story_count=_optional(st.integers(0, 5000)),
        works_for=_optional(st.sampled_from(["The Ledger", "Reuters", "NHK"])),
        affiliation=_optional(texts(max_size=30)),
    )
    organization = st.builds(
        Author,
        name=texts(max_size=30),
        kind=st.just(AuthorKind.ORGANIZATION),
        url=_optional(urls()),
        description=_optional(texts()),
        same_as=st.lists(urls(), max_size=2).map(tuple),
        location=_optional(texts(max_size=20)),
    )
    return st.one_of(person, organization)


_POLICIES = (
    "corrections_policy",
    "ethics_policy",
    "diversity_policy",
    "masthead",
    "ownership_funding_info",
    "actionable_feedback_policy",
    "verification_fact_checking_policy",
    "unnamed_sources_policy",
    "no_bylines_policy",
)


@st.composite
def publishers(draw: st.DrawFn) -> Publisher:
    """A news organization (mostly, with its trust policies), another organization or a person."""
    kind = draw(st.sampled_from(PublisherKind))
    policies = {}
    if kind is PublisherKind.NEWS_MEDIA_ORGANIZATION and (base := draw(_optional(urls()))):
        # One draw for the whole set: a newsroom's policy pages sit side by side.
        names = draw(st.sets(st.sampled_from(_POLICIES)))
        policies = {name: f"{base.split('?')[0]}/{name}" for name in sorted(names)}
    return Publisher(
        name=draw(texts(max_size=30)),
        kind=kind,
        url=draw(_optional(urls())),
        logo=draw(_optional(figures(labelled=False))),
        same_as=tuple(draw(st.lists(urls(), max_size=3))),
        founding_date=None if kind is PublisherKind.PERSON else draw(_optional(dates())),
        publishing_principles=draw(_optional(urls())),
        **policies,
    )


def sites(publisher: Publisher | None = None) -> st.SearchStrategy[Site]:
    """The site an article appears on, with its publisher (mostly the article's) and search box."""
    return st.builds(
        Site,
        name=texts(max_size=30),
        url=urls(),
        publisher=st.one_of(st.none(), st.just(publisher), publishers()),
        language=_optional(st.sampled_from(_LANGUAGES)),
        alternate_names=st.lists(texts(max_size=20), max_size=2).map(tuple),
        search_url_template=_optional(urls().map(lambda url: f"{url}?q={{search_term_string}}")),
    )


def crumbs() -> st.SearchStrategy[Crumb]:
    return st.builds(Crumb, name=texts(max_size=20), url=_optional(urls()))


def live_updates() -> st.SearchStrategy[LiveUpdate]:
    return st.builds(
        LiveUpdate,
        headline=texts(),
        date=dates(),
        body=_optional(texts(max_size=200)),
        author=_optional(credited_people()),
        image=_optional(figures(labelled=False)),
    )


def translations() -> st.SearchStrategy[Translation]:
    return st.builds(Translation, url=urls(), language=st.sampled_from(_LANGUAGES))


def source_notes() -> st.SearchStrategy[SourceNote]:
    """Primary and supporting entries of a source trail."""
    return st.builds(
        SourceNote,
        role=st.sampled_from(SourceRole),
        title=texts(),
        url=urls(),
        publisher=_optional(
            st.sampled_from(["Reuters", "Eurostat", "Agence France-Presse", "共同通信"])
        ),
        note=_optional(texts(max_size=120)),
        date=_optional(dates()),
    )


def related_reads() -> st.SearchStrategy[RelatedRead]:
    """Related stories linked from the page."""
    return st.builds(
        RelatedRead,
        url=urls(),
        headline=texts(),
        section=_optional(texts(max_size=20)),
        date_published=_optional(dates()),
        image=_optional(urls()),
    )


def provenance_notes() -> st.SearchStrategy[ProvenanceNote]:
    """Notes a reader leaves on the fields it filled, reinterpreted or set aside."""
    return st.builds(
        ProvenanceNote,
        field=st.one_of(st.sampled_from(["image", "date_published", "jsonld"]), texts(max_size=20)),
        source=st.one_of(st.sampled_from(["meta og:image", "script[0]"]), texts(max_size=30)),
        detail=texts(max_size=80),
    )


def keywords() -> st.SearchStrategy[str]:
    """Tags as CMSs store them: short phrases without commas."""
    return texts(max_size=25).filter(lambda keyword: "," not in keyword)


@st.composite
def _publication_dates(draw: st.DrawFn) -> tuple[Date | None, Date | None]:
    published = draw(_optional(dates()))
    if published is None:
        return None, draw(_optional(dates()))
    if draw(st.booleans()):
        return published, None
    later = draw(st.timedeltas(timedelta(0), timedelta(days=400)))
    if isinstance(published, datetime):
        modified = (published + later).astimezone(draw(timezones()))
        return published, draw(st.sampled_from([modified, modified.date()]))
    return published, published + timedelta(days=later.days)


@st.composite
def _newsroom_fields(
    draw: st.DrawFn, url: str, kind: ArticleKind, publisher: Publisher | None
) -> dict[str, Any]:
    """The newsroom page's fields: site, trail, paywall, trust, live coverage, translations."""
    free = draw(_optional(st.booleans()))
    fields: dict[str, Any] = {
        "is_accessible_for_free": free,
        "site": draw(_optional(sites(publisher))),
        "breadcrumbs": (
            *draw(st.lists(st.builds(Crumb, name=texts(max_size=20), url=urls()), max_size=2)),
            *draw(st.lists(crumbs(), max_size=1)),
        ),
        "paywalled_parts": ()
        if free
        else tuple(
            draw(st.lists(st.sampled_from([".paywall", "#premium", "section.pro"]), max_size=2))
        ),
        "backstory": draw(_optional(texts(max_size=80))),
        "editors": tuple(draw(st.lists(credited_people(), max_size=2))),
        "translators": tuple(draw(st.lists(credited_people(), max_size=1))),
        "contributors": tuple(draw(st.lists(st.one_of(credited_people(), authors()), max_size=2))),
        "corrections": tuple(
            draw(st.lists(st.builds(Correction, date=dates(), text=texts()), max_size=2))
        ),
        "updates": tuple(
            draw(st.lists(st.builds(UpdateNote, date=dates(), text=texts()), max_size=2))
        ),
        "translation_of": draw(_optional(translations().filter(lambda t: t.url != url))),
        "translations": tuple(
            draw(st.lists(translations().filter(lambda t: t.url != url), max_size=2))
        ),
    }
    if kind is ArticleKind.LIVE_BLOG:
        start, end = draw(_publication_dates())
        fields["coverage_start"], fields["coverage_end"] = start, end
        fields["live_updates"] = tuple(draw(st.lists(live_updates(), max_size=3)))
    return fields


@st.composite
def articles(draw: st.DrawFn) -> Article:
    """Whole articles, from a bare headline to the full newsroom page."""
    published, modified = draw(_publication_dates())
    url = draw(urls())
    kind = draw(st.sampled_from(ArticleKind))
    publisher = draw(_optional(publishers()))
    return Article(
        url=url,
        headline=draw(texts(max_size=110)),
        description=draw(_optional(texts(max_size=300))),
        kind=kind,
        authors=tuple(draw(st.lists(authors(), max_size=3))),
        publisher=publisher,
        date_published=published,
        date_modified=modified,
        section=draw(_optional(texts(max_size=20))),
        keywords=tuple(draw(st.lists(keywords(), max_size=5))),
        language=draw(_optional(st.sampled_from(_LANGUAGES))),
        image=draw(_optional(figures(labelled=False))),
        image_renditions=tuple(draw(st.lists(figures(labelled=False), max_size=2))),
        figures=tuple(draw(st.lists(figures(video=True), max_size=3))),
        sources=tuple(draw(st.lists(source_notes(), max_size=4))),
        related=tuple(draw(st.lists(related_reads(), max_size=3))),
        body=draw(_optional(bodies())),
        word_count=draw(_optional(st.integers(0, 20_000))),
        dateline=draw(_optional(st.sampled_from(["BRUSSELS", "Kyiv", "SÃO PAULO, April 6"]))),
        provenance=tuple(draw(st.lists(provenance_notes(), max_size=2))),
        **draw(_newsroom_fields(url, kind, publisher)),
    )


# --- end models -----------------------------------------------------------------------------------

# --- texts (word counts and read time) ------------------------------------------------------------
# Tokens chosen to sit on the counting rules' edges: contractions, decimals,
# hyphens, URLs, emoji, marks, underscores and every script the rules treat apart.
_TOKENS = [
    "the", "don't", "3.14", "1,000", "e-mail", "U.S.", "well-known", "—", "and/or", "10:30",
    "https://example.com/a-b?x=1", "me@example.com", "www.example.org", "😀", "👍🏽", "🇫🇷",
    "Straße", "l'homme", "año", "Привет", "مرحبا", "שלום", "中文", "東京", "ひらがな",
    "カタカナ", "한국어", "ภาษาไทย", "ລາວ", "ខ្មែរ", "မြန်မာ", "_", "a_b", "\u0301", "e\u0301",
    "-", "(", ").", "«", "»", "、", "。", "々", "\u200d", "\u00ad", "x²", "Ⅻ",
]  # fmt: skip
_SEPARATORS = [" ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u3000"]


def word_tokens() -> st.SearchStrategy[str]:
    """One token from the edge-case vocabulary, or a short random word."""
    return st.one_of(st.sampled_from(_TOKENS), st.text(min_size=1, max_size=8))


@st.composite
def prose(draw: st.DrawFn, *, max_tokens: int = 30) -> str:
    """Realistic mixed-script text: tokens joined by assorted whitespace."""
    tokens = draw(st.lists(word_tokens(), max_size=max_tokens))
    separators = draw(
        st.lists(st.sampled_from(_SEPARATORS), min_size=len(tokens), max_size=len(tokens))
    )
    return "".join(token + separator for token, separator in zip(tokens, separators, strict=True))


def any_text() -> st.SearchStrategy[str]:
    """Realistic prose or arbitrary Unicode."""
    return st.one_of(prose(), st.text(max_size=40))


# --- end texts ------------------------------------------------------------------------------------
