"""aiobotocore clients go through the same engine: the fast door, errors, and the wire door with retries.

The wire door answers an aiobotocore client with aiobotocore's own response class (it awaits the body);
a sync client with botocore's. Tests run their coroutines with ``asyncio.run`` (no async plugin needed).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable
from typing import Any, Callable

import pytest
from aiobotocore.session import get_session
from botocore.config import Config
from botocore.exceptions import ConnectionClosedError

import workspaces_fake
from workspaces_fake import WorkspacesBackend, _hook, mock_workspaces

Body = Callable[[Any], Awaitable[Any]]


def _run(body: Body, region: str = "us-east-1", attempts: int = 3) -> Any:
    async def main() -> Any:
        config = Config(retries={"mode": "standard", "total_max_attempts": attempts})
        session = get_session()
        async with session.create_client("workspaces", region_name=region, config=config) as client:
            return await body(client)

    return asyncio.run(main())


def test_aio_fast_door_answers(
    workspaces_backend: WorkspacesBackend, fake_credentials: None, connections: list[Any]
) -> None:
    async def body(client: Any) -> Any:
        return await client.describe_workspaces()

    response = _run(body, workspaces_backend.region_name)
    assert response["Workspaces"] == []
    assert response["ResponseMetadata"]["RetryAttempts"] == 0
    assert len(workspaces_backend.calls) == 1
    assert connections == []


def test_aio_validation_error_is_modeled_exception(
    workspaces_backend: WorkspacesBackend, fake_credentials: None
) -> None:
    async def body(client: Any) -> Any:
        with pytest.raises(client.exceptions.ValidationException) as caught:
            await client.describe_workspaces(WorkspaceIds=["bogus"])
        return caught.value.response

    response = _run(body, workspaces_backend.region_name)
    assert "at 'workspaceIds.1.member'" in response["Error"]["Message"]
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_aio_wire_door_fault_is_retried(
    workspaces_backend: WorkspacesBackend,
    fake_credentials: None,
    no_retry_sleep: list[float],
    connections: list[Any],
) -> None:
    workspaces_backend.faults.on("DescribeWorkspaces").fail("ThrottlingException", times=2)

    async def body(client: Any) -> Any:
        return await client.describe_workspaces()

    response = _run(body, workspaces_backend.region_name)
    assert response["ResponseMetadata"]["RetryAttempts"] == 2
    assert len(no_retry_sleep) == 2
    assert connections == []


def test_aio_wire_door_error_body_is_parsed(
    workspaces_backend: WorkspacesBackend, fake_credentials: None, no_retry_sleep: list[float]
) -> None:
    workspaces_backend.faults.on("DescribeWorkspaces").fail("ServiceUnavailable", times=2)

    async def body(client: Any) -> Any:
        with pytest.raises(client.exceptions.ClientError) as caught:
            await client.describe_workspaces()
        return caught.value.response

    response = _run(body, workspaces_backend.region_name, attempts=2)
    assert response["Error"]["Code"] == "ServiceUnavailable"
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 503
    assert response["ResponseMetadata"]["RetryAttempts"] == 1


def test_aio_disconnect_is_retried_then_raises(
    workspaces_backend: WorkspacesBackend, fake_credentials: None, no_retry_sleep: list[float]
) -> None:
    faults = workspaces_backend.faults

    async def body(client: Any) -> Any:
        faults.on("DescribeWorkspaces").disconnect()
        first = await client.describe_workspaces()  # one drop, retried
        faults.on("DescribeWorkspaces").disconnect(times=2)
        with pytest.raises(ConnectionClosedError):
            await client.describe_workspaces()  # a drop on each of the two attempts
        return first

    response = _run(body, workspaces_backend.region_name, attempts=2)
    assert response["ResponseMetadata"]["RetryAttempts"] == 1


def test_aio_wire_door_only_same_answers_as_fast_door(
    workspaces_backend: WorkspacesBackend, fake_credentials: None
) -> None:
    async def body(client: Any) -> Any:
        fast = await client.describe_workspaces()
        client.meta.events.unregister("before-call.workspaces", _hook.before_call)
        wire = await client.describe_workspaces()
        with pytest.raises(client.exceptions.ValidationException) as caught:
            await client.describe_workspaces(WorkspaceIds=["bogus"])
        return fast, wire, caught.value.response

    fast, wire, error = _run(body, workspaces_backend.region_name)
    assert fast["Workspaces"] == wire["Workspaces"] == []
    assert error["Error"]["Code"] == "ValidationException"
    assert [c.outcome for c in workspaces_backend.calls] == ["ok", "ok", "ValidationException"]


def test_aio_async_decorator_and_attach(fake_credentials: None, connections: list[Any]) -> None:
    @mock_workspaces
    async def body() -> int:
        session = get_session()
        async with session.create_client("workspaces", region_name="us-east-1") as client:
            for event, handler, _first in _hook._EVENTS:
                client.meta.events.unregister(event, handler)
            workspaces_fake.attach(client)
            workspaces_fake.attach(client)
            await client.describe_workspaces()
        with mock_workspaces() as backend:
            return len(backend.calls)

    assert asyncio.run(body()) == 1
    assert connections == []


def test_aio_fast_door_response_body_can_be_awaited(
    workspaces_backend: WorkspacesBackend, fake_credentials: None
) -> None:
    bodies: list[bytes] = []

    async def body(client: Any) -> Any:
        async def after_call(http_response: Any, **_: Any) -> None:
            bodies.append(await http_response.content)

        client.meta.events.register("after-call.workspaces", after_call)
        await client.describe_workspaces()
        with pytest.raises(client.exceptions.ValidationException):
            await client.describe_workspaces(WorkspaceIds=["bogus"])

    _run(body, workspaces_backend.region_name)
    assert json.loads(bodies[0]) == {"Workspaces": []}
    assert json.loads(bodies[1])["__type"] == "ValidationException"
