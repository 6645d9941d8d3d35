"""`ordered_map` where forking is safe: this process is one of the workers.

With ``jobs`` = N, N - 1 children are forked at once, after the first item is read here
(so they start with everything this process has imported, and with what the first read
loads on demand), and this process reads chunks too, between handing chunks to the
children and passing results on in input order. A chunk goes to whoever is free: each child
is kept two chunks ahead, and this process reads the next chunk itself whenever the oldest
outstanding chunk is not back yet. When it has no room for more (or there are no more), it
takes back the last chunk a child has not started rather than wait (`_Dispatch.take_back`),
so no process waits while there is work: not at the end of the input, nor behind a child
the machine runs slowly.

Compared with a pool of N workers beside a parent that only hands out chunks and writes
results, this forks one process fewer (each fork costs the pages it copies), runs no
executor threads, imports no multiprocessing, and runs no serial first chunk.

A child hands back the items that need a costly one-off step (`newspkg._batch.handback`);
this process reads them in their place, so the step is paid once per batch. While it does,
the children get more chunks ahead, so they do not run out of work.

Bounded memory: at most ``4 * jobs`` chunks are outstanding (sent, or read here and waiting
for an earlier chunk), and 16 more per child while handed-back items are read here.
"""

from __future__ import annotations

import contextlib
import gc
import mmap
import os
import pickle
import select
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from typing import Final, Generic, TypeAlias, TypeVar, cast

from newspkg._batch.handback import HandBack, start_item, start_worker

__all__ = ["ChunkResult", "WorkerLostError", "apply_in_worker", "forked_map"]

T = TypeVar("T")
R = TypeVar("R")
_Sent = TypeVar("_Sent")

CHUNKS_AHEAD_PER_CHILD: Final = 2
"""Chunks each child has been sent and not yet given back: enough that it does not wait
while this process reads a chunk of its own and passes results on."""

CHUNKS_OUTSTANDING_PER_JOB: Final = 4
"""Outstanding chunks (sent, or read here and waiting for an earlier chunk) per process."""

CHUNKS_AHEAD_WHILE_HANDED_BACK: Final = 16
"""Chunks each child may have ahead while this process reads the items it handed back,
which can take a while: the one-off cost they were handed back to avoid is paid here, once
(pyld's import and its first context, ~0.2 s, against ~0.6 ms per corpus document, so 16
chunks of 16 keep a child busy meanwhile)."""

_PIPE_SIZE: Final = 1 << 20
"""Bytes a child's result pipe holds (Linux's default limit for a user), so that a child
rarely waits for this process to take its results."""

_SIGTERM: Final = 15
"""Its number on Linux, where children are forked here (the signal module: not worth its
import at the start of every run)."""

take_back_when_waiting = True
"""Whether this process reads chunks a child has not started instead of waiting for it (see
`_Dispatch.take_back`); tests turn it off to know which process reads which chunk."""

_SLOTS: Final = 64
"""Claim slots per child: more than the chunks it is ever sent ahead."""

_UNCLAIMED: Final = 0
_STARTED: Final = 1
_TAKEN_BACK: Final = 2

_LENGTH_BYTES: Final = 8
_MAX_READ: Final = 1 << 20

ChunkResult: TypeAlias = tuple[list[R | None], list[int]]
"""A child's results for a chunk, and the positions of the items it handed back (None there)."""


class WorkerLostError(RuntimeError):
    """A worker process ended before giving back the chunks it had been sent."""


