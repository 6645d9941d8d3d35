"""Print the example article's schema.org JSON-LD, then the script tag to paste into a page.

Run from anywhere: ``python examples/print_jsonld.py``
"""

from __future__ import annotations

import json
from pathlib import Path

from newspkg import from_json, to_jsonld, to_script_tag

ARTICLE = Path(__file__).resolve().parent / "article.json"


def main() -> None:
    article = from_json(ARTICLE.read_text(encoding="utf-8"))
    print(json.dumps(to_jsonld(article), ensure_ascii=False, indent=2))
    print()
    print(to_script_tag(article))


if __name__ == "__main__":
    main()
