"""RebuildWorkspaces, RestoreWorkspace and ModifyWorkspaceState: rules, errors, the three lifecycle modes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import freezegun
import pytest

from workspaces_fake import WorkspacesBackend

MOMENT = datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone.utc)


def _state(client: Any, workspace_id: str) -> str:
    found = client.describe_workspaces(WorkspaceIds=[workspace_id])["Workspaces"]
    return str(found[0]["State"]) if found else "GONE"


def _rebuild(client: Any, workspace_id: str) -> list[dict[str, Any]]:
    answer = client.rebuild_workspaces(RebuildWorkspaceRequests=[{"WorkspaceId": workspace_id}])
    return list(answer["FailedRequests"])


def _codes(failed: list[dict[str, Any]]) -> list[str]:
    return [f["ErrorCode"] for f in failed]


# ------------------------------------------------------------------------------------ ModifyWorkspaceState
def test_modify_workspace_state_round_trip_through_admin_maintenance(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace()
    client.modify_workspace_state(WorkspaceId=ws.workspace_id, WorkspaceState="ADMIN_MAINTENANCE")
    assert _state(client, ws.workspace_id) == "ADMIN_MAINTENANCE"
    client.modify_workspace_state(WorkspaceId=ws.workspace_id, WorkspaceState="AVAILABLE")
    assert _state(client, ws.workspace_id) == "AVAILABLE"


def test_modify_workspace_state_answers_empty_and_same_state_is_a_no_op(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace()
    since = ws.state_since
    answer = client.modify_workspace_state(WorkspaceId=ws.workspace_id, WorkspaceState="AVAILABLE")
    assert set(answer) == {"ResponseMetadata"}
    assert ws.state == "AVAILABLE" and ws.state_since == since


def test_modify_workspace_state_ends_the_user_session(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace()
    workspaces_backend.connect_user(ws.workspace_id)
    client.modify_workspace_state(WorkspaceId=ws.workspace_id, WorkspaceState="ADMIN_MAINTENANCE")
    status = client.describe_workspaces_connection_status(WorkspaceIds=[ws.workspace_id])
    entry = status["WorkspacesConnectionStatus"][0]
    assert entry["ConnectionState"] == "DISCONNECTED" and "LastKnownUserConnectionTimestamp" in entry


@pytest.mark.parametrize("state", ["STOPPED", "PENDING", "REBOOTING", "ERROR", "REBUILDING"])
def test_modify_workspace_state_other_source_state_raises_invalid_resource_state(
    client: Any, workspaces_backend: WorkspacesBackend, state: str
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    ws = workspaces_backend.add_workspace(state=state, running_mode="AUTO_STOP")
    with pytest.raises(client.exceptions.InvalidResourceStateException, match=state):
        client.modify_workspace_state(WorkspaceId=ws.workspace_id, WorkspaceState="ADMIN_MAINTENANCE")
    assert ws.state == state


def test_modify_workspace_state_unknown_workspace_raises_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.modify_workspace_state(WorkspaceId="ws-000000000", WorkspaceState="AVAILABLE")
    assert caught.value.response["ResourceId"] == "ws-000000000"


def test_modify_workspace_state_stopped_target_is_a_validation_error(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace()
    with pytest.raises(client.exceptions.ClientError) as caught:
        client.modify_workspace_state(WorkspaceId=ws.workspace_id, WorkspaceState="STOPPED")
    assert caught.value.response["Error"]["Code"] == "ValidationException"


def test_admin_maintenance_refuses_reboot_rebuild_and_restore(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(state="ADMIN_MAINTENANCE")
    rebooted = client.reboot_workspaces(RebootWorkspaceRequests=[{"WorkspaceId": ws.workspace_id}])
    assert _codes(rebooted["FailedRequests"]) == ["InvalidResourceState.Workspace"]
    assert _codes(_rebuild(client, ws.workspace_id)) == ["InvalidResourceState.Workspace"]
    with pytest.raises(client.exceptions.OperationNotSupportedException) as caught:
        client.restore_workspace(WorkspaceId=ws.workspace_id)
    assert caught.value.response["reason"] == "InvalidResourceState"
    assert ws.state == "ADMIN_MAINTENANCE"


# ------------------------------------------------------------------------------------------ RebuildWorkspaces
@pytest.mark.parametrize("state", ["AVAILABLE", "ERROR", "UNHEALTHY", "STOPPED", "REBOOTING"])
def test_rebuild_workspaces_allowed_state_rebuilds_to_available(
    client: Any, workspaces_backend: WorkspacesBackend, state: str
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    ws = workspaces_backend.add_workspace(state=state, running_mode="AUTO_STOP", snapshots=True)
    assert _rebuild(client, ws.workspace_id) == []
    assert _state(client, ws.workspace_id) == "REBUILDING"
    workspaces_backend.settle()
    assert _state(client, ws.workspace_id) == "AVAILABLE"


def test_rebuild_workspaces_instant_answers_rebuilding_then_available_with_new_ip(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace()
    old_ip, subnet, name = ws.ip_address, ws.subnet_id, ws.computer_name
    assert _rebuild(client, ws.workspace_id) == []
    assert ws.state == "REBUILDING" and ws.ip_address == old_ip  # kept while rebuilding
    [found] = client.describe_workspaces(WorkspaceIds=[ws.workspace_id])["Workspaces"]
    assert found["State"] == "AVAILABLE"
    assert found["IpAddress"] != old_ip
    assert (found["SubnetId"], found["ComputerName"]) == (subnet, name)


@pytest.mark.workspaces(lifecycle="timed")
def test_rebuild_workspaces_timed_forty_minutes_then_fresh_snapshots_thirty_later(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    with freezegun.freeze_time(MOMENT) as frozen:
        ws = workspaces_backend.add_workspace()
        frozen.tick(timedelta(hours=1))
        assert _rebuild(client, ws.workspace_id) == []
        frozen.tick(timedelta(minutes=39, seconds=59))
        assert _state(client, ws.workspace_id) == "REBUILDING"
        frozen.tick(timedelta(seconds=1))
        assert _state(client, ws.workspace_id) == "AVAILABLE"
        frozen.tick(timedelta(minutes=30))
        answer = client.describe_workspace_snapshots(WorkspaceId=ws.workspace_id)
        rebuilt = MOMENT + timedelta(hours=1, minutes=70)
        assert answer["RebuildSnapshots"] == [{"SnapshotTime": rebuilt}]
        assert answer["RestoreSnapshots"] == [{"SnapshotTime": rebuilt}]


@pytest.mark.parametrize(
    "state", ["PENDING", "IMPAIRED", "ADMIN_MAINTENANCE", "REBUILDING", "RESTORING", "SUSPENDED", "STOPPING"]
)
def test_rebuild_workspaces_wrong_state_fails_item(
    client: Any, workspaces_backend: WorkspacesBackend, state: str
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    ws = workspaces_backend.add_workspace(state=state, snapshots=True)
    failed = _rebuild(client, ws.workspace_id)
    assert failed == [
        {
            "WorkspaceId": ws.workspace_id,
            "ErrorCode": "InvalidResourceState.Workspace",
            "ErrorMessage": f"The WorkSpace {ws.workspace_id} is {state} and cannot be rebuilt.",
        }
    ]
    assert ws.state == state


def test_rebuild_workspaces_without_user_volume_snapshot_fails_item(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(snapshots=False)
    failed = _rebuild(client, ws.workspace_id)
    assert _codes(failed) == ["InvalidResourceState.Workspace"]
    assert (
        failed[0]["ErrorMessage"] == f"No user volume snapshot is available for WorkSpace {ws.workspace_id}."
    )


def test_rebuild_workspaces_pending_modification_fails_item(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    ws = workspaces_backend.add_workspace()
    client.modify_workspace_properties(
        WorkspaceId=ws.workspace_id, WorkspaceProperties={"UserVolumeSizeGib": 100}
    )
    assert _codes(_rebuild(client, ws.workspace_id)) == ["InvalidResourceState.Workspace"]


def test_rebuild_workspaces_unknown_workspace_fails_item(client: Any) -> None:
    failed = _rebuild(client, "ws-000000000")
    assert _codes(failed) == ["ResourceNotFound.Workspace"]
    assert "cannot be found" in failed[0]["ErrorMessage"]


def test_rebuild_workspaces_two_items_is_a_validation_error(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    a, b = workspaces_backend.add_workspace(), workspaces_backend.add_workspace()
    requests = [{"WorkspaceId": a.workspace_id}, {"WorkspaceId": b.workspace_id}]
    with pytest.raises(client.exceptions.ClientError) as caught:
        client.rebuild_workspaces(RebuildWorkspaceRequests=requests)
    assert caught.value.response["Error"]["Code"] == "ValidationException"
    assert a.state == b.state == "AVAILABLE"


def test_rebuild_workspaces_arranged_failure_ends_in_error(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace()
    workspaces_backend.fail_rebuild(ws.workspace_id)
    assert _rebuild(client, ws.workspace_id) == []
    assert _state(client, ws.workspace_id) == "ERROR"
    assert _rebuild(client, ws.workspace_id) == []  # the failure was used up; ERROR may be rebuilt
    assert _state(client, ws.workspace_id) == "AVAILABLE"


def test_rebuild_workspaces_misconfigured_user_fails_item(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace()
    workspaces_backend.fail_rebuild(ws.workspace_id, refuse=True)
    failed = _rebuild(client, ws.workspace_id)
    assert failed == [
        {
            "WorkspaceId": ws.workspace_id,
            "ErrorCode": "InvalidUserConfiguration.Workspace",
            "ErrorMessage": "The user was either not found or is misconfigured.",
        }
    ]
    assert ws.state == "AVAILABLE"


def test_rebuild_workspaces_ends_the_session_and_status_is_unknown_meanwhile(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    ws = workspaces_backend.add_workspace()
    workspaces_backend.connect_user(ws.workspace_id)
    _rebuild(client, ws.workspace_id)
    status = client.describe_workspaces_connection_status(WorkspaceIds=[ws.workspace_id])
    assert status["WorkspacesConnectionStatus"][0]["ConnectionState"] == "UNKNOWN"
    assert ws.connections is not None and ws.connections.open_session() is None


@pytest.mark.workspaces(lifecycle="manual")
def test_rebuild_workspaces_terminate_wins_over_running_rebuild(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace()
    _rebuild(client, ws.workspace_id)
    client.terminate_workspaces(TerminateWorkspaceRequests=[{"WorkspaceId": ws.workspace_id}])
    workspaces_backend.settle()
    assert _state(client, ws.workspace_id) == "GONE"


def test_add_workspace_rebuilding_moves_on_like_a_real_rebuild(workspaces_backend: WorkspacesBackend) -> None:
    ws = workspaces_backend.add_workspace(state="REBUILDING")
    workspaces_backend.settle()
    assert ws.state == "AVAILABLE"


def test_fail_rebuild_unknown_failure_state_is_a_python_error(workspaces_backend: WorkspacesBackend) -> None:
    ws = workspaces_backend.add_workspace()
    with pytest.raises(ValueError, match="to_state must be one of"):
        workspaces_backend.fail_rebuild(ws.workspace_id, to_state="STOPPED")


# ------------------------------------------------------------------------------------------ RestoreWorkspace
@pytest.mark.parametrize("state", ["AVAILABLE", "ERROR", "UNHEALTHY", "STOPPED"])
def test_restore_workspace_allowed_state_restores_to_available(
    client: Any, workspaces_backend: WorkspacesBackend, state: str
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    ws = workspaces_backend.add_workspace(state=state, running_mode="AUTO_STOP", snapshots=True)
    old_ip = ws.ip_address
    assert set(client.restore_workspace(WorkspaceId=ws.workspace_id)) == {"ResponseMetadata"}
    assert _state(client, ws.workspace_id) == "RESTORING"
    workspaces_backend.settle()
    assert _state(client, ws.workspace_id) == "AVAILABLE"
    assert ws.ip_address == old_ip


@pytest.mark.workspaces(lifecycle="timed")
def test_restore_workspace_timed_takes_thirty_minutes(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace()
    client.restore_workspace(WorkspaceId=ws.workspace_id)
    workspaces_backend.clock.advance(minutes=29)
    assert _state(client, ws.workspace_id) == "RESTORING"
    workspaces_backend.clock.advance(minutes=1)
    assert _state(client, ws.workspace_id) == "AVAILABLE"


@pytest.mark.parametrize("state", ["REBOOTING", "PENDING", "IMPAIRED", "REBUILDING", "ADMIN_MAINTENANCE"])
def test_restore_workspace_wrong_state_raises_operation_not_supported(
    client: Any, workspaces_backend: WorkspacesBackend, state: str
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    ws = workspaces_backend.add_workspace(state=state, snapshots=True)
    with pytest.raises(client.exceptions.OperationNotSupportedException) as caught:
        client.restore_workspace(WorkspaceId=ws.workspace_id)
    assert caught.value.response["reason"] == "InvalidResourceState"
    assert ws.state == state


def test_restore_workspace_without_restore_snapshot_raises_operation_not_supported(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(snapshots=False)
    workspaces_backend.take_snapshot(ws.workspace_id, kind="rebuild")  # a user-volume snapshot is not enough
    with pytest.raises(client.exceptions.OperationNotSupportedException) as caught:
        client.restore_workspace(WorkspaceId=ws.workspace_id)
    assert caught.value.response["reason"] == "NoRestoreSnapshot"


def test_restore_workspace_unknown_workspace_raises_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.restore_workspace(WorkspaceId="ws-000000000")
    assert caught.value.response["ResourceId"] == "ws-000000000"


def test_restore_workspace_bad_id_is_a_validation_error(client: Any) -> None:
    with pytest.raises(client.exceptions.ClientError) as caught:
        client.restore_workspace(WorkspaceId="ws-NOPE")
    assert caught.value.response["Error"]["Code"] == "ValidationException"


@pytest.mark.parametrize("to_state", ["ERROR", "UNHEALTHY"])
def test_restore_workspace_arranged_failure_ends_in_given_state(
    client: Any, workspaces_backend: WorkspacesBackend, to_state: str
) -> None:
    ws = workspaces_backend.add_workspace()
    workspaces_backend.fail_restore(ws.workspace_id, to_state=to_state)
    client.restore_workspace(WorkspaceId=ws.workspace_id)
    assert _state(client, ws.workspace_id) == to_state
