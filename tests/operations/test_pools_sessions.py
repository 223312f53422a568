"""DescribeWorkspacesPoolSessions, TerminateWorkspacesPoolSession, and users streaming: capacity, timeouts."""

from __future__ import annotations

import re
from typing import Any

import pytest
from _pools import describe

from workspaces_fake import WorkspacesBackend
from workspaces_fake.models.pools.arrange import PoolConnectionRefused


def _sessions(client: Any, pool_id: str, **extra: Any) -> list[dict[str, Any]]:
    return list(client.describe_workspaces_pool_sessions(PoolId=pool_id, **extra)["Sessions"])


def _capacity(client: Any, pool_id: str) -> tuple[int, int, int, int]:
    c = describe(client, pool_id)["CapacityStatus"]
    return (
        c["AvailableUserSessions"],
        c["DesiredUserSessions"],
        c["ActualUserSessions"],
        c["ActiveUserSessions"],
    )


# ------------------------------------------------------------------------------ users and capacity
def test_describe_workspaces_pool_sessions_shows_a_connected_user(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool(timeout_settings={"MaxUserDurationInSeconds": 3600}).pool_id
    session = workspaces_backend.connect_pool_user(pool_id, "alice@example.com")
    (found,) = _sessions(client, pool_id)
    assert re.fullmatch(
        r"[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}", found["SessionId"]
    )
    assert found["SessionId"] == session.session_id
    assert (found["PoolId"], found["UserId"]) == (pool_id, "alice@example.com")
    assert (found["AuthenticationType"], found["ConnectionState"]) == ("SAML", "CONNECTED")
    assert re.fullmatch(r"i-[a-f0-9]{17}", found["InstanceId"])
    assert re.fullmatch(r"eni-[a-f0-9]{17}", found["NetworkAccessConfiguration"]["EniId"])
    assert (found["ExpirationTime"] - found["StartTime"]).total_seconds() == 3600


def test_connect_pool_user_capacity_follows_sessions(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool(desired_user_sessions=2).pool_id
    assert _capacity(client, pool_id) == (2, 2, 2, 0)
    workspaces_backend.connect_pool_user(pool_id, "alice")
    assert _capacity(client, pool_id) == (1, 2, 2, 1)
    workspaces_backend.connect_pool_user(pool_id, "bob")
    assert _capacity(client, pool_id) == (0, 2, 2, 2)
    with pytest.raises(PoolConnectionRefused, match="no available user session"):
        workspaces_backend.connect_pool_user(pool_id, "carol")
    assert workspaces_backend.pools[pool_id].refused_connections == 1


def test_update_workspaces_pool_scale_in_keeps_instances_users_are_on(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool(desired_user_sessions=3).pool_id
    workspaces_backend.connect_pool_user(pool_id, "alice")
    workspaces_backend.connect_pool_user(pool_id, "bob")
    client.update_workspaces_pool(PoolId=pool_id, Capacity={"DesiredUserSessions": 1})
    assert _capacity(client, pool_id) == (0, 1, 2, 2)


def test_connect_pool_user_stopped_pool_is_refused(workspaces_backend: WorkspacesBackend) -> None:
    pool_id = workspaces_backend.add_pool(state="STOPPED").pool_id
    with pytest.raises(PoolConnectionRefused, match="STOPPED"):
        workspaces_backend.connect_pool_user(pool_id, "alice")


def test_connect_pool_user_reconnect_resumes_the_same_session(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool().pool_id
    first = workspaces_backend.connect_pool_user(pool_id, "alice")
    workspaces_backend.disconnect_pool_session(first.session_id)
    assert _sessions(client, pool_id)[0]["ConnectionState"] == "NOT_CONNECTED"
    again = workspaces_backend.connect_pool_user(pool_id, "alice")
    assert again.session_id == first.session_id
    assert _sessions(client, pool_id)[0]["ConnectionState"] == "CONNECTED"


def test_end_pool_session_logout_ends_at_once(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    pool_id = workspaces_backend.add_pool(timeout_settings={"DisconnectTimeoutInSeconds": 900}).pool_id
    session = workspaces_backend.connect_pool_user(pool_id, "alice")
    workspaces_backend.end_pool_session(session.session_id)
    assert _sessions(client, pool_id) == []
    assert _capacity(client, pool_id) == (1, 1, 1, 0)


def test_describe_workspaces_pool_sessions_filters_by_user_and_pages(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool(desired_user_sessions=3).pool_id
    for user in ("alice", "bob", "carol"):
        workspaces_backend.connect_pool_user(pool_id, user)
        workspaces_backend.clock.advance(seconds=1)
    assert [s["UserId"] for s in _sessions(client, pool_id, UserId="bob")] == ["bob"]
    first = client.describe_workspaces_pool_sessions(PoolId=pool_id, Limit=2)
    rest = client.describe_workspaces_pool_sessions(PoolId=pool_id, Limit=2, NextToken=first["NextToken"])
    assert [s["UserId"] for s in first["Sessions"] + rest["Sessions"]] == ["alice", "bob", "carol"]
    with pytest.raises(client.exceptions.ValidationException):
        client.describe_workspaces_pool_sessions(PoolId=pool_id, Limit=51)


def test_describe_workspaces_pool_sessions_unknown_pool_is_resource_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.describe_workspaces_pool_sessions(PoolId="wspool-000000000")


def test_stop_workspaces_pool_ends_every_session(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    pool_id = workspaces_backend.add_pool(desired_user_sessions=2).pool_id
    workspaces_backend.connect_pool_user(pool_id, "alice")
    client.stop_workspaces_pool(PoolId=pool_id)
    assert _sessions(client, pool_id) == []
    assert _capacity(client, pool_id) == (0, 2, 0, 0)


# ------------------------------------------------------------------------------------------ timeouts
def test_pool_session_max_duration_ends_the_session(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool(timeout_settings={"MaxUserDurationInSeconds": 600}).pool_id
    workspaces_backend.connect_pool_user(pool_id, "alice")
    workspaces_backend.clock.advance(seconds=599)
    assert len(_sessions(client, pool_id)) == 1
    workspaces_backend.clock.advance(seconds=1)
    assert _sessions(client, pool_id) == []


def test_pool_session_disconnect_timeout_ends_a_disconnected_session(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool(timeout_settings={"DisconnectTimeoutInSeconds": 60}).pool_id
    session = workspaces_backend.connect_pool_user(pool_id, "alice")
    workspaces_backend.disconnect_pool_session(session.session_id)
    workspaces_backend.clock.advance(seconds=59)
    assert _sessions(client, pool_id)[0]["ConnectionState"] == "NOT_CONNECTED"
    workspaces_backend.clock.advance(seconds=1)
    assert _sessions(client, pool_id) == []


def test_pool_session_idle_then_disconnect_timeouts_cross_in_one_jump(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    timeouts = {"IdleDisconnectTimeoutInSeconds": 300, "DisconnectTimeoutInSeconds": 120}
    pool_id = workspaces_backend.add_pool(timeout_settings=timeouts).pool_id
    session = workspaces_backend.connect_pool_user(pool_id, "alice")
    workspaces_backend.clock.advance(seconds=200)
    workspaces_backend.record_pool_session_input(session.session_id)
    workspaces_backend.clock.advance(seconds=299)
    assert _sessions(client, pool_id)[0]["ConnectionState"] == "CONNECTED"
    workspaces_backend.clock.advance(seconds=1)
    assert _sessions(client, pool_id)[0]["ConnectionState"] == "NOT_CONNECTED"
    workspaces_backend.clock.advance(seconds=120)
    assert _sessions(client, pool_id) == []


def test_pool_session_zero_timeouts_never_end_it(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    pool_id = workspaces_backend.add_pool().pool_id
    session = workspaces_backend.connect_pool_user(pool_id, "alice")
    workspaces_backend.disconnect_pool_session(session.session_id)
    workspaces_backend.clock.advance(hours=24 * 30)
    assert len(_sessions(client, pool_id)) == 1


@pytest.mark.workspaces(lifecycle="manual")
def test_pool_session_timeouts_act_on_the_clock_in_manual_mode(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool(timeout_settings={"MaxUserDurationInSeconds": 600}).pool_id
    workspaces_backend.connect_pool_user(pool_id, "alice")
    workspaces_backend.clock.advance(minutes=10)
    assert _sessions(client, pool_id) == []


# ---------------------------------------------------------------------- TerminateWorkspacesPoolSession
def test_terminate_workspaces_pool_session_ends_it(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool().pool_id
    session = workspaces_backend.connect_pool_user(pool_id, "alice")
    assert set(client.terminate_workspaces_pool_session(SessionId=session.session_id)) == {"ResponseMetadata"}
    assert _sessions(client, pool_id) == []
    assert _capacity(client, pool_id) == (1, 1, 1, 0)


@pytest.mark.workspaces(lifecycle="timed")
def test_terminate_workspaces_pool_session_timed_listed_for_a_minute(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool().pool_id
    session = workspaces_backend.connect_pool_user(pool_id, "alice")
    client.terminate_workspaces_pool_session(SessionId=session.session_id)
    with pytest.raises(client.exceptions.OperationInProgressException):
        client.terminate_workspaces_pool_session(SessionId=session.session_id)
    workspaces_backend.clock.advance(seconds=59)
    assert len(_sessions(client, pool_id)) == 1
    workspaces_backend.clock.advance(seconds=1)
    assert _sessions(client, pool_id) == []


def test_terminate_workspaces_pool_session_unknown_is_resource_not_found(client: Any) -> None:
    unknown = "0123abcd-0123-4abc-8def-0123456789ab"
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.terminate_workspaces_pool_session(SessionId=unknown)
    assert caught.value.response["ResourceId"] == unknown


def test_terminate_workspaces_pool_session_malformed_id_is_validation_exception(client: Any) -> None:
    with pytest.raises(client.exceptions.ValidationException):
        client.terminate_workspaces_pool_session(SessionId="0123ABCD-0123-4abc-8def-0123456789ab")


@pytest.mark.workspaces(lifecycle="manual")
def test_terminate_workspaces_pool_session_pool_not_running_is_operation_not_supported(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool().pool_id
    session = workspaces_backend.connect_pool_user(pool_id, "alice")
    client.update_workspaces_pool(PoolId=pool_id, TimeoutSettings={"DisconnectTimeoutInSeconds": 60})
    with pytest.raises(client.exceptions.OperationNotSupportedException):
        client.terminate_workspaces_pool_session(SessionId=session.session_id)


def test_pool_arrange_helpers_unknown_pool_or_session_is_value_error(
    workspaces_backend: WorkspacesBackend,
) -> None:
    with pytest.raises(ValueError, match="no pool"):
        workspaces_backend.connect_pool_user("wspool-000000000", "alice")
    with pytest.raises(ValueError, match="no pool"):
        workspaces_backend.fail_next_pool_start("wspool-000000000", "IGW_NOT_ATTACHED")
    with pytest.raises(ValueError, match="no live pool session"):
        workspaces_backend.end_pool_session("0123abcd-0123-4abc-8def-0123456789ab")
