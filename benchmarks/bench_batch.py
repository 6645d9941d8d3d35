"""Pages per second per core for `from_html` + `check` over a generated web archive.

Run: ``python benchmarks/bench_batch.py [--pages 10000] [--files 20]``. The archive is
written here by `newspkg._batch.archive.write_archive` (generated articles, every tenth page
a saved page from ``shared/corpus/pages`` when it is present; no network), split into
``--files`` WARC files of equal size, as crawls are. Three runs read and check every
record (``read_batch(..., findings=True)``): in this process, with ``jobs=2`` (what
``newspkg batch --jobs 2`` runs), and on a Dask ``LocalCluster`` of 2 single-threaded
worker processes (``newspkg.dask.read_bag``). Every process reads one page before timing
starts (a long run pays its one-off costs once). Ratios are against the serial run of this
same invocation. Peak memory per worker is taken for the whole archive and for a quarter
of it: flat means the same.

Target (issue 13): ``--jobs 2`` and Dask >= 1.6x serial on 2 free cores.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newspkg import Article, BatchRecord, read_batch, to_script_tag
from newspkg._batch.archive import write_archive
from newspkg._batch.process import process_record

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "pages"
HOUR = 3600


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(action: Callable[[], int]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (this process and its finished children) and the count."""
    start, cpu = time.perf_counter(), time.process_time() + _children_cpu()
    count = action()
    return time.perf_counter() - start, time.process_time() + _children_cpu() - cpu, count


def _serial(paths: list[str]) -> int:
    return sum(1 for _ in read_batch(paths, findings=True))


def _jobs(paths: list[str], jobs: int) -> int:
    return sum(1 for _ in read_batch(paths, findings=True, jobs=jobs))


def _warm() -> None:
    """Run one page through read and check: the one-off costs of a fresh process (first
    JSON-LD context, vocabulary tables) are paid before timing, as in a long run.
    """
    page = to_script_tag(Article(url="https://news.example/warm", headline="Warm"))
    process_record(BatchRecord(id="warm", source="warm", data=page.encode()), findings=True)


def _children_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _worker_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _dask(paths: list[str]) -> tuple[float, float, float, int, list[float]]:
    """Wall seconds, workers' and this process's CPU seconds, records and each worker's peak
    RSS (MB) on a fresh 2-worker LocalCluster (its scheduler runs in this process).
    """
    import distributed  # noqa: PLC0415  (only this run needs it)

    from newspkg.dask import read_bag  # noqa: PLC0415

    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        client.run(_warm)  # workers start, import newspkg once and warm up
        before = sum(client.run(time.process_time).values())
        bag = read_bag(paths, findings=True)
        seconds, here, count = _timed(lambda: client.compute(bag.count()).result())
        workers = sum(client.run(time.process_time).values()) - before
        peaks = sorted(client.run(_worker_peak_mb).values())
    return seconds, workers, here, count, peaks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--files", type=int, default=20)
    options = parser.parse_args()
    corpus = CORPUS if CORPUS.is_dir() else None
    per_file = options.pages // options.files

    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for seed in range(options.files):
            path = os.path.join(folder, f"crawl-{seed:05}.warc.gz")  # noqa: PTH118
            write_archive(path, pages=per_file, seed=seed, corpus=corpus)
            paths.append(path)
        pages = per_file * options.files
        size = sum(os.path.getsize(path) for path in paths) / 1e6  # noqa: PTH202
        print(f"archive: {pages:,} pages in {options.files} WARC files, {size:,.0f} MB gzipped")
        print(f"corpus pages: {'every tenth page' if corpus else 'none (corpus absent)'}")
        print(f"cpus: {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}")

        quarter = paths[: max(options.files // 4, 1)]
        _warm()  # this process and the --jobs workers forked from it
        serial, serial_cpu, count = _timed(lambda: _serial(paths))
        assert count == pages
        _jobs(quarter, 2)
        jobs_peak_quarter = _children_peak_mb()  # the largest child so far
        jobs, jobs_cpu, count = _timed(lambda: _jobs(paths, 2))
        assert count == pages
        jobs_peak = _children_peak_mb()
        *_, peaks_quarter = _dask(quarter)
        dask, workers_cpu, client_cpu, count, peaks = _dask(paths)
        assert count == pages
        dask_cpu = workers_cpu + client_cpu

    print()
    print("| run | wall s | pages/s | vs serial | CPU s | pages per CPU-second | CPU vs serial |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, seconds, cpu in (
        ("serial (1 process)", serial, serial_cpu),
        ("--jobs 2", jobs, jobs_cpu),
        ("Dask LocalCluster, 2 workers", dask, dask_cpu),
    ):
        print(
            f"| {name} | {seconds:.1f} | {pages / seconds:,.0f} | {serial / seconds:.2f}x "
            f"| {cpu:.1f} | {pages / cpu:,.0f} | {cpu / serial_cpu:.2f}x |"
        )
    print(
        f"| Dask: the 2 workers alone | | | | {workers_cpu:.1f} | {pages / workers_cpu:,.0f} "
        f"| {workers_cpu / serial_cpu:.2f}x |"
    )
    print()
    print("On 2 free cores the parallel speed-up is about 2 / (CPU vs serial).")
    print()
    print(
        f"peak RSS per worker, --jobs 2: {jobs_peak_quarter:.0f} MB for a quarter of the pages; "
        f"{jobs_peak:.0f} MB for all (largest child)"
    )
    some = ", ".join(f"{peak:.0f}" for peak in peaks_quarter)
    every = ", ".join(f"{peak:.0f}" for peak in peaks)
    print(f"peak RSS per Dask worker: {some} MB for a quarter of the pages; {every} MB for all")
    per_core = pages / workers_cpu
    core_hours = 100_000_000 / per_core / HOUR
    print()
    print(
        f"100 million pages at {per_core:,.0f} pages/s per worker core (Dask): "
        f"{core_hours:,.0f} core-hours;"
    )
    for cores in (64, 256, 1024):
        print(f"  on {cores:>5} cores: {core_hours / cores:,.1f} h")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