def forked_map(
    func: Callable[[T], R], items: Iterable[T], *, jobs: int, chunk_size: int
) -> Iterator[R]:
    """Yield ``func(item)`` for every item, in order, here and on ``jobs - 1`` forked children.

    Call only where forking is safe: on Linux, in a process that runs one thread.
    """
    iterator = iter(items)
    # The first item is read before the fork, so that the children start with what the
    # first read loads on demand (the word counter, say) already loaded.
    first = [func(item) for item in islice(iterator, 1)]
    second = list(islice(iterator, 1))
    if not second:  # nothing to share: no child is started
        yield from first
        return
    iterator = chain(second, iterator)
    children: list[_Child[T, R]] = []
    # A caller that froze objects itself (a pre-fork server) keeps them frozen: unfreeze
    # would thaw them too.
    freeze = gc.get_freeze_count() == 0
    finished = False
    try:
        if freeze:
            # The objects of this process are kept out of the children's garbage
            # collections (they inherit this frozen state), so a collection does not touch,
            # and so copy, every page they share with it.
            gc.freeze()
        try:
            for _ in range(jobs - 1):
                children.append(_Child.start(func, children))
        finally:
            if freeze:
                gc.unfreeze()
        yield from first
        yield from _Dispatch(func, _chunks(iterator, chunk_size), children, jobs).results()
        finished = True
    finally:
        for child in children:
            child.stop(finished=finished)


def _chunks(iterator: Iterator[T], size: int) -> Iterator[list[T]]:
    while chunk := list(islice(iterator, size)):
        yield chunk


class _Outstanding(Generic[T, R]):
    """A chunk read here, or sent to a child (``results`` None until they are known)."""

    __slots__ = ("child", "chunk", "results", "slot")

    def __init__(self, chunk: list[T], child: _Child[T, R] | None, results: list[R] | None):
        self.chunk = chunk
        self.child = child
        self.results = results
        self.slot = 0  # where a child and this process claim it (see `_Child.claims`)


class _Dispatch(Generic[T, R]):
    """The chunks in input order: sent to children, read here, and their results passed on."""

    def __init__(
        self,
        func: Callable[[T], R],
        chunks: Iterator[list[T]],
        children: list[_Child[T, R]],
        jobs: int,
    ) -> None:
        self.func = func
        self.chunks = chunks
        self.more = True
        self.children = children
        self.outstanding: deque[_Outstanding[T, R]] = deque()
        self.window = jobs * CHUNKS_OUTSTANDING_PER_JOB

    def results(self) -> Iterator[R]:
        outstanding = self.outstanding
        while self.more or outstanding:
            self.supply(CHUNKS_AHEAD_PER_CHILD)
            front = outstanding[0] if outstanding else None
            if front is not None and (front.child is None or front.child.ready(front)):
                outstanding.popleft()
                yield from self.collect(front)
            elif self.more and len(outstanding) < self.window:
                chunk = self.next_chunk()
                if chunk is not None:
                    outstanding.append(_Outstanding(chunk, None, self.read_here(chunk)))
            elif front is not None and not (take_back_when_waiting and self.take_back(front)):
                outstanding.popleft()
                yield from self.collect(front)

    def next_chunk(self) -> list[T] | None:
        chunk = next(self.chunks, None) if self.more else None
        self.more = chunk is not None
        return chunk

    def read_here(self, chunk: list[T]) -> list[R]:
        return [self.func(item) for item in chunk]

    def supply(self, ahead: int) -> None:
        """Send each child chunks until it has ``ahead`` of them (or the chunks run out)."""
        for child in self.children:
            while child.ahead < ahead and (chunk := self.next_chunk()) is not None:
                sent = _Outstanding(chunk, child, None)
                child.send(sent)
                self.outstanding.append(sent)

    def take_back(self, front: _Outstanding[T, R]) -> bool:
        """Read here the last chunk the front's child has not started; False if there is none.

        Instead of waiting for the front's results (the output must wait for them, and
        there is no room for more chunks, or no more chunks), this process reads one the
        child would read later: at the end of the input the child's last chunks are shared
        too, and a child that the machine runs slowly does not hold this process up.
        """
        child = front.child
        assert child is not None
        for sent in reversed(child.unanswered):
            if sent.results is None and child.claim(sent.slot):
                sent.results = self.read_here(sent.chunk)
                return True
        return False

    def collect(self, sent: _Outstanding[T, R]) -> list[R]:
        """A chunk's results (waiting for a child's), handed-back items read here."""
        if sent.results is not None:
            return sent.results
        assert sent.child is not None
        results, handed_back = sent.child.answer_for(sent)
        if handed_back:
            self.supply(CHUNKS_AHEAD_WHILE_HANDED_BACK)
            for position in handed_back:
                results[position] = self.func(sent.chunk[position])
        return cast("list[R]", results)


