"""Tests for the ``newspkg`` command, driven as a user drives it (CliRunner and a subprocess)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner, Result

from newspkg import (
    Article,
    Author,
    check,
    from_html,
    from_json,
    reading_time,
    to_json,
    to_jsonld,
    to_meta_tags,
    to_script_tag,
)
from newspkg._cli import cli
from newspkg._cli.inputs import PROGRESS_THRESHOLD, Input, with_progress
from newspkg._html.limits import read_up_to_limit

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

ARTICLE = Article(
    url="https://example.com/news/1",
    headline='Grid operators "brace"',
    authors=(Author(name="Mara Lindqvist", url="https://example.com/authors/mara"),),
    language="en-US",
    body="word " * 600,
)
PAGE = f"""<!doctype html><html lang="en"><head>
{to_script_tag(ARTICLE)}
<meta property="og:image" content="https://example.com/a.jpg">
</head><body><p>Hello</p></body></html>"""
NO_ARTICLE_PAGE = "<!doctype html><html><head><title>Home</title></head><body></body></html>"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    contents = {
        "article.json": to_json(ARTICLE),
        "doc.jsonld": json.dumps(to_jsonld(ARTICLE)),
        "page.html": PAGE,
        "home.html": NO_ARTICLE_PAGE,
        "bad.json": "{oops",
        "invalid.json": '{"format_version": 1, "url": "not a url", "headline": ""}',
    }
    paths = {}
    for name, text in contents.items():
        paths[name] = tmp_path / name
        paths[name].write_text(text, encoding="utf-8")
    return paths


def run(*args: str | Path, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args], input=stdin)


# --- help, version, usage --------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["jsonld"], ["meta"], ["read"], ["check"], ["readtime"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = run(*command, "--help")

    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: newspkg")


def test_version() -> None:
    result = run("--version")

    assert result.exit_code == 0
    assert result.stdout.startswith("newspkg, version ")


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],
        ["read", "--no-such-option", "x"],
        ["jsonld"],
        ["read"],
        ["check"],
        ["check", "--format", "xml", "x"],
        ["readtime", "--speed", "0", "x"],
        ["readtime", "--speed", "fast", "x"],
    ],
)
def test_usage_errors_exit_2_with_a_message(args: list[str]) -> None:
    result = run(*args)

    assert result.exit_code == 2
    assert "Error:" in result.stderr
    assert result.stdout == ""


def test_a_real_subprocess_runs_python_dash_m_newspkg(files: dict[str, Path]) -> None:
    helped = subprocess.run(
        [sys.executable, "-m", "newspkg", "--help"], capture_output=True, text=True, check=False
    )
    read = subprocess.run(
        [sys.executable, "-m", "newspkg", "read", "-"],
        input=PAGE,
        capture_output=True,
        text=True,
        check=False,
    )
    missing = subprocess.run(
        [sys.executable, "-m", "newspkg", "meta", str(files["article.json"].with_name("nope"))],
        capture_output=True,
        text=True,
        check=False,
    )

    assert (helped.returncode, helped.stderr) == (0, "")
    assert helped.stdout.startswith("Usage: newspkg")
    for command in ("jsonld", "meta", "read", "check", "readtime"):
        assert command in helped.stdout
    assert read.returncode == 0
    assert from_json(read.stdout) == from_html(PAGE)
    assert missing.returncode == 2
    assert missing.stderr.startswith("newspkg: ")
    assert "Traceback" not in missing.stderr


# --- jsonld, meta ----------------------------------------------------------------------------


def test_jsonld_writes_the_json_ld_document(files: dict[str, Path]) -> None:
    result = run("jsonld", files["article.json"])

    assert result.exit_code == 0
    assert to_jsonld(ARTICLE) == json.loads(result.stdout)


def test_hand_written_native_json_needs_no_version_marker(tmp_path: Path) -> None:
    article = tmp_path / "hand.json"
    article.write_text(
        '{"url": "https://news.example.org/a", "headline": "Hand-written"}', encoding="utf-8"
    )

    result = run("jsonld", article)

    assert result.exit_code == 0
    assert json.loads(result.stdout)["@graph"][0]["headline"] == "Hand-written"


def test_jsonld_script_writes_the_script_tag_from_stdin(files: dict[str, Path]) -> None:
    result = run("jsonld", "--script", "-", stdin=files["article.json"].read_text())

    assert result.exit_code == 0
    assert to_script_tag(ARTICLE) + "\n" == result.stdout


def test_jsonld_script_compact_writes_one_line(files: dict[str, Path]) -> None:
    result = run("jsonld", "--script", "--compact", files["article.json"])

    assert result.exit_code == 0
    assert to_script_tag(ARTICLE, compact=True) + "\n" == result.stdout


def test_meta_writes_the_head_tags(files: dict[str, Path]) -> None:
    result = run("meta", files["article.json"])

    assert result.exit_code == 0
    assert to_meta_tags(ARTICLE) + "\n" == result.stdout


@pytest.mark.parametrize(
    ("name", "status", "message"),
    [
        ("bad.json", 1, "bad.json: not valid JSON"),
        ("home.html", 1, "home.html: the page has no JSON-LD block"),
        ("invalid.json", 1, "invalid.json: url: not an absolute http(s) URL"),
        ("missing.json", 2, "missing.json: No such file or directory"),
    ],
)
def test_jsonld_and_meta_report_bad_input_on_stderr(
    files: dict[str, Path], name: str, status: int, message: str
) -> None:
    path = files["article.json"].with_name(name)
    for command in ("jsonld", "meta"):
        result = run(command, path)

        assert result.exit_code == status
        assert result.stdout == ""
        assert result.stderr.startswith("newspkg: ")
        assert message in result.stderr
        assert "Traceback" not in result.stderr


def test_a_directory_cannot_be_read(tmp_path: Path) -> None:
    result = run("read", tmp_path)

    assert result.exit_code == 2
    assert f"newspkg: {tmp_path}: " in result.stderr


# --- read ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["article.json", "doc.jsonld", "page.html"])
def test_read_recognises_every_kind_of_input_by_content(files: dict[str, Path], name: str) -> None:
    renamed = files[name].rename(files[name].with_suffix(".txt"))

    result = run("read", renamed)

    assert result.exit_code == 0
    article = from_json(result.stdout)
    assert (article.url, article.headline) == (ARTICLE.url, ARTICLE.headline)
    assert result.stdout.startswith('{\n  "format_version": 2')  # one file: indented


def test_read_of_a_page_keeps_the_provenance_of_filled_fields(files: dict[str, Path]) -> None:
    article = from_json(run("read", files["page.html"]).stdout)

    assert article.image is not None
    assert "image" in {note.field for note in article.provenance}


def test_read_url_resolves_a_meta_only_page(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        '<title>T</title><link rel="canonical" href="/a">'
        '<meta property="og:type" content="article">'
    )

    result = run("read", "--url", "https://example.com/x", page)

    assert result.exit_code == 0
    assert from_json(result.stdout).url == "https://example.com/a"


def test_read_streams_json_lines_and_reports_each_bad_file(files: dict[str, Path]) -> None:
    names = ["page.html", "bad.json", "missing.json", "doc.jsonld", "home.html", "article.json"]

    result = run("read", *(files["page.html"].with_name(name) for name in names))

    assert result.exit_code == 2  # a file could not be read at all
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert [ARTICLE.headline] * 3 == [from_json(line).headline for line in lines]
    errors = result.stderr.splitlines()
    assert any("bad.json: not valid JSON" in line for line in errors)
    assert any("missing.json: No such file or directory" in line for line in errors)
    assert any("home.html: the page has no JSON-LD block" in line for line in errors)
    assert errors[-1] == (
        "read 3 articles from 5 inputs; 2 inputs had no article; 1 file could not be read"
    )


def test_read_exits_1_when_an_input_has_no_article(files: dict[str, Path]) -> None:
    result = run("read", files["page.html"], files["home.html"])

    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "read 1 article from 2 inputs; 1 input had no article"


def test_read_jsonl_reads_one_document_per_line_from_stdin(files: dict[str, Path]) -> None:
    lines = [
        to_json(ARTICLE, indent=None),
        "",
        "{oops",
        json.dumps(to_jsonld(ARTICLE)),
    ]

    result = run("read", "--jsonl", stdin="\n".join(lines) + "\n")

    assert result.exit_code == 1
    assert [ARTICLE.headline] * 2 == [from_json(x).headline for x in result.stdout.splitlines()]
    assert "newspkg: <stdin>:3: not valid JSON" in result.stderr


# --- check -----------------------------------------------------------------------------------


def test_check_groups_findings_by_file_and_ends_with_a_summary(files: dict[str, Path]) -> None:
    result = run("check", files["page.html"], files["bad.json"], files["home.html"])

    assert result.exit_code == 1  # bad.json is an error
    lines = result.stdout.splitlines()
    assert str(files["bad.json"]) in lines
    bad = lines.index(str(files["bad.json"]))
    assert lines[bad + 1].startswith("  error   $: not valid JSON")
    assert lines[bad + 1].endswith("[jsonld-invalid-json]")
    assert lines[-1].startswith("checked 3 files: 1 error, ")
    assert "\x1b[" not in result.stdout  # no colour off a terminal


def test_check_colours_with_color(files: dict[str, Path]) -> None:
    result = run("--color", "check", files["bad.json"])

    assert "\x1b[31m" in result.stdout  # red "error"


def test_check_of_a_clean_article_exits_0(files: dict[str, Path]) -> None:
    result = run("check", "--format", "json", files["article.json"])

    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 0
    assert not any(f["severity"] == "error" for r in records for f in r["findings"])


CI_DOC = (
    '{"@context": "https://schema.org", "@type": "AnalysisNewsArticle", "headline": "Hi",'
    ' "author": "By Jane Doe", "datePublished": "2026-04-06T09:30:00+02:00",'
    ' "dateModified": "2026-04-06T09:30:00+02:00", "image": "https://example.com/a.jpg"}'
)


def reported(result: Result) -> list[str]:
    return [
        line.rsplit("[", 1)[1].rstrip("]") for line in result.stdout.splitlines() if "[" in line
    ]


@pytest.mark.parametrize(
    ("options", "codes", "exit_code"),
    [
        ([], ["author-name-byline-prefix", "schema-text-for-thing"], 0),
        (["--fail-on", "warning"], ["author-name-byline-prefix", "schema-text-for-thing"], 1),
        (["--fail-on", "info", "--select", "vocabulary"], ["schema-text-for-thing"], 1),
        (
            ["--fail-on", "warning", "--ignore", "author-name-byline-prefix"],
            ["schema-text-for-thing"],
            0,
        ),
        (["--fail-on", "warning", "--min-severity", "warning"], ["author-name-byline-prefix"], 1),
        (
            ["--select", "schema-pending-term,google", "--select", "vocabulary"],
            ["schema-pending-term", "author-name-byline-prefix", "schema-text-for-thing"],
            0,
        ),
        (["--fail-on", "never", "--select", "google"], ["author-name-byline-prefix"], 0),
    ],
)
def test_check_for_ci_selects_ignores_and_fails_on(
    tmp_path: Path, options: list[str], codes: list[str], exit_code: int
) -> None:
    path = tmp_path / "doc.jsonld"
    path.write_text(CI_DOC, encoding="utf-8")

    result = run("check", *options, path)

    assert (reported(result), result.exit_code) == (codes, exit_code)


def test_check_names_the_option_of_an_unknown_code(files: dict[str, Path]) -> None:
    result = run("check", "--ignore", "google,missing-imag", files["article.json"])

    assert result.exit_code == 2
    assert "--ignore: unknown code 'missing-imag'" in result.stderr
    assert result.stdout == ""


def test_check_json_writes_one_record_per_input_and_the_summary_on_stderr(
    files: dict[str, Path],
) -> None:
    result = run(
        "check", "--format", "json", files["bad.json"], files["invalid.json"], files["home.html"]
    )

    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [str(files[n]) for n in ("bad.json", "invalid.json", "home.html")] == [
        r["file"] for r in records
    ]
    assert records[0]["findings"][0]["code"] == "jsonld-invalid-json"
    assert {"severity", "code", "path", "message"} == set(records[0]["findings"][0])
    assert records[1]["error"][0].startswith("url: not an absolute http(s) URL")
    assert "html-no-jsonld" in {f["code"] for f in records[2]["findings"]}
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith("checked 3 files: 1 error, ")
    assert "1 input could not be checked" in result.stderr


def test_check_of_a_json_ld_file_runs_the_text_level_checks(tmp_path: Path) -> None:
    text = json.dumps(to_jsonld(ARTICLE)).replace('"Mara Lindqvist"', '"Mara\tLindqvist"')
    path = tmp_path / "tab.jsonld"
    path.write_text(text, encoding="utf-8")

    result = run("check", "--format", "json", path)

    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    codes = [f["code"] for f in record["findings"]]
    assert "jsonld-control-characters" in codes
    assert codes == [f.code for f in check(text.encode())]


def test_check_goes_on_after_a_missing_file_and_exits_2(files: dict[str, Path]) -> None:
    result = run("check", files["page.html"].with_name("missing.html"), files["page.html"])

    assert result.exit_code == 2
    assert "newspkg: " in result.stderr
    assert "missing.html: No such file or directory" in result.stderr
    assert result.stdout.splitlines()[-1].endswith("; 1 file could not be read")


def test_check_jsonl_names_inputs_by_line(files: dict[str, Path]) -> None:
    stdin = "{oops\n" + json.dumps(to_jsonld(ARTICLE)) + "\n"

    result = run("check", "--jsonl", "-", stdin=stdin)

    assert "<stdin>:1" in result.stdout.splitlines()
    assert result.stdout.splitlines()[-1].startswith("checked 2 documents: 1 error")
    assert result.exit_code == 1


# --- readtime --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "speed"),
    [([], None), (["--speed", "hugo"], "hugo"), (["--speed", "100"], 100.0)],
)
def test_readtime_prints_the_label(
    files: dict[str, Path], options: list[str], speed: str | float | None
) -> None:
    result = run("readtime", *options, files["article.json"])

    assert result.exit_code == 0
    assert reading_time(ARTICLE, speed=speed).label + "\n" == result.stdout


def test_readtime_json_and_lang(files: dict[str, Path]) -> None:
    result = run("readtime", "--format", "json", "--lang", "de", files["article.json"])

    expected = reading_time(ARTICLE, lang="de")
    assert {
        "minutes": expected.minutes,
        "label": expected.label,
        "iso8601": expected.iso8601,
        "words": 600,
    } == json.loads(result.stdout)


def test_readtime_bad_lang_is_a_usage_error(files: dict[str, Path]) -> None:
    result = run("readtime", "--lang", "not a tag!", files["article.json"])

    assert result.exit_code == 2
    assert "--lang" in result.stderr


def test_readtime_of_a_page_without_an_article_body_times_the_page(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    bodiless = Article(url=ARTICLE.url, headline=ARTICLE.headline)
    page.write_text(f"<head>{to_script_tag(bodiless)}</head><body><p>{'word ' * 600}</p></body>")

    result = run("readtime", page)

    assert result.exit_code == 0
    assert "timing the page's text" in result.stderr
    assert result.stdout.strip().endswith("min read")


def test_readtime_of_an_article_without_a_body_fails(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(to_json(Article(url=ARTICLE.url, headline="H")))

    result = run("readtime", path)

    assert result.exit_code == 1
    assert "has no body or word count" in result.stderr


# --- progress --------------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _items(count: int) -> Iterator[Input]:
    return (Input(f"f{i}", b"") for i in range(count))


def test_a_progress_bar_shows_on_stderr_only_for_long_runs_to_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stderr, stdout = _Terminal(), io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    monkeypatch.setattr(sys, "stdout", stdout)
    names = tuple(f"f{i}" for i in range(PROGRESS_THRESHOLD))

    assert len(list(with_progress(_items(20), names))) == 20
    assert "newspkg" in stderr.getvalue()

    short = _Terminal()
    monkeypatch.setattr(sys, "stderr", short)
    assert len(list(with_progress(_items(3), names[:3]))) == 3
    assert short.getvalue() == ""


def test_no_progress_bar_when_stdout_is_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    stderr = _Terminal()
    monkeypatch.setattr(sys, "stderr", stderr)
    monkeypatch.setattr(sys, "stdout", _Terminal())
    names = tuple(f"f{i}" for i in range(PROGRESS_THRESHOLD))

    assert len(list(with_progress(_items(20), names))) == 20
    assert stderr.getvalue() == ""


def test_a_file_over_the_size_limit_is_not_read(
    files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("newspkg._cli.inputs.MAX_HTML_SIZE", 10)

    result = run("check", files["page.html"])

    assert result.exit_code == 2
    assert "page.html: larger than 10 bytes; not read" in result.stderr


class _Trickle(io.RawIOBase):
    """A stream that gives at most 1,000 bytes a read, as a pipe may."""

    def __init__(self, data: bytes) -> None:
        self.left = data

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer, /) -> int:
        view = memoryview(buffer)
        size = min(len(view), 1000, len(self.left))
        view[:size] = self.left[:size]
        self.left = self.left[size:]
        return size


@pytest.mark.parametrize("size", [0, 1, 64 * 1024, 64 * 1024 + 1, 300_000, 300_001, 900_000])
def test_an_input_is_read_whole_or_to_one_byte_over_the_limit(size: int) -> None:
    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    limit = 300_000

    for stream in (io.BytesIO(data), _Trickle(data), io.BufferedReader(_Trickle(data))):
        assert read_up_to_limit(stream, limit) == data[: limit + 1]


def test_check_text_reports_an_invalid_native_article_on_stderr(files: dict[str, Path]) -> None:
    result = run("check", files["invalid.json"])

    assert result.exit_code == 1
    assert "invalid.json: url: not an absolute http(s) URL" in result.stderr
    assert result.stdout.splitlines()[-1].endswith("; 1 input could not be checked")


def test_main_stops_quietly_when_stdout_closes(files: dict[str, Path]) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "newspkg", "read", *[str(files["page.html"])] * 200],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None
        process.stdout.readline()
        process.stdout.close()
        assert process.stderr is not None
        stderr = process.stderr.read().decode()
        status = process.wait()

    assert "Traceback" not in stderr
    assert status in {0, 1}
