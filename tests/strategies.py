"""Hypothesis strategies for newspkg: real-world shaped models and texts.

Each section belongs to one concept; keep them apart so they stay readable.
"""

from __future__ import annotations

import functools
import string
from datetime import date, datetime, timedelta, timezone
from typing import Any, TypeAlias, TypeVar, cast

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
from newspkg._urls import normalize_url
from newspkg._validation import MAX_COUNT

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

JsonLd: TypeAlias = "bool | int | float | str | list[JsonLd] | dict[str, JsonLd] | None"
T = TypeVar("T")

SAFE_CHARACTERS = st.characters(
    blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ufeff"
)
# Everything the model stores: any code point but U+0000 and the surrogates, which it refuses.
STORABLE_CHARACTERS = st.characters(codec="utf-8", exclude_characters="\x00")


@functools.cache  # built once: a fresh strategy per draw is slow to validate
def texts(*, max_size: int = 60) -> st.SearchStrategy[str]:
    """Non-empty text: words from many scripts, or any characters the model stores.

    Arbitrary text includes controls, line and paragraph separators and the BOM: whatever a
    user can put in a model must survive every round trip.
    """
    from_words = st.lists(st.sampled_from(_WORDS + _NAMES), min_size=1, max_size=8).map(" ".join)
    arbitrary = st.text(STORABLE_CHARACTERS, min_size=1, max_size=max_size)
    return st.one_of(from_words, arbitrary.map(str.strip).filter(bool))


@functools.cache  # built once: a fresh strategy per draw is slow to validate
def bodies() -> st.SearchStrategy[str]:
    """Long article text: paragraphs of words separated by blank lines."""
    paragraph = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=120).map(" ".join)
    return st.lists(paragraph, min_size=1, max_size=12).map("\n\n".join)


@functools.cache  # built once: a fresh strategy per draw is slow to validate
def urls() -> st.SearchStrategy[str]:
    """Absolute http(s) URLs: internationalised hosts and paths, and odd but valid forms.

    Upper-case schemes and hosts, ports, user names, IPv6 hosts, percent-escapes and
    fragments: the model lower-cases scheme and host, and keeps the rest as written.
    """
    segment = st.text(
        string.ascii_letters + string.digits + "-_.~!$&'()*+,;=:@%éü漢", min_size=1, max_size=12
    )
    host = st.one_of(
        st.sampled_from(_HOSTS),
        st.sampled_from(_HOSTS).map(str.upper),
        st.sampled_from(["[::1]", "[2001:DB8::A]", "127.0.0.1", "user@example.com", "Ü.example"]),
    )
    port = st.one_of(st.just(""), st.integers(1, 65535).map(":{}".format))
    return st.builds(
        lambda scheme, host, port, parts, query, fragment: (
            f"{scheme}://{host}{port}/{'/'.join(parts)}{query}{fragment}"
        ),
        st.sampled_from(["https", "http", "HTTPS", "Http"]),
        host,
        port,
        st.lists(segment, min_size=0, max_size=4),
        st.sampled_from(["", "?id=42", "?a=1&b=2", "?q=%E2%82%AC", "?"]),
        st.sampled_from(["", "#top", "#%C3%A9"]),
    )


@functools.cache  # built once: a fresh strategy per draw is slow to validate
def timezones() -> st.SearchStrategy[timezone]:
    """Fixed-offset zones, whole minutes, as ISO 8601 writes them (up to ±23:59)."""
    minutes = st.one_of(st.sampled_from(_OFFSET_MINUTES), st.integers(-(24 * 60 - 1), 24 * 60 - 1))
    return minutes.map(lambda m: timezone(timedelta(minutes=m)))


@functools.cache  # built once: a fresh strategy per draw is slow to validate
def instants() -> st.SearchStrategy[datetime]:
    """Aware date-times, mostly 1995 to 2035 to the second, else any year with microseconds."""
    recent = st.datetimes(
        min_value=datetime(1995, 1, 1),  # hypothesis bounds are naive by design
        max_value=datetime(2035, 12, 31),
        timezones=timezones(),
    ).map(lambda moment: moment.replace(microsecond=0, fold=0))
    # Years 1 to 9999, kept a day inside so no offset moves the instant out of range.
    anytime = st.datetimes(
        min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=timezones()
    ).map(lambda moment: moment.replace(fold=0))
    return st.one_of(recent, anytime)


