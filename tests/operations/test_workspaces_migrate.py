"""MigrateWorkspace: a new WorkSpace id at once, the source terminated when it completes, failures kept."""

from __future__ import annotations

from typing import Any

import pytest

from workspaces_fake import WorkspacesBackend
from workspaces_fake.models.bundles.catalog import public_bundle_id

STANDARD = public_bundle_id("Standard with Windows 10 (Server 2022 based)")
POWER = public_bundle_id("Power with Windows 10 (Server 2022 based)")
PERFORMANCE = public_bundle_id("Performance with Windows 10 (Server 2022 based)")
UBUNTU = public_bundle_id("Standard with Ubuntu 22.04")
GRAPHICS = public_bundle_id("Graphics.g4dn with Windows 10 (Server 2022 based)")


def _describe(client: Any, workspace_id: str) -> dict[str, Any]:
    found = client.describe_workspaces(WorkspaceIds=[workspace_id])["Workspaces"]
    return dict(found[0]) if found else {"State": "GONE"}


def _migrate(client: Any, workspace_id: str, bundle_id: str = POWER) -> str:
    answer = client.migrate_workspace(SourceWorkspaceId=workspace_id, BundleId=bundle_id)
    assert answer["SourceWorkspaceId"] == workspace_id
    return str(answer["TargetWorkspaceId"])


