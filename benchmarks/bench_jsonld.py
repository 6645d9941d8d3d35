"""JSON-LD speed, as ratios measured in one run (a benchmark, not a timed test).

1. ``to_jsonld`` + ``json.dumps`` on the example article, against building the same dict by
   hand (straight-line code, no tables) + ``json.dumps``. Target: at most 3x. The same for
   the whole newsroom page of ``examples/newsroom_page.py``. Target: at most 2.5x.
2. ``from_jsonld`` over the real-page corpus, against pyld's ``expand`` alone (through the
   same offline loader) on the same parsed documents. Target (issue 11): ``expand`` takes at
   least 3.5x as long over the whole corpus, and at least 8x on the median document (each
   document timed alone, both ways, in turns). Documents under schema.org's context alone are
   read without pyld, their graph built straight from the parsed JSON
   (``newspkg._jsonld.direct_graph``); so are pages' own term definitions the direct reader
   proves equivalent, list objects and network-path ``@id``s (the few documents using them
   through the two-step direct path). The report says which path each document takes, and
   where a median document's time goes. Both sides check the parsed documents against the
   size and depth limits first.
3. ``to_script_tag`` on the example article, against ``to_jsonld`` + ``json.dumps`` of the
   same JSON text (same separators, no escaping, no element). Target: at most 1.3x, compact
   and indented; the former ``str.translate`` escaping is timed beside it for reference.

Run: ``.venv/bin/python benchmarks/bench_jsonld.py [--repeat N]``
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
from collections.abc import Callable
from contextlib import suppress
from datetime import UTC
from functools import partial
from pathlib import Path
from typing import Any

from _timing import best_of

import newspkg
from newspkg import Article, Author, AuthorKind, Figure, NewspkgError
from newspkg._jsonld.direct import Unsupported, expand_direct
from newspkg._jsonld.direct_graph import DirectGraph, NotDirectGraph, read_graph
from newspkg._jsonld.graph import Node, with_fixed_contexts
from newspkg._jsonld.processing import (
    JsonObject,
    JsonValue,
    check_json_value,
    expand,
    load_json,
)
from newspkg._jsonld.reader import _Page, from_jsonld
from newspkg._jsonld.script import to_script_tag
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


def by_hand_newsroom(a: Article) -> JsonObject:  # noqa: PLR0915
    """The newsroom example's JSON-LD written out directly: the baseline for the whole page."""
    url = a.url.split("#")[0]
    nodes: list[JsonValue] = []

    def qv(n: int) -> JsonObject:
        return {"@type": "QuantitativeValue", "value": n, "unitCode": "E37"}

    def person(p: Author) -> JsonObject:
        node: JsonObject = {"@type": "Person", "@id": f"{p.url}#person", "name": p.name}
        node["url"] = p.url
        if p.job_title:
            node["jobTitle"] = p.job_title
        if p.same_as:
            node["sameAs"] = list(p.same_as)
        if p.works_for:
            node["worksFor"] = {"@type": "Organization", "name": p.works_for}
        nodes.append(node)
        return {"@id": node["@id"]}

    def media(f: Figure, node_id: str, creator: JsonObject | None) -> JsonObject:  # noqa: PLR0912
        if f.video is None:
            node: JsonObject = {"@type": "ImageObject", "@id": node_id}
            node["contentUrl"] = node["url"] = f.url
        else:
            node = {"@type": "VideoObject", "@id": node_id, "thumbnailUrl": f.url}
        if f.alt:
            node["description"] = f.alt
        if f.credit:
            node["creditText"] = f.credit
        if f.label:
            node["name"] = f.label
        if f.width is not None:
            node["width"] = qv(f.width)
        if f.height is not None:
            node["height"] = qv(f.height)
        if f.license:
            node["license"] = f.license
        if f.acquire_license_page:
            node["acquireLicensePage"] = f.acquire_license_page
        if f.copyright_notice:
            node["copyrightNotice"] = f.copyright_notice
        if f.video is not None:
            v = f.video
            if v.upload_date:
                node["uploadDate"] = v.upload_date.isoformat()
            if v.content_url:
                node["contentUrl"] = v.content_url
            if v.embed_url:
                node["embedUrl"] = v.embed_url
            if v.duration is not None:
                minutes, seconds = divmod(v.duration, 60)
                node["duration"] = f"PT{minutes}M{seconds}S"
        if creator is not None:
            node["creator"] = creator
        nodes.append(node)
        return node

    art: JsonObject = {"@type": "LiveBlogPosting", "@id": f"{url}#article", "url": a.url}
    art["headline"] = a.headline
    art["description"] = a.description
    art["datePublished"] = published = a.date_published.isoformat()  # type: ignore[union-attr]
    art["dateModified"] = modified = a.date_modified.isoformat()  # type: ignore[union-attr]
    art["articleSection"] = a.section
    art["keywords"] = list(a.keywords)
    art["inLanguage"] = a.language
    art["isAccessibleForFree"] = a.is_accessible_for_free
    art["backstory"] = a.backstory
    art["coverageStartTime"] = a.coverage_start.isoformat()  # type: ignore[union-attr]
    art["coverageEndTime"] = a.coverage_end.isoformat()  # type: ignore[union-attr]
    art["mainEntityOfPage"] = {"@id": f"{url}#webpage"}
    page: JsonObject = {"@type": "WebPage", "@id": f"{url}#webpage", "url": a.url}
    page["name"] = a.headline
    page["inLanguage"] = a.language
    page["datePublished"] = published
    page["dateModified"] = modified
    nodes += [art, page]
    hero = a.image
    assert hero is not None
    photographer = person(hero.creator)  # type: ignore[arg-type]
    media(hero, f"{url}#primaryimage", photographer)
    page["primaryImageOfPage"] = {"@id": f"{url}#primaryimage"}
    page["thumbnailUrl"] = hero.url
    art["image"] = [{"@id": f"{url}#primaryimage"}]
    reporter = person(a.authors[0])
    art["author"] = [reporter]
    pub = a.publisher
    assert pub is not None
    org: JsonObject = {
        "@type": "NewsMediaOrganization",
        "@id": f"{pub.url}#organization",
        "name": pub.name,
        "url": pub.url,
        "sameAs": list(pub.same_as),
        "foundingDate": pub.founding_date.isoformat(),  # type: ignore[union-attr]
        "publishingPrinciples": pub.publishing_principles,
        "correctionsPolicy": pub.corrections_policy,
        "ethicsPolicy": pub.ethics_policy,
        "diversityPolicy": pub.diversity_policy,
        "masthead": pub.masthead,
        "ownershipFundingInfo": pub.ownership_funding_info,
        "actionableFeedbackPolicy": pub.actionable_feedback_policy,
        "verificationFactCheckingPolicy": pub.verification_fact_checking_policy,
        "unnamedSourcesPolicy": pub.unnamed_sources_policy,
        "noBylinesPolicy": pub.no_bylines_policy,
    }
    nodes.append(org)
    media(pub.logo, f"{pub.url}#logo", None)  # type: ignore[arg-type]
    org["logo"] = {"@id": f"{pub.url}#logo"}
    art["publisher"] = {"@id": org["@id"]}
    art["editor"] = [person(a.editors[0])]
    art["contributor"] = [photographer]
    refs: list[JsonValue] = []
    for n, f in enumerate(a.figures, 1):
        node = media(f, f"{url}#figure-{n}", None)
        node["position"] = n
        refs.append({"@id": node["@id"]})
    art["associatedMedia"] = refs
    art["hasPart"] = [
        {"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": selector}
        for selector in a.paywalled_parts
    ]
    art["correction"] = [
        {"@type": "CorrectionComment", "datePublished": c.date.isoformat(), "text": c.text}
        for c in a.corrections
    ]
    art["comment"] = [
        {"@type": "Comment", "datePublished": u.date.isoformat(), "text": u.text} for u in a.updates
    ]
    art["workTranslation"] = [
        {"@type": "CreativeWork", "url": t.url, "inLanguage": t.language} for t in a.translations
    ]
    updates: list[JsonValue] = []
    for n, u in enumerate(a.live_updates, 1):
        update: JsonObject = {"@type": "BlogPosting", "@id": f"{url}#update-{n}"}
        update["headline"] = u.headline
        update["datePublished"] = u.date.isoformat()
        if u.body:
            update["articleBody"] = u.body
        if u.author is not None:
            update["author"] = reporter
        update["position"] = n
        updates.append(update)
    art["liveBlogUpdate"] = updates
    site = a.site
    assert site is not None
    website: JsonObject = {"@type": "WebSite", "@id": f"{site.url}#website", "name": site.name}
    website["url"] = site.url
    website["inLanguage"] = site.language
    website["alternateName"] = list(site.alternate_names)
    website["publisher"] = {"@id": org["@id"]}
    website["potentialAction"] = {
        "@type": "SearchAction",
        "target": {"@type": "EntryPoint", "urlTemplate": site.search_url_template},
    }
    nodes.append(website)
    page["isPartOf"] = {"@id": website["@id"]}
    items: list[JsonValue] = []
    for n, c in enumerate(a.breadcrumbs, 1):
        item: JsonObject = {"@type": "ListItem", "position": n, "name": c.name}
        if c.url:
            item["item"] = c.url
        items.append(item)
    trail: JsonObject = {"@type": "BreadcrumbList", "@id": f"{url}#breadcrumb"}
    trail["itemListElement"] = items
    nodes.append(trail)
    page["breadcrumb"] = {"@id": trail["@id"]}
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