@functools.cache  # built once: a fresh strategy per draw is slow to validate
def dates() -> st.SearchStrategy[Date]:
    """A calendar day (years 1 to 9999) or an aware instant."""
    return st.one_of(st.dates(date(1995, 1, 1), date(2035, 12, 31)), st.dates(), instants())


@functools.cache  # built once: a fresh strategy per draw is slow to validate
def languages() -> st.SearchStrategy[str]:
    """BCP 47 tags as pages write them, in any letter case (tags are case-insensitive)."""
    return st.sampled_from(_LANGUAGES).flatmap(
        lambda tag: st.sampled_from([tag, tag.lower(), tag.upper(), tag.swapcase()])
    )


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.one_of(st.none(), strategy)


@functools.cache  # built once: a fresh strategy per draw is slow to validate
def credited_people() -> st.SearchStrategy[Author]:
    """A photographer, editor or update author: a name, maybe a page (cheap to draw)."""
    return st.builds(
        Author,
        name=st.sampled_from(_NAMES),
        url=_optional(urls()),
        works_for=_optional(st.sampled_from(["The Ledger", "Reuters"])),
    )


@functools.cache  # built once: a fresh strategy per draw is slow to validate
def videos() -> st.SearchStrategy[Video]:
    """What makes a figure a video: upload date, where it plays, running time."""
    return st.builds(
        Video,
        upload_date=_optional(dates()),
        content_url=_optional(urls()),
        embed_url=_optional(urls()),
        duration=_optional(st.integers(0, 20_000)),
    )


@functools.cache  # built once: a fresh strategy per draw is slow to validate
def figures(*, labelled: bool = True, video: bool = False) -> st.SearchStrategy[Figure]:
    """Images (and, with ``video``, videos) with any mix of text, size and licence data."""
    sizes = st.one_of(st.integers(0, 10_000), st.integers(0, MAX_COUNT))
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


@functools.cache  # built once: a fresh strategy per draw is slow to validate
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
        story_count=_optional(st.one_of(st.integers(0, 5000), st.integers(0, MAX_COUNT))),
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


@functools.cache  # built once: a fresh strategy per draw is slow to validate
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


@functools.cache  # built once: a fresh strategy per draw is slow to validate
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


@functools.cache  # built once: a fresh strategy per draw is slow to validate
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


@functools.cache  # built once: a fresh strategy per draw is slow to validate
def provenance_notes() -> st.SearchStrategy[ProvenanceNote]:
    """Notes a reader leaves on the fields it filled, reinterpreted or set aside."""
    return st.builds(
        ProvenanceNote,
        field=st.one_of(st.sampled_from(["image", "date_published", "jsonld"]), texts(max_size=20)),
        source=st.one_of(st.sampled_from(["meta og:image", "script[0]"]), texts(max_size=30)),
        detail=texts(max_size=80),
    )


@functools.cache  # built once: a fresh strategy per draw is slow to validate
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
    # A translation lives elsewhere: apart from the URL as the model stores it.
    others = translations().filter(lambda t: t.url != normalize_url(url))
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
        "translation_of": draw(_optional(others)),
        "translations": tuple(draw(st.lists(others, max_size=2))),
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
        language=draw(_optional(languages())),
        image=draw(_optional(figures(labelled=False))),
        image_renditions=tuple(draw(st.lists(figures(labelled=False), max_size=2))),
        figures=tuple(draw(st.lists(figures(video=True), max_size=3))),
        sources=tuple(draw(st.lists(source_notes(), max_size=4))),
        related=tuple(draw(st.lists(related_reads(), max_size=3))),
        body=draw(_optional(bodies())),
        word_count=draw(_optional(st.one_of(st.integers(0, 20_000), st.integers(0, MAX_COUNT)))),
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


# --- JSON-LD documents as pages ship them (the direct reader's differential tests) ----------

