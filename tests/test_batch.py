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
import time
from collections.abc import Iterator
from pathlib import Path
from types import GeneratorType, SimpleNamespace
from unittest.mock import ANY

import pytest
from click.testing import CliRunner

import newspkg._batch.forked
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
from newspkg._batch.forked import (
    CHUNKS_AHEAD_PER_CHILD,
    CHUNKS_AHEAD_WHILE_HANDED_BACK,
    WorkerLostError,
)
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


def _gone(pid: int) -> bool:
    """Whether a process has ended and been reaped (it is not left behind)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.fixture
def always_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `ordered_map` fork its workers, where forking is safe for this process."""
    if not hasattr(os, "fork"):
        pytest.skip("this platform cannot fork")
    if threading.active_count() > 1:
        # A test before this one left a thread running (Dask's, say): forking now could
        # deadlock, and Python 3.12+ warns about it (an error under this suite's filters).
        pytest.skip("this process runs other threads, so it must not fork")
    monkeypatch.setattr(newspkg._batch.runner, "_may_fork", lambda: True)
    # Which process reads which chunk is then known: this process does not take chunks
    # back from a child (tested on its own below).
    monkeypatch.setattr(newspkg._batch.forked, "take_back_when_waiting", False)


@pytest.mark.usefixtures("always_fork")
@pytest.mark.parametrize("jobs", [2, 3])
def test_this_process_reads_beside_forked_children_that_start_warm(jobs: int) -> None:
    pids = list(ordered_map(_pid_of, range(200), jobs=jobs, chunk_size=4))

    assert pids[0] == os.getpid()  # the first item: here, before the fork
    children = set(pids) - {os.getpid()}
    assert len(children) == jobs - 1
    # Each child is sent its first chunks before this process takes one: 1-4 and 5-8 go
    # to the first child.
    assert len(set(pids[1:9])) == 1
    assert pids[1] in children
    assert all(_gone(child) for child in children)
    assert gc.get_freeze_count() == 0  # this process's collections are as they were


def _fail_on(item: int, *, bad: int) -> int:
    if item == bad:
        raise ValueError(f"item {item} in process {os.getpid()}")
    return os.getpid()


@pytest.mark.usefixtures("always_fork")
@pytest.mark.parametrize("bad", [3, 150])  # 3 is read in a child (its first chunk)
def test_an_error_in_any_process_ends_the_run_and_every_child(bad: int) -> None:
    pids: list[int] = []
    with pytest.raises(ValueError, match=f"item {bad} in process") as raised:
        pids.extend(ordered_map(functools.partial(_fail_on, bad=bad), range(400), jobs=2))

    children = {int(word) for word in str(raised.value).split() if word.isdigit()} - {bad}
    children |= set(pids) - {os.getpid()}
    assert all(_gone(child) for child in children)


@pytest.mark.usefixtures("always_fork")
def test_a_consumer_that_stops_early_leaves_no_child_behind() -> None:
    results = ordered_map(_pid_of, range(10_000), jobs=2, chunk_size=4)
    pids = [next(results) for _ in range(40)]
    assert isinstance(results, GeneratorType)
    results.close()  # as on KeyboardInterrupt in the loop that takes the results

    children = set(pids) - {os.getpid()}
    assert children
    assert all(_gone(child) for child in children)


def _exit_in_child(item: int, *, parent: int) -> int:
    if item == 6 and os.getpid() != parent:
        os._exit(3)  # killed, say: it gives back nothing
    return item


@pytest.mark.usefixtures("always_fork")
def test_a_child_that_dies_is_reported_not_waited_for() -> None:
    died = functools.partial(_exit_in_child, parent=os.getpid())

    with pytest.raises(WorkerLostError, match="exit status 3"):
        list(ordered_map(died, range(100), jobs=2, chunk_size=4))


def _size_of(item: bytes) -> int:
    return len(item)


@pytest.mark.usefixtures("always_fork")
def test_items_and_results_larger_than_a_pipe_pass_both_ways() -> None:
    # Chunks and results of megabytes: neither process waits on the other's full pipe.
    items = [bytes([number]) * (3 << 20) for number in range(12)]

    assert list(ordered_map(bytes.upper, items, jobs=2, chunk_size=2)) == items
    assert list(ordered_map(_size_of, items, jobs=2, chunk_size=2)) == [3 << 20] * 12


def _slow_in_child(item: int, *, parent: int) -> int:
    if os.getpid() != parent:
        time.sleep(0.05)  # a child the machine runs slowly
    return os.getpid()


@pytest.mark.usefixtures("always_fork")
def test_chunks_a_slow_child_has_not_started_are_read_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(newspkg._batch.forked, "take_back_when_waiting", True)
    read = functools.partial(_slow_in_child, parent=os.getpid())

    pids = list(ordered_map(read, range(100), jobs=2, chunk_size=4))

    assert len(pids) == 100
    # 1-4 and 5-8 were sent to the child first; 5-8 waited behind 1-4 (at least 0.2 s in
    # the child) while this process, out of room for more chunks, took them back.
    assert pids[5:9] == [os.getpid()] * 4
    children = set(pids) - {os.getpid()}
    assert all(_gone(child) for child in children)


