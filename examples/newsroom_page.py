"""A whole newsroom page: site, breadcrumbs, paywall, a live blog with a video, corrections.

Builds the article a CMS would hand over, checks it, and prints a complete HTML page whose
head carries newspkg's meta tags and JSON-LD (WebSite, WebPage, BreadcrumbList, the
LiveBlogPosting with its updates, a VideoObject, the NewsMediaOrganization with its trust
policies)::

    python examples/newsroom_page.py > storm.html
"""

from __future__ import annotations

import html
from datetime import datetime, timedelta, timezone
from string import Template

import newspkg
from newspkg import (
    Article,
    ArticleKind,
    Author,
    Correction,
    Crumb,
    Figure,
    LiveUpdate,
    Publisher,
    Site,
    Translation,
    UpdateNote,
    Video,
)

CET = timezone(timedelta(hours=1))
HOME = "https://www.northlight-news.example/"
URL = f"{HOME}live/2026/11/storm-ingrid"

PAGE = Template("""\
<!doctype html>
<html lang="$lang">
<head>
<meta charset="utf-8">
<title>$title</title>
$meta_tags
$script_tag
</head>
<body>
<nav>$trail</nav>
<article>
<h1>$title</h1>
<div class="paywall">$first_update</div>
</article>
</body>
</html>
""")


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 14, hour, minute, tzinfo=CET)


def build_article() -> Article:
    """The live page of a storm, as the CMS knows it."""
    publisher = Publisher(
        name="Northlight News",
        url=HOME,
        logo=Figure(url=f"{HOME}img/logo-600x60.png", width=600, height=60),
        same_as=["https://x.com/northlightnews", "https://www.wikidata.org/wiki/Q0"],
        founding_date=datetime(1998, 3, 1, tzinfo=CET).date(),
        publishing_principles=f"{HOME}about/principles",
        corrections_policy=f"{HOME}about/corrections",
        ethics_policy=f"{HOME}about/ethics",
        diversity_policy=f"{HOME}about/diversity",
        masthead=f"{HOME}about/masthead",
        ownership_funding_info=f"{HOME}about/ownership",
        actionable_feedback_policy=f"{HOME}about/feedback",
        verification_fact_checking_policy=f"{HOME}about/verification",
        unnamed_sources_policy=f"{HOME}about/sources",
        no_bylines_policy=f"{HOME}about/bylines",
    )
    reporter = Author(
        name="Mara Lindqvist",
        url=f"{HOME}authors/mara-lindqvist",
        job_title="Energy correspondent",
        same_as=["https://x.com/maralindqvist"],
        works_for="Northlight News",
    )
    photographer = Author(name="Jonas Berg", url=f"{HOME}authors/jonas-berg")
    return Article(
        url=URL,
        headline="Storm Ingrid: levees hold as the rain eases",
        description="Live: the storm crosses the coast; what is open, what is closed.",
        kind=ArticleKind.LIVE_BLOG,
        authors=[reporter],
        publisher=publisher,
        date_published=at(6, 30),
        date_modified=at(13, 5),
        section="Weather",
        keywords=["Storm Ingrid", "flooding", "Baltic"],
        language="en-GB",
        image=Figure(
            url=f"{HOME}img/levee-1600x900.jpg",
            alt="Sandbags on the levee at dawn",
            width=1600,
            height=900,
            credit="Jonas Berg / Northlight",
            creator=photographer,
            license=f"{HOME}about/image-licence",
            acquire_license_page=f"{HOME}syndication",
            copyright_notice="© 2026 Northlight News",
        ),
        figures=[
            Figure(
                url=f"{HOME}img/levee-video-thumb.jpg",
                label="The levee at dawn",
                alt="Drone footage of the levee",
                width=1280,
                height=720,
                credit="Northlight video desk",
                video=Video(
                    upload_date=at(7, 10),
                    content_url=f"{HOME}video/levee.mp4",
                    embed_url=f"{HOME}embed/levee",
                    duration=95,
                ),
            )
        ],
        is_accessible_for_free=False,
        paywalled_parts=[".paywall"],
        site=Site(
            name="Northlight News",
            url=HOME,
            publisher=publisher,
            language="en-GB",
            alternate_names=["Northlight"],
            search_url_template=f"{HOME}search?q={{search_term_string}}",
        ),
        breadcrumbs=[
            Crumb(name="Home", url=HOME),
            Crumb(name="Weather", url=f"{HOME}weather"),
            Crumb(name="Storm Ingrid"),
        ],
        backstory="Our reporters have followed the storm from the coast since Friday.",
        editors=[Author(name="Tomas Holm", url=f"{HOME}authors/tomas-holm")],
        contributors=[photographer],
        corrections=[
            Correction(date=at(9, 40), text="An earlier update named the wrong river."),
        ],
        updates=[UpdateNote(date=at(13, 5), text="Updated to add the coast guard's statement.")],
        coverage_start=at(6, 30),
        coverage_end=at(22),
        live_updates=[
            LiveUpdate(
                headline="Levees hold overnight",
                date=at(7),
                body="Engineers say the levees held through the high tide.",
                author=reporter,
            ),
            LiveUpdate(
                headline="Rain eases on the coast",
                date=at(12, 45),
                body="The rain has eased; the coast guard lifts its warning at noon.",
            ),
        ],
        translations=[
            Translation(url=f"{HOME}sv/live/2026/11/storm-ingrid", language="sv"),
            Translation(url=f"{HOME}de/live/2026/11/sturm-ingrid", language="de"),
        ],
    )


def render_page(article: Article) -> str:
    """The page: its head holds the meta tags and JSON-LD, escaped by newspkg."""
    return PAGE.substitute(
        lang=html.escape(article.language or "en"),
        title=html.escape(article.headline),
        meta_tags=newspkg.to_meta_tags(article),
        script_tag=newspkg.to_script_tag(article),
        trail=" &rsaquo; ".join(html.escape(crumb.name) for crumb in article.breadcrumbs),
        first_update=html.escape(article.live_updates[0].body or ""),
    )


def main() -> None:
    article = build_article()
    for found in newspkg.check(article):
        if found.severity is not newspkg.Severity.INFO:
            raise SystemExit(f"{found.code} at {found.path}: {found.message}")
    print(render_page(article))


if __name__ == "__main__":
    main()