# The escaping to_script_tag used before it chained str.replace, timed for reference.
_TRANSLATE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def script_ratios(article: Article, repeat: int) -> None:
    loops = 200
    for compact in (True, False):
        label = "compact" if compact else "indented"
        options: dict[str, Any] = {"separators": (",", ":")} if compact else {"indent": 2}

        def tag(compact: bool = compact) -> None:
            for _ in range(loops):
                to_script_tag(article, compact=compact)

        def plain(options: dict[str, Any] = options) -> None:
            for _ in range(loops):
                json.dumps(to_jsonld(article), ensure_ascii=False, **options)

        def translated(options: dict[str, Any] = options) -> None:
            for _ in range(loops):
                json.dumps(to_jsonld(article), ensure_ascii=False, **options).translate(_TRANSLATE)

        tag_time, plain_time, translated_time = best_of(repeat, tag, plain, translated)
        print(f"to_script_tag ({label}): {tag_time / loops * 1e3:.3f} ms/article")
        print(f"to_jsonld + dumps ({label}): {plain_time / loops * 1e3:.3f} ms/article")
        print(f"  with str.translate escaping: {translated_time / loops * 1e3:.3f} ms/article")
        print(f"script ratio ({label}): {tag_time / plain_time:.2f}x (target <= 1.3x)")