class _Child(Generic[T, R]):
    """A forked worker: chunks go in on one pipe, results come back on another.

    Every chunk sent has a slot in ``claims``, memory shared with the child: the child
    marks it `_STARTED` before reading the chunk, or skips the chunk (and answers None)
    when this process has marked it `_TAKEN_BACK`. Both may mark it at once; then both read
    it, and the child's answer is dropped.
    """

    def __init__(self, pid: int, chunks_out: int, results_in: int, claims: mmap.mmap) -> None:
        self.pid = pid
        self.chunks_out = chunks_out  # this process's end of the child's input
        self.results_in = results_in  # this process's end of the child's results
        self.claims = claims
        self.unanswered: deque[_Outstanding[T, R]] = deque()  # sent, in order
        self.sent = 0
        self.exit_status: int | None = None

    @property
    def ahead(self) -> int:
        """Chunks sent and not answered yet."""
        return len(self.unanswered)

    @classmethod
    def start(cls, func: Callable[[T], R], siblings: list[_Child[T, R]]) -> _Child[T, R]:
        chunks_in, chunks_out = os.pipe()
        results_in, results_out = os.pipe()
        _widen(results_out)
        claims = mmap.mmap(-1, _SLOTS)  # anonymous: shared with the child
        pid = os.fork()
        if pid == 0:  # the child: it never returns from here
            status = 1
            try:
                # Its copies of this process's ends (its own and its elder siblings') are
                # closed, so that it sees the end of its input when this process closes
                # its end, and so do its siblings.
                for end in (chunks_out, results_in, *(e for s in siblings for e in s.ends)):
                    os.close(end)
                status = _serve(func, chunks_in, results_out, claims)
            finally:
                # Straight out: no handler or buffer of this process runs twice.
                os._exit(status)
        os.close(chunks_in)
        os.close(results_out)
        return cls(pid, chunks_out, results_in, claims)

    @property
    def ends(self) -> tuple[int, int]:
        return self.chunks_out, self.results_in

    def send(self, sent: _Outstanding[T, R]) -> None:
        sent.slot = self.sent % _SLOTS  # free: fewer than _SLOTS chunks are ever unanswered
        self.claims[sent.slot] = _UNCLAIMED
        try:
            send_message(self.chunks_out, (sent.slot, sent.chunk))
        except BrokenPipeError:
            raise self.lost() from None
        self.sent += 1
        self.unanswered.append(sent)

    def claim(self, slot: int) -> bool:
        """Mark a chunk to be read here, if the child has not started it."""
        if self.claims[slot] != _UNCLAIMED:
            return False
        self.claims[slot] = _TAKEN_BACK
        return True

    def ready(self, sent: _Outstanding[T, R]) -> bool:
        """Whether the answer for ``sent`` (the oldest still wanted) is here to read."""
        while select.select([self.results_in], [], [], 0)[0]:
            if self.unanswered[0] is sent:
                return True
            self.answer()  # for a chunk taken back and read here meanwhile: dropped
        return False

    def answer_for(self, sent: _Outstanding[T, R]) -> ChunkResult[R]:
        """The child's results for ``sent``, waiting for them if need be."""
        while True:
            first = self.unanswered[0]
            answer = self.answer()
            if first is sent:
                return cast("ChunkResult[R]", answer)
            # Taken back: its results were read here (the child answered None, or both read it).

    def answer(self) -> object:
        """The next answer: the results for the oldest unanswered chunk, or None."""
        try:
            message = receive_message(self.results_in)
        except EOFError:
            raise self.lost() from None
        self.unanswered.popleft()
        if isinstance(message, BaseException):
            raise message
        return message

    def lost(self) -> WorkerLostError:
        return WorkerLostError(f"a worker process ended early (exit status {self.wait()})")

    def stop(self, *, finished: bool) -> None:
        """End the child: at the end of its input when all went well, else at once."""
        os.close(self.chunks_out)
        if not finished and self.exit_status is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, _SIGTERM)
        if finished:
            # Answers for chunks taken back at the end: read, so that the child can end.
            with contextlib.suppress(EOFError):
                while True:
                    receive_message(self.results_in)
        self.wait()
        os.close(self.results_in)
        self.claims.close()

    def wait(self) -> int:
        if self.exit_status is None:
            self.exit_status = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        return self.exit_status


