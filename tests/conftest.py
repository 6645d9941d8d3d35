"""Test-wide settings: hypothesis profiles and a guard that keeps every test offline."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# "ci" is derandomized so a red run is reproducible; "dev" is quick for local iteration.
settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("dev", max_examples=25, deadline=None)
# "fuzz" is for long local runs of tests/test_fuzz.py: many examples, no time limit.
settings.register_profile(
    "fuzz",
    max_examples=20_000,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = REPO_ROOT.parent / "shared" / "corpus"


@pytest.fixture
def shared_corpus() -> Path:
    """The team's shared test corpus beside the repository, or a skip saying why."""
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {SHARED_CORPUS} (it lives beside the repo root)")
    return SHARED_CORPUS


class NetworkUsedError(AssertionError):
    """Raised when code under test tries to open a network connection."""


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test whose code tries to reach the network: newspkg never does."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise NetworkUsedError("newspkg tried to open a network connection")

    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex

    def local_only(sock: socket.socket, address: object) -> object:
        # Unix sockets are this machine's processes (the --jobs pool's forkserver), not a network.
        if sock.family != getattr(socket, "AF_UNIX", None):
            refuse()
        return connect(sock, address)  # type: ignore[arg-type]

    def local_only_ex(sock: socket.socket, address: object) -> object:
        if sock.family != getattr(socket, "AF_UNIX", None):
            refuse()
        return connect_ex(sock, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", local_only)
    monkeypatch.setattr(socket.socket, "connect_ex", local_only_ex)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
