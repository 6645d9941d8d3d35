"""`import newspkg` loads nothing heavy; each part loads when first used.

Checked in fresh interpreters, since this test process has long imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).parent / "golden" / "example_article.jsonld"
HEAVY = ["pyld", "requests", "aiohttp", "lxml", "click", "importlib.metadata", "dateutil"]


def loaded_after(code: str) -> dict[str, object]:
    """Run ``code`` in a fresh interpreter; report which modules it loaded and what it printed."""
    probe = (
        "import json, sys\n"
        f"{code}\n"
        "_v = sys.modules.get('newspkg._schemaorg.vocabulary')\n"
        "print(json.dumps({'modules': sorted(sys.modules),"
        " 'vocabulary_loaded': _v is not None and _v.vocabulary.cache_info().currsize > 0}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    report: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    return report


def modules_of(report: dict[str, object]) -> list[str]:
    """The names of the modules a probe (`loaded_after`, `cli_loaded`) found loaded."""
    modules = report["modules"]
    assert isinstance(modules, list)
    return modules


def test_importing_the_package_loads_no_dependency_and_no_vocabulary() -> None:
    report = loaded_after("import newspkg")

    modules = modules_of(report)
    assert [name for name in HEAVY if name in modules] == []
    assert [name for name in modules if name.startswith(("attr", "cattrs", "regex"))] == []
    assert report["vocabulary_loaded"] is False


def test_reading_a_schema_org_document_needs_no_pyld_and_no_context_processing() -> None:
    report = loaded_after(
        "import newspkg\n"
        "from newspkg._jsonld import processing\n"
        "article = newspkg.from_jsonld({'@context': 'https://schema.org', '@type': 'NewsArticle',"
        " 'url': 'https://example.com/a', 'headline': 'Hi'})\n"
        "assert article.headline == 'Hi'\n"
        "assert processing._SHARED_CACHE._slot is None, 'the context was processed'"
    )

    modules = modules_of(report)
    assert [name for name in HEAVY if name in modules] == []
    assert report["vocabulary_loaded"] is False


@pytest.mark.parametrize(
    ("name", "module"),
    [("check", "newspkg._checks.run"), ("from_html", "selectolax"), ("to_json", "cattrs")],
)
def test_each_part_loads_when_first_used(name: str, module: str) -> None:
    report = loaded_after(f"import newspkg\nnewspkg.{name}")

    modules = modules_of(report)
    assert module in modules


def test_the_version_is_read_on_first_use() -> None:
    report = loaded_after("import newspkg\nassert newspkg.__version__")

    modules = modules_of(report)
    assert "importlib.metadata" in modules


def test_the_jsonld_command_loads_neither_the_checks_nor_the_page_reader(tmp_path: Path) -> None:
    document = tmp_path / "article.json"
    document.write_text(
        json.dumps(
            {"@context": "https://schema.org", "@type": "NewsArticle", "url": "https://e.x/a"}
            | {"headline": "Hi"}
        ),
        encoding="utf-8",
    )
    report = loaded_after(
        "import contextlib, io\n"
        "from newspkg._cli import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        f"    cli.main(['jsonld', {str(document)!r}], prog_name='newspkg')\n"
    )

    modules = modules_of(report)
    assert "newspkg._cli.convert" in modules  # the command ran
    unwanted = ["newspkg._checks.run", "newspkg._html.page", "newspkg._batch.read"]
    assert [name for name in unwanted if name in modules] == []


def test_the_jsonld_command_times_a_body_without_regex_labels_or_html_parser(
    tmp_path: Path,
) -> None:
    # The word count and the ISO duration are all the writer takes from the read time:
    # 9 words (not € or –) 40 times, at 238 words a minute.
    document = tmp_path / "article.json"
    body = "Größe “Übermaß” – 12 € für die Thermen, schön und e-mail-frei. " * 40
    document.write_text(
        json.dumps(
            {"@context": "https://schema.org", "@type": "NewsArticle", "url": "https://e.x/a"}
            | {"headline": "Hi", "articleBody": body, "datePublished": "2026-04-06T09:30+02:00"}
        ),
        encoding="utf-8",
    )
    report = loaded_after(
        "import contextlib, io\n"
        "from newspkg._cli import cli\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):\n"
        f"    cli.main(['jsonld', {str(document)!r}], prog_name='newspkg')\n"
        "written = json.loads(out.getvalue())['@graph']\n"
        "article = next(node for node in written if node['@type'] == 'NewsArticle')\n"
        "assert (article['wordCount'], article['timeRequired']) == (360, 'PT2M'), article\n"
    )

    modules = modules_of(report)
    assert "newspkg._readtime.estimate" in modules  # the body was timed
    unwanted = [
        "regex", "selectolax", "newspkg._html.text", "newspkg._readtime.labels",
        "newspkg._readtime.dictionary", "zoneinfo",
    ]  # fmt: skip
    assert [name for name in unwanted if name in modules] == []


@pytest.mark.parametrize(
    ("code", "module"),
    [
        ("assert newspkg.reading_time('word').label == '1 min read'", "newspkg._readtime.labels"),
        ("assert newspkg.reading_time('<p>a b</p>').words == 2", "newspkg._html.text"),
        ("assert newspkg.count_words('e\u0301t a\u3005b') == 3", "regex"),
        ("assert newspkg.reading_time('Москва сегодня').language == 'ru'", "regex"),
    ],
)
def test_each_reading_time_part_loads_when_first_used(code: str, module: str) -> None:
    report = loaded_after(f"import newspkg\n{code}")

    modules = modules_of(report)
    assert module in modules


def test_reading_a_document_needs_no_importlib_resources() -> None:
    # It brings tempfile, shutil, random, bz2 and lzma: ~4 ms of import for nothing read.
    report = loaded_after(
        "from pathlib import Path\n"
        "from newspkg import from_jsonld\n"
        f"from_jsonld(Path({str(EXAMPLE)!r}).read_text(encoding='utf-8'))"
    )

    modules = modules_of(report)
    assert [name for name in modules if name.startswith("importlib.resources")] == []


def test_the_reader_works_out_its_tables_when_imported() -> None:
    # What the first document would otherwise work out (docs/performance.md, "The first
    # call"): the example article, all of whose keys and types the reader reads, adds none.
    probe = (
        "import json\n"
        "from pathlib import Path\n"
        "from newspkg import from_jsonld\n"
        "from newspkg._jsonld import direct, direct_graph, values\n"
        "from newspkg._readtime import word_segments\n"
        "def sizes():\n"
        "    memos = sum(len(c.keys) + len(c.types) for c in direct._CONTEXTS.values())\n"
        "    return [len(values._PLANS), len(values._REQUIRED), memos,\n"
        "            len(direct_graph._NAMES), word_segments._block_kinds.cache_info().currsize]\n"
        "before = sizes()\n"
        f"from_jsonld(Path({str(EXAMPLE)!r}).read_text(encoding='utf-8'))\n"
        "print(json.dumps([before, sizes()]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    before, after = json.loads(result.stdout)

    assert all(before)
    assert after == before


# Loaded by ``newspkg jsonld`` only for the documents that need them (issue 11): cattrs for
# native JSON, the checks for ``check``, `regex` and the reading-time code for a body or
# word count, the workers' code for ``--jobs`` above 1 (and multiprocessing only where it
# cannot fork its workers itself).
LAZY_IN_JSONLD = [
    "cattrs",
    "newspkg._native",
    "newspkg._checks.findings",
    "newspkg._checks.select",
    "regex",
    "newspkg._readtime.words",
    "newspkg._readtime.estimate",
    "multiprocessing",
    "newspkg._batch.forked",
]


def cli_loaded(tmp_path: Path, document: dict[str, object], *args: str) -> dict[str, object]:
    """Run ``newspkg ARGS FILE`` on ``document`` in a fresh interpreter (as `loaded_after`)."""
    path = tmp_path / "input.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return loaded_after(
        "import contextlib, io\n"
        "from newspkg._cli import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        f"    cli.main([*{list(args)!r}, {str(path)!r}], prog_name='newspkg')\n"
    )


PLAIN: dict[str, object] = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "url": "https://e.x/a",
} | {
    "headline": "Hi",
    "datePublished": "2026-11-27T07:00:00+01:00",
    "author": {"@type": "Person", "name": "Mara Lindqvist"},
}


def test_jsonld_on_a_document_without_body_loads_no_native_checks_or_word_counting(
    tmp_path: Path,
) -> None:
    report = cli_loaded(tmp_path, PLAIN, "jsonld")

    modules = modules_of(report)
    assert "newspkg._cli.convert" in modules  # the command ran
    assert [name for name in LAZY_IN_JSONLD if name in modules] == []


@pytest.mark.parametrize(
    ("document", "args", "needed"),
    [
        (PLAIN | {"articleBody": "One two three."}, ["jsonld"], "newspkg._readtime.words"),
        (PLAIN | {"wordCount": 3}, ["jsonld"], "newspkg._readtime.estimate"),
        ({"format_version": 2, "url": "https://e.x/a", "headline": "Hi"}, ["jsonld"], "cattrs"),
        (PLAIN, ["read"], "newspkg._native"),
        (PLAIN, ["check"], "newspkg._checks.select"),
        (PLAIN, ["readtime"], "newspkg._readtime.estimate"),
        (PLAIN, ["jsonld", "--jobs", "2"], "newspkg._batch.forked"),
    ],
)
def test_what_jsonld_leaves_out_still_loads_when_a_document_or_command_needs_it(
    tmp_path: Path, document: dict[str, object], args: list[str], needed: str
) -> None:
    report = cli_loaded(tmp_path, document, *args)

    modules = modules_of(report)
    assert needed in modules


def test_the_lazily_loaded_parts_give_the_same_results(tmp_path: Path) -> None:
    # In fresh interpreters, each loading the reading-time code or cattrs on first use.
    body = PLAIN | {"articleBody": "One two three four.", "wordCount": 4}
    probe = (
        "import contextlib, io, json\n"
        "from newspkg._cli import cli\n"
        "def run(args):\n"
        "    out = io.StringIO()\n"
        "    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):\n"
        "        cli.main(args, prog_name='newspkg')\n"
        "    return out.getvalue()\n"
    )
    path = tmp_path / "body.json"
    path.write_text(json.dumps(body), encoding="utf-8")
    written = subprocess.run(
        [sys.executable, "-c", probe + f"print(run(['jsonld', {str(path)!r}]))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    graph = json.loads(written)["@graph"]
    assert graph[0]["wordCount"] == 4
    assert graph[0]["timeRequired"] == "PT1M"

    native = tmp_path / "native.json"
    read = subprocess.run(
        [sys.executable, "-c", probe + f"print(run(['read', {str(path)!r}]))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    native.write_text(read, encoding="utf-8")
    again = subprocess.run(
        [sys.executable, "-c", probe + f"print(run(['jsonld', {str(native)!r}]))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(again) == json.loads(written)


@pytest.mark.parametrize(
    ("name", "module"),
    [
        ("from_jsonld", "newspkg._readtime.words"),
        ("iter_articles", "newspkg._readtime.words"),
        ("read_batch", "newspkg._readtime.words"),
        ("to_jsonld", "newspkg._readtime.estimate"),
        ("to_script_tag", "newspkg._readtime.estimate"),
    ],
)
def test_a_public_name_loads_what_its_first_call_needs(name: str, module: str) -> None:
    # So the library's first call (benchmarks/bench_import.py) pays no import.
    report = loaded_after(f"import newspkg\nnewspkg.{name}")

    modules = modules_of(report)
    assert module in modules
