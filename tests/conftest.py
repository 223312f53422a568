"""Shared fixtures and the two suite-wide checks every test runs under.

* ``_dispatch.self_check``: every handler result is validated against its output shape by botocore's own
  validator before it is encoded (as botocore's Stubber checks canned responses).
* ``_validate.cross_check``: every request is validated by both compilations of its input shape (the quick
  predicate and the collecting checks), which must agree.
* The differential check: every answer of the fast door is compared with what botocore's own JSON parser
  returns for the bytes the wire door would send for the same outcome, strictly (types, tzinfo classes,
  key sets). A mismatch raises inside the client call, so the test that made the call fails.
"""

from __future__ import annotations

import inspect
import socket
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import boto3
import pytest
from _wirecheck import assert_same, parse_wire, without_metadata

from workspaces_fake import WorkspacesBackend, _dispatch, _hook, _validate

_dispatch.self_check = True
_validate.cross_check = True


# ----------------------------------------------------------------------------------------- differential
_fast_answer = _hook._fast_answer


def _checked_fast_answer(model: Any, outcome: Any) -> Any:
    """The fast door's answer, after proving it equals botocore's parse of the wire door's bytes."""
    http, parsed = _fast_answer(model, outcome)
    status, body = _hook.encode_outcome(model, outcome)
    wire = parse_wire(model, status, dict(http.headers), body)
    assert_same(without_metadata(parsed), without_metadata(wire), f"{model.name}")
    meta, wire_meta = parsed["ResponseMetadata"], wire["ResponseMetadata"]
    assert http.status_code == status == meta["HTTPStatusCode"] == wire_meta["HTTPStatusCode"]
    assert meta["RequestId"] == wire_meta["RequestId"] == outcome.request_id
    assert dict(meta["HTTPHeaders"]) == dict(wire_meta["HTTPHeaders"])
    return http, parsed


_hook._fast_answer = _checked_fast_answer


# ----------------------------------------------------------------------------------------- fixtures
@pytest.fixture
def client(workspaces_backend: WorkspacesBackend) -> Iterator[Any]:
    """A real boto3 WorkSpaces client in the fixture backend's region, retries off unless a test asks."""
    from botocore.config import Config

    config = Config(retries={"max_attempts": 0, "mode": "standard"})
    yield boto3.client("workspaces", region_name=workspaces_backend.region_name, config=config)


Handler = Callable[..., Any]


@pytest.fixture
def fake_handler(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Callable[[Handler], Handler]]:
    """Register a handler for one test only: ``@fake_handler("DescribeWorkspaceSnapshots")``.

    Core tests use it to drive the engine through shapes (timestamps, nested lists, errors) without
    depending on the resource families, which other work owns; the previous handler comes back after.
    """

    def register(name: str) -> Callable[[Handler], Handler]:
        def decorate(func: Handler) -> Handler:
            params = inspect.signature(func).parameters
            accepts = frozenset(p for p in params if params[p].kind is inspect.Parameter.KEYWORD_ONLY)
            registration = _dispatch.Registration(name, func, accepts)
            monkeypatch.setitem(_dispatch.HANDLERS, name, registration)
            return func

        return decorate

    return register


@pytest.fixture
def no_retry_sleep(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """botocore's (and aiobotocore's) retry back-off does not sleep; the delays asked for are recorded."""
    import botocore.endpoint

    delays: list[float] = []
    monkeypatch.setattr(botocore.endpoint.time, "sleep", delays.append)
    try:
        from aiobotocore.endpoint import AioEndpoint
    except ImportError:  # pragma: no cover - aiobotocore is a test dependency
        return delays

    async def no_sleep(self: Any, amount: float) -> None:
        delays.append(amount)

    monkeypatch.setattr(AioEndpoint, "_sleep", no_sleep)
    return delays


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Any]]:
    """Forbid the network: every name lookup and every ``connect`` is recorded as (host, port) and refused.

    Refusing at the lookup too matters: without DNS, urllib3 fails before it ever connects, and a test
    that only watched ``connect`` would see nothing. botocore reports either as EndpointConnectionError.
    """
    attempts: list[tuple[str, Any]] = []

    def refuse_lookup(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        attempts.append((str(host), port))
        raise socket.gaierror(socket.EAI_NONAME, f"the network is forbidden in this test ({host})")

    def refuse_connect(sock: socket.socket, address: Any) -> Any:
        attempts.append((str(address[0]), address[1]))
        raise ConnectionRefusedError(f"the network is forbidden in this test ({address!r})")

    monkeypatch.setattr(socket, "getaddrinfo", refuse_lookup)
    monkeypatch.setattr(socket.socket, "connect", refuse_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse_connect)
    return attempts


@pytest.fixture
def no_aws_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No AWS configuration at all: AWS_* variables removed, config and credentials files empty."""
    import os

    for name in list(os.environ):
        if name.startswith(("AWS_", "BOTO_")):
            monkeypatch.delenv(name)
    empty = tmp_path / "empty"
    empty.write_text("")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(empty))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(empty))


@pytest.fixture
def fake_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dummy credentials, for tests whose *other* services must sign a request before it is refused."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")


@pytest.fixture(params=["freezegun", "time_machine"])
def time_travel(request: pytest.FixtureRequest) -> Iterator[Callable[[datetime], Any]]:
    """``travel(moment)`` moves the wall clock with freezegun or time-machine (one test, both libraries).

    Returns a callable that starts a travel to ``moment`` (stopped at teardown) and returns an object
    whose ``move_to(moment)`` jumps again.
    """
    stops: list[Callable[[], Any]] = []

    def travel(moment: datetime) -> Any:
        if request.param == "freezegun":
            import freezegun

            freezer = freezegun.freeze_time(moment, ignore=["_pytest"])  # keep pytest's own timings real
            frozen = freezer.start()
            stops.append(freezer.stop)
            return frozen
        import time_machine

        traveller = time_machine.travel(moment, tick=False)
        shifted = traveller.start()
        stops.append(traveller.stop)
        return shifted

    yield travel
    for stop in reversed(stops):
        stop()
