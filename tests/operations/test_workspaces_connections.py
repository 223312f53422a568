"""DescribeWorkspacesConnectionStatus and the user-connection arrange helpers (connect, disconnect, fail)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import freezegun
import pytest

from workspaces_fake import WorkspacesBackend

MOMENT = datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=timezone.utc)
AT_MS = MOMENT.replace(microsecond=123000)


def _status(client: Any, workspace_id: str) -> dict[str, Any]:
    found = client.describe_workspaces_connection_status(WorkspaceIds=[workspace_id])
    [entry] = found["WorkspacesConnectionStatus"]
    return dict(entry)


def test_describe_workspaces_connection_status_never_connected_is_disconnected_without_last_time(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    with freezegun.freeze_time(MOMENT):
        ws = workspaces_backend.add_workspace()
        assert _status(client, ws.workspace_id) == {
            "WorkspaceId": ws.workspace_id,
            "ConnectionState": "DISCONNECTED",
            "ConnectionStateCheckTimestamp": AT_MS,
        }


def test_describe_workspaces_connection_status_connected_then_disconnected_at_given_times(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    with freezegun.freeze_time(MOMENT):
        ws = workspaces_backend.add_workspace()
        workspaces_backend.connect_user(ws.workspace_id, at=MOMENT - timedelta(days=10))
        entry = _status(client, ws.workspace_id)
        assert entry["ConnectionState"] == "CONNECTED"
        assert "LastKnownUserConnectionTimestamp" not in entry  # the first session is still open
        workspaces_backend.disconnect_user(ws.workspace_id, at=MOMENT - timedelta(days=9))
        entry = _status(client, ws.workspace_id)
        assert entry["ConnectionState"] == "DISCONNECTED"
        assert entry["LastKnownUserConnectionTimestamp"] == AT_MS - timedelta(days=9)


def test_describe_workspaces_connection_status_stopped_is_unknown_and_keeps_last_time(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(running_mode="AUTO_STOP")
    workspaces_backend.connect_user(ws.workspace_id)
    workspaces_backend.clock.advance(hours=1)
    client.stop_workspaces(StopWorkspaceRequests=[{"WorkspaceId": ws.workspace_id}])
    stopped_at = workspaces_backend.clock.now()
    entry = _status(client, ws.workspace_id)
    assert entry["ConnectionState"] == "UNKNOWN"  # STOPPED
    ended = entry["LastKnownUserConnectionTimestamp"]
    assert timedelta(0) <= stopped_at - ended < timedelta(seconds=5)  # the stop ended the session
    assert ws.connections is not None and ws.connections.open_session() is None


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("AVAILABLE", "DISCONNECTED"),
        ("IMPAIRED", "DISCONNECTED"),
        ("UNHEALTHY", "DISCONNECTED"),
        ("REBOOTING", "DISCONNECTED"),
        ("ADMIN_MAINTENANCE", "DISCONNECTED"),
        ("STOPPED", "UNKNOWN"),
        ("STOPPING", "UNKNOWN"),
        ("SUSPENDED", "UNKNOWN"),
        ("TERMINATING", "UNKNOWN"),
    ],
)
def test_describe_workspaces_connection_status_state_mapping(
    client: Any, workspaces_backend: WorkspacesBackend, state: str, expected: str
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    ws = workspaces_backend.add_workspace(state=state, running_mode="AUTO_STOP")
    assert _status(client, ws.workspace_id)["ConnectionState"] == expected


def test_describe_workspaces_connection_status_omits_pending_failed_creation_and_unknown_ids(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    pending = workspaces_backend.add_workspace(state="PENDING")
    failed = workspaces_backend.add_workspace(state="ERROR")
    broken = workspaces_backend.add_workspace(state="ERROR", snapshots=True)  # was AVAILABLE once
    ids = [pending.workspace_id, failed.workspace_id, broken.workspace_id, "ws-000000000"]
    found = client.describe_workspaces_connection_status(WorkspaceIds=ids)["WorkspacesConnectionStatus"]
    assert [(e["WorkspaceId"], e["ConnectionState"]) for e in found] == [(broken.workspace_id, "UNKNOWN")]


def test_describe_workspaces_connection_status_paginator_walks_every_workspace(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    made = [workspaces_backend.add_workspace().workspace_id for _ in range(30)]
    first = client.describe_workspaces_connection_status()
    assert len(first["WorkspacesConnectionStatus"]) == 25 and "NextToken" in first
    pages = client.get_paginator("describe_workspaces_connection_status").paginate()
    seen = [e["WorkspaceId"] for page in pages for e in page["WorkspacesConnectionStatus"]]
    assert seen == made


def test_describe_workspaces_connection_status_token_with_other_ids_is_invalid(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    for _ in range(26):
        workspaces_backend.add_workspace()
    token = client.describe_workspaces_connection_status()["NextToken"]
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.describe_workspaces_connection_status(WorkspaceIds=["ws-000000000"], NextToken=token)


def test_describe_workspaces_connection_status_more_than_25_ids_is_a_validation_error(client: Any) -> None:
    ids = [f"ws-{n:09d}" for n in range(26)]
    with pytest.raises(client.exceptions.ClientError) as caught:
        client.describe_workspaces_connection_status(WorkspaceIds=ids)
    assert caught.value.response["Error"]["Code"] == "ValidationException"


@pytest.mark.parametrize("state", ["STOPPED", "PENDING", "REBOOTING", "ADMIN_MAINTENANCE"])
def test_connect_user_workspace_not_available_is_a_python_error_naming_the_state(
    workspaces_backend: WorkspacesBackend, state: str
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    ws = workspaces_backend.add_workspace(state=state, running_mode="AUTO_STOP")
    with pytest.raises(ValueError, match=f"is {state}"):
        workspaces_backend.connect_user(ws.workspace_id)


def test_connect_user_twice_and_disconnect_nobody_are_python_errors(
    workspaces_backend: WorkspacesBackend,
) -> None:
    ws = workspaces_backend.add_workspace()
    with pytest.raises(ValueError, match="no user is connected"):
        workspaces_backend.disconnect_user(ws.workspace_id)
    workspaces_backend.connect_user(ws.workspace_id)
    with pytest.raises(ValueError, match="already connected"):
        workspaces_backend.connect_user(ws.workspace_id)


def test_connect_user_before_the_last_recorded_event_is_a_python_error(
    workspaces_backend: WorkspacesBackend,
) -> None:
    ws = workspaces_backend.add_workspace()
    now = workspaces_backend.clock.now()
    workspaces_backend.connect_user(ws.workspace_id, at=now - timedelta(days=3))
    workspaces_backend.disconnect_user(ws.workspace_id, at=now - timedelta(days=2))
    with pytest.raises(ValueError, match="recorded in order"):
        workspaces_backend.connect_user(ws.workspace_id, at=now - timedelta(days=5))


def test_fail_connection_records_an_attempt_without_a_session(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(state="STOPPED", running_mode="AUTO_STOP")
    workspaces_backend.fail_connection(ws.workspace_id)
    assert ws.connections is not None
    assert len(ws.connections.failures) == 1 and ws.connections.sessions == []
    assert "LastKnownUserConnectionTimestamp" not in _status(client, ws.workspace_id)


def test_connections_session_list_is_compact_start_end_pairs(workspaces_backend: WorkspacesBackend) -> None:
    with freezegun.freeze_time(MOMENT):
        ws = workspaces_backend.add_workspace()
        for day in (3, 2, 1):
            workspaces_backend.connect_user(ws.workspace_id, at=MOMENT - timedelta(days=day))
            workspaces_backend.disconnect_user(ws.workspace_id, at=MOMENT - timedelta(days=day, hours=-2))
        workspaces_backend.connect_user(ws.workspace_id)
        assert ws.connections is not None
        sessions = ws.connections.sessions
        assert sessions[0] == (AT_MS - timedelta(days=3), AT_MS - timedelta(days=3, hours=-2))
        assert sessions[-1] == (AT_MS, None)
        assert len(sessions) == 4
