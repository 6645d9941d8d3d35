"""Compile the read-time label catalogs (.po -> .mo) and check their plural rules against CLDR.

The .po files under ``src/newspkg/_data/locale/`` are the source; the .mo files beside them
are what the library reads (with the standard library's `gettext`, so Babel is needed only
here, to compile and to check each catalog's ``Plural-Forms`` against CLDR's rules).

Run: ``.venv/bin/python scripts/compile_catalogs.py [--check]`` (``--check`` compiles in memory
and exits 1 when a .mo file is stale or a plural rule differs from CLDR's).
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "src" / "newspkg" / "_data" / "locale"


def catalogs() -> list[Path]:
    """Every .po file of the label catalogs."""
    return sorted(LOCALE.glob("*/LC_MESSAGES/newspkg.po"))


def compiled(po_path: Path) -> bytes:
    """The .mo bytes of one catalog."""
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=po_path.parent.parent.name)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def plural_problem(po_path: Path) -> str | None:
    """Why a catalog's Plural-Forms is not CLDR's rule for its language, or None."""
    language = po_path.parent.parent.name
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=language)
    expected = get_plural(language)
    if (catalog.num_plurals, catalog.plural_expr) != (
        expected.num_plurals,
        expected.plural_expr,
    ):
        return f"{language}: Plural-Forms differ from CLDR's {expected.plural_forms!r}"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    options = parser.parse_args()
    problems = []
    for po_path in catalogs():
        problem = plural_problem(po_path)
        if problem:
            problems.append(problem)
        mo_path = po_path.with_suffix(".mo")
        data = compiled(po_path)
        if options.check:
            if not mo_path.exists() or mo_path.read_bytes() != data:
                problems.append(f"{mo_path.relative_to(LOCALE)} is stale: run {__file__}")
        else:
            mo_path.write_bytes(data)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
