"""Batches: every record of an archive gives exactly one result, in order, on any number of jobs."""

from __future__ import annotations

import concurrent.futures
import functools
import gc
import io
import json
import multiprocessing
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from unittest.mock import ANY

import pytest
from click.testing import CliRunner

import newspkg._batch.inputs
import newspkg._batch.process
import newspkg._batch.runner
import newspkg._jsonld.processing
from newspkg import (
    Article,
    BatchResult,
    from_html,
    iter_records,
    read_batch,
    result_line,
    to_dict,
    to_json,
    to_jsonld,
    to_script_tag,
)
from newspkg._batch.archive import ArchiveStats, write_archive
from newspkg._batch.handback import (
    FIRST_HAND_BACKS,
    HAND_BACK_SHARE,
    HandBack,
    hand_back_to_parent,
)
from newspkg._batch.outputs import BatchTally
from newspkg._batch.process import process_record
from newspkg._batch.records import BatchRecord, Content, ErrorInfo
from newspkg._batch.runner import ordered_map
from newspkg._cli import cli
from newspkg._cli.batch import BatchProgress

ARTICLE = Article(url="https://example.com/news/1", headline="Grid operators brace", body="w " * 50)
PAGES = 50  # one of each kind of trouble: a 404 (7), an image (17), a broken page (27)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ArchiveStats]:
    path = tmp_path_factory.mktemp("warc") / "site.warc.gz"
    return path, write_archive(path, pages=PAGES)


