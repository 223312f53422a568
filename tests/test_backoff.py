"""Issue 9 item 2: botocore's retry back-off costs no wall-clock time while the fake is active.

The delay botocore asks for is not slept: the fake's clock moves by it and the call log records it on the
retried attempt (``Call.backoff``). ``real_backoff=True`` (argument or marker option) sleeps for real.
Real sleeping is replaced by a recorder in these tests, so none of them waits.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import boto3
import pytest
from aiobotocore.session import get_session
from botocore.config import Config
from botocore.exceptions import ConnectionClosedError

from workspaces_fake import WorkspacesBackend, mock_workspaces


def _retrying(region: str = "us-east-1", mode: str = "standard") -> Any:
    config = Config(retries={"mode": mode, "total_max_attempts": 4})
    return boto3.client("workspaces", region_name=region, config=config)


@pytest.fixture
def real_sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every real ``time.sleep`` / ``asyncio.sleep`` asked for, recorded instead of slept."""
    slept: list[float] = []

    async def record_async(delay: float, *args: Any, **kwargs: Any) -> None:
        if delay:  # asyncio's and aiohttp's own ``sleep(0)`` yields are not back-off
            slept.append(delay)

    monkeypatch.setattr(time, "sleep", slept.append)
    monkeypatch.setattr(asyncio, "sleep", record_async)
    return slept


def _backoffs(backend: WorkspacesBackend) -> list[float]:
    return [call.backoff for call in backend.calls]


@pytest.mark.parametrize("mode", ["standard", "legacy", "adaptive"])
def test_retries_move_the_fake_clock_instead_of_sleeping(real_sleeps: list[float], mode: str) -> None:
    with mock_workspaces() as backend:
        backend.faults.on("DescribeWorkspaces").fail("ThrottlingException", times=2)
        response = _retrying(mode=mode).describe_workspaces()
    assert response["ResponseMetadata"]["RetryAttempts"] == 2
    assert real_sleeps == []
    backoffs = _backoffs(backend)
    assert [call.outcome for call in backend.calls] == ["ThrottlingException", "ThrottlingException", "ok"]
    assert backoffs[0] == 0.0
    assert all(delay > 0 for delay in backoffs[1:])
    assert backend.clock.offset.total_seconds() == pytest.approx(sum(backoffs), abs=1e-5)


def test_a_throttled_call_takes_no_wall_clock_time() -> None:
    with mock_workspaces() as backend:
        backend.faults.on("DescribeWorkspaces").fail("ThrottlingException", times=3)
        started = time.monotonic()
        assert _retrying().describe_workspaces()["ResponseMetadata"]["RetryAttempts"] == 3
        elapsed = time.monotonic() - started
    assert sum(_backoffs(backend)) > elapsed or elapsed < 0.5


def test_dropped_connection_retry_records_its_backoff(real_sleeps: list[float]) -> None:
    with mock_workspaces() as backend:
        backend.faults.on("DescribeWorkspaces").disconnect(times=4)
        with pytest.raises(ConnectionClosedError):
            _retrying().describe_workspaces()
    assert [call.outcome for call in backend.calls] == ["disconnect"] * 4
    assert _backoffs(backend)[0] == 0.0
    assert all(delay > 0 for delay in _backoffs(backend)[1:])
    assert real_sleeps == []


def test_real_backoff_sleeps_and_leaves_the_clock_alone(real_sleeps: list[float]) -> None:
    with mock_workspaces(real_backoff=True) as backend:
        backend.faults.on("DescribeWorkspaces").fail("ThrottlingException", times=2)
        assert _retrying().describe_workspaces()["ResponseMetadata"]["RetryAttempts"] == 2
    assert len(real_sleeps) == 2
    assert _backoffs(backend) == [0.0, 0.0, 0.0]
    assert backend.clock.offset.total_seconds() == 0


def test_nested_activation_inherits_real_backoff(real_sleeps: list[float]) -> None:
    with mock_workspaces(real_backoff=True), mock_workspaces() as backend:
        backend.faults.on("DescribeWorkspaces").fail("ThrottlingException", times=1)
        _retrying().describe_workspaces()
    assert len(real_sleeps) == 1


@pytest.mark.workspaces(real_backoff=True)
def test_marker_option_real_backoff(workspaces_backend: WorkspacesBackend, real_sleeps: list[float]) -> None:
    workspaces_backend.faults.on("DescribeWorkspaces").fail("ThrottlingException", times=1)
    _retrying().describe_workspaces()
    assert len(real_sleeps) == 1


def test_other_services_still_sleep(
    real_sleeps: list[float], fake_credentials: None, connections: list[Any]
) -> None:
    config = Config(retries={"mode": "standard", "total_max_attempts": 2})
    sts = boto3.client("sts", region_name="us-east-1", config=config)
    with mock_workspaces(), pytest.raises(Exception, match="Could not connect"):
        sts.get_caller_identity()
    assert len(real_sleeps) == 1


def test_aiobotocore_retries_do_not_sleep(real_sleeps: list[float]) -> None:
    async def main() -> Any:
        config = Config(retries={"mode": "standard", "total_max_attempts": 3})
        maker = get_session().create_client("workspaces", region_name="us-east-1", config=config)
        async with maker as client:
            return await client.describe_workspaces()

    with mock_workspaces() as backend:
        backend.faults.on("DescribeWorkspaces").fail("ThrottlingException", times=2)
        response = asyncio.run(main())
    assert response["ResponseMetadata"]["RetryAttempts"] == 2
    assert real_sleeps == []
    assert all(delay > 0 for delay in _backoffs(backend)[1:])
    assert backend.clock.offset.total_seconds() == pytest.approx(sum(_backoffs(backend)), abs=1e-5)