def _newsroom_article() -> Article:
    sys.path.insert(0, str(ROOT / "examples"))
    import newsroom_page  # noqa: PLC0415 (an example script, not a package)

    article: Article = newsroom_page.build_article()
    return article


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
    script_ratios(article, options.repeat)

    newsroom = _newsroom_article()
    assert by_hand_newsroom(newsroom) == to_jsonld(newsroom), "the baseline must match"
    writer, hand = best_of(
        options.repeat,
        lambda: [json.dumps(to_jsonld(newsroom)) for _ in range(loops)],
        lambda: [json.dumps(by_hand_newsroom(newsroom)) for _ in range(loops)],
    )
    print(f"newsroom page: to_jsonld + dumps {writer / loops * 1e3:.3f} ms, by hand + dumps ")
    print(f"  {hand / loops * 1e3:.3f} ms; ratio {writer / hand:.2f}x (target <= 2.5x)")

    documents = corpus_documents()
    expand_all(documents)  # warm the bundled context once, as a long-running service would
    reader, expanded = best_of(
        options.repeat, lambda: read_all(documents), lambda: expand_all(documents)
    )
    print(f"from_jsonld on {len(documents)} corpus documents: {reader * 1e3:.0f} ms")
    print(f"pyld expand alone on the same documents: {expanded * 1e3:.0f} ms")
    print(f"expand / from_jsonld, whole corpus: {expanded / reader:.1f}x (target >= 3.5x)")
    per_document = []
    for document, page_url in documents:
        one = [(document, page_url)]
        read_one, expand_one = best_of(
            options.repeat, partial(read_all, one), partial(expand_all, one)
        )
        per_document.append(expand_one / read_one)
    print(
        f"expand / from_jsonld, median document: {statistics.median(per_document):.1f}x "
        "(target >= 8x)"
    )
    report_paths(documents)
    report_phases(documents, per_document, options.repeat)


def report_paths(documents: list[tuple[JsonValue, str | None]]) -> None:
    """How many documents each path reads: one walk, the two-step direct path, or pyld."""
    paths = {"one-walk graph": 0, "two-step direct": 0, "pyld": 0, "refused": 0}
    for document, page_url in documents:
        try:
            fixed = with_fixed_contexts(document)
            DirectGraph(fixed, base=page_url)
            paths["one-walk graph"] += 1
        except NotDirectGraph:
            try:
                expand_direct(fixed, base=page_url)
                paths["two-step direct"] += 1
            except Unsupported:
                paths["pyld"] += 1
        except Unsupported:
            paths["pyld"] += 1
        except NewspkgError:
            paths["refused"] += 1
    print("paths: " + ", ".join(f"{name} {count}" for name, count in paths.items()))


def report_phases(
    documents: list[tuple[JsonValue, str | None]], ratios: list[float], repeat: int
) -> None:
    """Where the time of the seven median documents (by ratio) goes, phase by phase."""
    order = sorted(range(len(documents)), key=ratios.__getitem__)
    middle = order[len(order) // 2 - 3 : len(order) // 2 + 4]
    totals = [0.0, 0.0, 0.0, 0.0]
    for index in middle:
        for phase, seconds in enumerate(_phases(*documents[index], repeat)):
            totals[phase] += seconds / len(middle)
    names = ("limits check", "graph", "index + articles", "read + build")
    print(
        "median documents, mean per document: "
        + ", ".join(
            f"{name} {seconds * 1e6:.0f} us" for name, seconds in zip(names, totals, strict=True)
        )
    )


def _phases(document: JsonValue, page_url: str | None, repeat: int) -> list[float]:
    """Seconds per call of each phase of `from_jsonld` on one document (steps differenced)."""
    loops = 20

    def looped(step: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            for _ in range(loops):
                with suppress(NewspkgError):
                    step()

        return run

    def chosen() -> tuple[_Page, list[Node]]:
        page = _Page(document, base_url=page_url, default_timezone=UTC)
        return page, page.articles()

    def whole() -> object:
        page, articles = chosen()
        return page.read(page.main(articles)) if articles else None

    check, graph, found, total = (
        seconds / loops
        for seconds in best_of(
            repeat,
            looped(partial(check_json_value, document)),
            looped(partial(read_graph, document, base=page_url)),
            looped(chosen),
            looped(whole),
        )
    )
    return [check, graph - check, found - graph, total - found]


if __name__ == "__main__":
    main()