def _warc(path: Path, records: list[tuple[str, str, bytes, list[tuple[str, str]] | None]]) -> Path:
    """A WARC of (type, URL, payload, HTTP headers or None) records."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        for kind, url, payload, http in records:
            headers = None
            if http is not None:
                status, *fields = http
                headers = StatusAndHeaders(status[1], fields, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                kind,
                payload=io.BytesIO(payload),
                length=len(payload),
                http_headers=headers,
                warc_content_type="text/html" if kind == "resource" else None,
            )
            writer.write_record(record)
    return path


# --- WARC -------------------------------------------------------------------------------------


def test_a_warc_gives_one_result_per_page_whatever_the_page(
    archive: tuple[Path, ArchiveStats],
) -> None:
    path, stats = archive

    results = list(read_batch([path], findings=True))

    assert len(results) == stats.pages == PAGES
    assert len({result.id for result in results}) == PAGES
    assert all(result.id.startswith("<urn:uuid:") for result in results)
    assert [r.skipped for r in results if r.skipped] == [
        "HTTP status 404",
        "not HTML or JSON (image/png)",
    ]
    assert [(r.url, r.error.type) for r in results if r.error] == [
        ("https://news.example/0/27", "ParseError")
    ]
    assert sum(r.article is not None for r in results) == stats.articles == PAGES - 3
    assert all(r.findings is not None for r in results if r.skipped is None)


def test_the_http_charset_decodes_a_page_that_declares_none(
    archive: tuple[Path, ArchiveStats],
) -> None:
    path, _ = archive
    latin1 = next(r for r in iter_records([path]) if r.url == "https://news.example/0/5")

    result = process_record(latin1)

    assert latin1.charset == "ISO-8859-1"
    assert b"<meta charset" not in latin1.data
    assert result.article is not None
    assert result.article.headline.startswith("Café")


def test_an_unknown_charset_label_falls_back_to_the_page(tmp_path: Path) -> None:
    page = to_script_tag(ARTICLE).encode()
    record = BatchRecord(id="r", source="s", data=page, charset="no-such-charset")

    assert process_record(record).article == from_html(page)


def test_jobs_give_exactly_the_serial_results(archive: tuple[Path, ArchiveStats]) -> None:
    path, _ = archive

    serial = list(read_batch([path], findings=True))
    parallel = list(read_batch([path], findings=True, jobs=2, chunk_size=4))

    assert parallel == serial


def test_a_truncated_archive_gives_its_records_then_one_unreadable_result(
    archive: tuple[Path, ArchiveStats], tmp_path: Path
) -> None:
    path, _ = archive
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(path.read_bytes()[: path.stat().st_size // 2])

    results = list(read_batch([cut]))

    assert 0 < len(results) < PAGES
    assert [r.error.type for r in results if r.error] == ["UnreadableInput"]
    assert results[-1].error == ErrorInfo(
        type="UnreadableInput", messages=("the archive breaks off inside this record",)
    )


def test_resource_revisit_and_bookkeeping_records(tmp_path: Path) -> None:
    page = to_script_tag(ARTICLE).encode()
    path = _warc(
        tmp_path / "mixed.warc",
        [
            ("warcinfo", "urn:x", b"software: test\r\n", None),
            ("request", "https://example.com/news/1", b"GET / HTTP/1.1\r\n\r\n", None),
            ("resource", "https://example.com/news/1", page, None),
            ("revisit", "https://example.com/news/1", b"", None),
            (
                "response",
                "https://example.com/j",
                b'{"@type": "NewsArticle"}',
                [("x", "200 OK"), ("Content-Type", "application/ld+json")],
            ),
        ],
    )

    results = list(read_batch([path]))

    assert len(results) == 3
    assert results[0].article == from_html(page, url="https://example.com/news/1")
    assert results[1].skipped == "a revisit record (no payload)"
    assert results[2].error is not None  # JSON-LD without a headline or URL: read, and refused
    assert results[2].error.type in {"ValidationError", "NoArticleError"}


def test_a_record_over_the_size_limit_is_an_error(
    archive: tuple[Path, ArchiveStats], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = archive
    monkeypatch.setattr(newspkg._batch.inputs, "MAX_HTML_SIZE", 100)
    monkeypatch.setattr(newspkg._batch.process, "MAX_HTML_SIZE", 100)

    first = next(iter(read_batch([path])))

    assert first.error == ErrorInfo(
        type="LimitExceededError", messages=("the input is larger than 100 bytes",)
    )


# --- JSON Lines, folders, files ---------------------------------------------------------------


def test_json_lines_give_one_result_per_line_with_its_number(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    lines = [to_json(ARTICLE, indent=None), json.dumps(to_jsonld(ARTICLE)), "", "{oops"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    results = list(read_batch([path]))

    assert [r.id for r in results] == [f"{path}:1", f"{path}:2", f"{path}:4"]
    assert results[0].article == ARTICLE
    assert results[1].article is not None
    assert results[1].article.headline == ARTICLE.headline
    assert results[2].error is not None
    assert results[2].error.type == "ParseError"


def test_gzipped_json_lines(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "docs.jsonl.gz"
    path.write_bytes(gzip.compress(to_json(ARTICLE, indent=None).encode() + b"\n"))

    assert [r.article for r in read_batch([path])] == [ARTICLE]


def test_a_folder_gives_every_file_below_it_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "page.html").write_text(to_script_tag(ARTICLE), encoding="utf-8")
    (tmp_path / "a.json").write_text(to_json(ARTICLE), encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(to_json(ARTICLE, indent=None), encoding="utf-8")

    ids = [r.id for r in read_batch([tmp_path])]

    assert ids == [f"{tmp_path}/a.json", f"{tmp_path}/c.jsonl:1", f"{tmp_path}/b/page.html"]


def test_a_missing_input_is_one_unreadable_result(tmp_path: Path) -> None:
    missing = tmp_path / "missing.warc.gz"

    (result,) = read_batch([missing])

    assert result == BatchResult(
        id=str(missing),
        source=str(missing),
        error=ErrorInfo(type="UnreadableInput", messages=("No such file or directory",)),
    )


def test_checks_still_run_on_a_page_without_an_article() -> None:
    record = BatchRecord(id="r", source="s", data=b"<p>", content=Content.HTML, charset="utf-8")

    result = process_record(record, articles=True, findings=True)

    assert result.error is not None
    assert result.error.type == "NoArticleError"
    assert result.findings is not None
    assert "html-no-jsonld" in {found.code for found in result.findings}


def test_a_failure_that_is_not_a_newspkg_error_is_kept_under_its_type(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_args: object, **_kwargs: object) -> Article:
        raise RuntimeError("a bug")

    monkeypatch.setattr(newspkg._batch.process, "from_html", broken)

    result = process_record(BatchRecord(id="r", source="s", data=b"<p>"))

    assert result.error == ErrorInfo(type="RuntimeError", messages=("a bug",))


# --- lines and summary ------------------------------------------------------------------------


def test_a_result_line_carries_the_id_and_the_native_article() -> None:
    result = BatchResult(id="<urn:uuid:1>", source="a.warc", url=ARTICLE.url, article=ARTICLE)

    line = json.loads(result_line(result))

    assert line == {
        "id": "<urn:uuid:1>",
        "source": "a.warc",
        "url": ARTICLE.url,
        "article": to_dict(ARTICLE),
    }


def test_the_tally_counts_errors_by_type_and_findings_by_severity(
    archive: tuple[Path, ArchiveStats],
) -> None:
    path, _ = archive
    tally = BatchTally()
    for result in read_batch([path], findings=True):
        tally.add(result)

    summary = tally.summary()

    assert summary.startswith(
        "50 records: 47 articles, 2 skipped, 1 error (ParseError 1), findings:"
    )
    assert tally.exit_code == 1


# --- the runner -------------------------------------------------------------------------------


def test_ordered_map_keeps_order_and_reads_ahead_only_a_bounded_window() -> None:
    pulled = 0

    def numbers() -> Iterator[int]:
        nonlocal pulled
        for number in range(10_000):
            pulled += 1
            yield number

    results = ordered_map(abs, numbers(), jobs=2, chunk_size=5)
    first = next(results)
    pulled_at_first = pulled
    rest = list(results)

    assert [first, *rest] == list(range(10_000))
    assert pulled_at_first <= 2 * 4 * 5 + 5


def _pid_of(_item: int) -> int:
    return os.getpid()


@pytest.fixture
def always_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `ordered_map` fork its workers, where forking is safe for this process."""
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("this platform cannot fork")
    if threading.active_count() > 1:
        # A test before this one left a thread running (Dask's, say): forking now could
        # deadlock, and Python 3.12+ warns about it (an error under this suite's filters).
        pytest.skip("this process runs other threads, so it must not fork")
    fork = multiprocessing.get_context("fork")
    monkeypatch.setattr(newspkg._batch.runner, "_context", lambda _func: fork)