def _item_in_order(item: int, *, parent: int) -> int:
    if os.getpid() != parent and item % 3 == 0:
        time.sleep(0.001)
    return item


@pytest.mark.usefixtures("always_fork")
def test_taking_chunks_back_keeps_the_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(newspkg._batch.forked, "take_back_when_waiting", True)
    read = functools.partial(_item_in_order, parent=os.getpid())

    assert list(ordered_map(read, range(3000), jobs=3, chunk_size=7)) == list(range(3000))


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
    costly = frozenset({5, 6, 30, 77})  # 5 and 6 are sent to the child (its second chunk)
    read = functools.partial(_read_costly_once, costly=costly)

    results = list(ordered_map(read, range(120), jobs=2, chunk_size=4))

    assert [item for item, _ in results] == list(range(120))
    pids = dict(results)
    assert {pids[item] for item in costly} == {os.getpid()}  # whoever was sent them
    assert pids[4] == pids[7] != os.getpid()  # 5 and 6 were sent to the child: handed back
    assert _paid_here  # paid here (the child, which never paid, is gone)


@pytest.mark.usefixtures("always_fork")
def test_a_worker_pays_the_cost_itself_when_most_of_its_items_need_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A batch where every item needs the cost must not be left to this process alone.
    monkeypatch.setattr(sys.modules[__name__], "_paid_here", False)
    read = functools.partial(_read_costly_once, costly=frozenset(range(1, 4000)))

    results = list(ordered_map(read, range(4000), jobs=2, chunk_size=4))

    assert [item for item, _ in results] == list(range(4000))
    # The child's first FIRST_HAND_BACKS items (its first chunks) came back; later it paid.
    handed_back = range(1, 1 + FIRST_HAND_BACKS)
    assert {pid for item, pid in results if item in handed_back} == {os.getpid()}
    in_child = [item for item, pid in results if pid != os.getpid()]
    assert len(in_child) > 4000 // HAND_BACK_SHARE


@pytest.mark.usefixtures("always_fork")
def test_a_few_costly_items_in_a_long_batch_are_all_read_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Fewer than one in HAND_BACK_SHARE: the cost is paid once, however long the batch.
    monkeypatch.setattr(sys.modules[__name__], "_paid_here", False)
    costly = frozenset(range(20, 4000, HAND_BACK_SHARE + 8))
    read = functools.partial(_read_costly_once, costly=costly)

    results = list(ordered_map(read, range(4000), jobs=2, chunk_size=16))

    here = {item for item, pid in results if pid == os.getpid()}
    assert len(costly) > 2 * FIRST_HAND_BACKS
    assert costly <= here
    assert len(here) < 4000  # the child read some


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
    read = functools.partial(_pulled_when_read, costly=frozenset({10}))  # the child's 2nd chunk

    results: list[tuple[int, int]] = []
    outstanding = []  # items taken from the input and not yet given back, at each result
    for item, pulled in ordered_map(read, _counted(10_000), jobs=2, chunk_size=5):
        outstanding.append(_pulled - len(results))
        results.append((item, pulled))

    assert [item for item, _ in results] == list(range(10_000))
    # Item 10 was read here; meanwhile the child had more than its usual 2 chunks beyond
    # item 10's chunk (items 6-10) to read, and at most CHUNKS_AHEAD_WHILE_HANDED_BACK.
    ahead = results[10][1] - 10
    assert ahead > CHUNKS_AHEAD_PER_CHILD * 5
    assert ahead <= CHUNKS_AHEAD_WHILE_HANDED_BACK * 5 + 2 * 4 * 5
    # At most 2 * 4 chunks are outstanding otherwise: results come back in bounded memory.
    assert max(outstanding) <= (CHUNKS_AHEAD_WHILE_HANDED_BACK + 2 * 4) * 5 + 5
    assert max(outstanding[:6]) <= 2 * 4 * 5 + 5  # before item 10's chunk is back
    assert max(outstanding[200:]) <= 2 * 4 * 5 + 5


def test_a_hand_back_outside_a_worker_does_nothing() -> None:
    hand_back_to_parent()  # returns: this process pays the cost itself


