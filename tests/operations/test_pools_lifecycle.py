"""StartWorkspacesPool, StopWorkspacesPool, TerminateWorkspacesPool: the pool's states in all three modes."""

from __future__ import annotations

from typing import Any

import pytest
from _pools import create_request, describe, state

from workspaces_fake import WorkspacesBackend


# ------------------------------------------------------------------------------------- timed mode
@pytest.mark.workspaces(lifecycle="timed")
def test_create_workspaces_pool_timed_creating_one_minute_then_starting_ten(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = client.create_workspaces_pool(**create_request(workspaces_backend))["WorkspacesPool"]["PoolId"]
    clock = workspaces_backend.clock
    clock.advance(seconds=59)
    assert state(client, pool_id) == "CREATING"
    clock.advance(seconds=1)
    assert state(client, pool_id) == "STARTING"
    assert describe(client, pool_id)["CapacityStatus"]["ActualUserSessions"] == 0
    clock.advance(minutes=10)
    assert state(client, pool_id) == "RUNNING"


@pytest.mark.workspaces(lifecycle="timed")
def test_stop_workspaces_pool_timed_stopping_five_minutes(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool().pool_id
    assert client.stop_workspaces_pool(PoolId=pool_id)["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert state(client, pool_id) == "STOPPING"
    workspaces_backend.clock.advance(minutes=5)
    assert state(client, pool_id) == "STOPPED"


@pytest.mark.workspaces(lifecycle="timed")
def test_terminate_workspaces_pool_timed_running_stops_then_deletes_then_gone(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool(tags={"team": "a"}).pool_id
    client.terminate_workspaces_pool(PoolId=pool_id)
    assert state(client, pool_id) == "STOPPING"
    workspaces_backend.clock.advance(minutes=5)
    assert state(client, pool_id) == "DELETING"
    workspaces_backend.clock.advance(minutes=3)
    assert state(client, pool_id) == "GONE"
    assert pool_id not in workspaces_backend.tags
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.terminate_workspaces_pool(PoolId=pool_id)


@pytest.mark.workspaces(lifecycle="timed")
def test_update_workspaces_pool_timed_updating_two_minutes(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool(state="STOPPED").pool_id
    client.update_workspaces_pool(PoolId=pool_id, RunningMode="ALWAYS_ON")
    workspaces_backend.clock.advance(minutes=1, seconds=59)
    assert state(client, pool_id) == "UPDATING"
    workspaces_backend.clock.advance(seconds=1)
    assert state(client, pool_id) == "STOPPED"


# ------------------------------------------------------------------------------------ instant mode
def test_start_workspaces_pool_stopped_answers_empty_then_running(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool(state="STOPPED", desired_user_sessions=3).pool_id
    response = client.start_workspaces_pool(PoolId=pool_id)
    assert set(response) == {"ResponseMetadata"}
    found = describe(client, pool_id)
    assert found["State"] == "RUNNING"
    assert found["CapacityStatus"]["AvailableUserSessions"] == 3


def test_start_workspaces_pool_running_is_invalid_resource_state(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool().pool_id
    with pytest.raises(client.exceptions.InvalidResourceStateException):
        client.start_workspaces_pool(PoolId=pool_id)


def test_start_workspaces_pool_failure_ends_stopped_with_errors_then_clears(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool(state="STOPPED").pool_id
    workspaces_backend.fail_next_pool_start(pool_id, "DOMAIN_JOIN_ERROR_ACCESS_DENIED")
    client.start_workspaces_pool(PoolId=pool_id)
    found = describe(client, pool_id)
    assert found["State"] == "STOPPED"
    assert found["Errors"] == [
        {"ErrorCode": "DOMAIN_JOIN_ERROR_ACCESS_DENIED", "ErrorMessage": "Access is denied."}
    ]
    client.start_workspaces_pool(PoolId=pool_id)
    found = describe(client, pool_id)
    assert (found["State"], "Errors" in found) == ("RUNNING", False)


def test_fail_next_pool_start_checks_the_error_code_against_the_model(
    workspaces_backend: WorkspacesBackend,
) -> None:
    pool_id = workspaces_backend.add_pool(state="STOPPED").pool_id
    with pytest.raises(ValueError, match="WorkspacesPoolErrorCode"):
        workspaces_backend.fail_next_pool_start(pool_id, "NOT_A_CODE")


def test_start_workspaces_pool_over_instance_quota_is_resource_limit_exceeded(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.use_aws_quotas()
    bundle_id = workspaces_backend.add_pool("a", desired_user_sessions=6).bundle_id
    stopped = workspaces_backend.add_pool("b", state="STOPPED", bundle_id=bundle_id, desired_user_sessions=5)
    with pytest.raises(client.exceptions.ResourceLimitExceededException):
        client.start_workspaces_pool(PoolId=stopped.pool_id)
    assert state(client, stopped.pool_id) == "STOPPED"


def test_stop_workspaces_pool_stopped_is_invalid_resource_state(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool(state="STOPPED").pool_id
    with pytest.raises(client.exceptions.InvalidResourceStateException):
        client.stop_workspaces_pool(PoolId=pool_id)


def test_stop_workspaces_pool_always_on_pool_can_stop(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool(running_mode="ALWAYS_ON").pool_id
    client.stop_workspaces_pool(PoolId=pool_id)
    assert state(client, pool_id) == "STOPPED"


def test_stop_workspaces_pool_unknown_is_resource_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.stop_workspaces_pool(PoolId="wspool-000000000")
    assert caught.value.response["ResourceId"] == "wspool-000000000"


def test_terminate_workspaces_pool_stopped_goes_deleting_then_gone(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool(state="STOPPED").pool_id
    client.terminate_workspaces_pool(PoolId=pool_id)
    assert state(client, pool_id) == "GONE"
    assert len(workspaces_backend.pools) == 0


# ------------------------------------------------------------------------------------- manual mode
@pytest.mark.workspaces(lifecycle="manual")
def test_terminate_workspaces_pool_manual_waits_for_settle(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool(state="STOPPED").pool_id
    client.terminate_workspaces_pool(PoolId=pool_id)
    workspaces_backend.clock.advance(hours=1)
    assert state(client, pool_id) == "DELETING"
    with pytest.raises(client.exceptions.OperationInProgressException):
        client.terminate_workspaces_pool(PoolId=pool_id)
    workspaces_backend.settle()
    assert state(client, pool_id) == "GONE"


@pytest.mark.workspaces(lifecycle="manual")
def test_terminate_workspaces_pool_manual_starting_pool_stops_first(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool(state="STARTING").pool_id
    client.terminate_workspaces_pool(PoolId=pool_id)
    assert state(client, pool_id) == "STOPPING"
    workspaces_backend.settle()
    assert state(client, pool_id) == "GONE"


@pytest.mark.workspaces(lifecycle="manual")
@pytest.mark.parametrize("busy", ["CREATING", "STOPPING", "UPDATING"])
def test_terminate_workspaces_pool_busy_is_operation_in_progress(
    client: Any, workspaces_backend: WorkspacesBackend, busy: str
) -> None:
    pool_id = workspaces_backend.add_pool(state=busy).pool_id
    with pytest.raises(client.exceptions.OperationInProgressException):
        client.terminate_workspaces_pool(PoolId=pool_id)


@pytest.mark.workspaces(lifecycle="manual")
@pytest.mark.parametrize("operation", ["start_workspaces_pool", "stop_workspaces_pool"])
def test_start_stop_workspaces_pool_while_starting_is_operation_in_progress(
    client: Any, workspaces_backend: WorkspacesBackend, operation: str
) -> None:
    pool_id = workspaces_backend.add_pool(state="STARTING").pool_id
    with pytest.raises(client.exceptions.OperationInProgressException):
        getattr(client, operation)(PoolId=pool_id)


@pytest.mark.workspaces(lifecycle="manual")
def test_create_workspaces_pool_manual_stays_creating_until_settle(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = client.create_workspaces_pool(**create_request(workspaces_backend))["WorkspacesPool"]["PoolId"]
    workspaces_backend.clock.advance(hours=1)
    assert state(client, pool_id) == "CREATING"
    workspaces_backend.settle()
    assert state(client, pool_id) == "RUNNING"