@pytest.mark.usefixtures("always_fork")
def test_forked_workers_start_warm_from_a_first_chunk_run_here() -> None:
    pids = list(ordered_map(_pid_of, range(40), jobs=2, chunk_size=4))

    assert pids[:4] == [os.getpid()] * 4  # the first chunk: here, before the fork
    assert os.getpid() not in pids[4:]
    assert gc.get_freeze_count() == 0  # this process's collections are as they were


# A one-off cost (pyld's import, say) that some items need: paid at most once per process.
_paid_here = False


def _read_costly_once(item: int, *, costly: frozenset[int]) -> tuple[int, int]:
    """``(item, the id of the process that read it)``; a costly item first pays the cost."""
    global _paid_here  # noqa: PLW0603  (per process, as an import is)
    if item in costly and not _paid_here:
        hand_back_to_parent()
        _paid_here = True
    return item, os.getpid()


@pytest.mark.usefixtures("always_fork")
def test_items_a_worker_hands_back_are_read_here_in_their_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys.modules[__name__], "_paid_here", False)
    costly = frozenset({5, 6, 13, 30})  # none in the first chunk, which runs here
    read = functools.partial(_read_costly_once, costly=costly)

    results = list(ordered_map(read, range(40), jobs=2, chunk_size=4))

    assert [item for item, _ in results] == list(range(40))
    here = {item for item, pid in results if pid == os.getpid()}
    assert here == {0, 1, 2, 3} | costly  # the first chunk, and what the workers handed back
    assert _paid_here  # paid once, here; neither worker paid


