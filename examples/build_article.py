"""Build an article in Python, as a CMS plugin would, and print its native JSON.

Run: python examples/build_article.py
"""

from __future__ import annotations

import newspkg
from newspkg import (
    Article,
    ArticleKind,
    Author,
    Figure,
    Publisher,
    RelatedRead,
    SourceNote,
    SourceRole,
    parse_date,
)

SITE = "https://www.northlight-news.example"


def build() -> Article:
    """The story a newsroom filed: byline, hero image, figures, source trail, related reads."""
    return Article(
        url=f"{SITE}/news/2026/11/ferry-strike-ends",
        headline="Ferry strike ends after 11 days as crews accept pay deal",
        description="Crews return to the Baltic routes on Monday; the deal runs three years.",
        kind=ArticleKind.NEWS,
        authors=[
            Author(
                name="Aino Virtanen",
                url=f"{SITE}/authors/aino-virtanen",
                job_title="Transport reporter",
                location="Helsinki",
                knows_about=["Shipping", "Labour"],
            )
        ],
        publisher=Publisher(
            name="Northlight News",
            url=f"{SITE}/",
            logo=Figure(url=f"{SITE}/img/logo-600x60.png", width=600, height=60),
        ),
        # Pages print dates for people; parse_date reads them and refuses ambiguity.
        date_published=parse_date("Nov 28, 2026 08:15 +02:00"),
        date_modified=parse_date("2026-11-28T11:40:00+02:00"),
        section="Business",
        keywords=["ferries", "strike", "Baltic"],
        language="en-GB",
        image=Figure(
            url=f"{SITE}/img/2026/11/ferry-harbour-1600x900.jpg",
            alt="A ferry moored at an empty terminal in winter light",
            credit="Photo: Lauri Niemi / Northlight",
            width=1600,
            height=900,
        ),
        sources=[
            SourceNote(
                role=SourceRole.PRIMARY,
                title="Collective agreement for sea transport 2026–2029",
                url="https://www.union.example/agreements/sea-2026.pdf",
                publisher="Seafarers' Union",
                note="The signed agreement: pay rises and the three-year term.",
            ),
            SourceNote(
                role=SourceRole.SUPPORTING,
                title="Baltic ferry crews vote to end strike",
                url="https://www.reuters.example/world/europe/baltic-ferry-strike-vote/",
                publisher="Reuters",
                note="Reports the vote count.",
            ),
        ],
        related=[
            RelatedRead(
                url=f"{SITE}/news/2026/11/ferry-strike-day-one",
                headline="Ferry crews walk out over pay",
                section="Business",
            )
        ],
        body="Crews on the Baltic ferry routes voted to accept a three-year pay deal on Friday.",
        dateline="HELSINKI",
        is_accessible_for_free=True,
    )


if __name__ == "__main__":
    article = build()
    print(newspkg.to_json(article))
    print(f"# {newspkg.reading_time(article).label}, {len(article.sources)} sources")
