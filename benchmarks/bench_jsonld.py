"""JSON-LD speed, as ratios measured in one run (a benchmark, not a timed test).

1. ``to_jsonld`` + ``json.dumps`` on the example article, against building the same dict by
   hand (straight-line code, no tables) + ``json.dumps``. Target: at most 3x.
2. ``from_jsonld`` over the real-page corpus, against pyld's ``expand`` alone (through the
   same offline loader) on the same parsed documents. Target: at most 1.5x.

Run: ``.venv/bin/python benchmarks/bench_jsonld.py [--repeat N]``
"""

from __future__ import annotations

import argparse
import csv
import json
from contextlib import suppress
from pathlib import Path

from _timing import best_of

import newspkg
from newspkg import Article, AuthorKind, Figure, NewspkgError
from newspkg._jsonld.processing import JsonObject, JsonValue, expand, load_json
from newspkg._jsonld.reader import from_jsonld
from newspkg._jsonld.writer import to_jsonld
from newspkg._readtime.estimate import reading_time

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "realworld"


def by_hand(a: Article) -> JsonObject:  # noqa: PLR0912, PLR0915
    """The example article's JSON-LD written out directly: the baseline for the writer."""
    url = a.url.split("#")[0]
    rt = reading_time(a)
    art: JsonObject = {"@type": "AnalysisNewsArticle", "@id": f"{url}#article", "url": a.url}
    art["headline"] = a.headline
    if a.description:
        art["description"] = a.description
    if a.date_published:
        art["datePublished"] = a.date_published.isoformat()
    if a.date_modified:
        art["dateModified"] = a.date_modified.isoformat()
    if a.section:
        art["articleSection"] = a.section
    if a.keywords:
        art["keywords"] = [
            {"@type": "DefinedTerm", "name": k} if "," in k else k for k in a.keywords
        ]
    if a.language:
        art["inLanguage"] = a.language
    if a.body:
        art["articleBody"] = a.body
    art["wordCount"] = rt.words
    if a.is_accessible_for_free is not None:
        art["isAccessibleForFree"] = a.is_accessible_for_free
    art["timeRequired"] = rt.iso8601
    if a.dateline:
        art["dateline"] = a.dateline
    art["mainEntityOfPage"] = {"@id": f"{url}#webpage"}
    page: JsonObject = {"@type": "WebPage", "@id": f"{url}#webpage", "url": a.url}
    page["name"] = a.headline
    for key in ("inLanguage", "datePublished", "dateModified"):
        if key in art:
            page[key] = art[key]
    nodes: list[JsonValue] = [art, page]

    def image(f: Figure, node_id: str) -> JsonObject:
        node: JsonObject = {"@type": "ImageObject", "@id": node_id}
        node["contentUrl"] = f.url
        node["url"] = f.url
        if f.alt:
            node["description"] = f.alt
        if f.caption:
            node["caption"] = f.caption
        if f.credit:
            node["creditText"] = f.credit
        if f.label:
            node["name"] = f.label
        if f.width is not None:
            node["width"] = {"@type": "QuantitativeValue", "value": f.width, "unitCode": "E37"}
        if f.height is not None:
            node["height"] = {"@type": "QuantitativeValue", "value": f.height, "unitCode": "E37"}
        return node

    refs: list[JsonValue] = []
    if a.image:
        nodes.append(image(a.image, f"{url}#primaryimage"))
        page["primaryImageOfPage"] = {"@id": f"{url}#primaryimage"}
        page["thumbnailUrl"] = a.image.url
        refs.append({"@id": f"{url}#primaryimage"})
    for n, f in enumerate(a.image_renditions, 1):
        nodes.append(image(f, f"{url}#image-{n}"))
        refs.append({"@id": f"{url}#image-{n}"})
    art["image"] = refs
    authors: list[JsonValue] = []
    for n, au in enumerate(a.authors, 1):
        person = au.kind is AuthorKind.PERSON
        frag = "person" if person else "organization"
        node_id = f"{au.url.split('#')[0]}#{frag}" if au.url else f"{url}#author-{n}"
        node: JsonObject = {"@type": "Person" if person else "Organization", "@id": node_id}
        node["name"] = au.name
        if au.url:
            node["url"] = au.url
        if au.job_title:
            node["jobTitle"] = au.job_title
        if au.description:
            node["description"] = au.description
        if au.image:
            node["image"] = au.image
        if au.same_as:
            node["sameAs"] = list(au.same_as)
        if au.location:
            key = "workLocation" if person else "location"
            node[key] = {"@type": "Place", "name": au.location}
        if au.knows_about:
            node["knowsAbout"] = list(au.knows_about)
        if au.story_count is not None:
            node["agentInteractionStatistic"] = {
                "@type": "InteractionCounter",
                "interactionType": {"@type": "WriteAction"},
                "userInteractionCount": au.story_count,
            }
        nodes.append(node)
        authors.append({"@id": node_id})
    art["author"] = authors
    p = a.publisher
    assert p is not None
    pub_id = f"{(p.url or url).split('#')[0]}#organization"
    pub: JsonObject = {"@type": "NewsMediaOrganization", "@id": pub_id, "name": p.name}
    if p.url:
        pub["url"] = p.url
    if p.same_as:
        pub["sameAs"] = list(p.same_as)
    art["publisher"] = {"@id": pub_id}
    nodes.append(pub)
    if p.logo:
        logo_id = f"{(p.url or url).split('#')[0]}#logo"
        pub["logo"] = {"@id": logo_id}
        nodes.append(image(p.logo, logo_id))
    media: list[JsonValue] = []
    for n, f in enumerate(a.figures, 1):
        node = image(f, f"{url}#figure-{n}")
        node["position"] = n
        nodes.append(node)
        media.append({"@id": f"{url}#figure-{n}"})
    art["associatedMedia"] = media
    based: list[JsonValue] = []
    cited: list[JsonValue] = []
    for n, s in enumerate(a.sources, 1):
        node = {"@type": "CreativeWork", "@id": f"{url}#source-{n}"}
        node["name"] = s.title
        node["url"] = s.url
        if s.publisher:
            node["publisher"] = {"@type": "Organization", "name": s.publisher}
        if s.note:
            node["description"] = s.note
        if s.date:
            node["datePublished"] = s.date.isoformat()
        node["position"] = n
        nodes.append(node)
        (based if s.role is newspkg.SourceRole.PRIMARY else cited).append({"@id": node["@id"]})
    if based:
        art["isBasedOn"] = based
    if cited:
        art["citation"] = cited
    links: list[JsonValue] = []
    for n, r in enumerate(a.related, 1):
        node = {"@type": "WebPage", "@id": f"{r.url.split('#')[0]}#webpage", "url": r.url}
        node["headline"] = r.headline
        if r.section:
            node["genre"] = r.section
        if r.date_published:
            node["datePublished"] = r.date_published.isoformat()
        if r.image:
            node["image"] = r.image
        node["position"] = n
        nodes.append(node)
        links.append(r.url)
    page["relatedLink"] = links
    return {"@context": "https://schema.org", "@graph": nodes}