@pytest.mark.usefixtures("always_fork")
def test_a_worker_pays_the_cost_itself_when_most_of_its_items_need_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A batch where every item needs the cost must not end up read by this process alone.
    monkeypatch.setattr(sys.modules[__name__], "_paid_here", False)
    read = functools.partial(_read_costly_once, costly=frozenset(range(4, 400)))

    results = list(ordered_map(read, range(400), jobs=2, chunk_size=4))

    assert [item for item, _ in results] == list(range(400))
    here = [item for item, pid in results if pid == os.getpid()]
    # The first chunk, then at most what each worker may hand back; the workers read the rest.
    assert 4 + 1 <= len(here) <= 4 + 2 * (FIRST_HAND_BACKS + 400 // HAND_BACK_SHARE)


@pytest.mark.usefixtures("always_fork")
def test_a_few_costly_items_in_a_long_batch_are_all_read_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Fewer than one in HAND_BACK_SHARE: the cost is paid once, however long the batch.
    monkeypatch.setattr(sys.modules[__name__], "_paid_here", False)
    costly = frozenset(range(20, 4000, HAND_BACK_SHARE + 8))  # none in the first chunk
    read = functools.partial(_read_costly_once, costly=costly)

    results = list(ordered_map(read, range(4000), jobs=2, chunk_size=16))

    here = {item for item, pid in results if pid == os.getpid()}
    assert len(costly) > 2 * FIRST_HAND_BACKS
    assert here == set(range(16)) | costly


_pulled = 0  # items taken from the input so far (meaningful in this process only)


def _counted(count: int) -> Iterator[int]:
    global _pulled  # noqa: PLW0603  (read by the work function, in this process)
    for number in range(count):
        _pulled += 1
        yield number


def _pulled_when_read(item: int, *, costly: frozenset[int]) -> tuple[int, int]:
    """``(item, items pulled when it was read)``: a costly item is handed back from workers."""
    if item in costly:
        hand_back_to_parent()
    return item, _pulled


@pytest.mark.usefixtures("always_fork")
def test_while_handed_back_items_are_read_here_the_read_ahead_stays_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys.modules[__name__], "_pulled", 0)
    read = functools.partial(_pulled_when_read, costly=frozenset({10}))

    results = list(ordered_map(read, _counted(10_000), jobs=2, chunk_size=5))

    assert [item for item, _ in results] == list(range(10_000))
    # Item 10 was read here; meanwhile the workers had more than the usual 2 * 4 chunks
    # beyond its chunk (items 10-14) to read, and at most four times as many.
    ahead = results[10][1] - 15
    assert 2 * 4 * 5 < ahead <= 4 * (2 * 4 * 5)


def test_a_hand_back_outside_a_worker_does_nothing() -> None:
    hand_back_to_parent()  # returns: this process pays the cost itself