SCHEMA_CONTEXT_URLS = [
    f"{scheme}://{host}{path}"
    for scheme in ("http", "https")
    for host in ("schema.org", "www.schema.org", "SCHEMA.ORG")
    for path in ("", "/", "/docs/jsonldcontext.json", "/docs/jsonldcontext.jsonld")
]
_VOCABS = ["http://schema.org/", "https://schema.org/"]
_JSONLD_TYPES = [
    "NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "OpinionNewsArticle",
    "WebPage", "Person", "Organization", "NewsMediaOrganization", "ImageObject", "VideoObject",
    "CreativeWork", "Thing", "SomethingUnknown", "http://schema.org/NewsArticle",
    "https://schema.org/Person",
]  # fmt: skip
_JSONLD_TEXT_PROPS = [
    "headline", "name", "description", "datePublished", "dateModified", "inLanguage",
    "articleBody", "text", "url", "keywords", "articleSection", "dateline", "caption",
    "contentUrl", "width", "relatedLink", "unknownProperty", "jobTitle", "alternateName",
    "http://schema.org/description", "https://schema.org/alternativeHeadline",
]  # fmt: skip
_JSONLD_NODE_PROPS = [
    "author", "publisher", "image", "logo", "mainEntityOfPage", "mainEntity", "isBasedOn",
    "citation", "associatedMedia", "creator", "about", "hasPart",
]  # fmt: skip
_IDS = [
    "https://example.com/news/1#article", "https://example.com/#org", "http://example.com/p",
    "#article", "#org", "/news/1", "/", "", "story#x", "?page=2", "_:b0", "_:b1",
    "urn:uuid:1234", "mailto:desk@example.com", "//cdn.example.org/n/1",
]  # fmt: skip
PAGE_URLS = [None, "https://example.com/news/story", "https://example.com/", "https://example.com"]


def schema_contexts() -> st.SearchStrategy[JsonLd]:
    """Contexts the direct reader takes: schema.org URLs, or only @vocab and id/type aliases."""
    inline = st.fixed_dictionaries(
        {"@vocab": st.sampled_from(_VOCABS)},
        optional={"id": st.just("@id"), "type": st.just("@type")},
    )
    single = st.sampled_from(SCHEMA_CONTEXT_URLS) | inline
    return cast("st.SearchStrategy[JsonLd]", single | st.lists(single, min_size=1, max_size=3))


def _scalars() -> st.SearchStrategy[JsonLd]:
    return (
        texts(max_size=20)
        | st.sampled_from(_IDS)
        | st.integers(-10, 10_000)
        | st.floats(allow_nan=False, allow_infinity=False, width=32)
        | st.booleans()
        | st.none()
    )


@st.composite
def jsonld_nodes(draw: st.DrawFn, *, depth: int = 2, aliases: bool = False) -> dict[str, JsonLd]:
    """A node object with schema.org terms, nested nodes, references and plain value objects."""
    node: dict[str, JsonLd] = {}
    id_key, type_key = ("id", "type") if aliases and draw(st.booleans()) else ("@id", "@type")
    if draw(st.booleans()):
        types = st.sampled_from(_JSONLD_TYPES)
        node[type_key] = cast("JsonLd", draw(types | st.lists(types, max_size=3)))
    if draw(st.booleans()):
        node[id_key] = draw(st.sampled_from(_IDS))
    for prop in draw(st.lists(st.sampled_from(_JSONLD_TEXT_PROPS), max_size=4, unique=True)):
        value = _scalars() | st.fixed_dictionaries({"@value": _scalars()})
        listed = cast(
            "st.SearchStrategy[JsonLd]",
            st.fixed_dictionaries({"@list": st.lists(value, max_size=3)}),
        )
        node[prop] = draw(value | st.lists(value | listed, max_size=3) | listed)
    if depth > 0:
        for prop in draw(st.lists(st.sampled_from(_JSONLD_NODE_PROPS), max_size=3, unique=True)):
            child = jsonld_nodes(depth=depth - 1, aliases=aliases)
            reference = st.sampled_from(_IDS).map(lambda ref: {"@id": ref})
            item = child | reference | texts(max_size=20)
            listed = st.fixed_dictionaries(
                {"@list": st.lists(cast("st.SearchStrategy[JsonLd]", item), max_size=3)}
            )
            node[prop] = cast(
                "JsonLd", draw(item | st.lists(item, max_size=3) | st.just([]) | listed)
            )
        if draw(st.integers(0, 9)) == 0:  # a nested context naming schema.org again
            node["@context"] = draw(st.sampled_from(SCHEMA_CONTEXT_URLS))
    return node