@pytest.mark.workspaces(lifecycle="manual")
def test_migrate_workspace_target_pending_at_once_then_replaces_source(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    source = workspaces_backend.add_workspace(
        user_name="alice", running_mode="AUTO_STOP", tags={"team": "blue"}
    )
    target_id = _migrate(client, source.workspace_id)
    assert target_id != source.workspace_id
    target = _describe(client, target_id)
    assert (target["State"], target["UserName"], target["BundleId"]) == ("PENDING", "alice", POWER)
    assert "IpAddress" not in target
    assert _describe(client, source.workspace_id)["State"] == "AVAILABLE"  # keeps its state meanwhile
    workspaces_backend.settle()
    target = _describe(client, target_id)
    assert target["State"] == "AVAILABLE" and target["ComputerName"] != source.computer_name
    assert target["WorkspaceProperties"]["RunningMode"] == "AUTO_STOP"
    assert target["WorkspaceProperties"]["ComputeTypeName"] == "POWER"
    assert _describe(client, source.workspace_id)["State"] == "GONE"
    assert client.describe_tags(ResourceId=target_id)["TagList"] == [{"Key": "team", "Value": "blue"}]


@pytest.mark.workspaces(lifecycle="timed")
def test_migrate_workspace_timed_target_pending_for_45_minutes_then_source_terminates(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    source = workspaces_backend.add_workspace()
    target_id = _migrate(client, source.workspace_id)
    workspaces_backend.clock.advance(minutes=44)
    assert _describe(client, target_id)["State"] == "PENDING"
    workspaces_backend.clock.advance(minutes=1)
    assert _describe(client, target_id)["State"] == "AVAILABLE"
    assert _describe(client, source.workspace_id)["State"] == "TERMINATING"
    workspaces_backend.clock.advance(minutes=10)
    assert _describe(client, source.workspace_id)["State"] == "GONE"


def test_migrate_workspace_instant_mode_completes_by_next_call(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    source = workspaces_backend.add_workspace()
    target_id = _migrate(client, source.workspace_id)
    assert _describe(client, target_id)["State"] == "AVAILABLE"
    assert _describe(client, source.workspace_id)["State"] == "GONE"


def test_migrate_workspace_volumes_grow_to_the_target_bundle(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    plain = workspaces_backend.add_workspace()  # 80 / 50, the bundle's defaults
    resized = workspaces_backend.add_workspace(root_volume_size_gib=175, user_volume_size_gib=60)
    props = _describe(client, _migrate(client, plain.workspace_id))["WorkspaceProperties"]
    assert (props["RootVolumeSizeGib"], props["UserVolumeSizeGib"]) == (175, 100)
    props = _describe(client, _migrate(client, resized.workspace_id))["WorkspaceProperties"]
    assert (props["RootVolumeSizeGib"], props["UserVolumeSizeGib"]) == (
        175,
        60,
    )  # a resized user volume stays


@pytest.mark.workspaces(lifecycle="manual")
def test_migrate_workspace_arranged_failure_terminates_target_and_keeps_source(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    source = workspaces_backend.add_workspace()
    workspaces_backend.fail_migration(source.workspace_id)
    target_id = _migrate(client, source.workspace_id)
    workspaces_backend.settle()
    assert _describe(client, target_id)["State"] == "GONE"
    assert _describe(client, source.workspace_id)["State"] == "AVAILABLE"
    assert source.migration is None
    assert (
        client.reboot_workspaces(RebootWorkspaceRequests=[{"WorkspaceId": source.workspace_id}])[
            "FailedRequests"
        ]
        == []
    )


@pytest.mark.workspaces(lifecycle="manual")
def test_migrate_workspace_source_is_locked_while_it_runs(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    source = workspaces_backend.add_workspace(running_mode="AUTO_STOP")
    _migrate(client, source.workspace_id)
    wid = source.workspace_id
    for call, key in (
        (client.stop_workspaces, "StopWorkspaceRequests"),
        (client.reboot_workspaces, "RebootWorkspaceRequests"),
        (client.rebuild_workspaces, "RebuildWorkspaceRequests"),
    ):
        failed = call(**{key: [{"WorkspaceId": wid}]})["FailedRequests"]
        assert [f["ErrorCode"] for f in failed] == ["InvalidResourceState.Workspace"]
    with pytest.raises(client.exceptions.OperationNotSupportedException):
        client.restore_workspace(WorkspaceId=wid)
    with pytest.raises(client.exceptions.OperationInProgressException):
        client.migrate_workspace(SourceWorkspaceId=wid, BundleId=PERFORMANCE)
    with pytest.raises(client.exceptions.OperationInProgressException):
        client.modify_workspace_properties(WorkspaceId=wid, WorkspaceProperties={"RunningMode": "ALWAYS_ON"})
    with pytest.raises(client.exceptions.InvalidResourceStateException):
        client.modify_workspace_state(WorkspaceId=wid, WorkspaceState="ADMIN_MAINTENANCE")


@pytest.mark.workspaces(lifecycle="manual")
def test_migrate_workspace_terminating_the_target_frees_the_source(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    source = workspaces_backend.add_workspace()
    target_id = _migrate(client, source.workspace_id)
    client.terminate_workspaces(TerminateWorkspaceRequests=[{"WorkspaceId": target_id}])
    assert source.migration is None
    workspaces_backend.settle()
    assert _describe(client, source.workspace_id)["State"] == "AVAILABLE"


def test_migrate_workspace_unknown_source_raises_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.migrate_workspace(SourceWorkspaceId="ws-000000000", BundleId=POWER)
    assert caught.value.response["ResourceId"] == "ws-000000000"


def test_migrate_workspace_unknown_bundle_raises_not_found_naming_it(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    source = workspaces_backend.add_workspace()
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.migrate_workspace(SourceWorkspaceId=source.workspace_id, BundleId="wsb-000000000")
    assert caught.value.response["ResourceId"] == "wsb-000000000"


@pytest.mark.parametrize("state", ["ADMIN_MAINTENANCE", "REBOOTING", "PENDING", "UNHEALTHY", "REBUILDING"])
def test_migrate_workspace_wrong_state_raises_operation_not_supported(
    client: Any, workspaces_backend: WorkspacesBackend, state: str
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    source = workspaces_backend.add_workspace(state=state, snapshots=True)
    with pytest.raises(client.exceptions.OperationNotSupportedException) as caught:
        client.migrate_workspace(SourceWorkspaceId=source.workspace_id, BundleId=POWER)
    assert caught.value.response["reason"] == "InvalidResourceState"


@pytest.mark.parametrize("state", ["STOPPED", "ERROR"])
def test_migrate_workspace_stopped_or_error_source_is_allowed(
    client: Any, workspaces_backend: WorkspacesBackend, state: str
) -> None:
    source = workspaces_backend.add_workspace(state=state, running_mode="AUTO_STOP", snapshots=True)
    target_id = _migrate(client, source.workspace_id)
    assert _describe(client, target_id)["State"] == "AVAILABLE"


def test_migrate_workspace_pending_modification_raises_operation_in_progress(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    source = workspaces_backend.add_workspace()
    client.modify_workspace_properties(
        WorkspaceId=source.workspace_id, WorkspaceProperties={"UserVolumeSizeGib": 100}
    )
    with pytest.raises(client.exceptions.OperationInProgressException):
        client.migrate_workspace(SourceWorkspaceId=source.workspace_id, BundleId=POWER)


@pytest.mark.parametrize(
    ("bundle", "error"),
    [(STANDARD, "InvalidParameterValuesException"), (UBUNTU, "InvalidParameterValuesException")],
    ids=["same-bundle", "graphics-to-wsp"],
)
def test_migrate_workspace_incompatible_bundle_raises_invalid_parameter_values(
    client: Any, workspaces_backend: WorkspacesBackend, bundle: str, error: str
) -> None:
    source_bundle = GRAPHICS if bundle == UBUNTU else STANDARD
    source = workspaces_backend.add_workspace(bundle_id=source_bundle)
    with pytest.raises(client.exceptions.ClientError) as caught:
        client.migrate_workspace(SourceWorkspaceId=source.workspace_id, BundleId=bundle)
    assert caught.value.response["Error"]["Code"] == error


def test_migrate_workspace_linux_source_raises_operation_not_supported(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    source = workspaces_backend.add_workspace(bundle_id=UBUNTU)
    with pytest.raises(client.exceptions.OperationNotSupportedException, match="Linux"):
        client.migrate_workspace(SourceWorkspaceId=source.workspace_id, BundleId=POWER)


def test_migrate_workspace_without_snapshot_raises_operation_not_supported(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    source = workspaces_backend.add_workspace(snapshots=False)
    with pytest.raises(client.exceptions.OperationNotSupportedException) as caught:
        client.migrate_workspace(SourceWorkspaceId=source.workspace_id, BundleId=POWER)
    assert caught.value.response["reason"] == "NoSnapshot"


def test_migrate_workspace_target_gets_its_bundle_applications_and_source_rows_go(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    office = public_bundle_id("Standard with Windows 10 and Office 2019 Pro Plus (Server 2019 based)")
    source = workspaces_backend.add_workspace(bundle_id=office)
    assert workspaces_backend.associations.of_workspace(source.workspace_id)
    target_id = _migrate(client, source.workspace_id)
    client.describe_workspaces()
    assert workspaces_backend.associations.of_workspace(source.workspace_id) == []
    assert workspaces_backend.associations.of_workspace(target_id) == []  # Power bundle ships none