@pytest.mark.usefixtures("always_fork")
def test_documents_workers_hand_back_for_pyld_give_exactly_the_serial_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Workers forked from a process that has not imported pyld hand such documents back.
    monkeypatch.delitem(sys.modules, "pyld.jsonld", raising=False)
    handed_back = tmp_path / "handed-back"
    handed_back.touch()

    def spy() -> None:
        try:
            hand_back_to_parent()
        except HandBack:
            with handed_back.open("a", encoding="utf-8") as log:  # one line per hand-back
                log.write(f"{os.getpid()}\n")
            raise

    monkeypatch.setattr(newspkg._jsonld.processing, "hand_back_to_parent", spy)
    needs_pyld: dict[int, dict[str, object]] = {  # term definitions, compact IRIs, a bad context
        21: {"@context": ["https://schema.org", {"hl": {"@id": "headline", "@container": "@set"}}],
             "hl": "Aliased"},
        22: {"@context": {"@vocab": "https://schema.org/", "s": "https://schema.org/"},
             "s:headline": "Compact"},
        37: {"@context": {"@vocab": "https://schema.org/", "hl": {"@id": 5}}, "headline": "x"},
    }  # fmt: skip
    paths = []
    for number in range(48):  # the first 16 (one chunk) are read here before the fork
        own = needs_pyld.get(number, {"@context": "https://schema.org", "headline": "Plain"})
        document = {**own, "@type": "NewsArticle", "url": f"https://example.com/{number}"}
        path = tmp_path / f"{number:02}.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        paths.append(str(path))

    # In this order: the serial run imports pyld here, and workers forked after it have it.
    parallel = CliRunner().invoke(cli, ["jsonld", "--jobs", "2", *paths])
    serial = CliRunner().invoke(cli, ["jsonld", *paths])

    assert len(handed_back.read_text(encoding="utf-8").splitlines()) == len(needs_pyld)
    assert (parallel.exit_code, parallel.stdout) == (serial.exit_code, serial.stdout) == (1, ANY)
    assert parallel.stderr == serial.stderr
    assert "37.json: invalid JSON-LD" in serial.stderr
    assert '"headline": "Aliased"' in serial.stdout
    assert serial.stdout.count("\n") == 47


def test_ordered_map_refuses_zero_jobs() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(ordered_map(abs, [1], jobs=0))


# --- the command ------------------------------------------------------------------------------


def test_batch_command_writes_one_line_per_record_and_a_summary(
    archive: tuple[Path, ArchiveStats],
) -> None:
    path, _ = archive

    result = CliRunner().invoke(cli, ["batch", "--findings", "--jobs", "2", str(path)])

    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 1  # the broken page
    assert len(lines) == PAGES
    assert [line["id"] for line in lines] == [r.id for r in read_batch([path])]
    assert "newspkg: 50 records: 47 articles, 2 skipped, 1 error (ParseError 1)" in result.stderr


def test_batch_command_exit_codes(tmp_path: Path) -> None:
    good = tmp_path / "good.html"
    good.write_text(to_script_tag(ARTICLE), encoding="utf-8")
    out = tmp_path / "out.jsonl"

    ok = CliRunner().invoke(cli, ["batch", "-o", str(out), str(good)])
    missing = CliRunner().invoke(cli, ["batch", str(good), str(tmp_path / "nope.warc")])
    nothing = CliRunner().invoke(cli, ["batch", "--no-articles", str(good)])

    assert (ok.exit_code, ok.stdout) == (0, "")
    assert json.loads(out.read_text(encoding="utf-8"))["article"]["headline"] == ARTICLE.headline
    assert missing.exit_code == 2
    assert nothing.exit_code == 2
    assert "--no-articles needs --findings" in nothing.stderr


def test_per_file_commands_take_many_files_and_jobs(tmp_path: Path) -> None:
    paths = []
    for number in range(3):
        path = tmp_path / f"a{number}.json"
        path.write_text(to_json(ARTICLE), encoding="utf-8")
        paths.append(str(path))
    (tmp_path / "bad.json").write_text("{oops", encoding="utf-8")
    paths.append(str(tmp_path / "bad.json"))

    serial = CliRunner().invoke(cli, ["jsonld", *paths])
    parallel = CliRunner().invoke(cli, ["jsonld", "--jobs", "2", *paths])
    meta = CliRunner().invoke(cli, ["meta", *paths[:2]])
    times = CliRunner().invoke(cli, ["readtime", "--format", "json", *paths[:2]])

    assert serial.exit_code == parallel.exit_code == 1
    assert parallel.stdout == serial.stdout
    assert [json.loads(line) for line in serial.stdout.splitlines()] == [to_jsonld(ARTICLE)] * 3
    assert "bad.json: not valid JSON" in parallel.stderr
    assert meta.stdout.startswith(f"<!-- {paths[0]} -->\n")
    assert meta.stdout.count("<!-- ") == 2
    assert [json.loads(line)["file"] for line in times.stdout.splitlines()] == paths[:2]