@st.composite
def schema_documents(draw: st.DrawFn) -> JsonLd:
    """A document in every shape pages use, under contexts the direct reader takes.

    A single node, ``@graph`` (with or without other keys), a top-level array of nodes with
    their own contexts, flattened nodes referring to each other by ``@id``, nested arrays.
    """
    context = draw(schema_contexts())
    aliases = isinstance(context, dict) and "id" in context
    nodes = st.lists(jsonld_nodes(aliases=aliases), min_size=1, max_size=4)
    shape = draw(st.sampled_from(["node", "graph", "graph-node", "array", "flattened"]))
    if shape == "node":
        return {"@context": context, **draw(jsonld_nodes(aliases=aliases))}
    if shape == "array":
        items = draw(nodes)
        return [{"@context": context, **item} for item in items] + draw(
            st.lists(_scalars(), max_size=1)
        )
    graph: list[JsonLd] = list(draw(nodes))
    if shape == "flattened":
        flat = draw(st.lists(jsonld_nodes(depth=0), min_size=1, max_size=4))
        for index, node in enumerate(flat):
            node["@id"] = f"_:n{index}"
            node["author"] = {"@id": f"_:n{(index + 1) % len(flat)}"}
        graph = list(flat)
    if draw(st.booleans()):
        graph.append([draw(jsonld_nodes(depth=0))])  # nested array in @graph
    document: dict[str, JsonLd] = {"@context": context, "@graph": graph}
    if shape == "graph-node":
        document["@id"] = draw(st.sampled_from(_IDS))
        document["name"] = draw(texts(max_size=10))
    return document


# Term definitions the direct reader proves equivalent, by term: an absolute IRI, a name
# under the vocabulary, the term itself, and strings made IRIs ("@type": "@id"). Some redefine
# names the generated documents use; identifier and sameAs are schema.org's own terms (a
# nested schema.org context defines them again), articleId and topics are not.
_DEFINED_TERMS: dict[str, list[JsonLd]] = {
    "headline": ["http://schema.org/name", {"@id": "alternativeHeadline"}, "headline"],
    "name": [{"@id": "https://schema.org/alternateName"}, {"@id": "name"}],
    "author": ["https://schema.org/creator", {"@id": "http://schema.org/author", "@type": "@id"}],
    "url": [{"@id": "http://schema.org/url", "@type": "@id"}, {"@type": "@id"}],
    "articleId": [{"@id": "Text", "@type": "@id"}, "description", {"@type": "@id"}],
    "topics": [{"@id": "Text", "@type": "@id"}, {"@id": "http://example.org/t", "@type": "@id"}],
    "identifier": [{"@id": "identifier", "@type": "@id"}, "http://schema.org/identifier"],
    "sameAs": [{"@id": "https://schema.org/sameAs", "@type": "@id"}],
    "ex": ["https://example.com/ns#"],
}
_ID_ITEMS = cast(
    "st.SearchStrategy[JsonLd]",
    st.sampled_from(_IDS)
    | st.integers(0, 5)
    | st.none()
    | st.just({"@id": "#x"})
    | st.just({"@value": "v"})
    | st.just({"@type": "Person", "name": "A", "url": "/people/a"}),
)
_ID_VALUES: st.SearchStrategy[JsonLd] = st.recursive(
    _ID_ITEMS, lambda inner: st.lists(inner, max_size=3), max_leaves=5
)


@st.composite
def term_documents(draw: st.DrawFn) -> JsonLd:
    """A document whose context also defines terms the direct reader proves equivalent.

    The definitions (`_DEFINED_TERMS`) come after the document's own context, with an
    ``@vocab``; values of IRI-valued terms are references, numbers, nodes and nulls (pyld's
    IRI expansion of arbitrary text is left to the other tests), and some nodes get values
    for the terms the generated documents do not use.
    """
    document = draw(schema_documents())
    names = draw(st.lists(st.sampled_from(sorted(_DEFINED_TERMS)), min_size=1, unique=True))
    terms = {name: draw(st.sampled_from(_DEFINED_TERMS[name])) for name in names}
    definitions: dict[str, JsonLd] = {"@vocab": draw(st.sampled_from(_VOCABS)), **terms}
    for top in document if isinstance(document, list) else [document]:
        if isinstance(top, dict):
            context = top["@context"]
            top["@context"] = [*(context if isinstance(context, list) else [context]), definitions]
    coerced = {name for name, term in terms.items() if isinstance(term, dict) and "@type" in term}
    nodes = _objects(document)
    for node in nodes:
        for name in coerced & set(node):
            node[name] = draw(_ID_VALUES)
    for name in draw(st.lists(st.sampled_from(names), max_size=3)):
        target = draw(st.sampled_from(nodes))
        target[name] = draw(_ID_VALUES if name in coerced else _scalars())
    return document