@pytest.mark.usefixtures("always_fork")
def test_documents_workers_hand_back_for_pyld_give_exactly_the_serial_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A child forked from a process that has not imported pyld hands such documents back.
    monkeypatch.delitem(sys.modules, "pyld.jsonld", raising=False)
    log = tmp_path / "pyld-log"
    log.touch()
    parent = os.getpid()

    def spy() -> None:
        try:
            hand_back_to_parent()
        except HandBack:
            with log.open("a", encoding="utf-8") as lines:
                lines.write("handed back\n")
            raise
        if os.getpid() != parent:
            with log.open("a", encoding="utf-8") as lines:
                lines.write("paid in a child\n")

    monkeypatch.setattr(newspkg._jsonld.processing, "hand_back_to_parent", spy)
    needs_pyld: dict[int, dict[str, object]] = {  # term definitions, compact IRIs, a bad context
        5: {"@context": ["https://schema.org", {"hl": {"@id": "headline", "@container": "@set"}}],
            "hl": "Aliased"},
        6: {"@context": {"@vocab": "https://schema.org/", "s": "https://schema.org/"},
            "s:headline": "Compact"},
        20: {"@context": {"@vocab": "https://schema.org/", "hl": {"@id": 5}}, "headline": "x"},
    }  # fmt: skip
    paths = []
    for number in range(48):  # 1-16 and 17-32 are sent to the child first
        own = needs_pyld.get(number, {"@context": "https://schema.org", "headline": "Plain"})
        document = {**own, "@type": "NewsArticle", "url": f"https://example.com/{number}"}
        path = tmp_path / f"{number:02}.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        paths.append(str(path))

    # In this order: the serial run imports pyld here, and a child forked after it has it.
    parallel = CliRunner().invoke(cli, ["jsonld", "--jobs", "2", *paths])
    serial = CliRunner().invoke(cli, ["jsonld", *paths])

    assert log.read_text(encoding="utf-8").splitlines() == ["handed back"] * len(needs_pyld)
    assert (parallel.exit_code, parallel.stdout) == (serial.exit_code, serial.stdout) == (1, ANY)
    assert parallel.stderr == serial.stderr
    assert "20.json: invalid JSON-LD" in serial.stderr
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


def test_files_that_cannot_be_read_are_reported_in_input_order_on_any_jobs(
    tmp_path: Path,
) -> None:
    # Files are read ahead of the results on two jobs: the report of a missing file must
    # still come after the messages of the files before it, as on one.
    paths = []
    for number in range(60):
        path = tmp_path / f"{number:02}.json"
        if number in {3, 30}:
            path.write_text("{oops", encoding="utf-8")
        elif number not in {10, 45}:  # missing
            path.write_text(to_json(ARTICLE), encoding="utf-8")
        paths.append(str(path))

    for command in (["jsonld"], ["read"], ["check", "--format", "json"], ["readtime"]):
        serial = CliRunner().invoke(cli, [*command, *paths])
        parallel = CliRunner().invoke(cli, [*command, "-j", "2", *paths])

        assert (parallel.exit_code, parallel.stdout) == (serial.exit_code, serial.stdout)
        assert parallel.stderr == serial.stderr
        names = ("03.json", "10.json", "30.json", "45.json")  # failed, missing, ...
        named = [name for line in serial.stderr.splitlines() for name in names if name in line]
        assert named == sorted(named)
        assert {"10.json", "45.json"} <= set(named)


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


def test_the_fork_is_decided_when_the_first_result_is_asked_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The caller may start a thread between calling and taking the first result: a
    # process that runs more than one must not fork; a pool starts its workers instead.
    if sys.platform != "linux" or threading.active_count() > 1:
        pytest.skip("this process would not fork anyway")
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
    threads[0] = 2  # the caller starts a thread

    with pytest.raises(_PoolRefusedError):
        next(results)
    assert contexts == ["forkserver"]


def test_a_process_that_must_not_fork_gets_the_same_results_from_a_pool(
    monkeypatch: pytest.MonkeyPatch, archive: tuple[Path, ArchiveStats]
) -> None:
    monkeypatch.setattr(newspkg._batch.runner, "_may_fork", lambda: False)
    path, _ = archive

    serial = [result_line(result) for result in read_batch([path], findings=True)]
    pooled = [result_line(result) for result in read_batch([path], findings=True, jobs=2)]

    assert pooled == serial


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


@pytest.mark.usefixtures("always_fork")
def test_a_single_item_starts_no_child(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise AssertionError("a child was started")

    monkeypatch.setattr(os, "fork", no_fork)

    assert list(ordered_map(_pid_of, [1], jobs=2)) == [os.getpid()]
    assert list(ordered_map(_pid_of, [], jobs=2)) == []
    with pytest.raises(AssertionError, match="a child was started"):
        list(ordered_map(_pid_of, [1, 2], jobs=2))


class _Unreadable:
    """Pickles, but cannot be unpickled (in a child, say)."""

    def __reduce__(self) -> tuple[object, tuple[()]]:
        return (_refuse, ())


def _refuse() -> None:
    raise RuntimeError("cannot be read back")


@pytest.mark.usefixtures("always_fork")
def test_a_chunk_a_child_cannot_read_ends_the_run_instead_of_hanging() -> None:
    items: list[object] = [1, 2, _Unreadable(), 4, 5]

    with pytest.raises(WorkerLostError, match="exit status 0"):
        list(ordered_map(id, items, jobs=2, chunk_size=2))
