"""newspkg.dask on a real 2-worker LocalCluster: the serial results, even when a worker dies."""

from __future__ import annotations

import ipaddress
import os
import signal
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("dask.bag", reason="newspkg[dask] is not installed")
pytest.importorskip("dask.dataframe", reason="newspkg[dask] is not installed")
distributed = pytest.importorskip("distributed", reason="newspkg[dask] is not installed")

from newspkg import from_json, read_batch  # noqa: E402
from newspkg._batch.archive import write_archive  # noqa: E402
from newspkg.dask import articles_frame, findings_frame, read_bag  # noqa: E402

if TYPE_CHECKING:
    from distributed import Client

FILES, PAGES = 4, 28  # each archive has a 404 (page 7), an image (17), a broken page (27)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """This machine's own cluster talks over loopback; anything else is still refused."""
    connect = socket.socket.connect

    def loopback_only(sock: socket.socket, address: object) -> None:
        host = address[0] if isinstance(address, tuple) else None
        if host is not None and not ipaddress.ip_address(host).is_loopback:
            raise AssertionError(f"newspkg tried to reach {host}")
        connect(sock, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", loopback_only)


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=":0",  # a free port: its HTTP server starts even without a dashboard
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("archives")
    paths = [str(folder / f"part-{seed:05}.warc.gz") for seed in range(FILES)]
    for seed, path in enumerate(paths):
        write_archive(path, pages=PAGES, seed=seed)
    return paths


def test_the_bag_holds_exactly_the_serial_results(client: Client, archives: list[str]) -> None:
    bag = read_bag(archives, findings=True)

    assert bag.npartitions == FILES
    assert client.compute(bag).result() == list(read_batch(archives, findings=True))


def test_the_frames_hold_the_serial_articles_and_findings(
    client: Client, archives: list[str]
) -> None:
    serial = list(read_batch(archives[:2], findings=True))

    articles = client.compute(articles_frame(archives[:2])).result()
    findings = client.compute(findings_frame(archives[:2])).result()

    assert list(articles["id"]) == [result.id for result in serial]
    read = articles.dropna(subset=["article"])
    assert [from_json(text) for text in read["article"]] == [
        result.article for result in serial if result.article is not None
    ]
    assert list(articles["error_type"].dropna()) == [r.error.type for r in serial if r.error]
    assert len(findings) == sum(len(result.findings or ()) for result in serial)
    assert list(findings["code"]) == [f.code for r in serial for f in r.findings or ()]


def test_a_worker_killed_mid_run_still_gives_every_record_exactly_once(
    client: Client, archives: list[str]
) -> None:
    serial = list(read_batch(archives))
    futures = client.compute(read_bag(archives).to_delayed())
    distributed.wait(futures, return_when="FIRST_COMPLETED")
    busy = [address for address, keys in client.processing().items() if keys]
    pids = client.run(os.getpid)
    os.kill(pids[(busy or list(pids))[0]], signal.SIGKILL)

    results = [result for part in client.gather(futures) for result in part]

    assert results == serial
    assert len({(result.source, result.id) for result in results}) == FILES * PAGES


def test_no_paths_give_an_empty_bag(client: Client) -> None:
    assert client.compute(read_bag([])).result() == []


def test_workers_import_newspkg_once(client: Client, archives: list[str]) -> None:
    # One read on every worker: a worker restarted by an earlier test may have run nothing.
    for address in client.scheduler_info()["workers"]:
        client.compute(read_bag(archives[:1]), workers=[address]).result()

    def newspkg_loaded() -> bool:
        import sys

        return "newspkg.dask" in sys.modules

    assert set(client.run(newspkg_loaded).values()) == {True}


def test_inputs_are_paths_anywhere(client: Client, archives: list[str]) -> None:
    local = [Path(path) for path in archives[:1]]

    assert client.compute(read_bag(local)).result() == list(read_batch(local))