_SCHEMA_CONTEXT = {"@context": "https://schema.org"}
_VOCAB = "http://schema.org/"
_NOT_DIRECT: list[dict[str, JsonLd]] = [
    # Contexts: term definitions it cannot prove equivalent, @base, @language, a prefix used
    # in a compact IRI, another vocabulary, a context only pyld can load (refused offline).
    {"@context": {"@vocab": _VOCAB, "headline": {"@id": "name", "@language": "en"}}},
    {"@context": {"@vocab": _VOCAB, "datePublished": {"@type": "http://schema.org/Date"}}},
    {"@context": {"@vocab": _VOCAB, "about": {"@type": "@vocab"}}},
    {"@context": {"@vocab": _VOCAB, "keywords": {"@id": "keywords", "@container": "@list"}}},
    {"@context": {"@vocab": _VOCAB, "author": {"@reverse": "http://schema.org/creator"}}},
    {"@context": {"@vocab": _VOCAB, "author": {"@id": "author", "@context": {"name": "url"}}}},
    {"@context": {"@vocab": _VOCAB, "name": {"@id": "name", "@protected": True}}},
    {"@context": {"@vocab": _VOCAB, "name": None}},
    {"@context": {"@vocab": _VOCAB, "name": {"@id": None}}},
    {"@context": {"@vocab": _VOCAB, "link": "@id"}},
    {"@context": {"@vocab": _VOCAB, "name": "_:b0"}},
    {"@context": {"@vocab": _VOCAB, "ex:name": "https://example.com/ns#name"}},
    {"@context": {"@vocab": _VOCAB, "a/b": "https://example.com/a/b"}},
    {"@context": {"@vocab": _VOCAB, "Txt": "http://schema.org/text", "articleId": "Txt"}},
    {"@context": {"@vocab": _VOCAB, "ex": "https://example.com/ns#", "ex:headline": "x"}},
    {"@context": {"@vocab": _VOCAB, "ex": "https://example.com/ns#"}, "@type": "ex:Story"},
    {"@context": {"@vocab": _VOCAB, "@base": "https://example.com/"}},
    {"@context": {"@vocab": _VOCAB, "@language": "en"}},
    {"@context": "https://example.org/context.jsonld"},
    {"@context": {"@vocab": "http://example.org/"}},
    # Under schema.org's context: compact IRIs, prefixes and aliases used as names.
    {**_SCHEMA_CONTEXT, "schema:headline": "compact"},
    {**_SCHEMA_CONTEXT, "@type": "schema:NewsArticle"},
    {**_SCHEMA_CONTEXT, "@type": "id"},
    {**_SCHEMA_CONTEXT, "dc": "a prefix used as a term"},
    {**_SCHEMA_CONTEXT, "@id": "schema:Thing"},
    # Anywhere: typed or tagged values, lists, sets, reverse properties, odd @ids.
    {"headline": {"@value": "x", "@language": "en"}},
    {"datePublished": {"@value": "2026-01-01", "@type": "http://schema.org/Date"}},
    {"keywords": {"@list": [["a"], "b"]}},
    {"keywords": {"@list": [{"@list": ["a"]}]}},
    {"keywords": {"@list": "a"}},
    {"keywords": {"@list": ["a"], "@index": "i"}},
    {"@list": [{"@type": "Person"}]},
    {"keywords": {"@set": ["a", "b"]}},
    {"@reverse": {"author": {"@id": "#a"}}},
    {"@id": "../up#x"},
    {"@id": "//example.org/../x"},
    {"@id": 7},
    {"@graph": "not a node"},
]


