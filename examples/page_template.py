"""Render an article page's head: the meta tags and the JSON-LD script tag, in a template.

Run it with a native JSON article, or without arguments for a built-in one::

    python examples/page_template.py                 # prints a whole page
    python examples/page_template.py article.json > page.html

``string.Template`` is enough: `newspkg.to_meta_tags` and `newspkg.to_script_tag` return
markup that is already escaped, and the title is escaped here with `html.escape`.
"""

from __future__ import annotations

import html
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from string import Template

import newspkg

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
<article>
<h1>$title</h1>
<p>$byline</p>
</article>
</body>
</html>
""")

EXAMPLE = newspkg.Article(
    url="https://example.com/news/2026/04/grid-operators-brace",
    headline="Grid operators brace for a winter of record demand",
    description="Operators across northern Europe are preparing for peaks & shortfalls.",
    authors=(
        newspkg.Author(name="Mara Lindqvist", url="https://example.com/authors/mara-lindqvist"),
    ),
    publisher=newspkg.Publisher(name="Example News", url="https://example.com/"),
    date_published=datetime(2026, 4, 6, 9, 30, tzinfo=timezone(timedelta(hours=2))),
    section="Energy",
    keywords=("energy", "grid", "winter"),
    language="en-GB",
    image=newspkg.Figure(
        url="https://example.com/img/grid-16x9.jpg", alt="A substation", width=1600, height=900
    ),
    body="Grid operators across northern Europe are preparing for a winter of record demand. " * 40,
)


def render_page(article: newspkg.Article) -> str:
    """Return a whole HTML page for ``article``, its head complete for search and sharing."""
    return PAGE.substitute(
        lang=html.escape(article.language or "en"),
        title=html.escape(article.headline),
        meta_tags=newspkg.to_meta_tags(article),
        script_tag=newspkg.to_script_tag(article),
        byline=html.escape(", ".join(author.name for author in article.authors)),
    )


def main(argv: list[str]) -> int:
    article = EXAMPLE
    if argv:
        article = newspkg.from_json(Path(argv[0]).read_text(encoding="utf-8"))
    sys.stdout.write(render_page(article))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