def test_read_and_check_give_the_same_output_on_two_jobs(tmp_path: Path) -> None:
    paths = []
    for number, text in enumerate([to_json(ARTICLE), "{oops", to_script_tag(ARTICLE)] * 3):
        path = tmp_path / f"{number}.in"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))

    for command in (["read"], ["check"], ["check", "--format", "json"]):
        serial = CliRunner().invoke(cli, [*command, *paths])
        parallel = CliRunner().invoke(cli, [*command, "-j", "2", *paths])

        assert (parallel.exit_code, parallel.stdout) == (serial.exit_code, serial.stdout)
        assert parallel.stderr == serial.stderr
        assert serial.stdout


def test_batch_progress_shows_only_when_stderr_alone_is_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stderr = Terminal()
    monkeypatch.setattr(sys, "stderr", stderr)

    progress = BatchProgress.when_wanted(to_terminal=False)
    assert progress is not None
    progress.update(1234)
    progress.finish()

    assert BatchProgress.when_wanted(to_terminal=True) is None
    assert stderr.getvalue().startswith("\rnewspkg: 1,234 records, ")
    assert stderr.getvalue().endswith("\n")


def test_a_broken_gzip_json_lines_file_is_unreadable_after_its_good_lines(tmp_path: Path) -> None:
    import gzip

    data = gzip.compress((to_json(ARTICLE, indent=None) + "\n").encode() * 200)
    path = tmp_path / "docs.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])

    results = list(read_batch([path]))

    assert results[-1].error is not None
    assert results[-1].error.type == "UnreadableInput"
    assert all(result.article == ARTICLE for result in results[:-1])


def test_a_url_without_fsspec_is_unreadable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fsspec", None)

    (result,) = read_batch(["s3://bucket/page.html"])

    assert result.error == ErrorInfo(
        type="UnreadableInput", messages=("reading s3:// paths needs fsspec",)
    )


class _PoolRefusedError(Exception):
    pass


def test_the_fork_is_decided_again_after_the_first_chunk_runs_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The caller runs between the first chunk's results and may start a thread then:
    # the workers must not be forked from a process that has more than one.
    if "fork" not in multiprocessing.get_all_start_methods() or sys.platform != "linux":
        pytest.skip("the first chunk runs here only where workers are forked")
    threads = [1]
    monkeypatch.setattr(
        newspkg._batch.runner, "threading", SimpleNamespace(active_count=lambda: threads[0])
    )
    contexts: list[str] = []

    def refused(
        *, max_workers: int, mp_context: multiprocessing.context.BaseContext, **_: object
    ) -> None:
        contexts.append(mp_context.get_start_method())
        raise _PoolRefusedError

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refused)
    results = ordered_map(_pid_of, range(40), jobs=2, chunk_size=4)

    assert next(results) == os.getpid()  # the first chunk, here
    threads[0] = 2  # the caller starts a thread
    with pytest.raises(_PoolRefusedError):
        list(results)
    assert contexts in (["forkserver"], ["spawn"])


@pytest.mark.usefixtures("always_fork")
def test_objects_the_caller_froze_stay_frozen() -> None:
    gc.freeze()  # as a pre-fork server does before forking its workers
    try:
        frozen = gc.get_freeze_count()
        pids = list(ordered_map(_pid_of, range(40), jobs=2, chunk_size=4))
        assert gc.get_freeze_count() >= frozen > 0
    finally:
        gc.unfreeze()
    assert len(pids) == 40