@st.composite
def non_direct_documents(draw: st.DrawFn) -> JsonLd:
    """A schema.org document with one thing the direct reader must leave to pyld, anywhere.

    Read it with a page URL: without one, relative ``@id``s stay relative on both paths.
    """
    document = draw(schema_documents())
    target = draw(st.sampled_from(_objects(document)))
    target.update(draw(st.sampled_from(_NOT_DIRECT)))
    return document


def _objects(value: JsonLd) -> list[dict[str, JsonLd]]:
    """Every node object in a generated document (not value objects or contexts)."""
    found: list[dict[str, JsonLd]] = []
    if isinstance(value, list):
        for item in value:
            found.extend(_objects(item))
    elif isinstance(value, dict) and "@value" not in value:
        if "@list" not in value:  # a list object holds nodes, but is none
            found.append(value)
        for key, item in value.items():
            if key != "@context":
                found.extend(_objects(item))
    return found


# Keys in every form the direct graph treats differently: schema.org terms (some naming one
# property twice, through a full IRI or the other namespace), keywords and their aliases,
# other vocabularies, a term pyld drops, the reader's path mark.
_GRAPH_KEYS = [
    "name",
    "headline",
    "author",
    "url",
    "mainEntity",
    "http://schema.org/name",
    "https://schema.org/name",
    "http://example.org/x",
    "foo",
    "urn:x-newspkg:path",
]
_GRAPH_SCALARS: st.SearchStrategy[JsonLd] = st.sampled_from(["t", "", " x ", 1, 2.5, True, None])


def _graph_values(nodes: st.SearchStrategy[JsonLd]) -> st.SearchStrategy[JsonLd]:
    """A property value: a scalar, a node, a value object, or an array (nested ones too)."""
    value_objects: st.SearchStrategy[JsonLd] = st.fixed_dictionaries({"@value": _GRAPH_SCALARS})
    leaf: st.SearchStrategy[JsonLd] = _GRAPH_SCALARS | nodes | value_objects
    return st.recursive(leaf, lambda inner: st.lists(inner, max_size=3), max_leaves=6)


@st.composite
def _graph_node(draw: st.DrawFn, depth: int) -> dict[str, JsonLd]:
    nested: st.SearchStrategy[JsonLd] = _graph_node(depth + 1) if depth < 2 else st.just({})
    nested_arrays: st.SearchStrategy[JsonLd] = st.lists(nested, max_size=2)
    graph_items: st.SearchStrategy[JsonLd] = nested | nested_arrays | _GRAPH_SCALARS
    node: dict[str, JsonLd] = {}
    for key in draw(
        st.lists(
            st.sampled_from(["@id", "id", "@type", "type", "@graph", "@context", *_GRAPH_KEYS]),
            max_size=5,
        )
    ):
        if key in {"@id", "id"}:
            node[key] = draw(st.sampled_from([*_IDS[:3], "", "?p=1", "_:b0"]))
        elif key in {"@type", "type"}:
            node[key] = draw(
                st.sampled_from(["NewsArticle", "Person", "WebPage", "http://example.org/T", []])
            )
        elif key == "@graph":
            node[key] = draw(nested | st.lists(graph_items, max_size=3))
        elif key == "@context":
            node[key] = draw(schema_contexts())
        else:
            node[key] = draw(_graph_values(nested))
    return node


@st.composite
def graph_shape_documents(draw: st.DrawFn) -> JsonLd:
    """Documents in the shapes where the direct graph must match the expanded form's graph.

    ``@graph`` as an object or an array (also nested, with arrays and scalars in it), arrays
    nested in property values, value objects, nulls, empty arrays, nodes with only an ``@id``,
    keys naming one property twice, other vocabularies, inline contexts anywhere.
    """
    context = draw(schema_contexts())
    shape = draw(st.sampled_from(["node", "graph", "array"]))
    if shape == "graph":
        node: st.SearchStrategy[JsonLd] = _graph_node(1)
        graph = draw(node | st.lists(node | _GRAPH_SCALARS, max_size=4))
        return {"@context": context, "@graph": graph}
    if shape == "array":
        items = draw(st.lists(_graph_node(0) | st.lists(_graph_node(0), max_size=2), max_size=3))
        return [
            {"@context": context, **item} if isinstance(item, dict) else cast("JsonLd", item)
            for item in items
        ]
    return {"@context": context, **draw(_graph_node(0))}