def corpus_documents() -> list[tuple[JsonValue, str | None]]:
    """Each readable corpus document with its page URL, as a service reading pages has it."""
    page_urls = {}
    with (CORPUS / "index.tsv").open(encoding="utf-8") as index:
        for row in csv.DictReader(index, delimiter="\t"):
            page_urls[row["file"]] = row["page_url"] or None
    documents = []
    for path in sorted(CORPUS.glob("*.json")):
        try:
            documents.append((load_json(path.read_bytes()), page_urls.get(path.name)))
        except NewspkgError:
            continue
    return documents


def read_all(documents: list[tuple[JsonValue, str | None]]) -> None:
    for document, page_url in documents:
        with suppress(NewspkgError):
            from_jsonld(document, base_url=page_url)


def expand_all(documents: list[tuple[JsonValue, str | None]]) -> None:
    for document, page_url in documents:
        with suppress(NewspkgError):
            expand(document, base=page_url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()

    article = newspkg.from_json((ROOT / "examples" / "article.json").read_text(encoding="utf-8"))
    assert by_hand(article) == to_jsonld(article), "the baseline must build the same document"
    loops = 200
    writer, hand = best_of(
        options.repeat,
        lambda: [json.dumps(to_jsonld(article)) for _ in range(loops)],
        lambda: [json.dumps(by_hand(article)) for _ in range(loops)],
    )
    print(f"to_jsonld + dumps: {writer / loops * 1e3:.3f} ms/article")
    print(f"by hand   + dumps: {hand / loops * 1e3:.3f} ms/article")
    print(f"writer ratio: {writer / hand:.2f}x (target <= 3x)")

    documents = corpus_documents()
    expand_all(documents)  # warm the bundled context once, as a long-running service would
    reader, expanded = best_of(
        options.repeat, lambda: read_all(documents), lambda: expand_all(documents)
    )
    print(f"from_jsonld on {len(documents)} corpus documents: {reader * 1e3:.0f} ms")
    print(f"pyld expand alone on the same documents: {expanded * 1e3:.0f} ms")
    print(f"reader ratio: {reader / expanded:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
