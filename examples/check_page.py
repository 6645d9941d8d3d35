"""Check a saved HTML page: read its article, then list what its markup lacks.

    python examples/check_page.py examples/page.html

Prints the article newspkg reads from the page (and where each value came from), then
the findings of `newspkg.check`; exits 1 when a finding is an error, as ``newspkg check``
does.
"""

from __future__ import annotations

import sys
from pathlib import Path

import newspkg


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else Path(__file__).with_name("page.html")
    page = path.read_bytes()  # bytes: newspkg decodes them as a browser would
    try:
        article = newspkg.from_html(page)
    except newspkg.NewspkgError as error:
        print(f"{path}: no article: {error}", file=sys.stderr)
        return 1
    print(f"{article.headline}\n  {article.url}")
    for note in article.provenance:
        print(f"  {note.field}: {note.source} ({note.detail})")
    findings = newspkg.check(page)
    for finding in findings:
        print(f"{finding.severity.value:<8}{finding.path}: {finding.message} [{finding.code}]")
    errors = [f for f in findings if f.severity is newspkg.Severity.ERROR]
    print(f"{len(findings)} findings, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