def _widen(pipe: int) -> None:
    with contextlib.suppress(ImportError, AttributeError, OSError):
        import fcntl  # noqa: PLC0415  (Linux only, as forking here is)

        fcntl.fcntl(pipe, fcntl.F_SETPIPE_SZ, _PIPE_SIZE)


def send_message(pipe: int, message: object) -> None:
    """Write ``message`` to a pipe: its pickle's length, then the pickle."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(len(data).to_bytes(_LENGTH_BYTES, "little") + data)
    while view:
        view = view[os.write(pipe, view) :]


def receive_message(pipe: int) -> object:
    """Read one message `send_message` wrote; EOFError when the writer closed the pipe."""
    length = int.from_bytes(_read_exactly(pipe, _LENGTH_BYTES), "little")
    return pickle.loads(_read_exactly(pipe, length))  # noqa: S301  (from our own child)


def _read_exactly(pipe: int, size: int) -> bytes:
    parts = []
    while size:
        part = os.read(pipe, min(size, _MAX_READ))
        if not part:
            raise EOFError
        parts.append(part)
        size -= len(part)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _serve(func: Callable[[T], R], chunks: int, results: int, claims: mmap.mmap) -> int:
    """A child's life: read each chunk it is sent, send back its results; its exit status."""
    start_worker()
    # A thread takes chunks off the pipe as they come, so that the parent never waits to
    # send one while this process reads another (nor the two wait on each other's pipes).
    received = _Inbox[tuple[int, list[T]]]()
    threading.Thread(target=received.fill, args=(chunks,), daemon=True).start()
    try:
        while (sent := received.get()) is not None:
            slot, chunk = sent
            message: object = None  # taken back: the parent reads it
            if claims[slot] == _UNCLAIMED:
                claims[slot] = _STARTED
                try:
                    message = apply_in_worker(func, chunk)
                except Exception as error:  # passed on: the parent raises it
                    message = error
            try:
                send_message(results, message)
            except (pickle.PicklingError, TypeError, AttributeError) as error:
                send_message(results, WorkerLostError(f"a result could not be sent: {error}"))
    except (KeyboardInterrupt, BrokenPipeError):
        # Ctrl-C reaches every process of the group: the parent says what happened.
        # A closed pipe: the parent stopped early and no longer wants the results.
        return 1
    return 0


class _Inbox(Generic[_Sent]):
    """The chunks a child has been sent and not yet read, in order; None at the end.

    (`queue.SimpleQueue` would do, but its module's import costs the start of every
    ``--jobs`` run a few milliseconds.)
    """

    def __init__(self) -> None:
        self.chunks: deque[_Sent | None] = deque()
        self.count = threading.Semaphore(0)

    def fill(self, pipe: int) -> None:
        """Take chunks off the pipe until it closes (run on a thread of its own)."""
        try:
            while True:
                self.put(cast("_Sent", receive_message(pipe)))
        except Exception:  # the end of the pipe, or a chunk that cannot be read back
            # Either way the child stops, and the parent, missing its answers, says so.
            self.put(None)

    def put(self, chunk: _Sent | None) -> None:
        self.chunks.append(chunk)
        self.count.release()

    def get(self) -> _Sent | None:
        self.count.acquire()
        return self.chunks.popleft()


def apply_in_worker(func: Callable[[T], R], chunk: list[T]) -> ChunkResult[R]:
    """``func`` over a chunk in a worker: the results, and the positions it handed back."""
    results: list[R | None] = []
    handed_back = []
    for position, item in enumerate(chunk):
        start_item()
        try:
            results.append(func(item))
        except HandBack:
            results.append(None)
            handed_back.append(position)
    return results, handed_back
